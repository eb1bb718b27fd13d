"""Spanish quotes and their speakers, with invented people."""

from __future__ import annotations

import pytest

from newsgraph.pipeline import analyze_text
from newsgraph.records import Quote


def quotes(text: str) -> list[Quote]:
    return analyze_text(text, language="es").quotes


def only(qs: list[Quote], fragment: str) -> Quote:
    found = [q for q in qs if fragment in q.text]
    assert len(found) == 1, [q.text for q in qs]
    return found[0]


SESSION = (
    "La diputada Eulalia Montoya Zárate dijo que el proyecto llegará al pleno en mayo.\n\n"
    "Recordó que el partido pidió una auditoría del puerto hace tres meses.\n\n"
    "“Como bancada, exigimos que se revisen todos los contratos del puerto”, enfatizó."
)


def test_verb_without_written_subject_reports_for_the_previous_speaker() -> None:
    q = only(quotes(SESSION), "auditoría")
    assert q.text == "que el partido pidió una auditoría del puerto hace tres meses"
    assert q.cue == "Recordó" and q.speaker.text == "La diputada Eulalia Montoya Zárate"


def test_direct_quote_with_implied_subject_skips_a_speaker_reported_inside() -> None:
    q = only(quotes(SESSION), "bancada")
    assert q.kind == "direct" and q.speaker.text == "La diputada Eulalia Montoya Zárate"


def test_implied_subject_with_no_speaker_before_gives_no_indirect_quote() -> None:
    assert quotes("Recordó que el partido presentó la denuncia hace tres meses.") == []


def test_heading_with_a_verb_is_no_quote_of_the_previous_speaker() -> None:
    text = (
        "El alcalde Teodoro Ibarra Luna dijo que el agua volverá el lunes.\n\n"
        "¿Garantiza mantener el subsidio?\n\n"
        "Las obras siguen."
    )
    assert [q.text for q in quotes(text)] == ["que el agua volverá el lunes"]


def test_quote_takes_the_verb_with_a_subject_over_a_nearer_one_without() -> None:
    text = (
        "El director Baltasar Ocampo Rivas le respondió al alcalde: “Nadie va a cerrar el "
        "hospital mientras yo esté a cargo”, afirmó."
    )
    q = only(quotes(text), "hospital")
    assert q.speaker.text == "El director Baltasar Ocampo Rivas"


def test_relative_clause_speaker_leaves_out_the_preposition() -> None:
    text = (
        "La tarifa fue criticada por el diputado Anselmo Quiroga Ledesma, que dijo que no alcanza."
    )
    q = only(quotes(text), "no alcanza")
    assert q.speaker.text == "el diputado Anselmo Quiroga Ledesma, que"


def test_bare_relative_pronoun_resolves_to_the_noun_of_the_first_clause() -> None:
    text = (
        "Por el otro, un gobernador que ha sugerido que podría presentarse como candidato y "
        "que reconoce que inaugura obras con fondos del Estado."
    )
    q = only(quotes(text), "inaugura")
    assert q.speaker.text is not None and q.speaker.text.endswith("un gobernador")


def test_relative_pronoun_standing_for_a_clause_is_no_speaker() -> None:
    text = (
        "Los técnicos observaron que esto generaba cientos de voltios, lo que sugiere que "
        "los deslizamientos son suficientes."
    )
    assert [q.text for q in quotes(text) if "deslizamientos" in q.text] == []


def test_speaker_after_the_quote_leaves_out_its_relative_clause() -> None:
    text = (
        "“Tenemos que cerrar la mina cuanto antes”, dijo Rosendo Calixto, quien aseguró que "
        "el agua está contaminada."
    )
    assert only(quotes(text), "cerrar").speaker.text == "Rosendo Calixto"


def test_subject_leaves_out_its_relative_clause() -> None:
    text = (
        "El dirigente vecinal Porfirio Anaya, que este lunes cumplió diez años en el cargo, "
        "dijo que la obra se retrasará."
    )
    q = only(quotes(text), "obra")
    assert q.speaker.text == "El dirigente vecinal Porfirio Anaya"


def test_segun_with_a_verb_before_the_source_keeps_the_source_only() -> None:
    (q,) = quotes("Según lo anunció el ministro Ruperto Salas, el peaje bajará en mayo.")
    assert q.text == "el peaje bajará en mayo"
    assert q.speaker.text == "el ministro Ruperto Salas" and q.cue == "Según lo anunció"
    (q,) = quotes("Según informó la alcaldesa Odalys Ferrer, el agua volverá el lunes.")
    assert q.speaker.text == "la alcaldesa Odalys Ferrer"


