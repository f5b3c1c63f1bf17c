"""Languages of survey answers: a prior from the respondent and the survey (see docs/formats.md).

A few words ("Iklan di Facebook") say little about their language, and close languages such as
Danish and Norwegian are easily confused on one sentence, so each answer leans on a prior: its
respondent's language in a survey in several languages, else the document's.
:func:`survey_languages` sets ``turn.language`` on every answer of one survey document.

Example:
    >>> from persona_nlp.config import IngestConfig
    >>> turns = [Turn(index=0, speaker="r1", role="respondent", participant_id="r1", text="Hi")]
    >>> survey_languages(turns, IngestConfig(language="da")), turns[0].language
    ('da', 'da')
"""

from __future__ import annotations

import string
from collections import Counter

from ..config import IngestConfig
from ..lang import MIN_CONFIDENCE, language_confidences, likeliest, recheck_confidences
from ..schema import Turn

SHORT_ANSWER_WORDS = 3
"""Answers with fewer words are too short to identify: they take their respondent's language
(else the document's)."""

PRIOR_MARGIN = 0.2
"""An answer keeps its prior language (its respondent's, else the document's) unless another
language is this much more likely. In a survey in several languages, an answer whose best
language leads the next by less is uncertain: it takes its respondent's language."""

SURVEY_LANGUAGE_SHARE = 0.02
"""A language is one of the survey's when at least this share of the respondents, and at least
:data:`SURVEY_LANGUAGE_MIN` of them, confidently answer in it; other languages only win the
answers of respondents who confidently answer in them. A survey with one such language keeps
the document's language as every answer's prior (a misdetected respondent or two - Norwegian
read as Danish, an English answer read as Swedish - does not make a survey multilingual)."""

SURVEY_LANGUAGE_MIN = 2


def word_count(text: str) -> int:
    """Words that can tell a language: whitespace tokens made of letters once punctuation is
    stripped (no emoji, numbers or codes such as "30GB").

    Example:
        >>> word_count("paket 30GB 😡"), word_count("internet cepat. 😭"), word_count("gói cước rẻ")
        (1, 2, 3)
    """
    return sum(token.strip(string.punctuation + "“”‘’«»…").isalpha() for token in text.split())


def _ranked(score: dict[str, float]) -> tuple[str | None, float]:
    """The most likely language (``None`` below :data:`MIN_CONFIDENCE`) and its lead over the
    next one; ties go to the alphabetically first code.

    Example:
        >>> _ranked({"de": 0.5, "da": 0.25, "nb": 0.25})
        ('de', 0.25)
        >>> _ranked({"nb": 0.5, "da": 0.5})
        ('da', 0.0)
        >>> _ranked({})
        (None, 0.0)
    """
    ranked = sorted(score.items(), key=lambda item: (-item[1], item[0]))
    if not ranked or ranked[0][1] < MIN_CONFIDENCE:
        return None, 0.0
    return ranked[0][0], ranked[0][1] - (ranked[1][1] if len(ranked) > 1 else 0.0)


def _respondent_languages(
    turns: list[Turn], scores: list[dict[str, float]], votes: Counter[str]
) -> dict[str, str]:
    """Each respondent's language: the majority over their confidently identified answers
    (best language ahead by :data:`PRIOR_MARGIN`); ties go to the language with more ``votes``
    in the document, then to the alphabetically first code. Respondents with no such answer
    are left out."""
    per: dict[str, Counter[str]] = {}
    for turn, score in zip(turns, scores, strict=True):
        top, lead = _ranked(score)
        if top is not None and lead >= PRIOR_MARGIN:
            per.setdefault(turn.participant_id or turn.speaker, Counter())[top] += 1
    return {
        who: min(counts, key=lambda code: (-counts[code], -votes[code], code))
        for who, counts in per.items()
    }


