"""claimcheck: extract quantitative and safety claims from copy and check them against a curated,
sourced reference.

    import claimcheck
    result = claimcheck.extract_text("Roll a 0.25 mm roller twice a week.", source="draft.md")
    report = claimcheck.Checker().check_text(text, source="draft.md")
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = [
    "Checker", "Claim", "DocumentResult", "Extractor", "Finding", "Reference", "ReferenceError",
    "SourceError", "extract_file", "extract_text", "load_reference", "__version__",
]


def __getattr__(name: str):
    # Imported lazily so that `import claimcheck` (and the CLI's --help) stays fast.
    if name in ("Extractor", "extract_text", "extract_file"):
        from . import extract

        return getattr(extract, name)
    if name in ("Claim", "Finding", "DocumentResult"):
        from . import model

        return getattr(model, name)
    if name in ("Reference",):
        from .reference.model import Reference

        return Reference
    if name in ("ReferenceError", "load_reference"):
        from .reference import loader

        return getattr(loader, name)
    if name == "SourceError":
        from .sources import SourceError

        return SourceError
    if name == "Checker":
        from .checker import Checker

        return Checker
    raise AttributeError(f"module 'claimcheck' has no attribute {name!r}")
