"""The Python API: a knowledge base you open, feed and query.

>>> import newsgraph
>>> kb = newsgraph.open("kb.db")          # doctest: +SKIP
>>> kb.ingest(["articles/"])              # doctest: +SKIP
>>> kb.search("cartel")                   # doctest: +SKIP

The CLI is a thin layer over this class.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .annotate import Models
from .pipeline import MAX_ARTICLE_CHARS, MapOptions, run_map
from .read import ReadOptions, iter_raw
from .records import DocResult, Failure
from .resolve import lookup_keys
from .store import LINK_CHUNK, Row, Store, quote_parts

log = logging.getLogger(__name__)

#: Articles written per transaction: one batch is all-or-nothing after a crash.
WRITE_BATCH = 64


@dataclass(slots=True)
class IngestReport:
    """What one ingest did."""

    read: int = 0
    new: int = 0
    duplicates: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)


@dataclass(frozen=True, slots=True)
class SearchHit:
    doc: str
    title: str | None
    published: str | None
    snippet: str


@dataclass(frozen=True, slots=True)
class EntitySummary:
    id: str
    name: str
    label: str
    mentions: int
    documents: int
    aliases: list[tuple[str, int]]


class KnowledgeBase:
    """A newsgraph knowledge base stored in one SQLite file."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.store = Store(self.path)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- ingest --------------------------------------------------------------------------

    def ingest(
        self,
        paths: Sequence[str],
        *,
        workers: int = 1,
        read_options: ReadOptions | None = None,
        models: Models | None = None,
        max_chars: int = MAX_ARTICLE_CHARS,
        on_progress: Callable[[IngestReport], None] | None = None,
        on_failure: Callable[[Failure], None] | None = None,
    ) -> IngestReport:
        """Read, analyze and store articles from files, folders, globs or ``-`` (stdin)."""
        report = IngestReport()
        options = MapOptions(models=models or Models(), max_chars=max_chars)
        raws = iter_raw(paths, options=read_options or ReadOptions())
        stream = run_map(
            raws,
            options=options,
            workers=workers,
            seen=self.store.has_hash,
            db_path=None if self.path == ":memory:" else self.path,
        )
        batch: list[DocResult] = []
        written: list[str] = []  # ids of new articles
        stored: list[str] = []  # content hashes of articles already stored
        for item in stream:
            report.read += 1
            if isinstance(item, Failure):
                report.failures.append(item)
                if on_failure:
                    on_failure(item)
            elif isinstance(item, str):
                report.duplicates += 1
                stored.append(item)
            else:
                batch.append(item)
            if len(batch) >= WRITE_BATCH:
                self._write(batch, report, written)
                batch = []
            if on_progress:
                on_progress(report)
        if batch:
            self._write(batch, report, written)
        # Also the articles stored before, so that an interrupted ingest, run again, ends
        # as if it had run once.
        self.store.link_described_speakers([*written, *self.store.documents_with(stored)])
        return report

    def _write(self, batch: list[DocResult], report: IngestReport, written: list[str]) -> None:
        stored = self.store.write_batch(batch)
        report.new += stored.new
        report.duplicates += stored.duplicates
        written.extend(stored.documents)

    # -- queries -------------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        """Counts of articles, languages, entities, mentions and quotes."""
        languages = self.store.rows(
            "SELECT language, count(*) AS n FROM documents GROUP BY language ORDER BY n DESC"
        )
        return {
            "documents": self.store.count("documents"),
            "languages": {r["language"]: r["n"] for r in languages},
            "entities": self.store.count("entities"),
            "mentions": self.store.count("mentions"),
            "quotes": self.store.count("quotes"),
            "schema_version": self.store.schema_version,
        }

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Full-text search over titles and texts (FTS5 syntax), best matches first."""
        rows = self.store.matching_rows(
            "SELECT d.id, d.title, d.published,"
            " snippet(documents_fts, 1, '[', ']', '…', 12) AS snippet"
            " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
            " WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
            (_fts_query(query), limit),
            query,
        )
        return [SearchHit(r["id"], r["title"], r["published"], r["snippet"]) for r in rows]

    def entities(self, *, label: str | None = None, limit: int = 50) -> list[EntitySummary]:
        """Corpus entities, most widely reported first."""
        where, params = ("WHERE label = ?", [label.upper()]) if label else ("", [])
        rows = self.store.rows(
            f"SELECT id, name, label, mentions, documents FROM entities {where}"
            " ORDER BY documents DESC, mentions DESC, name LIMIT ?",
            [*params, limit],
        )
        return [self._summary(r) for r in rows]

    def _summary(self, row: Row) -> EntitySummary:
        aliases = self.store.rows(
            "SELECT alias, count FROM entity_aliases WHERE entity=? ORDER BY count DESC, alias",
            (row["id"],),
        )
        return EntitySummary(
            row["id"], row["name"], row["label"], row["mentions"], row["documents"],
            [(a["alias"], a["count"]) for a in aliases],
        )  # fmt: skip

    def document(self, doc_id: str) -> Row | None:
        """One article with its mentions and quotes (``None`` when unknown)."""
        found = self.store.rows("SELECT * FROM documents WHERE id=?", (doc_id,))
        if not found:
            return None
        doc = found[0]
        doc["mentions"] = self.store.rows(
            'SELECT id, start, "end", text, label, entity FROM mentions WHERE doc=? ORDER BY start',
            (doc_id,),
        )
        doc["quotes"] = self._with_others(
            _with_parts(
                self.store.rows(
                    f"SELECT q.*, {_AFFILIATION_COLUMNS} FROM quotes q {_AFFILIATION_JOIN}"
                    " WHERE q.doc=? ORDER BY q.start",
                    (doc_id,),
                )
            )
        )
        return doc

    def mention_contexts(self, entity_id: str, *, limit: int = 3) -> list[tuple[str, str]]:
        """A few mentions of an entity in their sentence: (doc id, sentence)."""
        rows = self.store.rows(
            'SELECT m.doc, m.start, m."end", d.text FROM mentions m'
            " JOIN documents d ON d.id = m.doc WHERE m.entity=? ORDER BY m.doc, m.start LIMIT ?",
            (entity_id, limit),
        )
        return [(r["doc"], sentence_around(r["text"], r["start"], r["end"])) for r in rows]

    def find_entities(self, name: str) -> list[str]:
        """Ids of entities whose id is ``name`` or that are known under that name or alias.

        Matching is accent- and case-insensitive, through the resolver's name keys.
        """
        if self.store.rows("SELECT 1 FROM entities WHERE id=?", (name,)):
            return [name]
        redirect = self.store.rows("SELECT new FROM entity_redirects WHERE old=?", (name,))
        if redirect:
            return [redirect[0]["new"]]
        keys = lookup_keys(name)
        rows = (
            self.store.rows(
                "SELECT DISTINCT entity FROM entity_keys WHERE key IN"
                f" ({','.join('?' * len(keys))}) ORDER BY entity",
                keys,
            )
            if keys
            else []
        )
        if not rows:
            rows = self.store.rows(
                "SELECT DISTINCT entity FROM entity_aliases WHERE alias = ? COLLATE NOCASE",
                (name,),
            )
        return [r["entity"] for r in rows]

    def quotes(
        self,
        *,
        speaker: str | None = None,
        about: str | None = None,
        anonymous: bool = False,
        since: str | None = None,
        limit: int = 50,
        affiliation: str | None = None,
        until: str | None = None,
        text: str | None = None,
    ) -> list[Row]:
        """Quotes across articles, newest first, each with its article's date and source.

        A quote broken by its attribution has its fragments in ``parts`` ({start, end, text}).
        ``speaker``: said by that entity, or by an unresolved speaker written that way (a
        speaker resolved to another entity never matches by its words: "X, whom Noboa
        appointed" is not Noboa); ``about``: the
        quote mentions that entity (or contains the name); ``anonymous``: only unnamed
        sources; ``since`` / ``until``: articles published on or after / on or before that
        ISO date ("2025", "2025-04" and "2025-04-21" each take the whole period);
        ``text``: the quote's words match that full-text query (FTS5 syntax, accents and
        case ignored: "aranceles", "fentanyl OR fentanilo", "\"state of emergency\"");
        ``affiliation``: said by a source written as speaking from that entity, named or
        not ("officials at the ministry", "Ana Ruiz, economist at Valle Bank"). Each row
        has ``affiliation_entity`` and ``affiliation_name``.
        """
        where: list[str] = []
        params: list[Any] = []
        if speaker:
            ids = self.find_entities(speaker)
            marks = ",".join("?" * len(ids))
            where.append(
                f"(q.speaker_entity IN ({marks})"
                " OR (q.speaker_entity IS NULL AND q.speaker_text LIKE ?)"
                " OR q.id IN (SELECT j.quote FROM quote_speakers j JOIN local_entities l"
                f" ON l.id = j.local WHERE l.entity IN ({marks})))"
            )
            params += [*ids, f"%{speaker}%", *ids]
        if about:
            ids = self.find_entities(about)
            marks = ",".join("?" * len(ids))
            where.append(
                f"(EXISTS (SELECT 1 FROM mentions m WHERE m.doc = q.doc AND m.entity IN ({marks})"
                f" AND {_MENTION_QUOTED}) OR {_QUOTED_TEXT_LIKE})"
            )
            params += [*ids, f"%{about}%"]
        if affiliation:
            ids = self.find_entities(affiliation)
            where.append(f"a.entity IN ({','.join('?' * len(ids))})")
            params += ids
        if anonymous:
            where.append("q.speaker_kind = 'anonymous'")
        if since:
            where.append("d.published >= ?")
            params.append(since)
        if until:  # "2025-04" takes every day of April: anything before "2025-04\uffff"
            where.append("d.published <= ?")
            params.append(until + "\uffff")
        if text:
            where.append("q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
            params.append(_fts_query(text))
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        rows = self.store.matching_rows(
            "SELECT q.*, d.published, d.title, d.url, d.source, e.name AS speaker_name,"
            f" {_AFFILIATION_COLUMNS} FROM quotes q JOIN documents d ON d.id = q.doc"
            f" LEFT JOIN entities e ON e.id = q.speaker_entity {_AFFILIATION_JOIN}"
            f" {clause} ORDER BY d.published DESC, q.doc, q.start LIMIT ?",
            [*params, limit],
            text,
        )
        return self._with_others(_with_parts(rows))

    def _with_others(self, quotes: list[Row]) -> list[Row]:
        """Quote rows with ``others``: the others who speak in a joint source, as
        {entity, name}, in the order the source names them."""
        ids = [q["id"] for q in quotes]
        others: dict[str, list[Row]] = {i: [] for i in ids}
        for start in range(0, len(ids), LINK_CHUNK):
            chunk = ids[start : start + LINK_CHUNK]
            for r in self.store.rows(
                "SELECT j.quote, l.entity, e.name FROM quote_speakers j"
                " JOIN local_entities l ON l.id = j.local LEFT JOIN entities e ON e.id = l.entity"
                f" WHERE j.quote IN ({','.join('?' * len(chunk))}) ORDER BY j.rowid",
                chunk,
            ):
                others[r["quote"]].append({"entity": r["entity"], "name": r["name"]})
        for q in quotes:
            q["others"] = others[q["id"]]
        return quotes

    def export(self, fmt: str = "jsonl") -> Iterator[dict[str, Any]]:
        """The knowledge base as data-contract records (see :mod:`newsgraph.export`)."""
        from .export import iter_records

        return iter_records(self.store)


#: A sentence end: final punctuation (not after an initial such as "U.S." or "J."), space,
#: and a capital or an opening mark; or a line break.
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.!?][\"”’»)]?[ \t]+(?=[\"“‘«¿¡(A-ZÁÉÍÓÚÑ])|\n")


def sentence_around(text: str, start: int, end: int, *, width: int = 160) -> str:
    """The sentence around ``text[start:end]``, with the mention in brackets; cut at a
    word boundary with "…" when the sentence runs more than ``width`` characters on a side."""
    lo, hi = max(0, start - 4 * width), min(len(text), end + 4 * width)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, hi)]
    left = max([lo, *(e for e in ends if e <= start)])
    right = min([hi, *(e for e in ends if e > end)])
    head, tail = text[left:start], text[end:right].rstrip()
    if len(head) > width:
        head = "…" + head[-width:].split(" ", 1)[-1]
    if len(tail) > width:
        tail = tail[:width].rsplit(" ", 1)[0] + "…"
    return f"{head}[{text[start:end]}]{tail}".strip()


#: SQL over a quote ``q`` (and a mention ``m``) that looks only at the quoted words: a quote
#: in parts (“A,” she said. “B.”) leaves out the attribution between its fragments; one in a
#: single piece (``parts`` empty) is its own only part.
_PART = (
    "json_each(CASE q.parts WHEN '[]' THEN json_array(json_array(q.start, q.\"end\"))"
    " ELSE q.parts END) p"
)
_PART_START, _PART_END = "json_extract(p.value, '$[0]')", "json_extract(p.value, '$[1]')"
_MENTION_QUOTED = (
    f'EXISTS (SELECT 1 FROM {_PART} WHERE m.start >= {_PART_START} AND m."end" <= {_PART_END})'
)
_QUOTED_TEXT_LIKE = (
    f"EXISTS (SELECT 1 FROM {_PART} WHERE"
    f" substr(q.text, {_PART_START} - q.start + 1, {_PART_END} - {_PART_START}) LIKE ?)"
)


#: The entity a quote's source speaks from, and its name, for a query on ``quotes q``.
_AFFILIATION_COLUMNS = "a.entity AS affiliation_entity, ae.name AS affiliation_name"
_AFFILIATION_JOIN = (
    "LEFT JOIN local_entities a ON a.id = q.speaker_affiliation"
    " LEFT JOIN entities ae ON ae.id = a.entity"
)


def _with_parts(quotes: list[Row]) -> list[Row]:
    """Stored quote rows with their ``parts`` JSON read into {start, end, text} fragments."""
    for q in quotes:
        q["parts"] = quote_parts(q)
    return quotes


def _fts_query(query: str) -> str:
    """Plain words become a phrase-safe query; FTS5 syntax passes through when used."""
    if any(op in query for op in ('"', " AND ", " OR ", " NOT ", "*", "NEAR(")):
        return query
    words = [w.replace('"', "") for w in query.split()]
    return " ".join(f'"{w}"' for w in words if w)


def open(path: str | Path = "newsgraph.db") -> KnowledgeBase:
    """Open (or create) a knowledge base file."""
    return KnowledgeBase(path)
