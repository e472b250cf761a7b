"""html: one self-contained page for reviewers.

The page has a summary header, one section per document (its text with every claim highlighted by
kind, and the findings beside it), a claims register across all documents, and one chart per kind
comparing every claimed range with the reference's typical and accepted bands.

Self-contained and inert: inline CSS and inline SVG only, no scripts, fonts or remote resources, and
a Content-Security-Policy that forbids them anyway. Everything that comes from copy or from the
reference file is escaped (`html.escape(..., quote=True)`), in text and in attributes alike; a
source address becomes a link only when it is http(s). Element ids and class names are generated
here (from positions), never taken from input.
"""
from __future__ import annotations

import html
import math
import re
from collections import Counter
from collections.abc import Iterable
from urllib.parse import urlsplit

from .. import __version__
from ..model import SEVERITY_ORDER
from ..nlp.units import format_number, format_range

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
SEVERITIES = ("error", "warning", "info")  # most severe first

# Colour per kind (by position in the reference), chosen to stay apart from the severity colours.
PALETTE = ("#4e79a7", "#e07b18", "#4f9a45", "#a16ba0", "#3f9c96", "#b8860b", "#d0607a", "#8c6d5a",
           "#6a5acd", "#7f8c1f", "#1793a8", "#9467bd")
NO_KIND_COLOR = "#9e9e9e"
SEVERITY_COLORS = {"error": "#c62828", "warning": "#b26a00", "info": "#1565c0"}
ACCEPTED_COLOR = "#d6dce4"
TYPICAL_COLOR = "#636b75"


def esc(value: object) -> str:
    """Escape for HTML text and (quoted) attribute values alike."""
    return html.escape("" if value is None else str(value), quote=True)


def safe_url(url: object) -> str | None:
    """The address if it is a plain http(s) URL, else None (shown as text, never as a link)."""
    if not isinstance(url, str):
        return None
    u = url.strip()
    if not u or any(ord(ch) < 33 or ord(ch) == 127 for ch in u):
        return None
    try:
        parts = urlsplit(u)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return u


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _basename(path: str) -> str:
    return re.split(r"[\\/]", path.rstrip("/\\"))[-1] or path


def _truncate(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _rgba(hex_color: str, alpha: float) -> str:
    h = hex_color.lstrip("#")
    r, g, b = int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)
    return f"rgba({r},{g},{b},{alpha})"


def _worst(severities: Iterable[str]) -> str | None:
    sevs = [s for s in severities if s in SEVERITY_ORDER]
    return max(sevs, key=SEVERITY_ORDER.get) if sevs else None


def _sev(severity: str) -> str:
    """A severity as a class-name-safe word."""
    return severity if severity in SEVERITY_ORDER else "info"


# ---------------------------------------------------------------------------------------------
# Kinds: colour, label, class name


class _Kinds:
    def __init__(self, reference, claims) -> None:
        self.reference = reference
        order: list[str] = list(reference.kinds) if reference is not None else []
        for c in claims:
            if c.kind and c.kind not in order:
                order.append(c.kind)
        self.order = order
        self.index = {k: i for i, k in enumerate(order)}

    def cls(self, kind: str | None) -> str:
        return f"k{self.index[kind]}" if kind in self.index else "kx"

    def color(self, kind: str | None) -> str:
        return PALETTE[self.index[kind] % len(PALETTE)] if kind in self.index else NO_KIND_COLOR

    def label(self, kind: str | None) -> str:
        if kind is None:
            return "(no kind)"
        k = self.reference.kinds.get(kind) if self.reference is not None else None
        return k.label if k is not None and k.label else kind

    def css(self) -> str:
        rules = []
        for kind, i in self.index.items():
            col = self.color(kind)
            rules.append(f".k{i}{{--kc:{col};--kbg:{_rgba(col, 0.22)}}}")
        rules.append(f".kx{{--kc:{NO_KIND_COLOR};--kbg:{_rgba(NO_KIND_COLOR, 0.22)}}}")
        return "\n".join(rules)


# ---------------------------------------------------------------------------------------------
# Entry point


def render(report, options) -> str:
    command = getattr(options, "command", "check")
    include_all = bool(getattr(options, "include_all", False))
    check = command != "extract"
    docs = list(report.documents)

    def claims_of(doc):
        claims = list(doc.claims) + (list(doc.quantities) if include_all else [])
        return sorted(claims, key=lambda c: (c.start, c.end))

    doc_claims = [claims_of(d) for d in docs]
    all_claims = [c for cl in doc_claims for c in cl]
    kinds = _Kinds(report.reference, all_claims)
    ctx = _Context(report, docs, doc_claims, kinds, check)

    body = [
        _header(ctx),
        _documents_section(ctx),
        _register_section(ctx),
        _charts_section(ctx),
        f'<footer>Generated by claimcheck {esc(__version__)}. This page is self-contained and runs no scripts.</footer>',
    ]
    title = "claimcheck report" if check else "claimcheck claims"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n"
        f"<style>\n{STYLE}\n{kinds.css()}\n</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


class _Context:
    """What the sections share: documents, claims, kinds, and which findings are on which claim."""

    def __init__(self, report, docs, doc_claims, kinds: _Kinds, check: bool) -> None:
        self.report = report
        self.docs = docs
        self.doc_claims = doc_claims
        self.kinds = kinds
        self.check = check
        # (doc index, claim id) -> findings on that claim / findings that refer to it
        self.on_claim: dict[tuple[int, str], list] = {}
        self.related: dict[tuple[int, str], list] = {}
        self.finding_ids: dict[int, str] = {}  # id(finding) -> element id
        self.claim_anchor: dict[tuple[int, str], str] = {}
        self.by_path: dict[str, int] = {}
        by_path = self.by_path
        for di, doc in enumerate(docs):
            by_path.setdefault(doc.path, di)
            for ci, c in enumerate(doc_claims[di]):
                self.claim_anchor.setdefault((di, c.id), f"d{di}-c{ci}")
        if check:
            for di, doc in enumerate(docs):
                for fi, f in enumerate(doc.findings):
                    self.finding_ids[id(f)] = f"d{di}-f{fi}"
                    if f.claim is not None:
                        self.on_claim.setdefault((di, f.claim), []).append(f)
                    for r in f.related:
                        if isinstance(r, str) and "#" in r:
                            path, _, cid = r.rpartition("#")
                            key = (by_path.get(path, -1), cid)
                        else:
                            key = (di, r)
                        if key in self.claim_anchor:
                            self.related.setdefault(key, []).append(f)

    def findings_on(self, di: int, claim) -> list:
        return self.on_claim.get((di, claim.id), [])