def survey_languages(turns: list[Turn], config: IngestConfig) -> str | None:
    """Set each answer's language; return the document's (the most common among answers).

    Short answers ("Instagram", "Iklan di Facebook") say little about their language, and
    close languages (Danish/Norwegian) are easily confused on one sentence, so answers lean on
    a prior. The document language is the majority over answers of at least
    :data:`SHORT_ANSWER_WORDS` words. In a survey in one language (see
    :data:`SURVEY_LANGUAGE_SHARE`) it is every answer's prior: shorter answers take it, and
    longer ones keep it unless another language is more likely by :data:`PRIOR_MARGIN`.

    In a survey in several languages the prior is the respondent's own language (the majority
    over their confident answers; for a respondent with only short answers, those answers read
    among the survey's languages, :func:`_short_answer_languages`), else the document's: short answers take it, and so do
    uncertain ones (best language ahead by less than :data:`PRIOR_MARGIN`) of a respondent
    with a language; longer ones keep it unless another is more likely by the margin. Only
    the survey's languages (and the respondent's own) can win: an answer whose best language is
    another one, or that is uncertain, is identified again among those.
    """
    if config.language:
        for turn in turns:
            turn.language = config.language
        return config.language
    long_answer = [word_count(t.text) >= SHORT_ANSWER_WORDS for t in turns]
    if not any(long_answer):
        long_answer = [True] * len(turns)  # only short answers: they are all the evidence
    # Short answers take the prior, so only the long ones are identified.
    long_scores = iter(
        language_confidences(
            [t.text for t, is_long in zip(turns, long_answer, strict=False) if is_long],
            config.languages,
        )
    )
    scores = [next(long_scores) if is_long else {} for is_long in long_answer]
    tops = [_ranked(score)[0] for score in scores]
    votes = Counter(code for code in tops if code)
    respondents = _respondent_languages(turns, scores, votes)
    spoken = Counter(respondents.values())
    # the document's language: most respondents' (counting answers instead favoured languages
    # whose answers run longer, e.g. Vietnamese, whose words are syllables, over Indonesian)
    ballots = spoken or votes
    document = (
        min(ballots, key=lambda code: (-ballots[code], -votes[code], code)) if ballots else None
    )
    survey = {
        code
        for code, count in spoken.items()
        if count >= max(SURVEY_LANGUAGE_MIN, SURVEY_LANGUAGE_SHARE * len(respondents))
    }
    if len(survey) <= 1:
        _single_language(turns, scores, tops, long_answer, document)
        return document
    # Identify again, among the survey's languages (and the respondent's own), the answers
    # whose best language is none of those or that are uncertain: lingua's close calls only
    # weigh a text's three likeliest languages, which need not include the right one.
    again: dict[tuple[str, ...], list[int]] = {}
    for i, (turn, score) in enumerate(zip(turns, scores, strict=True)):
        if not long_answer[i]:
            continue
        own = respondents.get(turn.participant_id or turn.speaker)
        allowed = survey | {own} if own else survey
        top, lead = _ranked(score)
        if top is None or top not in allowed or lead < PRIOR_MARGIN:
            again.setdefault(tuple(sorted(allowed)), []).append(i)
    for candidates, positions in sorted(again.items()):
        texts = [turns[i].text for i in positions]
        for i, score in zip(positions, language_confidences(texts, list(candidates)), strict=True):
            scores[i] = score
    respondents = _respondent_languages(turns, scores, votes)
    guessed = _short_answer_languages(turns, long_answer, respondents, survey, votes)
    switches: list[tuple[int, str]] = []
    for i, (turn, score, is_long) in enumerate(zip(turns, scores, long_answer, strict=True)):
        who = turn.participant_id or turn.speaker
        own = respondents.get(who)
        prior = own or guessed.get(who) or document
        top, lead = _ranked(score)
        if not is_long or top is None or (own is not None and lead < PRIOR_MARGIN):
            turn.language = prior
        elif prior is not None and _keeps(score, prior, top):
            turn.language = prior
        elif prior is not None:
            switches.append((i, prior))
        else:
            turn.language = top
    _confirm_switches(turns, scores, switches)
    return document