def test_neuter_lo_after_segun_names_no_source() -> None:
    assert quotes("De acuerdo con lo previsto, el puente de Tepalcingo abrirá en mayo.") == []


def test_case_heading_before_a_colon_is_no_speaker() -> None:
    text = (
        "Caso Ferrolux: la fiscalía abre una nueva investigación por sobornos en el puerto\n\n"
        "La empresa Ferrolux negó ayer las acusaciones de la fiscalía."
    )
    assert [q.speaker.text for q in quotes(text)] == ["La empresa Ferrolux"]


def test_bulleted_line_is_no_speaker() -> None:
    text = (
        "Los grupos del informe del Instituto Nacional de Estadística son estos:\n\n"
        "- Sector Medio Frágil: hogares cuyo ingreso mensual alcanza la canasta básica total\n\n"
        "- Sector Medio Estable: hogares cuyo ingreso mensual supera la canasta básica total"
    )
    assert quotes(text) == []


def test_speech_verb_before_a_colon_is_no_speaker() -> None:
    text = (
        "La senadora Eulalia Montoya criticó el plan del gobierno.\n\n"
        "Tuiteó: se activan los bots del partido para tirar la página del diario"
    )
    assert [q.speaker.text for q in quotes(text)] == ["La senadora Eulalia Montoya"]


def test_topic_heading_naming_no_one_the_article_talks_about_is_no_speaker() -> None:
    text = (
        "Inteligencia Artificial y datos masivos: la nueva arma del Partido Verde para captar "
        "votos\n\nEl Partido Verde usará programas para analizar las redes."
    )
    assert quotes(text) == []


def test_headline_speaker_on_a_topic_is_the_name_before_sobre() -> None:
    text = (
        "Quiroga sobre el puerto de Tepalcingo: “Nosotros vamos a revisar todos los "
        "contratos”\n\nEl alcalde Teodoro Quiroga habló ayer con la prensa sobre el puerto."
    )
    q = only(quotes(text), "contratos")
    assert q.kind == "direct" and q.speaker.text == "Quiroga" and q.speaker.kind == "person"


def test_headline_speaker_on_a_long_topic_is_the_name_before_sobre() -> None:
    text = (
        "Rosendo Calixto sobre la tragedia en el puerto: “Este ha sido un golpe muy duro "
        "para todos”\n\nEl alcalde Rosendo Calixto visitó a las familias."
    )
    assert only(quotes(text), "golpe").speaker.text == "Rosendo Calixto"


def test_headline_name_after_the_quote_and_a_colon_speaks_it() -> None:
    text = (
        "“Los contratos del puerto se revisarán uno por uno”: Teodoro Quiroga\n\n"
        "El alcalde Teodoro Quiroga habló ayer con la prensa."
    )
    q = only(quotes(text), "contratos")
    assert q.speaker.text == "Teodoro Quiroga" and q.speaker.kind == "person"


def test_headline_sentence_after_the_quote_and_a_colon_is_no_speaker() -> None:
    text = (
        "«La picadura es venenosa y muy dolorosa»: así es la medusa azul\n\n"
        "La medusa azul llegó a las playas de Tepalcingo."
    )
    assert [q.speaker.text for q in quotes(text)] == [None]


def test_headline_claim_with_its_source_after_a_colon_is_the_source_s() -> None:
    text = (
        "No habrá cortes de agua en el valle este verano: Teodoro Quiroga\n\n"
        "El alcalde Teodoro Quiroga habló ayer con la prensa sobre el agua."
    )
    q = only(quotes(text), "cortes")
    assert q.text == "No habrá cortes de agua en el valle este verano"
    assert q.kind == "indirect" and q.cue == ":"
    assert q.speaker.text == "Teodoro Quiroga" and q.speaker.kind == "person"
    assert q.speaker.local is not None


def test_headline_claim_with_its_source_and_a_full_stop_is_the_source_s() -> None:
    text = (
        "No habrá cortes de agua en el valle este verano: Teodoro Quiroga.\n\n"
        "El alcalde Teodoro Quiroga habló ayer con la prensa sobre el agua."
    )
    q = only(quotes(text), "cortes")
    assert q.speaker.text == "Teodoro Quiroga" and q.cue == ":"


