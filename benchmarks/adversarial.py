"""Adversarial inputs: texts built to trigger catastrophic regex backtracking or quadratic scans, of
growing size, timed through each stage of claimcheck's flow. Linear growth means the time per size
step grows like the size (the "growth" column stays near 1.0; 2.0 per 10x step would be n^1.3,
10 would be quadratic).

    python benchmarks/adversarial.py                          # every case at 10 KB, 100 KB, 1 MB
    python benchmarks/adversarial.py --sizes 10k,100k,1m,4m --cases md_comments,html_unclosed_tag
    python benchmarks/adversarial.py --stages prose,quantities  # skip the full extraction
    python benchmarks/adversarial.py --list

Stages: `prose` (claimcheck.sources.source_from_text: the prose view), `quantities`
(claimcheck.nlp.quantities.find_quantities on the prose) and `extract` (Extractor.extract_text: the
whole spaCy pipeline). A case that needs more than --budget seconds at one size is not run at the
larger ones. The `normal_*` rows are real-looking copy (the corpus pages, repeated) for comparison.

tests/test_robustness.py imports `CASES`, `build` and `normal_copy` from here.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SUFFIX = {"text": "a.txt", "markdown": "a.md", "html": "a.html"}


def repeat(unit: str, head: str = "", tail: str = "") -> Callable[[int], str]:
    """A builder: `head`, then `unit` repeated, then `tail`, exactly `size` characters long."""

    def build(size: int) -> str:
        body = max(size - len(head) - len(tail), 0)
        return (head + unit * (body // len(unit) + 1))[: size - len(tail)] + tail

    return build


def md_table(size: int) -> str:
    head = "| Step | Depth | Sessions | Interval |\n|:-----|-----:|:--------:|---|\n"
    row = "| roll | 0.25 mm–0.5 mm | 3 to 6 sessions | every 4 to 6 weeks |\n"
    return repeat(row, head)(size)


def varied_symbol_runs(size: int) -> str:
    """Runs of 1-60 random punctuation and symbols between spaces (distinct, so spaCy's tokenizer
    cache does not help), with a quantity now and then."""
    rng = random.Random(0)
    symbols = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~«»‘’“”—–…😀"
    parts, n = [], 0
    while n < size:
        part = "1 mm" if rng.random() < 0.05 else "".join(rng.choice(symbols) for _ in range(rng.randint(1, 60)))
        parts.append(part)
        n += len(part) + 1
    return " ".join(parts)[:size]


def wide_md_table(size: int) -> str:
    """One table row of ~size characters: a very long line of cells."""
    return repeat("| 1 mm ", "| a | b |\n|---|---|\n")(size)


# name -> (format, builder). The builders make exactly `size` characters.
CASES: dict[str, tuple[str, Callable[[int], str]]] = {
    # quantities grammar
    "digit_run": ("text", repeat("1234567890")),
    "long_numbers_mm": ("text", repeat("99999999mm ")),
    "hyphen_chain": ("text", repeat("1-", tail=" mm")),
    "hyphen_chain_units": ("text", repeat("1 mm-")),
    "dot_chain": ("text", repeat("1.", tail=" mm")),
    "comma_chain": ("text", repeat("1,", tail=" mm")),
    "dash_run": ("text", repeat("-")),
    "dash_space_run": ("text", repeat("- –— ")),
    "space_run": ("text", repeat(" ", "1", " mm")),
    "whitespace_mix": ("text", repeat(" \t\u00a0\n", "1", "mm")),
    "at_least_chain": ("text", repeat("at least ", tail="3 days")),
    "bound_words_chain": ("text", repeat("up to within at most no more than ", tail="2 weeks")),
    "to_or_chain": ("text", repeat("1 to 2 or ", tail="3 mm")),
    "between_chain": ("text", repeat("between 1 and ", tail="2 mm")),
    "every_chain": ("text", repeat("every ", tail="week")),
    "times_chain": ("text", repeat("2 times 3 times twice ", tail="a week")),
    "number_words": ("text", repeat("twenty-four a few several ", tail="hours")),
    "many_quantities_one_sentence": ("text", repeat("1 mm 2 days 3 sessions ")),
    "many_claims_one_section": ("markdown", repeat("Roll a 0.5 mm roller. ", "# Home roller guide\n\n")),
    "controls_rtl_emoji": ("text", repeat("\u202e1\u200f mm \U0001f600\x00\x01\x0b ")),
    # one whitespace-free run of punctuation or symbols (spaCy's tokenizer is quadratic in its length)
    "symbol_run": ("text", repeat("!")),
    "emoji_run": ("text", repeat("\U0001f600")),
    "quote_run": ("text", repeat("'\"\u2018\u2019\u201c\u201d")),
    "varied_symbol_runs": ("text", varied_symbol_runs),
    # markdown
    "md_brackets": ("markdown", repeat("[[[[((((")),
    "md_link_close": ("markdown", repeat("](", "x ")),
    "md_images": ("markdown", repeat("![", "x ")),
    "md_backticks": ("markdown", repeat("`", "x ")),
    "md_comments": ("markdown", repeat("<!-- ", "x ")),
    "md_entities": ("markdown", repeat("&amp;&ndash;&nbsp;")),
    "md_emphasis": ("markdown", repeat("**_~~")),
    "md_table": ("markdown", md_table),
    "md_wide_table": ("markdown", wide_md_table),
    "md_table_spaces": ("markdown", repeat(" ", tail="|x")),
    "md_fences": ("markdown", repeat("```\n1 mm\n")),
    "md_nested_html": ("markdown", repeat("<b>", "x ")),
    # html
    "html_nested_b": ("html", repeat("<b>")),
    "html_nested_div": ("html", repeat("<div>")),
    "html_unclosed_tag": ("html", repeat("<a ", "x ")),
    "html_unclosed_quote": ("html", repeat("<a title='")),
    "html_comments": ("html", repeat("<!-- ", "x ")),
    "html_entities": ("html", repeat("&amp;")),
    "html_broken_entities": ("html", repeat("&amp&#&#x&")),
    "html_declarations": ("html", repeat("<![")),
    "html_end_tags": ("html", repeat("</")),
    "html_lt": ("html", repeat("<")),
    "html_script": ("html", repeat("<script>1 mm</script>")),
    "html_items_then_ends": ("html", lambda size: repeat("<li>")(size // 2) + repeat("</p>")(size - size // 2)),
}


def normal_copy(size: int, format: str = "markdown") -> str:
    """Real-looking copy: the corpus pages of that format (all of them if none), repeated."""
    suffixes = {"markdown": (".md",), "html": (".html",), "text": (".txt",)}[format]
    pages = sorted(p for p in (ROOT / "corpus").iterdir() if p.suffix in suffixes)
    if not pages:
        pages = sorted(p for p in (ROOT / "corpus").iterdir() if p.suffix in (".md", ".txt", ".html"))
    unit = "\n\n".join(p.read_text(encoding="utf-8") for p in pages) + "\n\n"
    return repeat(unit)(size)


def build(case: str, size: int) -> tuple[str, str]:
    """(text, source name) of a case at a size; `normal_markdown` etc. for real-looking copy."""
    if case.startswith("normal_"):
        fmt = case[len("normal_"):]
        return normal_copy(size, fmt), SUFFIX[fmt]
    fmt, builder = CASES[case]
    return builder(size), SUFFIX[fmt]


_EXTRACTOR = None


def extractor():
    global _EXTRACTOR
    if _EXTRACTOR is None:
        from claimcheck.extract import Extractor

        _EXTRACTOR = Extractor()
    return _EXTRACTOR


def time_stages(text: str, source: str, stages: tuple[str, ...]) -> dict[str, float]:
    from claimcheck.nlp.quantities import find_quantities
    from claimcheck.sources import source_from_text

    out: dict[str, float] = {}
    t0 = time.perf_counter()
    src = source_from_text(text, source)
    out["prose"] = time.perf_counter() - t0
    if "quantities" in stages:
        t0 = time.perf_counter()
        find_quantities(src.prose)
        out["quantities"] = time.perf_counter() - t0
    if "extract" in stages:
        ex = extractor()
        t0 = time.perf_counter()
        ex.extract_text(text, source)
        out["extract"] = time.perf_counter() - t0
    return out


def parse_size(value: str) -> int:
    value = value.strip().lower()
    for suffix, factor in (("kb", 1000), ("k", 1000), ("mb", 1_000_000), ("m", 1_000_000)):
        if value.endswith(suffix):
            return int(float(value[: -len(suffix)]) * factor)
    return int(value)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10k,100k,1m", help="comma-separated sizes (10k, 1m...)")
    ap.add_argument("--cases", default="", help="comma-separated case names (default: all, plus normal copy)")
    ap.add_argument("--stages", default="prose,quantities,extract", help="prose,quantities,extract")
    ap.add_argument("--budget", type=float, default=60.0, help="seconds per case and size before giving up on it")
    ap.add_argument("--list", action="store_true", help="list the cases and exit")
    args = ap.parse_args(argv)
    if args.list:
        for name, (fmt, _) in CASES.items():
            print(f"{name:30} {fmt}")
        return 0
    sizes = [parse_size(s) for s in args.sizes.split(",") if s.strip()]
    stages = tuple(s.strip() for s in args.stages.split(",") if s.strip())
    names = [c.strip() for c in args.cases.split(",") if c.strip()] or (
        ["normal_markdown", "normal_html", "normal_text"] + list(CASES)
    )
    unknown = [n for n in names if n not in CASES and not n.startswith("normal_")]
    if unknown:
        ap.error(f"unknown case(s): {', '.join(unknown)} (see --list)")
    if "extract" in stages:
        extractor()  # build the pipeline outside the timings
    cols = ["prose", "quantities", "extract"]
    shown = [c for c in cols if c == "prose" or c in stages]
    header = f"{'case':30} {'fmt':5} {'size':>9} " + " ".join(f"{c + ' s':>12}" for c in shown)
    header += f" {'chars/s':>12} {'growth':>7}"
    print(header)
    print("-" * len(header))
    for name in names:
        prev: tuple[int, float] | None = None
        for size in sizes:
            text, source = build(name, size)
            times = time_stages(text, source, stages)
            total = sum(times.values())
            last = times[shown[-1]]
            rate = size / last if last > 0 else float("inf")
            # growth: (time ratio) / (size ratio) against the previous size; 1.0 = linear
            growth = ""
            if prev is not None and prev[1] > 0:
                growth = f"{(total / prev[1]) / (size / prev[0]):.2f}"
            print(
                f"{name:30} {source.split('.')[-1]:5} {size:>9} "
                + " ".join(f"{times.get(c, float('nan')):12.3f}" for c in shown)
                + f" {rate:12,.0f} {growth:>7}",
                flush=True,
            )
            prev = (size, total)
            if total > args.budget:
                print(f"{'':30} stopped: {total:.1f} s > budget {args.budget:.0f} s", flush=True)
                break
    return 0


if __name__ == "__main__":
    sys.exit(main())