def _confirm_switches(
    turns: list[Turn], scores: list[dict[str, float]], switches: list[tuple[int, str]]
) -> None:
    """Set the language of answers whose identification would take them away from their prior.

    Their score may come from lingua's trigram pass, which can be confidently wrong on one
    sentence ("I want the grocery bill under a hundred a week." as Danish, 0.92, in an
    English survey); each is identified again with all n-gram models between its likeliest
    languages and its prior (:func:`~persona_nlp.lang.recheck_confidences`), and leaves the
    prior only if the other language still leads it by :data:`PRIOR_MARGIN`. Only these few
    answers pay for the slower models.
    """
    if not switches:
        return
    contenders = [[*likeliest(scores[i]), prior] for i, prior in switches]
    again = recheck_confidences([turns[i].text for i, _ in switches], contenders)
    for (i, prior), score in zip(switches, again, strict=True):
        top, _ = _ranked(score)
        turns[i].language = prior if top is None or _keeps(score, prior, top) else top


def _keeps(score: dict[str, float], prior: str, top: str) -> bool:
    """Whether an answer keeps its prior language: ``top`` leads it by less than
    :data:`PRIOR_MARGIN`.

    Example:
        >>> _keeps({"en": 0.45, "da": 0.55}, "en", "da"), _keeps({"en": 0.2, "da": 0.8}, "en", "da")
        (True, False)
    """
    return score.get(prior, 0.0) >= score.get(top, 0.0) - PRIOR_MARGIN


def _short_answer_languages(
    turns: list[Turn],
    long_answer: list[bool],
    respondents: dict[str, str],
    survey: set[str],
    votes: Counter[str],
) -> dict[str, str]:
    """Languages of respondents who gave only short answers, read among the survey's languages.

    Among all languages a two-word answer could be anything; among the few the survey is in,
    "Te duur" is Dutch and "unlimited plan" English. Each short answer whose best survey
    language leads by :data:`PRIOR_MARGIN` votes; the respondent takes the majority (ties as in
    :func:`_respondent_languages`). Answers with no letters ("30GB", emoji) do not vote.
    """
    positions = [
        i
        for i, turn in enumerate(turns)
        if not long_answer[i]
        and word_count(turn.text) > 0
        and (turn.participant_id or turn.speaker) not in respondents
    ]
    if not positions or len(survey) < 2:
        return {}
    found = language_confidences([turns[i].text for i in positions], sorted(survey))
    per: dict[str, Counter[str]] = {}
    for i, score in zip(positions, found, strict=True):
        top, lead = _ranked(score)
        if top is not None and lead >= PRIOR_MARGIN:
            per.setdefault(turns[i].participant_id or turns[i].speaker, Counter())[top] += 1
    return {
        who: min(counts, key=lambda code: (-counts[code], -votes[code], code))
        for who, counts in per.items()
    }


def _single_language(
    turns: list[Turn],
    scores: list[dict[str, float]],
    tops: list[str | None],
    long_answer: list[bool],
    document: str | None,
) -> None:
    """The document's language is every answer's prior (a survey in one language)."""
    switches: list[tuple[int, str]] = []
    for i, (turn, score, top, is_long) in enumerate(
        zip(turns, scores, tops, long_answer, strict=True)
    ):
        if document is None:
            turn.language = top
        elif not is_long or top is None:
            turn.language = document
        elif _keeps(score, document, top):
            turn.language = document
        else:
            switches.append((i, document))
    _confirm_switches(turns, scores, switches)


__all__ = [
    "PRIOR_MARGIN",
    "SHORT_ANSWER_WORDS",
    "SURVEY_LANGUAGE_MIN",
    "SURVEY_LANGUAGE_SHARE",
    "survey_languages",
    "word_count",
]
