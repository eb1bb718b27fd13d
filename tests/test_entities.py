"""In-article entity chains, with invented people, through the real English pipeline."""

from __future__ import annotations

import pytest
import spacy

from newsgraph.entities import (
    _analyse,
    _merge_nickname_names,
    _trim,
    _without_trailing_numbers,
    chain_mentions,
    name_key,
    refine_label,
    surface_name,
)
from newsgraph.pipeline import analyze_text
from newsgraph.records import DocResult, Label, Mention


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


def test_acronym_of_syllables_links_the_acronym_and_takes_the_organisations_label() -> None:
    text = (
        "Seabos: el bosque será manejado con un esquema sustentable. Una petición a la "
        "Secretaría de Aguas y Bosques (Seabos) pide frenar el programa. Seabos lo negó."
    )
    raw = spans(text, ("Secretaría de Aguas y Bosques", "ORG"), ("Seabos", "LOC"))
    mentions, entities = chain_mentions(text, raw, "es")
    assert len(entities) == 1 and entities[0].label == "ORG"
    assert all(m.label == "ORG" for m in mentions)


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
        "El presidente Leandro Urquidi Corona visitó Santiago. Urquidi dijo que el país está "
        "listo.",
        language="es",
    )
    leandro = entity_of(result, "Leandro Urquidi Corona")
    assert entity_of(result, "Urquidi") == leandro
    assert result.entities[leandro].label == "PERSON"


def test_given_name_alone_joins_the_nearest_full_name() -> None:
    text = "Anselmo Quiroga Téllez viajó. Quiroga dijo que no. Anselmo sonrió."
    raw = spans(text, ("Anselmo Quiroga Téllez", "PERSON"), ("Quiroga", "PERSON"),
                ("Anselmo", "PERSON"))  # fmt: skip
    _, entities = chain_mentions(text, raw, "es")
    assert len(entities) == 1
    assert set(entities[0].aliases) == {"Anselmo Quiroga Téllez", "Quiroga", "Anselmo"}


@pytest.mark.parametrize(
    ("text", "tagged", "role"),
    [
        ("El presidente Anselmo Quiroga Téllez viajó.", "Anselmo Quiroga Téllez", "presidente"),
        ("Lo dijo el fiscal Gerardo Ocaña Villalobos.", "Gerardo Ocaña Villalobos", "fiscal"),
        ("Then Attorney General Renata Ibarguen spoke.", "Renata Ibarguen", "Attorney General"),
        ("Dr. Renata Ibarguen spoke first.", "Dr. Renata Ibarguen", "Dr."),
        ("Sr. Tomás Quiroga Téllez habló.", "Sr. Tomás Quiroga Téllez", "Sr."),
    ],
)
def test_titles_are_stripped_from_names_and_kept_as_roles(
    text: str, tagged: str, role: str
) -> None:
    _, entities = chain_mentions(text, spans(text, (tagged, "PERSON")), "es")
    assert entities[0].name == tagged.removeprefix(f"{role} ")
    assert any(role in r for r in entities[0].roles)


def test_known_as_with_alternatives_makes_every_alias_and_resolves_them() -> None:
    text = (
        "Gerardo Ocaña Villalobos, conocido como El Tigre o El Contador, fue detenido. "
        "El Contador negó los cargos."
    )
    mentions, entities = chain_mentions(text, spans(text, ("Gerardo Ocaña Villalobos", "PER")))
    assert len(entities) == 1
    assert {"El Tigre", "El Contador"} <= set(entities[0].aliases)
    assert [m.start for m in mentions if m.text == "El Contador"][-1] == text.rindex("El Contador")


@pytest.mark.parametrize("cue", ["apodado", "alias", "known as", "conocido como"])
def test_nickname_cues_introduce_aliases(cue: str) -> None:
    text = f"Casimiro Urrutia Bernal, {cue} El Chato, huyó. El Chato sigue prófugo."
    mentions, entities = chain_mentions(text, spans(text, ("Casimiro Urrutia Bernal", "PERSON")))
    assert len(entities) == 1
    assert sum(m.text == "El Chato" for m in mentions) == 2


