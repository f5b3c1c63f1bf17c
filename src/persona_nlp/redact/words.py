"""Word lists behind :mod:`persona_nlp.redact`: first names, cue words and stop words per language.

Lists are deliberately small and hand-written: common first names that are *not* also common
words (no "Will", "Mark", "Per", "Mai"), words that introduce a person ("my friend", "Pak",
"chị"), and per-language function words that are never names even when capitalised. They are
heuristics, not a named-entity recogniser; ``docs/privacy.md`` states the limits.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FIRST_NAMES: dict[str, frozenset[str]] = {
    "en": _words(
        "James John Robert Michael David William Richard Joseph Thomas Charles Daniel Matthew "
        "Anthony Andrew Joshua Kevin Brian George Edward Ryan Jacob Ethan Oliver Harry Liam Noah "
        "Lucas Emma Olivia Sophia Isabella Ava Mia Emily Charlotte Amelia Evelyn Abigail Elizabeth "
        "Sarah Jessica Jennifer Laura Rachel Hannah Lisa Karen Susan Mary Patricia Linda Barbara "
        "Nancy Megan Chloe Lucy Ellie Sophie Zoe Tom Sam Ben Alex Chris Kate Anna Jane Paul Peter "
        "Mike Steve Nick Dave Tim Fiona Priya Aisha Omar Ahmed Mohammed Sean Jake Josh Amy Claire "
        "Helen Julia Nina Tina Eva Maria Jonathan Simon Martin Henry Jack Leo Max Isla Freya Ella"
    ),
    "da": _words(
        "Mette Anne Kirsten Hanne Camilla Louise Sofie Ida Freja Emma Maja Laura Julie Line Signe "
        "Trine Lone Pia Helle Karen Marianne Tine Birgitte Charlotte Malene Rikke Mads Rasmus "
        "Anders Søren Jesper Morten Henrik Lars Jens Niels Peter Mikkel Kasper Frederik Magnus Emil "
        "Oliver William Jonas Lasse Ole Christian Thomas Martin Jakob Simon Troels Bjarne Poul Kim "
        "Lise Bente Dorthe Gitte Susanne Astrid Clara Alma Asger Esben Villads Bo"
    ),
    "nb": _words(
        "Ingrid Silje Kari Nora Thea Ingeborg Astrid Sigrid Solveig Marit Hilde Ragnhild Tone Randi "
        "Guro Synnøve Marte Ida Emma Sofie Maja Jonas Bjørn Knut Håkon Sindre Eirik Sander Espen "
        "Torbjørn Kristian Kristoffer Thomas Martin Andreas Erik Ole Lars Magnus Henrik Øyvind Geir "
        "Trond Terje Stian Vegard Jørgen Aksel Even Tobias Mathias Emil Linnea Frida Ebba Elsa"
    ),
    "nl": _words(
        "Jan Pieter Kees Henk Joost Bram Daan Sem Thijs Jeroen Sander Bart Ruud Wouter Maarten "
        "Niels Tim Stijn Ruben Sanne Lotte Femke Eva Anouk Lieke Fleur Iris Julia Sophie Emma "
        "Marieke Ingrid Esther Inge Anke Els Noor Lisa Saskia Mirjam Yvonne Linda Kim Fenna Tess "
        "Jesse Lars Luuk Milan Gijs Koen Floor Roos Britt Ilse Willem Hendrik Johan Geert"
    ),
    "id": _words(
        "Budi Siti Dewi Putri Rina Agus Andi Rizky Fajar Dian Eko Joko Bambang Wahyu Hendra Yudi "
        "Ahmad Muhammad Nurul Sri Wati Lestari Ratna Yanti Intan Citra Fitri Wulan Bayu Dimas Reza "
        "Rudi Arif Taufik Irfan Yusuf Rahmat Aditya Kartika Ningsih Rini Tuti Endang Hadi Teguh "
        "Gilang Rizal Anisa Nabila Aulia Kevin Yoga Ayu"
    ),
    "vi": _words(
        "Minh Linh Hương Trang Thảo Ngọc Hạnh Hằng Nhung Phương Quỳnh Tuấn Hùng Dũng Hải Tùng "
        "Quang Huy Khoa Phong Thắng Trung Hiếu Khánh Vy Yến Duy Thủy Thúy Hiền Loan Oanh Tâm "
        "Việt Cường Thành Vinh Hoàng Bảo"
    ),
    "de": _words(
        "Hans Jürgen Klaus Uwe Wolfgang Stefan Andreas Michael Thomas Markus Lukas Jonas Leon "
        "Felix Maximilian Paul Ursula Sabine Petra Monika Claudia Katrin Julia Lena Lea Hannah "
        "Anna Laura Sophie Marie"
    ),
    "sv": _words(
        "Erik Lars Karl Anders Johan Per-Erik Nils Mikael Oskar Gustav Axel Elias Hugo Astrid "
        "Ingrid Karin Kerstin Elsa Ebba Maja Saga Linnea Alva Wilma Agnes"
    ),
    "fr": _words(
        "Jean Pierre Michel Philippe Nicolas Julien Thomas Camille Manon Chloé Léa Inès Margaux "
        "Juliette Amélie Sébastien Antoine Mathieu Céline Nathalie Isabelle Sylvie"
    ),
    "es": _words(
        "José Juan Javier Carlos Alejandro Miguel Pablo Diego Sergio Lucía Sofía Martina Paula "
        "Carmen Isabel Pilar Elena Marta Alba Jorge Andrés"
    ),
}
"""Common first names per language, matched only when capitalised."""

VIETNAMESE_SURNAMES = _words(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh Đoàn Lương"
)
"""A Vietnamese full name starts with one of these, then capitalised syllables."""

NAME_PARTICLES = _words("van de der den ter ten von zu da di del la le bin binti")
"""Lower-case parts inside names (``Jan van Dijk``); kept only between capitalised names."""

TITLE_CUES = _words(
    "mr mr. mrs mrs. ms ms. miss dr dr. mister sir madam "
    "hr hr. fru frk frk. herr frau "
    "meneer mevrouw mevr mevr. dhr dhr. "
    "pak bu bapak ibu mbak mas kak bang om tante "
    "anh chị em cô chú bác ông bà bạn "
    "monsieur madame mme mme. señor señora sr sr. sra sra. don doña"
)
"""Words right before a name: honorifics and Vietnamese/Indonesian forms of address."""

RELATION_CUES = _words(
    "friend friends sister brother wife husband partner colleague mum mom mother dad father son "
    "daughter boyfriend girlfriend neighbour neighbor cousin boss trainer coach "
    "ven veninde venner søster bror kone mand kæreste kollega mor far datter søn nabo træner "
    "venn venninne kona mannen samboer "
    "vriend vriendin zus broer vrouw collega moeder vader dochter zoon buurman buurvrouw "
    "teman kakak adik suami istri pacar rekan tetangga "
    "vợ chồng "
    "freund freundin schwester bruder kollege "
    "vän syster "
    "ami amie soeur frère femme mari "
    "amigo amiga hermana hermano esposa esposo"
)
"""Relationship words; a capitalised word after them (``my friend Mette``) is a name."""

INTRO_CUES = _words("namaku namanya")
"""Single words that introduce a name (Indonesian ``namaku`` = my name)."""

INTRO_PAIRS = frozenset(
    {
        ("name", "is"),
        ("navn", "er"),
        ("navnet", "er"),
        ("naam", "is"),
        ("nama", "saya"),
        ("tên", "là"),
        ("tôi", "là"),
        ("namn", "är"),
        ("name", "ist"),
        ("i'm", "called"),
        ("jeg", "hedder"),
        ("han", "hedder"),
        ("hun", "hedder"),
        ("jeg", "heter"),
        ("han", "heter"),
        ("hun", "heter"),
        ("jag", "heter"),
        ("ik", "heet"),
        ("hij", "heet"),
        ("zij", "heet"),
        ("ze", "heet"),
        ("ich", "heiße"),
        ("ich", "heisse"),
        ("je", "m'appelle"),
        ("me", "llamo"),
        ("se", "llama"),
    }
)
"""Two-word cues before a name (``my name is``, ``jeg hedder``, ``nama saya``, ``tên là``).

