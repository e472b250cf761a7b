"""The progress bar: only for many files on a terminal outside CI; cleared when done; never piped."""
import io
import subprocess
import sys

from claimcheck.progress import THRESHOLD, Progress, wanted


class FakeTTY(io.StringIO):
    def isatty(self):
        return True


def test_wanted_only_for_many_files_on_a_terminal_outside_ci():
    assert wanted(THRESHOLD + 1, FakeTTY(), environ={})
    assert not wanted(THRESHOLD, FakeTTY(), environ={})
    assert not wanted(100, io.StringIO(), environ={})  # piped
    assert not wanted(100, FakeTTY(), environ={"CI": "true"})
    assert not wanted(100, FakeTTY(), environ={"TERM": "dumb"})


def test_bar_draws_and_clears():
    stream = FakeTTY()
    with Progress(3, stream=stream, enabled=True, interval=0) as bar:
        bar.advance("a.md")
        bar.advance("b.md")
        bar.advance("c.md")
    out = stream.getvalue()
    assert "claimcheck [" in out and "1/3 a.md" in out and "3/3 c.md" in out
    assert out.endswith("\r\033[K")  # nothing left on the line
    assert "\n" not in out


def test_disabled_bar_writes_nothing():
    stream = io.StringIO()
    with Progress(50, stream=stream) as bar:
        for _ in range(50):
            bar.advance("x.md")
    assert stream.getvalue() == "" and bar.done == 50


def test_no_progress_output_when_stderr_is_piped(tmp_path):
    for i in range(THRESHOLD + 5):
        (tmp_path / f"p{i:02}.txt").write_text("We are open on Mondays.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "claimcheck", "check", "--isolated", str(tmp_path)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert "in 25 documents" in proc.stdout