def test_alias_cue_stops_at_the_end_of_the_sentence() -> None:
    text = "Casimiro Urrutia Bernal, alias El Chato. Luego huyó."
    _, entities = chain_mentions(text, spans(text, ("Casimiro Urrutia Bernal", "PERSON")))
    assert "El Chato" in entities[0].aliases
    assert not any("Luego" in a for a in entities[0].aliases)


def test_nickname_used_before_its_introduction_joins_the_person() -> None:
    text = "‘El Chato’ arrested. Casimiro ‘El Chato’ Urrutia was held. El Chato denied it."
    mentions, entities = chain_mentions(
        text, spans(text, ("Casimiro ‘El Chato’ Urrutia", "PERSON"))
    )
    assert len(entities) == 1
    assert len(mentions) == 3


def test_surname_the_model_calls_a_place_stays_with_the_person() -> None:
    text = "Renata Ibarguen won the final. Ibarguen thanked her coach."
    raw = [*spans(text, ("Renata Ibarguen", "PERSON")), (31, 39, "GPE")]
    mentions, entities = chain_mentions(text, raw)
    assert len(entities) == 1
    assert {m.label for m in mentions} == {"PERSON"}


def test_junior_and_senior_stay_two_people() -> None:
    text = "Tomás Quiroga Sr. spoke. Tomás Quiroga Jr. listened. Quiroga Sr. left."
    raw = spans(text, ("Tomás Quiroga Sr.", "PERSON"), ("Tomás Quiroga Jr.", "PERSON"),
                ("Quiroga Sr.", "PERSON"))  # fmt: skip
    mentions, entities = chain_mentions(text, raw)
    assert len(entities) == 2
    assert entity_local(mentions, "Quiroga Sr.") == entity_local(mentions, "Tomás Quiroga Sr.")


def entity_local(mentions: list[Mention], text: str) -> int:
    return next(m.local for m in mentions if m.text == text)


def test_listed_places_are_gpe_in_both_languages() -> None:
    assert refine_label("Sinaloa", "LOC") == "GPE"
    assert refine_label("Estados Unidos", "LOC") == "GPE"
    assert refine_label("Suecia", "MISC") == "GPE"
    assert refine_label("Sierra Madre", "LOC") == "LOC"
    assert refine_label("Chad", "PERSON") == "PERSON"  # a listed country is also a given name


def test_companies_the_models_call_people_are_organisations() -> None:
    assert refine_label("Google", "PERSON") == "ORG"  # "Según Google, …"
    assert refine_label("Twitter", "PERSON") == "ORG"


@pytest.mark.parametrize(
    ("span", "kept"),
    [("Somerset 83", "Somerset"), ("SEOUL 1996-08-30", "SEOUL"), ("Iván Soto 4-43", "Iván Soto")],
)
def test_scores_and_dates_are_cut_from_names(span: str, kept: str) -> None:
    text = f"{span} ."
    assert text[: _without_trailing_numbers(text, 0, len(span))] == kept


def test_company_abbreviation_keeps_its_dot() -> None:
    text = "Ferrandiz Holdings Inc. said so to Ferrandiz Holdings."
    assert text[slice(*_trim(text, 0, 23))] == "Ferrandiz Holdings Inc."
    assert text[slice(*_trim(text, 35, len(text)))] == "Ferrandiz Holdings"


def test_apostrophe_inside_a_word_never_closes_a_quoted_alias() -> None:
    text = 'Nadia Ferrell wrote on Twitter, "Today\'s ruling is a scandal." Today was quiet.'
    mentions, entities = chain_mentions(
        text, spans(text, ("Nadia Ferrell", "PERSON"), ("Twitter", "ORG"))
    )
    assert all("Today" not in e.aliases for e in entities)
    assert [m.text for m in mentions] == ["Nadia Ferrell", "Twitter"]