def test_headline_claim_of_an_organisation_the_article_names_again() -> None:
    text = (
        "Las exportaciones del valle crecieron en marzo: Instituto Estatal de Estadística\n\n"
        "El Instituto Estatal de Estadística publicó ayer sus cifras de marzo."
    )
    q = only(quotes(text), "exportaciones")
    assert q.speaker.text == "Instituto Estatal de Estadística"
    assert q.speaker.kind == "organization"


def test_headline_title_and_a_name_after_a_colon_is_no_claim() -> None:
    text = (
        "Personaje del año en el valle de Tula: Teodoro Quiroga\n\n"
        "El alcalde Teodoro Quiroga recibió ayer el premio."
    )
    assert quotes(text) == []


def test_headline_with_a_heading_word_after_the_colon_is_no_claim() -> None:
    text = (
        "Así quedó el puerto de Tepalcingo tras la tormenta: FOTOS\n\n"
        "La tormenta dejó daños en el puerto."
    )
    assert quotes(text) == []


def test_speaker_leaves_out_an_opening_adverbial() -> None:
    text = (
        "Al respecto, el también director del Instituto Nacional de Aguas Profundas dijo que "
        "la presa está lista."
    )
    q = only(quotes(text), "presa")
    assert q.speaker.text == "el también director del Instituto Nacional de Aguas Profundas"


def test_por_parte_de_gives_the_agent_as_speaker() -> None:
    text = (
        "Hubo marchas por parte de la Asociación de Bicitaxistas de Tepalcingo, que reclamaron "
        "que la medida los dejaba sin trabajo."
    )
    q = only(quotes(text), "medida")
    assert q.speaker.text is not None
    assert q.speaker.text.startswith("la Asociación de Bicitaxistas de Tepalcingo")


def test_heading_taken_for_the_subject_gives_way_to_the_subject_after_its_colon() -> None:
    text = "Crisis del agua: el alcalde Teodoro Quiroga aseguró que el agua volverá el lunes."
    q = only(quotes(text), "volverá")
    assert q.speaker.text == "el alcalde Teodoro Quiroga"


def test_a_speaker_named_by_a_thing_is_of_no_speaker_kind() -> None:
    (q,) = quotes(
        "El Caso Tepalcingo reveló que el alcalde Ruperto Salas mintió sobre las cuentas."
    )
    assert q.speaker.text == "El Caso Tepalcingo"
    assert q.speaker.kind == "unknown" and q.speaker.local is not None


def test_a_bare_speech_verb_before_a_colon_speaks_for_the_subject_before_it() -> None:
    (q,) = quotes(
        "La alcaldesa Odalys Ferrer habló con la prensa el lunes sobre el agua.\n\n"
        "Continuó: “No habrá más cortes en el valle este verano”."
    )
    assert q.speaker.text == "Odalys Ferrer" and q.cue == "Continuó"


def test_a_description_the_model_tags_as_a_name_still_resolves_by_its_role() -> None:
    result = analyze_text(
        "Odalys Ferrer, presidenta de la República de Valdivia, visitó la zona del desastre el"
        " lunes.\n\nLa mandataria dijo que el agua volverá el martes.",
        language="es",
    )
    (q,) = result.quotes
    assert q.speaker.local is not None
    assert result.entities[q.speaker.local].name == "Odalys Ferrer"


def test_an_unsaid_subject_passes_over_quotes_and_the_names_inside_them() -> None:
    qs = quotes(
        "El presidente Luis Ferrer habló del tema durante la conferencia semanal.\n\n"
        '"Yo tuve muchos amigos y había familias"\n\n'
        "Confesó que entre las víctimas había amigos cercanos.\n\n"
        '"Yo fui el padrino de la boda de Eduardo Salas y somos familia", acotó.'
    )
    assert only(qs, "padrino").speaker.text == "El presidente Luis Ferrer"


def test_a_speaker_after_its_verb_leaves_out_the_writers_relative_clause() -> None:
    text = (
        '"La inflación va a bajar", insistió el mandatario, quien además reveló que el piso'
        " fue idea del ministro de Economía, Ruperto Salas. Sobre la moneda, dijo que eso"
        ' "depende de la voluntad de los individuos y de nadie más".'
    )
    qs = quotes(text)
    assert only(qs, "inflación").speaker.text == "el mandatario"
    assert only(qs, "inflación").speaker.local is None  # not Ruperto Salas, named in the clause
    assert only(qs, "voluntad").speaker.text == "el mandatario"