# ---------------------------------------------------------------------------------------------
# Header


def _header(ctx: _Context) -> str:
    report, docs = ctx.report, ctx.docs
    n_claims = sum(len(d.claims) for d in docs)
    counts = Counter(f.severity for d in docs for f in d.findings) if ctx.check else Counter()
    errors = [d for d in docs if d.error]
    out = ['<header class="top">']
    heading = "Claims report" if ctx.check else "Extracted claims"
    out.append(f"<h1>claimcheck · {esc(heading)}</h1>")
    ref = report.reference
    if ref is not None:
        out.append(f'<p class="sub">Checked against the reference <b>{esc(ref.name)}</b> '
                   f'(version {esc(ref.version)}, <code>{esc(ref.path)}</code>).</p>'
                   if ctx.check else
                   f'<p class="sub">Claim kinds from the reference <b>{esc(ref.name)}</b> '
                   f'(version {esc(ref.version)}, <code>{esc(ref.path)}</code>).</p>')
    out.append('<div class="cards">')
    out.append(f'<div class="card"><span class="num">{len(docs)}</span>documents</div>')
    out.append(f'<div class="card"><span class="num">{n_claims}</span>claims</div>')
    if ctx.check:
        for sev in SEVERITIES:
            n = counts.get(sev, 0)
            out.append(f'<div class="card sev-{sev}{" zero" if not n else ""}"><span class="num">{n}</span>'
                       f'{esc(sev if n == 1 else sev + "s")}</div>')
    out.append(f'<div class="card{" bad" if errors else " zero"}"><span class="num">{len(errors)}</span>unreadable</div>')
    out.append("</div>")
    if errors:
        out.append('<div class="unreadable"><h2>Files that could not be read</h2><ul>')
        for d in errors:
            reason = d.error or ""
            if reason.startswith(d.path + ": "):
                reason = reason[len(d.path) + 2:]
            out.append(f"<li><code>{esc(d.path)}</code>: {esc(reason)}</li>")
        out.append("</ul></div>")
    # contents
    out.append('<nav><b>Contents:</b> <a href="#documents">Documents</a> · <a href="#register">Claims register</a>'
               ' · <a href="#charts">Claimed ranges by kind</a>')
    if docs:
        out.append('<ol class="toc">')
        for di, d in enumerate(docs):
            badges = []
            if d.error:
                badges.append('<span class="badge bad">unreadable</span>')
            else:
                badges.append(f'<span class="count">{_plural(len(ctx.doc_claims[di]), "claim")}</span>')
                if ctx.check:
                    c = Counter(f.severity for f in d.findings)
                    for sev in SEVERITIES:
                        if c.get(sev):
                            badges.append(f'<span class="badge sev-{sev}">{c[sev]} {esc(sev)}</span>')
            out.append(f'<li><a href="#doc-{di}"><code>{esc(d.path)}</code></a> {" ".join(badges)}</li>')
        out.append("</ol>")
    out.append("</nav></header>")
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# Documents


def _legend(ctx: _Context) -> str:
    present = []
    seen = set()
    for cl in ctx.doc_claims:
        for c in cl:
            if c.kind not in seen:
                seen.add(c.kind)
    for k in ctx.kinds.order:
        if k in seen:
            present.append(k)
    if None in seen:
        present.append(None)
    items = [f'<span class="lg"><mark class="claim {ctx.kinds.cls(k)}">{esc(ctx.kinds.label(k))}</mark></span>'
             for k in present]
    if ctx.check:
        items += [f'<span class="lg"><span class="fu u-{s}">{s} finding</span></span>' for s in SEVERITIES]
        items.append('<span class="lg"><mark class="claim kx flagged">claim with a finding</mark></span>')
    return f'<div class="legend"><b>Legend:</b> {" ".join(items)}</div>' if items else ""


def _documents_section(ctx: _Context) -> str:
    out = ['<section id="documents"><h2>Documents</h2>']
    if not ctx.docs:
        out.append('<p class="muted">No documents.</p>')
    else:
        out.append(_legend(ctx))
    for di, doc in enumerate(ctx.docs):
        out.append(_document(ctx, di, doc))
    out.append("</section>")
    return "\n".join(out)


def _document(ctx: _Context, di: int, doc) -> str:
    claims = ctx.doc_claims[di]
    fmt = {"html": "HTML", "markdown": "Markdown", "text": "plain text"}.get(doc.format, doc.format)
    out = [f'<section class="doc" id="doc-{di}">']
    meta = [esc(fmt)]
    if not doc.error:
        meta.append(_plural(len(claims), "claim"))
        if ctx.check:
            meta.append(_plural(len(doc.findings), "finding"))
    out.append(f'<h3><code>{esc(doc.path)}</code> <span class="meta">{" · ".join(meta)}</span></h3>')
    if doc.error:
        reason = doc.error[len(doc.path) + 2:] if doc.error.startswith(doc.path + ": ") else doc.error
        out.append(f'<p class="error-box">Could not be read: {esc(reason)}</p></section>')
        return "\n".join(out)
    for w in doc.warnings:
        out.append(f'<p class="warn-box">{esc(w)}</p>')
    note = ""
    if doc.format in ("html", "markdown"):
        note = f'<p class="note">The {esc(fmt)} source is shown as plain text; markup is not rendered.</p>'
    findings = list(doc.findings) if ctx.check else []
    text_html = _render_text(ctx, di, doc, claims, findings)
    side = _findings_panel(ctx, di, doc, findings) if ctx.check else _claims_panel(ctx, di, claims)
    out.append(f'<div class="docgrid"><div class="textcol">{note}<div class="text" role="document">{text_html}</div></div>'
               f'<aside class="side">{side}</aside></div>')
    out.append("</section>")
    return "\n".join(out)


