"""Generate realistic multilingual open-ended survey answers at any size, with ground truth.

An online outdoor-gear shop asks every customer three open questions after a purchase:

* ``why_bought``     - "What made you buy from us?"            (goals, mindset, channels)
* ``almost_stopped`` - "What almost stopped you from buying?"  (objections)
* ``improve``        - "What should we improve?"               (pain points)

Each respondent has a hidden archetype (bargain hunter, quality seeker, eco-conscious, trip
planner) that shifts which topics they mention, a language (en, da, nb, nl, id, vi), a segment,
an age band, a country and an NPS score. Answers are built from templates x slots x fillers
(openers, closers, a second sentence on the same topic) with realistic noise: typos, missing
punctuation, lower-casing, dropped diacritics, blank cells and non-answers ("n/a", "ingenting").

Output (both streamed, so a million rows is fine):

* ``OUT.csv``        - the survey export, one row per respondent.
* ``OUT.truth.csv``  - ground truth per respondent: language, archetype and each column's
  intended topic (empty for blanks and non-answers).

Generation is deterministic per row (``seed`` and the row number), so the first N rows of a
bigger file equal a smaller file: ``--rows 52500`` is ``--rows 50000`` plus 5% new respondents.

Usage::

    python benchmarks/generate_survey.py --rows 50000 --out benchmarks/.cache/survey-50k.csv
"""

from __future__ import annotations

import argparse
import csv
import random
import unicodedata
from collections.abc import Iterator
from pathlib import Path

VERSION = 2
"""Bumped whenever the output for a given seed and size changes (cached files are named by it)."""

LANGUAGES = ("en", "da", "nb", "nl", "id", "vi")
LANGUAGE_WEIGHTS = (0.40, 0.12, 0.12, 0.12, 0.12, 0.12)
COUNTRIES = {
    "en": ("United Kingdom", "United States", "Ireland", "Australia"),
    "da": ("Denmark",),
    "nb": ("Norway",),
    "nl": ("Netherlands", "Belgium"),
    "id": ("Indonesia",),
    "vi": ("Vietnam",),
}
SEGMENTS = ("new customer", "returning customer", "loyalty member")
AGE_BANDS = ("18-24", "25-34", "35-44", "45-54", "55-64", "65+")

QUESTIONS = {
    "why_bought": "What made you buy from us?",
    "almost_stopped": "What almost stopped you from buying?",
    "improve": "What should we improve?",
}
COLUMN_KINDS = {"almost_stopped": "objection", "improve": "pain_point"}

# topic -> (column, statement kind)
TOPICS: dict[str, tuple[str, str]] = {
    "sale": ("why_bought", "mindset"),
    "quality": ("why_bought", "goal"),
    "sustainability": ("why_bought", "mindset"),
    "recommendation": ("why_bought", "channel"),
    "trip": ("why_bought", "goal"),
    "shipping_cost": ("almost_stopped", "objection"),
    "size_fit": ("almost_stopped", "objection"),
    "returns": ("almost_stopped", "objection"),
    "price": ("almost_stopped", "objection"),
    "trust": ("almost_stopped", "objection"),
    "late_delivery": ("improve", "pain_point"),
    "website": ("improve", "pain_point"),
    "support": ("improve", "pain_point"),
    "defect": ("improve", "pain_point"),
    "packaging": ("improve", "pain_point"),
}

# archetype -> (segment weights, topic weights); topics not listed get weight 1
ARCHETYPES: dict[str, tuple[tuple[float, ...], dict[str, float]]] = {
    "bargain_hunter": (
        (0.5, 0.3, 0.2),
        {
            "sale": 9,
            "recommendation": 2,
            "shipping_cost": 8,
            "price": 7,
            "late_delivery": 5,
            "website": 4,
        },
    ),
    "quality_seeker": (
        (0.2, 0.4, 0.4),
        {"quality": 9, "size_fit": 6, "returns": 4, "defect": 8, "support": 4},
    ),
    "eco_conscious": (
        (0.3, 0.3, 0.4),
        {"sustainability": 10, "quality": 3, "trust": 4, "returns": 5, "packaging": 10},
    ),
    "trip_planner": (
        (0.5, 0.35, 0.15),
        {
            "trip": 9,
            "recommendation": 6,
            "size_fit": 4,
            "trust": 6,
            "late_delivery": 7,
            "support": 6,
        },
    ),
}
ARCHETYPE_WEIGHTS = (0.3, 0.25, 0.2, 0.25)

