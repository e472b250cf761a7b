"""Load and validate a reference file (claims.yaml). Every mistake is reported with file, line
and field; `ReferenceError` carries them all, its message is the first, on one line."""
from __future__ import annotations

import os
import re
from collections.abc import Hashable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..nlp import units as unitlib
from .model import (
    DIMENSIONS,
    NORMALIZED_UNITS,
    SETTINGS,
    SEVERITIES,
    Cue,
    Entry,
    Kind,
    PhraseCheck,
    Range,
    Reference,
    SafetyTopic,
    SourceRef,
)
from .yamlfile import LineDict, YamlError, load_yaml_file, load_yaml_text

RULES_WITH_ENTRIES = {"reference-contradiction", "risky-home-use"}
PHRASE_RULES = {"absolute-claim", "risky-home-use"}
TOP_LEVEL = {
    "version", "name", "description", "sources", "settings", "modality", "indications", "kinds",
    "entries", "phrases", "safety", "rules", "comparisons",
}


class ReferenceError(Exception):
    """A reference file that cannot be used. `str()` is the first problem, on one line."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__(errors[0] + (f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""))
        self.errors = errors


def default_reference_path() -> str:
    """claims.yaml inside the installed package, or at the repository root in a source checkout."""
    packaged = resources.files("claimcheck").joinpath("claims.yaml")
    if packaged.is_file():
        return str(packaged)
    return str(Path(__file__).resolve().parents[2] / "claims.yaml")


def load_reference(path: str | os.PathLike | None = None) -> Reference:
    """Load a reference file (the shipped one by default); cached per path and modification time."""
    p = str(path) if path is not None else default_reference_path()
    try:
        mtime = os.stat(p).st_mtime_ns
    except OSError:
        mtime = -1
    return _load_cached(p, mtime)


@lru_cache(maxsize=8)
def _load_cached(path: str, mtime: int) -> Reference:
    try:
        data = load_yaml_file(path)
    except YamlError as exc:
        raise ReferenceError([str(exc)]) from None
    return build_reference(data, path)


def load_reference_text(text: str, path: str = "<reference>") -> Reference:
    try:
        data = load_yaml_text(text, path)
    except YamlError as exc:
        raise ReferenceError([str(exc)]) from None
    return build_reference(data, path)


def _one_of(value: Any, allowed) -> bool:
    """`value in allowed`, false (not a TypeError) when the YAML gave a list or mapping."""
    return isinstance(value, Hashable) and value in allowed


class _Validator:
    def __init__(self, path: str) -> None:
        self.path = path
        self.errors: list[str] = []

    def error(self, line: int, field: str, message: str) -> None:
        self.errors.append(f"{self.path}:{line}: {field}: {message}")

    def mapping(self, value: Any, line: int, field: str) -> LineDict:
        if isinstance(value, LineDict):
            return value
        if value is not None:
            self.error(line, field, f"expected a mapping, got {type(value).__name__}")
        empty = LineDict()
        empty.line, empty.key_lines = line, {}
        return empty

    def strings(self, value: Any, line: int, field: str) -> list[str]:
        if value is None:
            return []
        if isinstance(value, str):
            return [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.error(line, field, "expected a list of non-empty strings")
            return []
        return [v for v in value]

    def phrases(self, value: Any, line: int, field: str) -> list[str]:
        """A list of phrases, lowercased, each written with alternatives expanded: `(a|b)` is one of a
        or b, `[a|b]` one of them or nothing ("press [down] [quite|really] (hard|firmly)")."""
        out: list[str] = []
        for phrase in self.strings(value, line, field):
            try:
                out.extend(expand_phrase(phrase.lower()))
            except ValueError as e:
                self.error(line, field, f"{phrase!r}: {e}")
        return out

    def text(self, m: LineDict, key: str, field: str, required: bool = True) -> str:
        value = m.get(key)
        if value is None:
            if required:
                self.error(m.line, f"{field}.{key}", "missing")
            return ""
        if not isinstance(value, str) or not value.strip():
            self.error(m.line_of(key), f"{field}.{key}", "expected a non-empty string")
            return ""
        return value.strip()

    def unknown_keys(self, m: LineDict, allowed: set[str], field: str) -> None:
        for key in m:
            if key not in allowed:
                self.error(m.line_of(key), f"{field}.{key}", f"unknown field (expected one of: {', '.join(sorted(allowed))})")


MAX_EXPANSIONS = 1024
_GROUP = re.compile(r"\(([^()\[\]]*)\)|\[([^()\[\]]*)\]")


def expand_phrase(phrase: str) -> list[str]:
    """Every phrase that `phrase` stands for, with `(a|b)` and `[a|b]` groups expanded (no nesting)."""
    pieces: list[list[str]] = []
    pos = 0
    for m in _GROUP.finditer(phrase):
        pieces.append([phrase[pos : m.start()]])
        required, optional = m.group(1), m.group(2)
        options = (required if required is not None else optional).split("|")
        if any(not o.strip() for o in options):
            raise ValueError("empty alternative in a group")
        pieces.append(options + ([""] if optional is not None else []))
        pos = m.end()
    rest = phrase[pos:]
    if any(c in rest for c in "()[]") or any(c in p for piece in pieces[::2] for p in piece for c in "()[]"):
        raise ValueError("unbalanced or nested brackets (write (a|b) or [a|b], not nested)")
    pieces.append([rest])
    count = 1
    for piece in pieces:
        count *= len(piece)
    if count > MAX_EXPANSIONS:
        raise ValueError(f"stands for {count} phrases (at most {MAX_EXPANSIONS})")
    out = [""]
    for piece in pieces:
        out = [a + b for a in out for b in piece]
    return [" ".join(p.split()) for p in out if p.strip()]


def build_reference(data: Any, path: str) -> Reference:
    v = _Validator(path)
    if not isinstance(data, LineDict):
        raise ReferenceError([f"{path}:1: top level: expected a mapping with kinds, entries and sources"])
    v.unknown_keys(data, TOP_LEVEL, "top level")

    sources = _sources(v, data)
    kinds = _kinds(v, data)
    settings, discounts, setting_not_cues = _settings(v, data)
    modality, terminators, myth_headings, warning_headings, fact_labels, hedges, debunk_cues, qualifiers = _modality(v, data)
    indications = _named_cue_lists(v, data.get("indications"), data.line_of("indications"), "indications")
    raw_comparisons = v.mapping(data.get("comparisons"), data.line_of("comparisons"), "comparisons")
    v.unknown_keys(raw_comparisons, {"ours", "others"}, "comparisons")
    comparisons = _named_cue_lists(v, raw_comparisons, data.line_of("comparisons"), "comparisons")
    entries = _entries(v, data, kinds, sources, indications)
    phrases = _phrases(v, data, sources)
    topics, safety_sources = _safety(v, data, sources)
    rule_severity = _rule_severity(v, data)

    if v.errors:
        raise ReferenceError(v.errors)
    return Reference(
        path=path,
        name=str(data.get("name") or Path(path).stem),
        version=str(data.get("version") or "1"),
        sources=sources,
        kinds=kinds,
        entries=entries,
        phrase_checks=phrases,
        settings=settings,
        setting_discounts=discounts,
        setting_not_cues=setting_not_cues,
        modality=modality,
        terminators=terminators,
        myth_headings=myth_headings,
        warning_headings=warning_headings,
        fact_labels=fact_labels,
        debunk_cues=debunk_cues,
        hedges=hedges,
        qualifiers=qualifiers,
        indications=indications,
        own_treatment=comparisons.get("ours", []),
        other_treatments=comparisons.get("others", []),
        safety_topics=topics,
        safety_sources=safety_sources,
        rule_severity=rule_severity,
    )


def _sources(v: _Validator, data: LineDict) -> dict[str, SourceRef]:
    raw = v.mapping(data.get("sources"), data.line_of("sources"), "sources")
    if not raw:
        v.error(data.line, "sources", "missing: every entry must cite at least one source")
    out: dict[str, SourceRef] = {}
    for sid, body in raw.items():
        field = f"sources.{sid}"
        m = v.mapping(body, raw.line_of(sid), field)
        v.unknown_keys(m, {"title", "url", "kind"}, field)
        title = v.text(m, "title", field)
        url = v.text(m, "url", field)
        if url and not url.startswith(("http://", "https://")):
            v.error(m.line_of("url"), f"{field}.url", f"expected an http(s) address, got {url!r}")
        out[str(sid)] = SourceRef(str(sid), title, url)
    return out


def _cues(v: _Validator, value: Any, line: int, field: str) -> list[Cue]:
    if value is None:
        return []
    if isinstance(value, list):
        out = []
        for i, item in enumerate(value):
            if isinstance(item, str) and item.strip():
                out.extend(Cue(p) for p in v.phrases(item.strip(), line, f"{field}[{i}]"))
            else:
                v.error(line, f"{field}[{i}]", "expected a non-empty string")
        return out
    if isinstance(value, LineDict):
        out = []
        for phrase, weight in value.items():
            if not isinstance(weight, (int, float)) or isinstance(weight, bool) or weight <= 0:
                v.error(value.line_of(phrase), f"{field}.{phrase}", "weight must be a positive number")
                continue
            out.extend(Cue(p, float(weight)) for p in v.phrases(str(phrase).strip(), value.line_of(phrase), f"{field}.{phrase}"))
        return out
    v.error(line, field, "expected a list of phrases or a mapping of phrase: weight")
    return []


def _hyphenated_too(cues: list[Cue]) -> list[Cue]:
    """Setting cues also written with hyphens: "home treatments" is a channel's "home-treatments"."""
    written = {c.phrase for c in cues}
    extra = [Cue(c.phrase.replace(" ", "-"), c.weight) for c in cues
             if " " in c.phrase and c.phrase.replace(" ", "-") not in written]
    return cues + extra