def test_quotation_after_a_speech_verb_and_comma_is_not_an_alias() -> None:
    text = "Nadia Ferrell said via Twitter, “Victory Tonight”. Victory Tonight is a song."
    _, entities = chain_mentions(text, spans(text, ("Nadia Ferrell", "PERSON"), ("Twitter", "ORG")))
    assert all("Victory Tonight" not in e.aliases for e in entities)


def test_nickname_between_commas_after_a_speech_verb_stays_an_alias() -> None:
    text = "Police said Ramiro Paredes, ‘El Güero’, fled. El Güero was seen in Sonora."
    mentions, _ = chain_mentions(text, spans(text, ("Ramiro Paredes", "PERSON")))
    assert [m.text for m in mentions] == ["Ramiro Paredes", "El Güero", "El Güero"]
    assert len({m.local for m in mentions}) == 1


def test_time_zones_and_page_labels_are_not_entities() -> None:
    english = analyze_text(
        "Polls in Tarrow County closed at 20:00 UTC on Tuesday, and Nadia Ferrell conceded "
        "at 21:30 UTC."
    )
    assert "UTC" not in {e.name for e in english.entities}
    spanish = analyze_text(
        "VIDEO. La alcaldesa Rebeca Anaya Lugo inauguró el puente. Video: el puente de Tula.",
        language="es",
    )
    names = {e.name for e in spanish.entities}
    assert not names & {"VIDEO", "Video"}
    assert "Rebeca Anaya Lugo" in names


@pytest.mark.parametrize(
    ("name", "label", "refined"),
    [
        ("El Gobierno", "PERSON", "ORG"),
        ("Gobierno", "LOC", "ORG"),
        ("Ministerio de Aguas Nuevas", "PERSON", "ORG"),
        ("Caso Tarrow", "PERSON", "MISC"),
        ("Palacio de Gobierno", "LOC", "LOC"),
        ("La Policía Municipal de Valle Alto", "LOC", "ORG"),
        ("La Fundación Anaya Lugo", "LOC", "ORG"),
        ("La Esperanza del Valle", "LOC", "LOC"),
        ("Rebeca Anaya Lugo", "PERSON", "PERSON"),
    ],
)
def test_institution_and_case_heads_give_their_label(name: str, label: Label, refined: str) -> None:
    assert refine_label(name, label) == refined


def test_bare_titles_are_not_entities() -> None:
    result = analyze_text(
        "El presidente anunció el plan. Presidente, remarcó Rebeca Anaya Lugo, no hay tiempo.",
        language="es",
    )
    names = {e.name for e in result.entities}
    assert not names & {"Presidente", "El presidente", "presidente"}
    assert "Rebeca Anaya Lugo" in names


def test_platforms_the_model_calls_people_are_organisations() -> None:
    result = analyze_text(
        "The mayor Dalia Ontiveros Ruelas wrote on Twitter that the bridge would reopen."
    )
    assert result.entities[entity_of(result, "Twitter")].label == "ORG"


def test_a_unit_glued_to_its_number_is_not_a_name_word() -> None:
    from newsgraph.annotate import DEFAULT_MODELS, load_annotator
    from newsgraph.entities import _is_name_token

    (doc,) = load_annotator(DEFAULT_MODELS["en"]).pipe(["Buy the 16GB Urquidi phone."], None)
    words = {t.text: _is_name_token(t) for t in doc}
    assert words["GB"] is False and words["Urquidi"] is True