PRODUCTS = {
    "en": ("boots", "rain jacket", "backpack", "tent", "sleeping bag", "hiking poles"),
    "da": ("vandrestøvler", "regnjakke", "rygsæk", "telt", "sovepose", "vandrestave"),
    "nb": ("fjellsko", "regnjakke", "sekk", "telt", "sovepose", "turstaver"),
    "nl": ("wandelschoenen", "regenjas", "rugzak", "tent", "slaapzak", "wandelstokken"),
    "id": ("sepatu gunung", "jaket hujan", "ransel", "tenda", "kantong tidur", "tongkat hiking"),
    "vi": ("giày leo núi", "áo mưa", "ba lô", "lều", "túi ngủ", "gậy leo núi"),
}

OPENERS = {
    "en": ("", "", "", "Honestly, ", "Well, ", "To be fair, ", "Tbh ", "I guess ", "Mainly: "),
    "da": ("", "", "", "Ærligt talt ", "Altså, ", "Tja, ", "Primært: "),
    "nb": ("", "", "", "Ærlig talt ", "Altså, ", "Tja, ", "Hovedsakelig: "),
    "nl": ("", "", "", "Eerlijk gezegd ", "Nou, ", "Tja, ", "Vooral: "),
    "id": ("", "", "", "Jujur saja, ", "Hmm, ", "Sebenarnya ", "Intinya: "),
    "vi": ("", "", "", "Thật lòng mà nói, ", "Ừm, ", "Thực ra ", "Chủ yếu là: "),
}
CLOSERS = {
    "en": ("", "", "", " Thanks!", " That's it.", " Otherwise all good.", " :)"),
    "da": ("", "", "", " Tak!", " Det var det.", " Ellers alt fint."),
    "nb": ("", "", "", " Takk!", " Det var det.", " Ellers alt bra."),
    "nl": ("", "", "", " Bedankt!", " Dat was het.", " Verder alles prima."),
    "id": ("", "", "", " Terima kasih!", " Itu saja.", " Selebihnya oke."),
    "vi": ("", "", "", " Cảm ơn!", " Vậy thôi.", " Còn lại đều ổn."),
}
TAILS = {  # short additions before a sentence's final punctuation: more distinct sentences
    "en": (
        " last month",
        " this time",
        " again",
        " as usual",
        ", sadly",
        ", to be honest",
        " when I ordered",
        " in {month}",
        " for my partner",
        " for the second time",
    ),
    "da": (" sidste måned", " denne gang", " igen", " som sædvanlig", ", desværre", " i {month}"),
    "nb": (" forrige måned", " denne gangen", " igjen", " som vanlig", ", dessverre", " i {month}"),
    "nl": (" vorige maand", " deze keer", " weer", " zoals gewoonlijk", ", helaas", " in {month}"),
    "id": (
        " bulan lalu",
        " kali ini",
        " lagi",
        " seperti biasa",
        ", sayangnya",
        " di bulan {month}",
    ),
    "vi": (
        " tháng trước",
        " lần này",
        " lần nữa",
        " như thường lệ",
        ", tiếc là",
        " vào tháng {month}",
    ),
}
MONTHS = {
    "en": ("January", "March", "May", "July", "September", "November"),
    "da": ("januar", "marts", "maj", "juli", "september", "november"),
    "nb": ("januar", "mars", "mai", "juli", "september", "november"),
    "nl": ("januari", "maart", "mei", "juli", "september", "november"),
    "id": ("Januari", "Maret", "Mei", "Juli", "September", "November"),
    "vi": ("một", "ba", "năm", "bảy", "chín", "mười một"),
}
NON_ANSWERS = {
    "en": ("n/a", "-", "nothing", "No", "idk", "nothing really", "none", "."),
    "da": ("ingenting", "nej", "-", "ved ikke", "intet"),
    "nb": ("ingenting", "nei", "-", "vet ikke", "ingen"),
    "nl": ("niets", "nee", "-", "geen idee", "n.v.t."),
    "id": ("tidak ada", "-", "gak ada", "tidak tahu"),
    "vi": ("không có", "-", "không", "không biết"),
}

