"""Render the second persona benchmark study: a B2B software study (hand-written interviews,
a generated survey) into transcript and survey files.

The study: 132 participants (12 interviewees, 120 survey respondents) around "Tallyflow", a
project-management and invoicing SaaS for small companies, written with three intended
personas in mind:

* ``owner``    - cost-cutting owner-managers of small firms (trades, agencies, shops): fewer
  tools and subscriptions, less admin in the evening, get paid sooner; hate per-seat pricing
  and yearly price rises; wary of annual contracts and of paying for features they never use;
  hands-on and thrifty; hear about tools from their accountant, other owners at business
  networks and price comparison sites.
* ``finance``  - compliance-minded finance leads (finance manager, controller, bookkeeper):
  invoices that meet VAT and e-invoicing rules, a clean audit trail, a faster month-end close;
  hate manual reconciliation and spreadsheet errors; wary of data security, GDPR and where the
  data is hosted, and of whether the auditor accepts the records; careful and by the book;
  reached through webinars, professional associations and finance newsletters.
* ``techlead`` - tech-savvy team leads who want integrations: connect the tool to Slack, Git,
  the calendar and the accounting package through an open API, automate the busywork; hate
  copying data between tools by hand and clunky, slow interfaces; wary of migrating old
  projects and of a weak or paid-only API; early adopters who automate everything; find tools
  on Product Hunt, Reddit, YouTube and developer podcasts.

Everyone also talks about things all personas share (the mobile app, support, onboarding), so
the personas overlap the way real ones do. 12 interviews (4 per persona; txt, vtt, srt; 8 in
English, 2 in Dutch, 2 in Danish; 13-15 respondent turns each, with small talk and narrative
that is no statement) and one survey CSV with 120 respondents (40 per persona; about 20% answer
in Dutch; each answers one to three of the three open questions, the rest blank or "n/a"),
written from per-persona phrase pools with seeded variation so that no two answers are copies.

``truth_b2b.json`` holds participant -> intended persona (interview ids are the file stems,
survey ids the respondent_id), ``existing_personas_b2b.json`` a marketing team's persona file
(the three personas, each with one planted unsupported item and one theme it leaves out, plus
one persona nobody matches, and unknown extra fields) and ``enrich_truth_b2b.json`` what
enrichment should find.

Run ``python benchmarks/data/personas/make_study_b2b.py`` to regenerate the files
(deterministic: the survey is drawn with ``random.Random(SEED)``).
"""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

HERE = Path(__file__).parent
STUDY = HERE / "study_b2b"
SEED = 20250514
PERSONAS = ("owner", "finance", "techlead")

