"""mkdocs hook: include ``benchmarks/RESULTS.md`` in ``evaluation.md`` at build time.

``evaluation.md`` holds the marker ``<!-- include: benchmarks/RESULTS.md -->``; the hook replaces
it with the file, one heading level down, and turns its links to repository files (which are not
part of the site) into plain code spans, so ``mkdocs build --strict`` stays clean whatever the
benchmark scripts write. The results therefore always come from the committed RESULTS.md.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKER = re.compile(r"<!--\s*include:\s*(?P<path>[\w./-]+)\s*-->")
LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]+)\]\((?P<target>[^)\s]+)\)")


def _demote(markdown: str) -> str:
    out, fenced = [], False
    for line in markdown.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        if not fenced and re.match(r"#{1,5} ", line):
            line = "#" + line
        out.append(line)
    return "\n".join(out)


def _unlink(markdown: str, source: Path) -> str:
    def replace(match: re.Match[str]) -> str:
        target = match.group("target")
        if target.startswith(("http://", "https://", "#", "mailto:")):
            return match.group(0)
        path = (source.parent / target.split("#", 1)[0]).resolve()
        try:
            shown = path.relative_to(ROOT).as_posix()
        except ValueError:
            shown = target
        text = match.group("text").strip("`")
        return f"{text} (`{shown}`)" if text != shown else f"`{shown}`"

    return LINK.sub(replace, markdown)


def include(markdown: str) -> str:
    """Replace every include marker with the named repository file (demoted, links unlinked)."""

    def replace(match: re.Match[str]) -> str:
        source = ROOT / match.group("path")
        if not source.is_file():
            raise FileNotFoundError(f"docs include: {source} does not exist")
        return _unlink(_demote(source.read_text(encoding="utf-8")), source)

    return MARKER.sub(replace, markdown)


def on_page_markdown(markdown: str, page, config, files) -> str:  # noqa: ANN001 (mkdocs API)
    return include(markdown)