# templates[topic][language]; slots: {product}, {n} (a small count), {pct} (a discount)
TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "sale": {
        "en": (
            "I always wait for the sale before I buy anything.",
            "It was {pct}% off, so I finally bought the {product}.",
            "I only buy when there is a discount, and the {product} was on sale.",
            "The price drop on the {product} is the only reason I ordered.",
            "I signed up for the newsletter to get the discount code.",
            "Black Friday deal, could not say no to {pct}% off.",
        ),
        "da": (
            "Jeg venter altid på udsalg, før jeg køber noget.",
            "Der var {pct}% rabat, så jeg slog endelig til på {product}.",
            "Jeg køber kun, når der er tilbud.",
            "Rabatkoden fra nyhedsbrevet var grunden til, at jeg bestilte.",
        ),
        "nb": (
            "Jeg venter alltid på salg før jeg kjøper noe.",
            "Det var {pct}% rabatt, så jeg kjøpte endelig {product}.",
            "Jeg kjøper bare når det er tilbud.",
            "Rabattkoden fra nyhetsbrevet var grunnen til at jeg bestilte.",
        ),
        "nl": (
            "Ik wacht altijd op de uitverkoop voordat ik iets koop.",
            "Er was {pct}% korting, dus ik heb eindelijk de {product} gekocht.",
            "Ik koop alleen als er korting is.",
            "De kortingscode uit de nieuwsbrief was de reden dat ik bestelde.",
        ),
        "id": (
            "Saya selalu menunggu diskon sebelum membeli.",
            "Ada diskon {pct}%, jadi akhirnya saya beli {product}.",
            "Saya hanya beli kalau ada promo.",
            "Kode diskon dari newsletter adalah alasan saya pesan.",
        ),
        "vi": (
            "Tôi luôn đợi giảm giá rồi mới mua.",
            "Đang giảm {pct}% nên cuối cùng tôi đã mua {product}.",
            "Tôi chỉ mua khi có khuyến mãi.",
            "Mã giảm giá trong bản tin là lý do tôi đặt hàng.",
        ),
    },
    "quality": {
        "en": (
            "I want gear that lasts for years, not just one season.",
            "The quality looked much better than the cheap {product} I had before.",
            "My goal was to find a durable {product} for hiking every weekend.",
            "I need equipment I can rely on in bad weather.",
            "I wanted a {product} that would survive proper mountain trips.",
        ),
        "da": (
            "Jeg vil have udstyr, der holder i mange år.",
            "Kvaliteten så meget bedre ud end den billige {product}, jeg havde før.",
            "Jeg ledte efter holdbar {product} til vandreture hver weekend.",
            "Jeg skal have udstyr, jeg kan stole på i dårligt vejr.",
        ),
        "nb": (
            "Jeg vil ha utstyr som varer i mange år.",
            "Kvaliteten så mye bedre ut enn den billige {product} jeg hadde før.",
            "Jeg lette etter solid {product} til fjellturer hver helg.",
            "Jeg trenger utstyr jeg kan stole på i dårlig vær.",
        ),
        "nl": (
            "Ik wil spullen die jaren meegaan.",
            "De kwaliteit zag er veel beter uit dan mijn oude goedkope {product}.",
            "Ik zocht een stevige {product} om elk weekend te wandelen.",
            "Ik heb uitrusting nodig waar ik op kan rekenen bij slecht weer.",
        ),
        "id": (
            "Saya ingin perlengkapan yang awet bertahun-tahun.",
            "Kualitasnya terlihat jauh lebih bagus dari {product} murah yang saya punya dulu.",
            "Saya mencari {product} yang kuat untuk mendaki setiap akhir pekan.",
            "Saya butuh perlengkapan yang bisa diandalkan saat cuaca buruk.",
        ),
        "vi": (
            "Tôi muốn đồ dùng bền trong nhiều năm.",
            "Chất lượng trông tốt hơn nhiều so với {product} rẻ tiền tôi có trước đây.",
            "Tôi tìm {product} chắc chắn để đi bộ đường dài mỗi cuối tuần.",
            "Tôi cần đồ dùng đáng tin cậy khi thời tiết xấu.",
        ),
    },
    "sustainability": {
        "en": (
            "I care about recycled materials and fair production.",
            "I try to buy less but better, and your {product} is made sustainably.",
            "Sustainability matters to me, so the eco label made the difference.",
            "I don't want to support fast fashion anymore.",
            "You repair gear instead of throwing it away, which I love.",
        ),
        "da": (
            "Jeg går op i genbrugte materialer og fair produktion.",
            "Bæredygtighed betyder meget for mig, så miljømærket gjorde forskellen.",
            "Jeg vil ikke støtte fast fashion længere.",
            "Jeg prøver at købe mindre men bedre.",
        ),
        "nb": (
            "Jeg bryr meg om resirkulerte materialer og rettferdig produksjon.",
            "Bærekraft er viktig for meg, så miljømerket avgjorde.",
            "Jeg vil ikke støtte kjappmote lenger.",
            "Jeg prøver å kjøpe mindre men bedre.",
        ),
        "nl": (
            "Ik vind gerecyclede materialen en eerlijke productie belangrijk.",
            "Duurzaamheid is belangrijk voor mij, het milieukeurmerk gaf de doorslag.",
            "Ik wil geen fast fashion meer steunen.",
            "Ik probeer minder maar beter te kopen.",
        ),
        "id": (
            "Saya peduli dengan bahan daur ulang dan produksi yang adil.",
            "Keberlanjutan penting bagi saya, jadi label ramah lingkungan jadi penentu.",
            "Saya tidak mau mendukung fast fashion lagi.",
            "Saya berusaha membeli lebih sedikit tapi lebih baik.",
        ),
        "vi": (
            "Tôi quan tâm đến vật liệu tái chế và sản xuất công bằng.",
            "Sự bền vững rất quan trọng với tôi, nên nhãn thân thiện môi trường là yếu tố quyết định.",
            "Tôi không muốn ủng hộ thời trang nhanh nữa.",
            "Tôi cố gắng mua ít hơn nhưng tốt hơn.",
        ),
    },
    "recommendation": {
        "en": (
            "A friend recommended you and showed me her {product}.",
            "I saw your {product} on Instagram.",
            "I found you through a YouTube review of the {product}.",
            "My colleague told me about your shop.",
            "Saw an ad on TikTok and clicked through.",
        ),
        "da": (
            "En veninde anbefalede jer.",
            "Jeg så jeres {product} på Instagram.",
            "Jeg fandt jer gennem en anmeldelse på YouTube.",
            "En kollega fortalte mig om butikken.",
        ),
        "nb": (
            "En venninne anbefalte dere.",
            "Jeg så {product} fra dere på Instagram.",
            "Jeg fant dere gjennom en anmeldelse på YouTube.",
            "En kollega fortalte meg om butikken.",
        ),
        "nl": (
            "Een vriendin raadde jullie aan.",
            "Ik zag jullie {product} op Instagram.",
            "Ik vond jullie via een review op YouTube.",
            "Een collega vertelde me over de winkel.",
        ),
        "id": (
            "Teman saya merekomendasikan toko ini.",
            "Saya lihat {product} kalian di Instagram.",
            "Saya tahu toko ini dari review di YouTube.",
            "Rekan kerja saya cerita tentang toko ini.",
        ),
        "vi": (
            "Một người bạn đã giới thiệu cửa hàng.",
            "Tôi thấy {product} của các bạn trên Instagram.",
            "Tôi biết đến cửa hàng qua một video đánh giá trên YouTube.",
            "Đồng nghiệp kể cho tôi về cửa hàng.",
        ),
    },
    "trip": {
        "en": (
            "I needed a new {product} for a hiking trip in {n} weeks.",
            "We are going camping this summer and I needed a {product}.",
            "I am training for a long trek and needed a proper {product}.",
            "Planning a trip to the mountains, so I needed a {product} fast.",
        ),
        "da": (
            "Jeg skulle bruge ny {product} til en vandretur om {n} uger.",
            "Vi skal på campingtur til sommer, og jeg manglede {product}.",
            "Jeg træner til en lang vandring og manglede ordentlig {product}.",
        ),
        "nb": (
            "Jeg trengte ny {product} til en fjelltur om {n} uker.",
            "Vi skal på telttur i sommer og jeg manglet {product}.",
            "Jeg trener til en lang tur og trengte ordentlig {product}.",
        ),
        "nl": (
            "Ik had een nieuwe {product} nodig voor een wandeltocht over {n} weken.",
            "We gaan deze zomer kamperen en ik had nog geen {product}.",
            "Ik train voor een lange trektocht en had een goede {product} nodig.",
        ),
        "id": (
            "Saya butuh {product} baru untuk pendakian {n} minggu lagi.",
            "Kami mau berkemah liburan ini dan saya belum punya {product}.",
            "Saya sedang latihan untuk trekking panjang dan perlu {product} yang layak.",
        ),
        "vi": (
            "Tôi cần {product} mới cho chuyến leo núi trong {n} tuần nữa.",
            "Hè này chúng tôi đi cắm trại và tôi chưa có {product}.",
            "Tôi đang tập cho một chuyến trekking dài và cần {product} tốt.",
        ),
    },
    "shipping_cost": {
        "en": (
            "The shipping cost almost stopped me.",
            "Shipping was too expensive for such a small order.",
            "I hesitated because delivery cost almost as much as the {product}.",
            "Why do I have to pay for shipping on a {product}?",
            "Free shipping only above a huge amount, that nearly put me off.",
        ),
        "da": (
            "Fragtprisen fik mig næsten til at lade være.",
            "Forsendelsen var alt for dyr til så lille en ordre.",
            "Hvorfor skal jeg betale for fragt?",
            "Fragten kostede næsten lige så meget som {product}.",
        ),
        "nb": (
            "Fraktprisen fikk meg nesten til å la være.",
            "Frakten var altfor dyr for en så liten bestilling.",
            "Hvorfor må jeg betale for frakt?",
            "Frakten kostet nesten like mye som {product}.",
        ),
        "nl": (
            "De verzendkosten hielden me bijna tegen.",
            "Verzending was veel te duur voor zo'n kleine bestelling.",
            "Waarom moet ik betalen voor verzending?",
            "De verzendkosten waren bijna net zo hoog als de {product}.",
        ),
        "id": (
            "Ongkos kirim hampir membuat saya batal.",
            "Ongkirnya terlalu mahal untuk pesanan sekecil itu.",
            "Kenapa saya harus bayar ongkir?",
            "Ongkirnya hampir sama mahal dengan {product}.",
        ),
        "vi": (
            "Phí vận chuyển suýt làm tôi không mua.",
            "Phí giao hàng quá đắt cho một đơn nhỏ như vậy.",
            "Tại sao tôi phải trả phí vận chuyển?",
            "Phí giao hàng gần bằng giá {product}.",
        ),
    },
    "size_fit": {
        "en": (
            "I was not sure about the size of the {product}.",
            "The size chart was confusing and I was afraid the {product} would not fit.",
            "I worried that the {product} would be too small.",
            "Sizes differ between brands so I almost didn't risk it.",
        ),
        "da": (
            "Jeg var i tvivl om størrelsen.",
            "Størrelsesguiden var forvirrende, og jeg var bange for, at {product} ikke passede.",
            "Jeg var bekymret for, at {product} var for lille.",
        ),
        "nb": (
            "Jeg var usikker på størrelsen.",
            "Størrelsestabellen var forvirrende, og jeg var redd {product} ikke skulle passe.",
            "Jeg var bekymret for at {product} var for liten.",
        ),
        "nl": (
            "Ik twijfelde over de maat.",
            "De maattabel was verwarrend en ik was bang dat de {product} niet zou passen.",
            "Ik was bang dat de {product} te klein zou zijn.",
        ),
        "id": (
            "Saya ragu soal ukurannya.",
            "Tabel ukurannya membingungkan dan saya takut {product} tidak pas.",
            "Saya khawatir {product} terlalu kecil.",
        ),
        "vi": (
            "Tôi không chắc về kích cỡ.",
            "Bảng size khó hiểu và tôi sợ {product} không vừa.",
            "Tôi lo {product} sẽ quá nhỏ.",
        ),
    },
    "returns": {
        "en": (
            "I couldn't find out whether returns were free.",
            "The return policy was unclear, so I almost didn't order.",
            "I was afraid returning the {product} would be a hassle.",
            "Only 14 days to return felt too short.",
        ),
        "da": (
            "Jeg kunne ikke finde ud af, om returnering var gratis.",
            "Returpolitikken var uklar, så jeg var lige ved ikke at bestille.",
            "Jeg var bange for, at det ville være besværligt at returnere {product}.",
        ),
        "nb": (
            "Jeg fant ikke ut om retur var gratis.",
            "Returreglene var uklare, så jeg holdt på å ikke bestille.",
            "Jeg var redd det ville være tungvint å returnere {product}.",
        ),
        "nl": (
            "Ik kon niet vinden of retourneren gratis was.",
            "Het retourbeleid was onduidelijk, dus ik bestelde bijna niet.",
            "Ik was bang dat het gedoe zou zijn om de {product} terug te sturen.",
        ),
        "id": (
            "Saya tidak tahu apakah pengembalian barang gratis.",
            "Kebijakan retur tidak jelas, jadi saya hampir tidak jadi pesan.",
            "Saya takut repot kalau harus mengembalikan {product}.",
        ),
        "vi": (
            "Tôi không biết đổi trả có miễn phí không.",
            "Chính sách đổi trả không rõ ràng nên tôi suýt không đặt hàng.",
            "Tôi sợ đổi trả {product} sẽ rất phiền.",
        ),
    },
    "price": {
        "en": (
            "The {product} felt too expensive at first.",
            "Honestly the price was higher than in other shops.",
            "I almost bought a cheaper {product} somewhere else.",
            "It's a lot of money for a {product}.",
        ),
        "da": (
            "{product} virkede for dyr i starten.",
            "Prisen var højere end i andre butikker.",
            "Jeg var tæt på at købe en billigere {product} et andet sted.",
        ),
        "nb": (
            "{product} virket for dyr i starten.",
            "Prisen var høyere enn i andre butikker.",
            "Jeg holdt på å kjøpe en billigere {product} et annet sted.",
        ),
        "nl": (
            "De {product} leek eerst te duur.",
            "De prijs was hoger dan in andere winkels.",
            "Ik had bijna een goedkopere {product} ergens anders gekocht.",
        ),
        "id": (
            "{product} terasa terlalu mahal awalnya.",
            "Harganya lebih tinggi dari toko lain.",
            "Saya hampir beli {product} yang lebih murah di tempat lain.",
        ),
        "vi": (
            "{product} lúc đầu có vẻ quá đắt.",
            "Giá cao hơn các cửa hàng khác.",
            "Tôi suýt mua {product} rẻ hơn ở chỗ khác.",
        ),
    },
    "trust": {
        "en": (
            "I had never heard of your shop and didn't know if I could trust it.",
            "I was unsure if paying on the website was safe.",
            "There were not many reviews, so I almost didn't buy.",
            "Your site looked a bit dodgy at first, no offence.",
        ),
        "da": (
            "Jeg havde aldrig hørt om jer og vidste ikke, om jeg kunne stole på butikken.",
            "Jeg var usikker på, om betalingen på hjemmesiden var sikker.",
            "Der var ikke mange anmeldelser, så jeg var lige ved ikke at købe.",
        ),
        "nb": (
            "Jeg hadde aldri hørt om dere og visste ikke om jeg kunne stole på butikken.",
            "Jeg var usikker på om betalingen på nettsiden var trygg.",
            "Det var ikke mange anmeldelser, så jeg holdt på å ikke kjøpe.",
        ),
        "nl": (
            "Ik had nog nooit van jullie gehoord en wist niet of ik de winkel kon vertrouwen.",
            "Ik wist niet zeker of betalen op de website veilig was.",
            "Er waren niet veel reviews, dus ik kocht bijna niet.",
        ),
        "id": (
            "Saya belum pernah dengar toko ini dan tidak tahu apakah bisa dipercaya.",
            "Saya ragu apakah pembayaran di website aman.",
            "Ulasannya masih sedikit, jadi saya hampir tidak beli.",
        ),
        "vi": (
            "Tôi chưa từng nghe về cửa hàng và không biết có tin được không.",
            "Tôi không chắc thanh toán trên website có an toàn không.",
            "Không có nhiều đánh giá nên tôi suýt không mua.",
        ),
    },
    "late_delivery": {
        "en": (
            "The delivery took {n} days longer than promised.",
            "My package arrived late and nobody told me why.",
            "Delivery was slow, I waited almost two weeks.",
            "The tracking said delivered but the {product} came {n} days later.",
        ),
        "da": (
            "Leveringen tog {n} dage længere end lovet.",
            "Pakken kom for sent, og ingen fortalte mig hvorfor.",
            "Levering var langsom, jeg ventede næsten to uger.",
        ),
        "nb": (
            "Leveringen tok {n} dager lenger enn lovet.",
            "Pakken kom for sent og ingen sa hvorfor.",
            "Leveringen var treg, jeg ventet nesten to uker.",
        ),
        "nl": (
            "De levering duurde {n} dagen langer dan beloofd.",
            "Mijn pakket kwam te laat en niemand zei waarom.",
            "De bezorging was traag, ik heb bijna twee weken gewacht.",
        ),
        "id": (
            "Pengiriman {n} hari lebih lama dari yang dijanjikan.",
            "Paket saya terlambat dan tidak ada yang memberi tahu kenapa.",
            "Pengirimannya lambat, saya menunggu hampir dua minggu.",
        ),
        "vi": (
            "Giao hàng chậm hơn {n} ngày so với cam kết.",
            "Gói hàng đến trễ và không ai giải thích lý do.",
            "Giao hàng chậm, tôi đợi gần hai tuần.",
        ),
    },
    "website": {
        "en": (
            "The checkout kept crashing on my phone.",
            "The website is slow and the filters don't work.",
            "I had to enter my address three times before the payment worked.",
            "Search on your site never finds the {product} I'm looking for.",
        ),
        "da": (
            "Betalingen blev ved med at fejle på min telefon.",
            "Hjemmesiden er langsom, og filtrene virker ikke.",
            "Jeg skulle indtaste min adresse tre gange, før betalingen gik igennem.",
        ),
        "nb": (
            "Betalingen feilet hele tiden på mobilen.",
            "Nettsiden er treg og filtrene fungerer ikke.",
            "Jeg måtte skrive inn adressen tre ganger før betalingen gikk gjennom.",
        ),
        "nl": (
            "Het afrekenen liep steeds vast op mijn telefoon.",
            "De website is traag en de filters werken niet.",
            "Ik moest mijn adres drie keer invullen voordat de betaling lukte.",
        ),
        "id": (
            "Proses checkout terus error di HP saya.",
            "Websitenya lambat dan filternya tidak berfungsi.",
            "Saya harus isi alamat tiga kali sebelum pembayaran berhasil.",
        ),
        "vi": (
            "Trang thanh toán cứ bị lỗi trên điện thoại của tôi.",
            "Website chậm và bộ lọc không hoạt động.",
            "Tôi phải nhập địa chỉ ba lần thì thanh toán mới được.",
        ),
    },
    "support": {
        "en": (
            "Customer service never answered my email.",
            "I waited {n} days for a reply from support.",
            "The chat bot was useless and I could not reach a human.",
            "Nobody picks up the phone at customer service.",
        ),
        "da": (
            "Kundeservice svarede aldrig på min mail.",
            "Jeg ventede {n} dage på svar fra kundeservice.",
            "Chatbotten var ubrugelig, og jeg kunne ikke få fat i et menneske.",
        ),
        "nb": (
            "Kundeservice svarte aldri på e-posten min.",
            "Jeg ventet {n} dager på svar fra kundeservice.",
            "Chatboten var ubrukelig og jeg fikk ikke tak i et menneske.",
        ),
        "nl": (
            "De klantenservice heeft nooit op mijn mail gereageerd.",
            "Ik wachtte {n} dagen op antwoord van de klantenservice.",
            "De chatbot was nutteloos en ik kreeg geen mens te spreken.",
        ),
        "id": (
            "Customer service tidak pernah membalas email saya.",
            "Saya menunggu {n} hari untuk balasan dari CS.",
            "Chatbotnya tidak berguna dan saya tidak bisa bicara dengan orang.",
        ),
        "vi": (
            "Chăm sóc khách hàng không bao giờ trả lời email của tôi.",
            "Tôi đợi {n} ngày mới có phản hồi từ bộ phận hỗ trợ.",
            "Chatbot vô dụng và tôi không liên lạc được với nhân viên.",
        ),
    },
    "defect": {
        "en": (
            "My {product} started leaking after {n} weeks.",
            "The zipper on the {product} broke after the first trip.",
            "The sole came off after a month.",
            "The seams on the {product} are already coming apart.",
        ),
        "da": (
            "Min {product} begyndte at lække efter {n} uger.",
            "Lynlåsen på {product} gik i stykker efter første tur.",
            "Sålen faldt af efter en måned.",
        ),
        "nb": (
            "{product} begynte å lekke etter {n} uker.",
            "Glidelåsen på {product} røk etter første tur.",
            "Sålen løsnet etter en måned.",
        ),
        "nl": (
            "Mijn {product} begon na {n} weken te lekken.",
            "De rits van de {product} ging kapot na de eerste tocht.",
            "De zool liet na een maand los.",
        ),
        "id": (
            "{product} saya mulai bocor setelah {n} minggu.",
            "Resleting {product} rusak setelah pendakian pertama.",
            "Solnya lepas setelah sebulan.",
        ),
        "vi": (
            "{product} của tôi bắt đầu bị thấm nước sau {n} tuần.",
            "Khóa kéo của {product} bị hỏng sau chuyến đi đầu tiên.",
            "Đế giày bị bong sau một tháng.",
        ),
    },
    "packaging": {
        "en": (
            "There was way too much plastic in the package.",
            "The box was huge for such a small item.",
            "Please use less packaging, it all went straight in the bin.",
            "Every {product} was wrapped in its own plastic bag, why?",
        ),
        "da": (
            "Der var alt for meget plastik i pakken.",
            "Kassen var kæmpe stor til en lille vare.",
            "Brug mindre emballage, det hele røg direkte i skraldespanden.",
        ),
        "nb": (
            "Det var altfor mye plast i pakken.",
            "Esken var enorm for en liten vare.",
            "Bruk mindre emballasje, alt gikk rett i søpla.",
        ),
        "nl": (
            "Er zat veel te veel plastic in het pakket.",
            "De doos was enorm voor zo'n klein artikel.",
            "Gebruik minder verpakking, alles ging meteen bij het afval.",
        ),
        "id": (
            "Plastik di paketnya terlalu banyak.",
            "Kardusnya besar sekali untuk barang sekecil itu.",
            "Tolong kurangi kemasan, semuanya langsung masuk tempat sampah.",
        ),
        "vi": (
            "Có quá nhiều nhựa trong gói hàng.",
            "Hộp quá to cho một món đồ nhỏ.",
            "Hãy dùng ít bao bì hơn, tất cả đều vào thùng rác.",
        ),
    },
}