def _named_cue_lists(v: _Validator, value: Any, line: int, field: str) -> dict[str, list[str]]:
    m = v.mapping(value, line, field)
    out: dict[str, list[str]] = {}
    for name, phrases in m.items():
        out[str(name)] = [p.lower() for p in v.strings(phrases, m.line_of(name), f"{field}.{name}")]
    return out


KIND_FIELDS = {
    "label", "description", "dimension", "cues", "subjects", "targets", "subject_required", "default_subject",
    "accepts_immediate", "accepts_frequency", "advice_cues_are_claim", "quantity_phrases", "plausible", "consistency",
    "consistency_ratio", "consistency_except", "singular_requires", "singular_mentions", "bare_numbers", "not_cues",
    "timeline", "setting_by_value",
}


def _ratio(v: _Validator, m: LineDict, field: str) -> float:
    value = m.get("consistency_ratio", 1)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 1 <= value < float("inf"):
        v.error(m.line_of("consistency_ratio"), f"{field}.consistency_ratio", f"must be a number of at least 1, not {value!r}")
        return 1.0
    return float(value)


def _settings_list(v: _Validator, m: LineDict, key: str, field: str) -> list[str]:
    values = v.strings(m.get(key), m.line_of(key), f"{field}.{key}")
    for value in values:
        if value not in SETTINGS:
            v.error(m.line_of(key), f"{field}.{key}", f"{value!r} is not a setting (expected one of {', '.join(SETTINGS)})")
    return [value for value in values if value in SETTINGS]