# Each interview turn: (kind of the answer or None for small talk/narrative, question, answer).
# The kind is what the answer mainly says (goal, pain, objection, mindset, channel); the oracle
# row of bench_personas.py uses it, the pipeline never sees it.
INTERVIEWS: list[dict] = [
    {
        "id": "b01",
        "format": "txt",
        "language": "en",
        "speaker": "Gary",
        "persona": "owner",
        "turns": [
            (
                None,
                "Thanks for making time, Gary. Can you hear me all right?",
                "Yeah, loud and clear. Sorry, I'm in the van, I've just come off a job in Hillside.",
            ),
            (
                None,
                "No problem at all. Tell me a bit about the business.",
                "So it's plumbing and heating, we're nine people now. Me, my brother, six fitters and my wife does the books two days a week.",
            ),
            (
                None,
                "How long have you been running it?",
                "Fourteen years in March. Started with one van and a lot of cheek.",
            ),
            (
                "goal",
                "What were you hoping Tallyflow would do for you?",
                "Mainly I wanted to get rid of some of the tools we pay for. We had a job app, a separate invoicing thing, a spreadsheet for quotes and a calendar, and it all adds up every month.",
            ),
            (
                "goal",
                "So fewer tools. Anything else?",
                "And I want the invoices out the same day the job is done. If the invoice goes out a week later, I get paid a month later, and that hurts the cash flow.",
            ),
            (
                "pain",
                "What frustrated you about the way you worked before?",
                "Honestly the per-user pricing. Every time I took on a fitter I had to buy another seat in the job app, and the lads only open it twice a day.",
            ),
            (
                "pain",
                "Was that the main thing?",
                "That and the price going up every January. Eight percent one year, twelve the next, and nobody asked me.",
            ),
            (
                None,
                "Right. How did the switch actually go?",
                "Ah, it was fine. My wife did most of it on a Sunday with a cup of tea, to be fair to her.",
            ),
            (
                "objection",
                "Was there anything that almost stopped you from signing up?",
                "The annual contract. They wanted me to pay twelve months up front for the cheaper price, and I don't sign up to anything for a year before I know it works.",
            ),
            (
                "objection",
                "And now?",
                "I'm still on monthly. I'm not paying for a load of features I'll never use either, project budgets and Gantt charts and all that, that's for bigger firms.",
            ),
            (
                "mindset",
                "How would you describe yourself as a business owner?",
                "I'm tight with money, I'll say it myself. Every pound we spend on software is a pound I'm not spending on a fitter or a van.",
            ),
            (
                "mindset",
                "Do you decide on these things alone?",
                "Yeah, it's my call, I don't have an IT person. If it's simple and cheap I'll try it, if I need a manual I'm out.",
            ),
            (
                "channel",
                "How did you first hear about Tallyflow?",
                "Our accountant put me onto it. She does the books for a lot of trades and said half her clients had moved over.",
            ),
            (
                "channel",
                "Do you look at tools anywhere else?",
                "Sometimes I ask around at the business breakfast, it's a local network of owners, we meet once a month. And I'll check a comparison site to see what the price is against the others.",
            ),
            (
                None,
                "Last one: anything else you'd like to add?",
                "Only that the mobile app is decent, the lads actually use it. Right, I've got to get to the merchants before they close.",
            ),
        ],
    },
    {
        "id": "b07",
        "format": "vtt",
        "language": "en",
        "speaker": "Sandra",
        "persona": "owner",
        "turns": [
            (
                None,
                "Hi Sandra, thanks for joining. How's your week going?",
                "Busy, but good busy. We just delivered a rebrand for a bakery chain, so the studio is in a good mood.",
            ),
            (
                None,
                "Congratulations. Could you describe the company for me?",
                "It's a design studio, twelve of us. I founded it with a friend from art school and I still run the money side of it myself.",
            ),
            (
                "goal",
                "What made you look for a new tool?",
                "I wanted to cut costs, really. I sat down with the bank statements one evening and we were paying for eleven different subscriptions, which is crazy for a studio our size.",
            ),
            (
                "goal",
                "What did you want instead?",
                "One place for projects, hours and invoicing, at one price I can understand. And I want to spend less of my evenings on admin.",
            ),
            (
                "pain",
                "What was the most annoying part of how things worked before?",
                "Paying per seat for everyone, including the freelancers who log in twice a month. We were paying for people who weren't even on the payroll.",
            ),
            (
                None,
                "That sounds expensive.",
                "It was. Anyway, my partner calls me the accountant of the studio, which is not a compliment in a design studio.",
            ),
            (
                "pain",
                "Anything else that bothered you?",
                "The old invoicing tool raised the price twice in one year, and the second time they moved a feature we used into a more expensive plan.",
            ),
            (
                "objection",
                "Was there anything that almost stopped you from signing up?",
                "I hesitated because I'd have to pay for the whole year to get the price on the website. I'm not locking myself into a yearly contract with a tool I haven't tried.",
            ),
            (
                "objection",
                "How did you get past that?",
                "They let me do three months monthly first. I also worried we'd be paying for a lot of extras we'd never touch.",
            ),
            (
                "mindset",
                "How would you describe yourself when it comes to spending?",
                "Frugal. I've seen studios go under because they spent like an agency of fifty. I'd rather keep it lean and pay people properly.",
            ),
            (
                None,
                "Do you still do the creative side?",
                "A bit. Mostly I do client calls and the numbers now, which is not what I imagined when I was twenty.",
            ),
            (
                "channel",
                "Where did you hear about Tallyflow?",
                "Another studio owner mentioned it at a networking evening for creative businesses. And I looked it up on a price comparison site before I believed her.",
            ),
            (
                "channel",
                "Anyone else you listen to about tools?",
                "My bookkeeper, she sees what all her clients use and she tells me what is worth the money.",
            ),
            (
                None,
                "Anything you'd like to add?",
                "The onboarding call was nice, actually. Short and to the point.",
            ),
        ],
    },
    {
        "id": "b10",
        "format": "srt",
        "language": "en",
        "speaker": "Mike",
        "persona": "owner",
        "turns": [
            (
                None,
                "Thanks for talking to us, Mike. Where are you calling from?",
                "From the yard. Excuse the noise, they're loading a skip behind me.",
            ),
            (
                None,
                "What does the company do?",
                "Landscaping and groundworks. Patios, driveways, fencing, a bit of drainage. Fifteen of us in summer, nine in winter.",
            ),
            (
                "goal",
                "Why did you start looking at Tallyflow?",
                "To save money, plain and simple. I wanted one cheap tool for quotes, jobs and invoices instead of paying four companies.",
            ),
            (
                "goal",
                "What would success look like for you?",
                "Getting paid faster. Customers pay when they get the invoice, so if it goes out from the site the same afternoon, the money is in the account sooner.",
            ),
            (
                None,
                "How did you do invoices before?",
                "My daughter typed them up on a Friday from my notes. Sometimes on a Sunday if I'm honest.",
            ),
            (
                "pain",
                "What frustrated you most about your old setup?",
                "The subscriptions. The scheduling app charged per user per month, and with seasonal lads coming and going I was forever adding and removing seats and paying for them anyway.",
            ),
            (
                "pain",
                "Anything else?",
                "Prices creeping up. Every renewal there was a new price and a new plan name. You feel like they're taking you for a mug.",
            ),
            (
                "objection",
                "What almost stopped you from signing up?",
                "I nearly didn't because of the contract. I won't sign a twelve-month deal for software, I've been burned before with a phone contract I couldn't get out of.",
            ),
            (
                "objection",
                "Anything else that made you hesitate?",
                "The top plan is full of stuff I'd never use. I don't want to pay for reports nobody reads.",
            ),
            (
                "mindset",
                "How would you describe the way you run the business?",
                "Hands-on, and careful with the pennies. If I can do it myself I will, and I check every direct debit on the statement.",
            ),
            (
                None,
                "Do your lads use the app?",
                "They do now. Took a couple of weeks and a bit of shouting, but they do.",
            ),
            (
                "channel",
                "How did you hear about it?",
                "My accountant recommended it. He said it would save me the Friday invoice evenings.",
            ),
            (
                "channel",
                "Do you ever look online for tools?",
                "I'll have a look at one of those comparison websites where they rank them by price, and I ask the other lads at the trade association meetings what they use.",
            ),
            (
                None,
                "Anything else you want to mention?",
                "No, that's about it. Tell them to keep the price where it is and I'll stay.",
            ),
        ],
    },
    {
        "id": "b04",
        "format": "txt",
        "language": "nl",
        "speaker": "Joost",
        "persona": "owner",
        "turns": [
            (
                None,
                "Fijn dat je tijd hebt, Joost. Hoor je me goed?",
                "Ja hoor, prima. Ik zit even in de bus, dus als het wegvalt bel ik terug.",
            ),
            (
                None,
                "Vertel eens wat over je bedrijf.",
                "We zijn een installatiebedrijf in de buurt van Zwolle. Elektra en zonnepanelen, met z'n zevenen, en mijn vrouw doet de administratie.",
            ),
            (
                "goal",
                "Waarom ging je op zoek naar een nieuw pakket?",
                "Ik wilde minder abonnementen. We betaalden voor een planningsapp, een facturatieprogramma en nog een urenregistratie, en dat tikt elke maand flink aan.",
            ),
            (
                "goal",
                "Wat moest het nieuwe pakket vooral doen?",
                "Alles in één, voor een vaste prijs. En de factuur moet dezelfde dag de deur uit, dan ben ik ook sneller betaald.",
            ),
            (
                "pain",
                "Waar ergerde je je het meest aan?",
                "Dat je per gebruiker betaalt. Elke monteur die erbij kwam kostte weer een licentie, terwijl die jongens er twee keer per dag in kijken.",
            ),
            (
                None,
                "Hoe ging dat met het overstappen?",
                "Dat viel mee. Mijn vrouw heeft het op een zaterdag ingericht, ik heb vooral koffie gezet.",
            ),
            (
                "pain",
                "En verder?",
                "Elk jaar ging de prijs omhoog zonder dat er iets beter werd. Dat vind ik gewoon niet netjes.",
            ),
            (
                "objection",
                "Was er iets waardoor je bijna niet had getekend?",
                "Het jaarcontract. Ik ga niet een heel jaar vooruit betalen voor iets wat ik nog niet ken.",
            ),
            (
                "objection",
                "Speelde er nog iets mee?",
                "Ik wilde niet betalen voor allerlei functies die we nooit gaan gebruiken. Wij zijn geen bouwbedrijf met honderd man.",
            ),
            (
                "mindset",
                "Hoe zou je jezelf omschrijven als ondernemer?",
                "Zuinig, denk ik. Elke euro die niet naar software gaat, kan naar gereedschap of naar de jongens.",
            ),
            (
                "channel",
                "Hoe ben je bij Tallyflow terechtgekomen?",
                "Via onze boekhouder. Die zei dat meer van haar klanten het gebruiken.",
            ),
            (
                "channel",
                "Kijk je ook zelf rond?",
                "Soms op een vergelijkingssite, en bij de ondernemersvereniging hier in het dorp vraag ik wat anderen gebruiken.",
            ),
            (
                None,
                "Wil je nog iets toevoegen?",
                "Nee, volgens mij heb ik alles gezegd. De app werkt prima op de telefoon, dat is ook wat waard.",
            ),
        ],
    },
    {
        "id": "b02",
        "format": "vtt",
        "language": "en",
        "speaker": "Rebecca",
        "persona": "finance",
        "turns": [
            (
                None,
                "Good morning, Rebecca. Thanks for doing this.",
                "Morning. Happy to, it's quarter-end next week so this is my last quiet hour for a while.",
            ),
            (
                None,
                "Can you tell me about your role?",
                "I'm the finance manager at an engineering consultancy, about forty people. It's me and one bookkeeper, so I do everything from payroll to the annual accounts.",
            ),
            (
                "goal",
                "What did you want to achieve with a new tool?",
                "Invoices that are correct and compliant every time. The right VAT treatment, the right invoice numbering, and electronic invoices for our public sector clients.",
            ),
            (
                "goal",
                "And internally?",
                "A faster month-end close. I want the hours, the project costs and the invoices to tie up without me chasing people for three days.",
            ),
            (
                "pain",
                "What was the biggest frustration before Tallyflow?",
                "Manual reconciliation. I matched bank payments to invoices by hand in a spreadsheet, and every month a few didn't match and I spent an afternoon finding out why.",
            ),
            (
                "pain",
                "Did that cause real problems?",
                "Yes. A formula error in the spreadsheet once sent a client the wrong VAT amount, and we had to issue a credit note and a new invoice. That's the kind of thing auditors notice.",
            ),
            (
                None,
                "How long have you been with the firm?",
                "Six years. Before that I was at one of the big audit firms, which probably explains a lot about me.",
            ),
            (
                "objection",
                "What almost stopped you from signing up?",
                "Data security. I needed to know where our data is stored, whether it stays in the EU, and I wanted their GDPR documentation and a data processing agreement before anything else.",
            ),
            (
                "objection",
                "Anything else that made you hesitate?",
                "Whether our auditors would accept it. If the system can't show who changed an invoice and when, it's no use to me.",
            ),
            (
                "mindset",
                "How would you describe your approach to your work?",
                "By the book. I'd rather be slow and right than fast and wrong, and I document everything.",
            ),
            (
                "mindset",
                "How do you make decisions about software?",
                "Carefully. I read the terms, I ask for the security documents, and I test it with last month's figures before we switch.",
            ),
            (
                None,
                "Was it hard to convince the partners?",
                "Not really, they trust me with the numbers. They mostly wanted to know it wouldn't cost more than the old setup.",
            ),
            (
                "channel",
                "How did you hear about Tallyflow?",
                "At a webinar about the new e-invoicing rules, run by our professional association. They showed a few tools and this was one of them.",
            ),
            (
                "channel",
                "Where else do you keep up with tools?",
                "I read two finance newsletters every week, and I ask our auditor what her other clients use.",
            ),
            (
                None,
                "Anything else you'd like to add?",
                "The support team answered my questions about the audit log in writing, which I appreciated.",
            ),
        ],
    },
    {
        "id": "b05",
        "format": "srt",
        "language": "en",
        "speaker": "Alan",
        "persona": "finance",
        "turns": [
            (
                None,
                "Hi Alan, thanks for joining. Is now still a good time?",
                "It is, yes. I've blocked the hour, the door is closed.",
            ),
            (
                None,
                "Could you tell me about the company and your role?",
                "I'm the controller at a regional logistics company. Sixty people, a warehouse and a fleet of twenty lorries. I report to the owner.",
            ),
            (
                "goal",
                "What were you trying to achieve when you chose Tallyflow?",
                "A proper audit trail. Every invoice, every change and every approval recorded, so that when the auditors come I can just give them access.",
            ),
            (
                "goal",
                "Anything else you needed?",
                "We need invoices that meet the VAT rules in three countries, and I want the numbers to flow into the ledger without retyping.",
            ),
            (
                "pain",
                "What frustrated you most before?",
                "Spreadsheets. Too many of them, with too many versions, and nobody knows which one is the real one.",
            ),
            (
                "pain",
                "Can you give an example?",
                "Last year a credit note was entered twice, and it took me two days of manual reconciliation at year-end to find it.",
            ),
            (
                None,
                "That sounds painful.",
                "It was December, so yes. My family has heard the story more than once.",
            ),
            (
                "objection",
                "Was there anything that almost stopped you from signing up?",
                "Where the data is hosted. I wanted servers in the EU, encryption, and a clear answer on who at the vendor can see our customer data.",
            ),
            (
                "objection",
                "Did you have other doubts?",
                "I was worried about the retention rules. We have to keep invoices for seven years, and I needed to be sure they can't be deleted or changed afterwards.",
            ),
            (
                "mindset",
                "How would you describe yourself at work?",
                "Cautious. Risk comes first for me. I'd rather have a boring system that is always right than a clever one I can't explain to an auditor.",
            ),
            (
                None,
                "Do you use it yourself every day?",
                "Every morning, for the approvals. It takes ten minutes, which is a lot less than before.",
            ),
            (
                "channel",
                "How did you come across Tallyflow?",
                "Our external accountant suggested it, and then I watched a webinar they did on audit trails.",
            ),
            (
                "channel",
                "Where do you usually hear about finance tools?",
                "Through the controllers' association, they run a meetup every quarter, and from finance newsletters.",
            ),
            (
                None,
                "Anything else you'd like to tell us?",
                "Only that the export to our accounting package works well. I checked it line by line, of course.",
            ),
        ],
    },
    {
        "id": "b08",
        "format": "txt",
        "language": "da",
        "speaker": "Birgitte",
        "persona": "finance",
        "turns": [
            (
                None,
                "Tak fordi du ville være med, Birgitte. Kan du høre mig?",
                "Ja, fint. Jeg sidder på kontoret, så der kan godt komme en kollega forbi.",
            ),
            (
                None,
                "Fortæl lidt om dig selv og virksomheden.",
                "Jeg er økonomiansvarlig i et rådgivende ingeniørfirma i Aarhus. Vi er omkring femogtyve ansatte, og jeg står for bogholderi, løn og årsregnskab.",
            ),
            (
                "goal",
                "Hvad ville du gerne opnå med et nyt system?",
                "Jeg ville have fakturaer, der overholder reglerne for moms og elektronisk fakturering, også når vi fakturerer til det offentlige.",
            ),
            (
                "goal",
                "Og ellers?",
                "Et ordentligt revisionsspor, så man kan se, hvem der har ændret hvad og hvornår. Og et hurtigere månedsafslut.",
            ),
            (
                "pain",
                "Hvad var det mest frustrerende før?",
                "Den manuelle afstemning. Jeg sad og afstemte betalinger mod fakturaer i regneark, og der var altid nogle få, der ikke passede.",
            ),
            (
                None,
                "Hvordan var overgangen?",
                "Den gik faktisk fint. Vi tog det i januar, hvor der alligevel er lidt roligere.",
            ),
            (
                "pain",
                "Var der andet, der irriterede dig?",
                "Fejl i regnearkene. En forkert formel, og så har man sendt en faktura med forkert moms.",
            ),
            (
                "objection",
                "Var der noget, der nær havde fået dig til at lade være?",
                "Datasikkerhed. Jeg ville vide, hvor vores data ligger, om serverne står i EU, og jeg ville se en databehandleraftale, før vi skrev under.",
            ),
            (
                "objection",
                "Noget andet?",
                "Om vores revisor ville godkende det. Hvis hun ikke kan bruge det, nytter det ikke noget.",
            ),
            (
                "mindset",
                "Hvordan vil du beskrive dig selv i dit arbejde?",
                "Grundig og forsigtig. Jeg vil hellere gøre det rigtigt end hurtigt, og jeg følger reglerne til punkt og prikke.",
            ),
            (
                "channel",
                "Hvordan hørte du om Tallyflow?",
                "Vores revisor nævnte det, og bagefter var jeg på et webinar om e-fakturering, hvor det blev vist.",
            ),
            (
                "channel",
                "Hvor holder du dig ellers orienteret?",
                "Jeg læser et nyhedsbrev for økonomifolk og følger med i brancheforeningens kurser.",
            ),
            (
                None,
                "Er der andet, du gerne vil sige?",
                "Nej, det tror jeg ikke. Supporten svarer hurtigt, det skal de have.",
            ),
        ],
    },
    {
        "id": "b11",
        "format": "txt",
        "language": "nl",
        "speaker": "Marieke",
        "persona": "finance",
        "turns": [
            (
                None,
                "Goedemiddag Marieke, fijn dat je mee wilt doen.",
                "Graag gedaan. Ik heb tot drie uur, daarna heb ik een overleg met de accountant.",
            ),
            (
                None,
                "Wat is je rol in het bedrijf?",
                "Ik ben financieel manager bij een adviesbureau in Utrecht, met ongeveer vijfendertig medewerkers. Ik doe de financiële administratie met één collega.",
            ),
            (
                "goal",
                "Wat wilde je bereiken met een nieuw pakket?",
                "Facturen die altijd kloppen met de btw-regels, en e-facturen voor onze klanten bij de overheid. Dat moet gewoon foutloos.",
            ),
            (
                "goal",
                "Nog meer?",
                "Een volledige audittrail, zodat de accountant bij de controle alles zelf kan nalopen. En de maandafsluiting moet sneller.",
            ),
            (
                "pain",
                "Waar liep je tegenaan voordat jullie overstapten?",
                "Handmatig afletteren in Excel. Elke maand betalingen naast facturen leggen, en altijd een paar die niet aansluiten.",
            ),
            (
                None,
                "Hoe lang werk je daar al?",
                "Bijna acht jaar. Daarvoor zat ik bij een accountantskantoor, dus controles zitten er wel in.",
            ),
            (
                "pain",
                "Wat ging er dan mis?",
                "Fouten in spreadsheets. Een verkeerde formule en je stuurt een factuur met het verkeerde btw-bedrag de deur uit.",
            ),
            (
                "objection",
                "Wat hield je bijna tegen om te tekenen?",
                "De beveiliging van onze gegevens. Ik wilde weten waar de data staat, of de servers in de EU staan, en ik wilde een verwerkersovereenkomst in verband met de AVG.",
            ),
            (
                "objection",
                "En verder?",
                "Of onze accountant de administratie zou accepteren. Zonder goedkeuring van de accountant begin ik er niet aan.",
            ),
            (
                "mindset",
                "Hoe zou je jezelf omschrijven als het om je werk gaat?",
                "Zorgvuldig en voorzichtig. Liever alles vastgelegd en gecontroleerd dan achteraf repareren.",
            ),
            (
                "channel",
                "Hoe ben je bij Tallyflow terechtgekomen?",
                "Via een webinar van de beroepsvereniging over e-facturatie. Daar werd het als voorbeeld genoemd.",
            ),
            (
                "channel",
                "Waar haal je verder je informatie vandaan?",
                "Uit een paar nieuwsbrieven voor controllers en van onze accountant, die ziet veel pakketten voorbijkomen.",
            ),
            (
                None,
                "Wil je nog iets kwijt?",
                "Alleen dat de exports netjes zijn. Daar ben ik blij mee.",
            ),
        ],
    },
    {
        "id": "b03",
        "format": "srt",
        "language": "en",
        "speaker": "Priya",
        "persona": "techlead",
        "turns": [
            (
                None,
                "Hi Priya, thanks for joining. How's it going?",
                "Good, thanks. I just got out of a sprint review, so my brain is still half in Jira.",
            ),
            (
                None,
                "Tell me about your team.",
                "I lead a team of eight developers at a small software agency. We build web shops and booking systems for clients, about thirty people in the whole company.",
            ),
            (
                "goal",
                "What did you want from a new project tool?",
                "Integrations, first and foremost. I wanted the tool to talk to Slack, to GitHub and to our calendars, so the status of a project updates itself.",
            ),
            (
                "goal",
                "What would the ideal setup look like?",
                "Everything connected through a decent API. A merged pull request closes the task, the hours go to the invoice, and nobody has to touch it.",
            ),
            (
                "pain",
                "What frustrated you about the old way of working?",
                "Copying things between tools by hand. Hours from one app, tasks from another, and then someone copy-pastes it all into the invoice at the end of the month.",
            ),
            (
                "pain",
                "Anything else?",
                "The old tool was slow and clunky. Every screen took two seconds to load and there were no keyboard shortcuts, so the developers just stopped using it.",
            ),
            (
                None,
                "Did the developers like Tallyflow from the start?",
                "Mostly. There's always one who wants to do everything in the terminal, and that's fine.",
            ),
            (
                "objection",
                "Was there anything that almost stopped you from signing up?",
                "The migration. We have three years of projects in the old tool, and I wasn't going to move them over by hand.",
            ),
            (
                "objection",
                "How did you solve that?",
                "There's an import through the API, which was the deciding factor. I was also worried the API would only be on the expensive plan, which a lot of vendors do.",
            ),
            (
                "mindset",
                "How would you describe yourself when it comes to tools?",
                "Early adopter, definitely. If I do something twice by hand, I write a script for it the third time.",
            ),
            (
                "mindset",
                "How does the team feel about that?",
                "They're the same. We'd rather spend a day automating something than an hour a week doing it.",
            ),
            (
                "channel",
                "How did you find Tallyflow?",
                "I saw it on Product Hunt when they launched the API, and a couple of people on Reddit were discussing it in a thread about invoicing for agencies.",
            ),
            (
                "channel",
                "Where else do you discover tools?",
                "YouTube walkthroughs, and a developer podcast I listen to on my commute.",
            ),
            (
                None,
                "Anything else you'd like to share?",
                "The dark mode is nice. Small thing, but people notice.",
            ),
        ],
    },
    {
        "id": "b06",
        "format": "vtt",
        "language": "en",
        "speaker": "Leo",
        "persona": "techlead",
        "turns": [
            (
                None,
                "Hey Leo, thanks for taking the call.",
                "Sure thing. Give me a second, I'm switching to headphones. Okay, go.",
            ),
            (
                None,
                "What do you do at the company?",
                "I'm head of operations at a digital marketing agency, twenty-two people. In practice I'm the person who sets up all the tools and glues them together.",
            ),
            (
                "goal",
                "What were you looking for?",
                "A project tool with proper integrations. It had to connect to our CRM, to Slack and to the accounting package, and it needed webhooks so I can build my own automations.",
            ),
            (
                "goal",
                "Why was that so important?",
                "Because I want the busywork automated. When a deal closes in the CRM, the project should exist with the right tasks, without anyone lifting a finger.",
            ),
            (
                "pain",
                "What was frustrating about your old setup?",
                "Switching between six tabs all day and copying the same client data into each one by hand. It's error-prone and it's boring.",
            ),
            (
                "pain",
                "Anything else?",
                "The interface of the old tool was clunky, it felt like software from 2009. No bulk edit, no shortcuts, nothing.",
            ),
            (
                None,
                "Sounds like you've tried a few tools.",
                "Oh, I've tried everything. My partner jokes that I have a new favourite app every month.",
            ),
            (
                "objection",
                "What almost stopped you from signing up?",
                "I was afraid the API would be too limited. Some tools say they have an API and then it's read-only or you can only pull three fields.",
            ),
            (
                "objection",
                "Were there other concerns?",
                "Moving our existing projects over. We had two hundred active tasks and I didn't want a weekend of manual migration.",
            ),
            (
                "mindset",
                "How would you describe your approach to tools?",
                "Automate everything. I'm the one who tries the beta features first and reports the bugs.",
            ),
            (
                "channel",
                "How did you first hear about Tallyflow?",
                "Reddit, in a subreddit about agency operations. Then I watched a YouTube video where someone built an integration with it in twenty minutes.",
            ),
            (
                "channel",
                "Where do you usually find new tools?",
                "Product Hunt every morning, honestly, and a couple of no-code and automation podcasts.",
            ),
            (
                None,
                "Anything else you want to add?",
                "The changelog is good. I like seeing what they shipped each week.",
            ),
        ],
    },
    {
        "id": "b09",
        "format": "srt",
        "language": "en",
        "speaker": "Tariq",
        "persona": "techlead",
        "turns": [
            (
                None,
                "Hi Tariq, good to meet you. Where are you based?",
                "Manchester. It's raining, obviously.",
            ),
            (
                None,
                "What's your role?",
                "Engineering manager at a startup that makes software for dental clinics. I run two teams, eleven engineers in total.",
            ),
            (
                "goal",
                "What made you look for a new tool?",
                "We wanted our project tracking and client billing in one place, connected to GitHub and our CI, so I can see what we shipped and bill for it without a spreadsheet in between.",
            ),
            (
                "goal",
                "What else mattered?",
                "An open API with good documentation. If I can't script against it, it doesn't go into our stack.",
            ),
            (
                None,
                "How big is the company overall?",
                "About forty now. We were twelve when I joined, so it's been a wild couple of years.",
            ),
            (
                "pain",
                "What was the most annoying part of the old setup?",
                "Manual data entry between tools. Someone exported hours as CSV every Friday and pasted them into the billing tool, and it broke every other week.",
            ),
            (
                "pain",
                "Anything else?",
                "Slow interfaces. If a tool makes my engineers wait, they'll route around it, and then your data is wrong.",
            ),
            (
                "objection",
                "Was there anything that almost stopped you?",
                "The API was on the higher plan at first. I almost walked away, because paying extra for an API feels like paying extra for a door handle.",
            ),
            (
                "objection",
                "What else made you hesitate?",
                "Migrating our history. We had a few thousand issues in the old system and I needed the links between them to survive.",
            ),
            (
                "mindset",
                "How would you describe yourself as a user of tools?",
                "I'm the one who reads the API docs before the pricing page. If it integrates well, I'll forgive a lot.",
            ),
            (
                "channel",
                "How did you hear about Tallyflow?",
                "Hacker News, there was a launch post and the founders answered questions in the comments.",
            ),
            (
                "channel",
                "Where else do you look for tools?",
                "GitHub, honestly, I look at who has a good SDK, and I listen to a couple of engineering podcasts.",
            ),
            (None, "Anything else?", "Only that their status page is honest. I respect that."),
        ],
    },
    {
        "id": "b12",
        "format": "vtt",
        "language": "da",
        "speaker": "Jonas",
        "persona": "techlead",
        "turns": [
            (
                None,
                "Hej Jonas, tak fordi du ville være med.",
                "Selvfølgelig. Jeg sidder hjemme i dag, så hunden er måske med på et tidspunkt.",
            ),
            (
                None,
                "Fortæl lidt om din rolle.",
                "Jeg er teamleder for seks udviklere i et softwarehus i Odense. Vi laver apps og integrationer for mindre virksomheder.",
            ),
            (
                "goal",
                "Hvad ledte du efter i et nyt værktøj?",
                "Integrationer. Det skulle kunne snakke med Slack, GitHub og vores kalender, og der skulle være et åbent API, så vi selv kan bygge det, der mangler.",
            ),
            (
                "goal",
                "Hvorfor var det vigtigt?",
                "Fordi jeg vil automatisere rutinearbejdet. Timer og opgaver skal flyde direkte over på fakturaen, uden at nogen rører ved dem.",
            ),
            (
                "pain",
                "Hvad var mest frustrerende før?",
                "At vi kopierede data mellem systemerne i hånden. Timer fra ét program, opgaver fra et andet, og så fejl i fakturaen bagefter.",
            ),
            (
                None,
                "Hvordan tog holdet imod det nye system?",
                "Fint. Der var lidt brok den første uge, men det er der altid.",
            ),
            (
                "pain",
                "Var der andet?",
                "Det gamle system var langsomt og tungt at bruge. Ingen genveje og alt for mange klik.",
            ),
            (
                "objection",
                "Var der noget, der nær havde fået dig til at lade være?",
                "Migreringen. Vi havde flere års projekter i det gamle værktøj, og jeg ville ikke flytte dem manuelt.",
            ),
            (
                "objection",
                "Noget andet?",
                "Jeg var bange for, at API'et var for begrænset eller kun fandtes i den dyreste pakke.",
            ),
            (
                "mindset",
                "Hvordan vil du beskrive dig selv, når det gælder værktøjer?",
                "Jeg er typisk den første, der prøver noget nyt. Hvis noget kan automatiseres, så gør jeg det.",
            ),
            (
                "channel",
                "Hvordan hørte du om Tallyflow?",
                "Jeg så det på Product Hunt, og så var der en tråd om det på Reddit.",
            ),
            (
                "channel",
                "Hvor finder du ellers nye værktøjer?",
                "På YouTube og i et par podcasts om softwareudvikling.",
            ),
            (
                None,
                "Er der andet, du vil tilføje?",
                "Nej, ikke rigtigt. Dokumentationen til API'et er god, det var det.",
            ),
        ],
    },
]