def _claim_title(ctx: _Context, c, findings: list | None = None) -> str:
    parts = [ctx.kinds.label(c.kind), format_range(c.min, c.max, c.normalized.get("unit", "")),
             f"setting: {c.setting or 'unspecified'}"]
    if c.subject:
        parts.append(f"subject: {c.subject}")
    if c.target:
        parts.append(f"target: {c.target}")
    parts.append(c.modality)
    if c.vague:
        parts.append("vague")
    title = " · ".join(str(p) for p in parts)
    for f in findings or []:
        title += f"\n{f.code} {f.severity}: {f.message}"
    return title


def _render_text(ctx: _Context, di: int, doc, claims: list, findings: list) -> str:
    """The document's text, line by line, with claims marked and finding spans underlined."""
    text = doc.text or ""
    n = len(text)
    # spans: (start, end, type, index)
    spans: list[tuple[int, int, str, int]] = []
    for ci, c in enumerate(claims):
        s, e = max(0, min(c.start, n)), max(0, min(c.end, n))
        if e > s:
            spans.append((s, e, "c", ci))
    for fi, f in enumerate(findings):
        s, e = max(0, min(f.start, n)), max(0, min(f.end, n))
        if e > s:
            spans.append((s, e, "f", fi))
    starts: dict[int, list] = {}
    ends: dict[int, list] = {}
    cuts = {0, n}
    for sp in spans:
        starts.setdefault(sp[0], []).append(sp)
        ends.setdefault(sp[1], []).append(sp)
        cuts.add(sp[0])
        cuts.add(sp[1])
    for m in re.finditer("\n", text):
        cuts.add(m.start())
        cuts.add(m.end())
    points = sorted(cuts)

    claim_findings = {ci: ctx.findings_on(di, c) for ci, c in enumerate(claims)}
    active: list[tuple[int, int, str, int]] = []
    lines: list[str] = []
    marked: set[int] = set()  # 0-based indexes of lines with a claim or finding
    line_no = 1
    cur: list[str] = []

    def flush() -> None:
        nonlocal cur
        lines.append(f'<div class="ln" id="d{di}-L{line_no}" data-n="{line_no}">{"".join(cur)}</div>')
        cur = []

    for a, b in zip(points, points[1:] + [None]):
        for sp in ends.get(a, ()):
            if sp in active:
                active.remove(sp)
        for sp in starts.get(a, ()):
            active.append(sp)
            if sp[2] == "c":
                cur.append(f'<span class="anchor" id="d{di}-c{sp[3]}"></span>')
            else:
                cur.append(f'<span class="anchor" id="d{di}-f{sp[3]}-t"></span>')
        if b is None:
            break
        piece = text[a:b]
        if piece == "\n":
            flush()
            line_no += 1
            continue
        piece_html = esc(piece.replace("\r", ""))
        act_claims = [sp for sp in active if sp[2] == "c"]
        act_findings = [sp for sp in active if sp[2] == "f"]
        if active:
            marked.add(line_no - 1)
        if act_claims:
            inner = min(act_claims, key=lambda sp: (sp[1] - sp[0], sp[3]))
            c = claims[inner[3]]
            cf = claim_findings[inner[3]]
            worst = _worst(f.severity for f in cf)
            cls = f"claim {ctx.kinds.cls(c.kind)}" + (f" flagged fl-{worst}" if worst else "") + (" vague" if c.vague else "")
            title = "\n".join(_claim_title(ctx, claims[sp[3]], claim_findings[sp[3]]) for sp in
                              sorted(act_claims, key=lambda sp: sp[0]))
            piece_html = f'<mark class="{cls}" title="{esc(title)}">{piece_html}</mark>'
        if act_findings:
            worst = _worst(findings[sp[3]].severity for sp in act_findings)
            ftitle = "\n".join(f"{findings[sp[3]].code} {findings[sp[3]].severity}: {findings[sp[3]].message}"
                               for sp in act_findings)
            piece_html = f'<span class="fu u-{_sev(worst or "info")}" title="{esc(ftitle)}">{piece_html}</span>'
        cur.append(piece_html)
        # kind labels after the last piece of each claim
        for sp in sorted(act_claims, key=lambda sp: sp[0]):
            if sp[1] == b:
                c = claims[sp[3]]
                cur.append(f'<span class="klabel {ctx.kinds.cls(c.kind)}" aria-hidden="true">{esc(ctx.kinds.label(c.kind))}</span>')
    flush()
    return _fold(lines, marked)


FOLD_CONTEXT = 2  # lines shown around a marked line
FOLD_MIN = 4  # fewer hidden lines than this are simply shown
FOLD_LEAD = 3  # lines shown at the top of a document with nothing marked


def _fold(lines: list[str], marked: set[int]) -> str:
    """Lines with claims or findings (and a little context) are shown; runs of other lines are
    folded into a <details> element that opens without scripts."""
    n = len(lines)
    shown = set(range(min(FOLD_LEAD, n))) if not marked else set()
    for i in marked:
        shown.update(range(max(0, i - FOLD_CONTEXT), min(n, i + FOLD_CONTEXT + 1)))
    out: list[str] = []
    i = 0
    while i < n:
        if i in shown:
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < n and j not in shown:
            j += 1
        if j - i < FOLD_MIN:
            out.extend(lines[i:j])
        else:
            label = f"{j - i} more lines ({i + 1}–{j})"
            out.append(f'<details class="fold"><summary>{label}</summary>{"".join(lines[i:j])}</details>')
        i = j
    return "".join(out)


def _sources_html(sources) -> str:
    items = []
    for s in sources or []:
        title = getattr(s, "title", None) or getattr(s, "id", None) or getattr(s, "url", "")
        url = getattr(s, "url", None)
        href = safe_url(url)
        if href:
            items.append(f'<li><a href="{esc(href)}" rel="noopener noreferrer" target="_blank" title="{esc(href)}">'
                         f'{esc(title)}</a></li>')
        else:
            shown = f' <span class="rawurl">({esc(url)})</span>' if url else ""
            items.append(f"<li>{esc(title)}{shown}</li>")
    return f'<ul class="sources">{"".join(items)}</ul>' if items else ""