def test_a_title_with_an_adjective_is_a_role_a_description_resolves_to() -> None:
    result = analyze_text(
        "El dirigente vecinal Porfirio Anaya encabezó la marcha del lunes frente al"
        " ayuntamiento.\n\nEl dirigente dijo que la obra se retrasará otra vez.",
        language="es",
    )
    (q,) = result.quotes
    assert q.speaker.local is not None
    assert result.entities[q.speaker.local].name == "Porfirio Anaya"


def test_an_institution_no_name_stands_for_still_speaks_as_an_organisation() -> None:
    qs = quotes(
        "Rebeca Anaya Lugo denunció el robo el lunes. La institución policial negó que "
        "hubiera agentes en la zona."
    )
    speaker = only(qs, "hubiera agentes").speaker
    assert (speaker.text, speaker.kind, speaker.local) == (
        "La institución policial",
        "organization",
        None,
    )


def test_an_institution_the_model_calls_a_place_speaks_as_an_organisation() -> None:
    qs = quotes(
        "La Policía Municipal de Valle Alto negó los hechos. "
        "La Fundación Anaya Lugo dijo que donará libros."
    )
    assert only(qs, "donará libros").speaker.kind == "organization"


def test_a_place_dateline_with_a_full_stop_and_dash_is_no_part_of_the_speaker() -> None:
    text = (
        "Tepalcingo.- En conferencia de prensa, el secretario de Obras, Ruperto Salas Ibarra, "
        "dijo que el puente abrirá en mayo.\n\n"
        "Villa Azul, Valdivia (apro).- La diputada Eulalia Montoya dijo que votará en contra."
    )
    qs = quotes(text)
    assert only(qs, "puente").speaker.text == "el secretario de Obras, Ruperto Salas Ibarra"
    assert only(qs, "votará").speaker.text == "La diputada Eulalia Montoya"


def test_numbered_list_item_label_speaks_the_quotation_after_it() -> None:
    text = (
        "Estas son las profecías sobre el eclipse:\n\n"
        '1.- Odalys Ferrer Quintana: "El lunes la tierra pasará a una quinta dimensión y no '
        'habrá electricidad".\n\n'
        ' *NUMBER*.- Teodoro Quiroga Luna: "Durante tres días el sol desaparecerá del cielo y '
        'la niebla cubrirá la tierra".'
    )
    qs = quotes(text)
    first, second = only(qs, "quinta dimensión"), only(qs, "niebla")
    assert first.kind == second.kind == "direct"
    assert first.speaker.text == "Odalys Ferrer Quintana" and first.speaker.kind == "person"
    assert second.speaker.text == "Teodoro Quiroga Luna" and second.speaker.kind == "person"


def test_numbered_list_item_that_is_no_quotation_is_no_quote() -> None:
    text = (
        "Las herramientas del plan, según el informe, fueron tres:\n\n"
        "1) Ramiro Tello: es la red de ordenadores creada para espiar a los votantes del valle."
        "\n\n2.- Tercera fase: la implementación del nuevo orden con el cambio de las "
        "relaciones entre países."
    )
    assert [q.text for q in quotes(text) if q.cue == ":"] == []


def test_headline_label_of_an_organisation_the_article_names_is_its_speaker() -> None:
    text = (
        "Seabos: el bosque de Tepalcingo será manejado con un esquema sustentable\n\n"
        "Economía: el peso cae frente al dólar por tercera semana\n\n"
        "Una petición dirigida a la Secretaría de Aguas y Bosques (Seabos) pide frenar el "
        "programa."
    )
    qs = [q for q in quotes(text) if q.cue == ":"]
    assert [(q.text, q.speaker.text, q.speaker.kind) for q in qs] == [
        ("el bosque de Tepalcingo será manejado con un esquema sustentable", "Seabos",
         "organization")
    ]  # fmt: skip


def test_newspaper_section_before_a_headline_is_no_speaker() -> None:
    text = (
        "Deportes: el club Ferrolux gana la liga del valle por tercera vez\n\n"
        "El club Ferrolux celebró en Tepalcingo con su afición."
    )
    assert [q.speaker.text for q in quotes(text) if q.cue == ":"] == []


def test_a_byline_after_the_quotation_dash_names_the_speaker() -> None:
    text = (
        "Preguntamos a los lectores qué pensaron del debate.\n\n"
        "“Habla de la gente sin conocerla.”―\u00a0Odalys Ferrer\u00a0\n"
        "“Quizás podamos construir un muro alrededor del candidato.” ― Tomás P. Ibarra.\n\n"
        "Foto: lectores."
    )
    qs = quotes(text)
    assert only(qs, "sin conocerla").speaker.text == "Odalys Ferrer"
    assert only(qs, "construir un muro").speaker.text == "Tomás P. Ibarra"


