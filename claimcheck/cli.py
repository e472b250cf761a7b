"""Command line: `claimcheck extract|check|reference validate|rules`.

Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage or input error
(bad reference, unreadable file), with a one-line message on stderr.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FAIL_ON = ("error", "warning", "info", "never")


class UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="claimcheck",
        description="Extract quantitative and safety claims from copy and check them against a curated reference.",
    )
    parser.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def common(p: argparse.ArgumentParser, formats: Sequence[str]) -> None:
        p.add_argument("paths", nargs="+", metavar="PATH", help="files or directories (.md, .html, .txt)")
        p.add_argument("--format", "-f", default="text", choices=formats, help="output format (default: text)")
        p.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
        p.add_argument("--reference", "-r", metavar="FILE", help="reference file (default: the shipped claims.yaml)")
        p.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour in text output")

    from .report import EXTRACT_FORMATS, FORMATS

    ex = sub.add_parser("extract", help="list the claims in documents")
    common(ex, EXTRACT_FORMATS)
    ex.add_argument("--all", action="store_true", help="also list quantities that fit no claim kind")

    ck = sub.add_parser("check", help="check documents against the reference and report findings")
    common(ck, tuple(FORMATS))
    ck.add_argument("--fail-on", choices=FAIL_ON, default="error",
                    help="exit 1 when a finding has at least this severity (default: error)")
    ck.add_argument("--select", metavar="RULES", help="comma-separated rule names or codes to run (default: all)")
    ck.add_argument("--ignore", metavar="RULES", help="comma-separated rule names or codes not to run")

    ref = sub.add_parser("reference", help="work with reference files")
    ref_sub = ref.add_subparsers(dest="reference_command", metavar="ACTION")
    val = ref_sub.add_parser("validate", help="validate a reference file (default: the shipped claims.yaml)")
    val.add_argument("file", nargs="?", help="reference file")

    ev = sub.add_parser("eval", help="precision, recall and F1 against an annotated corpus")
    ev.add_argument("paths", nargs="+", metavar="PATH", help="annotated pages or directories of them")
    ev.add_argument("--format", "-f", default="text", choices=("text", "json"))
    ev.add_argument("--output", "-o", metavar="FILE")
    ev.add_argument("--reference", "-r", metavar="FILE")

    sub.add_parser("rules", help="list the rules with their codes and default severities")
    return parser


def _rules_arg(value: str | None) -> list[str]:
    from .checks import resolve_rule

    if not value:
        return []
    return [resolve_rule(v).name for v in value.split(",") if v.strip()]


def _write(text: str, output: str | None) -> None:
    if output:
        try:
            with open(output, "w", encoding="utf-8") as fh:
                fh.write(text)
        except OSError as exc:
            raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _color(args) -> bool:
    if args.color == "always":
        return True
    if args.color == "never" or args.output or args.format != "text":
        return False
    return sys.stdout.isatty() and os.environ.get("NO_COLOR") is None and os.environ.get("TERM") != "dumb"


def cmd_extract(args) -> int:
    from .checker import Report, iter_paths
    from .extract import Extractor
    from .report import RenderOptions, render

    extractor = Extractor(args.reference)
    report = Report(reference=extractor.reference)
    for path in iter_paths(args.paths):
        report.documents.append(extractor.extract_file(path))
    _write(render(report, args.format, RenderOptions("extract", args.all, _color(args))), args.output)
    _report_errors(report)
    return EXIT_ERROR if report.errors else EXIT_OK


def cmd_check(args) -> int:
    from .checker import Checker
    from .checks import RULES
    from .report import RenderOptions, render

    disable = set(_rules_arg(args.ignore))
    selected = _rules_arg(args.select)
    if selected:
        disable |= set(RULES) - set(selected)
    checker = Checker(args.reference, disable=disable)
    report = checker.check_paths(args.paths)
    _write(render(report, args.format, RenderOptions("check", False, _color(args))), args.output)
    _report_errors(report)
    return report.exit_code(args.fail_on)


def _report_errors(report) -> None:
    if report.errors:
        for err in report.errors:
            print(f"claimcheck: error: {err}", file=sys.stderr)


def cmd_reference(args) -> int:
    from .reference.loader import ReferenceError, default_reference_path, load_reference

    if args.reference_command != "validate":
        raise UsageError("usage: claimcheck reference validate [FILE]")
    path = args.file or default_reference_path()
    try:
        ref = load_reference(path)
    except ReferenceError as exc:
        for err in exc.errors:
            print(f"claimcheck: error: {err}", file=sys.stderr)
        return EXIT_ERROR
    print(
        f"{path}: OK: {len(ref.kinds)} kinds, {len(ref.entries)} entries, {len(ref.phrase_checks)} phrase checks, "
        f"{len(ref.sources)} sources"
    )
    return EXIT_OK


def cmd_eval(args) -> int:
    import json

    from .evaluate import AnnotationError, evaluate, render_text

    try:
        ev = evaluate(args.paths, args.reference)
    except AnnotationError as exc:
        raise UsageError(str(exc)) from None
    text = json.dumps(ev.to_dict(), indent=2) + "\n" if args.format == "json" else render_text(ev)
    _write(text, args.output)
    return EXIT_OK


def cmd_rules(args) -> int:
    from .checks import RULES

    for r in RULES.values():
        print(f"{r.code}  {r.name:30} {r.severity:8} {r.summary}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    handlers = {"extract": cmd_extract, "check": cmd_check, "reference": cmd_reference, "rules": cmd_rules,
                "eval": cmd_eval}
    try:
        return handlers[args.command](args)
    except KeyboardInterrupt:
        print("claimcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # one line, never a traceback
        from .checks import UnknownRuleError
        from .reference.loader import ReferenceError

        if isinstance(exc, (UsageError, ReferenceError, UnknownRuleError, ValueError)):
            print(f"claimcheck: error: {exc}", file=sys.stderr)
            return EXIT_ERROR
        if os.environ.get("CLAIMCHECK_DEBUG"):
            raise
        print(f"claimcheck: internal error: {type(exc).__name__}: {exc} (set CLAIMCHECK_DEBUG=1 for a traceback)",
              file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
