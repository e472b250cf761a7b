"""Output formats. One small module per format, each turning the same report into its format:
`render(report, options) -> str`. Modules are imported only when their format is asked for."""
from __future__ import annotations

import importlib
from dataclasses import dataclass

FORMATS: dict[str, str] = {
    "text": "claimcheck.report.text",
    "json": "claimcheck.report.json_format",
    "jsonl": "claimcheck.report.jsonl",
    "markdown": "claimcheck.report.markdown",
    "sarif": "claimcheck.report.sarif",
    "github": "claimcheck.report.github",
    "junit": "claimcheck.report.junit",
    "html": "claimcheck.report.html",
}
EXTRACT_FORMATS = ("text", "json", "jsonl", "html")


@dataclass
class RenderOptions:
    command: str = "check"  # extract | check
    include_all: bool = False  # unclassified quantities too (extract --all)
    color: bool = False


def render(report, format: str, options: RenderOptions | None = None) -> str:
    try:
        module = importlib.import_module(FORMATS[format])
    except KeyError:
        raise ValueError(f"unknown format {format!r}; expected one of: {', '.join(FORMATS)}") from None
    return module.render(report, options or RenderOptions())