def _kinds(v: _Validator, data: LineDict) -> dict[str, Kind]:
    raw = v.mapping(data.get("kinds"), data.line_of("kinds"), "kinds")
    if not raw:
        v.error(data.line, "kinds", "missing: define at least one kind of claim")
    kinds: dict[str, Kind] = {}
    for kid, body in raw.items():
        field = f"kinds.{kid}"
        m = v.mapping(body, raw.line_of(kid), field)
        v.unknown_keys(m, KIND_FIELDS, field)
        dimension = m.get("dimension")
        if not _one_of(dimension, DIMENSIONS):
            v.error(m.line_of("dimension"), f"{field}.dimension", f"expected one of {', '.join(sorted(DIMENSIONS))}, got {dimension!r}")
        cues = _cues(v, m.get("cues"), m.line_of("cues"), f"{field}.cues")
        if not cues:
            v.error(m.line_of("cues"), f"{field}.cues", "missing: a kind needs cue words that decide it")
        subjects = _named_cue_lists(v, m.get("subjects"), m.line_of("subjects"), f"{field}.subjects")
        targets = _named_cue_lists(v, m.get("targets"), m.line_of("targets"), f"{field}.targets")
        phrases: dict[str, tuple[float, float]] = {}
        qp = v.mapping(m.get("quantity_phrases"), m.line_of("quantity_phrases"), f"{field}.quantity_phrases")
        for phrase, bounds in qp.items():
            if (
                not isinstance(bounds, list) or len(bounds) != 2
                or not all(isinstance(b, (int, float)) and not isinstance(b, bool) for b in bounds)
            ):
                v.error(qp.line_of(phrase), f"{field}.quantity_phrases.{phrase}", "expected [min, max]")
                continue
            if bounds[0] > bounds[1]:
                v.error(qp.line_of(phrase), f"{field}.quantity_phrases.{phrase}", f"min {bounds[0]} > max {bounds[1]}")
            phrases[str(phrase).lower()] = (float(bounds[0]), float(bounds[1]))
        default_subject = m.get("default_subject")
        if default_subject is not None and not _one_of(default_subject, subjects):
            v.error(m.line_of("default_subject"), f"{field}.default_subject", f"unknown subject {default_subject!r}")
        plausible = None
        if m.get("plausible") is not None and _one_of(dimension, DIMENSIONS):
            probe = Kind(str(kid), "", str(dimension), cues)
            plausible = _range(v, m.get("plausible"), m.line_of("plausible"), f"{field}.plausible", probe)
        bare_numbers, bare_unit = None, None
        if m.get("bare_numbers") is not None and _one_of(dimension, DIMENSIONS):
            probe = Kind(str(kid), "", str(dimension), cues)
            bare_numbers = _range(v, m.get("bare_numbers"), m.line_of("bare_numbers"), f"{field}.bare_numbers", probe)
            if bare_numbers is not None:
                bare_unit = str(m["bare_numbers"]["unit"])
        by_value: dict[str, Range] = {}
        if m.get("setting_by_value") is not None and _one_of(dimension, DIMENSIONS):
            sbv = v.mapping(m.get("setting_by_value"), m.line_of("setting_by_value"), f"{field}.setting_by_value")
            v.unknown_keys(sbv, set(SETTINGS), f"{field}.setting_by_value")
            probe = Kind(str(kid), "", str(dimension), cues)
            for setting in SETTINGS:
                if sbv.get(setting) is not None:
                    rng = _range(v, sbv.get(setting), sbv.line_of(setting), f"{field}.setting_by_value.{setting}", probe)
                    if rng is not None:
                        by_value[setting] = rng
        kinds[str(kid)] = Kind(
            id=str(kid),
            label=str(m.get("label") or kid),
            dimension=str(dimension),
            cues=cues,
            subjects=subjects,
            targets=targets,
            subject_required=bool(m.get("subject_required", False)),
            default_subject=default_subject,
            accepts_immediate=bool(m.get("accepts_immediate", False)),
            accepts_frequency=bool(m.get("accepts_frequency", False)),
            advice_cues_are_claim=bool(m.get("advice_cues_are_claim", False)),
            quantity_phrases=phrases,
            description=str(m.get("description") or ""),
            plausible=plausible,
            consistency=bool(m.get("consistency", True)),
            consistency_ratio=_ratio(v, m, field),
            consistency_except=_settings_list(v, m, "consistency_except", field),
            singular_requires=[p.lower() for p in v.strings(m.get("singular_requires"), m.line_of("singular_requires"), f"{field}.singular_requires")],
            singular_mentions=[p.lower() for p in v.strings(m.get("singular_mentions"), m.line_of("singular_mentions"), f"{field}.singular_mentions")],
            timeline=bool(m.get("timeline", False)),
            not_cues=[p.lower() for p in v.strings(m.get("not_cues"), m.line_of("not_cues"), f"{field}.not_cues")],
            bare_numbers=bare_numbers,
            bare_unit=bare_unit,
            setting_by_value=by_value,
        )
    return kinds