def _findings_panel(ctx: _Context, di: int, doc, findings: list) -> str:
    if not findings:
        return '<h4>Findings</h4><p class="ok-box">No findings.</p>'
    out = [f"<h4>Findings ({len(findings)})</h4>"]
    order = sorted(range(len(findings)), key=lambda i: (-SEVERITY_ORDER.get(findings[i].severity, 0),
                                                          findings[i].line, findings[i].column))
    claims = ctx.doc_claims[di]
    for fi in order:
        f = findings[fi]
        sev = _sev(f.severity)
        target = ctx.claim_anchor.get((di, f.claim)) if f.claim else None
        if target is None and f.end > f.start:
            target = f"d{di}-f{fi}-t"
        loc = f"line {f.line}:{f.column}"
        loc_html = f'<a class="loc" href="#{target}">{esc(loc)}</a>' if target else f'<span class="loc">{esc(loc)}</span>'
        parts = [f'<div class="finding sev-{sev}" id="d{di}-f{fi}">',
                 f'<div class="fhead"><span class="badge sev-{sev}">{esc(f.severity)}</span> '
                 f'<code class="code">{esc(f.code)}</code> <span class="rule">{esc(f.rule)}</span> {loc_html}</div>',
                 f'<p class="msg">{esc(f.message)}</p>']
        if f.text:
            parts.append(f'<p class="quote">“{esc(_truncate(f.text, 160))}”</p>')
        if f.suggestion:
            parts.append(f'<p class="suggest"><b>Suggestion:</b> {esc(f.suggestion)}</p>')
        extra = []
        if f.claim:
            c = next((c for c in claims if c.id == f.claim), None)
            if c is not None:
                extra.append(f"claim: {esc(ctx.kinds.label(c.kind))} "
                             f"{esc(format_range(c.min, c.max, c.normalized.get('unit', '')))}")
        if f.reference:
            extra.append(f"reference entry: <code>{esc(f.reference)}</code>")
        if f.related:
            rel = []
            for r in f.related:
                rel.append(_related_link(ctx, di, r))
            extra.append("related: " + ", ".join(rel))
        if extra:
            parts.append(f'<p class="fmeta">{" · ".join(extra)}</p>')
        parts.append(_sources_html(f.sources))
        parts.append("</div>")
        out.append("".join(parts))
    return "\n".join(out)


def _related_link(ctx: _Context, di: int, ref: str) -> str:
    ref = str(ref)
    if "#" in ref:
        path, _, cid = ref.rpartition("#")
        dj = ctx.by_path.get(path, -1)
        if (dj, cid) in ctx.claim_anchor:
            c = next(c for c in ctx.doc_claims[dj] if c.id == cid)
            return f'<a href="#{ctx.claim_anchor[(dj, cid)]}">{esc(_basename(path))}:{c.line}</a>'
        return esc(ref)
    if (di, ref) in ctx.claim_anchor:
        c = next(c for c in ctx.doc_claims[di] if c.id == ref)
        return f'<a href="#{ctx.claim_anchor[(di, ref)]}">line {c.line}</a>'
    return esc(ref)


def _claims_panel(ctx: _Context, di: int, claims: list) -> str:
    if not claims:
        return '<h4>Claims</h4><p class="muted">No claims found.</p>'
    out = [f"<h4>Claims ({len(claims)})</h4><ul class=\"claimlist\">"]
    for ci, c in enumerate(claims):
        ctxt = [c.setting or "setting unspecified", c.modality]
        if c.subject:
            ctxt.insert(1, f"subject: {c.subject}")
        if c.target:
            ctxt.insert(len(ctxt) - 1, f"target: {c.target}")
        if c.vague:
            ctxt.append("vague")
        out.append(f'<li><span class="swatch {ctx.kinds.cls(c.kind)}"></span>'
                   f'<a href="#d{di}-c{ci}">line {c.line}</a> <b>{esc(ctx.kinds.label(c.kind))}</b> '
                   f'{esc(format_range(c.min, c.max, c.normalized.get("unit", "")))} '
                   f'<span class="quote">“{esc(_truncate(c.text, 80))}”</span> '
                   f'<span class="muted">{esc(", ".join(str(x) for x in ctxt))}</span></li>')
    out.append("</ul>")
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# Register


def _register_section(ctx: _Context) -> str:
    total = sum(len(cl) for cl in ctx.doc_claims)
    out = [f'<section id="register"><h2>Claims register <span class="meta">{_plural(total, "claim")}</span></h2>']
    if not total:
        out.append('<p class="muted">No claims.</p></section>')
        return "\n".join(out)
    head = ["#", "Kind", "Text", "Normalized value", "Setting", "Subject", "Modality", "Page"]
    if ctx.check:
        head.append("Verdict")
    out.append('<div class="tablewrap"><table class="register"><thead><tr>'
               + "".join(f"<th>{esc(h)}</th>" for h in head) + "</tr></thead><tbody>")
    n = 0
    for di, doc in enumerate(ctx.docs):
        for ci, c in enumerate(ctx.doc_claims[di]):
            n += 1
            anchor = f"d{di}-c{ci}"
            value = esc(format_range(c.min, c.max, c.normalized.get("unit", "")))
            flags = []
            if c.vague:
                flags.append('<span class="tag">vague</span>')
            if getattr(c, "approximate", False):
                flags.append('<span class="tag">approx.</span>')
            cells = [
                f'<td class="num">{n}</td>',
                f'<td class="kind"><span class="swatch {ctx.kinds.cls(c.kind)}"></span>{esc(ctx.kinds.label(c.kind))}</td>',
                f'<td class="ctext" title="{esc(_truncate(c.sentence or "", 400))}">“{esc(c.text)}”</td>',
                f'<td>{value} {" ".join(flags)}</td>',
                f'<td>{esc(c.setting) if c.setting else "<span class=muted>—</span>"}</td>',
                f'<td>{esc(c.subject) if c.subject else "<span class=muted>—</span>"}</td>',
                f"<td>{esc(c.modality)}</td>",
                f'<td class="page"><a href="#{anchor}" title="{esc(doc.path)}:{c.line}:{c.column}">'
                f"{esc(_basename(doc.path))}:{c.line}</a></td>",
            ]
            if ctx.check:
                fs = ctx.findings_on(di, c)
                rel = [f for f in ctx.related.get((di, c.id), []) if f not in fs]
                if fs:
                    badges = " ".join(
                        f'<a class="badge sev-{_sev(f.severity)}" href="#{ctx.finding_ids[id(f)]}" '
                        f'title="{esc(f.severity)} · {esc(f.rule)}: {esc(f.message)}">{esc(f.code)}</a>' for f in fs)
                    verdict = badges
                else:
                    verdict = '<span class="ok">ok</span>'
                if rel:
                    verdict += " " + " ".join(
                        f'<a class="relref" href="#{ctx.finding_ids[id(f)]}" title="{esc(f.message)}">'
                        f"(see {esc(f.code)})</a>" for f in rel)
                cells.append(f"<td>{verdict}</td>")
            out.append(f'<tr>{"".join(cells)}</tr>')
    out.append("</tbody></table></div></section>")
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# Charts

