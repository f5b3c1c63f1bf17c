"""Render the persona benchmark study (hand-written answers) into transcript and survey files.

The study: 38 customers of "FreshCart", an online grocery delivery service, written with three
intended personas in mind:

* ``frugal``  - budget shoppers: keep the bill down, hunt offers, hate delivery fees and
  minimum orders, wary of membership fees and hidden costs, find deals in newsletters,
  coupon apps and Facebook groups.
* ``green``   - sustainability-minded: organic and local food, less food waste, hate plastic
  packaging, doubt green claims and van emissions, follow Instagram accounts, podcasts, friends.
* ``busy``    - time-pressed professionals and parents: save time, fast and reliable delivery,
  quick re-ordering; hate full delivery slots, late vans and substitutions; hesitate over
  having to be home for a delivery window; reached through app notifications, Google, colleagues.

Everyone also talks about things all personas share (fresh produce, the app, prices now and
then), so the personas overlap the way real ones do. 15 interviews (txt, vtt, srt; 12 English,
3 Danish) and 23 survey respondents (an English, a Danish and a Dutch CSV; five of them answered
only one or two questions). ``truth.json`` holds participant -> intended persona. The Dutch
survey was added later, written on its own (not translated), so that the language figures rest
on more than one non-English language.

Run ``python benchmarks/data/personas/make_study.py`` to regenerate the files (deterministic).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

HERE = Path(__file__).parent
STUDY = HERE / "study"

Q_EN = {
    "open": [
        "Thanks for taking the time. How do you usually do your grocery shopping?",
        "Great to meet you. Can you walk me through a normal grocery week for you?",
        "Let's start simple: how do groceries get into your house these days?",
    ],
    "goal": [
        "What are you hoping to get out of ordering groceries online?",
        "What would a perfect grocery service do for you?",
        "Why did you start using FreshCart in the first place?",
    ],
    "pain": [
        "What frustrates you about it today?",
        "What is the most annoying part of the whole thing?",
        "Tell me about the last time something went wrong.",
    ],
    "objection": [
        "Was there anything that almost stopped you from signing up?",
        "What made you hesitate before your first order?",
        "Is there anything that still makes you think twice before ordering?",
    ],
    "mindset": [
        "How would you describe yourself as a shopper?",
        "What matters most to you when you choose where to buy food?",
        "If a friend described your shopping habits, what would they say?",
    ],
    "channel": [
        "Where do you usually hear about new shops or offers?",
        "How did you find out about FreshCart?",
        "Where do you get ideas or tips about food and shopping?",
    ],
    "close": [
        "Anything else you'd like to add?",
        "Is there anything I didn't ask that I should have?",
        "Last question: anything you would change tomorrow if you could?",
    ],
}

Q_DA = {
    "open": "Tak fordi du ville være med. Hvordan handler du normalt ind?",
    "goal": "Hvad håber du at få ud af at bestille dagligvarer online?",
    "pain": "Hvad irriterer dig mest ved det i dag?",
    "objection": "Var der noget, der nær havde fået dig til at lade være med at bestille?",
    "mindset": "Hvordan vil du beskrive dig selv som forbruger?",
    "channel": "Hvor hører du typisk om nye butikker eller tilbud?",
    "close": "Er der andet, du gerne vil tilføje?",
}

# (file id, format, language, speaker, persona, answers per question key)
INTERVIEWS: list[dict] = [
    {
        "id": "p01",
        "format": "txt",
        "language": "en",
        "speaker": "Tom",
        "persona": "frugal",
        "answers": {
            "open": "Mostly I go to the discount supermarket on Saturdays, but I've been ordering online about twice a month since last spring.",
            "goal": "Honestly I just want to keep the weekly food bill under control. We're a family of four on one and a half incomes, so I need to stay within about 1,200 kroner a week.",
            "pain": "The delivery fee. Every single time I get to checkout there's 59 kroner on top, and if I don't hit the minimum order of 400 kroner they charge even more.",
            "objection": "They wanted me to sign up for a monthly membership to get free delivery. I don't want another subscription draining money from my account every month.",
            "mindset": "I'm a bargain hunter, no shame in it. I plan our dinners around whatever is on offer that week.",
            "channel": "I get the weekly offers newsletter from three different shops and I compare them on Sunday evening. That's actually how I found FreshCart, through a discount code in a newsletter.",
            "close": "Maybe that the vegetables were fresh, that was a nice surprise. But if the fee stays this high I'll go back to the store.",
        },
    },
    {
        "id": "p07",
        "format": "vtt",
        "language": "en",
        "speaker": "Lisa",
        "persona": "frugal",
        "answers": {
            "open": "I do a big shop once a week and then top up with bits and pieces. Online is new for me, maybe three months.",
            "goal": "I want to find the cheapest option without spending my whole evening on it. Good deals, basically, and knowing exactly what I'll pay before I order.",
            "pain": "Prices online are often a bit higher than in the actual store, which feels unfair. And the minimum order amount means I end up buying stuff I don't need just to avoid the extra charge.",
            "objection": "I was worried about hidden costs, like bag fees and service fees that only show up at the very end of checkout.",
            "mindset": "I'd say careful with money. I compare prices per kilo and I always check the yellow discount stickers.",
            "channel": "There's a Facebook group in my area where people post deals and coupon codes, I check it almost every day.",
            "close": "The app is okay. I just want the total to be clear from the beginning.",
        },
    },
    {
        "id": "p12",
        "format": "srt",
        "language": "en",
        "speaker": "Ahmed",
        "persona": "frugal",
        "answers": {
            "open": "I'm a student, so I shop wherever it's cheapest that week. Sometimes online if there's a good first-order discount.",
            "goal": "Saving money, full stop. I want to eat reasonably well on a student budget.",
            "pain": "The delivery charge kills it for small orders. Paying 49 kroner to get a bag of pasta and some milk delivered is just silly.",
            "objection": "The membership thing. They keep pushing the plus plan with a monthly fee, and I'm not paying a subscription for groceries.",
            "mindset": "Every krone counts for me right now. I'd rather walk an extra ten minutes to a cheaper shop.",
            "channel": "I use a coupon app that collects discount codes, and I follow a couple of price comparison sites.",
            "close": "If they had a student discount I'd probably order every week.",
        },
    },
    {
        "id": "p04",
        "format": "txt",
        "language": "en",
        "speaker": "Karen",
        "persona": "frugal",
        "answers": {
            "open": "I'm retired, so I have time to go to the shops, but my knee isn't great, so online helps on the heavy days.",
            "goal": "I want good value for my pension. I buy the offers and stock up when tinned food and coffee are on sale.",
            "pain": "What annoys me is that the special offers in the paper don't always apply online. And then there's the delivery fee on top.",
            "objection": "I almost didn't order because of the fees at checkout that I didn't see coming, a packing fee and a service charge.",
            "mindset": "I grew up with not much money, so I never pay full price if I can avoid it. I write a shopping list from the offers every week.",
            "channel": "I still read the printed offer leaflets, and my daughter forwards me discount codes she gets by email.",
            "close": "The drivers are always very friendly, I'll say that.",
        },
    },
    {
        "id": "p15",
        "format": "vtt",
        "language": "da",
        "speaker": "Mette",
        "persona": "frugal",
        "answers": {
            "open": "Jeg handler mest i discountbutikker, men jeg har prøvet at bestille online et par gange.",
            "goal": "Jeg vil gerne holde madbudgettet nede. Vi skal kunne klare os for under tusind kroner om ugen.",
            "pain": "Leveringsgebyret er alt for højt, og der er et minimumsbeløb, så man skal købe for meget for at undgå ekstra gebyr.",
            "objection": "Jeg havde ikke lyst til at betale et månedligt abonnement for gratis levering.",
            "mindset": "Jeg er ret sparsommelig. Jeg planlægger aftensmaden efter ugens tilbud.",
            "channel": "Jeg får tilbudsaviser på mail og bruger en app med rabatkoder.",
            "close": "Hvis leveringen var gratis, ville jeg bestille meget oftere.",
        },
    },
    {
        "id": "p09",
        "format": "vtt",
        "language": "en",
        "speaker": "Sofie",
        "persona": "green",
        "answers": {
            "open": "We get a FreshCart box every week and I go to the farmers market on Saturdays for vegetables.",
            "goal": "I want to eat more organic and local food, and really cut down on food waste at home. Knowing where things come from matters to me.",
            "pain": "The packaging drives me crazy. Every order comes with plastic bags inside plastic bags, and the cucumbers are wrapped in plastic too.",
            "objection": "I wondered whether having a van drive to my door is actually worse for the climate than me cycling to the shop.",
            "mindset": "I try to buy less but buy better. I'm happy to pay a bit more if it's better for the planet.",
            "channel": "I follow a few zero waste accounts on Instagram and that's where I first saw FreshCart mentioned.",
            "close": "The vegetables are lovely and fresh, so it's mostly the packaging.",
        },
    },
    {
        "id": "p02",
        "format": "txt",
        "language": "en",
        "speaker": "James",
        "persona": "green",
        "answers": {
            "open": "I order online most weeks because I don't own a car, and I fill in at the organic shop nearby.",
            "goal": "My goal is to lower our household's carbon footprint, and food is a big part of that. Seasonal, local, mostly plant-based.",
            "pain": "It's really hard to find out where the produce was grown. The app says nothing about origin or how it was farmed.",
            "objection": "I'm sceptical of the eco labels. Half of them feel like greenwashing, so I didn't trust the 'sustainable' badge on the site.",
            "mindset": "The planet comes first for me. I'd rather go without than buy something flown in from the other side of the world.",
            "channel": "I listen to a couple of sustainability podcasts, and friends from my climate group recommend things.",
            "close": "More plastic-free options would win me over completely.",
        },
    },
    {
        "id": "p13",
        "format": "srt",
        "language": "en",
        "speaker": "Priya",
        "persona": "green",
        "answers": {
            "open": "I shop online for the basics and buy fruit and vegetables from a local farm share.",
            "goal": "I want organic food for my kids and as little food waste as possible. I plan meals so nothing gets thrown out.",
            "pain": "Way too much plastic packaging, and the paper bags are double bagged for no reason. I end up with a pile of packaging after every delivery.",
            "objection": "I was concerned about the emissions of all those delivery vans driving around half empty.",
            "mindset": "I'm pretty conscious about what I buy. I'd pay more for organic and fair trade without thinking twice.",
            "channel": "Mostly Instagram, I follow sustainable living accounts, and word of mouth from other parents at school.",
            "close": "If they took the packaging back for reuse I'd be a customer for life.",
        },
    },
    {
        "id": "p06",
        "format": "vtt",
        "language": "en",
        "speaker": "Olivia",
        "persona": "green",
        "answers": {
            "open": "A mix. Online for heavy things, the zero waste shop for grains and the market for vegetables.",
            "goal": "Buying local and seasonal, supporting small farmers, and wasting less food.",
            "pain": "The amount of plastic is ridiculous. Bananas in a plastic bag, herbs in a plastic box. And no information about where the meat comes from.",
            "objection": "I don't really trust the green claims. Everyone says they're sustainable these days, it's a bit of greenwashing.",
            "mindset": "I think we all have a responsibility to the planet. I'll happily pay more for sustainable food.",
            "channel": "I listen to podcasts about food and climate, and I follow a few eco influencers on Instagram.",
            "close": "The delivery is fine, on time and everything.",
        },
    },
    {
        "id": "p10",
        "format": "txt",
        "language": "da",
        "speaker": "Rasmus",
        "persona": "green",
        "answers": {
            "open": "Jeg bestiller online en gang om ugen og køber grøntsager direkte fra en gård.",
            "goal": "Jeg vil gerne spise økologisk og lokalt og smide mindre mad ud.",
            "pain": "Der er alt for meget plastikemballage. Alt er pakket ind i plastik, selv agurkerne.",
            "objection": "Jeg var i tvivl om, om varebilerne er dårlige for klimaet.",
            "mindset": "Klimaet betyder meget for mig, og jeg betaler gerne lidt mere for bæredygtige varer.",
            "channel": "Jeg følger bæredygtige konti på Instagram og lytter til podcasts om klima.",
            "close": "Ellers er jeg glad for kvaliteten af grøntsagerne.",
        },
    },
    {
        "id": "p05",
        "format": "srt",
        "language": "en",
        "speaker": "Mark",
        "persona": "busy",
        "answers": {
            "open": "Honestly I barely shop anymore. I work long hours and we order almost everything online.",
            "goal": "I want to save time. Groceries should just show up at the door without me thinking about it.",
            "pain": "The delivery slots are always full in the evening, and last week the van came an hour late while I was waiting.",
            "objection": "I wasn't sure I could be home during the delivery window, with my meetings all over the place.",
            "mindset": "Time is worth more to me than money. I'll pay for convenience every time.",
            "channel": "I mostly Google things on my phone between meetings, and a colleague told me about FreshCart.",
            "close": "A one-hour delivery window would be a game changer.",
        },
    },
    {
        "id": "p14",
        "format": "txt",
        "language": "en",
        "speaker": "Hannah",
        "persona": "busy",
        "answers": {
            "open": "Two kids, two jobs, no time. Online grocery shopping is a lifesaver for us.",
            "goal": "Fast delivery, and being able to reorder last week's basket with one tap. I want it done in two minutes.",
            "pain": "The substitutions are a nightmare. I order oat milk and get something completely different, and then I have to go to the shop anyway.",
            "objection": "Before I signed up I was worried about having to sit at home for a four-hour delivery window.",
            "mindset": "Convenience first, always. I don't compare prices, I don't have the time.",
            "channel": "The app notifications remind me to order, and other parents at work recommended it.",
            "close": "Same-day delivery in the evening would be amazing.",
        },
    },
    {
        "id": "p08",
        "format": "vtt",
        "language": "en",
        "speaker": "Daniel",
        "persona": "busy",
        "answers": {
            "open": "I travel for work a lot, so when I'm home I order groceries from my phone, usually late at night.",
            "goal": "Getting groceries quickly without wasting my evenings in a queue. Speed and reliability, that's it.",
            "pain": "Late deliveries. The van was two hours late twice this month, and the app is slow and complicated when you just want to check out.",
            "objection": "I hesitated because I didn't know if they would actually arrive on time, I can't be waiting around.",
            "mindset": "I'm very busy and I value my time. Anything that saves me an hour is worth it.",
            "channel": "I get push notifications from the app and I saw an ad while searching on Google.",
            "close": "A faster checkout would help a lot, it takes too many taps.",
        },
    },
    {
        "id": "p03",
        "format": "srt",
        "language": "en",
        "speaker": "Chloe",
        "persona": "busy",
        "answers": {
            "open": "I'm a nurse working shifts, so my schedule is all over the place. I order online whenever I get a spare moment.",
            "goal": "I need groceries delivered fast and at times that fit my shifts. Quick and easy, no fuss.",
            "pain": "The evening delivery slots are always taken, and when something is out of stock they substitute it with random stuff.",
            "objection": "I almost didn't sign up because I'm never sure I'll be home when the driver comes.",
            "mindset": "Convenience matters more than price for me. My time off is precious.",
            "channel": "Colleagues at the hospital recommended it, and I get reminders through the app.",
            "close": "Honestly it saves me hours every week, I'd just like more delivery slots.",
        },
    },
    {
        "id": "p11",
        "format": "srt",
        "language": "da",
        "speaker": "Line",
        "persona": "busy",
        "answers": {
            "open": "Jeg har travlt med arbejde og børn, så jeg bestiller næsten alt online.",
            "goal": "Jeg vil spare tid og have varerne leveret hurtigt.",
            "pain": "Leveringstiderne om aftenen er altid optaget, og bilen kommer tit for sent.",
            "objection": "Jeg var bekymret for, om jeg kunne være hjemme, når varerne blev leveret.",
            "mindset": "Bekvemmelighed er vigtigere for mig end prisen. Min tid er dyrebar.",
            "channel": "Kolleger anbefalede det, og jeg får påmindelser fra appen.",
            "close": "Det sparer mig for mange timer hver uge.",
        },
    },
]

SURVEY_EN_COLUMNS = [
    "respondent_id",
    "segment",
    "age_band",
    "What are you trying to achieve when you order groceries online?",
    "What frustrates you most about online grocery shopping?",
    "What almost stopped you from ordering?",
    "Where do you hear about new food shops or offers?",
]
SURVEY_EN = [
    (
        "r-en-01",
        "frugal",
        "new customer",
        "25-34",
        "Keep my weekly food spending low and grab the best offers.",
        "Delivery fees and the minimum order make small orders pointless.",
        "I didn't want a monthly membership fee just to get free delivery.",
        "Discount newsletters and a coupon app.",
    ),
    (
        "r-en-02",
        "frugal",
        "returning",
        "45-54",
        "Save money on the big family shop.",
        "Prices are higher online than in the store.",
        "Hidden fees at the end of checkout.",
        "A Facebook deals group.",
    ),
    (
        "r-en-03",
        "green",
        "returning",
        "35-44",
        "Buy organic and local food and waste less.",
        "Too much plastic packaging in every order.",
        "I doubted the green claims, it sounded like greenwashing.",
        "Instagram accounts about sustainable living.",
    ),
    (
        "r-en-04",
        "green",
        "new customer",
        "25-34",
        "Lower my carbon footprint through what I eat.",
        "No information about where the produce comes from, and lots of plastic.",
        "Worried about delivery van emissions.",
        "Podcasts and friends.",
    ),
    (
        "r-en-05",
        "busy",
        "returning",
        "35-44",
        "Save time every week and get groceries delivered fast.",
        "Evening delivery slots are always full.",
        "Having to be at home for a long delivery window.",
        "Push notifications from the app.",
    ),
    (
        "r-en-06",
        "busy",
        "new customer",
        "25-34",
        "Quick reordering so the weekly shop takes two minutes.",
        "Late deliveries and random substitutions.",
        "Not sure the delivery would arrive on time.",
        "A colleague recommended it.",
    ),
    # sparse respondents: one or two answers only
    (
        "r-en-07",
        "frugal",
        "new customer",
        "18-24",
        "",
        "The delivery fee is too high for small orders.",
        "",
        "",
    ),
    ("r-en-08", "busy", "returning", "45-54", "Save time.", "", "", "Saw it on Google."),
]
SURVEY_DA_COLUMNS = [
    "respondent_id",
    "segment",
    "age_band",
    "Hvad vil du gerne opnå, når du bestiller dagligvarer online?",
    "Hvad irriterer dig mest ved at handle dagligvarer online?",
    "Hvad var nær ved at få dig til at lade være med at bestille?",
    "Hvor hører du om nye madbutikker eller tilbud?",
]
SURVEY_DA = [
    (
        "r-da-01",
        "frugal",
        "ny kunde",
        "25-34",
        "Holde udgifterne til mad nede og finde gode tilbud.",
        "Leveringsgebyret er for højt, og der er et minimumsbeløb.",
        "Jeg ville ikke betale et månedligt abonnement.",
        "Tilbudsaviser og rabatkoder på mail.",
    ),
    (
        "r-da-02",
        "frugal",
        "tilbagevendende",
        "55-64",
        "Spare penge på familiens indkøb.",
        "Priserne er højere online end i butikken.",
        "Skjulte gebyrer ved betalingen.",
        "En Facebook-gruppe med tilbud.",
    ),
    (
        "r-da-03",
        "green",
        "tilbagevendende",
        "35-44",
        "Købe økologisk og lokalt og smide mindre mad ud.",
        "Alt for meget plastikemballage.",
        "Jeg stoler ikke på de grønne mærker.",
        "Bæredygtige profiler på Instagram.",
    ),
    (
        "r-da-04",
        "green",
        "ny kunde",
        "25-34",
        "Spise mere klimavenligt.",
        "Man kan ikke se, hvor grøntsagerne kommer fra.",
        "Varebilernes udledning af CO2.",
        "Podcasts om klima og venner.",
    ),
    (
        "r-da-05",
        "busy",
        "tilbagevendende",
        "35-44",
        "Spare tid og få varerne leveret hurtigt.",
        "Leveringstiderne om aftenen er altid optaget.",
        "At jeg skal være hjemme i et langt leveringsvindue.",
        "Notifikationer fra appen.",
    ),
    (
        "r-da-06",
        "busy",
        "ny kunde",
        "45-54",
        "Hurtigt kunne bestille de samme varer igen.",
        "Varerne kommer for sent.",
        "Jeg var usikker på, om leveringen kom til tiden.",
        "En kollega anbefalede det.",
    ),
    # sparse respondent
    ("r-da-07", "green", "ny kunde", "25-34", "", "For meget plastik.", "", ""),
]


SURVEY_NL_COLUMNS = [
    "respondent_id",
    "segment",
    "age_band",
    "Wat wil je bereiken als je online boodschappen bestelt?",
    "Wat ergert je het meest aan online boodschappen doen?",
    "Wat hield je bijna tegen om te bestellen?",
    "Waar hoor je over nieuwe winkels of aanbiedingen?",
]
# written separately from the English and Danish surveys (not translations of them)
SURVEY_NL = [
    (
        "r-nl-01",
        "frugal",
        "nieuwe klant",
        "25-34",
        "Zo min mogelijk kwijt zijn aan eten en alleen de aanbiedingen van de week kopen.",
        "Die bezorgkosten, en je moet ook nog een minimumbedrag halen.",
        "Ze wilden dat ik een betaald abonnement nam voor gratis bezorging.",
        "De reclamefolders en kortingscodes in mijn mail.",
    ),
    (
        "r-nl-02",
        "frugal",
        "terugkerend",
        "35-44",
        "Goedkoper uit zijn dan in de supermarkt, want we hebben drie kinderen.",
        "Dezelfde pak melk kost online meer dan in de winkel.",
        "Servicekosten die pas bij het afrekenen opduiken.",
        "Prijsvergelijkingssites en een app met kortingsbonnen.",
    ),
    (
        "r-nl-03",
        "green",
        "terugkerend",
        "45-54",
        "Biologische producten van boeren uit de buurt, en minder eten weggooien.",
        "Elke komkommer zit apart in plastic, dat vind ik echt onnodig.",
        "Ik vertrouw die duurzaamheidslabels niet, het voelt als greenwashing.",
        "Instagram, accounts over een duurzaam leven zonder afval.",
    ),
    (
        "r-nl-04",
        "green",
        "nieuwe klant",
        "25-34",
        "Mijn voetafdruk kleiner maken met wat er op ons bord komt.",
        "Nergens staat waar de groente is geteeld of hoe ver die heeft gereisd.",
        "Al die bestelbusjes die door de wijk rijden, dat is toch slecht voor het klimaat.",
        "Een podcast over klimaat en tips van vrienden.",
    ),
    (
        "r-nl-05",
        "busy",
        "terugkerend",
        "35-44",
        "Geen tijd meer kwijt aan de supermarkt, boodschappen snel aan de deur.",
        "De avondtijden om te bezorgen zijn altijd al vol.",
        "Dat ik een heel tijdvak thuis moet blijven om op de bezorger te wachten.",
        "Meldingen van de app op mijn telefoon.",
    ),
    (
        "r-nl-06",
        "busy",
        "nieuwe klant",
        "45-54",
        "In de trein met een paar tikken mijn vaste boodschappen opnieuw bestellen.",
        "De bezorger is vaak te laat en dan krijg ik vervangende producten die ik niet wil.",
        "Ik wist niet of de bestelling wel op tijd zou komen.",
        "Via Google, en een collega gebruikte het al.",
    ),
    # sparse respondents
    (
        "r-nl-07",
        "frugal",
        "nieuwe klant",
        "18-24",
        "",
        "Bezorgkosten te hoog voor een kleine bestelling.",
        "",
        "",
    ),
    ("r-nl-08", "busy", "terugkerend", "35-44", "Tijd besparen.", "", "", ""),
]


def _stamp(seconds: float, comma: bool) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{int(hours):02d}:{int(minutes):02d}:{secs:06.3f}"
    return text.replace(".", ",") if comma else text


def _turns(interview: dict, index: int) -> list[tuple[str, str]]:
    turns = []
    danish = interview["language"] == "da"
    for key in ("open", "goal", "pain", "objection", "mindset", "channel", "close"):
        question = Q_DA[key] if danish else Q_EN[key][index % len(Q_EN[key])]
        turns.append(("Interviewer", question))
        turns.append((interview["speaker"], interview["answers"][key]))
    return turns


def _split(text: str) -> list[str]:
    """Split long answers across two cues mid-sentence, as caption exports do."""
    words = text.split()
    if len(words) < 18:
        return [text]
    middle = len(words) // 2
    return [" ".join(words[:middle]), " ".join(words[middle:])]


def render(interview: dict, index: int) -> str:
    turns = _turns(interview, index)
    fmt = interview["format"]
    clock = 1.0
    lines: list[str] = []
    if fmt == "vtt":
        lines.append("WEBVTT\n")
    cue = 0
    for speaker, text in turns:
        pieces = _split(text) if fmt in ("vtt", "srt") else [text]
        for piece in pieces:
            duration = 1.5 + 0.33 * len(piece.split())
            if fmt == "txt":
                minutes, secs = divmod(int(clock), 60)
                lines.append(f"[00:{minutes:02d}:{secs:02d}] {speaker}: {piece}")
            else:
                cue += 1
                start = _stamp(clock, fmt == "srt")
                end = _stamp(clock + duration, fmt == "srt")
                lines.append(f"{cue}\n{start} --> {end}\n{speaker}: {piece}\n")
            clock += duration + 0.5
    return "\n".join(lines) + "\n"


def main() -> None:
    STUDY.mkdir(parents=True, exist_ok=True)
    truth: dict[str, str] = {}
    for index, interview in enumerate(INTERVIEWS):
        path = STUDY / f"{interview['id']}.{interview['format']}"
        path.write_text(render(interview, index), encoding="utf-8")
        truth[interview["id"]] = interview["persona"]
    for name, columns, rows in (
        ("survey_en.csv", SURVEY_EN_COLUMNS, SURVEY_EN),
        ("survey_da.csv", SURVEY_DA_COLUMNS, SURVEY_DA),
        ("survey_nl.csv", SURVEY_NL_COLUMNS, SURVEY_NL),
    ):
        with open(STUDY / name, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            for row in rows:
                respondent, persona, *values = row
                writer.writerow([respondent, *values])
                truth[respondent] = persona
    (HERE / "truth.json").write_text(
        json.dumps(dict(sorted(truth.items())), indent=2) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