def _settings(v: _Validator, data: LineDict) -> tuple[dict[str, list[Cue]], list[str], list[str]]:
    m = v.mapping(data.get("settings"), data.line_of("settings"), "settings")
    v.unknown_keys(m, set(SETTINGS) | {"discount_after", "not_cues"}, "settings")
    out = {s: _hyphenated_too(_cues(v, m.get(s), m.line_of(s), f"settings.{s}")) for s in SETTINGS}
    return (out, v.phrases(m.get("discount_after"), m.line_of("discount_after"), "settings.discount_after"),
            [p.lower() for p in v.strings(m.get("not_cues"), m.line_of("not_cues"), "settings.not_cues")])


MODALITY_CATEGORIES = ("warning", "negated", "hypothetical")


def _modality(v: _Validator, data: LineDict):
    m = v.mapping(data.get("modality"), data.line_of("modality"), "modality")
    v.unknown_keys(m, set(MODALITY_CATEGORIES) | {"terminators", "myth_headings", "warning_headings", "fact_labels", "debunk_cues", "hedges", "qualifiers"}, "modality")
    cats: dict[str, dict[str, list[str]]] = {}
    for cat in MODALITY_CATEGORIES:
        cm = v.mapping(m.get(cat), m.line_of(cat), f"modality.{cat}")
        v.unknown_keys(cm, {"forward", "backward"}, f"modality.{cat}")
        cats[cat] = {
            d: v.phrases(cm.get(d), cm.line_of(d), f"modality.{cat}.{d}")
            for d in ("forward", "backward")
        }
    def lst(key: str) -> list[str]:
        return v.phrases(m.get(key), m.line_of(key), f"modality.{key}")
    return (cats, lst("terminators"), lst("myth_headings"), lst("warning_headings"), lst("fact_labels"), lst("hedges"),
            lst("debunk_cues"), lst("qualifiers"))