def test_a_name_after_a_persons_title_is_a_person_whatever_its_label() -> None:
    text = "El presidente Ibarrola habló del puente. Ibarrola volvió a Tepalcingo el lunes."
    raw = spans(text, ("Ibarrola", "LOC"), ("Tepalcingo", "LOC"))
    mentions, entities = chain_mentions(text, raw, "es")
    assert [(m.text, m.label) for m in mentions] == [
        ("Ibarrola", "PERSON"),  # a place to the model, but "el presidente" is before it
        ("Ibarrola", "PERSON"),  # the same bare name the article showed to be a person's
        ("Tepalcingo", "LOC"),
    ]
    assert len({m.local for m in mentions[:2]}) == 1
    assert entities[mentions[0].local].roles == ("El presidente",)


def test_a_lowercase_word_the_model_ran_into_a_name_is_left_out() -> None:
    import spacy

    from newsgraph.annotate import AnnotatedSegment
    from newsgraph.entities import extract_entities
    from newsgraph.records import Article, Metadata, Segment

    text = "El expresidente Ibarrola habló en Tepalcingo."
    doc = spacy.blank("es")(text)  # an untagged sentence, as annotate leaves those without cues
    doc.ents = [doc.char_span(3, 30, label="MISC")]  # "expresidente Ibarrola habló"
    article = Article(id="a", origin="a", text=text, language="es",
                      segments=(Segment(0, len(text), "es"),), meta=Metadata(language="es"),
                      content_hash="a")  # fmt: skip
    mentions, entities = extract_entities(article, [AnnotatedSegment(article.segments[0], doc)])
    assert [(m.text, m.label) for m in mentions] == [("Ibarrola", "PERSON")]
    assert entities[0].roles == ("expresidente",)


def test_an_english_verb_after_a_title_is_not_part_of_a_role() -> None:
    text = "The attorney general said Odalys Ferrer would not be charged."
    _, entities = chain_mentions(text, spans(text, ("Odalys Ferrer", "PERSON")))
    assert entities[0].roles == ()


def test_sentence_initial_descriptions_are_not_entities() -> None:
    """The Spanish model tags "El mandatario estatal" and the like as names."""
    result = analyze_text(
        "La alcaldesa Rebeca Anaya Lugo visitó Tula el lunes. El mandatario estatal anunció "
        "una obra. El jefe de Bomberos pidió calma. El senador de Monte Plata votó en contra. "
        "El fiscal Torrez respondió. La institución policial negó los hechos.",
        language="es",
    )
    names = {m.text for m in result.mentions}
    assert not names & {"El mandatario estatal", "El jefe de Bomberos", "La institución policial"}
    assert not any("Monte Plata" in e.name for e in result.entities if e.label != "GPE")
    assert {e.name for e in result.entities} >= {"Rebeca Anaya Lugo", "Torrez"}


def test_a_list_number_is_no_part_of_a_name() -> None:
    result = analyze_text(
        "Los liberados fueron:\n\n2.- Mario Ernesto Vidal Cortés\n\n3.- Sergio Alán Ferrer "
        "Montaño\n\n4.- Rebeca Anaya Lugo",
        language="es",
    )
    assert "Rebeca Anaya Lugo" in {m.text for m in result.mentions}
    assert not any(m.text[:1].isdigit() for m in result.mentions)


def tagged(text: str, *ents: tuple[str, str]) -> list[tuple[str, Label]]:
    """Mentions of a Spanish text left untagged but for the given entity spans."""
    from newsgraph.annotate import AnnotatedSegment
    from newsgraph.entities import extract_entities
    from newsgraph.records import Article, Metadata, Segment

    doc = spacy.blank("es")(text)
    doc.ents = [doc.char_span(text.index(words), text.index(words) + len(words), label=label)
                for words, label in ents]  # fmt: skip
    article = Article(id="a", origin="a", text=text, language="es",
                      segments=(Segment(0, len(text), "es"),), meta=Metadata(language="es"),
                      content_hash="a")  # fmt: skip
    mentions, _ = extract_entities(article, [AnnotatedSegment(article.segments[0], doc)])
    return [(m.text, m.label) for m in mentions]


