"""Entity mentions and in-article entity chains.

Mentions come from the statistical NER of each language segment, with labels mapped to
``PERSON ORG GPE LOC NORP EVENT MISC``. Mentions with the same normalized name and a
compatible label form one :class:`LocalEntity` of the article.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Span

from .annotate import AnnotatedSegment
from .records import Article, Label, LocalEntity, Mention

#: spaCy labels (OntoNotes for English, WikiNER for Spanish) to ours; others are not named
#: entities we track (dates, money, quantities: those belong to the timex stage).
LABEL_MAP: dict[str, Label] = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "NORP",
    "EVENT": "EVENT",
    "MISC": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}

#: Articles the models sometimes include in a name ("the United States", "el PRI").
LEADING_ARTICLE = re.compile(r"(?:the|The|THE|el|El|la|La|los|Los|las|Las)\s+")

#: Characters trimmed from mention edges: the model sometimes swallows punctuation.
EDGE_PUNCT = " \t\n\"'“”‘’«»()[],.;:—–-"


def extract_entities(
    article: Article, segments: Sequence[AnnotatedSegment]
) -> tuple[list[Mention], list[LocalEntity]]:
    """Named mentions of the article and the local entities they form."""
    spans = [(seg.offset, ent) for seg in segments for ent in seg.doc.ents]
    raw = [m for m in (_mention(article.text, off, ent) for off, ent in spans) if m is not None]
    return chain_mentions(article.text, raw)


def _mention(text: str, offset: int, ent: Span) -> tuple[int, int, Label] | None:
    label = LABEL_MAP.get(ent.label_)
    if label is None:
        return None
    start, end = _trim(text, offset + ent.start_char, offset + ent.end_char)
    if end <= start or not any(ch.isalpha() for ch in text[start:end]):
        return None
    return start, end, label


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Mention edges without punctuation, leading articles or a possessive ending."""
    for _ in range(3):  # each step can expose another edge
        while start < end and text[start] in EDGE_PUNCT:
            start += 1
        while end > start and text[end - 1] in EDGE_PUNCT and not _abbreviation_dot(text, end):
            end -= 1
        if text[start:end].endswith(("'s", "’s")):  # the possessive belongs to the sentence
            end -= 2
        article = LEADING_ARTICLE.match(text, start, end)
        if article and article.end() < end:
            start = article.end()
    return start, end


def _abbreviation_dot(text: str, end: int) -> bool:
    """``U.S.``: a final dot after a one-letter capital segment is part of the name."""
    return text[end - 1] == "." and end >= 3 and text[end - 3] == "." and text[end - 2].isupper()


def chain_mentions(
    text: str, raw: Sequence[tuple[int, int, Label]]
) -> tuple[list[Mention], list[LocalEntity]]:
    """Group mentions into local entities by normalized name; the majority label wins."""
    groups: dict[str, list[tuple[int, int, Label]]] = {}
    for item in raw:
        groups.setdefault(name_key(text[item[0] : item[1]]), []).append(item)
    entities: list[LocalEntity] = []
    index_of: dict[str, int] = {}
    for key, items in groups.items():
        labels = Counter(label for _, _, label in items)
        names = Counter(text[s:e] for s, e, _ in items)
        index_of[key] = len(entities)
        entities.append(
            LocalEntity(
                index=len(entities),
                name=names.most_common(1)[0][0],
                label=labels.most_common(1)[0][0],
                aliases=tuple(sorted(names)),
            )
        )
    mentions = [
        Mention(
            s,
            e,
            text[s:e],
            entities[index_of[name_key(text[s:e])]].label,
            index_of[name_key(text[s:e])],
        )
        for s, e, _ in sorted(raw)
    ]
    return mentions, entities


def name_key(name: str) -> str:
    """Accent-, case- and punctuation-insensitive key of a name."""
    decomposed = unicodedata.normalize("NFKD", name)
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = "".join(ch if ch.isalnum() else " " for ch in kept.casefold())
    return " ".join(words.split())