A verb alone (``called``, ``hedder``) is not enough: shops and apps are "called" things too.
"""

INTRO_TRIPLES = frozenset({("my", "name's", "is"), ("nama", "saya", "adalah")})
"""Three-word cues before a name."""

POSSESSIVES = _words("my min mit mine mijn saya aku gue tôi mình mein meine mon ma mi mia")
"""Possessives that may sit between a relation cue and the name (``teman saya Rina``)."""

ROLE_WORDS = _words(
    "interviewer interviewee moderator facilitator researcher host respondent participant "
    "customer user speaker guest unknown note notes int resp mod res cust "
    "intervjuer interviewer deltager deltaker kunde informant ordstyrer "
    "geïnterviewde deelnemer klant gespreksleider onderzoeker "
    "pewawancara narasumber responden peserta pelanggan pembeli "
    "người phỏng vấn viên tham gia khách hàng đáp "
    "interviewerin teilnehmer befragter sprecher "
    "intervjuare deltagare "
    "enquêteur participant "
    "entrevistador entrevistado participante "
    "a b c d p q r s i"
)
"""Words a generic speaker label is made of (``Interviewer``, ``Speaker 2``, ``Deltager 3``)."""

STOP_WORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "i i'm i've i'd a an the and or but so if then when what why how who which where this that "
        "these those it its it's we you he she they my your our their me him her us them yes no "
        "not just also very really maybe well ok okay oh hi hello thanks thank please because "
        "with without for from to of in on at by about after before during since until as is are "
        "was were be been do does did have has had can could would should will shall may might "
        "must there here now today tomorrow yesterday monday tuesday wednesday thursday friday "
        "saturday sunday january february march april may june july august september october "
        "november december christmas easter black friday"
    ),
    "da": _words(
        "jeg du han hun den det de vi i man og eller men så hvis når hvad hvorfor hvordan hvem "
        "hvor der her nu ja nej ikke også meget bare lige måske jo nok tak min mit mine din dit "
        "vores jeres deres med uden for fra til af på ved om efter før under siden er var bliver "
        "blev har havde kan kunne vil ville skal skulle må mandag tirsdag onsdag torsdag fredag "
        "lørdag søndag januar februar marts april maj juni juli august september oktober november "
        "december jul påske"
    ),
    "nb": _words(
        "jeg du han hun den det de vi dere man og eller men så hvis når hva hvorfor hvordan hvem "
        "hvor der her nå ja nei ikke også veldig bare kanskje jo nok takk min mitt mine din ditt "
        "vår våre deres med uten for fra til av på ved om etter før under siden er var blir ble har "
        "hadde kan kunne vil ville skal skulle må mandag tirsdag onsdag torsdag fredag lørdag "
        "søndag januar februar mars april mai juni juli august september oktober november desember"
    ),
    "nl": _words(
        "ik jij je u hij zij ze het de een wij we jullie men en of maar dus als wanneer wat "
        "waarom hoe wie waar daar hier nu ja nee niet ook heel erg gewoon misschien toch wel dank "
        "bedankt mijn jouw ons onze hun met zonder voor van naar uit op aan bij over na tijdens "
        "sinds is zijn was waren wordt werd heb heeft had kan kon wil wilde zal zou moet mag "
        "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart april "
        "mei juni juli augustus september oktober november december"
    ),
    "id": _words(
        "saya aku kamu anda dia ia mereka kami kita dan atau tetapi tapi jadi kalau jika ketika "
        "apa kenapa mengapa bagaimana siapa mana di ke dari ini itu ya tidak tak bukan juga sangat "
        "sekali saja mungkin sih dong kok deh terima kasih untuk dengan tanpa pada dalam oleh "
        "tentang setelah sebelum sejak sampai adalah ialah ada akan sudah belum bisa dapat harus "
        "mau ingin senin selasa rabu kamis jumat sabtu minggu januari februari maret april mei "
        "juni juli agustus september oktober november desember lebaran indah"
    ),
    "vi": _words(
        "tôi mình bạn anh chị em nó họ chúng ta và hoặc nhưng nên nếu khi gì sao tại vì thế "
        "nào ai đâu đây kia này đó vâng dạ không có cũng rất lắm chỉ thì là của cho với từ đến "
        "trong ngoài trên dưới sau trước đã đang sẽ được bị phải muốn cần thứ hai ba tư năm sáu "
        "bảy chủ nhật tháng ngày hôm nay mai qua tết"
    ),
    "de": _words(
        "ich du er sie es wir ihr man und oder aber also wenn wann was warum wie wer wo da hier "
        "jetzt ja nein nicht auch sehr nur vielleicht doch danke bitte mein meine dein unser "
        "mit ohne für von zu aus auf an bei über nach vor seit bis ist sind war waren wird wurde "
        "habe hat hatte kann konnte will wollte soll sollte muss darf montag dienstag mittwoch "
        "donnerstag freitag samstag sonntag januar februar märz april mai juni juli august "
        "september oktober november dezember"
    ),
    "sv": _words(
        "jag du han hon den det de vi ni man och eller men så om när vad varför hur vem var där "
        "här nu ja nej inte också mycket bara kanske ju tack min mitt mina din vår med utan för "
        "från till av på vid efter före under sedan är var blir blev har hade kan kunde vill "
        "skulle måste"
    ),
    "fr": _words(
        "je tu il elle on nous vous ils elles le la les un une des et ou mais donc si quand que "
        "quoi pourquoi comment qui où ici là oui non ne pas aussi très juste peut-être merci "
        "mon ma mes avec sans pour de du à au en sur par après avant depuis est sont était"
    ),
    "es": _words(
        "yo tú él ella nosotros vosotros ellos ellas el la los las un una y o pero entonces si "
        "cuando qué por porque cómo quién dónde aquí allí sí no también muy solo quizás gracias "
        "mi mis con sin para de del a al en sobre después antes desde es son era fue"
    ),
}
"""Function words per language: never names, even when capitalised at a sentence start."""

ALL_STOP_WORDS: frozenset[str] = frozenset().union(*STOP_WORDS.values())

NEVER_NAMES = _words(
    "instagram youtube tiktok facebook pinterest google strava garmin polar suunto apple "
    "android iphone whatsapp messenger snapchat reddit twitter linkedin trustpilot amazon "
    "zalando shopee tokopedia lazada tiki bukalapak vinted zara nike adidas asics hoka salomon "
    "patagonia decathlon puma reebok brooks mizuno newbalance klarna mobilepay vipps paypal "
    "gls postnord dhl ups fedex bring instabox budbee jne sicepat "
    "covid corona zoom teams otter"
)
"""Brands, services and channels: capitalised but never a person."""