CSV_COLUMNS = (
    "respondent_id",
    "submitted",
    "country",
    "segment",
    "age_band",
    "nps",
    "why_bought",
    "almost_stopped",
    "improve",
)
TRUTH_COLUMNS = (
    "respondent_id",
    "language",
    "archetype",
    "why_bought",
    "almost_stopped",
    "improve",
)

BLANK_RATE = 0.06
NON_ANSWER_RATE = 0.07
TYPO_RATE = 0.25
TAIL_RATE = 0.35
SECOND_SENTENCE_RATE = 0.25


def _weighted(rng: random.Random, items: tuple[str, ...], weights: tuple[float, ...]) -> str:
    return rng.choices(items, weights)[0]


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def _typo(rng: random.Random, text: str) -> str:
    """One realistic slip: a swapped, dropped or doubled letter, case, punctuation or accents."""
    choice = rng.randrange(7)
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    if choice <= 2 and len(letters) > 3:
        i = rng.choice(letters[1:-1])
        if choice == 0 and i + 1 < len(text) and text[i + 1].isalpha():
            return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
        if choice == 1:
            return text[:i] + text[i + 1 :]
        return text[:i] + text[i] + text[i:]
    if choice == 3:
        return text.lower()
    if choice == 4:
        return text.rstrip(".!")
    if choice == 5:
        return _strip_accents(text)
    return text.replace(", ", " ", 1)


