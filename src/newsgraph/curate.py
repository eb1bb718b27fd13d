"""Manual control over entities that later ingests respect, and entity pages.

``merge`` folds one entity into another: its mentions, quotes, aliases and keys move, and
its id redirects to the survivor, so new articles naming it land there too. ``split``
takes the articles' entities known under one alias out into an entity of their own, and
moves that alias's keys with them, so later articles using that name follow.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .entities import name_key
from .errors import NewsgraphError
from .resolve import CorpusEntity, Resolver, lookup_keys
from .store import SqliteIndex, Store


class EntityNotFound(NewsgraphError):
    """No entity has that id or name."""


@dataclass(frozen=True, slots=True)
class EntityDetail:
    id: str
    name: str
    label: str
    mentions: int
    documents: int
    aliases: list[tuple[str, int]]
    roles: list[tuple[str, int]]
    articles: list[dict[str, Any]]
    co_mentioned: list[tuple[str, str, int]]  # (id, name, shared articles)


def resolve_id(store: Store, name_or_id: str) -> str:
    """The entity an id (or a merged-away id) or a name refers to; the most reported wins."""
    for sql in (
        "SELECT id FROM entities WHERE id=?",
        "SELECT new FROM entity_redirects WHERE old=?",
    ):
        row = store.db.execute(sql, (name_or_id,)).fetchone()
        if row:
            return str(row[0])
    keys = lookup_keys(name_or_id)
    marks = ",".join("?" * len(keys))
    row = (
        store.db.execute(
            "SELECT e.id FROM entity_keys k JOIN entities e ON e.id = k.entity"
            f" WHERE k.key IN ({marks}) ORDER BY e.documents DESC, e.id LIMIT 1",
            keys,
        ).fetchone()
        if keys
        else None
    )
    if not row:
        raise EntityNotFound(f"no entity with id or name {name_or_id!r}")
    return str(row[0])


def merge(store: Store, keep_id: str, other_id: str) -> str:
    """Fold ``other_id`` into ``keep_id``; returns the surviving id."""
    keep, other = resolve_id(store, keep_id), resolve_id(store, other_id)
    if keep == other:
        return keep
    index = SqliteIndex(store.db)
    store.db.execute("BEGIN IMMEDIATE")
    try:
        survivor, absorbed = index.load(keep), index.load(other)
        _fold(survivor, absorbed)
        keys = [
            r[0] for r in store.db.execute("SELECT key FROM entity_keys WHERE entity=?", (other,))
        ]
        _repoint(store, other, keep)
        store.db.execute("DELETE FROM entities WHERE id=?", (other,))
        index.save(survivor, keys)
        store.db.execute("UPDATE entity_redirects SET new=? WHERE new=?", (keep, other))
        store.db.execute(
            "INSERT OR REPLACE INTO entity_redirects (old, new) VALUES (?,?)", (other, keep)
        )
        store.db.execute("COMMIT")
    except BaseException:
        store.db.execute("ROLLBACK")
        raise
    return keep


def _fold(survivor: CorpusEntity, absorbed: CorpusEntity) -> None:
    from .resolve import canonical_name

    survivor.aliases.update(absorbed.aliases)
    survivor.roles.update(absorbed.roles)
    survivor.context.update(absorbed.context)
    survivor.labels.update(absorbed.labels)
    survivor.mentions += absorbed.mentions
    survivor.documents += absorbed.documents
    survivor.name = (
        canonical_name(survivor.aliases, person=survivor.label == "PERSON") or survivor.name
    )


def _repoint(store: Store, old: str, new: str) -> None:
    for table, column in (
        ("mentions", "entity"),
        ("local_entities", "entity"),
        ("quotes", "speaker_entity"),
    ):
        store.db.execute(f"UPDATE {table} SET {column}=? WHERE {column}=?", (new, old))


def split(store: Store, entity_id: str, alias: str) -> str:
    """Move the article entities known as ``alias`` out of an entity; returns the new id."""
    source = resolve_id(store, entity_id)
    key = name_key(alias)
    locals_ = [
        r
        for r in store.rows(
            "SELECT id, doc, name, label, aliases FROM local_entities WHERE entity=?", (source,)
        )
        if key in {name_key(a) for a in [r["name"], *json.loads(r["aliases"])]}
    ]
    if not locals_:
        raise EntityNotFound(f"entity {source} has no articles naming it {alias!r}")
    index = SqliteIndex(store.db)
    store.db.execute("BEGIN IMMEDIATE")
    try:
        new_id = _split_out(store, index, source, alias, locals_)
        store.db.execute("COMMIT")
    except BaseException:
        store.db.execute("ROLLBACK")
        raise
    return new_id


def _split_out(
    store: Store, index: SqliteIndex, source: str, alias: str, locals_: list[dict[str, Any]]
) -> str:
    from .records import LocalEntity

    first = locals_[0]
    seed = LocalEntity(index=0, name=alias, label=first["label"])
    new = Resolver(index)._create(seed)
    old = index.load(source)
    ids = [r["id"] for r in locals_]
    marks = ",".join("?" * len(ids))
    moved = store.rows(f"SELECT text FROM mentions WHERE local IN ({marks})", ids)
    for m in moved:
        new.aliases[m["text"]] += 1
        old.aliases[m["text"]] -= 1
    old.aliases = +old.aliases
    new.mentions, new.documents = len(moved), len({r["doc"] for r in locals_})
    old.mentions -= new.mentions
    old.documents -= new.documents
    alias_keys = set(lookup_keys(alias))
    store.db.execute(
        f"DELETE FROM entity_keys WHERE entity=? AND key IN ({','.join('?' * len(alias_keys))})",
        [source, *alias_keys],
    )
    store.db.execute("DELETE FROM entity_aliases WHERE entity=?", (source,))
    index.save(old, [])
    index.save(new, alias_keys)
    for table, column in (
        ("mentions", "local"),
        ("local_entities", "id"),
        ("quotes", "speaker_local"),
    ):
        target = "speaker_entity" if table == "quotes" else "entity"
        store.db.execute(
            f"UPDATE {table} SET {target}=? WHERE {column} IN ({marks})", [new.id, *ids]
        )
    store.db.execute(
        "INSERT OR REPLACE INTO entity_splits (entity, alias_key, from_entity) VALUES (?,?,?)",
        (new.id, name_key(alias), source),
    )
    return new.id


def entity_detail(store: Store, name_or_id: str, *, limit: int = 20) -> EntityDetail:
    """Everything an entity page shows."""
    eid = resolve_id(store, name_or_id)
    row = store.rows(
        "SELECT id, name, label, mentions, documents FROM entities WHERE id=?", (eid,)
    )[0]
    aliases = store.rows(
        "SELECT alias, count FROM entity_aliases WHERE entity=? ORDER BY count DESC, alias", (eid,)
    )
    roles = store.rows(
        "SELECT role, count FROM entity_roles WHERE entity=? ORDER BY count DESC, role", (eid,)
    )
    articles = store.rows(
        "SELECT d.id, d.title, d.published, count(*) AS mentions FROM mentions m"
        " JOIN documents d ON d.id = m.doc WHERE m.entity=? GROUP BY d.id"
        " ORDER BY d.published DESC, d.id LIMIT ?",
        (eid, limit),
    )
    co = store.rows(
        "SELECT e.id, e.name, count(DISTINCT a.doc) AS shared FROM local_entities a"
        " JOIN local_entities b ON b.doc = a.doc AND b.entity != a.entity"
        " JOIN entities e ON e.id = b.entity WHERE a.entity=?"
        " GROUP BY e.id ORDER BY shared DESC, e.name LIMIT ?",
        (eid, limit),
    )
    return EntityDetail(
        row["id"], row["name"], row["label"], row["mentions"], row["documents"],
        [(a["alias"], a["count"]) for a in aliases], [(r["role"], r["count"]) for r in roles],
        articles, [(c["id"], c["name"], c["shared"]) for c in co],
    )  # fmt: skip
