"""Theme keywords (class-based TF-IDF) and short readable labels.

* **Keywords**: terms are words and two-word phrases without stop words (those of every language
  among the texts). A term's weight in a theme is its c-TF-IDF: the share of the theme's texts
  that contain it, times ``log(1 + A / f)``, with ``A`` the average number of terms per theme and
  ``f`` the term's count over all themes. Keywords are picked by weight, skipping near-duplicates
  of a term already picked (``price``/``prices``, ``delivery``/``delivery cost``).
* **Label**: the phrase (one to four words, inner stop words allowed, as in "waiting for sales")
  that best combines keyword weight and coverage of the theme's texts, in the casing of the text
  it came from, with a capital first letter. When the best phrase is a single word and another
  keyword is nearly as common, the two are joined: "Price and shipping". Labels are distinct within
  a call (one kind): a label several clusters share gains each cluster's own best keyword.

Example:
    >>> texts = ["free shipping please", "shipping costs too much", "the shipping cost", "nice colours"]
    >>> keywords, labels = describe_clusters(texts, [0, 0, 0, 1])
    >>> labels[0]
    'Shipping costs'
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from ..lang import most_common_language
from ..lang.stopwords import stop_words
from ..lang.wordseg import SYLLABLE_JOINER, compound_spans

_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?", re.UNICODE)

MAX_PHRASE_WORDS = 4
"""Longest label phrase, in words."""

MAX_LABEL_TEXTS = 2000
"""Distinct texts of a theme (most central first) whose phrases compete for its label: bounds
the label's cost on themes of tens of thousands of statements."""

AND_WORDS: dict[str, str] = {
    "en": "and",
    "da": "og",
    "nb": "og",
    "nn": "og",
    "no": "og",
    "nl": "en",
    "id": "dan",
    "vi": "và",
    "de": "und",
    "sv": "och",
    "fr": "et",
    "es": "y",
}
"""The word that joins two keywords in a label, per language ("Pris og fragt"); others: "&"."""

PAIR_COVERAGE = 0.5
"""A second keyword joins a one-word label when it covers at least this share of what the first
keyword covers."""


_BREAK = re.compile(r"[.!?;:,()\[\]\"“”«»/\n]")


def _words(text: str, language: str | None = None) -> list[tuple[str, int, int]]:
    """Lower-case words with their spans; in a syllable language (Vietnamese) the syllables of
    one word are joined into one ("sinh_viên", spanning "Sinh viên" in the text)."""
    words = [
        (m.group().lower().replace("’", "'"), m.start(), m.end()) for m in _WORD.finditer(text)
    ]
    spans = compound_spans(text, language)
    if not spans:
        return words
    joined: list[tuple[str, int, int]] = []
    span_index = 0
    for word in words:
        while span_index < len(spans) and spans[span_index][1] <= word[1]:
            span_index += 1
        inside = span_index < len(spans) and spans[span_index][0] <= word[1]
        if inside and joined and joined[-1][1] >= spans[span_index][0]:
            previous = joined[-1]
            joined[-1] = (previous[0] + SYLLABLE_JOINER + word[0], previous[1], word[2])
        else:
            joined.append(word)
    return joined


def _display(term: str) -> str:
    """A term as shown: the syllables of a joined word with spaces ("sinh viên")."""
    return term.replace(SYLLABLE_JOINER, " ")


def _clauses(words: list[tuple[str, int, int]], text: str) -> list[list[tuple[str, int, int]]]:
    """Split words where punctuation separates them: a label never spans "price. shipping"."""
    clauses: list[list[tuple[str, int, int]]] = [[]]
    for i, word in enumerate(words):
        if i and _BREAK.search(text, words[i - 1][2], word[1]):
            clauses.append([])
        clauses[-1].append(word)
    return clauses


def _terms(words: list[str], stops: frozenset[str]) -> set[str]:
    terms = {w for w in words if w not in stops and len(w) > 1}
    terms.update(
        f"{a} {b}"
        for a, b in zip(words, words[1:], strict=False)
        if a not in stops and b not in stops
    )
    return terms