UNIT_AXIS = {"mm": "millimetres", "count": "count", "degree": "degrees", "percent": "percent"}


def _display_scale(unit: str, vmax: float) -> tuple[float, str]:
    """(factor from the normalized unit, axis unit name) so that the axis reads naturally."""
    if unit == "day":
        if vmax <= 4 / 24:
            return 1440.0, "minutes"
        if vmax <= 3:
            return 24.0, "hours"
        if vmax <= 35:
            return 1.0, "days"
        if vmax <= 400:
            return 1 / 7, "weeks"
        return 1 / 30, "months"
    return 1.0, UNIT_AXIS.get(unit, unit)


def _nice_step(span: float, target: int = 6) -> float:
    raw = span / target if span > 0 else 1.0
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * mag + 1e-12:
            return m * mag
    return 10 * mag


def _setting_text(setting) -> str:
    if setting is None:
        return "any setting"
    names = ["unspecified" if s is None else str(s) for s in setting]
    return "/".join(names) or "any setting"


def _match_entry(entries: list, setting: str | None, subject: str | None):
    """The reference entry a claim in this setting and about this subject is read against, if any:
    the most specific one whose setting and subject fit (needle-depth or indication conditions aside)."""
    best, best_score = None, -1
    for e in entries:
        if e.setting is not None and setting not in e.setting:
            continue
        if e.subject is not None and e.subject != subject:
            continue
        score = (2 if e.subject is not None else 0) + (1 if e.setting is not None else 0)
        if score > best_score:
            best, best_score = e, score
    return best


def _charts_section(ctx: _Context) -> str:
    groups: dict[tuple[str, str], list[tuple[int, object]]] = {}
    for di, cl in enumerate(ctx.doc_claims):
        for c in cl:
            if c.kind is None:
                continue
            unit = c.normalized.get("unit") or ""
            groups.setdefault((c.kind, unit), []).append((di, c))
    out = ['<section id="charts"><h2>Claimed ranges by kind</h2>']
    if not groups:
        out.append('<p class="muted">No claims to chart.</p></section>')
        return "\n".join(out)
    out.append(
        '<div class="legend chartlegend"><b>Legend:</b> '
        f'<span class="lg"><span class="sw" style="background:{ACCEPTED_COLOR}"></span>accepted band</span> '
        f'<span class="lg"><span class="sw" style="background:{TYPICAL_COLOR}"></span>typical band</span> '
        '<span class="lg"><span class="sw solid"></span>claimed range</span> '
        '<span class="lg"><span class="sw dashed"></span>vague claim</span> '
        '<span class="lg"><span class="sw fade"></span>open bound (arrow, fades to the edge)</span> '
        '<span class="lg">◆ single value</span>'
        + (' <span class="lg"><b class="sevtext-error">CC…</b> finding on the claim</span>' if ctx.check else "")
        + "</div>")
    ordered = sorted(groups, key=lambda k: (ctx.kinds.index.get(k[0], 10**6), k[1]))
    for gi, key in enumerate(ordered):
        out.append(_chart(ctx, gi, key[0], key[1], groups[key]))
    out.append("</section>")
    return "\n".join(out)