def _fill(rng: random.Random, template: str, language: str) -> str:
    text = template.format(
        product=rng.choice(PRODUCTS[language]),
        n=rng.randint(2, 14),
        pct=rng.choice((10, 15, 20, 25, 30, 35, 40, 50)),
    )
    if rng.random() < TAIL_RATE and text[-1] in ".!?":
        tail = rng.choice(TAILS[language]).format(month=rng.choice(MONTHS[language]))
        text = text[:-1] + tail + text[-1]
    return text[0].upper() + text[1:]


def _answer(rng: random.Random, topic: str, language: str) -> str:
    templates = TEMPLATES[topic][language]
    first = rng.randrange(len(templates))
    text = _fill(rng, templates[first], language)
    opener = rng.choice(OPENERS[language])
    if opener:
        text = opener + text[0].lower() + text[1:]
    if rng.random() < SECOND_SENTENCE_RATE and len(templates) > 1:
        second = rng.choice([i for i in range(len(templates)) if i != first])
        text = f"{text} {_fill(rng, templates[second], language)}"
    text += rng.choice(CLOSERS[language])
    if rng.random() < TYPO_RATE:
        text = _typo(rng, text)
        if rng.random() < 0.3:
            text = _typo(rng, text)
    return text


def _topic_for(rng: random.Random, column: str, weights: dict[str, float]) -> str:
    topics = tuple(t for t, (c, _) in TOPICS.items() if c == column)
    return rng.choices(topics, [weights.get(t, 1.0) for t in topics])[0]


