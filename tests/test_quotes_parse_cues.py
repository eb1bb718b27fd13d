"""Quote patterns read the parse only where the annotation stage has parsed.

The annotation stage parses a sentence only when it holds an entry of one of
``quotes.PARSE_CUE_LISTS``; other sentences keep their entities and a sentence boundary
but no tags and a flat tree. Extraction must find the same quotes as with every sentence
parsed.
"""

from __future__ import annotations

import pytest

from newsgraph import lang
from newsgraph.pipeline import MapOptions, analyze_text
from newsgraph.quotes import PARSE_CUE_LISTS
from newsgraph.records import Quote

TEXTS = {
    "en": (
        "Odilia Cárdenas criticized the new water tariff. The river rose overnight.\n\n"
        "“We will rebuild every bridge,” Anselmo Barragán said. “Nobody will pay a toll.”\n\n"
        "Barragán's claim that the mine was closed surprised the council. Rain fell all day.\n\n"
        "According to two officials, the army will arrive next week. Barragán talked about "
        "the flooded roads, saying that the governor had ignored them.\n\n"
        "Odilia Cárdenas: The Valley Will Not Be Forgotten\n\n"
        "The engineer Itzel Urrutia, who insisted that the dam was safe, resigned. "
        "Urrutia spoke out on Tuesday about the closed clinic."
    ),
    "es": (
        "La alcaldesa Renata Zamudio criticó la decisión del congreso. Llovió toda la noche.\n\n"
        "«No vamos a negociar», aseguró el fiscal Evaristo Quintanilla. «La ley se cumple».\n\n"
        "Según fuentes de la fiscalía, el detenido es hermano de Julián Cárdenas. "
        "Zamudio habló sobre la inseguridad y negó que hubiera recibido dinero.\n\n"
        "—No habrá toque de queda —dijo el gobernador Evaristo Quintanilla.\n\n"
        "Zamudio habló ayer con Quintanilla sobre la sequía."
    ),
}


def test_every_parse_cue_list_exists_in_both_languages() -> None:
    for language in ("en", "es"):
        for name in PARSE_CUE_LISTS:
            assert lang.words(language, name), (language, name)


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_quotes_are_the_same_when_only_cue_sentences_are_parsed(language: str) -> None:
    full = analyze_text(TEXTS[language], language=language, options=MapOptions(full_parse=True))
    gated = analyze_text(TEXTS[language], language=language)
    assert len(full.quotes) >= 5
    assert _records(gated.quotes) == _records(full.quotes)


def _records(quotes: list[Quote]) -> list[tuple[object, ...]]:
    return [(q.start, q.end, q.kind, q.cue, q.speaker.text, q.speaker.local) for q in quotes]


@pytest.mark.parametrize(("language", "topic"), [("en", "the closed clinic"), ("es", "la sequía")])
def test_a_two_word_cue_with_words_between_them_is_parsed_and_found(
    language: str, topic: str
) -> None:
    quotes = analyze_text(TEXTS[language], language=language).quotes
    assert [q.speaker.text for q in quotes if q.text == topic] == [
        {"en": "Urrutia", "es": "Zamudio"}[language]
    ]