def _range(v: _Validator, value: Any, line: int, field: str, kind: Kind | None) -> Range | None:
    m = v.mapping(value, line, field)
    if not m:
        return None
    v.unknown_keys(m, {"min", "max", "unit"}, field)
    lo, hi = m.get("min"), m.get("max")
    for key, val in (("min", lo), ("max", hi)):
        if val is not None and (not isinstance(val, (int, float)) or isinstance(val, bool)):
            v.error(m.line_of(key), f"{field}.{key}", f"expected a number or null, got {val!r}")
            return None
    if lo is None and hi is None:
        v.error(m.line, field, "needs min or max")
        return None
    unit_name = m.get("unit")
    unit = unitlib.lookup(str(unit_name)) if isinstance(unit_name, str) else None
    if unit is None:
        v.error(m.line_of("unit"), f"{field}.unit", f"unknown unit {unit_name!r}")
        return None
    if kind is not None and unit.dimension != kind.dimension:
        v.error(m.line_of("unit"), f"{field}.unit", f"unit {unit_name!r} is a {unit.dimension}, but kind {kind.id} is a {kind.dimension}")
        return None
    if lo is not None and hi is not None and lo > hi:
        v.error(m.line_of("min"), f"{field}", f"min {lo} > max {hi}")
        return None
    f = unit.factor
    return Range(None if lo is None else lo * f, None if hi is None else hi * f, NORMALIZED_UNITS[unit.dimension])


DEPTH_UNSTATED = ("apply", "skip")


def _depth_condition(v: _Validator, ctx: LineDict, field: str) -> tuple[Range | None, str]:
    """An entry's needle-depth condition, and what it does when no depth is stated for the claim."""
    value = ctx.get("needle_depth")
    if value is None:
        return None, "apply"
    line = ctx.line_of("needle_depth")
    unstated = "apply"
    if isinstance(value, LineDict):
        v.unknown_keys(value, {"min", "max", "unit", "unstated"}, field)
        unstated = value.get("unstated", "apply")
        if not _one_of(unstated, DEPTH_UNSTATED):
            v.error(value.line_of("unstated"), f"{field}.unstated", f"expected apply or skip, got {unstated!r}")
            unstated = "apply"
        rest = LineDict((k, x) for k, x in value.items() if k in ("min", "max", "unit"))
        rest.line, rest.key_lines = value.line, value.key_lines
        value = rest
    depth = _range(v, value, line, field, None)
    if depth is not None and depth.unit != "mm":
        v.error(line, field, "expected a length")
    return depth, unstated


def _source_list(v: _Validator, m: LineDict, field: str, sources: dict[str, SourceRef]) -> list[SourceRef]:
    ids = v.strings(m.get("sources"), m.line_of("sources"), f"{field}.sources")
    if not ids:
        v.error(m.line_of("sources"), f"{field}.sources", "missing: cite at least one source id")
    out = []
    for sid in ids:
        if sid not in sources:
            v.error(m.line_of("sources"), f"{field}.sources", f"unknown source {sid!r} (define it under sources)")
        else:
            out.append(sources[sid])
    return out