def _similar_words(a: str, b: str) -> bool:
    """Crude, language-neutral near-duplicate test: shared stem-like prefix."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 4 and long_.startswith(short):
        return True
    prefix = len(_common_prefix(a, b))
    return prefix >= 5 and prefix >= 0.75 * len(long_)


def _common_prefix(a: str, b: str) -> str:
    size = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        size += 1
    return a[:size]


def _near_duplicate(term: str, chosen: list[str]) -> bool:
    words = term.split()
    return any(_similar_words(w, c) for other in chosen for w in words for c in other.split())


def describe_clusters(
    texts: Sequence[str],
    labels: Sequence[int],
    languages: Sequence[str | None] | None = None,
    max_keywords: int = 8,
    order: Sequence[Sequence[int]] | None = None,
    label_language: str | None = None,
) -> tuple[list[list[str]], list[str]]:
    """Keywords and a readable label for each cluster ``0..k-1`` of ``texts``.

    Args:
        texts: The texts.
        labels: Cluster of each text (``-1`` for none).
        languages: ISO 639-1 code of each text. The stop words of every language present are
            removed from every text, because detection often mislabels short answers
            ("Instagram and TikTok"); ``None`` (unknown) brings in all stop lists.
        max_keywords: Keywords per cluster.
        order: Per cluster, its rows most representative first; the label's casing comes from the
            first of them that contains the phrase (default: row order).
        label_language: With ``languages``, each cluster is described from its texts in one
            language only, so a label never mixes languages ("Venner and friends"): this
            language when the cluster has texts in it, else the cluster's most common language.
            ``None``: every text, whatever its language.

    Returns:
        ``(keywords, labels)``: one list of keywords and one label per cluster.

    Example:
        >>> describe_clusters(["late delivery", "delivery was late", "slow delivery"], [0, 0, 0])[0]
        [['delivery', 'late', 'slow']]
    """
    k = max(labels, default=-1) + 1
    languages = languages if languages is not None else [None]
    stops = frozenset().union(*(stop_words(language) for language in set(languages)))
    members: list[list[int]] = [[] for _ in range(k)]
    for row, label in enumerate(labels):
        if label >= 0:
            members[label].append(row)
    if label_language is not None and any(languages):
        members = [_one_language(rows, languages, label_language) for rows in members]
        if order is not None:
            keep = [set(rows) for rows in members]
            order = [
                [row for row in rows if row in kept] for rows, kept in zip(order, keep, strict=True)
            ]
    # survey answers repeat ("Too expensive."): tokenise and count each distinct text once
    # (a text's words depend on its language only in a syllable language such as Vietnamese)
    words_of: dict[str, list[tuple[str, int, int]]] = {}
    tokenised = [
        words_of[t] if t in words_of else words_of.setdefault(t, _words(t, language))
        for t, language in zip(texts, _per_text(languages, len(texts)), strict=True)
    ]
    proper = _proper_nouns(texts, tokenised)
    terms_of: dict[str, set[str]] = {}
    term_counts: list[Counter[str]] = []
    for rows in members:
        counts: Counter[str] = Counter()
        for text, times in Counter(texts[row] for row in rows).items():
            if text not in terms_of:
                terms_of[text] = _terms([w for w, _, _ in words_of[text]], stops)
            for term in terms_of[text]:
                counts[term] += times
        term_counts.append(counts)
    totals: Counter[str] = Counter()
    for counts in term_counts:
        totals.update(counts)
    average = sum(totals.values()) / max(k, 1)
    keywords: list[list[str]] = []
    names: list[str] = []
    joiners: list[str] = []
    for cluster, (rows, counts) in enumerate(zip(members, term_counts, strict=True)):
        weights = {
            term: (count / len(rows)) * math.log(1.0 + average / totals[term])
            for term, count in counts.items()
        }
        ranked = sorted(weights, key=lambda term: (-weights[term], term))
        chosen: list[str] = []
        for term in ranked:
            if len(chosen) == max_keywords:
                break
            if not _near_duplicate(term, chosen):
                chosen.append(term)
        keywords.append([_display(term) for term in chosen])
        cluster_order = list(order[cluster]) if order is not None else rows
        spoken = (
            most_common_language(languages[row] for row in rows) if len(languages) > 1 else None
        )
        language = spoken or languages[0]
        joiner = AND_WORDS.get(language or "en", "&")
        name = _label(cluster_order, texts, tokenised, stops, weights, counts, chosen, joiner)
        names.append(_tidy(name, proper))
        joiners.append(joiner)
    return keywords, _distinct(names, keywords, joiners)


def _distinct(names: list[str], keywords: list[list[str]], joiners: list[str]) -> list[str]:
    """Labels shared by several clusters ("Data" x 4) each gain their own best keyword not
    already in the label ("Data and export", "Data and privacy"); the first keeps its label
    when nothing sets it apart.

    Example:
        >>> _distinct(["Data", "Data"], [["data", "export"], ["data", "privacy"]], ["and", "and"])
        ['Data and export', 'Data and privacy']
    """
    out = list(names)
    seen: Counter[str] = Counter(name.lower() for name in names)
    for index, name in enumerate(names):
        if seen[name.lower()] < 2:
            continue
        words = set(name.lower().split())
        extra = next((k for k in keywords[index] if not set(k.split()) & words), None)
        candidate = f"{name} {joiners[index]} {extra}" if extra else name
        if candidate.lower() not in {n.lower() for n in out}:
            out[index] = candidate
    return out


def _per_text(languages: Sequence[str | None], count: int) -> Sequence[str | None]:
    """The language of each of ``count`` texts: one code given for all, or one per text."""
    return list(languages) * count if len(languages) == 1 else languages


def _one_language(rows: list[int], languages: Sequence[str | None], preferred: str) -> list[int]:
    """The rows in ``preferred``, else in the rows' most common language (ties: by code)."""
    if len(languages) == 1:  # one language for every text (or unknown): nothing to choose
        return rows
    inside = [row for row in rows if languages[row] == preferred]
    if inside:
        return inside
    best = most_common_language(languages[row] for row in rows)
    return [row for row in rows if languages[row] == best] if best else rows


