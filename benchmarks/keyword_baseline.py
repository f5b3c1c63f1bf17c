"""Keyword-matching baseline for statement extraction.

The simplest thing that could work, for comparison: split every respondent turn into
sentences (``.``, ``!``, ``?`` followed by whitespace), drop questions, and give a sentence
the kind whose keyword list matches it most often (ties: objection > pain_point > goal >
mindset > channel). A keyword matches at a word start, so ``worr`` matches "worried". No
clause splitting, no negation handling, no survey-question context, no embeddings.

The lists were written from general domain knowledge (shopping, delivery, sizing, reviews,
social media ...) for each of the six languages, not tuned on either split.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

KINDS = ("goal", "pain_point", "objection", "mindset", "channel")
PRIORITY = ("objection", "pain_point", "goal", "mindset", "channel")

KEYWORDS: dict[str, dict[str, list[str]]] = {
    "en": {
        "goal": ["want to", "i want", "i'd like", "i would like", "hoping to", "hope to", "trying to", "training for",
                 "need to", "i need", "goal", "aim", "so i can", "be able to", "looking to", "plan to", "wanted"],
        "pain_point": ["problem", "struggle", "hard", "difficult", "annoying", "frustrat", "drive me mad", "pain",
                       "hurt", "ache", "blister", "broke", "breaking", "leak", "keeps", "always breaks", "no time",
                       "don't have time", "fall apart", "ripped", "snapped", "dies", "killing me", "wet", "cold"],
        "objection": ["expensive", "price", "cost", "delivery", "shipping", "postage", "worried", "not sure",
                      "wasn't sure", "unsure", "hesitat", "put me off", "nearly didn't", "almost didn't", "return",
                      "size", "sizing", "fit", "trust", "warranty", "couldn't find", "couldn't tell", "too long",
                      "out of stock", "checkout", "fake", "genuine", "no way", "scared", "nervous", "doubt"],
        "mindset": ["always", "never", "i'd rather", "rather", "i only", "prefer", "i read", "reviews", "quality",
                    "cheap", "sale", "bargain", "deal", "value", "sustainab", "brand", "loyal", "i care", "research",
                    "compare"],
        "channel": ["instagram", "tiktok", "youtube", "facebook", "google", "reddit", "podcast", "newsletter",
                    "email", "ad ", "advert", "friend", "recommend", "told me", "saw you", "found you", "heard",
                    "forum", "group", "magazine", "blog", "word of mouth", "mate", "colleague", "search"],
    },
    "da": {
        "goal": ["vil gerne", "jeg vil", "ønsker", "håber", "målet", "skal kunne", "at kunne", "gerne have",
                 "træner til", "prøver at"],
        "pain_point": ["problem", "svært", "besværlig", "irriterende", "frustrer", "ondt", "smerte", "går i stykker",
                       "ødelagt", "slidt", "utæt", "ikke tid", "fryser", "hader", "træls"],
        "objection": ["dyr", "pris", "fragt", "levering", "bange for", "usikker", "i tvivl", "tøve", "tøvede",
                      "retur", "størrelse", "passe", "stoler ikke", "garanti", "kunne ikke", "for lang", "udsolgt",
                      "betale", "bindende", "nervøs"],
        "mindset": ["altid", "aldrig", "hellere", "kun", "foretrækker", "anmeldelse", "kvalitet", "billig", "tilbud",
                    "udsalg", "økologisk", "bæredygtig", "mærke", "princip", "stoler"],
        "channel": ["instagram", "tiktok", "youtube", "facebook", "google", "reddit", "podcast", "nyhedsbrev",
                    "e-mail", "reklame", "annonce", "veninde", "ven ", "kollega", "anbefale", "hørte", "så jer",
                    "gruppe", "forum", "blad", "artikel", "trustpilot", "pricerunner"],
    },
    "nb": {
        "goal": ["vil gjerne", "jeg vil", "ønsker", "håper", "målet", "skal kunne", "å kunne", "prøver å",
                 "trener til", "trenger"],
        "pain_point": ["problem", "vanskelig", "irriterende", "frustrer", "vondt", "smerte", "går i stykker",
                       "ødelagt", "slitt", "lekker", "ikke tid", "fryser", "hater", "gnagsår"],
        "objection": ["dyr", "pris", "frakt", "levering", "redd for", "usikker", "i tvil", "nøle", "nølte", "retur",
                      "størrelse", "passe", "stoler ikke", "garanti", "klarte ikke", "for lang", "utsolgt",
                      "betale", "binde", "bekymret"],
        "mindset": ["alltid", "aldri", "heller", "bare", "foretrekker", "anmeldelse", "kvalitet", "billig", "tilbud",
                    "salg", "økologisk", "bærekraft", "merke", "prinsipp", "stoler"],
        "channel": ["instagram", "tiktok", "youtube", "facebook", "google", "reddit", "snapchat", "podkast",
                    "nyhetsbrev", "e-post", "reklame", "annonse", "venninne", "venn", "kollega", "anbefal",
                    "hørte", "så dere", "gruppe", "forum", "blad", "artikkel", "tipset", "prisjakt"],
    },
    "nl": {
        "goal": ["ik wil", "we willen", "wil graag", "zou graag", "hoop", "doel", "proberen", "trainen voor",
                 "zodat ik", "kunnen"],
        "pain_point": ["probleem", "lastig", "moeilijk", "vervelend", "irritant", "frustr", "pijn", "last van",
                       "kapot", "versleten", "lekt", "geen tijd", "koud", "ergerlijk"],
        "objection": ["duur", "prijs", "verzendkosten", "bezorg", "levertijd", "bang dat", "twijfel", "wist niet",
                      "onzeker", "retour", "ruilen", "maat", "past", "vertrouw", "garantie", "kon niet",
                      "te lang", "uitverkocht", "betalen", "afhaken"],
        "mindset": ["altijd", "nooit", "liever", "alleen", "voorkeur", "reviews", "kwaliteit", "goedkoop",
                    "aanbieding", "korting", "uitverkoop", "duurzaam", "merk", "koopjes", "principe"],
        "channel": ["instagram", "tiktok", "youtube", "facebook", "google", "reddit", "podcast", "nieuwsbrief",
                    "e-mail", "advertentie", "reclame", "vriendin", "vriend", "collega", "aangeraden", "raadde",
                    "gehoord", "forum", "tijdschrift", "artikel", "tweakers", "marktplaats", "via"],
    },
    "id": {
        "goal": ["mau", "pengin", "ingin", "pengen", "butuh", "berharap", "target", "supaya", "biar", "tujuan"],
        "pain_point": ["masalah", "susah", "sulit", "repot", "ribet", "sakit", "nyeri", "rusak", "bocor", "panas",
                       "capek", "nggak ada waktu", "kesel", "gampang"],
        "objection": ["mahal", "harga", "ongkir", "pengiriman", "takut", "khawatir", "ragu", "nggak yakin",
                      "tidak yakin", "retur", "ukuran", "cocok", "percaya", "garansi", "nggak bisa", "lama",
                      "habis", "bayar", "cicilan", "curiga", "kw", "palsu"],
        "mindset": ["selalu", "nggak pernah", "tidak pernah", "lebih baik", "lebih pilih", "cuma beli", "hanya",
                    "review", "kualitas", "murah", "promo", "diskon", "awet", "prinsip", "percaya", "biasanya"],
        "channel": ["instagram", "tiktok", "youtube", "facebook", "google", "twitter", "shopee", "tokopedia",
                    "grup", "whatsapp", "iklan", "teman", "temen", "rekomendasi", "tahu dari", "dari", "komunitas",
                    "artikel", "newsletter", "email", "influencer"],
    },
    "vi": {
        "goal": ["muốn", "mong", "hy vọng", "mục tiêu", "để", "cần", "cố gắng"],
        "pain_point": ["vấn đề", "khó", "mệt", "đau", "hỏng", "bị", "nóng", "chật", "không có thời gian", "bực",
                       "phiền", "nặng"],
        "objection": ["đắt", "giá", "phí ship", "phí giao", "giao hàng", "sợ", "lo", "không chắc", "lưỡng lự",
                      "chần chừ", "do dự", "đổi trả", "size", "vừa", "tin", "bảo hành", "hàng giả", "hàng nhái",
                      "hết hàng", "thanh toán", "băn khoăn"],
        "mindset": ["luôn", "không bao giờ", "thà", "chỉ mua", "ưu tiên", "thích", "review", "chất lượng", "rẻ",
                    "khuyến mãi", "giảm giá", "sale", "thường", "tin"],
        "channel": ["instagram", "tiktok", "youtube", "facebook", "google", "zalo", "shopee", "lazada", "nhóm",
                    "quảng cáo", "bạn", "đồng nghiệp", "giới thiệu", "biết đến", "qua", "livestream", "báo",
                    "email", "review trên"],
    },
}

_SENT = re.compile(r"[^.!?]+(?:[.!?]+|$)")


@lru_cache(maxsize=None)
def _patterns(language: str) -> dict[str, re.Pattern[str]]:
    table = KEYWORDS.get(language, KEYWORDS["en"])
    return {
        kind: re.compile("|".join(r"(?<!\w)" + re.escape(w.strip()) for w in sorted(words, key=len, reverse=True)), re.I)
        for kind, words in table.items()
    }


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a turn: runs ending in ``.``, ``!`` or ``?``, whitespace-trimmed."""
    spans = []
    for m in _SENT.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def classify(sentence: str, language: str) -> str | None:
    """The kind whose keywords match ``sentence`` most often, or ``None``."""
    if sentence.rstrip().endswith("?"):
        return None
    counts = {kind: len(p.findall(sentence)) for kind, p in _patterns(language).items()}
    best = max(counts.values())
    if best == 0:
        return None
    return next(kind for kind in PRIORITY if counts[kind] == best)


def predict(turns: Iterable[tuple[str, int, str, str]]) -> list[tuple[str, int, int, int, str]]:
    """Baseline predictions for ``(file, turn_index, text, language)`` respondent turns.

    Returns:
        ``(file, turn_index, start, end, kind)`` per predicted statement.
    """
    out = []
    for file, turn_index, text, language in turns:
        for start, end in sentences(text):
            kind = classify(text[start:end], language)
            if kind is not None:
                out.append((file, turn_index, start, end, kind))
    return out