def _items_with_ids(v: _Validator, data: LineDict, key: str, allowed: set[str]):
    """The mappings of a top-level list (`entries`, `phrases`), each with a unique `id`:
    yields (mapping, id, field name for messages)."""
    raw = data.get(key)
    if raw is None:
        return
    if not isinstance(raw, list):
        v.error(data.line_of(key), key, "expected a list")
        return
    seen: dict[str, int] = {}
    for i, body in enumerate(raw):
        line = raw.item_lines[i] if hasattr(raw, "item_lines") else data.line_of(key)
        m = v.mapping(body, line, f"{key}[{i}]")
        item_id = v.text(m, "id", f"{key}[{i}]")
        field = f"{key}.{item_id or i}"
        v.unknown_keys(m, allowed, field)
        if item_id in seen:
            v.error(m.line_of("id"), f"{field}.id", f"duplicate id (first on line {seen[item_id]})")
        seen[item_id] = m.line_of("id")
        yield m, item_id, field


ENTRY_FIELDS = {
    "id", "kind", "context", "typical", "accepted", "rule", "severity", "rationale", "message", "sources",
}


def _entries(
    v: _Validator, data: LineDict, kinds: dict[str, Kind], sources: dict[str, SourceRef], indications: dict[str, list[str]]
) -> list[Entry]:
    out = []
    for m, eid, field in _items_with_ids(v, data, "entries", ENTRY_FIELDS):
        kid = m.get("kind")
        kind = kinds.get(kid) if isinstance(kid, str) else None
        if kind is None:
            v.error(m.line_of("kind"), f"{field}.kind", f"unknown kind {kid!r} (kinds: {', '.join(kinds)})")
        ctx = v.mapping(m.get("context"), m.line_of("context"), f"{field}.context")
        v.unknown_keys(ctx, {"setting", "subject", "indication", "needle_depth"}, f"{field}.context")
        setting_val = ctx.get("setting", "any")
        setting: tuple[str | None, ...] | None
        if setting_val == "any":
            setting = None
        else:
            values = setting_val if isinstance(setting_val, list) else [setting_val]
            bad = [s for s in values if not _one_of(s, SETTINGS) and s is not None and s != "unspecified"]
            if bad:
                v.error(ctx.line_of("setting"), f"{field}.context.setting", f"expected home, professional, unspecified or any, got {bad[0]!r}")
            setting = tuple(None if s == "unspecified" else s for s in values)
        subject = ctx.get("subject")
        if subject is not None and kind is not None and not _one_of(subject, kind.subjects):
            v.error(ctx.line_of("subject"), f"{field}.context.subject", f"unknown subject {subject!r} for kind {kind.id}")
        indication = ctx.get("indication")
        if indication is not None and not _one_of(indication, indications):
            v.error(ctx.line_of("indication"), f"{field}.context.indication", f"unknown indication {indication!r} (define it under indications)")
            indication = None
        depth, depth_unstated = _depth_condition(v, ctx, f"{field}.context.needle_depth")
        typical = _range(v, m.get("typical"), m.line_of("typical"), f"{field}.typical", kind) if m.get("typical") is not None else None
        accepted = _range(v, m.get("accepted"), m.line_of("accepted"), f"{field}.accepted", kind) if m.get("accepted") is not None else None
        if m.get("accepted") is None and m.get("typical") is None:
            v.error(m.line, f"{field}.accepted", "missing (give accepted, or typical alone for an entry that never flags)")
        rule = m.get("rule", "reference-contradiction")
        if not _one_of(rule, RULES_WITH_ENTRIES):
            v.error(m.line_of("rule"), f"{field}.rule", f"expected one of {', '.join(sorted(RULES_WITH_ENTRIES))}, got {rule!r}")
        severity = m.get("severity", "warning")
        if not _one_of(severity, SEVERITIES):
            v.error(m.line_of("severity"), f"{field}.severity", f"expected one of {', '.join(SEVERITIES)}, got {severity!r}")
        rationale = v.text(m, "rationale", field)
        srcs = _source_list(v, m, field, sources)
        if (accepted is None and typical is None) or kind is None:
            continue
        out.append(
            Entry(
                id=eid,
                kind=kind.id,
                setting=setting,
                subject=subject,
                indication=indication,
                depth_min=depth.min if depth else None,
                depth_max=depth.max if depth else None,
                depth_unstated=depth_unstated,
                typical=typical,
                accepted=accepted,
                rule=rule,
                severity=severity,
                rationale=rationale,
                message=m.get("message"),
                sources=srcs,
                line=m.line,
            )
        )
    return out


