"""Write the gold statements and meaning-level themes of both own persona studies.

The annotation below was written by the benchmark's author by reading the answers of
``make_study.py`` (grocery) and ``make_study_b2b.py`` (B2B software), as a human annotator
would: a statement is a sentence or clause of a respondent's answer that states a goal, pain
point, objection, mindset or channel (small talk, biography and facts are left out); its theme
is the meaning a researcher would write on the wall ("delivery fees", "saves time"), not the
product named, and one theme id is shared by every language. The kind of a statement is the
kind of its theme. The pipeline was not run to write it.

Interviews are annotated turn by turn (participant -> [(text, theme), ...]); the grocery
survey cell by cell the same way; the B2B survey, which ``make_study_b2b.py`` composes from
phrase pools, fragment by fragment (``B2B_FRAGMENTS``: fragment -> theme), then each
fragment is looked up in the cell it was used in.

Every ``text`` is checked to be an exact substring of that participant's answer as it reads
in the rendered study file (caption cues of one answer joined with a space). Run
``python benchmarks/data/personas/make_gold.py`` after ``make_study*.py`` to regenerate
``gold_statements.jsonl``, ``gold_themes.json``, ``gold_statements_b2b.jsonl`` and
``gold_themes_b2b.json`` (deterministic).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

HERE = Path(__file__).parent

# --------------------------------------------------------------------------- grocery themes
# (id, kind, label, description)
GROCERY_THEMES = [
    (
        "save-money",
        "goal",
        "keep the bill down",
        "spend little on food, save money, get the offers",
    ),
    ("clear-price", "goal", "know the total up front", "the price to pay is clear before ordering"),
    (
        "organic-local",
        "goal",
        "organic, local, seasonal food",
        "eat organic/local/seasonal, know the origin",
    ),
    ("less-waste", "goal", "waste less food", "throw away less food"),
    ("footprint", "goal", "lower the climate footprint", "eat in a climate-friendly way"),
    ("save-time", "goal", "save time", "groceries without spending time or thought on them"),
    (
        "fast-delivery",
        "goal",
        "fast, reliable delivery",
        "groceries delivered quickly and reliably",
    ),
    ("reorder", "goal", "quick re-ordering", "order the usual basket again in a few taps"),
    (
        "delivery-fee",
        "pain_point",
        "delivery fees and minimum order",
        "the fee, the minimum order, small orders not worth it",
    ),
    (
        "online-prices",
        "pain_point",
        "dearer online than in store",
        "online prices higher, store offers not valid online",
    ),
    ("plastic", "pain_point", "plastic packaging", "too much (plastic) packaging"),
    (
        "origin-info",
        "pain_point",
        "no origin information",
        "can't see where the produce comes from",
    ),
    (
        "full-slots",
        "pain_point",
        "evening slots full",
        "delivery slots (in the evening) always taken",
    ),
    ("late-delivery", "pain_point", "late deliveries", "the van comes late"),
    (
        "substitutions",
        "pain_point",
        "substitutions",
        "out-of-stock items replaced by something else",
    ),
    (
        "slow-app",
        "pain_point",
        "slow app and checkout",
        "the app is slow, checkout takes too many taps",
    ),
    (
        "membership",
        "objection",
        "membership fee",
        "not paying a monthly subscription for free delivery",
    ),
    (
        "hidden-fees",
        "objection",
        "hidden fees at checkout",
        "service, bag and packing fees that appear at the end",
    ),
    (
        "greenwashing",
        "objection",
        "distrust of green claims",
        "eco labels and sustainability claims feel like greenwashing",
    ),
    (
        "van-emissions",
        "objection",
        "delivery van emissions",
        "vans driving around may be worse for the climate",
    ),
    ("be-home", "objection", "having to be home", "having to be at home for the delivery window"),
    ("on-time", "objection", "will it arrive on time", "unsure the delivery would arrive on time"),
    (
        "frugal",
        "mindset",
        "careful with money",
        "bargain hunter, plans around offers, never pays full price",
    ),
    ("planet-first", "mindset", "planet first", "conscious buyer, pays more for sustainable food"),
    ("time-over-money", "mindset", "time over money", "convenience first, time is precious"),
    (
        "offer-newsletters",
        "channel",
        "offer newsletters and leaflets",
        "offer newsletters, leaflets, discount codes by email",
    ),
    (
        "coupon-apps",
        "channel",
        "coupon apps and comparison sites",
        "coupon/discount-code apps, price comparison sites",
    ),
    (
        "facebook-deals",
        "channel",
        "Facebook deals groups",
        "local Facebook groups where people post deals",
    ),
    (
        "instagram",
        "channel",
        "Instagram accounts",
        "sustainable living / zero waste / eco accounts on Instagram",
    ),
    ("podcasts", "channel", "podcasts", "podcasts about sustainability, food and climate"),
    (
        "word-of-mouth",
        "channel",
        "word of mouth",
        "friends, colleagues, other parents recommend it",
    ),
    (
        "app-notifications",
        "channel",
        "app notifications",
        "push notifications and reminders from the app",
    ),
    ("google", "channel", "Google search", "searching on Google, search ads"),
]

GROCERY: dict[str, list[tuple[str, str]]] = {
    "p01": [
        ("I just want to keep the weekly food bill under control", "save-money"),
        ("I need to stay within about 1,200 kroner a week", "save-money"),
        ("Every single time I get to checkout there's 59 kroner on top", "delivery-fee"),
        ("if I don't hit the minimum order of 400 kroner they charge even more", "delivery-fee"),
        ("They wanted me to sign up for a monthly membership to get free delivery", "membership"),
        (
            "I don't want another subscription draining money from my account every month",
            "membership",
        ),
        ("I'm a bargain hunter, no shame in it", "frugal"),
        ("I plan our dinners around whatever is on offer that week", "frugal"),
        (
            "I get the weekly offers newsletter from three different shops and I compare them on Sunday evening",
            "offer-newsletters",
        ),
        (
            "That's actually how I found FreshCart, through a discount code in a newsletter",
            "offer-newsletters",
        ),
        ("if the fee stays this high I'll go back to the store", "delivery-fee"),
    ],
    "p07": [
        (
            "I want to find the cheapest option without spending my whole evening on it",
            "save-money",
        ),
        ("knowing exactly what I'll pay before I order", "clear-price"),
        (
            "Prices online are often a bit higher than in the actual store, which feels unfair",
            "online-prices",
        ),
        (
            "the minimum order amount means I end up buying stuff I don't need just to avoid the extra charge",
            "delivery-fee",
        ),
        (
            "I was worried about hidden costs, like bag fees and service fees that only show up at the very end of checkout",
            "hidden-fees",
        ),
        ("I'd say careful with money", "frugal"),
        ("I compare prices per kilo and I always check the yellow discount stickers", "frugal"),
        (
            "There's a Facebook group in my area where people post deals and coupon codes, I check it almost every day",
            "facebook-deals",
        ),
        ("I just want the total to be clear from the beginning", "clear-price"),
    ],
    "p12": [
        ("Saving money, full stop", "save-money"),
        ("I want to eat reasonably well on a student budget", "save-money"),
        ("The delivery charge kills it for small orders", "delivery-fee"),
        (
            "Paying 49 kroner to get a bag of pasta and some milk delivered is just silly",
            "delivery-fee",
        ),
        (
            "They keep pushing the plus plan with a monthly fee, and I'm not paying a subscription for groceries",
            "membership",
        ),
        ("Every krone counts for me right now", "frugal"),
        ("I'd rather walk an extra ten minutes to a cheaper shop", "frugal"),
        (
            "I use a coupon app that collects discount codes, and I follow a couple of price comparison sites",
            "coupon-apps",
        ),
    ],
    "p04": [
        ("I want good value for my pension", "save-money"),
        ("I buy the offers and stock up when tinned food and coffee are on sale", "save-money"),
        ("the special offers in the paper don't always apply online", "online-prices"),
        ("And then there's the delivery fee on top", "delivery-fee"),
        (
            "I almost didn't order because of the fees at checkout that I didn't see coming, a packing fee and a service charge",
            "hidden-fees",
        ),
        ("I never pay full price if I can avoid it", "frugal"),
        ("I write a shopping list from the offers every week", "frugal"),
        ("I still read the printed offer leaflets", "offer-newsletters"),
        ("my daughter forwards me discount codes she gets by email", "offer-newsletters"),
    ],
    "p15": [
        ("Jeg vil gerne holde madbudgettet nede", "save-money"),
        ("Vi skal kunne klare os for under tusind kroner om ugen", "save-money"),
        ("Leveringsgebyret er alt for højt", "delivery-fee"),
        (
            "der er et minimumsbeløb, så man skal købe for meget for at undgå ekstra gebyr",
            "delivery-fee",
        ),
        (
            "Jeg havde ikke lyst til at betale et månedligt abonnement for gratis levering",
            "membership",
        ),
        ("Jeg er ret sparsommelig", "frugal"),
        ("Jeg planlægger aftensmaden efter ugens tilbud", "frugal"),
        ("Jeg får tilbudsaviser på mail", "offer-newsletters"),
        ("bruger en app med rabatkoder", "coupon-apps"),
    ],
    "p09": [
        ("I want to eat more organic and local food", "organic-local"),
        ("really cut down on food waste at home", "less-waste"),
        ("Knowing where things come from matters to me", "organic-local"),
        ("The packaging drives me crazy", "plastic"),
        (
            "Every order comes with plastic bags inside plastic bags, and the cucumbers are wrapped in plastic too",
            "plastic",
        ),
        (
            "I wondered whether having a van drive to my door is actually worse for the climate than me cycling to the shop",
            "van-emissions",
        ),
        ("I try to buy less but buy better", "planet-first"),
        ("I'm happy to pay a bit more if it's better for the planet", "planet-first"),
        (
            "I follow a few zero waste accounts on Instagram and that's where I first saw FreshCart mentioned",
            "instagram",
        ),
    ],
    "p02": [
        (
            "My goal is to lower our household's carbon footprint, and food is a big part of that",
            "footprint",
        ),
        ("Seasonal, local, mostly plant-based", "organic-local"),
        ("It's really hard to find out where the produce was grown", "origin-info"),
        ("The app says nothing about origin or how it was farmed", "origin-info"),
        ("I'm sceptical of the eco labels", "greenwashing"),
        (
            "Half of them feel like greenwashing, so I didn't trust the 'sustainable' badge on the site",
            "greenwashing",
        ),
        ("The planet comes first for me", "planet-first"),
        (
            "I'd rather go without than buy something flown in from the other side of the world",
            "planet-first",
        ),
        ("I listen to a couple of sustainability podcasts", "podcasts"),
        ("friends from my climate group recommend things", "word-of-mouth"),
    ],
    "p13": [
        ("I want organic food for my kids", "organic-local"),
        ("as little food waste as possible", "less-waste"),
        ("I plan meals so nothing gets thrown out", "less-waste"),
        (
            "Way too much plastic packaging, and the paper bags are double bagged for no reason",
            "plastic",
        ),
        ("I end up with a pile of packaging after every delivery", "plastic"),
        (
            "I was concerned about the emissions of all those delivery vans driving around half empty",
            "van-emissions",
        ),
        ("I'm pretty conscious about what I buy", "planet-first"),
        ("I'd pay more for organic and fair trade without thinking twice", "planet-first"),
        ("Mostly Instagram, I follow sustainable living accounts", "instagram"),
        ("word of mouth from other parents at school", "word-of-mouth"),
    ],
    "p06": [
        ("Buying local and seasonal, supporting small farmers", "organic-local"),
        ("wasting less food", "less-waste"),
        ("The amount of plastic is ridiculous", "plastic"),
        ("Bananas in a plastic bag, herbs in a plastic box", "plastic"),
        ("no information about where the meat comes from", "origin-info"),
        ("I don't really trust the green claims", "greenwashing"),
        (
            "Everyone says they're sustainable these days, it's a bit of greenwashing",
            "greenwashing",
        ),
        ("I think we all have a responsibility to the planet", "planet-first"),
        ("I'll happily pay more for sustainable food", "planet-first"),
        ("I listen to podcasts about food and climate", "podcasts"),
        ("I follow a few eco influencers on Instagram", "instagram"),
    ],
    "p10": [
        ("Jeg vil gerne spise økologisk og lokalt", "organic-local"),
        ("smide mindre mad ud", "less-waste"),
        ("Der er alt for meget plastikemballage", "plastic"),
        ("Alt er pakket ind i plastik, selv agurkerne", "plastic"),
        ("Jeg var i tvivl om, om varebilerne er dårlige for klimaet", "van-emissions"),
        ("Klimaet betyder meget for mig", "planet-first"),
        ("jeg betaler gerne lidt mere for bæredygtige varer", "planet-first"),
        ("Jeg følger bæredygtige konti på Instagram", "instagram"),
        ("lytter til podcasts om klima", "podcasts"),
    ],
    "p05": [
        ("I want to save time", "save-time"),
        ("Groceries should just show up at the door without me thinking about it", "save-time"),
        ("The delivery slots are always full in the evening", "full-slots"),
        ("last week the van came an hour late while I was waiting", "late-delivery"),
        (
            "I wasn't sure I could be home during the delivery window, with my meetings all over the place",
            "be-home",
        ),
        ("Time is worth more to me than money", "time-over-money"),
        ("I'll pay for convenience every time", "time-over-money"),
        ("I mostly Google things on my phone between meetings", "google"),
        ("a colleague told me about FreshCart", "word-of-mouth"),
    ],
    "p14": [
        ("Fast delivery", "fast-delivery"),
        ("being able to reorder last week's basket with one tap", "reorder"),
        ("I want it done in two minutes", "save-time"),
        ("The substitutions are a nightmare", "substitutions"),
        (
            "I order oat milk and get something completely different, and then I have to go to the shop anyway",
            "substitutions",
        ),
        (
            "Before I signed up I was worried about having to sit at home for a four-hour delivery window",
            "be-home",
        ),
        ("Convenience first, always", "time-over-money"),
        ("I don't compare prices, I don't have the time", "time-over-money"),
        ("The app notifications remind me to order", "app-notifications"),
        ("other parents at work recommended it", "word-of-mouth"),
        ("Same-day delivery in the evening would be amazing", "fast-delivery"),
    ],
    "p08": [
        ("Getting groceries quickly without wasting my evenings in a queue", "save-time"),
        ("Speed and reliability, that's it", "fast-delivery"),
        ("The van was two hours late twice this month", "late-delivery"),
        ("the app is slow and complicated when you just want to check out", "slow-app"),
        (
            "I hesitated because I didn't know if they would actually arrive on time, I can't be waiting around",
            "on-time",
        ),
        ("I'm very busy and I value my time", "time-over-money"),
        ("Anything that saves me an hour is worth it", "time-over-money"),
        ("I get push notifications from the app", "app-notifications"),
        ("I saw an ad while searching on Google", "google"),
        ("A faster checkout would help a lot, it takes too many taps", "slow-app"),
    ],
    "p03": [
        ("I need groceries delivered fast and at times that fit my shifts", "fast-delivery"),
        ("The evening delivery slots are always taken", "full-slots"),
        ("when something is out of stock they substitute it with random stuff", "substitutions"),
        (
            "I almost didn't sign up because I'm never sure I'll be home when the driver comes",
            "be-home",
        ),
        ("Convenience matters more than price for me", "time-over-money"),
        ("My time off is precious", "time-over-money"),
        ("Colleagues at the hospital recommended it", "word-of-mouth"),
        ("I get reminders through the app", "app-notifications"),
    ],
    "p11": [
        ("Jeg vil spare tid", "save-time"),
        ("have varerne leveret hurtigt", "fast-delivery"),
        ("Leveringstiderne om aftenen er altid optaget", "full-slots"),
        ("bilen kommer tit for sent", "late-delivery"),
        ("Jeg var bekymret for, om jeg kunne være hjemme, når varerne blev leveret", "be-home"),
        ("Bekvemmelighed er vigtigere for mig end prisen", "time-over-money"),
        ("Min tid er dyrebar", "time-over-money"),
        ("Kolleger anbefalede det", "word-of-mouth"),
        ("jeg får påmindelser fra appen", "app-notifications"),
    ],
    # survey respondents
    "r-en-01": [
        ("Keep my weekly food spending low", "save-money"),
        ("grab the best offers", "save-money"),
        ("Delivery fees and the minimum order make small orders pointless", "delivery-fee"),
        ("I didn't want a monthly membership fee just to get free delivery", "membership"),
        ("Discount newsletters", "offer-newsletters"),
        ("a coupon app", "coupon-apps"),
    ],
    "r-en-02": [
        ("Save money on the big family shop", "save-money"),
        ("Prices are higher online than in the store", "online-prices"),
        ("Hidden fees at the end of checkout", "hidden-fees"),
        ("A Facebook deals group", "facebook-deals"),
    ],
    "r-en-03": [
        ("Buy organic and local food", "organic-local"),
        ("waste less", "less-waste"),
        ("Too much plastic packaging in every order", "plastic"),
        ("I doubted the green claims, it sounded like greenwashing", "greenwashing"),
        ("Instagram accounts about sustainable living", "instagram"),
    ],
    "r-en-04": [
        ("Lower my carbon footprint through what I eat", "footprint"),
        ("No information about where the produce comes from", "origin-info"),
        ("lots of plastic", "plastic"),
        ("Worried about delivery van emissions", "van-emissions"),
        ("Podcasts", "podcasts"),
        ("friends", "word-of-mouth"),
    ],
    "r-en-05": [
        ("Save time every week", "save-time"),
        ("get groceries delivered fast", "fast-delivery"),
        ("Evening delivery slots are always full", "full-slots"),
        ("Having to be at home for a long delivery window", "be-home"),
        ("Push notifications from the app", "app-notifications"),
    ],
    "r-en-06": [
        ("Quick reordering so the weekly shop takes two minutes", "reorder"),
        ("Late deliveries", "late-delivery"),
        ("random substitutions", "substitutions"),
        ("Not sure the delivery would arrive on time", "on-time"),
        ("A colleague recommended it", "word-of-mouth"),
    ],
    "r-en-07": [("The delivery fee is too high for small orders", "delivery-fee")],
    "r-en-08": [("Save time", "save-time"), ("Saw it on Google", "google")],
    "r-da-01": [
        ("Holde udgifterne til mad nede", "save-money"),
        ("finde gode tilbud", "save-money"),
        ("Leveringsgebyret er for højt", "delivery-fee"),
        ("der er et minimumsbeløb", "delivery-fee"),
        ("Jeg ville ikke betale et månedligt abonnement", "membership"),
        ("Tilbudsaviser og rabatkoder på mail", "offer-newsletters"),
    ],
    "r-da-02": [
        ("Spare penge på familiens indkøb", "save-money"),
        ("Priserne er højere online end i butikken", "online-prices"),
        ("Skjulte gebyrer ved betalingen", "hidden-fees"),
        ("En Facebook-gruppe med tilbud", "facebook-deals"),
    ],
    "r-da-03": [
        ("Købe økologisk og lokalt", "organic-local"),
        ("smide mindre mad ud", "less-waste"),
        ("Alt for meget plastikemballage", "plastic"),
        ("Jeg stoler ikke på de grønne mærker", "greenwashing"),
        ("Bæredygtige profiler på Instagram", "instagram"),
    ],
    "r-da-04": [
        ("Spise mere klimavenligt", "footprint"),
        ("Man kan ikke se, hvor grøntsagerne kommer fra", "origin-info"),
        ("Varebilernes udledning af CO2", "van-emissions"),
        ("Podcasts om klima", "podcasts"),
        ("venner", "word-of-mouth"),
    ],
    "r-da-05": [
        ("Spare tid", "save-time"),
        ("få varerne leveret hurtigt", "fast-delivery"),
        ("Leveringstiderne om aftenen er altid optaget", "full-slots"),
        ("At jeg skal være hjemme i et langt leveringsvindue", "be-home"),
        ("Notifikationer fra appen", "app-notifications"),
    ],
    "r-da-06": [
        ("Hurtigt kunne bestille de samme varer igen", "reorder"),
        ("Varerne kommer for sent", "late-delivery"),
        ("Jeg var usikker på, om leveringen kom til tiden", "on-time"),
        ("En kollega anbefalede det", "word-of-mouth"),
    ],
    "r-da-07": [("For meget plastik", "plastic")],
    "r-nl-01": [
        ("Zo min mogelijk kwijt zijn aan eten", "save-money"),
        ("alleen de aanbiedingen van de week kopen", "save-money"),
        ("Die bezorgkosten, en je moet ook nog een minimumbedrag halen", "delivery-fee"),
        ("Ze wilden dat ik een betaald abonnement nam voor gratis bezorging", "membership"),
        ("De reclamefolders en kortingscodes in mijn mail", "offer-newsletters"),
    ],
    "r-nl-02": [
        ("Goedkoper uit zijn dan in de supermarkt, want we hebben drie kinderen", "save-money"),
        ("Dezelfde pak melk kost online meer dan in de winkel", "online-prices"),
        ("Servicekosten die pas bij het afrekenen opduiken", "hidden-fees"),
        ("Prijsvergelijkingssites en een app met kortingsbonnen", "coupon-apps"),
    ],
    "r-nl-03": [
        ("Biologische producten van boeren uit de buurt", "organic-local"),
        ("minder eten weggooien", "less-waste"),
        ("Elke komkommer zit apart in plastic, dat vind ik echt onnodig", "plastic"),
        ("Ik vertrouw die duurzaamheidslabels niet, het voelt als greenwashing", "greenwashing"),
        ("Instagram, accounts over een duurzaam leven zonder afval", "instagram"),
    ],
    "r-nl-04": [
        ("Mijn voetafdruk kleiner maken met wat er op ons bord komt", "footprint"),
        ("Nergens staat waar de groente is geteeld of hoe ver die heeft gereisd", "origin-info"),
        (
            "Al die bestelbusjes die door de wijk rijden, dat is toch slecht voor het klimaat",
            "van-emissions",
        ),
        ("Een podcast over klimaat", "podcasts"),
        ("tips van vrienden", "word-of-mouth"),
    ],
    "r-nl-05": [
        ("Geen tijd meer kwijt aan de supermarkt", "save-time"),
        ("boodschappen snel aan de deur", "fast-delivery"),
        ("De avondtijden om te bezorgen zijn altijd al vol", "full-slots"),
        ("Dat ik een heel tijdvak thuis moet blijven om op de bezorger te wachten", "be-home"),
        ("Meldingen van de app op mijn telefoon", "app-notifications"),
    ],
    "r-nl-06": [
        ("In de trein met een paar tikken mijn vaste boodschappen opnieuw bestellen", "reorder"),
        ("De bezorger is vaak te laat", "late-delivery"),
        ("dan krijg ik vervangende producten die ik niet wil", "substitutions"),
        ("Ik wist niet of de bestelling wel op tijd zou komen", "on-time"),
        ("Via Google", "google"),
        ("een collega gebruikte het al", "word-of-mouth"),
    ],
    "r-nl-07": [("Bezorgkosten te hoog voor een kleine bestelling", "delivery-fee")],
    "r-nl-08": [("Tijd besparen", "save-time")],
}

# --------------------------------------------------------------------------- B2B themes
B2B_THEMES = [
    (
        "fewer-tools",
        "goal",
        "fewer tools, lower software cost",
        "cut subscriptions, one tool at one price, save money on software",
    ),
    (
        "paid-faster",
        "goal",
        "invoice sooner, get paid faster",
        "invoices out the same day, better cash flow",
    ),
    ("less-admin", "goal", "less evening admin", "spend fewer evenings on admin"),
    (
        "compliant-invoices",
        "goal",
        "compliant invoices",
        "invoices that meet VAT and e-invoicing rules",
    ),
    (
        "audit-trail",
        "goal",
        "audit trail and approvals",
        "every change and approval recorded for the auditors",
    ),
    (
        "month-end",
        "goal",
        "faster month-end close",
        "numbers tie up and flow into the ledger without retyping",
    ),
    (
        "integrations",
        "goal",
        "integrations and an open API",
        "connect to Slack, GitHub, CRM, calendar, CI; API, webhooks",
    ),
    (
        "automation",
        "goal",
        "automate the busywork",
        "work flows from task to invoice without anyone touching it",
    ),
    (
        "per-seat",
        "pain_point",
        "paying per seat, too many subscriptions",
        "per-user licences for people who hardly log in, many subscriptions",
    ),
    (
        "price-rises",
        "pain_point",
        "price rises",
        "the price goes up every year without anything new",
    ),
    (
        "reconciliation",
        "pain_point",
        "manual reconciliation",
        "matching payments to invoices by hand",
    ),
    (
        "spreadsheet-errors",
        "pain_point",
        "spreadsheet errors, untraceable changes",
        "formula errors, wrong VAT, many versions, no record of who changed what",
    ),
    (
        "copying-between-tools",
        "pain_point",
        "copying data between tools",
        "retyping and copy-pasting between disconnected tools",
    ),
    (
        "slow-clunky",
        "pain_point",
        "slow, clunky interface",
        "slow screens, no shortcuts, no bulk edit",
    ),
    (
        "annual-contract",
        "objection",
        "annual contract",
        "paying a year up front, being locked into a long contract",
    ),
    (
        "unused-features",
        "objection",
        "paying for unused features",
        "the big plan is full of features a small firm won't use",
    ),
    (
        "cost-doubts",
        "objection",
        "doubts about the real cost",
        "price jump after year one, setup fee, not really cheaper",
    ),
    (
        "data-security",
        "objection",
        "data security and hosting",
        "where the data is stored, EU servers, GDPR, encryption, vendor access",
    ),
    (
        "auditor-retention",
        "objection",
        "auditor acceptance and retention",
        "will the auditor accept it, seven-year retention, no edits after sending",
    ),
    (
        "migration",
        "objection",
        "migrating old projects",
        "moving years of projects and task links over",
    ),
    (
        "api-limits",
        "objection",
        "limited or paid-only API",
        "API too limited, read-only, rate-limited, or only on the expensive plan",
    ),
    (
        "thrifty",
        "mindset",
        "thrifty and hands-on",
        "careful with money, every pound counts, does it himself",
    ),
    (
        "by-the-book",
        "mindset",
        "careful, by the book",
        "cautious about risk, rather right than fast, documents everything",
    ),
    (
        "automate-everything",
        "mindset",
        "automates everything, early adopter",
        "tries new tools first, scripts anything done twice",
    ),
    (
        "accountant",
        "channel",
        "accountant or auditor",
        "recommended by the accountant, bookkeeper or auditor",
    ),
    (
        "peer-network",
        "channel",
        "other business owners",
        "business networks, trade associations, word of mouth from owners",
    ),
    ("comparison-sites", "channel", "price comparison sites", "comparison and review sites"),
    (
        "webinars-courses",
        "channel",
        "webinars and courses",
        "webinars and courses on e-invoicing and VAT rules",
    ),
    (
        "finance-press",
        "channel",
        "finance newsletters and associations",
        "finance newsletters, professional associations, controllers' meetups",
    ),
    (
        "tech-communities",
        "channel",
        "tech communities",
        "Product Hunt, Reddit, Hacker News, GitHub, Discord",
    ),
    (
        "video-podcasts",
        "channel",
        "YouTube and podcasts",
        "YouTube walkthroughs, developer and automation podcasts",
    ),
]

B2B_INTERVIEWS: dict[str, list[tuple[str, str]]] = {
    "b01": [
        ("Mainly I wanted to get rid of some of the tools we pay for", "fewer-tools"),
        ("I want the invoices out the same day the job is done", "paid-faster"),
        (
            "If the invoice goes out a week later, I get paid a month later, and that hurts the cash flow",
            "paid-faster",
        ),
        ("Honestly the per-user pricing", "per-seat"),
        (
            "Every time I took on a fitter I had to buy another seat in the job app, and the lads only open it twice a day",
            "per-seat",
        ),
        ("That and the price going up every January", "price-rises"),
        ("Eight percent one year, twelve the next, and nobody asked me", "price-rises"),
        ("The annual contract", "annual-contract"),
        (
            "They wanted me to pay twelve months up front for the cheaper price, and I don't sign up to anything for a year before I know it works",
            "annual-contract",
        ),
        (
            "I'm not paying for a load of features I'll never use either, project budgets and Gantt charts and all that, that's for bigger firms",
            "unused-features",
        ),
        ("I'm tight with money, I'll say it myself", "thrifty"),
        (
            "Every pound we spend on software is a pound I'm not spending on a fitter or a van",
            "thrifty",
        ),
        ("If it's simple and cheap I'll try it, if I need a manual I'm out", "thrifty"),
        ("Our accountant put me onto it", "accountant"),
        (
            "Sometimes I ask around at the business breakfast, it's a local network of owners, we meet once a month",
            "peer-network",
        ),
        (
            "I'll check a comparison site to see what the price is against the others",
            "comparison-sites",
        ),
    ],
    "b07": [
        ("I wanted to cut costs, really", "fewer-tools"),
        (
            "we were paying for eleven different subscriptions, which is crazy for a studio our size",
            "per-seat",
        ),
        (
            "One place for projects, hours and invoicing, at one price I can understand",
            "fewer-tools",
        ),
        ("I want to spend less of my evenings on admin", "less-admin"),
        (
            "Paying per seat for everyone, including the freelancers who log in twice a month",
            "per-seat",
        ),
        ("We were paying for people who weren't even on the payroll", "per-seat"),
        (
            "The old invoicing tool raised the price twice in one year, and the second time they moved a feature we used into a more expensive plan",
            "price-rises",
        ),
        (
            "I hesitated because I'd have to pay for the whole year to get the price on the website",
            "annual-contract",
        ),
        (
            "I'm not locking myself into a yearly contract with a tool I haven't tried",
            "annual-contract",
        ),
        ("I also worried we'd be paying for a lot of extras we'd never touch", "unused-features"),
        ("I've seen studios go under because they spent like an agency of fifty", "thrifty"),
        ("I'd rather keep it lean and pay people properly", "thrifty"),
        (
            "Another studio owner mentioned it at a networking evening for creative businesses",
            "peer-network",
        ),
        ("I looked it up on a price comparison site before I believed her", "comparison-sites"),
        (
            "My bookkeeper, she sees what all her clients use and she tells me what is worth the money",
            "accountant",
        ),
    ],
    "b10": [
        ("To save money, plain and simple", "fewer-tools"),
        (
            "I wanted one cheap tool for quotes, jobs and invoices instead of paying four companies",
            "fewer-tools",
        ),
        ("Getting paid faster", "paid-faster"),
        (
            "Customers pay when they get the invoice, so if it goes out from the site the same afternoon, the money is in the account sooner",
            "paid-faster",
        ),
        (
            "The scheduling app charged per user per month, and with seasonal lads coming and going I was forever adding and removing seats and paying for them anyway",
            "per-seat",
        ),
        ("Prices creeping up", "price-rises"),
        ("Every renewal there was a new price and a new plan name", "price-rises"),
        ("I nearly didn't because of the contract", "annual-contract"),
        (
            "I won't sign a twelve-month deal for software, I've been burned before with a phone contract I couldn't get out of",
            "annual-contract",
        ),
        ("The top plan is full of stuff I'd never use", "unused-features"),
        ("I don't want to pay for reports nobody reads", "unused-features"),
        ("Hands-on, and careful with the pennies", "thrifty"),
        (
            "If I can do it myself I will, and I check every direct debit on the statement",
            "thrifty",
        ),
        ("My accountant recommended it", "accountant"),
        (
            "I'll have a look at one of those comparison websites where they rank them by price",
            "comparison-sites",
        ),
        ("I ask the other lads at the trade association meetings what they use", "peer-network"),
    ],
    "b04": [
        ("Ik wilde minder abonnementen", "fewer-tools"),
        (
            "We betaalden voor een planningsapp, een facturatieprogramma en nog een urenregistratie, en dat tikt elke maand flink aan",
            "per-seat",
        ),
        ("Alles in één, voor een vaste prijs", "fewer-tools"),
        (
            "En de factuur moet dezelfde dag de deur uit, dan ben ik ook sneller betaald",
            "paid-faster",
        ),
        ("Dat je per gebruiker betaalt", "per-seat"),
        (
            "Elke monteur die erbij kwam kostte weer een licentie, terwijl die jongens er twee keer per dag in kijken",
            "per-seat",
        ),
        ("Elk jaar ging de prijs omhoog zonder dat er iets beter werd", "price-rises"),
        ("Het jaarcontract", "annual-contract"),
        (
            "Ik ga niet een heel jaar vooruit betalen voor iets wat ik nog niet ken",
            "annual-contract",
        ),
        (
            "Ik wilde niet betalen voor allerlei functies die we nooit gaan gebruiken",
            "unused-features",
        ),
        ("Zuinig, denk ik", "thrifty"),
        (
            "Elke euro die niet naar software gaat, kan naar gereedschap of naar de jongens",
            "thrifty",
        ),
        ("Via onze boekhouder", "accountant"),
        ("Soms op een vergelijkingssite", "comparison-sites"),
        (
            "bij de ondernemersvereniging hier in het dorp vraag ik wat anderen gebruiken",
            "peer-network",
        ),
    ],
    "b02": [
        ("Invoices that are correct and compliant every time", "compliant-invoices"),
        (
            "The right VAT treatment, the right invoice numbering, and electronic invoices for our public sector clients",
            "compliant-invoices",
        ),
        ("A faster month-end close", "month-end"),
        (
            "I want the hours, the project costs and the invoices to tie up without me chasing people for three days",
            "month-end",
        ),
        ("Manual reconciliation", "reconciliation"),
        (
            "I matched bank payments to invoices by hand in a spreadsheet, and every month a few didn't match and I spent an afternoon finding out why",
            "reconciliation",
        ),
        (
            "A formula error in the spreadsheet once sent a client the wrong VAT amount, and we had to issue a credit note and a new invoice",
            "spreadsheet-errors",
        ),
        ("Data security", "data-security"),
        (
            "I needed to know where our data is stored, whether it stays in the EU, and I wanted their GDPR documentation and a data processing agreement before anything else",
            "data-security",
        ),
        ("Whether our auditors would accept it", "auditor-retention"),
        (
            "If the system can't show who changed an invoice and when, it's no use to me",
            "auditor-retention",
        ),
        ("By the book", "by-the-book"),
        (
            "I'd rather be slow and right than fast and wrong, and I document everything",
            "by-the-book",
        ),
        (
            "I read the terms, I ask for the security documents, and I test it with last month's figures before we switch",
            "by-the-book",
        ),
        (
            "At a webinar about the new e-invoicing rules, run by our professional association",
            "webinars-courses",
        ),
        ("I read two finance newsletters every week", "finance-press"),
        ("I ask our auditor what her other clients use", "accountant"),
    ],
    "b05": [
        ("A proper audit trail", "audit-trail"),
        (
            "Every invoice, every change and every approval recorded, so that when the auditors come I can just give them access",
            "audit-trail",
        ),
        ("We need invoices that meet the VAT rules in three countries", "compliant-invoices"),
        ("I want the numbers to flow into the ledger without retyping", "month-end"),
        (
            "Too many of them, with too many versions, and nobody knows which one is the real one",
            "spreadsheet-errors",
        ),
        (
            "Last year a credit note was entered twice, and it took me two days of manual reconciliation at year-end to find it",
            "reconciliation",
        ),
        ("Where the data is hosted", "data-security"),
        (
            "I wanted servers in the EU, encryption, and a clear answer on who at the vendor can see our customer data",
            "data-security",
        ),
        ("I was worried about the retention rules", "auditor-retention"),
        (
            "We have to keep invoices for seven years, and I needed to be sure they can't be deleted or changed afterwards",
            "auditor-retention",
        ),
        ("Risk comes first for me", "by-the-book"),
        (
            "I'd rather have a boring system that is always right than a clever one I can't explain to an auditor",
            "by-the-book",
        ),
        ("Our external accountant suggested it", "accountant"),
        ("then I watched a webinar they did on audit trails", "webinars-courses"),
        ("Through the controllers' association, they run a meetup every quarter", "finance-press"),
        ("from finance newsletters", "finance-press"),
    ],
    "b08": [
        (
            "Jeg ville have fakturaer, der overholder reglerne for moms og elektronisk fakturering, også når vi fakturerer til det offentlige",
            "compliant-invoices",
        ),
        (
            "Et ordentligt revisionsspor, så man kan se, hvem der har ændret hvad og hvornår",
            "audit-trail",
        ),
        ("Og et hurtigere månedsafslut", "month-end"),
        ("Den manuelle afstemning", "reconciliation"),
        (
            "Jeg sad og afstemte betalinger mod fakturaer i regneark, og der var altid nogle få, der ikke passede",
            "reconciliation",
        ),
        ("Fejl i regnearkene", "spreadsheet-errors"),
        (
            "En forkert formel, og så har man sendt en faktura med forkert moms",
            "spreadsheet-errors",
        ),
        ("Datasikkerhed", "data-security"),
        (
            "Jeg ville vide, hvor vores data ligger, om serverne står i EU, og jeg ville se en databehandleraftale, før vi skrev under",
            "data-security",
        ),
        ("Om vores revisor ville godkende det", "auditor-retention"),
        ("Grundig og forsigtig", "by-the-book"),
        (
            "Jeg vil hellere gøre det rigtigt end hurtigt, og jeg følger reglerne til punkt og prikke",
            "by-the-book",
        ),
        ("Vores revisor nævnte det", "accountant"),
        ("bagefter var jeg på et webinar om e-fakturering, hvor det blev vist", "webinars-courses"),
        ("Jeg læser et nyhedsbrev for økonomifolk", "finance-press"),
        ("følger med i brancheforeningens kurser", "webinars-courses"),
    ],
    "b11": [
        (
            "Facturen die altijd kloppen met de btw-regels, en e-facturen voor onze klanten bij de overheid",
            "compliant-invoices",
        ),
        (
            "Een volledige audittrail, zodat de accountant bij de controle alles zelf kan nalopen",
            "audit-trail",
        ),
        ("En de maandafsluiting moet sneller", "month-end"),
        ("Handmatig afletteren in Excel", "reconciliation"),
        (
            "Elke maand betalingen naast facturen leggen, en altijd een paar die niet aansluiten",
            "reconciliation",
        ),
        ("Fouten in spreadsheets", "spreadsheet-errors"),
        (
            "Een verkeerde formule en je stuurt een factuur met het verkeerde btw-bedrag de deur uit",
            "spreadsheet-errors",
        ),
        ("De beveiliging van onze gegevens", "data-security"),
        (
            "Ik wilde weten waar de data staat, of de servers in de EU staan, en ik wilde een verwerkersovereenkomst in verband met de AVG",
            "data-security",
        ),
        ("Of onze accountant de administratie zou accepteren", "auditor-retention"),
        ("Zonder goedkeuring van de accountant begin ik er niet aan", "auditor-retention"),
        ("Zorgvuldig en voorzichtig", "by-the-book"),
        ("Liever alles vastgelegd en gecontroleerd dan achteraf repareren", "by-the-book"),
        ("Via een webinar van de beroepsvereniging over e-facturatie", "webinars-courses"),
        ("Uit een paar nieuwsbrieven voor controllers", "finance-press"),
        ("van onze accountant, die ziet veel pakketten voorbijkomen", "accountant"),
    ],
    "b03": [
        ("Integrations, first and foremost", "integrations"),
        (
            "I wanted the tool to talk to Slack, to GitHub and to our calendars, so the status of a project updates itself",
            "integrations",
        ),
        ("Everything connected through a decent API", "integrations"),
        (
            "A merged pull request closes the task, the hours go to the invoice, and nobody has to touch it",
            "automation",
        ),
        ("Copying things between tools by hand", "copying-between-tools"),
        (
            "Hours from one app, tasks from another, and then someone copy-pastes it all into the invoice at the end of the month",
            "copying-between-tools",
        ),
        ("The old tool was slow and clunky", "slow-clunky"),
        (
            "Every screen took two seconds to load and there were no keyboard shortcuts, so the developers just stopped using it",
            "slow-clunky",
        ),
        ("The migration", "migration"),
        (
            "We have three years of projects in the old tool, and I wasn't going to move them over by hand",
            "migration",
        ),
        (
            "I was also worried the API would only be on the expensive plan, which a lot of vendors do",
            "api-limits",
        ),
        ("Early adopter, definitely", "automate-everything"),
        (
            "If I do something twice by hand, I write a script for it the third time",
            "automate-everything",
        ),
        (
            "We'd rather spend a day automating something than an hour a week doing it",
            "automate-everything",
        ),
        ("I saw it on Product Hunt when they launched the API", "tech-communities"),
        (
            "a couple of people on Reddit were discussing it in a thread about invoicing for agencies",
            "tech-communities",
        ),
        ("YouTube walkthroughs", "video-podcasts"),
        ("a developer podcast I listen to on my commute", "video-podcasts"),
    ],
    "b06": [
        ("A project tool with proper integrations", "integrations"),
        (
            "It had to connect to our CRM, to Slack and to the accounting package, and it needed webhooks so I can build my own automations",
            "integrations",
        ),
        ("Because I want the busywork automated", "automation"),
        (
            "When a deal closes in the CRM, the project should exist with the right tasks, without anyone lifting a finger",
            "automation",
        ),
        (
            "Switching between six tabs all day and copying the same client data into each one by hand",
            "copying-between-tools",
        ),
        (
            "The interface of the old tool was clunky, it felt like software from 2009",
            "slow-clunky",
        ),
        ("No bulk edit, no shortcuts, nothing", "slow-clunky"),
        ("I was afraid the API would be too limited", "api-limits"),
        (
            "Some tools say they have an API and then it's read-only or you can only pull three fields",
            "api-limits",
        ),
        ("Moving our existing projects over", "migration"),
        (
            "We had two hundred active tasks and I didn't want a weekend of manual migration",
            "migration",
        ),
        ("Automate everything", "automate-everything"),
        (
            "I'm the one who tries the beta features first and reports the bugs",
            "automate-everything",
        ),
        ("Reddit, in a subreddit about agency operations", "tech-communities"),
        (
            "Then I watched a YouTube video where someone built an integration with it in twenty minutes",
            "video-podcasts",
        ),
        ("Product Hunt every morning, honestly", "tech-communities"),
        ("a couple of no-code and automation podcasts", "video-podcasts"),
    ],
    "b09": [
        (
            "We wanted our project tracking and client billing in one place, connected to GitHub and our CI, so I can see what we shipped and bill for it without a spreadsheet in between",
            "integrations",
        ),
        ("An open API with good documentation", "integrations"),
        ("If I can't script against it, it doesn't go into our stack", "integrations"),
        ("Manual data entry between tools", "copying-between-tools"),
        (
            "Someone exported hours as CSV every Friday and pasted them into the billing tool, and it broke every other week",
            "copying-between-tools",
        ),
        ("Slow interfaces", "slow-clunky"),
        (
            "If a tool makes my engineers wait, they'll route around it, and then your data is wrong",
            "slow-clunky",
        ),
        ("The API was on the higher plan at first", "api-limits"),
        (
            "I almost walked away, because paying extra for an API feels like paying extra for a door handle",
            "api-limits",
        ),
        ("Migrating our history", "migration"),
        (
            "We had a few thousand issues in the old system and I needed the links between them to survive",
            "migration",
        ),
        ("I'm the one who reads the API docs before the pricing page", "automate-everything"),
        ("If it integrates well, I'll forgive a lot", "automate-everything"),
        (
            "Hacker News, there was a launch post and the founders answered questions in the comments",
            "tech-communities",
        ),
        ("GitHub, honestly, I look at who has a good SDK", "tech-communities"),
        ("I listen to a couple of engineering podcasts", "video-podcasts"),
    ],
    "b12": [
        ("Det skulle kunne snakke med Slack, GitHub og vores kalender", "integrations"),
        ("der skulle være et åbent API, så vi selv kan bygge det, der mangler", "integrations"),
        ("Fordi jeg vil automatisere rutinearbejdet", "automation"),
        (
            "Timer og opgaver skal flyde direkte over på fakturaen, uden at nogen rører ved dem",
            "automation",
        ),
        ("At vi kopierede data mellem systemerne i hånden", "copying-between-tools"),
        (
            "Timer fra ét program, opgaver fra et andet, og så fejl i fakturaen bagefter",
            "copying-between-tools",
        ),
        ("Det gamle system var langsomt og tungt at bruge", "slow-clunky"),
        ("Ingen genveje og alt for mange klik", "slow-clunky"),
        (
            "Vi havde flere års projekter i det gamle værktøj, og jeg ville ikke flytte dem manuelt",
            "migration",
        ),
        (
            "Jeg var bange for, at API'et var for begrænset eller kun fandtes i den dyreste pakke",
            "api-limits",
        ),
        ("Jeg er typisk den første, der prøver noget nyt", "automate-everything"),
        ("Hvis noget kan automatiseres, så gør jeg det", "automate-everything"),
        ("Jeg så det på Product Hunt", "tech-communities"),
        ("så var der en tråd om det på Reddit", "tech-communities"),
        ("På YouTube og i et par podcasts om softwareudvikling", "video-podcasts"),
    ],
}

# The B2B survey's phrase pools (make_study_b2b.POOLS and MINDSET), fragment -> theme.
B2B_FRAGMENTS: dict[str, str] = {
    # owner, English
    "Wanted to cut down on the number of tools we pay for": "fewer-tools",
    "Cheaper than the four apps we had before": "fewer-tools",
    "One tool for quotes, jobs and invoices instead of several": "fewer-tools",
    "Get invoices out the same day and get paid faster": "paid-faster",
    "Less admin in the evenings": "less-admin",
    "We were paying per user for people who hardly log in": "per-seat",
    "The old invoicing app put the price up again": "price-rises",
    "Per-seat pricing got silly every time we hired someone": "per-seat",
    "Yearly price rises with nothing new in return": "price-rises",
    "Save money on software": "fewer-tools",
    "Eleven subscriptions for a firm of ten people": "per-seat",
    "Better cash flow, invoices were going out weeks late": "paid-faster",
    "The annual contract": "annual-contract",
    "Having to pay a whole year up front": "annual-contract",
    "I don't sign twelve-month deals for software": "annual-contract",
    "Didn't want to pay for features we'd never use": "unused-features",
    "Worried the price would jump after the first year": "cost-doubts",
    "The top plan is full of things a small firm doesn't need": "unused-features",
    "Being locked into a long contract": "annual-contract",
    "Not sure it was really cheaper than what we had": "cost-doubts",
    "The setup fee on the bigger plan": "cost-doubts",
    "Our accountant recommended it": "accountant",
    "My bookkeeper told me about it": "accountant",
    "Another owner at a business networking breakfast": "peer-network",
    "A price comparison site": "comparison-sites",
    "Someone at the local business network": "peer-network",
    "Word of mouth from other tradespeople": "peer-network",
    "A chat at the trade association meeting": "peer-network",
    "Compared prices on a review site": "comparison-sites",
    "A friend who runs a similar business": "peer-network",
    # owner, Dutch
    "Minder abonnementen, we betaalden voor vier verschillende apps": "fewer-tools",
    "Alles in één pakket voor een vaste prijs": "fewer-tools",
    "Sneller factureren zodat we sneller betaald krijgen": "paid-faster",
    "Besparen op software": "fewer-tools",
    "Betalen per gebruiker voor mensen die er nauwelijks in kijken": "per-seat",
    "Elk jaar weer een prijsverhoging": "price-rises",
    "Te veel licenties voor een klein bedrijf": "per-seat",
    "Minder administratie in de avonduren": "less-admin",
    "Het jaarcontract": "annual-contract",
    "Een heel jaar vooruit betalen": "annual-contract",
    "Betalen voor functies die we nooit gebruiken": "unused-features",
    "Bang dat de prijs na het eerste jaar omhoog gaat": "cost-doubts",
    "Vastzitten aan een lang contract": "annual-contract",
    "Of het echt goedkoper was dan wat we hadden": "cost-doubts",
    "Via onze boekhouder": "accountant",
    "Tip van de accountant": "accountant",
    "Een andere ondernemer bij de ondernemersvereniging": "peer-network",
    "Een vergelijkingssite": "comparison-sites",
    "Mond-tot-mondreclame van collega-ondernemers": "peer-network",
    "Netwerkontbijt van ondernemers in de regio": "peer-network",
    # finance, English
    "Needed invoices that comply with VAT and e-invoicing rules": "compliant-invoices",
    "A proper audit trail for the auditors": "audit-trail",
    "A faster month-end close": "month-end",
    "Manual reconciliation in spreadsheets took days": "reconciliation",
    "Errors in our invoice spreadsheets": "spreadsheet-errors",
    "E-invoicing for our public sector clients": "compliant-invoices",
    "We couldn't see who changed an invoice and when": "spreadsheet-errors",
    "Figures that flow into the ledger without retyping": "month-end",
    "Too many versions of the same spreadsheet": "spreadsheet-errors",
    "Staying compliant with the new e-invoicing mandate": "compliant-invoices",
    "Wrong VAT on an invoice more than once": "spreadsheet-errors",
    "An approval step before invoices go out": "audit-trail",
    "Data security and where the data is stored": "data-security",
    "Whether the servers are in the EU": "data-security",
    "GDPR, we needed a data processing agreement first": "data-security",
    "Whether our auditor would accept it": "auditor-retention",
    "Retention rules, invoices must be kept for seven years": "auditor-retention",
    "Who at the vendor can access our customer data": "data-security",
    "We needed their security documentation before signing": "data-security",
    "Worried invoices could be edited after they were sent": "auditor-retention",
    "Questions about encryption and backups": "data-security",
    "A webinar on e-invoicing": "webinars-courses",
    "Our auditor mentioned it": "accountant",
    "The professional association for finance staff": "finance-press",
    "A finance newsletter": "finance-press",
    "The controllers' meetup": "finance-press",
    "An article in a newsletter for finance managers": "finance-press",
    "A webinar run by our professional body": "webinars-courses",
    "A course on the new VAT rules": "webinars-courses",
    "Our external accountant suggested it": "accountant",
    # finance, Dutch
    "Facturen die voldoen aan de btw-regels en e-facturatie": "compliant-invoices",
    "Een volledige audittrail voor de accountant": "audit-trail",
    "Een snellere maandafsluiting": "month-end",
    "Handmatig afletteren in Excel kostte dagen": "reconciliation",
    "Fouten in onze spreadsheets": "spreadsheet-errors",
    "Niet te zien wie een factuur had aangepast": "spreadsheet-errors",
    "E-facturen voor klanten bij de overheid": "compliant-invoices",
    "Een goedkeuringsstap voordat facturen verstuurd worden": "audit-trail",
    "De beveiliging van onze gegevens": "data-security",
    "Of de servers in de EU staan": "data-security",
    "De AVG, we wilden eerst een verwerkersovereenkomst": "data-security",
    "Of de accountant het zou accepteren": "auditor-retention",
    "De bewaarplicht van zeven jaar": "auditor-retention",
    "Wie bij de leverancier bij onze klantgegevens kan": "data-security",
    "Een webinar over e-facturatie": "webinars-courses",
    "Via onze accountant": "accountant",
    "De beroepsvereniging": "finance-press",
    "Een nieuwsbrief voor controllers": "finance-press",
    "Een cursus over de nieuwe btw-regels": "webinars-courses",
    "Een artikel in een vakblad voor financials": "finance-press",
    # techlead, English
    "Needed integrations with Slack and GitHub": "integrations",
    "An open API so we can automate things": "integrations",
    "Copying hours between tools by hand": "copying-between-tools",
    "Too much copy-paste between apps": "copying-between-tools",
    "Webhooks to connect it to our CRM": "integrations",
    "The old tool was slow and clunky": "slow-clunky",
    "Automate the busywork around projects": "automation",
    "No API in our old project tool": "copying-between-tools",
    "Tasks, hours and invoices connected in one flow": "automation",
    "Switching between six tabs all day": "copying-between-tools",
    "Connect project tracking to our calendar and CI": "integrations",
    "No keyboard shortcuts and no bulk edit": "slow-clunky",
    "The migration of our old projects": "migration",
    "Moving years of project history over": "migration",
    "Worried the API would be too limited": "api-limits",
    "The API being on the expensive plan only": "api-limits",
    "Whether the import would keep the links between tasks": "migration",
    "A read-only API would have been a deal breaker": "api-limits",
    "Rate limits on the API": "api-limits",
    "Migrating thousands of tasks by hand": "migration",
    "Saw it on Product Hunt": "tech-communities",
    "A thread on Reddit about agency tools": "tech-communities",
    "The Hacker News launch post": "tech-communities",
    "A YouTube integration walkthrough": "video-podcasts",
    "A developer podcast": "video-podcasts",
    "Found their SDK on GitHub": "tech-communities",
    "An automation podcast": "video-podcasts",
    "A no-code community on Discord": "tech-communities",
    "Product Hunt newsletter": "tech-communities",
    # techlead, Dutch
    "Koppelingen met Slack en GitHub": "integrations",
    "Een open API zodat we dingen kunnen automatiseren": "integrations",
    "Uren met de hand overtypen tussen systemen": "copying-between-tools",
    "Te veel knippen en plakken tussen apps": "copying-between-tools",
    "Het oude pakket was traag en omslachtig": "slow-clunky",
    "Routinewerk rond projecten automatiseren": "automation",
    "Webhooks om het aan ons CRM te koppelen": "integrations",
    "Geen API in onze oude projecttool": "copying-between-tools",
    "De migratie van onze oude projecten": "migration",
    "Bang dat de API te beperkt zou zijn": "api-limits",
    "De API alleen in het duurste pakket": "api-limits",
    "Of de import de koppelingen tussen taken zou behouden": "migration",
    "Jaren aan projecthistorie overzetten": "migration",
    "Gezien op Product Hunt": "tech-communities",
    "Een draadje op Reddit": "tech-communities",
    "Een video op YouTube": "video-podcasts",
    "Een podcast voor developers": "video-podcasts",
    "Hacker News": "tech-communities",
    "Via hun SDK op GitHub": "tech-communities",
    # mindset remarks
    "Every pound counts in a small firm.": "thrifty",
    "I keep a close eye on costs.": "thrifty",
    "I'm careful with money.": "thrifty",
    "Elke euro telt bij ons.": "thrifty",
    "Ik let goed op de kosten.": "thrifty",
    "I like things done by the book.": "by-the-book",
    "Better safe than sorry with the numbers.": "by-the-book",
    "I'm cautious about risk.": "by-the-book",
    "Ik wil dat alles klopt en vastligt.": "by-the-book",
    "Liever zorgvuldig dan snel.": "by-the-book",
    "I automate whatever I can.": "automate-everything",
    "I'm always the first to try new tools.": "automate-everything",
    "If I do it twice, I script it.": "automate-everything",
    "Ik automatiseer alles wat kan.": "automate-everything",
    "Ik probeer altijd als eerste nieuwe tools uit.": "automate-everything",
}


# --------------------------------------------------------------------------- rendering
LINE = re.compile(r"^(?:\[[\d:]+\] )?([^\s:][^:]*): (.*)$")


def transcript_answers(path: Path) -> list[str]:
    """The respondent's answers in a rendered transcript, caption cues of one turn joined."""
    turns: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = LINE.match(line)
        if not match or "-->" in line:
            continue
        speaker, text = match.groups()
        if turns and turns[-1][0] == speaker and path.suffix != ".txt":
            turns[-1] = (speaker, turns[-1][1] + " " + text)
        else:
            turns.append((speaker, text))
    return [text for speaker, text in turns if speaker != "Interviewer"]