def generate_rows(
    rows: int, seed: int = 0, start: int = 0
) -> Iterator[tuple[list[str], list[str]]]:
    """Yield ``(csv_row, truth_row)`` for respondents ``start .. rows-1``; row i depends only on seed and i.

    Example:
        >>> row, truth = next(generate_rows(1, seed=3))
        >>> row[0], truth[0]
        ('R0000001', 'R0000001')
    """
    archetypes = tuple(ARCHETYPES)
    for index in range(start, rows):
        rng = random.Random(seed * 1_000_003 + index)
        respondent = f"R{index + 1:07d}"
        language = _weighted(rng, LANGUAGES, LANGUAGE_WEIGHTS)
        archetype = _weighted(rng, archetypes, ARCHETYPE_WEIGHTS)
        segment_weights, topic_weights = ARCHETYPES[archetype]
        row = [
            respondent,
            f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}",
            rng.choice(COUNTRIES[language]),
            _weighted(rng, SEGMENTS, segment_weights),
            _weighted(rng, AGE_BANDS, (0.12, 0.3, 0.25, 0.17, 0.1, 0.06)),
            str(min(10, max(0, round(rng.gauss(7.5, 2.0))))),
        ]
        truth = [respondent, language, archetype]
        for column in QUESTIONS:
            draw = rng.random()
            if draw < BLANK_RATE:
                row.append("")
                truth.append("")
            elif draw < BLANK_RATE + NON_ANSWER_RATE:
                row.append(rng.choice(NON_ANSWERS[language]))
                truth.append("")
            else:
                topic = _topic_for(rng, column, topic_weights)
                row.append(_answer(rng, topic, language))
                truth.append(topic)
        yield row, truth


