"""Entity resolution cost as the corpus grows: 10k and 100k article-entities.

Synthetic articles of invented people and places (names drawn from word lists, with
typos and surname-only mentions mixed in) are resolved incrementally, once into an
in-memory index and once into the SQLite store. Blocking keys should keep the cost per
article-entity roughly flat: the time ratio of 100k to 10k should stay near 10.

    python benchmarks/bench_resolve.py --out benchmarks/resolve_results.md
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from newsgraph.records import Article, DocResult, LocalEntity, Mention, Metadata, Segment
from newsgraph.resolve import MemoryIndex, Resolver
from newsgraph.store import SqliteIndex, Store

GIVEN = ["Lucía", "Tomás", "Ramiro", "Marisol", "Evaristo", "Fabiola", "Octavio", "Renata",
         "Anselmo", "Graciela", "Baltasar", "Itzel", "Casimiro", "Yolanda", "Leandro", "Noemí",
         "Ulises", "Xóchitl", "Zacarías", "Maura"]  # fmt: skip
SYLLABLES = ["ra", "mi", "que", "zal", "ve", "do", "ca", "ste", "lla", "nos", "gar", "ño", "ti",
             "bu", "rre", "go", "la", "ma", "dri", "sa"]  # fmt: skip
ENTITIES_PER_ARTICLE = 8


def surname(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def population(rng: random.Random, n: int) -> list[str]:
    return [f"{rng.choice(GIVEN)} {surname(rng)} {surname(rng)}" for _ in range(n)]


def vary(rng: random.Random, name: str) -> str:
    """Most mentions as written; some with a typo, some surname-only."""
    roll = rng.random()
    words = name.split()
    if roll < 0.1:
        i = rng.randrange(1, len(words))
        w = words[i]
        j = rng.randrange(1, len(w))
        words[i] = w[:j] + w[j + 1 :]
        return " ".join(words)
    if roll < 0.2:
        return words[1]
    return name


def article(rng: random.Random, people: list[str], i: int) -> DocResult:
    names = [vary(rng, rng.choice(people)) for _ in range(ENTITIES_PER_ARTICLE)]
    text = ". ".join(names)
    art = Article(f"d{i}", "bench", text, "en", (Segment(0, len(text), "en"),), Metadata(), str(i))
    mentions, entities, pos = [], [], 0
    for k, name in enumerate(names):
        mentions.append(Mention(pos, pos + len(name), name, "PERSON", k))
        entities.append(LocalEntity(k, name, "PERSON", (name,)))
        pos += len(name) + 2
    return DocResult(art, mentions, entities)


def run(total: int, backend: str) -> float:
    rng = random.Random(total)
    people = population(rng, max(total // 20, 100))
    docs = [article(rng, people, i) for i in range(total // ENTITIES_PER_ARTICLE)]
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp, "bench.db")) if backend == "sqlite" else None
        index = SqliteIndex(store.db) if store else MemoryIndex()
        resolver = Resolver(index)
        start = time.perf_counter()
        if store:
            store.db.execute("BEGIN")
        for d in docs:
            resolver.assign(d)
        if store:
            store.db.execute("COMMIT")
            store.close()
        return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("benchmarks/resolve_results.md"))
    parser.add_argument("--sizes", type=int, nargs=2, default=[10_000, 100_000])
    args = parser.parse_args()
    small, large = args.sizes
    lines = [
        "# Entity resolution benchmark",
        "",
        "| backend | article-entities | seconds | per 1k | ratio to smaller |",
        "|---|---:|---:|---:|---:|",
    ]
    for backend in ("memory", "sqlite"):
        t_small, t_large = run(small, backend), run(large, backend)
        for n, t in ((small, t_small), (large, t_large)):
            ratio = f"{t / t_small:.1f} (size ratio {large // small})" if n == large else ""
            lines.append(f"| {backend} | {n:,} | {t:.1f} | {t / n * 1000:.2f} | {ratio} |")
    lines.append("")
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