def _chart(ctx: _Context, gi: int, kind: str, unit: str, items: list) -> str:
    ref = ctx.report.reference
    entries = [e for e in (ref.entries_for(kind) if ref is not None else [])
               if (e.accepted is None or e.accepted.unit == unit) and (e.typical is None or e.typical.unit == unit)]
    values: list[float] = []
    for _, c in items:
        values += [v for v in (c.min, c.max) if v is not None]
    for e in entries:
        for r in (e.typical, e.accepted):
            if r is not None:
                values += [v for v in (r.min, r.max) if v is not None]
    vmax = max([v for v in values if v is not None and math.isfinite(v)] or [1.0])
    vmax = vmax if vmax > 0 else 1.0
    scale, axis_unit = _display_scale(unit, vmax)
    dmax = vmax * scale
    step = _nice_step(dmax * 1.04)
    top = math.ceil(dmax * 1.04 / step - 1e-9) * step
    if top <= dmax:
        top += step

    W, LABEL_W, RIGHT_W = 1080, 400, 96
    px0, px1 = LABEL_W + 8, W - RIGHT_W
    pw = px1 - px0
    ROW, PAD_T = 22, 30

    def x(v: float) -> float:
        return px0 + max(0.0, min(1.0, v * scale / top)) * pw

    items = sorted(items, key=lambda t: (t[1].setting or "~", t[1].subject or "", t[0], t[1].start))
    gap = 24 if entries else 0
    body_h = PAD_T + len(entries) * ROW + gap + len(items) * ROW
    H = body_h + 44
    color = ctx.kinds.color(kind)
    pre = f"ch{gi}"
    parts: list[str] = []
    grads = {
        "cl": (color, "l"), "cr": (color, "r"),
        "al": (ACCEPTED_COLOR, "l"), "ar": (ACCEPTED_COLOR, "r"),
        "tl": (TYPICAL_COLOR, "l"), "tr": (TYPICAL_COLOR, "r"),
    }
    defs = []
    for gid, (col, side) in grads.items():
        if side == "r":  # opaque on the left, fading to the right edge
            stops = f'<stop offset="0" stop-color="{col}" stop-opacity="1"/><stop offset="0.55" stop-color="{col}" stop-opacity="0.8"/><stop offset="1" stop-color="{col}" stop-opacity="0.05"/>'
        else:
            stops = f'<stop offset="0" stop-color="{col}" stop-opacity="0.05"/><stop offset="0.45" stop-color="{col}" stop-opacity="0.8"/><stop offset="1" stop-color="{col}" stop-opacity="1"/>'
        defs.append(f'<linearGradient id="{pre}-{gid}" x1="0" y1="0" x2="1" y2="0">{stops}</linearGradient>')
    parts.append(f"<defs>{''.join(defs)}</defs>")

    # grid and axis
    axis_y = body_h + 4
    t = 0.0
    ticks = []
    while t <= top + 1e-9:
        ticks.append(t)
        t += step
    for tv in ticks:
        gx = px0 + tv / top * pw
        parts.append(f'<line x1="{gx:.1f}" y1="{PAD_T - 6}" x2="{gx:.1f}" y2="{axis_y}" class="grid"/>')
        parts.append(f'<text x="{gx:.1f}" y="{axis_y + 15}" class="tick" text-anchor="middle">{esc(format_number(round(tv, 4)))}</text>')
        if len(items) > 12:  # long charts get the scale at the top too
            parts.append(f'<text x="{gx:.1f}" y="{PAD_T - 10}" class="tick" text-anchor="middle">{esc(format_number(round(tv, 4)))}</text>')
    parts.append(f'<line x1="{px0}" y1="{axis_y}" x2="{px1}" y2="{axis_y}" class="axis"/>')
    parts.append(f'<text x="{(px0 + px1) / 2:.1f}" y="{axis_y + 34}" class="axislabel" text-anchor="middle">'
                 f'{esc(ctx.kinds.label(kind))} ({esc(axis_unit)})</text>')
    if entries:
        parts.append(f'<text x="4" y="{PAD_T - 10}" class="group">Reference</text>')
    parts.append(f'<text x="4" y="{PAD_T + len(entries) * ROW + gap - 4}" class="group">Claims</text>'
                 if entries else f'<text x="4" y="{PAD_T - 10}" class="group">Claims</text>')

    def bar(lo, hi, y, h, fill_id_l, fill_id_r, solid, extra="", arrow_color=None):
        """A range bar; open bounds run to the plot edge, fading, with an arrowhead."""
        out = []
        x1 = px0 if lo is None else x(lo)
        x2 = px1 if hi is None else x(hi)
        if lo is None and hi is None:
            fill = f'url(#{fill_id_r})'
        elif lo is None:
            fill = f'url(#{fill_id_l})'
        elif hi is None:
            fill = f'url(#{fill_id_r})'
        else:
            fill = solid
        if lo is not None and hi is not None and x2 - x1 < 3:
            cx, cy, r = (x1 + x2) / 2, y + h / 2, h / 2 + 1.5
            out.append(f'<path d="M{cx:.1f} {cy - r:.1f}L{cx + r:.1f} {cy:.1f}L{cx:.1f} {cy + r:.1f}L{cx - r:.1f} {cy:.1f}Z" '
                       f'fill="{solid}" {extra}/>')
            return "".join(out)
        out.append(f'<rect x="{x1:.1f}" y="{y:.1f}" width="{max(x2 - x1, 1):.1f}" height="{h}" rx="2" fill="{fill}" {extra}/>')
        ac = arrow_color or solid
        my = y + h / 2
        if lo is None:
            out.append(f'<path d="M{px0 - 7:.1f} {my:.1f}L{px0:.1f} {my - 5:.1f}L{px0:.1f} {my + 5:.1f}Z" fill="{ac}" opacity="0.7"/>')
        if hi is None:
            out.append(f'<path d="M{px1 + 7:.1f} {my:.1f}L{px1:.1f} {my - 5:.1f}L{px1:.1f} {my + 5:.1f}Z" fill="{ac}" opacity="0.7"/>')
        return "".join(out)

    y = PAD_T
    for e in entries:
        label = f"{e.id} · {_setting_text(e.setting)}" + (f" · {e.subject}" if e.subject else "")
        desc = [f"Reference entry {e.id} ({_setting_text(e.setting)}" + (f", subject {e.subject}" if e.subject else "") + ")"]
        if e.typical is not None:
            desc.append(f"typical: {format_range(e.typical.min, e.typical.max, unit)}")
        if e.accepted is not None:
            desc.append(f"accepted: {format_range(e.accepted.min, e.accepted.max, unit)}")
        if e.rationale:
            desc.append(str(e.rationale))
        parts.append(f'<g class="band"><title>{esc(chr(10).join(desc))}</title>')
        parts.append(f'<text x="4" y="{y + 15}" class="rowlabel ref">{esc(_truncate(label, 58))}</text>')
        if e.accepted is not None:
            parts.append(bar(e.accepted.min, e.accepted.max, y + 3, ROW - 6, f"{pre}-al", f"{pre}-ar", ACCEPTED_COLOR,
                             arrow_color="#9aa8b8"))
        if e.typical is not None:
            parts.append(bar(e.typical.min, e.typical.max, y + 7, ROW - 14, f"{pre}-tl", f"{pre}-tr", TYPICAL_COLOR))
        parts.append("</g>")
        y += ROW
    if entries:
        parts.append(f'<line x1="0" y1="{y + 3:.1f}" x2="{W}" y2="{y + 3:.1f}" class="sep"/>')
        y += gap

    # behind each run of claims with the same setting and subject: the band of the entry for them
    gy = y
    k = 0
    while k < len(items):
        key = (items[k][1].setting, items[k][1].subject)
        m = k
        while m < len(items) and (items[m][1].setting, items[m][1].subject) == key:
            m += 1
        e = _match_entry(entries, *key)
        y0, y1 = gy + k * ROW, gy + m * ROW
        if k:
            parts.append(f'<line x1="0" y1="{y0:.1f}" x2="{W}" y2="{y0:.1f}" class="groupsep"/>')
        if e is not None:
            parts.append(f"<g class=\"shade\"><title>{esc(f'Shaded: reference entry {e.id}')}</title>")
            for r, cls in ((e.accepted, "shade-acc"), (e.typical, "shade-typ")):
                if r is None:
                    continue
                sx1 = px0 if r.min is None else x(r.min)
                sx2 = px1 if r.max is None else x(r.max)
                if sx2 - sx1 < 2:
                    sx1, sx2 = sx1 - 1, sx2 + 1
                parts.append(f'<rect x="{sx1:.1f}" y="{y0:.1f}" width="{sx2 - sx1:.1f}" height="{y1 - y0:.1f}" class="{cls}"/>')
            parts.append("</g>")
        k = m

    for di, c in items:
        doc = ctx.docs[di]
        fs = ctx.findings_on(di, c) if ctx.check else []
        worst = _worst(f.severity for f in fs)
        setting = c.setting or "unspecified"
        label = f"{setting}{' · ' + c.subject if c.subject else ''} · {_basename(doc.path)}:{c.line} “{_truncate(c.text, 60)}”"
        title = (f"{doc.path}:{c.line}:{c.column} “{c.text}”\n{_claim_title(ctx, c, fs)}")
        anchor = ctx.claim_anchor.get((di, c.id), "")
        extra_attr = 'stroke-dasharray="4 3" stroke="#333" stroke-width="1.2" fill-opacity="0.45"' if c.vague else ""
        if worst and not c.vague:
            extra_attr = f'stroke="{SEVERITY_COLORS[_sev(worst)]}" stroke-width="2"'
        elif worst:
            extra_attr = f'stroke-dasharray="4 3" stroke="{SEVERITY_COLORS[_sev(worst)]}" stroke-width="2" fill-opacity="0.45"'
        parts.append(f'<a href="#{anchor}"><g class="claimrow"><title>{esc(title)}</title>')
        parts.append(f'<rect x="0" y="{y}" width="{W}" height="{ROW}" class="rowbg"/>')
        lab_cls = "rowlabel" + (" hyp" if c.modality != "asserted" else "")
        parts.append(f'<text x="4" y="{y + 15}" class="{lab_cls}">{esc(_truncate(label, 60))}</text>')
        parts.append(bar(c.min, c.max, y + 5, ROW - 10, f"{pre}-cl", f"{pre}-cr", color, extra=extra_attr))
        if fs:
            codes = " ".join(dict.fromkeys(f.code for f in fs))
            parts.append(f'<text x="{px1 + 12}" y="{y + 15}" class="codes" fill="{SEVERITY_COLORS[_sev(worst)]}">'
                         f'{esc(_truncate(codes, 14))}</text>')
        parts.append("</g></a>")
        y += ROW

    label = ctx.kinds.label(kind)
    svg = (f'<svg class="chart" viewBox="0 0 {W} {H}" width="{W}" height="{H}" role="img" '
           f'aria-label="{esc(label)}: {len(items)} claimed ranges against {len(entries)} reference bands" '
           f'xmlns="http://www.w3.org/2000/svg">' + "".join(parts) + "</svg>")
    caption = (f"<b>{esc(label)}</b> — {_plural(len(items), 'claim')}, "
               f"{_plural(len(entries), 'reference entry', 'reference entries')}; axis in {esc(axis_unit)}.")
    if not entries:
        caption += " No reference entry for this kind."
    else:
        caption += (' <span class="muted">Behind each group of claims (same setting and subject), the bands of '
                    "the reference entry that applies to it are shaded.</span>")
    return f'<figure class="chartbox" id="chart-{gi}"><figcaption>{caption}</figcaption>{svg}</figure>'