SURVEY_COLUMNS = [
    "respondent_id",
    "company_size",
    "role",
    "What made you look for a new tool?",
    "What almost stopped you from signing up?",
    "How did you hear about us?",
]
Q_KINDS = ("why", "objection", "channel")

# Per persona and language: answer fragments for each open question, tagged with the kind of
# statement they make (the oracle row uses the tag). A survey answer is one or two fragments,
# sometimes with a lead-in, a mindset remark or a filler tail, so that answers vary.
POOLS: dict[str, dict[str, dict[str, list[tuple[str, str]]]]] = {
    "owner": {
        "en": {
            "why": [
                ("goal", "Wanted to cut down on the number of tools we pay for"),
                ("goal", "Cheaper than the four apps we had before"),
                ("goal", "One tool for quotes, jobs and invoices instead of several"),
                ("goal", "Get invoices out the same day and get paid faster"),
                ("goal", "Less admin in the evenings"),
                ("pain", "We were paying per user for people who hardly log in"),
                ("pain", "The old invoicing app put the price up again"),
                ("pain", "Per-seat pricing got silly every time we hired someone"),
                ("pain", "Yearly price rises with nothing new in return"),
                ("goal", "Save money on software"),
                ("pain", "Eleven subscriptions for a firm of ten people"),
                ("goal", "Better cash flow, invoices were going out weeks late"),
            ],
            "objection": [
                ("objection", "The annual contract"),
                ("objection", "Having to pay a whole year up front"),
                ("objection", "I don't sign twelve-month deals for software"),
                ("objection", "Didn't want to pay for features we'd never use"),
                ("objection", "Worried the price would jump after the first year"),
                ("objection", "The top plan is full of things a small firm doesn't need"),
                ("objection", "Being locked into a long contract"),
                ("objection", "Not sure it was really cheaper than what we had"),
                ("objection", "The setup fee on the bigger plan"),
            ],
            "channel": [
                ("channel", "Our accountant recommended it"),
                ("channel", "My bookkeeper told me about it"),
                ("channel", "Another owner at a business networking breakfast"),
                ("channel", "A price comparison site"),
                ("channel", "Someone at the local business network"),
                ("channel", "Word of mouth from other tradespeople"),
                ("channel", "A chat at the trade association meeting"),
                ("channel", "Compared prices on a review site"),
                ("channel", "A friend who runs a similar business"),
            ],
        },
        "nl": {
            "why": [
                ("goal", "Minder abonnementen, we betaalden voor vier verschillende apps"),
                ("goal", "Alles in één pakket voor een vaste prijs"),
                ("goal", "Sneller factureren zodat we sneller betaald krijgen"),
                ("goal", "Besparen op software"),
                ("pain", "Betalen per gebruiker voor mensen die er nauwelijks in kijken"),
                ("pain", "Elk jaar weer een prijsverhoging"),
                ("pain", "Te veel licenties voor een klein bedrijf"),
                ("goal", "Minder administratie in de avonduren"),
            ],
            "objection": [
                ("objection", "Het jaarcontract"),
                ("objection", "Een heel jaar vooruit betalen"),
                ("objection", "Betalen voor functies die we nooit gebruiken"),
                ("objection", "Bang dat de prijs na het eerste jaar omhoog gaat"),
                ("objection", "Vastzitten aan een lang contract"),
                ("objection", "Of het echt goedkoper was dan wat we hadden"),
            ],
            "channel": [
                ("channel", "Via onze boekhouder"),
                ("channel", "Tip van de accountant"),
                ("channel", "Een andere ondernemer bij de ondernemersvereniging"),
                ("channel", "Een vergelijkingssite"),
                ("channel", "Mond-tot-mondreclame van collega-ondernemers"),
                ("channel", "Netwerkontbijt van ondernemers in de regio"),
            ],
        },
    },
    "finance": {
        "en": {
            "why": [
                ("goal", "Needed invoices that comply with VAT and e-invoicing rules"),
                ("goal", "A proper audit trail for the auditors"),
                ("goal", "A faster month-end close"),
                ("pain", "Manual reconciliation in spreadsheets took days"),
                ("pain", "Errors in our invoice spreadsheets"),
                ("goal", "E-invoicing for our public sector clients"),
                ("pain", "We couldn't see who changed an invoice and when"),
                ("goal", "Figures that flow into the ledger without retyping"),
                ("pain", "Too many versions of the same spreadsheet"),
                ("goal", "Staying compliant with the new e-invoicing mandate"),
                ("pain", "Wrong VAT on an invoice more than once"),
                ("goal", "An approval step before invoices go out"),
            ],
            "objection": [
                ("objection", "Data security and where the data is stored"),
                ("objection", "Whether the servers are in the EU"),
                ("objection", "GDPR, we needed a data processing agreement first"),
                ("objection", "Whether our auditor would accept it"),
                ("objection", "Retention rules, invoices must be kept for seven years"),
                ("objection", "Who at the vendor can access our customer data"),
                ("objection", "We needed their security documentation before signing"),
                ("objection", "Worried invoices could be edited after they were sent"),
                ("objection", "Questions about encryption and backups"),
            ],
            "channel": [
                ("channel", "A webinar on e-invoicing"),
                ("channel", "Our auditor mentioned it"),
                ("channel", "The professional association for finance staff"),
                ("channel", "A finance newsletter"),
                ("channel", "The controllers' meetup"),
                ("channel", "An article in a newsletter for finance managers"),
                ("channel", "A webinar run by our professional body"),
                ("channel", "A course on the new VAT rules"),
                ("channel", "Our external accountant suggested it"),
            ],
        },
        "nl": {
            "why": [
                ("goal", "Facturen die voldoen aan de btw-regels en e-facturatie"),
                ("goal", "Een volledige audittrail voor de accountant"),
                ("goal", "Een snellere maandafsluiting"),
                ("pain", "Handmatig afletteren in Excel kostte dagen"),
                ("pain", "Fouten in onze spreadsheets"),
                ("pain", "Niet te zien wie een factuur had aangepast"),
                ("goal", "E-facturen voor klanten bij de overheid"),
                ("goal", "Een goedkeuringsstap voordat facturen verstuurd worden"),
            ],
            "objection": [
                ("objection", "De beveiliging van onze gegevens"),
                ("objection", "Of de servers in de EU staan"),
                ("objection", "De AVG, we wilden eerst een verwerkersovereenkomst"),
                ("objection", "Of de accountant het zou accepteren"),
                ("objection", "De bewaarplicht van zeven jaar"),
                ("objection", "Wie bij de leverancier bij onze klantgegevens kan"),
            ],
            "channel": [
                ("channel", "Een webinar over e-facturatie"),
                ("channel", "Via onze accountant"),
                ("channel", "De beroepsvereniging"),
                ("channel", "Een nieuwsbrief voor controllers"),
                ("channel", "Een cursus over de nieuwe btw-regels"),
                ("channel", "Een artikel in een vakblad voor financials"),
            ],
        },
    },
    "techlead": {
        "en": {
            "why": [
                ("goal", "Needed integrations with Slack and GitHub"),
                ("goal", "An open API so we can automate things"),
                ("pain", "Copying hours between tools by hand"),
                ("pain", "Too much copy-paste between apps"),
                ("goal", "Webhooks to connect it to our CRM"),
                ("pain", "The old tool was slow and clunky"),
                ("goal", "Automate the busywork around projects"),
                ("pain", "No API in our old project tool"),
                ("goal", "Tasks, hours and invoices connected in one flow"),
                ("pain", "Switching between six tabs all day"),
                ("goal", "Connect project tracking to our calendar and CI"),
                ("pain", "No keyboard shortcuts and no bulk edit"),
            ],
            "objection": [
                ("objection", "The migration of our old projects"),
                ("objection", "Moving years of project history over"),
                ("objection", "Worried the API would be too limited"),
                ("objection", "The API being on the expensive plan only"),
                ("objection", "Whether the import would keep the links between tasks"),
                ("objection", "A read-only API would have been a deal breaker"),
                ("objection", "Rate limits on the API"),
                ("objection", "Migrating thousands of tasks by hand"),
            ],
            "channel": [
                ("channel", "Saw it on Product Hunt"),
                ("channel", "A thread on Reddit about agency tools"),
                ("channel", "The Hacker News launch post"),
                ("channel", "A YouTube integration walkthrough"),
                ("channel", "A developer podcast"),
                ("channel", "Found their SDK on GitHub"),
                ("channel", "An automation podcast"),
                ("channel", "A no-code community on Discord"),
                ("channel", "Product Hunt newsletter"),
            ],
        },
        "nl": {
            "why": [
                ("goal", "Koppelingen met Slack en GitHub"),
                ("goal", "Een open API zodat we dingen kunnen automatiseren"),
                ("pain", "Uren met de hand overtypen tussen systemen"),
                ("pain", "Te veel knippen en plakken tussen apps"),
                ("pain", "Het oude pakket was traag en omslachtig"),
                ("goal", "Routinewerk rond projecten automatiseren"),
                ("goal", "Webhooks om het aan ons CRM te koppelen"),
                ("pain", "Geen API in onze oude projecttool"),
            ],
            "objection": [
                ("objection", "De migratie van onze oude projecten"),
                ("objection", "Bang dat de API te beperkt zou zijn"),
                ("objection", "De API alleen in het duurste pakket"),
                ("objection", "Of de import de koppelingen tussen taken zou behouden"),
                ("objection", "Jaren aan projecthistorie overzetten"),
            ],
            "channel": [
                ("channel", "Gezien op Product Hunt"),
                ("channel", "Een draadje op Reddit"),
                ("channel", "Een video op YouTube"),
                ("channel", "Een podcast voor developers"),
                ("channel", "Hacker News"),
                ("channel", "Via hun SDK op GitHub"),
            ],
        },
    },
}

