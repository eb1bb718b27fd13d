"""SQLite storage of the knowledge base.

One file in WAL mode, schema created and upgraded by the numbered SQL files in
``migrations/`` (tracked with ``PRAGMA user_version``), foreign keys on, FTS5 over articles
and quotes. A batch of articles is written in one transaction together with its entity
resolution, so an interrupted ingest leaves either the whole batch or nothing; articles are
keyed by the hash of their normalized text, so re-ingesting one is a no-op.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, cast

from .errors import QueryError, StoreError
from .quotes.speakers import described_role, plausible_person_name
from .records import DocResult, Label, Quote
from .resolve import CorpusEntity, Resolver, described_holder

log = logging.getLogger(__name__)

Row = dict[str, Any]

#: Documents per query when quotes are linked after an ingest (SQLite's parameter limit).
LINK_CHUNK = 500


@dataclass(frozen=True, slots=True)
class BatchReport:
    new: int
    duplicates: int
    documents: tuple[str, ...] = ()  # ids of the new ones


def migrations() -> list[tuple[int, str]]:
    """The schema migrations shipped with the package, in order: (version, SQL)."""
    folder = resources.files(__package__).joinpath("migrations")
    found = []
    for item in folder.iterdir():
        if item.name.endswith(".sql"):
            found.append((int(item.name.split("_", 1)[0]), item.read_text(encoding="utf-8")))
    return sorted(found)


class Store:
    """A knowledge base in one SQLite file."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        try:
            self.db = self._connect(readonly)
            if not readonly:
                self._migrate()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open database ({exc})") from exc

    def _connect(self, readonly: bool) -> sqlite3.Connection:
        if readonly:
            uri = f"file:{Path(self.path).resolve()}?mode=ro"
            db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        else:
            db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            if self.path != ":memory:":
                db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA busy_timeout=30000")
        return db

    def _migrate(self) -> None:
        current = self.db.execute("PRAGMA user_version").fetchone()[0]
        shipped = migrations()
        latest = shipped[-1][0] if shipped else 0
        if current > latest:
            raise StoreError(
                f"{self.path}: database schema v{current} is newer than this newsgraph (v{latest})"
            )
        for version, sql in shipped:
            if version > current:
                log.info("migrating %s to schema v%d", self.path, version)
                self.db.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version={version};\nCOMMIT;")

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self.db.close()

    # -- writing -------------------------------------------------------------------------

    def has_hash(self, content_hash: str) -> bool:
        row = self.db.execute("SELECT 1 FROM documents WHERE content_hash=?", (content_hash,))
        return row.fetchone() is not None

    def write_batch(self, results: Sequence[DocResult]) -> BatchReport:
        """Store a batch of analyzed articles and resolve their entities, atomically."""
        new = duplicates = 0
        written: list[str] = []
        resolver = Resolver(SqliteIndex(self.db))
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for result in results:
                if self.has_hash(result.article.content_hash):
                    duplicates += 1
                    continue
                self._insert(result, resolver.assign(result))
                written.append(result.article.id)
                new += 1
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return BatchReport(new, duplicates, tuple(written))

    def documents_with(self, content_hashes: Sequence[str]) -> list[str]:
        """Ids of the stored documents with these content hashes."""
        ids: list[str] = []
        for start in range(0, len(content_hashes), LINK_CHUNK):
            chunk = content_hashes[start : start + LINK_CHUNK]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT id FROM documents WHERE content_hash IN ({marks})"
            ids.extend(r[0] for r in self.db.execute(sql, tuple(chunk)))
        return ids

    def link_described_speakers(self, documents: Sequence[str]) -> int:
        """Give the quotes of ``documents`` whose speaker is a role description nobody in
        the article holds ("El mandatario") the one person of the article the corpus
        knows in that role (:func:`described_holder`). A description the article linked
        to the person who spoke before it, whom the corpus does not know in that role,
        goes to that holder instead. Run once the documents and those read with them are
        stored, so that the order of reading does not matter. Returns how many quotes it
        linked."""
        linked = 0
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for start in range(0, len(documents), LINK_CHUNK):
                linked += self._link_described(documents[start : start + LINK_CHUNK])
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return linked

    def _link_described(self, documents: Sequence[str]) -> int:
        marks = ",".join("?" * len(documents))
        quotes = self.rows(
            "SELECT id, doc, speaker_text, speaker_local, language FROM quotes"
            f" WHERE doc IN ({marks}) AND speaker_text IS NOT NULL AND ((speaker_local IS NULL"
            " AND speaker_kind = 'unknown') OR (speaker_local IS NOT NULL AND speaker_kind ="
            " 'person'))",
            documents,
        )
        if not quotes:
            return 0
        people: dict[str, dict[str, list[str]]] = {}
        for row in self.rows(
            "SELECT l.doc, l.id, l.entity, l.name, d.language, r.role FROM local_entities l"
            " JOIN entity_roles r ON r.entity = l.entity JOIN documents d ON d.id = l.doc"
            f" WHERE l.doc IN ({marks}) AND l.label = 'PERSON'",
            documents,
        ):
            if plausible_person_name(row["name"], row["language"]):
                people.setdefault(row["doc"], {}).setdefault(row["id"], []).append(row["role"])
        linked = 0
        for q in quotes:
            known = people.get(q["doc"], {})
            words, language, linked_to = q["speaker_text"], q["language"], q["speaker_local"]
            if linked_to is not None and (
                described_role(words, language) is None
                or described_holder(words, language, {linked_to: known.get(linked_to, [])})
            ):
                continue  # a name, or a description of one the corpus knows in that role
            holder = described_holder(words, language, known)
            if holder is None or holder == linked_to:
                continue
            self.db.execute(
                "UPDATE quotes SET speaker_kind = 'person', speaker_local = ?, speaker_entity ="
                " (SELECT entity FROM local_entities WHERE id = ?) WHERE id = ?",
                (holder, holder, q["id"]),
            )
            linked += 1
        return linked

    def _insert(self, result: DocResult, entity_ids: list[str]) -> None:
        a = result.article
        self.db.execute(
            "INSERT INTO documents (id, content_hash, origin, url, title, source, author,"
            " published, updated, language, text, segments)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                a.id, a.content_hash, a.origin, a.meta.url, a.meta.title, a.meta.source,
                a.meta.author, a.meta.published, a.meta.updated, a.language, a.text,
                json.dumps([[s.start, s.end, s.language] for s in a.segments]),
            ),
        )  # fmt: skip
        locals_ = [f"{a.id}:e{e.index}" for e in result.entities]
        self.db.executemany(
            "INSERT INTO local_entities (id, doc, idx, name, label, aliases, roles, entity)"
            " VALUES (?,?,?,?,?,?,?,?)",
            [
                (lid, a.id, e.index, e.name, e.label, json.dumps(list(e.aliases)),
                 json.dumps(list(e.roles)), eid)
                for lid, e, eid in zip(locals_, result.entities, entity_ids, strict=True)
            ],
        )  # fmt: skip
        self.db.executemany(
            'INSERT INTO mentions (id, doc, start, "end", text, label, local, entity)'
            " VALUES (?,?,?,?,?,?,?,?)",
            [
                (f"{a.id}:m{m.start}-{m.end}", a.id, m.start, m.end, m.text, m.label,
                 locals_[m.local], entity_ids[m.local])
                for m in result.mentions
            ],
        )  # fmt: skip
        self.db.executemany(
            'INSERT OR IGNORE INTO quotes (id, doc, start, "end", text, kind, speaker_text,'
            " speaker_kind, speaker_start, speaker_end, speaker_local, speaker_entity, cue,"
            " cue_start, cue_end, language, parts, speaker_affiliation)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [_quote_row(a.id, q, locals_, entity_ids) for q in result.quotes],
        )
        self.db.executemany(
            "INSERT OR IGNORE INTO quote_speakers (quote, local) VALUES (?,?)",
            [(_quote_id(a.id, q), locals_[i]) for q in result.quotes for i in q.speaker.others],
        )

    # -- reading -------------------------------------------------------------------------

    def rows(self, sql: str, params: Iterable[Any] = ()) -> list[Row]:
        return [dict(r) for r in self.db.execute(sql, tuple(params))]

    def matching_rows(self, sql: str, params: Iterable[Any], query: str | None) -> list[Row]:
        """:meth:`rows` of a statement that may hold the full-text ``query``, which FTS5 may
        fail to parse ("toll AND OR"): that is a :class:`QueryError` naming it."""
        try:
            return self.rows(sql, params)
        except sqlite3.OperationalError as exc:
            if query is None or "fts5" not in str(exc):
                raise
            raise QueryError(f"full-text query {query!r}: {exc}") from exc

    def iter_rows(self, sql: str, params: Iterable[Any] = ()) -> Iterator[Row]:
        for r in self.db.execute(sql, tuple(params)):
            yield dict(r)

    def count(self, table: str) -> int:
        return int(self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _quote_row(doc: str, q: Quote, locals_: list[str], entity_ids: list[str]) -> tuple[Any, ...]:
    s = q.speaker
    local = locals_[s.local] if s.local is not None else None
    entity = entity_ids[s.local] if s.local is not None else None
    affiliation = locals_[s.affiliation] if s.affiliation is not None else None
    return (
        _quote_id(doc, q), doc, q.start, q.end, q.text, q.kind, s.text, s.kind,
        s.start, s.end, local, entity, q.cue, q.cue_start, q.cue_end, q.language,
        json.dumps([list(p) for p in q.parts]), affiliation,
    )  # fmt: skip


def _quote_id(doc: str, q: Quote) -> str:
    return f"{doc}:q{q.start}-{q.end}"


def quote_parts(row: Row) -> list[Row]:
    """The fragments of a stored quote as ``{start, end, text}`` (none for one piece)."""
    start, text = row["start"], row["text"]
    return [
        {"start": s, "end": e, "text": text[s - start : e - start]}
        for s, e in json.loads(row["parts"])
    ]


class SqliteIndex:
    """The resolver's :class:`~newsgraph.resolve.EntityIndex` over the store's tables."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def candidates(self, keys: Iterable[str]) -> list[CorpusEntity]:
        keys = list(keys)
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        ids = [
            r[0]
            for r in self.db.execute(
                f"SELECT DISTINCT entity FROM entity_keys WHERE key IN ({marks}) ORDER BY entity",
                keys,
            )
        ]
        return [self.load(i) for i in ids]

    def load(self, entity_id: str) -> CorpusEntity:
        row = self.db.execute(
            "SELECT id, name, label, mentions, documents, context, labels FROM entities WHERE id=?",
            (entity_id,),
        ).fetchone()
        aliases = Counter(
            {
                r[0]: r[1]
                for r in self.db.execute(
                    "SELECT alias, count FROM entity_aliases WHERE entity=?", (entity_id,)
                )
            }
        )
        roles = Counter(
            {
                r[0]: r[1]
                for r in self.db.execute(
                    "SELECT role, count FROM entity_roles WHERE entity=?", (entity_id,)
                )
            }
        )
        return CorpusEntity(
            id=row[0], name=row[1], label=cast(Label, row[2]), aliases=aliases, roles=roles,
            mentions=row[3], documents=row[4], context=Counter(json.loads(row[5])),
            labels=Counter(json.loads(row[6])) or Counter({row[2]: row[3]}),
        )  # fmt: skip

    def save(self, entity: CorpusEntity, keys: Iterable[str]) -> None:
        self.db.execute(
            "INSERT INTO entities (id, name, label, mentions, documents, context, labels)"
            " VALUES (?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET name=excluded.name,"
            " label=excluded.label, mentions=excluded.mentions, documents=excluded.documents,"
            " context=excluded.context, labels=excluded.labels",
            (entity.id, entity.name, entity.label, entity.mentions, entity.documents,
             json.dumps(dict(entity.context), ensure_ascii=False, sort_keys=True),
             json.dumps(dict(entity.labels), sort_keys=True)),
        )  # fmt: skip
        self.db.executemany(
            "INSERT INTO entity_aliases (entity, alias, count) VALUES (?,?,?)"
            " ON CONFLICT(entity, alias) DO UPDATE SET count=excluded.count",
            [(entity.id, a, n) for a, n in entity.aliases.items()],
        )
        self.db.executemany(
            "INSERT INTO entity_roles (entity, role, count) VALUES (?,?,?)"
            " ON CONFLICT(entity, role) DO UPDATE SET count=excluded.count",
            [(entity.id, r, n) for r, n in entity.roles.items()],
        )
        self.db.executemany(
            "INSERT OR IGNORE INTO entity_keys (key, entity) VALUES (?,?)",
            [(k, entity.id) for k in keys],
        )

    def exists(self, entity_id: str) -> bool:
        """Whether the id is taken, by an entity or by one merged away (ids never return)."""
        found = self.db.execute(
            "SELECT 1 FROM entities WHERE id=? UNION ALL SELECT 1 FROM entity_redirects"
            " WHERE old=?",
            (entity_id, entity_id),
        ).fetchone()
        return found is not None