# ---------------------------------------------------------------------------------------------

STYLE = """
:root{--fg:#1f2328;--muted:#656d76;--line:#d0d7de;--bg:#ffffff;--soft:#f6f8fa;
--err:#c62828;--warn:#b26a00;--info:#1565c0;--ok:#2e7d32}
*{box-sizing:border-box}
body{margin:0;padding:0 28px 40px;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:24px;margin:18px 0 4px}
h2{font-size:20px;margin:34px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--line)}
h3{font-size:15px;margin:0 0 8px}
h4{font-size:14px;margin:0 0 8px}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.92em}
a{color:#0b57d0}
.sub,.muted,.meta,.note{color:var(--muted)}
.meta{font-weight:normal;font-size:13px;margin-left:6px}
.note{font-size:12px;margin:0 0 4px}
header.top{border-bottom:1px solid var(--line);padding-bottom:12px}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}
.card{border:1px solid var(--line);border-radius:8px;padding:8px 16px;min-width:110px;background:var(--soft);color:var(--muted)}
.card .num{display:block;font-size:26px;font-weight:700;color:var(--fg);line-height:1.2}
.card.sev-error{border-color:var(--err)}.card.sev-error .num{color:var(--err)}
.card.sev-warning{border-color:var(--warn)}.card.sev-warning .num{color:var(--warn)}
.card.sev-info{border-color:var(--info)}.card.sev-info .num{color:var(--info)}
.card.bad{border-color:var(--err);background:#fdecea}.card.bad .num{color:var(--err)}
.card.zero{opacity:.6}.card.zero .num{color:var(--muted)}
.unreadable{border:1px solid var(--err);background:#fdecea;border-radius:8px;padding:4px 14px;margin:8px 0}
.unreadable h2{border:0;font-size:15px;margin:6px 0}
nav{margin-top:8px}
.toc{margin:6px 0 0;padding-left:22px;columns:2;column-gap:32px}
.toc li{break-inside:avoid;margin:2px 0}
.count{color:var(--muted);font-size:12px}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;color:#fff;background:#777;text-decoration:none;line-height:18px;white-space:nowrap}
a.badge:hover{filter:brightness(1.15)}
.badge.sev-error{background:var(--err)}.badge.sev-warning{background:var(--warn)}.badge.sev-info{background:var(--info)}.badge.bad{background:var(--err)}
.legend{margin:6px 0 14px;display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center;font-size:13px}
.lg{white-space:nowrap}
.sw{display:inline-block;width:26px;height:11px;border-radius:2px;vertical-align:middle;margin-right:5px}
.sw.solid{background:#4e79a7}
.sw.dashed{background:rgba(78,121,167,.45);border:1.5px dashed #333}
.sw.fade{background:linear-gradient(to right,#4e79a7,rgba(78,121,167,.05))}
.sevtext-error{color:var(--err)}
section.doc{border:1px solid var(--line);border-radius:10px;padding:14px 16px;margin:0 0 22px;background:#fff}
.docgrid{display:grid;grid-template-columns:minmax(0,3fr) minmax(300px,2fr);gap:16px;align-items:start}
@media (max-width:1000px){.docgrid{grid-template-columns:1fr}}
.text{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:12.5px;line-height:1.75;
background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:6px 8px 6px 0;overflow:auto}
details.fold>summary{cursor:pointer;list-style:none;margin:2px 0 2px 52px;padding:0 8px;font-family:system-ui,sans-serif;font-size:11.5px;color:var(--muted);background:#e9edf1;border-radius:4px;display:inline-block}
details.fold>summary::-webkit-details-marker{display:none}
details.fold>summary::before{content:"\\22EE  show "}
details.fold[open]>summary::before{content:"hide "}
.ln{white-space:pre-wrap;overflow-wrap:anywhere;padding-left:52px;position:relative;min-height:1.75em}
.ln::before{content:attr(data-n);position:absolute;left:0;width:42px;text-align:right;color:#9aa0a6;user-select:none}
.ln:target{background:#fff8c5}
mark.claim{background:var(--kbg);color:inherit;border-bottom:2px solid var(--kc);border-radius:3px;padding:1px 0}
mark.claim.vague{border-bottom-style:dashed}
mark.claim.flagged{outline:1.5px solid var(--err);outline-offset:0}
mark.claim.fl-warning{outline-color:var(--warn)}mark.claim.fl-info{outline-color:var(--info)}
.legend mark.claim.flagged{padding:0 4px}
.legend mark.claim{padding:0 5px}
.klabel{display:inline-block;font-family:system-ui,sans-serif;font-size:10px;font-weight:700;line-height:14px;color:#fff;background:var(--kc);border-radius:3px;padding:0 4px;margin:0 2px 0 3px;vertical-align:1px;text-transform:uppercase;letter-spacing:.02em;white-space:nowrap}
.fu{text-decoration:underline wavy;text-decoration-thickness:1.5px;text-underline-offset:3px}
.fu.u-error{text-decoration-color:var(--err)}.fu.u-warning{text-decoration-color:var(--warn)}.fu.u-info{text-decoration-color:var(--info)}
.anchor{scroll-margin-top:80px}
.finding{border:1px solid var(--line);border-left:5px solid #999;border-radius:6px;padding:8px 10px;margin:0 0 10px;background:#fff}
.finding.sev-error{border-left-color:var(--err)}.finding.sev-warning{border-left-color:var(--warn)}.finding.sev-info{border-left-color:var(--info)}
.finding:target{box-shadow:0 0 0 3px #fff0a0}
.fhead{display:flex;flex-wrap:wrap;gap:6px;align-items:center}
.fhead .code{font-weight:700}
.fhead .rule{color:var(--muted)}
.fhead .loc{margin-left:auto;font-size:12px}
.msg{margin:6px 0 4px}
.quote{color:#444;font-style:italic;margin:2px 0;overflow-wrap:anywhere}
.suggest{margin:4px 0;color:#1b5e20}
.fmeta{font-size:12px;color:var(--muted);margin:4px 0}
ul.sources{margin:4px 0 0;padding-left:18px;font-size:12px}
ul.sources li{overflow-wrap:anywhere}
.rawurl{color:var(--muted)}
.ok-box{color:var(--ok);background:#edf7ed;border-radius:6px;padding:6px 10px}
.error-box{color:var(--err);background:#fdecea;border-radius:6px;padding:6px 10px}
.warn-box{color:#6d4c00;background:#fff4e5;border-radius:6px;padding:6px 10px;margin:0 0 8px}
ul.claimlist{list-style:none;padding:0;margin:0}
ul.claimlist li{padding:4px 0;border-bottom:1px solid #eee}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;background:var(--kc);margin-right:6px;vertical-align:0}
.tablewrap{overflow:auto}
table.register{border-collapse:collapse;width:100%;font-size:13px}
table.register th{position:sticky;top:0;background:#eef1f4;text-align:left;padding:6px 8px;border-bottom:2px solid var(--line);white-space:nowrap}
table.register td{padding:5px 8px;border-bottom:1px solid #e5e8eb;vertical-align:top}
table.register tbody tr:nth-child(even){background:#fafbfc}
table.register tbody tr:hover{background:#fff8c5}
td.num{color:var(--muted);text-align:right}
td.ctext{max-width:360px}
td.page{white-space:nowrap}
.tag{display:inline-block;font-size:11px;border:1px solid #bbb;border-radius:8px;padding:0 6px;color:#555}
.ok{color:var(--ok);font-weight:600}
.relref{font-size:12px;color:var(--muted);white-space:nowrap}
td.kind{white-space:nowrap}
figure.chartbox{margin:0 0 24px;border:1px solid var(--line);border-radius:10px;padding:10px 12px;overflow-x:auto}
figcaption{margin-bottom:4px}
svg.chart{display:block;max-width:100%;height:auto;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
svg .grid{stroke:#e3e6ea;stroke-width:1}
svg .axis{stroke:#666;stroke-width:1}
svg .sep{stroke:#c8ccd0;stroke-dasharray:2 3}
svg .tick{font-size:11px;fill:#555}
svg .axislabel{font-size:12px;fill:#333;font-weight:600}
svg .group{font-size:11px;fill:#666;font-weight:700;text-transform:uppercase;letter-spacing:.05em}
svg .rowlabel{font-size:12px;fill:#222}
svg .rowlabel.ref{fill:#34495e;font-style:italic}
svg .rowlabel.hyp{fill:#666;font-style:italic}
svg .codes{font-size:11.5px;font-weight:700}
svg .rowbg{fill:transparent}
svg .shade-acc{fill:#d6dce4;fill-opacity:.45}
svg .shade-typ{fill:#636b75;fill-opacity:.13}
svg .groupsep{stroke:#e0e3e7;stroke-width:1}
svg a:hover .rowbg{fill:#fff8c5}
footer{margin-top:36px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);padding-top:8px}
@media print{.text,.side{max-height:none;overflow:visible}}
""".strip()