# An occasional second sentence about the respondent's attitude (a mindset statement).
MINDSET: dict[str, dict[str, list[str]]] = {
    "owner": {
        "en": [
            "Every pound counts in a small firm.",
            "I keep a close eye on costs.",
            "I'm careful with money.",
        ],
        "nl": ["Elke euro telt bij ons.", "Ik let goed op de kosten."],
    },
    "finance": {
        "en": [
            "I like things done by the book.",
            "Better safe than sorry with the numbers.",
            "I'm cautious about risk.",
        ],
        "nl": ["Ik wil dat alles klopt en vastligt.", "Liever zorgvuldig dan snel."],
    },
    "techlead": {
        "en": [
            "I automate whatever I can.",
            "I'm always the first to try new tools.",
            "If I do it twice, I script it.",
        ],
        "nl": ["Ik automatiseer alles wat kan.", "Ik probeer altijd als eerste nieuwe tools uit."],
    },
}
LEAD = {
    "en": ["", "", "", "Mainly ", "Honestly, ", "Mostly ", "Basically "],
    "nl": ["", "", "", "Vooral ", "Eigenlijk: ", "Vooral: "],
}
JOIN = {"en": [", and ", ". Also ", " + ", ". "], "nl": [", en ", ". Ook ", " + ", ". "]}
TAIL = {
    "en": [" Still the case.", " That was the main thing.", " :)"],
    "nl": [" Dat was het belangrijkste.", " Nog steeds zo."],
}
KEEP_CAPITAL = {
    "I",
    "I'm",
    "I'd",
    "Slack",
    "GitHub",
    "Product",
    "Reddit",
    "YouTube",
    "Hacker",
    "EU",
    "GDPR",
    "API",
    "VAT",
    "E-invoicing",
    "AVG",
    "E-facturen",
}
SKIPPED = ["", "", "", "", "", "n/a", "-", "N/A"]
SKIPPED_NL = ["", "", "", "", "", "nvt", "-", "n.v.t."]
SIZES = {
    "owner": (["1-9", "10-49"], [6, 4]),
    "finance": (["10-49", "50-249"], [6, 4]),
    "techlead": (["1-9", "10-49", "50-249"], [2, 5, 3]),
}
ROLES = {
    "owner": {
        "en": ["Owner", "Founder", "Managing director", "Co-owner"],
        "nl": ["Eigenaar", "Directeur-eigenaar", "Oprichter"],
    },
    "finance": {
        "en": ["Finance manager", "Controller", "Bookkeeper", "Head of finance", "CFO"],
        "nl": ["Financieel manager", "Controller", "Boekhouder"],
    },
    "techlead": {
        "en": ["Team lead", "Engineering manager", "Head of operations", "Tech lead"],
        "nl": ["Teamleider", "Tech lead", "Hoofd operations"],
    },
}
PER_PERSONA = 40
DUTCH_PER_PERSONA = 8


