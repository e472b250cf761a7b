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

    def common(p: argparse.ArgumentParser, formats: Sequence[str], format_default: str | None = "text") -> None:
        p.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (.md, .html, .txt)")
        p.add_argument("--format", "-f", default=format_default, choices=formats,
                       help="output format (default: the configuration's, else text)")
        p.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
        p.add_argument("--reference", "-r", metavar="FILE", help="reference file (default: the shipped claims.yaml)")
        p.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour in text output")

    from .report import EXTRACT_FORMATS, FORMATS

    ex = sub.add_parser("extract", help="list the claims in documents")
    common(ex, EXTRACT_FORMATS)
    ex.add_argument("--all", action="store_true", help="also list quantities that fit no claim kind")

    ck = sub.add_parser("check", help="check documents against the reference and report findings")
    common(ck, tuple(FORMATS), None)
    ck.add_argument("--fail-on", choices=FAIL_ON, default=None,
                    help="exit 1 when a finding has at least this severity (default: the configuration's, else error)")
    ck.add_argument("--select", metavar="RULES", help="comma-separated rule names or codes to run (default: all)")
    ck.add_argument("--ignore", metavar="RULES", help="comma-separated rule names or codes not to run")
    ck.add_argument("--config", metavar="FILE",
                    help="configuration file (.claimcheck.toml, .claimcheck.yaml or pyproject.toml with "
                         "[tool.claimcheck]); default: the nearest to the first PATH")
    ck.add_argument("--isolated", action="store_true", help="ignore all configuration files")
    ck.add_argument("--force-exclude", action="store_true", default=None,
                    help="apply the configuration's include/exclude to files named on the command line too")
    ck.add_argument("--no-suppressions", action="store_true",
                    help="ignore `claimcheck: ignore[...]`/`disable[...]` comments in the checked files")
    ck.add_argument("--baseline", metavar="FILE",
                    help="report and fail only on findings not recorded in this baseline file")
    ck.add_argument("--write-baseline", metavar="FILE",
                    help="record every current finding in FILE (instead of reporting them) and exit 0")
    ck.add_argument("--no-progress", action="store_true", help="never show the progress bar on stderr")
    ck.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                    help="check files in N worker processes (0: one per CPU; default 1); same output as 1")
    ck.add_argument("--stdin", action="store_true",
                    help='read JSON Lines {"path", "text"} records from standard input and stream one jsonl '
                         "report line per document (no PATH)")

    ref = sub.add_parser("reference", help="work with reference files")
    ref_sub = ref.add_subparsers(dest="reference_command", metavar="ACTION")
    val = ref_sub.add_parser("validate", help="validate a reference file (default: the shipped claims.yaml)")
    val.add_argument("file", nargs="?", help="reference file")

    ev = sub.add_parser("eval", help="precision, recall and F1 against an annotated corpus")
    ev.add_argument("paths", nargs="+", metavar="PATH", help="annotated pages or directories of them")
    ev.add_argument("--format", "-f", default="text", choices=("text", "json"))
    ev.add_argument("--output", "-o", metavar="FILE")
    ev.add_argument("--reference", "-r", metavar="FILE")
    ev.add_argument("--agreement", action="store_true",
                    help="score the second annotator (PAGE.ann2.yaml) against the first instead of the checker")

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

    if not args.paths:
        raise UsageError("no PATH given")
    extractor = Extractor(args.reference)
    report = Report(reference=extractor.reference)
    for path in iter_paths(args.paths):
        report.documents.append(extractor.extract_file(path))
    _write(render(report, args.format, RenderOptions("extract", args.all, _color(args))), args.output)
    _report_errors(report)
    return EXIT_ERROR if report.errors else EXIT_OK


def cmd_check(args) -> int:
    from .config import discover

    if args.stdin and args.paths:
        raise UsageError("--stdin reads the documents from standard input; give no PATH")
    if not args.stdin and not args.paths:
        raise UsageError("no PATH given (or use --stdin)")
    if args.stdin and args.format not in (None, "jsonl"):
        raise UsageError("--stdin writes JSON Lines; use --format jsonl or no --format")
    if args.jobs < 0:
        raise UsageError("--jobs must be 0 (one per CPU) or more")

    # Configuration and baseline problems are reported before the pipeline loads.
    cfg = discover(args.paths, args.config, args.isolated)
    baseline = None if args.write_baseline else (args.baseline or cfg.baseline)
    baseline_entries = None
    if baseline:
        from .baseline import load_baseline

        baseline_entries = load_baseline(baseline)

    from .checker import Checker
    from .checks import RULES
    from .progress import Progress
    from .report import RenderOptions, render

    args.format = args.format or cfg.format or "text"
    fail_on = args.fail_on or cfg.fail_on or "error"
    disable = set(_rules_arg(args.ignore) if args.ignore is not None else (cfg.ignore or []))
    selected = _rules_arg(args.select) if args.select is not None else (cfg.select or [])
    if selected:
        disable |= set(RULES) - set(selected)
    checker = Checker(args.reference or cfg.reference, disable=disable, severity=cfg.severity)
    if args.stdin:
        from .streaming import check_stdin

        return check_stdin(checker, args, fail_on)
    files = list(cfg.files(args.paths, args.force_exclude))
    progress = Progress(len(files), enabled=False if args.no_progress else None)
    with progress:
        if args.jobs != 1:
            from .parallel import check_paths_parallel

            report = check_paths_parallel(checker, files, args.jobs, progress=progress)
        else:
            report = checker.check_paths(files, progress=progress)
    disabled = checker.settings.disabled
    if not args.no_suppressions:
        from .suppressions import apply_suppressions

        apply_suppressions(report, disabled)
    if args.write_baseline:
        from .baseline import write_baseline

        count = write_baseline(report, args.write_baseline)
        _report_errors(report)
        _report_suppression_problems(report)
        print(f"claimcheck: wrote {count} finding{'s' if count != 1 else ''} to baseline {args.write_baseline}",
              file=sys.stderr)
        return EXIT_ERROR if report.errors else EXIT_OK
    if baseline:
        from .baseline import apply_baseline

        apply_baseline(report, baseline, disabled, entries=baseline_entries)
    _write(render(report, args.format, RenderOptions("check", False, _color(args))), args.output)
    _report_errors(report)
    _report_suppression_problems(report)
    if report.baseline is not None:
        print(f"claimcheck: {report.baseline.summary()}", file=sys.stderr)
        for e in report.baseline.stale[:20]:
            where = f" (line {e.line} when recorded)" if e.line else ""
            print(f"claimcheck: stale baseline entry: {e.path}: {e.code} {e.rule} \"{e.text}\"{where}", file=sys.stderr)
        if len(report.baseline.stale) > 20:
            print(f"claimcheck: ... and {len(report.baseline.stale) - 20} more stale entries", file=sys.stderr)
    return report.exit_code(fail_on)


def _report_suppression_problems(report) -> None:
    from .suppressions import problems

    for line in problems(report):
        print(line, file=sys.stderr)


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

    from .evaluate import AnnotationError, agreement, evaluate, render_text

    try:
        ev = agreement(args.paths) if args.agreement else evaluate(args.paths, args.reference)
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

        if isinstance(exc, (UsageError, ReferenceError, UnknownRuleError, ValueError)):  # ConfigError, BaselineError too
            print(f"claimcheck: error: {exc}", file=sys.stderr)
            return EXIT_ERROR
        if os.environ.get("CLAIMCHECK_DEBUG"):
            raise
        print(f"claimcheck: internal error: {type(exc).__name__}: {exc} (set CLAIMCHECK_DEBUG=1 for a traceback)",
              file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
