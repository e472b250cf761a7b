"""Throughput, scaling, memory and start-up of `claimcheck check`, in one run.

    python benchmarks/bench.py                 # 2000 pages (memory also with 20000 streamed pages)
    python benchmarks/bench.py --pages 400 --json

The corpus is N pages made by cycling the pages of corpus/ (*.md, *.html, *.txt). Measured:

- `claimcheck check DIR --format jsonl` end to end (the real CLI in a subprocess, start-up
  included), with --jobs 1 and --jobs 2: pages/s and words/s (best of --throughput-repeat
  interleaved rounds, the tokenizer included, so ratios compare runs under the same load);
- the same texts through a bare `spacy.blank("en")` tokenizer (`nlp.pipe`), the floor;
- peak RSS of `claimcheck check --stdin` fed N and 10N pages as a stream (os.wait4 rusage of that child);
- start-up: `claimcheck check` on one small page vs `python -c "import spacy; spacy.blank('en')"`
  (median of --repeat runs);
- quantulum3 on the same texts when it is importable (skipped otherwise).

Targets: check >= 0.5x tokenizer words/s; --jobs 2 >= 1.7x --jobs 1; peak RSS grows < 20% from N to
10N pages; start-up <= 1.3x the bare spaCy start-up.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SUFFIXES = {".md", ".html", ".txt"}


def corpus_pages() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.suffix in SUFFIXES and not p.name.endswith(".ann.yaml"))


def build_corpus(directory: Path, n: int) -> tuple[int, int]:
    """Write n pages into directory; returns (pages, words)."""
    pages = corpus_pages()
    texts = [p.read_text(encoding="utf-8") for p in pages]
    words = 0
    for i in range(n):
        j = i % len(pages)
        (directory / f"p{i:06d}-{pages[j].name}").write_text(texts[j], encoding="utf-8")
        words += len(texts[j].split())
    return n, words


def iter_records(n: int):
    pages = corpus_pages()
    texts = [p.read_text(encoding="utf-8") for p in pages]
    for i in range(n):
        j = i % len(pages)
        yield json.dumps({"path": f"p{i:06d}-{pages[j].name}", "text": texts[j]}) + "\n"


def cli() -> list[str]:
    return [sys.executable, "-m", "claimcheck"]


def run_check(directory: Path, jobs: int, out: Path) -> float:
    cmd = cli() + ["check", str(directory), "--format", "jsonl", "-o", str(out), "--fail-on", "never",
                   "--no-progress", "--isolated", "--jobs", str(jobs)]
    t = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"check failed ({proc.returncode}): {proc.stderr.strip()}")
    return elapsed


def tokenizer_seconds(directory: Path) -> float:
    import spacy

    texts = [p.read_text(encoding="utf-8") for p in sorted(directory.iterdir())]
    nlp = spacy.blank("en")
    nlp.max_length = 60_000_000
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - t


def quantulum_seconds(directory: Path) -> float | None:
    try:
        from quantulum3 import parser  # type: ignore
    except Exception:
        return None
    texts = [p.read_text(encoding="utf-8") for p in sorted(directory.iterdir())]
    t = time.perf_counter()
    for text in texts:
        parser.parse(text)
    return time.perf_counter() - t


def stream_peak_rss(n: int) -> tuple[float, int]:
    """(seconds, peak RSS in bytes) of `check --stdin` over n streamed pages."""
    cmd = cli() + ["check", "--stdin", "--fail-on", "never", "--isolated"]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            text=True, encoding="utf-8")

    def feed() -> None:
        try:
            for line in iter_records(n):
                proc.stdin.write(line)
        except BrokenPipeError:
            pass
        finally:
            try:
                proc.stdin.close()
            except BrokenPipeError:
                pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    writer.join()
    elapsed = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"check --stdin failed ({proc.returncode})")
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    return elapsed, usage.ru_maxrss * scale


def median_seconds(cmd: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=2000, help="pages in the corpus (default 2000)")
    ap.add_argument("--memory-factor", type=int, default=10, help="memory is measured for N and this x N pages")
    ap.add_argument("--repeat", type=int, default=5, help="runs for the start-up medians (default 5)")
    ap.add_argument("--throughput-repeat", type=int, default=2,
                    help="interleaved rounds of the throughput runs, best of each kept (default 2)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)

    results: dict = {
        "machine": {"nproc": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform(), "processor": platform.processor() or platform.machine()},
        "pages": args.pages,
    }
    tmp = Path(tempfile.mkdtemp(prefix="claimcheck-bench-"))
    try:
        pages_dir = tmp / "pages"
        pages_dir.mkdir()
        pages, words = build_corpus(pages_dir, args.pages)
        results["words"] = words
        # Memory first, while this process is small: a child's peak RSS (ru_maxrss) can include the
        # pages it shared with its parent when it was forked.
        memory = {}
        for n in (args.pages, args.pages * args.memory_factor):
            secs, rss = stream_peak_rss(n)
            memory[n] = {"seconds": round(secs, 2), "peak_rss_mb": round(rss / 2**20, 1),
                         "pages_per_s": round(n / secs, 1)}
        results["memory_stdin"] = memory
        # Interleaved rounds, best of each: the ratios compare runs made under the same machine load.
        rows: dict[str, float] = {}
        for _ in range(args.throughput_repeat):
            for name, measure in (
                ("check --jobs 1", lambda: run_check(pages_dir, 1, tmp / "out1.jsonl")),
                ("check --jobs 2", lambda: run_check(pages_dir, 2, tmp / "out2.jsonl")),
                ("spacy.blank tokenizer", lambda: tokenizer_seconds(pages_dir)),
            ):
                rows[name] = min(rows.get(name, float("inf")), measure())
        if (tmp / "out1.jsonl").read_bytes() != (tmp / "out2.jsonl").read_bytes():
            results["warning"] = "--jobs 2 output differs from --jobs 1"
        q = quantulum_seconds(pages_dir)
        if q is not None:
            rows["quantulum3"] = q
        results["throughput"] = {
            name: {"seconds": round(s, 3), "pages_per_s": round(pages / s, 1), "words_per_s": round(words / s)}
            for name, s in rows.items()
        }
        tok = rows["spacy.blank tokenizer"]
        j1, j2 = rows["check --jobs 1"], rows["check --jobs 2"]
        small = CORPUS / "clinic-acne-scars.md"
        startup_check = median_seconds(cli() + ["check", str(small), "--format", "jsonl", "-o", os.devnull,
                                                "--fail-on", "never", "--isolated"], args.repeat)
        startup_spacy = median_seconds([sys.executable, "-c", "import spacy; spacy.blank('en')"], args.repeat)
        results["startup"] = {"check_one_page_s": round(startup_check, 3), "spacy_blank_s": round(startup_spacy, 3)}
        (m1, m10) = (memory[args.pages]["peak_rss_mb"], memory[args.pages * args.memory_factor]["peak_rss_mb"])
        results["targets"] = {
            "check_vs_tokenizer": {"value": round(tok / j1, 3), "target": ">= 0.5", "met": tok / j1 >= 0.5},
            "jobs2_vs_jobs1": {"value": round(j1 / j2, 2), "target": ">= 1.7", "met": j1 / j2 >= 1.7},
            "memory_10x_growth": {"value": round(m10 / m1 - 1, 3), "target": "< 0.20", "met": m10 / m1 - 1 < 0.20},
            "startup_vs_spacy": {"value": round(startup_check / startup_spacy, 2), "target": "<= 1.3",
                                 "met": startup_check / startup_spacy <= 1.3},
        }
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    m = results["machine"]
    print(f"{pages} pages, {words} words; {m['nproc']} CPUs, Python {m['python']}, {m['platform']}")
    print(f"{'run':28} {'seconds':>9} {'pages/s':>9} {'words/s':>10}")
    for name, r in results["throughput"].items():
        print(f"{name:28} {r['seconds']:9.2f} {r['pages_per_s']:9.1f} {r['words_per_s']:10d}")
    for n, r in results["memory_stdin"].items():
        print(f"check --stdin, {n} pages: peak RSS {r['peak_rss_mb']} MB ({r['seconds']} s, {r['pages_per_s']} pages/s)")
    s = results["startup"]
    print(f"start-up: check one page {s['check_one_page_s']} s; python -c spacy.blank('en') {s['spacy_blank_s']} s")
    print(f"{'target':22} {'value':>8} {'wanted':>8}  met")
    for name, t in results["targets"].items():
        print(f"{name:22} {t['value']:8} {t['target']:>8}  {'yes' if t['met'] else 'NO'}")
    if "warning" in results:
        print("warning:", results["warning"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