def _lower_first(text: str) -> str:
    first = text.split()[0]
    return text if first in KEEP_CAPITAL else text[0].lower() + text[1:]


def _compose(rng: random.Random, persona: str, language: str, question: str, used: set[str]):
    """One answer: (cell text, [(kind, fragment), ...]), different from every earlier answer."""
    pool = POOLS[persona][language][question]
    for _attempt in range(50):
        count = 2 if rng.random() < 0.3 else 1
        picked = rng.sample(pool, count)
        lead = rng.choice(LEAD[language]) if question == "why" else ""
        text = picked[0][1]
        text = lead + (_lower_first(text) if lead else text)
        if count == 2:
            joiner = rng.choice(JOIN[language])
            second = picked[1][1]
            text += joiner + (_lower_first(second) if joiner[-2:] != ". " else second)
        segments = list(picked)
        if not text.endswith("."):
            text += "." if rng.random() < 0.7 else ""
        if question == "why" and rng.random() < 0.2:
            remark = rng.choice(MINDSET[persona][language])
            text = text.rstrip(".") + ". " + remark
            segments.append(("mindset", remark))
        if question != "channel" and text.endswith(".") and rng.random() < 0.15:
            text += rng.choice(TAIL[language])
        if rng.random() < 0.05:
            text = text.lower()
        if text.casefold() not in used:
            used.add(text.casefold())
            return text, segments
    raise RuntimeError(f"pool too small for {persona}/{language}/{question}")


