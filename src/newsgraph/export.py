"""Export the knowledge base as the JSON Lines data contract of DESIGN.md.

One object per line, each with ``"type"``: documents first, then entities, mentions and
quotes. Offsets are Python ``str`` indices into the document's exported ``text``, and every
``text`` is the slice its offsets give: a quote broken by its attribution keeps its whole span
as ``text`` and lists its quoted fragments, each with its own offsets, in ``parts``. A
joint source ("GM and Ford said …") has one of its entities as the speaker's ``entity`` and
the others' in ``speaker.others``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from .store import Row, Store, quote_parts

#: Formats ``newsgraph export`` knows.
FORMATS = ("jsonl",)


def iter_records(store: Store) -> Iterator[dict[str, Any]]:
    """Every record of the knowledge base, in a stable order."""
    yield from _documents(store)
    yield from _entities(store)
    yield from _mentions(store)
    yield from _quotes(store)


def write_jsonl(store: Store, out: IO[str]) -> int:
    """Write all records to ``out``; returns the number of lines written."""
    n = 0
    for record in iter_records(store):
        out.write(json.dumps(record, ensure_ascii=False))
        out.write("\n")
        n += 1
    return n


def _documents(store: Store) -> Iterator[dict[str, Any]]:
    for r in store.iter_rows(
        "SELECT id, url, title, source, published, updated, language, text"
        " FROM documents ORDER BY rowid"
    ):
        yield {"type": "document", **r}


def _entities(store: Store) -> Iterator[dict[str, Any]]:
    aliases: dict[str, list[str]] = {}
    for a in store.iter_rows(
        "SELECT entity, alias FROM entity_aliases ORDER BY entity, count DESC, alias"
    ):
        aliases.setdefault(a["entity"], []).append(a["alias"])
    for r in store.iter_rows(
        "SELECT id, name, label, mentions, documents FROM entities ORDER BY id"
    ):
        yield {
            "type": "entity",
            "id": r["id"],
            "name": r["name"],
            "label": r["label"],
            "aliases": aliases.get(r["id"], []),
            "mentions": r["mentions"],
            "documents": r["documents"],
        }


def _mentions(store: Store) -> Iterator[dict[str, Any]]:
    for r in store.iter_rows(
        'SELECT id, doc, start, "end", text, label, entity FROM mentions ORDER BY doc, start'
    ):
        yield {"type": "mention", **r}


def _quotes(store: Store) -> Iterator[dict[str, Any]]:
    others: dict[str, list[str]] = {}
    for j in store.iter_rows(
        "SELECT j.quote, l.entity FROM quote_speakers j"
        " JOIN local_entities l ON l.id = j.local ORDER BY j.rowid"
    ):
        others.setdefault(j["quote"], []).append(j["entity"])
    for r in store.iter_rows(
        "SELECT q.*, a.entity AS affiliation_entity FROM quotes q"
        " LEFT JOIN local_entities a ON a.id = q.speaker_affiliation ORDER BY q.doc, q.start"
    ):
        yield _quote(r, others.get(r["id"], []))


def _quote(r: Row, others: list[str]) -> dict[str, Any]:
    return {
        "type": "quote",
        "id": r["id"],
        "doc": r["doc"],
        "start": r["start"],
        "end": r["end"],
        "text": r["text"],
        "parts": quote_parts(r),
        "kind": r["kind"],
        "speaker": {
            "entity": r["speaker_entity"],
            "text": r["speaker_text"],
            "kind": r["speaker_kind"],
            "start": r["speaker_start"],
            "end": r["speaker_end"],
            "others": others,  # the entities who speak with it in a joint source
            "affiliation": r["affiliation_entity"],  # the organisation it speaks from
        },
        "cue": r["cue"],
        "language": r["language"],
    }