def survey_answers(path: Path, first_answer_column: int) -> dict[str, list[str]]:
    """respondent_id -> the open answers of a rendered survey CSV."""
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    return {row[0]: row[first_answer_column:] for row in rows[1:]}


def _record(participant: str, doc: str, language: str, text: str, theme: str, themes: dict):
    return {
        "participant": participant,
        "doc": doc,
        "language": language,
        "text": text,
        "kind": themes[theme][0],
        "theme": theme,
    }


def _place(text: str, answers: list[str], where: str) -> None:
    if not any(text in answer for answer in answers):
        raise ValueError(f"{where}: gold text not found verbatim in the rendered answers: {text!r}")


def grocery_gold() -> list[dict]:
    import make_study

    themes = {t[0]: t[1:] for t in GROCERY_THEMES}
    study = HERE / "study"
    places: dict[str, tuple[str, str, list[str]]] = {}
    for interview in make_study.INTERVIEWS:
        doc = f"{interview['id']}.{interview['format']}"
        places[interview["id"]] = (doc, interview["language"], transcript_answers(study / doc))
    for language in ("en", "da", "nl"):
        doc = f"survey_{language}.csv"
        for respondent, cells in survey_answers(study / doc, 3).items():
            places[respondent] = (doc, language, cells)
    missing = sorted(set(places) - set(GROCERY))
    if missing:
        raise ValueError(f"grocery participants without gold statements: {missing}")
    records = []
    for participant, statements in GROCERY.items():
        doc, language, answers = places[participant]
        for text, theme in statements:
            _place(text, answers, f"{doc} ({participant})")
            records.append(_record(participant, doc, language, text, theme, themes))
    return records


