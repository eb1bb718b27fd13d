"""The SQLite store: schema migrations, WAL, full-text search, duplicates."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import newsgraph
from newsgraph.errors import QueryError, StoreError
from newsgraph.pipeline import analyze_text
from newsgraph.store import Store, migrations


def test_new_database_is_at_the_latest_schema_in_wal_mode(tmp_path: Path) -> None:
    store = Store(tmp_path / "kb.db")
    assert store.schema_version == migrations()[-1][0]
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "kb.db"
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version=999")
    db.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_version_3_database_upgrades_in_place_and_stores_quote_parts(tmp_path: Path) -> None:
    path = tmp_path / "kb.db"
    _create_schema(path, version=3)
    _store_old_quote(path, "“Ready,” she said.", (1, 7))
    with newsgraph.open(path) as kb:
        assert kb.store.schema_version == migrations()[-1][0]
        (old,) = kb.quotes()
        assert old["text"] == "Ready," and old["parts"] == []  # in one piece, as stored
        assert old["affiliation_entity"] is None  # stored before sources had one
        text = "“The dam will hold,” Odilia Cárdenas said. “We checked it twice.”"
        kb.store.write_batch([analyze_text(text)])
        (new,) = [q for q in kb.quotes() if q["doc"] != "old"]
    assert [p["text"] for p in new["parts"]] == ["The dam will hold,", "We checked it twice."]


def _create_schema(path: Path, *, version: int) -> None:
    """A database as an older newsgraph left it: the migrations up to ``version``."""
    db = sqlite3.connect(path)
    for number, sql in migrations():
        if number <= version:
            db.executescript(sql)
    db.execute(f"PRAGMA user_version={version}")
    db.close()


def _store_old_quote(
    path: Path, text: str, span: tuple[int, int], parts: str | None = None
) -> None:
    """An article ``old`` and a quote of it at ``span``, as an older newsgraph stored them
    (``parts``, JSON, from schema v4 on)."""
    start, end = span
    db = sqlite3.connect(path)
    db.execute(
        "INSERT INTO documents (id, content_hash, language, text, segments)"
        " VALUES ('old', 'h', 'en', ?, '[]')",
        (text,),
    )
    columns = 'id, doc, start, "end", text, kind, speaker_kind, language'
    values = [f"old:q{start}-{end}", "old", start, end, text[start:end], "direct", "unknown", "en"]
    if parts is not None:
        columns, values = columns + ", parts", [*values, parts]
    marks = ", ".join("?" * len(values))
    db.execute(f"INSERT INTO quotes ({columns}) VALUES ({marks})", values)
    db.commit()
    db.close()


def test_same_text_is_stored_once() -> None:
    store = Store(":memory:")
    result = analyze_text("Graciela Valdivia Mendieta arrived in Tijuana on Sunday.")
    assert store.write_batch([result, result]).duplicates == 1
    assert store.count("documents") == 1


def test_full_text_search_ignores_accents(tmp_path: Path) -> None:
    with newsgraph.open(tmp_path / "kb.db") as kb:
        kb.store.write_batch([analyze_text("Casimiro Villaseñor spoke in Culiacán yesterday.")])
        assert kb.search("culiacan")
        assert not kb.search("Hermosillo")


def test_public_api_is_exported() -> None:
    for name in newsgraph.__all__:
        assert hasattr(newsgraph, name)
    assert callable(newsgraph.open)


def test_version_6_database_indexes_the_quoted_words_of_its_quotes(tmp_path: Path) -> None:
    path = tmp_path / "kb.db"
    _create_schema(path, version=6)
    _store_old_quote(path, "“Ready,” Odilia said. “Go.”", (1, 25), "[[1, 7], [22, 25]]")
    with newsgraph.open(path) as kb:
        assert [q["id"] for q in kb.quotes(text="ready go")] == ["old:q1-25"]
        assert kb.quotes(text="Odilia") == []  # the attribution is not quoted
        kb.store.db.execute("DELETE FROM documents WHERE id = 'old'")
        assert kb.store.rows("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'ready'") == []


def test_search_rejects_a_query_it_cannot_read(tmp_path: Path) -> None:
    with newsgraph.open(tmp_path / "kb.db") as kb:
        kb.store.write_batch([analyze_text("Casimiro Villaseñor spoke in Culiacán yesterday.")])
        with pytest.raises(QueryError, match="Culiacán AND OR"):
            kb.search("Culiacán AND OR")