def test_a_quote_glued_to_the_colon_of_its_intro_is_spoken_by_its_subject() -> None:
    result = analyze_text(
        "Ante una pregunta sobre el programa de vivienda, Rebeca Anaya Lugo respondió:“Con el "
        "alcalde tengo una excelente relación. Nos conocemos desde hace años”.",
        language="es",
    )
    speaker = only(result.quotes, "excelente relación").speaker
    assert speaker.local is not None
    assert result.entities[speaker.local].name == "Rebeca Anaya Lugo"


def test_a_speaker_after_its_verb_ends_before_an_adverbial_after_a_comma() -> None:
    qs = quotes(
        "Tomás Ibarra Ruiz habló en Tula. “En el consejo todos fingen que no pasa nada”, "
        "expresó el excandidato presidencial, al tiempo que cuestionó que el municipio haya "
        "invertido millones en una reunión."
    )
    assert only(qs, "fingen").speaker.text == "el excandidato presidencial"


def test_a_reported_clause_cut_down_to_a_quotation_mark_is_no_quote() -> None:
    qs = quotes(
        "La Plataforma Cívica del Sur (PCS) felicitó a Rebeca Anaya Lugo y pidió «continuidad "
        "en las políticas para los más de 500.000 vecinos del valle», reseñó la agencia."
    )
    assert [(q.text[:11], q.kind) for q in qs] == [("continuidad", "direct")]


def test_an_attribution_set_off_inside_the_clause_it_reports_names_the_speaker() -> None:
    text = "La economía, aseguró la ministra Carmen Olvido Peñate, crecerá un 3 % el próximo año."
    q = only(quotes(text), "La economía")
    assert q.speaker.text == "la ministra Carmen Olvido Peñate"
    assert [text[s:e] for s, e in q.parts] == ["La economía", "crecerá un 3 % el próximo año"]


def test_an_inserted_attribution_takes_the_name_set_off_after_the_title() -> None:
    text = "En ese sentido, indicó el ministro de Salud, Ramón Ibargüen, la red crecerá."
    q = only(quotes(text), "la red crecerá")
    assert q.speaker.text == "el ministro de Salud, Ramón Ibargüen"
    assert q.speaker.kind == "person"


def test_an_inserted_attribution_with_segun_or_no_subject() -> None:
    q = only(quotes("Esa decisión, según explicó el fiscal, no tiene vuelta atrás."), "decisión")
    assert q.speaker.text == "el fiscal"
    text = "Ofelia Tarazona habló con la prensa. Los precios, afirmó, seguirán subiendo."
    q = only(quotes(text), "Los precios")
    assert q.speaker.text == "Ofelia Tarazona"
    assert [text[s:e] for s, e in q.parts] == ["Los precios", "seguirán subiendo"]


def test_an_inserted_attribution_inside_a_subordinate_clause_reports_no_sentence() -> None:
    text = (
        "La dirigente Norma Ibáñez busca competir en la ciudad donde, estima, podría ganar en 2027."
    )
    assert not [q for q in quotes(text) if "busca competir" in q.text]
    text = "La fiesta sigue, dijo Ulises Carmona, y admitió que él mismo fue escéptico."
    assert only(quotes(text), "La fiesta").text == "La fiesta sigue"  # not "… y admitió …"


def test_a_split_quote_continuation_the_parse_hangs_on_the_speaker_is_no_part_of_it() -> None:
    text = "El alcalde Tomás Arrieta habló. “El proyecto”, dijo Arrieta, “estará listo en mayo”."
    q = only(quotes(text), "El proyecto")
    assert q.speaker.text == "Arrieta"
    assert [text[s:e] for s, e in q.parts] == ["El proyecto", "estará listo en mayo"]


def test_a_quoted_nickname_stays_in_the_speaker_name() -> None:
    text = "“No me voy”, dijo Patricio “El Pato” Zambrano, candidato a la alcaldía."
    assert only(quotes(text), "No me voy").speaker.text.startswith("Patricio “El Pato” Zambrano")


def test_a_trailing_verb_outside_the_lists_with_a_description_after_it_names_the_speaker() -> None:
    text = "“Muchos de esos países terminaron destrozados”, disparó el jefe de Estado."
    assert only(quotes(text), "Muchos").speaker.text == "el jefe de Estado"