PHRASE_FIELDS = {"id", "rule", "patterns", "requires", "not_within", "context", "severity", "message", "suggestion", "sources"}


def _phrases(v: _Validator, data: LineDict, sources: dict[str, SourceRef]) -> list[PhraseCheck]:
    out = []
    for m, pid, field in _items_with_ids(v, data, "phrases", PHRASE_FIELDS):
        rule = m.get("rule")
        if not _one_of(rule, PHRASE_RULES):
            v.error(m.line_of("rule"), f"{field}.rule", f"expected one of {', '.join(sorted(PHRASE_RULES))}, got {rule!r}")
        patterns = v.phrases(m.get("patterns"), m.line_of("patterns"), f"{field}.patterns")
        if not patterns:
            v.error(m.line_of("patterns"), f"{field}.patterns", "missing: list the phrases to flag")
        requires = v.phrases(m.get("requires"), m.line_of("requires"), f"{field}.requires")
        not_within = v.phrases(m.get("not_within"), m.line_of("not_within"), f"{field}.not_within")
        ctx = v.mapping(m.get("context"), m.line_of("context"), f"{field}.context")
        v.unknown_keys(ctx, {"setting"}, f"{field}.context")
        setting = ctx.get("setting")
        if setting is not None and not _one_of(setting, SETTINGS):
            v.error(ctx.line_of("setting"), f"{field}.context.setting", f"expected home or professional, got {setting!r}")
        severity = m.get("severity", "warning")
        if not _one_of(severity, SEVERITIES):
            v.error(m.line_of("severity"), f"{field}.severity", f"expected one of {', '.join(SEVERITIES)}, got {severity!r}")
        message = v.text(m, "message", field)
        srcs = _source_list(v, m, field, sources)
        suggestion = m.get("suggestion")
        out.append(PhraseCheck(pid, str(rule), patterns, requires, setting, severity, message, suggestion, srcs, m.line,
                               not_within))
    return out


def _safety(v: _Validator, data: LineDict, sources: dict[str, SourceRef]) -> tuple[list[SafetyTopic], list[SourceRef]]:
    m = v.mapping(data.get("safety"), data.line_of("safety"), "safety")
    if not m:
        return [], []
    v.unknown_keys(m, {"topics", "sources"}, "safety")
    topics_raw = v.mapping(m.get("topics"), m.line_of("topics"), "safety.topics")
    topics = []
    for tid, body in topics_raw.items():
        tm = v.mapping(body, topics_raw.line_of(tid), f"safety.topics.{tid}")
        v.unknown_keys(tm, {"label", "cues"}, f"safety.topics.{tid}")
        cues = [c.lower() for c in v.strings(tm.get("cues"), tm.line_of("cues"), f"safety.topics.{tid}.cues")]
        topics.append(SafetyTopic(str(tid), str(tm.get("label") or tid), cues))
    return topics, _source_list(v, m, "safety", sources)


RULE_NAMES = {
    "reference-contradiction", "risky-home-use", "absolute-claim", "internal-inconsistency",
    "cross-document-inconsistency", "missing-safety-information",
}


def _rule_severity(v: _Validator, data: LineDict) -> dict[str, str]:
    m = v.mapping(data.get("rules"), data.line_of("rules"), "rules")
    out = {}
    for name, body in m.items():
        if name not in RULE_NAMES:
            v.error(m.line_of(name), f"rules.{name}", "unknown rule")
            continue
        rm = v.mapping(body, m.line_of(name), f"rules.{name}")
        v.unknown_keys(rm, {"severity"}, f"rules.{name}")
        sev = rm.get("severity")
        if not _one_of(sev, SEVERITIES):
            v.error(rm.line_of("severity"), f"rules.{name}.severity", f"expected one of {', '.join(SEVERITIES)}, got {sev!r}")
        else:
            out[str(name)] = sev
    return out