def test_an_entity_span_run_across_a_paragraph_break_is_cut_there() -> None:
    text = "Los liberados:\n\nMario Vidal Cortés\n\nSergio Ferrer Montaño"
    mentions = tagged(text, ("Mario Vidal Cortés\n\nSergio Ferrer Montaño", "PER"))
    assert mentions == [("Mario Vidal Cortés", "PERSON"), ("Sergio Ferrer Montaño", "PERSON")]


def test_a_run_of_tags_tagged_as_a_person_is_no_person() -> None:
    text = "Etiquetas\n\nPuerto Obras Rebeca Anaya Lugo Tomás Ibarra Ver Comentarios\n\nFin."
    mentions = tagged(text, ("Puerto Obras Rebeca Anaya Lugo Tomás Ibarra Ver Comentarios", "PER"))
    assert [label for _, label in mentions] == ["MISC"]


def test_an_institution_acronym_the_model_tags_as_a_person_is_the_institution() -> None:
    text = (
        "El Ministerio de Aguas y Riegos Comunales (MARC) abrió una consulta. El MARC dijo "
        "que habrá cortes. Según el MARC, la sequía sigue."
    )
    raw = spans(text, ("Ministerio de Aguas y Riegos Comunales", "ORG"), ("MARC", "PERSON"))
    mentions, entities = chain_mentions(text, raw, "es")
    assert [e.label for e in entities] == ["ORG"]
    assert all(m.label == "ORG" for m in mentions)


def test_words_of_an_institution_name_tagged_alone_as_a_person_are_the_institution() -> None:
    text = (
        "La Secretaría de Aguas y Riegos Comunales negó el permiso. Riegos Comunales lo "
        "confirmó después."
    )
    raw = spans(
        text, ("Secretaría de Aguas y Riegos Comunales", "ORG"), ("Riegos Comunales", "PERSON")
    )
    mentions, _ = chain_mentions(text, raw, "es")
    assert {m.text: m.label for m in mentions}["Riegos Comunales"] == "ORG"


def test_a_person_named_elsewhere_is_split_from_the_institution_name_before_it() -> None:
    text = (
        "La diputada del Partido Renovación Cívica Ofelia Tarazona votó en contra. "
        "Ofelia Tarazona dijo que no hay acuerdo. Durante el Gobierno de Ofelia Tarazona "
        "hubo cambios."
    )
    raw = spans(
        text,
        ("Partido Renovación Cívica Ofelia Tarazona", "PERSON"),
        ("Gobierno de Ofelia Tarazona", "LOC"),
        ("Ofelia Tarazona", "PERSON"),
    )
    mentions, _ = chain_mentions(text, raw, "es")
    found = [(m.text, m.label) for m in mentions]
    assert found == [
        ("Partido Renovación Cívica", "ORG"),
        ("Ofelia Tarazona", "PERSON"),
        ("Ofelia Tarazona", "PERSON"),
        ("Gobierno", "ORG"),
        ("Ofelia Tarazona", "PERSON"),
    ]


def test_an_institution_name_the_spanish_model_cuts_up_is_one_organisation() -> None:
    text = "La Secretaría de Seguridad y Protección Ciudadana informó que hubo tres detenidos."
    result = analyze_text(text, language="es")
    assert [(m.text, m.label) for m in result.mentions] == [
        ("Secretaría de Seguridad y Protección Ciudadana", "ORG")
    ]
    assert result.quotes[0].speaker.kind == "organization"


def test_two_institutions_joined_by_y_and_an_article_stay_two() -> None:
    text = "La Universidad Nacional y la Secretaría de Educación Pública firmaron un convenio."
    result = analyze_text(text, language="es")
    assert [m.text for m in result.mentions] == [
        "Universidad Nacional",
        "Secretaría de Educación Pública",
    ]


