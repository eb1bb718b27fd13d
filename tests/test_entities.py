"""In-article entity chains, with invented people, through the real English pipeline."""

from __future__ import annotations

import pytest

from newsgraph.entities import chain_mentions, name_key, surface_name
from newsgraph.pipeline import analyze_text
from newsgraph.records import DocResult, Label


def spans(text: str, *items: tuple[str, Label]) -> list[tuple[int, int, Label]]:
    """Every occurrence of each exact string, as a model would have tagged it."""
    found = []
    for name, label in items:
        pos = 0
        while (pos := text.find(name, pos)) != -1:
            found.append((pos, pos + len(name), label))
            pos += len(name)
    return sorted(found)


def entity_of(result: DocResult, text: str) -> int:
    """The local entity of the first mention whose text is ``text``."""
    for m in result.mentions:
        if m.text == text:
            return m.local
    raise AssertionError(f"no mention {text!r} in {[m.text for m in result.mentions]}")


@pytest.fixture(scope="module")
def father_and_son() -> DocResult:
    return analyze_text(
        "Héctor Paredes Luna was arrested in Culiacán on Monday. His son, Iván Paredes Soto, "
        "was not at home. Paredes, 24, fled north. Police said Héctor Paredes Luna would be "
        "charged."
    )


def test_father_and_son_sharing_a_surname_stay_two_people(father_and_son: DocResult) -> None:
    father = entity_of(father_and_son, "Héctor Paredes Luna")
    son = entity_of(father_and_son, "Iván Paredes Soto")
    assert father != son
    assert father_and_son.entities[father].label == "PERSON"


def test_bare_surname_joins_the_nearest_full_name(father_and_son: DocResult) -> None:
    assert entity_of(father_and_son, "Paredes") == entity_of(father_and_son, "Iván Paredes Soto")


def test_surname_chain_title_role_and_possessive() -> None:
    result = analyze_text(
        "Attorney General Lucía Ramírez Ortega announced the charges on Friday. Ramírez said "
        "the case was strong. Ramírez’s office declined to comment further."
    )
    lucia = entity_of(result, "Lucía Ramírez Ortega")
    assert {m.local for m in result.mentions if "Ramírez" in m.text} == {lucia}
    assert "Attorney General" in result.entities[lucia].roles


def test_spanish_surnames_only_join_the_full_name() -> None:
    result = analyze_text(
        "El gobernador Evaristo Quintanilla Barragán visitó Hermosillo. "
        "Quintanilla Barragán dijo que la seguridad mejoró.",
        language="es",
    )
    full = entity_of(result, "Evaristo Quintanilla Barragán")
    assert entity_of(result, "Quintanilla Barragán") == full
    assert any("gobernador" in r for r in result.entities[full].roles)


def test_quoted_nickname_becomes_an_alias_and_resolves_later_uses() -> None:
    result = analyze_text(
        "Ramiro ‘El Güero’ Paredes was captured in Sonora on Tuesday. "
        "El Güero had been wanted since 2015, officials said."
    )
    ramiro = entity_of(result, "Ramiro ‘El Güero’ Paredes")
    assert entity_of(result, "El Güero") == ramiro
    assert result.entities[ramiro].label == "PERSON"


def test_acronym_introduction_links_the_acronym() -> None:
    text = (
        "The Comisión Estatal de Aguas Nuevas (CEAN) raised prices. CEAN said the rise was needed."
    )
    mentions, entities = chain_mentions(
        text, spans(text, ("Comisión Estatal de Aguas Nuevas", "ORG"), ("CEAN", "ORG"))
    )
    assert len({m.local for m in mentions}) == 1
    assert entities[0].name == "Comisión Estatal de Aguas Nuevas"


def test_model_label_error_is_repaired_through_the_chain() -> None:
    text = "Marisol Zamudio Ocampo won. Zamudio Ocampo thanked voters. Zamudio smiled."
    raw = [(0, 22, "PERSON"), *spans(text[22:], ("Zamudio Ocampo", "ORG"), ("Zamudio", "ORG"))]
    raw = [raw[0], *((s + 22, e + 22, label) for s, e, label in raw[1:])]
    mentions, entities = chain_mentions(text, raw)
    assert len(entities) == 1
    assert entities[0].label == "PERSON"
    assert all(m.label == "PERSON" for m in mentions)


def test_known_as_introduces_aliases() -> None:
    text = "Casimiro Urrutia, known as El Padrino or The Godfather, was seen. El Padrino left."
    mentions, entities = chain_mentions(text, spans(text, ("Casimiro Urrutia", "PERSON")))
    assert {m.text for m in mentions} >= {"Casimiro Urrutia", "El Padrino"}
    assert len(entities) == 1


def test_name_key_ignores_accents_case_and_dots() -> None:
    assert name_key("González") == name_key("GONZALEZ")
    assert name_key("U.S.") == name_key("US")


def test_surface_name_drops_titles() -> None:
    assert surface_name("President Lucía Ramírez") == "Lucía Ramírez"
    assert surface_name("United States Attorney Itzel Urrutia") == "Itzel Urrutia"


def test_sentence_initial_function_words_are_not_entities() -> None:
    result = analyze_text(
        "Según la fiscalía, el puente de Tula cerrará. También cerrará la carretera. "
        "Además, la alcaldesa Rebeca Anaya Lugo pidió calma.",
        language="es",
    )
    names = {e.name for e in result.entities}
    assert not names & {"Según", "También", "Además"}
    assert "Rebeca Anaya Lugo" in names


def test_bare_surname_the_model_calls_a_place_joins_the_person() -> None:
    result = analyze_text(
        "El presidente Luis Abinader Corona visitó Santiago. Abinader dijo que el país está listo.",
        language="es",
    )
    luis = entity_of(result, "Luis Abinader Corona")
    assert entity_of(result, "Abinader") == luis
    assert result.entities[luis].label == "PERSON"