def build_survey() -> list[dict]:
    """120 respondents, 40 per persona, 8 of them answering in Dutch; shuffled, then numbered."""
    rng = random.Random(SEED)
    people = [
        (persona, "nl" if n < DUTCH_PER_PERSONA else "en")
        for persona in PERSONAS
        for n in range(PER_PERSONA)
    ]
    rng.shuffle(people)
    used: dict[str, set[str]] = {q: set() for q in Q_KINDS}
    rows = []
    for number, (persona, language) in enumerate(people, start=1):
        sizes, weights = SIZES[persona]
        answered = rng.choices([1, 2, 3], weights=[2, 3, 5])[0]
        chosen = set(rng.sample(range(3), answered))
        cells, segments = [], []
        for index, question in enumerate(Q_KINDS):
            if index in chosen:
                text, parts = _compose(rng, persona, language, question, used[question])
            else:
                text, parts = rng.choice(SKIPPED_NL if language == "nl" else SKIPPED), []
            cells.append(text)
            segments.append(parts)
        rows.append(
            {
                "id": f"s{number:03d}",
                "persona": persona,
                "language": language,
                "company_size": rng.choices(sizes, weights=weights)[0],
                "role": rng.choice(ROLES[persona][language]),
                "answers": cells,
                "segments": segments,
            }
        )
    return rows