def truth_path(csv_path: str | Path) -> Path:
    """The ground-truth file written beside a generated CSV.

    Example:
        >>> truth_path("out/survey.csv").name
        'survey.truth.csv'
    """
    path = Path(csv_path)
    return path.with_name(path.stem + ".truth.csv")


def write_survey(out: str | Path, rows: int, seed: int = 0) -> Path:
    """Write ``rows`` respondents to ``out`` (CSV) and the ground truth beside it; return ``out``.

    Example:
        >>> write_survey("/tmp/survey-10.csv", 10).exists()  # doctest: +SKIP
        True
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    partial_truth = truth_path(out).with_name(truth_path(out).name + ".partial")
    with (
        open(partial, "w", newline="", encoding="utf-8") as handle,
        open(partial_truth, "w", newline="", encoding="utf-8") as truth_handle,
    ):
        writer = csv.writer(handle)
        truth_writer = csv.writer(truth_handle)
        writer.writerow(CSV_COLUMNS)
        truth_writer.writerow(TRUTH_COLUMNS)
        for row, truth in generate_rows(rows, seed):
            writer.writerow(row)
            truth_writer.writerow(truth)
    partial_truth.replace(truth_path(out))
    partial.replace(out)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=50_000, help="respondents to generate")
    parser.add_argument(
        "--seed", type=int, default=0, help="seed (row i depends only on seed and i)"
    )
    parser.add_argument("--out", required=True, help="output CSV path (truth written beside it)")
    args = parser.parse_args(argv)
    path = write_survey(args.out, args.rows, args.seed)
    print(f"wrote {args.rows} respondents to {path} and {truth_path(path)}")


if __name__ == "__main__":
    main()