def _key(word: str) -> str:
    """Fold plain plural-like endings so "shipping cost" and "shipping costs" count together."""
    return word[:-1] if len(word) > 4 and word.endswith("s") else word


def _label(
    rows: list[int],
    texts: Sequence[str],
    tokenised: list[list[tuple[str, int, int]]],
    stops: frozenset[str],
    weights: dict[str, float],
    counts: Counter[str],
    keywords: list[str],
    joiner: str = "and",
) -> str:
    """The best-scoring phrase: coverage (texts using it) times the weight of its words.

    Candidates are the texts' own phrases, and for two of the top keywords said in one text, the
    shortest stretch of text that holds both ("delivery was late" gives "delivery was late").
    """
    if not keywords:
        return "Other"
    top = [kw for kw in keywords[:3] if " " not in kw]
    pairs = [(a, b) for i, a in enumerate(top) for b in top[i + 1 :]]
    coverage: Counter[str] = Counter()
    surface: dict[str, str] = {}
    content: dict[str, set[str]] = {}
    # identical texts add identical counts: each distinct text once, weighted by its copies
    # (first occurrences keep their order, so the result is the same as row by row), and only
    # the MAX_LABEL_TEXTS most central distinct texts: a label describes the theme's core
    times: dict[str, int] = {}
    first_row: dict[str, int] = {}
    for row in rows:
        if texts[row] in times:
            times[texts[row]] += 1
        elif len(times) < MAX_LABEL_TEXTS:
            times[texts[row]] = 1
            first_row[texts[row]] = row
    for text, row in first_row.items():
        weight = times[text]
        seen: set[str] = set()
        present: set[str] = set()
        for words in _clauses(tokenised[row], texts[row]):
            for start in range(len(words)):
                if words[start][0] in stops:
                    continue
                for end in range(start, min(start + MAX_PHRASE_WORDS, len(words))):
                    if words[end][0] in stops:
                        continue
                    span = words[start : end + 1]
                    key = " ".join(_key(w) for w, _, _ in span)
                    if key not in seen:
                        seen.add(key)
                        coverage[key] += weight
                        surface.setdefault(key, texts[row][span[0][1] : span[-1][2]])
                        content.setdefault(key, {w for w, _, _ in span if w in weights})
            positions = {w: i for i, (w, _, _) in enumerate(words)}
            for a, b in pairs:
                key = f"{a} + {b}"
                if a in positions and b in positions and key not in surface:
                    first, last = sorted((positions[a], positions[b]))
                    if last - first <= MAX_PHRASE_WORDS:
                        surface[key] = texts[row][words[first][1] : words[last][2]]
            present.update(w for w, _, _ in words)
        for a, b in pairs:
            if a in present and b in present:
                coverage[f"{a} + {b}"] += weight
                content.setdefault(f"{a} + {b}", {a, b})

    def score(key: str) -> float:
        return coverage[key] * sum(weights[w] for w in content[key])

    # a phrase only one text uses does not stand for a theme of several; when no phrase is
    # shared, the top keyword stands alone
    floor = min(2, len(rows))
    candidates = [key for key in surface if coverage[key] >= floor]
    if not candidates:
        top_key = " ".join(_key(word) for word in keywords[0].split())
        candidates = [top_key] if top_key in surface else list(surface)
    best = max(candidates, key=lambda key: (score(key), -len(surface[key]), key))
    label = surface[best]
    if len(content[best]) == 1 and len(keywords) > 1:
        word = next(iter(content[best]))
        second = next((kw for kw in keywords if not _near_duplicate(kw, [word])), None)
        if second is not None and counts[second] >= PAIR_COVERAGE * counts[word]:
            pair = next((f"{a} + {b}" for a, b in pairs if {a, b} == {word, second}), "")
            # the two words side by side ("customer support") beat "support and customer"
            if pair in surface and (coverage[pair] >= floor or len(surface[pair].split()) <= 3):
                label = surface[pair]
            else:
                label = f"{label} {joiner} {surface.get(_key(second), _display(second))}"
    return label


def _proper_nouns(texts: Sequence[str], tokenised: list[list[tuple[str, int, int]]]) -> set[str]:
    """Words written with a capital mostly where position does not explain it ("April")."""
    capital: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    copies = Counter(texts)
    done: set[str] = set()
    for text, words in zip(texts, tokenised, strict=True):
        if text in done:
            continue
        done.add(text)
        for clause in _clauses(words, text):
            for word, start, _ in clause[1:]:
                (capital if text[start].isupper() else lower)[word] += copies[text]
    return {word for word, count in capital.items() if count > lower[word]}


def _tidy(label: str, proper: set[str]) -> str:
    """Lower-case words capitalised only by position; keep names (April, YouTube, SMS)."""
    words = [
        word
        if any(c.isupper() for c in word[1:]) or word.lower().replace("’", "'") in proper
        else word.lower()
        for word in label.split()
    ]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


__all__ = ["describe_clusters"]