SURVEY = build_survey()


def participant_languages() -> dict[str, str]:
    """Participant id -> language of their answers (interviewees and survey respondents)."""
    languages = {i["id"]: i["language"] for i in INTERVIEWS}
    languages.update({row["id"]: row["language"] for row in SURVEY})
    return languages


def _stamp(seconds: float, comma: bool) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{int(hours):02d}:{int(minutes):02d}:{secs:06.3f}"
    return text.replace(".", ",") if comma else text


def _split(text: str) -> list[str]:
    """Split long answers across two cues mid-sentence, as caption exports do."""
    words = text.split()
    if len(words) < 18:
        return [text]
    middle = len(words) // 2
    return [" ".join(words[:middle]), " ".join(words[middle:])]


def render(interview: dict, index: int) -> str:
    """txt (every other one with [mm:ss] stamps), WebVTT or SRT with ``Name:`` labels."""
    turns = []
    for _kind, question, answer in interview["turns"]:
        turns.append(("Interviewer", question))
        turns.append((interview["speaker"], answer))
    fmt = interview["format"]
    stamped = index % 2 == 0
    clock = 2.0
    lines: list[str] = []
    if fmt == "vtt":
        lines.append("WEBVTT\n")
    cue = 0
    for speaker, text in turns:
        pieces = _split(text) if fmt in ("vtt", "srt") else [text]
        for piece in pieces:
            duration = 1.4 + 0.36 * len(piece.split())
            if fmt == "txt":
                if stamped:
                    minutes, secs = divmod(int(clock), 60)
                    lines.append(f"[00:{minutes:02d}:{secs:02d}] {speaker}: {piece}")
                else:
                    lines.append(f"{speaker}: {piece}\n")
            else:
                cue += 1
                start = _stamp(clock, fmt == "srt")
                end = _stamp(clock + duration, fmt == "srt")
                lines.append(f"{cue}\n{start} --> {end}\n{speaker}: {piece}\n")
            clock += duration + 0.6
    return "\n".join(lines).rstrip("\n") + "\n"


