"""cross-document-inconsistency (CC402): several documents checked together state incompatible
values for the same kind and context. One finding per disagreement, on the first page's claim,
listing every value and page."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..model import Claim, DocumentResult, Finding
from ..reference.model import Reference
from . import CheckSettings
from .common import SETTING_WORDS, claim_finding, describe, label, overlaps
from .internal_inconsistency import claim_context

RULE = "cross-document-inconsistency"


@dataclass
class _Stated:
    path: str
    claim: Claim


class CrossDocumentIndex:
    """Compact record of asserted claims per context, fed one document at a time."""

    def __init__(self, reference: Reference) -> None:
        self.groups: dict[tuple, list[_Stated]] = defaultdict(list)
        self.compared = {k.id for k in reference.kinds.values() if k.consistency}

    def add(self, result: DocumentResult) -> None:
        for claim in result.claims:
            if claim.modality == "asserted" and claim.setting is not None and claim.kind in self.compared:
                self.groups[(claim.setting, *claim_context(claim, result))].append(_Stated(result.path, claim))

    def findings(self, reference: Reference, settings: CheckSettings) -> list[Finding]:
        severity = reference.rule_severity.get(RULE, "warning")
        out = []
        for key, stated in self.groups.items():
            paths = {s.path for s in stated}
            if len(paths) < 2:
                continue
            conflict = any(
                a.path != b.path and not overlaps(a.claim, b.claim)
                for i, a in enumerate(stated) for b in stated[i + 1 :]
            )
            if not conflict:
                continue
            anchor = stated[0]
            what = label(reference, anchor.claim.kind) + (f" ({anchor.claim.subject})" if anchor.claim.subject else "")
            where = SETTING_WORDS[anchor.claim.setting]
            values = "; ".join(f"{describe(s.claim)} in {s.path}:{s.claim.line}" for s in stated)
            message = f"Pages disagree on {what}{(' ' + where) if where else ''}: {values}. Use one value across the site."
            related = [f"{s.path}#{s.claim.id}" for s in stated[1:]]
            finding = claim_finding(RULE, anchor.claim, _Path(anchor.path), message, severity, settings, related=related)
            out.append(finding)
        return out


class _Path:
    def __init__(self, path: str) -> None:
        self.path = path
