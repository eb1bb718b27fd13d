"""The knowledge base end to end: ingest, idempotence, resume after a kill, queries, export."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import newsgraph
from newsgraph.export import write_jsonl as export_jsonl
from synthetic import write_jsonl

NEWSGRAPH = str(Path(sys.executable).with_name("newsgraph"))


def dump(db_path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every content table, sorted: two equal dumps are the same knowledge base."""
    db = sqlite3.connect(db_path)
    tables = [
        r[0]
        for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
        if "_fts" not in r[0] and not r[0].startswith("sqlite_")
    ]
    out = {t: sorted(db.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    db.close()
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("corpus") / "articles.jsonl", 40)


@pytest.fixture(scope="module")
def kb_path(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kb") / "kb.db"
    with newsgraph.open(path) as kb:
        report = kb.ingest([str(corpus)])
    assert (report.read, report.new, report.failed) == (40, 40, 0)
    return path


def test_ingest_builds_entities_with_mentions(kb_path: Path) -> None:
    with newsgraph.open(kb_path) as kb:
        stats = kb.stats()
        people = kb.entities(label="PERSON", limit=500)
    assert stats["documents"] == 40
    assert stats["languages"] == {"en": 40}
    assert stats["mentions"] > 100
    assert people and all(e.documents >= 1 for e in people)


def test_reingesting_the_same_articles_is_a_no_op(kb_path: Path, corpus: Path) -> None:
    before = dump(kb_path)
    with newsgraph.open(kb_path) as kb:
        report = kb.ingest([str(corpus)])
    assert (report.new, report.duplicates) == (0, 40)
    assert dump(kb_path) == before


def test_search_finds_articles_with_snippets(kb_path: Path) -> None:
    with newsgraph.open(kb_path) as kb:
        hits = kb.search("productive talks", limit=5)
    assert hits
    assert all("[" in h.snippet for h in hits)


def test_export_follows_the_data_contract(kb_path: Path, tmp_path: Path) -> None:
    with newsgraph.open(kb_path) as kb, (tmp_path / "out.jsonl").open("w") as out:
        export_jsonl(kb.store, out)
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").open()]
    docs = {r["id"]: r for r in records if r["type"] == "document"}
    entities = {r["id"] for r in records if r["type"] == "entity"}
    mentions = [r for r in records if r["type"] == "mention"]
    assert set(docs[next(iter(docs))]) == {
        "type", "id", "url", "title", "source", "published", "updated", "language", "text",
    }  # fmt: skip
    for m in mentions:
        assert docs[m["doc"]]["text"][m["start"] : m["end"]] == m["text"]
        assert m["entity"] in entities
        assert m["label"] in {"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "MISC"}
    for q in (r for r in records if r["type"] == "quote"):
        text = docs[q["doc"]]["text"]
        assert text[q["start"] : q["end"]] == q["text"]
        assert all(text[p["start"] : p["end"]] == p["text"] for p in q["parts"])


def test_two_workers_give_the_same_knowledge_base(
    corpus: Path, kb_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "w2.db"
    with newsgraph.open(path) as kb:
        kb.ingest([str(corpus)], workers=2)
    assert dump(path) == dump(kb_path)


def test_bad_inputs_are_reported_and_the_rest_is_ingested(tmp_path: Path, corpus: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Renata Zamudio Ocampo visited Monterrey on Friday.\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (folder / "nocol.csv").write_text("a,b\n1,2\n")
    (folder / "huge.txt").write_bytes(b"Filler words for a dump. " * 2_100_000)  # 52 MB
    (folder / "latin1.txt").write_bytes("Itzel Peña habló en Culiacán.".encode("latin-1"))
    result = subprocess.run(
        [NEWSGRAPH, "ingest", str(folder), str(tmp_path / "missing.txt"), "--db",
         str(tmp_path / "bad.db"), "-q"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    named = " ".join(errors)
    for name in ("empty.txt", "binary.txt", "nocol.csv", "missing.txt", "huge.txt"):
        assert name in named
    assert len(errors) == 5
    assert "new 2" in result.stdout


@pytest.mark.skipif(sys.platform != "linux", reason="uses kill -9")
def test_kill_during_ingest_then_rerun_gives_the_same_database(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "big.jsonl", 260, seed=11)
    reference = tmp_path / "reference.db"
    subprocess.run([NEWSGRAPH, "ingest", str(corpus), "--db", str(reference), "-q"], check=True)

    killed = tmp_path / "killed.db"
    proc = subprocess.Popen([NEWSGRAPH, "ingest", str(corpus), "--db", str(killed), "-q"])
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if killed.exists() and _documents(killed) > 0:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < _documents(killed) < 260

    subprocess.run([NEWSGRAPH, "ingest", str(corpus), "--db", str(killed), "-q"], check=True)
    assert dump(killed) == dump(reference)


def _documents(path: Path) -> int:
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        n = int(db.execute("SELECT count(*) FROM documents").fetchone()[0])
        db.close()
        return n
    except sqlite3.Error:
        return 0


def test_mention_context_is_its_sentence_cut_at_words() -> None:
    from newsgraph.kb import sentence_around

    text = (
        "Rain fell. Officials in the U.S. state said Marisol Quintero Vela left on Monday. "
        "Then it stopped."
    )
    i = text.index("Marisol")
    assert sentence_around(text, i, i + len("Marisol Quintero Vela")) == (
        "Officials in the U.S. state said [Marisol Quintero Vela] left on Monday."
    )
    short = sentence_around(text, i, i + len("Marisol Quintero Vela"), width=12)
    assert short == "…state said [Marisol Quintero Vela] left on…"
