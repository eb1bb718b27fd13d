"""Cross-document entity resolution: article entities to corpus entities.

Resolution is incremental: each article's local entities are matched against corpus
entities found through *blocking keys*, so the cost grows with the few candidates a name
shares keys with, not with the corpus. Matched entities are updated, unmatched ones
created; entities an article does not touch are never rewritten, so their ids stay stable.

Keys of an entity (all accent- and case-insensitive, per label group):

- ``=`` every name and alias it is known by, and the known variants of those names
  (``lang/*/name_variants.txt``: "US" / "U.S." / "United States" / "Estados Unidos");
- ``~`` for a person's full name, the name with one word blanked out: "Lucía Gonzales"
  and "Lucía González" meet under "lucia *" and are then compared word by word;
- ``1`` for a person, each word of the name alone: a bare "Paredes" finds the Paredes
  of the corpus, and is merged only when exactly one of them fits.

A candidate must agree on the label group and, for people, on the name: the same given
name (or none), every other word equal or, for one word at most, a typo. Shared
co-mentioned entities break ties.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Protocol, cast

from rapidfuzz.distance import Levenshtein

from . import lang
from .entities import NICK_QUOTES, gpe_names, name_key, refine_label, surface_name
from .quotes.speakers import described_role, role_holders
from .records import DocResult, Label, LocalEntity

#: Labels that may name the same thing (the models confuse countries and regions).
LABEL_GROUPS: dict[str, str] = {"PERSON": "PER", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE",
                                "NORP": "NORP", "EVENT": "MISC", "MISC": "MISC"}  # fmt: skip
#: A word differing by at most this many edits is a typo of another, if long enough.
TYPO_EDITS = 1
TYPO_MIN_LENGTH = 5
#: Words that begin nicknames, not given names ("El Contador", "La Jefa", "The Butcher").
NICKNAME_ARTICLES = frozenset({"El", "La", "Los", "Las", "The"})
#: Lower-case words inside full names ("Hugo de la Vega", "Ludwig van Beethoven").
NAME_PARTICLES = frozenset({"de", "del", "la", "las", "los", "y", "da", "do", "dos", "van", "von"})
#: Articles a person must appear in before a bare surname the model calls a place or an
#: organisation is taken for theirs: one article could be a namesake.
SURNAME_MIN_DOCUMENTS = 2
#: Co-mentioned entities remembered per entity, for breaking ties.
CONTEXT_SIZE = 30


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
    context: Counter[str] = field(default_factory=Counter)  # co-mentioned name keys
    labels: Counter[str] = field(default_factory=Counter)  # mentions per label


class EntityIndex(Protocol):
    """Where corpus entities live while resolving."""

    def candidates(self, keys: Iterable[str]) -> list[CorpusEntity]: ...

    def save(self, entity: CorpusEntity, keys: Iterable[str]) -> None: ...

    def exists(self, entity_id: str) -> bool: ...


class MemoryIndex:
    """An in-memory :class:`EntityIndex` (evaluation, tests, benchmarks)."""

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


# -- keys --------------------------------------------------------------------------------


@cache
def _variants() -> dict[str, frozenset[str]]:
    """Name key → the keys of every known form of the same name."""
    table: dict[str, frozenset[str]] = {}
    for code in ("en", "es"):
        for line in lang.lines(code, "name_variants"):
            forms = frozenset(name_key(f) for f in line.split("|") if name_key(f))
            for form in forms:
                table[form] = table.get(form, frozenset()) | forms
    return table


def group_of(label: str) -> str:
    return LABEL_GROUPS.get(label, "MISC")


def name_keys(name: str, label: str) -> set[str]:
    """Exact-name keys of one name: itself and its known variants."""
    key = name_key(name)
    if not key:
        return set()
    return {f"{group_of(label)}={k}" for k in {key, *_variants().get(key, ())}}


def lookup_keys(name: str) -> list[str]:
    """Keys under which an entity known by ``name`` is found, whatever its label."""
    return sorted({k for label in LABEL_GROUPS for k in name_keys(name, label)})


def blocking_keys(local: LocalEntity) -> set[str]:
    """Every key a local entity is filed and looked up under."""
    keys: set[str] = set()
    for name in {local.name, *local.aliases}:
        keys |= name_keys(name, local.label)
    if local.label == "PERSON":
        for name in {local.name, *local.aliases}:
            keys |= _person_keys(name_key(name).split())
    return keys


def _person_keys(words: list[str]) -> set[str]:
    # Surnames only: a bare given name is too ambiguous to look for across the corpus.
    surnames = words[1:] if len(words) > 1 else words
    keys = {f"PER1{w}" for w in surnames if len(w) > 1}
    if len(words) > 1:
        keys |= {"PER~" + " ".join([*words[:i], "*", *words[i + 1 :]]) for i in range(len(words))}
    return keys


# -- matching ----------------------------------------------------------------------------


def _names(entity: CorpusEntity | LocalEntity) -> list[list[str]]:
    aliases = entity.aliases if isinstance(entity.aliases, Counter) else Counter(entity.aliases)
    return [name_key(a).split() for a in {entity.name, *aliases} if name_key(a)]


def _words_agree(a: str, b: str) -> bool:
    if a == b:
        return True
    return min(len(a), len(b)) >= TYPO_MIN_LENGTH and Levenshtein.distance(a, b) <= TYPO_EDITS


def person_names_agree(a: list[str], b: list[str]) -> bool:
    """Two people's names can be one person's: see the module docstring."""
    if len(a) == 1 and len(b) == 1:
        return a == b
    if len(a) == 1 or len(b) == 1:
        # A bare word is a surname across articles: a given name alone is anyone's.
        return (a if len(a) == 1 else b)[0] in (b if len(a) == 1 else a)[1:]
    if a[0] != b[0]:
        short, long = (a, b) if len(a) < len(b) else (b, a)
        return long[len(long) - len(short) :] == short  # surnames only
    if len(a) == len(b):
        typos = sum(1 for x, y in zip(a, b, strict=True) if x != y)
        return typos <= 1 and all(_words_agree(x, y) for x, y in zip(a, b, strict=True))
    return set(a) <= set(b) or set(b) <= set(a)


def cross_label_keys(local: LocalEntity) -> set[str]:
    """Lookup-only keys of a multi-word name under the labels a person may be mistaken for
    (or, for a name tagged ORG, GPE…, under PERSON): models tag the same person ORG in one
    article and PERSON in the next."""
    if local.label == "PERSON":
        groups = {g for g in LABEL_GROUPS.values() if g != "PER"}
    else:
        groups = {"PER"}
    names = {name_key(n) for n in {local.name, *local.aliases}}
    return {f"{g}={n}" for n in names if len(n.split()) > 1 for g in groups}


def _same_person_name(local: LocalEntity, candidate: CorpusEntity) -> bool:
    """One of the two is a person and they share a multi-word name."""
    if "PERSON" not in (local.label, candidate.label):
        return False
    mine = {k for n in {local.name, *local.aliases} if len((k := name_key(n)).split()) > 1}
    return any(name_key(n) in mine for n in {candidate.name, *candidate.aliases})


def _compatible(local: LocalEntity, candidate: CorpusEntity, keys: set[str]) -> bool:
    if group_of(local.label) != group_of(candidate.label):
        return _same_person_name(local, candidate)
    exact = {k for k in keys if "=" in k}
    if local.label != "PERSON" or candidate.label != "PERSON":
        return bool(exact & set(_candidate_exact_keys(candidate)))
    mine, theirs = _names(local), _names(candidate)
    full_mine = [n for n in mine if len(n) > 1] or mine
    full_theirs = [n for n in theirs if len(n) > 1] or theirs
    return any(person_names_agree(x, y) for x in full_mine for y in full_theirs)


def _candidate_exact_keys(candidate: CorpusEntity) -> set[str]:
    keys: set[str] = set()
    for name in {candidate.name, *candidate.aliases}:
        keys |= name_keys(name, candidate.label)
    return keys


def _non_person_keys(key: str) -> set[str]:
    return {f"{g}={key}" for g in set(LABEL_GROUPS.values()) if g != "PER"}


def _known_by_surname(candidate: CorpusEntity, surname: str) -> bool:
    """A person of the corpus, seen in several articles, with a full name ending in
    ``surname``."""
    if candidate.label != "PERSON" or candidate.documents < SURNAME_MIN_DOCUMENTS:
        return False
    return any(len(n) > 1 and n[-1] == surname for n in _names(candidate))


def _is_bare(local: LocalEntity) -> bool:
    return all(len(name_key(a).split()) <= 1 for a in {local.name, *local.aliases})


class Resolver:
    """Assigns corpus entity ids to the local entities of one article at a time."""

    def __init__(self, index: EntityIndex) -> None:
        self.index = index

    def assign(self, result: DocResult) -> list[str]:
        """Corpus entity id for each of ``result.entities``, updating the index."""
        counts = Counter(m.local for m in result.mentions)
        context = Counter(name_key(e.name) for e in result.entities)
        ids: list[str] = []
        touched: dict[str, CorpusEntity] = {}
        for local in result.entities:
            local = self._surname_as_person(local)
            keys = blocking_keys(local)
            # Full names are found by their own keys; the surname buckets, which grow with
            # the corpus, are searched only for a bare surname.
            wanted = keys if _is_bare(local) else {k for k in keys if not k.startswith("PER1")}
            wanted |= cross_label_keys(local)
            entity = self._match(local, wanted, context) or self._create(local)
            entity = touched.get(entity.id, entity)
            self._absorb(entity, local, counts[local.index], result, first=entity.id not in touched)
            entity.context.update(k for k in context if k != name_key(local.name))
            entity.context = Counter(dict(entity.context.most_common(CONTEXT_SIZE)))
            touched[entity.id] = entity
            self.index.save(entity, keys)
            ids.append(entity.id)
        return ids

    def _surname_as_person(self, local: LocalEntity) -> LocalEntity:
        """A one-word place, organisation or thing that is the surname of a person the
        corpus knows well ("Abinader" tagged LOC where the article never gives the full
        name) is that person's, unless the corpus or the place list knows a place or an
        organisation of that name ("Washington", "Lima")."""
        key = name_key(local.name)
        if local.label not in ("LOC", "ORG", "MISC") or not _is_bare(local) or not key:
            return local
        if key in gpe_names():
            return local
        others = self.index.candidates(name_keys(local.name, local.label) | _non_person_keys(key))
        people = self.index.candidates({f"PER1{key}"})
        if others or not any(_known_by_surname(p, key) for p in people):
            return local
        return replace(local, label="PERSON")

    def _match(
        self, local: LocalEntity, keys: set[str], context: Counter[str]
    ) -> CorpusEntity | None:
        fitting = [c for c in self.index.candidates(keys) if _compatible(local, c, keys)]
        if not fitting:
            return None
        exact = {k for k in keys if "=" in k}
        by_name = [c for c in fitting if exact & _candidate_exact_keys(c)]
        fitting = by_name or fitting  # a name seen before beats a fuzzy match
        if local.label == "PERSON" and _is_bare(local) and len(fitting) > 1:
            return self._by_context(fitting, context, unique=True)
        return self._by_context(fitting, context, unique=False)

    @staticmethod
    def _by_context(
        fitting: list[CorpusEntity], context: Counter[str], *, unique: bool
    ) -> CorpusEntity | None:
        scored = sorted(
            fitting,
            key=lambda c: (-sum(1 for k in context if k in c.context), -c.documents, c.id),
        )
        if unique:
            best = sum(1 for k in context if k in scored[0].context)
            runner = sum(1 for k in context if k in scored[1].context)
            return scored[0] if best > runner else None  # ambiguous surname: stay apart
        return scored[0]

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
    def _absorb(
        entity: CorpusEntity, local: LocalEntity, mentions: int, result: DocResult, *, first: bool
    ) -> None:
        for mention in result.mentions:
            if mention.local == local.index:
                entity.aliases[surface_name(mention.text)] += 1
        entity.roles.update(local.roles)
        entity.mentions += mentions
        entity.documents += 1 if first else 0
        entity.labels[local.label] += max(mentions, 1)
        full = any(
            _is_full_name(a) and refine_label(a, "PERSON") == "PERSON" for a in entity.aliases
        )
        entity.label = voted_label(entity.labels, entity.label, full_name=full)
        entity.name = canonical_name(entity.aliases, person=entity.label == "PERSON") or entity.name


#: A full name stays a person's while its PERSON mentions are at least this share of the
#: majority label's.
PERSON_SHARE = 0.2


def voted_label(labels: Counter[str], current: Label, *, full_name: bool = False) -> Label:
    """The label most mentions carry; on a tie the current one, then PERSON (the models
    more often call a person something else than the reverse). A name of several words
    stays a person's while a share of its mentions (``PERSON_SHARE`` of the majority's) are
    tagged so ("Graciela Valdivia Mora" tagged ORG in two articles), not when a few do
    against many ("Estados Unidos": 165 places, 4 persons); a one-word name goes by the
    majority (Twitter, a person in one article)."""
    if not labels:
        return current
    best = max(labels.values())
    if full_name and labels.get("PERSON", 0) >= PERSON_SHARE * best:
        return "PERSON"
    tied = {label for label, n in labels.items() if n == best}
    if current in tied:
        return current
    return cast(Label, "PERSON" if "PERSON" in tied else min(tied))


def canonical_name(aliases: Counter[str], *, person: bool = False) -> str | None:
    """The most complete well-attested spelling, with accents.

    Among spellings seen at least twice (or all, when none is), the one with most words,
    then most accented letters, then the most frequent. A person is named by a full name
    (given name and surnames) whenever one is attested, however often a nickname ("El
    Contador") or a bare surname is used: the most frequent full name, and among those
    seen equally often the longest, then the one with accents.
    """
    if not aliases:
        return None
    full = [a for a in aliases if _is_full_name(a)] if person else []
    attested = [a for a in full if aliases[a] >= 2]
    if attested:
        return max(attested, key=lambda a: (len(a.split()), _accents(a), aliases[a], a))
    supported = [a for a in full if _supported(a, aliases)]
    if supported:
        return max(supported, key=lambda a: (aliases[a], len(a.split()), _accents(a), a))
    attested = [a for a, n in aliases.items() if n >= 2] or list(aliases)
    return max(attested, key=lambda a: (len(a.split()), _accents(a), aliases[a], a))


def _supported(name: str, aliases: Counter[str]) -> bool:
    """A full name seen once is the person's when one of its surnames is also used alone,
    or when the person is otherwise only known by nicknames: "María Fernanda Gómez Ruiz"
    beside "Gómez" or "El Contador", not a mislabelled "Twitter West" beside "Twitter"."""
    surnames = {name_key(w) for w in name.split()[1:]}
    others = [a for a in aliases if a != name]
    if any(name_key(a) in surnames for a in others):
        return True
    return all(a.split()[0] in NICKNAME_ARTICLES for a in others)


def _is_full_name(name: str) -> bool:
    """Two or more name words, the first capitalised and not an article: "María Fernanda
    Gómez Ruiz", "Hugo de la Vega", not "El Contador" or "aseguró Milei"."""
    words = name.split()
    if len(words) < 2 or words[0] in NICKNAME_ARTICLES or any(q in name for q in NICK_QUOTES):
        return False
    return all(w[:1].isupper() or w in NAME_PARTICLES for w in words) and words[0][:1].isupper()


def _accents(name: str) -> int:
    return sum(1 for ch in name if ord(ch) > 127 and ch.isalpha())


def described_holder(
    words: str, language: str, candidates: Mapping[str, Iterable[str]]
) -> str | None:
    """Who a speaker described by a role is ("El mandatario", in an article that names
    Abinader but never calls him president): the one person among ``candidates`` (id →
    the roles the corpus knows them by) known in that role or an equivalent one, as
    :func:`role_holders` tells. ``None`` when the words name no role or name it with an
    indefinite determiner ("un periodista"), or when no one or several hold it."""
    wanted = described_role(words, language)
    if wanted is None:
        return None
    holders = role_holders(words, wanted, candidates, language)
    return holders[0] if len(holders) == 1 else None


def resolve_results(results: Sequence[DocResult]) -> list[list[str]]:
    """Resolve a batch of analyzed articles in memory: entity ids per local entity."""
    resolver = Resolver(MemoryIndex())
    return [resolver.assign(r) for r in results]
