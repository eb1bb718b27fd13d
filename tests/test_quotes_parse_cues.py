"""Quote patterns read the parse only where the annotation stage will have parsed.

The annotation stage parses a sentence only when it holds an entry of one of
``quotes.PARSE_CUE_LISTS``; other sentences keep their entities and a sentence boundary
but no tags and a flat tree. Extraction must find the same quotes either way.
"""

from __future__ import annotations

import re

import pytest
from spacy.tokens import Doc

from newsgraph import lang
from newsgraph.annotate import AnnotatedSegment
from newsgraph.pipeline import analyze_text, extract
from newsgraph.quotes import PARSE_CUE_LISTS

TEXTS = {
    "en": (
        "Odilia Cárdenas criticized the new water tariff. The river rose overnight.\n\n"
        "“We will rebuild every bridge,” Anselmo Barragán said. “Nobody will pay a toll.”\n\n"
        "Barragán's claim that the mine was closed surprised the council. Rain fell all day.\n\n"
        "According to two officials, the army will arrive next week. Barragán talked about "
        "the flooded roads, saying that the governor had ignored them.\n\n"
        "Odilia Cárdenas: The Valley Will Not Be Forgotten\n\n"
        "The engineer Itzel Urrutia, who insisted that the dam was safe, resigned."
    ),
    "es": (
        "La alcaldesa Renata Zamudio criticó la decisión del congreso. Llovió toda la noche.\n\n"
        "«No vamos a negociar», aseguró el fiscal Evaristo Quintanilla. «La ley se cumple».\n\n"
        "Según fuentes de la fiscalía, el detenido es hermano de Julián Cárdenas. "
        "Zamudio habló sobre la inseguridad y negó que hubiera recibido dinero.\n\n"
        "—No habrá toque de queda —dijo el gobernador Evaristo Quintanilla."
    ),
}


def test_every_parse_cue_list_exists_in_both_languages() -> None:
    for language in ("en", "es"):
        for name in PARSE_CUE_LISTS:
            assert lang.words(language, name), (language, name)


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_quotes_are_the_same_when_only_cue_sentences_are_parsed(language: str) -> None:
    full = analyze_text(TEXTS[language], language=language)
    segment = AnnotatedSegment(full.article.segments[0], _parse_cue_sentences_only(
        _doc_of(TEXTS[language], language), language))  # fmt: skip
    partial = extract(full.article, [segment])
    assert len(full.quotes) >= 5
    assert _records(partial.quotes) == _records(full.quotes)


def _doc_of(text: str, language: str) -> Doc:
    from newsgraph.annotate import DEFAULT_MODELS, load_pipeline

    return load_pipeline(DEFAULT_MODELS[language])(text)


def _parse_cue_sentences_only(doc: Doc, language: str) -> Doc:
    """The doc as the annotation stage will give it: other sentences have a flat tree."""
    heads, deps, tags = [t.head.i for t in doc], [t.dep_ for t in doc], [t.pos_ for t in doc]
    for sent in doc.sents:
        if not _has_cue(sent.text, language):
            for t in sent:
                heads[t.i], deps[t.i], tags[t.i] = sent.start, "dep", ""
            deps[sent.start] = "ROOT"
    flat = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
               heads=heads, deps=deps)  # fmt: skip
    for token, tag in zip(flat, tags, strict=True):
        token.pos_ = tag
    flat.ents = [flat.char_span(e.start_char, e.end_char, label=e.label_) for e in doc.ents]
    return flat


def _has_cue(sentence: str, language: str) -> bool:
    low = sentence.lower()
    words = set(re.findall(r"\w+", low))
    entries = (e for name in PARSE_CUE_LISTS for e in lang.words(language, name))
    return any(e in words if " " not in e else e in low for e in entries)


def _records(quotes: list) -> list[tuple[object, ...]]:  # type: ignore[type-arg]
    return [(q.start, q.end, q.kind, q.cue, q.speaker.text, q.speaker.local) for q in quotes]
