"""Progress: tqdm bars with an ETA on the long stages, on a terminal only, never with --quiet."""

from __future__ import annotations

import io

from persona_nlp.cli.commands import _Progress
from persona_nlp.config import ExtractConfig, ThemeConfig
from persona_nlp.embed import HashingEmbedder
from persona_nlp.pipeline import StageProgress
from persona_nlp.run.parts import extract_in_parts
from persona_nlp.schema import Corpus, Document, Participant, Statement, Turn
from persona_nlp.themes import build_themes


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _run(progress: _Progress) -> None:
    progress("ingest")
    progress("extract")
    for done in (0, 40, 80, 100):
        progress.advance("extract", done, 100)
    progress("themes")
    progress.advance("themes", 0, 7)
    progress("personas")


def test_bars_with_counts_and_eta_on_a_terminal():
    stream = Terminal()
    progress = _Progress(quiet=False, stream=stream)
    assert isinstance(progress, StageProgress)
    _run(progress)
    progress.close()
    text = stream.getvalue()
    for stage in ("ingest", "extract", "themes", "personas"):
        assert f"] {stage} ..." in text
    assert "100/100" in text and "turns" in text and "0/7" in text
    assert "<" in text  # tqdm's [elapsed<remaining]: the ETA


def test_quiet_when_not_a_terminal_or_with_quiet():
    not_a_terminal = io.StringIO()
    _run(_Progress(quiet=False, stream=not_a_terminal))
    assert not_a_terminal.getvalue() == ""
    terminal = Terminal()
    _run(_Progress(quiet=True, stream=terminal))
    assert terminal.getvalue() == ""


class Recorder:
    """A StageProgress that remembers what the stages report."""

    def __init__(self) -> None:
        self.events: list[tuple[str, int, int]] = []

    def __call__(self, stage: str) -> None:
        self.events.append((stage, -1, -1))

    def advance(self, stage: str, done: int, total: int) -> None:
        self.events.append((stage, done, total))


def test_extraction_in_parts_and_themes_report_how_far_they_are(monkeypatch):
    import persona_nlp.extract

    # the parts, not the extractor, are under test: a fake extractor keeps this fast
    monkeypatch.setattr(
        persona_nlp.extract, "extract_statements_and_uncoded", lambda *args, **kwargs: ([], [])
    )
    turns = [
        Turn(index=i, speaker=f"r{i}", role="respondent", participant_id=f"r{i}", text="x")
        for i in range(5)
    ]
    corpus = Corpus(documents=[Document(id="s", path="s.csv", kind="survey", turns=turns)])
    seen: list[tuple[int, int]] = []
    extract_in_parts(
        corpus,
        HashingEmbedder(),
        ExtractConfig(),
        part_turns=2,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen == [(0, 5), (2, 5), (4, 5), (5, 5)]
    statements = [
        Statement(
            id=f"p{i}:0:0-{len(text)}",
            document_id=f"p{i}",
            participant_id=f"p{i}",
            turn_index=0,
            text=text,
            start_char=0,
            end_char=len(text),
            kind=kind,
            confidence=0.9,
        )
        for i, (text, kind) in enumerate(
            [("cheap deals", "goal")] * 4 + [("slow delivery", "pain_point")] * 3
        )
    ]
    themed: list[tuple[int, int]] = []
    build_themes(
        statements,
        HashingEmbedder(),
        [Participant(id=f"p{i}") for i in range(7)],
        ThemeConfig(),
        progress=lambda done, total: themed.append((done, total)),
    )
    assert themed == [(0, 7), (4, 7), (7, 7)]


def test_the_pipeline_passes_progress_to_a_stage_progress(monkeypatch):
    import persona_nlp.run.parts
    from persona_nlp.pipeline import run_pipeline

    def fake_extract(corpus, embedder, config, *, column_kinds=None, progress=None, uncoded=None):
        if progress is not None:
            progress(0, 3)
            progress(3, 3)
        return []

    monkeypatch.setattr(persona_nlp.run.parts, "extract_in_parts", fake_extract)
    turns = [Turn(index=0, speaker="r", role="respondent", participant_id="r", text="x")]
    corpus = Corpus(documents=[Document(id="s", path="s.csv", kind="survey", turns=turns)])
    recorder = Recorder()
    run_pipeline(corpus, embedder=HashingEmbedder(), on_stage=recorder)
    assert ("extract", 3, 3) in recorder.events and ("themes", 0, 0) in recorder.events
    # a plain function still works as on_stage
    stages: list[str] = []
    run_pipeline(corpus, embedder=HashingEmbedder(), on_stage=stages.append)
    assert stages[:3] == ["ingest", "extract", "themes"]
