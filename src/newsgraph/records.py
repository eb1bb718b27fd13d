"""Typed records passed between pipeline stages.

Data flows one way: ``read`` yields :class:`RawArticle`, ``normalize`` turns it into an
:class:`Article`, ``annotate`` pairs it with spaCy docs, the extractors produce
:class:`Mention`, :class:`LocalEntity`, :class:`Quote` (and later timexes, events and
relations), gathered in one :class:`DocResult` per article, which ``store`` writes in a
single transaction per batch. Offsets are Python ``str`` indices into ``Article.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Label = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "MISC"]
QuoteKind = Literal["direct", "indirect", "mixed"]
SpeakerKind = Literal["person", "organization", "anonymous", "media", "unknown"]
#: Between the fragments of a quote broken by its attribution, where the attribution was.
PART_SEPARATOR = " … "


@dataclass(frozen=True, slots=True)
class Metadata:
    """Metadata that came with an article (container fields, HTML meta, or text lines)."""

    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    updated: str | None = None
    author: str | None = None
    source: str | None = None  # site or outlet name
    language: str | None = None  # declared language, if the container says


@dataclass(frozen=True, slots=True)
class RawArticle:
    """One article as read from its container, before any cleaning.

    ``origin`` names where it came from for error messages and provenance
    (``path``, ``path:LINE`` for JSON Lines, ``path#record-N`` for WARC/feeds).
    ``body`` is bytes when the encoding is still unknown.
    """

    origin: str
    body: bytes | str
    kind: Literal["text", "html"] = "text"
    meta: Metadata = field(default_factory=Metadata)


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of paragraphs in one language: ``text[start:end]``."""

    start: int
    end: int
    language: str


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: the text every offset points into."""

    id: str
    origin: str
    text: str
    language: str
    segments: tuple[Segment, ...]
    meta: Metadata
    content_hash: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A named mention ``text[start:end]`` belonging to local entity ``local``."""

    start: int
    end: int
    text: str
    label: Label
    local: int


@dataclass(frozen=True, slots=True)
class LocalEntity:
    """An entity within one article: a chain of mentions, its best name and aliases."""

    index: int
    name: str
    label: Label
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Speaker:
    text: str | None
    kind: SpeakerKind
    start: int | None = None
    end: int | None = None
    local: int | None = None  # index of the LocalEntity the speaker resolves to
    #: The LocalEntity indices of the others who speak with ``local`` in a joint source
    #: ("Ruperto Salas y Odalys Ferrer dijeron …", "GM and Ford said …"), in text order.
    others: tuple[int, ...] = ()
    #: The LocalEntity index of the organisation or place the source is written as
    #: speaking from, when it names one apart from the speaker: "officials at [the
    #: ministry]", "[US] officials", "Ana Ruiz, economist at [Valle Bank]".
    affiliation: int | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """What was said, ``text == article.text[start:end]``, without the quotation marks.

    A quote broken by its attribution (“A,” she said. “B.”) spans all its fragments, so
    ``text`` is still the exact slice and holds the attribution words between them: every
    record's offsets stay checkable. ``parts`` are the spans of the quoted fragments in
    text order when there are several (empty for a quote in one piece); :attr:`quoted_text`
    is what the speaker said, the fragments joined with " … ".
    """

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: Speaker
    cue: str | None
    language: str
    cue_start: int | None = None
    cue_end: int | None = None
    parts: tuple[tuple[int, int], ...] = ()

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """The spans of the quoted words: the parts, or the whole quote when in one piece."""
        return self.parts or ((self.start, self.end),)

    @property
    def quoted_text(self) -> str:
        """The quoted words only: the fragments joined with " … "."""
        at = self.start
        return PART_SEPARATOR.join(self.text[s - at : e - at] for s, e in self.spans)


@dataclass(slots=True)
class DocResult:
    """Everything the map stage extracted from one article."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    entities: list[LocalEntity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be turned into an article: where, and why, in one line."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"
