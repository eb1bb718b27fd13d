"""Cross-document entity resolution: article entities to corpus entities.

Resolution is incremental: each article's local entities are matched against corpus
entities found through *blocking keys* (so the cost grows with the candidates a name
shares keys with, not with the corpus), then the matched entities are updated and
unmatched ones created. Entities an article does not touch are never rewritten, so their
ids stay stable. The index behind it is a protocol: an in-memory one for evaluation, the
SQLite store for a knowledge base.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from .entities import name_key
from .records import DocResult, Label, LocalEntity


@dataclass(slots=True)
class CorpusEntity:
    """An entity of the whole corpus, as the resolver sees it."""

    id: str
    name: str
    label: Label
    aliases: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    mentions: int = 0
    documents: int = 0


class EntityIndex(Protocol):
    """Where corpus entities live while resolving."""

    def candidates(self, keys: Iterable[str]) -> list[CorpusEntity]: ...

    def save(self, entity: CorpusEntity, keys: Iterable[str]) -> None: ...

    def exists(self, entity_id: str) -> bool: ...


class MemoryIndex:
    """An in-memory :class:`EntityIndex` (evaluation, tests)."""

    def __init__(self) -> None:
        self.entities: dict[str, CorpusEntity] = {}
        self.keys: dict[str, set[str]] = {}

    def candidates(self, keys: Iterable[str]) -> list[CorpusEntity]:
        ids = sorted({i for k in keys for i in self.keys.get(k, ())})
        return [self.entities[i] for i in ids]

    def save(self, entity: CorpusEntity, keys: Iterable[str]) -> None:
        self.entities[entity.id] = entity
        for key in keys:
            self.keys.setdefault(key, set()).add(entity.id)

    def exists(self, entity_id: str) -> bool:
        return entity_id in self.entities


def blocking_keys(local: LocalEntity) -> set[str]:
    """Keys under which an entity can be found: its label with each normalized alias."""
    names = {local.name, *local.aliases}
    return {f"{local.label}:{name_key(n)}" for n in names if name_key(n)}


class Resolver:
    """Assigns corpus entity ids to the local entities of one article at a time."""

    def __init__(self, index: EntityIndex) -> None:
        self.index = index

    def assign(self, result: DocResult) -> list[str]:
        """Corpus entity id for each of ``result.entities``, updating the index."""
        counts = Counter(m.local for m in result.mentions)
        ids: list[str] = []
        for local in result.entities:
            keys = blocking_keys(local)
            entity = self._match(local, keys) or self._create(local)
            self._absorb(entity, local, counts[local.index], result)
            self.index.save(entity, keys)
            ids.append(entity.id)
        return ids

    def _match(self, local: LocalEntity, keys: set[str]) -> CorpusEntity | None:
        candidates = [c for c in self.index.candidates(keys) if c.label == local.label]
        return candidates[0] if candidates else None

    def _create(self, local: LocalEntity) -> CorpusEntity:
        return CorpusEntity(id=self._new_id(local), name=local.name, label=local.label)

    def _new_id(self, local: LocalEntity) -> str:
        # Deterministic: the same first name and label give the same id in every run.
        seed = f"{local.label}:{name_key(local.name)}"
        for salt in range(1000):
            digest = hashlib.sha1(f"{seed}#{salt}".encode()).hexdigest()[:12]
            if not self.index.exists(f"e{digest}"):
                return f"e{digest}"
        raise RuntimeError("entity id space exhausted")  # pragma: no cover

    @staticmethod
    def _absorb(entity: CorpusEntity, local: LocalEntity, mentions: int, result: DocResult) -> None:
        for mention in result.mentions:
            if mention.local == local.index:
                entity.aliases[mention.text] += 1
        entity.roles.update(local.roles)
        entity.mentions += mentions
        entity.documents += 1
        entity.name = canonical_name(entity.aliases) or entity.name


def canonical_name(aliases: Counter[str]) -> str | None:
    """The most complete well-attested spelling: most words, then most accents, then count."""
    if not aliases:
        return None
    return max(aliases, key=lambda a: (len(a.split()), _accents(a), aliases[a], a))


def _accents(name: str) -> int:
    return sum(1 for ch in name if ord(ch) > 127 and ch.isalpha())


def resolve_results(results: Sequence[DocResult]) -> list[list[str]]:
    """Resolve a batch of analyzed articles in memory: entity ids per local entity."""
    resolver = Resolver(MemoryIndex())
    return [resolver.assign(r) for r in results]
