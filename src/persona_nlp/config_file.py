"""Config files: read TOML/YAML into a dict, and write one with every default documented.

Example:
    >>> from persona_nlp.config import AnalysisConfig
    >>> "min_theme_size = 3" in render_toml(AnalysisConfig())
    True
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .config import AnalysisConfig
from .errors import ConfigError


def read_config_file(path: str | Path) -> dict[str, Any]:
    """Read a ``.toml``, ``.yaml``/``.yml`` or ``.json`` config file into a plain dict.

    Raises:
        ConfigError: The file is missing, unreadable or not valid for its format.

    Example:
        >>> read_config_file("persona-nlp.toml")  # doctest: +SKIP
        {'seed': 42, 'themes': {'min_theme_size': 3}}
    """
    path = Path(path)
    if not path.is_file():
        raise ConfigError(
            f"{path}: config file not found (fix: `persona-nlp config init {path}` writes one)"
        )
    suffix = path.suffix.lower()
    try:
        text = path.read_text(encoding="utf-8-sig")
        if suffix == ".toml":
            if sys.version_info >= (3, 11):
                import tomllib
            else:  # pragma: no cover
                import tomli as tomllib
            data = tomllib.loads(text)
        elif suffix in {".yaml", ".yml"}:
            import yaml

            data = yaml.safe_load(text) or {}
        elif suffix == ".json":
            data = json.loads(text)
        else:
            raise ConfigError(
                f"{path}: unknown config format '{suffix}' (fix: use .toml, .yaml or .json)"
            )
    except ConfigError:
        raise
    except Exception as error:  # parser errors of three libraries: report them in one line
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ConfigError(
            f"{path}: cannot parse config file: {first} (fix: check the syntax)"
        ) from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: config file must hold a table/mapping at the top level")
    return data


def _toml_value(value: Any) -> str:
    if value is None:
        return '""'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return (
            "{ " + ", ".join(f"{json.dumps(k)} = {_toml_value(v)}" for k, v in value.items()) + " }"
        )
    raise TypeError(f"cannot write {value!r} to TOML")


def _describe(model: type[BaseModel], name: str) -> str:
    field = model.model_fields[name]
    return (field.description or "").strip()


def render_toml(config: AnalysisConfig) -> str:
    """Render a config as TOML, every field preceded by its description as a comment.

    Options whose value is ``None`` are written commented out (``# id_column = ""``).

    Example:
        >>> print(render_toml(AnalysisConfig()).splitlines()[0])
        # persona-nlp configuration: every option with its default.
    """
    lines = [
        "# persona-nlp configuration: every option with its default.",
        "# Use with: persona-nlp analyze INPUT... --config persona-nlp.toml --out DIR",
        "# Command-line options override values in this file.",
        "",
    ]
    for name in type(config).model_fields:
        value = getattr(config, name)
        if isinstance(value, BaseModel):
            continue
        lines.append(f"# {_describe(type(config), name)}")
        lines.append(f"{name} = {_toml_value(value)}")
    for name in type(config).model_fields:
        section = getattr(config, name)
        if not isinstance(section, BaseModel):
            continue
        lines.extend(
            ["", f"[{name}]", f"# {(type(section).__doc__ or '').strip().splitlines()[0]}"]
        )
        for field in type(section).model_fields:
            value = getattr(section, field)
            lines.append(f"# {_describe(type(section), field)}")
            prefix = "# " if value is None else ""
            lines.append(f"{prefix}{field} = {_toml_value(value)}")
    return "\n".join(lines) + "\n"


def write_config_file(
    path: str | Path, config: AnalysisConfig | None = None, *, force: bool = False
) -> Path:
    """Write ``config`` (defaults when not given) to a documented TOML or YAML file.

    Example:
        >>> write_config_file("persona-nlp.toml")  # doctest: +SKIP
        PosixPath('persona-nlp.toml')
    """
    path = Path(path)
    config = config or AnalysisConfig()
    if path.exists() and not force:
        raise ConfigError(
            f"{path}: file exists (fix: pass --force to overwrite, or choose another path)"
        )
    if path.suffix.lower() in {".yaml", ".yml"}:
        import yaml

        body = "# persona-nlp configuration: every option with its default (see docs/configuration.md).\n"
        body += yaml.safe_dump(config.model_dump(mode="json"), sort_keys=False, allow_unicode=True)
    elif path.suffix.lower() == ".toml":
        body = render_toml(config)
    else:
        raise ConfigError(f"{path}: unknown config format (fix: use a .toml or .yaml file name)")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path


__all__ = ["read_config_file", "render_toml", "write_config_file"]
