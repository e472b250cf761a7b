"""text: one line per claim or finding, `path:line:col`, for terminals (colour only on a TTY)."""
from __future__ import annotations

from ..nlp.units import format_range

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "dim": "\033[2m", "bold": "\033[1m"}
RESET = "\033[0m"


def _c(text: str, style: str, on: bool) -> str:
    return f"{COLORS[style]}{text}{RESET}" if on else text


def _claim_line(doc, c, color: bool) -> str:
    value = format_range(c.min, c.max, c.normalized["unit"])
    ctx = [c.setting or "-", c.modality]
    if c.subject:
        ctx.insert(1, f"subject={c.subject}")
    if c.target:
        ctx.insert(len(ctx) - 1, f"target={c.target}")
    if c.vague:
        ctx.append("vague")
    kind = c.kind or "(no kind)"
    return f"{_c(f'{doc.path}:{c.line}:{c.column}', 'bold', color)}: {kind} {value} \"{c.text}\" [{', '.join(ctx)}]"


def render(report, options) -> str:
    color = options.color
    lines: list[str] = []
    for doc in report.documents:
        if doc.error:
            lines.append(f"{doc.path}: {_c('error', 'error', color)}: {doc.error.split(': ', 1)[-1]}")
            continue
        for w in doc.warnings:
            lines.append(f"{_c('warning', 'warning', color)}: {w}")
        if options.command == "extract":
            claims = doc.claims + (doc.quantities if options.include_all else [])
            for c in sorted(claims, key=lambda c: c.start):
                lines.append(_claim_line(doc, c, color))
            continue
        for f in doc.findings:
            head = _c(f"{f.path}:{f.line}:{f.column}", "bold", color)
            sev = _c(f.severity, f.severity, color)
            lines.append(f"{head}: {f.code} {sev} [{f.rule}] {f.message}")
            for s in f.sources:
                lines.append(_c(f"    source: {s.title} <{s.url}>", "dim", color))
    lines.append(_summary(report, options, color))
    return "\n".join(lines) + "\n"


def _summary(report, options, color: bool) -> str:
    docs = len(report.documents)
    errors = len(report.errors)
    claims = sum(len(d.claims) for d in report.documents)
    if options.command == "extract":
        text = f"{claims} claim{'s' if claims != 1 else ''} in {docs} document{'s' if docs != 1 else ''}"
    else:
        counts = {s: 0 for s in ("error", "warning", "info")}
        for f in report.findings:
            counts[f.severity] += 1
        total = sum(counts.values())
        parts = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items() if n)
        text = (f"{total} finding{'s' if total != 1 else ''}" + (f" ({parts})" if parts else "")
                + f" in {docs} document{'s' if docs != 1 else ''}, {claims} claims checked")
    if errors:
        text += f"; {errors} file{'s' if errors != 1 else ''} could not be read"
    return _c(text, "bold", color)