def test_a_verb_alone_after_a_conjunction_goes_on_with_the_speaker_before() -> None:
    text = (
        "“Muchos de esos países terminaron destrozados”, disparó el jefe de Estado.\n"
        "Y detalló: “Empezando por los vecinos, que están peor que nosotros”."
    )
    q = only(quotes(text), "Empezando")
    assert q.speaker.text == "el jefe de Estado"
    assert q.cue == "detalló"


def test_the_subject_after_a_verb_that_follows_a_quote_mid_sentence_speaks_it() -> None:
    text = (
        "La ley no ha frenado el acoso, “hay que sufrirlo y padecerlo”, señalan fuentes policiales."
    )
    qs = quotes(text)
    q = only(qs, "sufrirlo")
    assert q.speaker.text == "fuentes policiales" and q.speaker.kind == "anonymous"
    assert not [q for q in qs if q.text.startswith("fuentes")]


def test_segun_corresponda_names_no_source() -> None:
    text = "Los infractores irán a sanciones administrativas y penales, según corresponda."
    assert quotes(text) == []


def test_an_untagged_name_after_a_description_is_a_person() -> None:
    text = "“El mosquito sólo vive tres semanas”, dijo la entomóloga Hilaria Ransome."
    q = only(quotes(text), "mosquito")
    assert q.speaker.kind == "person"


def test_an_institution_the_model_does_not_tag_speaks_as_an_organisation() -> None:
    text = "La Agencia Nacional de Aguas Limpias informó que revisará los pozos."
    assert only(quotes(text), "pozos").speaker.kind == "organization"


def test_unnamed_officials_of_a_named_institution_are_anonymous() -> None:
    text = "Fuentes de la Fiscalía General de la República dijeron que hubo detenidos."
    assert only(quotes(text), "detenidos").speaker.kind == "anonymous"
    text = "El vocero de la Secretaría de Marina dijo que hubo detenidos."
    assert only(quotes(text), "detenidos").speaker.kind == "organization"


def test_unnamed_officials_keep_the_institution_they_speak_from() -> None:
    result = analyze_text(
        "Un funcionario de Gobernación dijo que la reunión fue cancelada.", language="es"
    )
    (q,) = result.quotes
    assert q.speaker.kind == "anonymous" and q.speaker.affiliation is not None
    assert result.entities[q.speaker.affiliation].name == "Gobernación"
    text = "Fuentes cercanas a la Secretaría de Marina dijeron que hubo detenidos."
    (q,) = quotes(text)
    assert q.speaker.kind == "anonymous" and q.speaker.affiliation is None  # near it, not in it


def test_a_place_named_in_apposition_or_for_an_institution_still_speaks() -> None:
    # a place under a common noun does not speak ("firms in New York"), but these do
    for text, name in (
        ("Según el canal de noticias Telesur, el candidato dijo que votará.", "Telesur"),
        ("Un portavoz del Vaticano dijo que el papa descansa.", "Vaticano"),
    ):
        result = analyze_text(text, language="es")
        speakers = [q.speaker for q in result.quotes if q.speaker.local is not None]
        assert [result.entities[s.local].name for s in speakers][:1] == [name], text


def test_a_government_named_by_its_demonym_speaks_for_its_country() -> None:
    result = analyze_text(
        "Chile cerró la frontera. El gobierno chileno dijo que seguirá cerrada.", language="es"
    )
    (q,) = result.quotes
    assert q.speaker.local is not None and result.entities[q.speaker.local].name == "Chile"


def test_a_country_the_model_takes_for_a_person_is_a_place() -> None:
    result = analyze_text("El gobierno de México dijo que habrá elecciones.", language="es")
    (q,) = result.quotes
    assert q.speaker.kind == "organization" and q.speaker.local is not None
    assert result.entities[q.speaker.local].label == "GPE"


def test_a_complaint_in_the_present_tense_is_a_cue() -> None:
    (q,) = quotes("“Todo el día están ahí”, se queja Odalys Ferrer.")
    assert q.kind == "direct" and q.speaker.text == "Odalys Ferrer"
    assert quotes("Odalys Ferrer presentó una queja ante la comisión.") == []


def test_an_acronym_after_an_article_speaks_as_an_organisation() -> None:
    text = "La CPVQ informó que abrirá una queja por los hechos."
    assert only(quotes(text), "queja").speaker.kind == "organization"