def b2b_gold() -> list[dict]:
    import make_study_b2b

    themes = {t[0]: t[1:] for t in B2B_THEMES}
    study = HERE / "study_b2b"
    records = []
    for interview in make_study_b2b.INTERVIEWS:
        participant = interview["id"]
        doc = f"{participant}.{interview['format']}"
        answers = transcript_answers(study / doc)
        for text, theme in B2B_INTERVIEWS[participant]:
            _place(text, answers, f"{doc} ({participant})")
            records.append(_record(participant, doc, interview["language"], text, theme, themes))
    cells = survey_answers(study / "survey.csv", 3)
    for row in make_study_b2b.SURVEY:
        for cell, segments in zip(cells[row["id"]], row["segments"], strict=True):
            for _kind, fragment in segments:
                # the composer may lower-case a fragment's first letter or the whole answer
                start = cell.casefold().find(fragment.casefold())
                if start < 0:
                    raise ValueError(f"survey.csv ({row['id']}): {fragment!r} not in {cell!r}")
                text = cell[start : start + len(fragment)].rstrip(".")
                theme = B2B_FRAGMENTS[fragment]
                records.append(
                    _record(row["id"], "survey.csv", row["language"], text, theme, themes)
                )
    covered = {r["participant"] for r in records}
    missing = sorted(set(make_study_b2b.participant_languages()) - covered)
    if missing:
        raise ValueError(f"B2B participants without gold statements: {missing}")
    return records


def write(records: list[dict], themes: list[tuple], stem: str, suffix: str) -> None:
    used = {r["theme"] for r in records}
    unused = [t[0] for t in themes if t[0] not in used]
    if unused:
        raise ValueError(f"{stem}: themes without statements: {unused}")
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    (HERE / f"gold_statements{suffix}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    listed = [{"id": i, "kind": k, "label": label, "desc": desc} for i, k, label, desc in themes]
    (HERE / f"gold_themes{suffix}.json").write_text(
        json.dumps(listed, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def main() -> None:
    import sys

    sys.path.insert(0, str(HERE))
    write(grocery_gold(), GROCERY_THEMES, "grocery", "")
    write(b2b_gold(), B2B_THEMES, "b2b", "_b2b")


if __name__ == "__main__":
    main()