def test_an_institution_noun_only_its_accent_tells_from_a_title_is_no_title() -> None:
    text = "La Secretaría de Hacienda y la secretaria Mariela Quintanar llegaron."
    institution = _analyse(text, 3, 25, "ORG", "es")
    assert institution.tokens == ("secretaria", "de", "hacienda") and not institution.roles
    person = _analyse(text, 31, 60, "PERSON", "es")
    assert person.tokens == ("mariela", "quintanar") and person.roles == ("secretaria",)


def test_the_place_after_a_title_and_de_is_no_person() -> None:
    text = "El exalcalde de Villaseca, Ramiro Tello Aguado, presentó una propuesta."
    mentions, _ = chain_mentions(
        text, spans(text, ("Villaseca", "LOC"), ("Ramiro Tello Aguado", "PERSON")), "es"
    )
    assert {m.text: m.label for m in mentions}["Villaseca"] == "LOC"


def test_a_leading_article_before_an_institution_or_acronym_is_no_part_of_the_name() -> None:
    text = (
        "La Policía Vecinal Unida (PVU) informó del caso.\nLa Policía Vecinal Unida detuvo a "
        "dos hombres.\nLa PVU dijo que habrá más detenciones. El Salvador envió ayuda."
    )
    result = analyze_text(text, language="es")
    police = {m.local for m in result.mentions if "Policía" in m.text or "PVU" in m.text}
    assert len(police) == 1
    assert all(not m.text.startswith("La ") for m in result.mentions)


def test_an_institution_head_is_no_title_however_it_is_spelt() -> None:
    text = "La Coordinadora Nacional de Derechos Civiles (CNDC) informó que presentará una queja."
    result = analyze_text(text, language="es")
    assert result.mentions[0].text == "Coordinadora Nacional de Derechos Civiles"
    assert result.entities[result.mentions[0].local].name == (
        "Coordinadora Nacional de Derechos Civiles"
    )


def test_an_institution_name_holds_para_and_the_titles_in_it() -> None:
    text = (
        "La Fundación Vecinal para la Defensa del Agua informó del caso. Los miembros de la "
        "Comisión de Postulación para Fiscal General se reunieron."
    )
    result = analyze_text(text, language="es")
    found = {(m.text, m.label) for m in result.mentions}
    assert ("Fundación Vecinal para la Defensa del Agua", "ORG") in found
    assert ("Comisión de Postulación para Fiscal General", "ORG") in found


def test_a_nickname_set_off_by_commas_inside_a_name_joins_the_name() -> None:
    text = (
        "La firma se produjo en Santa Cruz, donde Ramiro, ‘Chato’, Vélez esbozó su plan. "
        "En su discurso Vélez también planteó una reforma."
    )
    found = spans(text, ("Ramiro", "PERSON"), ("Chato", "PERSON"), ("Vélez", "LOC"))
    mentions, entities = chain_mentions(text, _merge_nickname_names(text, found), "es")
    assert [m.text for m in mentions] == ["Ramiro, ‘Chato’, Vélez", "Vélez"]
    assert len(entities) == 1
    assert entities[0].label == "PERSON"
    assert surface_name(mentions[0].text) == "Ramiro ‘Chato’ Vélez"


def test_a_list_of_people_each_with_a_nickname_stays_a_list() -> None:
    text = "Fueron detenidos Paredes, ‘El Güero’, Pérez, ‘El Chino’, y Ruiz, ‘Tito’."
    found = spans(text, ("Paredes", "PERSON"), ("Pérez", "PERSON"), ("Ruiz", "PERSON"))
    assert _merge_nickname_names(text, found) == found


def test_office_with_its_place_and_a_preposition_before_a_name_is_a_role() -> None:
    result = analyze_text(
        "El embajador de Tepalcingo en la República de Valle Hondo, Alfredo Ferrán, informó "
        "que la bandera ondeará a media asta.",
        language="es",
    )
    person = next(e for e in result.entities if e.name == "Alfredo Ferrán")
    assert "embajador de Tepalcingo en la República de Valle Hondo" in person.roles