def test_an_attribution_set_off_with_its_subject_first_in_spanish() -> None:
    text = "La economía, la ministra Carmen Olvido Peñate aseguró, crecerá un 3 % el próximo año."
    q = only(quotes(text), "La economía")
    assert q.speaker.text == "la ministra Carmen Olvido Peñate"
    assert [text[s:e] for s, e in q.parts] == ["La economía", "crecerá un 3 % el próximo año"]
    text = (
        "En conferencia, los directivos del club señalaron que, efectivamente, esto no se previó."
    )
    q = only(quotes(text), "esto no")
    assert q.parts == () and q.text.startswith("que")


def test_reported_clause_the_parse_hangs_from_the_addressee_is_reported() -> None:
    (q,) = quotes("La alcaldesa Odalys Ferrer aseguró a los vecinos que el agua volverá mañana.")
    assert q.text == "que el agua volverá mañana"
    assert q.speaker.text == "La alcaldesa Odalys Ferrer"


def test_relative_clause_with_its_subject_after_the_verb_reports_nothing() -> None:
    assert quotes("La alcaldesa Odalys Ferrer habló en la carta que escribió el fiscal.") == []


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("El alcalde Ruperto Salas adelantó que la obra del puerto estará lista en mayo.",
         "adelantó"),
        ("El diputado Ruperto Salas vaticinó que la reforma no pasará del Senado.", "vaticinó"),
        ("“La obra del puerto estará lista en mayo”, abundó el alcalde Ruperto Salas.",
         "abundó"),
        ("“Nadie va a cerrar el puerto”, espetó el alcalde Ruperto Salas.", "espetó"),
        ("A juicio del alcalde Ruperto Salas, la obra del puerto estará lista en mayo.",
         "A juicio del"),
        ("En opinión del alcalde Ruperto Salas, la obra del puerto estará lista en mayo.",
         "En opinión del"),
        ("De acuerdo al alcalde Ruperto Salas, la obra del puerto estará lista en mayo.",
         "De acuerdo al"),
    ],
)  # fmt: skip
def test_more_spanish_cues_report_the_speaker(text: str, cue: str) -> None:
    (q,) = quotes(text)
    assert q.cue == cue and "Ruperto Salas" in (q.speaker.text or "")
    assert "puerto" in q.text or "reforma" in q.text


def test_joint_spanish_source_names_both_speakers() -> None:
    result = analyze_text(
        "Los diputados Ruperto Salas y Odalys Ferrer dijeron que la reforma no pasará.",
        language="es",
    )
    (q,) = result.quotes
    assert q.speaker.local is not None and len(q.speaker.others) == 1
    names = {result.entities[i].name for i in [q.speaker.local, *q.speaker.others]}
    assert names == {"Ruperto Salas", "Odalys Ferrer"}


def test_names_joined_inside_a_title_are_no_joint_source() -> None:
    result = analyze_text(
        "La exconsejera de Participación Ciudadana y Control Social Odalys Ferrer dijo que "
        "la reforma no pasará.",
        language="es",
    )
    (q,) = result.quotes
    assert q.speaker.others == ()


def test_spanish_passive_claim_is_no_one_s_not_its_subject_s() -> None:
    text = (
        "El alcalde Ruperto Salas habló ayer con la prensa. La tesorera Odalys Ferrer fue "
        "acusada de desviar fondos del puerto."
    )
    q = only(quotes(text), "desviar")
    assert q.text.startswith("La tesorera Odalys Ferrer fue acusada de desviar fondos")
    assert q.speaker.text is None and q.speaker.kind == "unknown" and q.speaker.local is None


def test_spanish_passive_with_its_agent_is_the_agent_s() -> None:
    q = only(quotes("La reforma del puerto fue criticada por el diputado Ruperto Salas."), "")
    assert q.cue == "criticada" and q.speaker.text == "el diputado Ruperto Salas"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Para la fiscal Rebeca Anaya, el caso del puerto está cerrado.",
         "la fiscal Rebeca Anaya"),
        ("Para los expertos, la sequía del valle durará hasta mayo.", "los expertos"),
    ],
)  # fmt: skip
def test_para_opening_a_sentence_gives_its_source_s_view(text: str, source: str) -> None:
    (q,) = quotes(text)
    assert q.cue == "Para" and q.speaker.text == source
    assert q.text.startswith(("el caso", "la sequía"))


@pytest.mark.parametrize(
    "text",
    [
        "Para el próximo año, el municipio destinará más fondos al puerto.",
        "Para evaluar las cifras del puerto, el municipio contrató a una auditora.",
    ],
)
def test_para_opening_a_time_or_a_purpose_gives_no_view(text: str) -> None:
    assert all(q.cue != "Para" for q in quotes(text))