EXISTING_PERSONAS = {
    "document": "Tallyflow buyer personas",
    "version": "2025.2",
    "owner": {"team": "Demand generation", "contact": "marketing@tallyflow.example"},
    "last_reviewed": "2025-04-30",
    "approved_by": ["Head of Marketing", "VP Sales"],
    "personas": [
        {
            "id": "P-OWNER",
            "name": "Owner Oliver",
            "avatar": "img/personas/oliver.png",
            "tagline": "If it doesn't pay for itself, it goes",
            "firmographics": {
                "company_size": "1-20",
                "industries": ["trades", "agencies", "retail"],
            },
            "gist": "Oliver runs a small firm himself and watches every software bill.",
            "goals": [
                "Fewer tools and subscriptions",
                "Get invoices out faster and get paid sooner",
                "Expand the business with franchise locations abroad",
            ],
            "painPoints": ["Price rises every year"],
            "objections": ["Annual contracts paid up front", "Paying for features they never use"],
            "channels": [
                "Accountant recommendations",
                "Local business networks",
                "Price comparison sites",
            ],
            "mindset": "Thrifty, hands-on owner who checks every direct debit",
            "kpis": {"trial_to_paid": 0.18, "arpa_eur": 39.0, "churn_12m": 0.22},
            "tags": ["price-sensitive", "self-serve"],
            "notes": None,
        },
        {
            "id": "P-FINANCE",
            "name": "Finance Fiona",
            "avatar": "img/personas/fiona.png",
            "Firmographics": "20-250 employees, professional services and logistics",
            "Description": "Fiona is responsible for getting invoicing right and for passing the audit.",
            "Motivations": [
                {"text": "Invoices that comply with VAT and e-invoicing rules", "priority": "high"},
                {"text": "A complete audit trail", "priority": "high"},
                {"text": "A faster month-end close", "priority": "medium"},
            ],
            "Pain points": [
                {"text": "Manual reconciliation in spreadsheets", "priority": "high"},
                {"text": "Errors in invoice spreadsheets", "priority": "medium"},
            ],
            "Concerns": [{"text": "Whether the auditor accepts the records"}],
            "Where to reach them": [
                "E-invoicing webinars",
                "Finance newsletters",
                "TikTok finance creators",
            ],
            "Values": ["By the book", "Careful and risk-averse"],
            "campaigns": [{"name": "E-invoicing readiness", "year": 2025, "ctr": 0.027}],
        },
        {
            "id": "P-TECH",
            "name": "Tech-lead Tom",
            "avatar": "img/personas/tom.png",
            "firmographics": {"company_size": "10-250", "team": "software and digital agencies"},
            "summary": "Tom leads a team and wants every tool connected to the rest of the stack.",
            "goals": "Integrations with Slack, GitHub and the calendar; An open API to automate the busywork; Gamified badges to motivate the team",
            "pain_points": ["Slow and clunky interfaces"],
            "barriers": [
                "Migrating existing projects",
                "An API that is limited or only on the top plan",
            ],
            "where_to_reach_them": [
                "Product Hunt",
                "Reddit",
                "YouTube walkthroughs",
                "Developer podcasts",
            ],
            "attitudes": ["Early adopter", "Automates everything"],
            "owner": "Product marketing",
        },
        {
            "id": "P-ENTERPRISE",
            "name": "Enterprise Erik",
            "avatar": "img/personas/erik.png",
            "bio": "Erik runs IT procurement at a corporation with thousands of staff and buys through formal tenders.",
            "needs": [
                "Single sign-on with SAML and SCIM provisioning",
                "A dedicated account manager and a 99.99% uptime SLA",
            ],
            "frustrations": [
                "Vendors that cannot complete a security questionnaire of 300 questions"
            ],
            "hesitations": ["No on-premise installation option"],
            "media": ["Gartner reports", "Enterprise IT trade fairs"],
            "beliefs": "Nobody gets fired for buying the market leader",
            "firmographics": {"company_size": "5000+", "region": "global"},
        },
    ],
}

ENRICH_TRUTH = {
    "persona_map": {"owner": "P-OWNER", "finance": "P-FINANCE", "techlead": "P-TECH"},
    "unmatched_persona": "P-ENTERPRISE",
    "unsupported": [
        {"persona": "P-OWNER", "text": "Expand the business with franchise locations abroad"},
        {"persona": "P-FINANCE", "text": "TikTok finance creators"},
        {"persona": "P-TECH", "text": "Gamified badges to motivate the team"},
    ],
    "missing_themes": [
        {
            "persona": "P-OWNER",
            "kind": "pain_point",
            "theme": "per-seat / per-user pricing",
            "cues": [
                "per user",
                "per-user",
                "per seat",
                "per-seat",
                "seat",
                "per gebruiker",
                "licentie",
                "licenties",
            ],
        },
        {
            "persona": "P-FINANCE",
            "kind": "objection",
            "theme": "data security, GDPR and where the data is hosted",
            "cues": [
                "security",
                "gdpr",
                "servers",
                "hosted",
                "stored",
                "data processing",
                "beveiliging",
                "avg",
                "verwerkersovereenkomst",
                "datasikkerhed",
                "databehandleraftale",
            ],
        },
        {
            "persona": "P-TECH",
            "kind": "pain_point",
            "theme": "copying data between tools by hand",
            "cues": [
                "copy",
                "copying",
                "paste",
                "by hand",
                "switching",
                "tabs",
                "overtypen",
                "knippen",
                "plakken",
                "kopierede",
                "i hånden",
            ],
        },
    ],
}


def main() -> None:
    STUDY.mkdir(parents=True, exist_ok=True)
    truth: dict[str, str] = {}
    for index, interview in enumerate(INTERVIEWS):
        path = STUDY / f"{interview['id']}.{interview['format']}"
        path.write_text(render(interview, index), encoding="utf-8")
        truth[interview["id"]] = interview["persona"]
    with open(STUDY / "survey.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(SURVEY_COLUMNS)
        for row in SURVEY:
            writer.writerow([row["id"], row["company_size"], row["role"], *row["answers"]])
            truth[row["id"]] = row["persona"]
    (HERE / "truth_b2b.json").write_text(
        json.dumps(dict(sorted(truth.items())), indent=2) + "\n", encoding="utf-8"
    )
    (HERE / "existing_personas_b2b.json").write_text(
        json.dumps(EXISTING_PERSONAS, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (HERE / "enrich_truth_b2b.json").write_text(
        json.dumps(ENRICH_TRUTH, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