def test_name_after_a_role_opening_an_unparsed_intro_with_a_colon_speaks() -> None:
    text = (
        "El exalcalde Ruperto Salas hizo una propuesta en una entrevista con la revista "
        "Valle: “Gano la presidencia y cierro el congreso del estado”."
    )
    q = only(quotes(text), "congreso")
    assert q.speaker.text == "El exalcalde Ruperto Salas" and q.speaker.local is not None


def test_headline_role_label_speaks_its_quotation_and_the_quote_after_it() -> None:
    text = (
        "El obispo de Tepalcingo: “Las mujeres jamás podrán ejercer el sacerdocio”\n\n"
        "“Se trata de un don, nunca un derecho”, asegura.\n\n"
        "El obispo de Tepalcingo, Demetrio Fuentes, habló ayer en la catedral."
    )
    qs = quotes(text)
    first, second = only(qs, "sacerdocio"), only(qs, "don")
    assert first.speaker.text == "El obispo de Tepalcingo" and first.cue == ":"
    assert first.speaker.local is not None and second.speaker.local == first.speaker.local


def test_a_description_does_not_speak_for_the_subject_of_its_own_words() -> None:
    qs = quotes(
        "Grupo Vexnor no se ha quedado atrás y también ha subido todas sus tarifas, según "
        "denuncia la asociación de consumidores."
    )
    q = only(qs, "tarifas")
    assert q.speaker.text == "la asociación de consumidores" and q.speaker.local is None


def test_city_demonym_qualifies_a_role_as_its_city_does() -> None:
    text = (
        "El alcalde de Santa Cruz de la Sierra, Jhonatan Ferrán, visitó ayer el mercado. "
        "El alcalde cruceño dijo que el mercado abrirá en mayo."
    )
    q = only(quotes(text), "mercado abrirá")
    assert q.speaker.text == "El alcalde cruceño" and q.speaker.local is not None


@pytest.mark.parametrize("verb", ["compartió", "aseveró", "rememora", "sintetizó", "finalizó"])
def test_the_verbs_the_press_closes_a_quote_with(verb: str) -> None:
    text = f"El alcalde Ruperto Salas visitó el mercado.\n\n“Seguimos como número uno”, {verb}."
    q = only(quotes(text), "número uno")
    assert q.cue == verb and q.speaker.text is not None and "Salas" in q.speaker.text


def test_a_gerund_after_a_cue_verb_is_how_not_what_was_said() -> None:
    assert not quotes("El Ministerio de Salud continúa analizando propuestas para el puerto.")
    assert not quotes("Las pandillas continúan atacando a las comunidades del valle.")


def test_segun_closing_a_line_without_a_full_stop_names_its_source() -> None:
    q = only(
        quotes(
            "Cierran el puente de Tepalcingo\n\nEl puente no abrirá antes de junio, según la"
            " Comisión de Obras de Valle Alto\n\nLos vecinos cruzan en lancha."
        ),
        "no abrirá",
    )
    assert q.speaker.text == "la Comisión de Obras de Valle Alto"


def test_estar_de_acuerdo_con_is_agreeing_not_a_source() -> None:
    qs = quotes(
        "La diputada Eulalia Montoya Zárate dijo estar de acuerdo con el plan del alcalde de"
        " cerrar el puerto. Los dos partidos se pusieron de acuerdo con el gobierno para"
        " aprobar la ley."
    )
    assert all(q.cue is None or "acuerdo" not in q.cue for q in qs), [(q.text, q.cue) for q in qs]


def test_unnamed_scientists_are_an_anonymous_source() -> None:
    q = only(quotes("Tendremos otra sequía en 2030, según los científicos."), "sequía")
    assert (q.speaker.text, q.speaker.kind) == ("los científicos", "anonymous")


def test_a_speaker_after_a_clitic_and_whom_it_was_told_to() -> None:
    q = only(
        quotes(
            "“Hoy es Valle Bank, pero mañana podría ser cualquier otro”, le dice a este diario"
            " Joel Bollo, director de la compañía."
        ),
        "cualquier otro",
    )
    assert q.speaker.text is not None and q.speaker.text.startswith("Joel Bollo")


def test_present_forms_of_sentenciar_hand_over_to_a_quote() -> None:
    (q,) = quotes('El periódico digital Tagblatt sentencia: "en el equipo hay mucho que discutir".')
    assert q.speaker.text == "El periódico digital Tagblatt" and q.speaker.kind == "media"
