"""Indirect quotes whose content is not a plain "said that" clause, with invented people."""

from __future__ import annotations

from newsgraph.pipeline import analyze_text
from newsgraph.records import Quote


def quotes(text: str, language: str = "en") -> list[Quote]:
    return analyze_text(text, language=language).quotes


def only(qs: list[Quote], fragment: str) -> Quote:
    found = [q for q in qs if fragment in q.text]
    assert len(found) == 1, [q.text for q in qs]
    return found[0]


def test_passive_cue_reports_its_subject_by_its_agent() -> None:
    qs = quotes("The toll plan was criticized by Senator Odalys Ferrer Campos on Tuesday.")
    q = only(qs, "toll plan")
    assert q.text == "The toll plan" and q.cue == "criticized"
    assert q.speaker.text == "Senator Odalys Ferrer Campos"


def test_passive_cue_with_a_clause_reports_the_clause() -> None:
    qs = quotes("It was reported by the Valle Gazette that the mayor had resigned.")
    q = only(qs, "resigned")
    assert q.text == "that the mayor had resigned"
    assert q.speaker.text == "the Valle Gazette"


def test_as_comment_credits_the_rest_of_the_sentence() -> None:
    qs = quotes("As Dr. Evaristo Lemus noted, the clinic has had no running water since May.")
    q = only(qs, "running water")
    assert q.text == "the clinic has had no running water since May"
    assert q.speaker.text == "Dr. Evaristo Lemus" and q.cue == "noted"


def test_trailing_as_comment() -> None:
    qs = quotes("The clinic has had no running water since May, as Dr. Evaristo Lemus noted.")
    q = only(qs, "running water")
    assert q.text == "The clinic has had no running water since May"


def test_as_clause_with_its_own_object_keeps_it() -> None:
    qs = quotes("As Dr. Evaristo Lemus criticized the budget, the nurses walked out of the hall.")
    assert [q.text for q in qs] == ["the budget"]


def test_asked_whether_reports_the_question() -> None:
    qs = quotes("Reporters asked Governor Celestino Arreola whether he would veto the water bill.")
    q = only(qs, "veto")
    assert q.text == "whether he would veto the water bill"
    assert q.speaker.text == "Reporters"


def test_speech_verb_with_what_is_said_as_its_object() -> None:
    qs = quotes("Councilwoman Idalia Serrano noted the rise in kidnappings along the highway.")
    q = only(qs, "kidnappings")
    assert q.text == "the rise in kidnappings along the highway"
    assert q.speaker.text == "Councilwoman Idalia Serrano"


def test_speech_verb_whose_object_is_the_listener_gives_no_quote() -> None:
    assert quotes("Councilwoman Idalia Serrano warned the residents on Friday.") == []


def test_the_clause_after_the_verb_when_the_parse_glues_two_sentences() -> None:
    text = (
        "“Nobody has disputed a single figure I gave.”  Despite the delays, "
        "Quintero said the budget would pass in March."
    )
    q = only(quotes(text), "budget")
    assert q.text == "the budget would pass in March"


def test_spanish_comment_clause() -> None:
    qs = quotes("Como señaló el médico Evaristo Lemus, la clínica no tiene agua desde mayo.", "es")
    q = only(qs, "clínica")
    assert q.text == "la clínica no tiene agua desde mayo"
    assert q.speaker.text == "el médico Evaristo Lemus"


def test_mid_sentence_according_to_keeps_both_sides() -> None:
    qs = quotes(
        "At the heart of the dispute, according to Judge Amparo Villaseñor, is the water "
        "contract signed in 2019."
    )
    q = only(qs, "heart")
    assert "water contract" in q.text
    assert q.speaker.text == "Judge Amparo Villaseñor"


def test_participle_after_a_preposition_speaks_for_the_main_subject() -> None:
    qs = quotes("Mayor Rosalba Quintero answered the question by criticizing the toll contract.")
    q = only(qs, "toll contract")
    assert q.speaker.text == "Mayor Rosalba Quintero"


def test_subject_of_likely_to_say_is_the_speaker() -> None:
    qs = quotes("Residents of the valley were more likely to say the new road was unsafe.")
    q = only(qs, "unsafe")
    assert q.speaker.text == "Residents of the valley"


def test_according_to_cue_has_its_offsets() -> None:
    text = "The army will leave the valley next week, according to Colonel Ismael Robles."
    q = only(quotes(text), "army")
    assert q.cue == "according to"
    assert q.cue_start is not None and text[q.cue_start : q.cue_end] == "according to"


def test_dash_byline_after_a_quote_names_the_speaker() -> None:
    for text in (
        "“We are not afraid of anyone.” — Marisela Ochoa Prieto, mayor of Tepalcingo",
        "“We are not afraid of anyone.”\n— Marisela Ochoa Prieto",
    ):
        q = only(quotes(text), "afraid")
        assert q.kind == "direct" and q.speaker.text == "Marisela Ochoa Prieto"


def test_spanish_dialogue_dash_is_never_the_speaker() -> None:
    text = "—No vamos a negociar con nadie —dijo la alcaldesa Marisela Ochoa Prieto."
    q = only(quotes(text, "es"), "negociar")
    assert q.speaker.text == "la alcaldesa Marisela Ochoa Prieto"


def test_reported_passage_after_a_colon_paragraph() -> None:
    text = (
        "The Valle Gazette reported on Monday:\n\n"
        "The new bridge over the river will not open before 2027.\n\n"
        "Traffic was light on the old road."
    )
    q = only(quotes(text), "bridge")
    assert q.text == "The new bridge over the river will not open before 2027"
    assert q.speaker.text == "The Valle Gazette" and q.cue == "reported"
    assert not [x for x in quotes(text) if "Traffic" in x.text]


def test_spanish_reported_passage() -> None:
    text = "El diario Noroeste informó este lunes:\n\nEl nuevo puente no abrirá antes de 2027."
    q = only(quotes(text, "es"), "puente")
    assert q.speaker.text == "El diario Noroeste" and q.cue == "informó"


def test_a_speakers_own_description_is_not_a_quote() -> None:
    for text, language in (
        ("Un funcionario que pidió el anonimato aseguró que el ejército saldrá.", "es"),
        ("An official who asked for anonymity said the army would leave the city.", "en"),
    ):
        qs = quotes(text, language)
        assert len(qs) == 1 and qs[0].speaker.kind == "anonymous", [q.text for q in qs]


def test_spanish_passive_cue_reports_its_subject_by_its_agent() -> None:
    q = only(
        quotes("El plan de seguridad fue criticado por la senadora Odalys Ferrer.", "es"), "plan"
    )
    assert q.text == "El plan de seguridad" and q.cue == "criticado"
    assert q.speaker.text == "la senadora Odalys Ferrer"


def test_spanish_speech_verb_with_what_is_said_as_its_object() -> None:
    text = "La senadora Odalys Ferrer Campos señaló el aumento de los secuestros en la carretera."
    q = only(quotes(text, "es"), "secuestros")
    assert q.text == "el aumento de los secuestros en la carretera"
    assert q.speaker.text == "La senadora Odalys Ferrer Campos"


def test_stance_object_keeps_the_phrase_that_follows_it() -> None:
    text = "Senator Odalys Ferrer praised Governor Ruperto Salas’s leadership after the flood."
    q = only(quotes(text), "leadership")
    assert q.text == "Governor Ruperto Salas’s leadership after the flood"


def test_stance_object_stops_before_when_it_was_said() -> None:
    qs = quotes("Senator Odalys Ferrer criticized the toll plan on Tuesday.")
    assert only(qs, "toll").text == "the toll plan"


def test_what_a_say_verb_takes_as_its_object_is_what_was_said() -> None:
    qs = quotes("Most farmers praised the new dam, and Ruperto Salas said the same of the canal.")
    assert only(qs, "canal").text == "the same of the canal"


def test_belief_adjective_reports_the_clause_after_it() -> None:
    q = only(quotes("Ruperto Salas is not sure the vote on the canal will pass."), "vote")
    assert q.text == "the vote on the canal will pass" and q.cue == "sure"
    assert q.speaker.text == "Ruperto Salas"


def test_spanish_belief_adjective() -> None:
    text = "Los regantes están convencidos de que la presa resistirá este invierno."
    q = only(quotes(text, "es"), "presa")
    assert q.cue == "convencidos" and q.speaker.text == "Los regantes"


def test_less_frequent_stance_verbs_and_the_occasion_left_out() -> None:
    q = only(quotes("Ruperto Salas alluded to the flood of 2019 in his speech."), "flood")
    assert q.text == "the flood of 2019" and q.cue == "alluded"
    q = only(quotes("Senator Odalys Ferrer assailed the toll plan during a town hall."), "toll")
    assert q.text == "the toll plan"


def test_a_quote_parsed_as_the_subject_gives_no_indirect_quote() -> None:
    text = "“Es el más grotesco fraude electoral”, expresó la candidata Marisela Ochoa."
    qs = quotes(text, "es")
    assert [q.kind for q in qs] == ["direct"], [q.text for q in qs]


def test_a_title_after_book_or_show_is_no_quote() -> None:
    text = (
        "Ruperto Salas wrote about the flood in his 2019 book, “How We Rebuilt Our Town After "
        "The River Took It.”"
    )
    assert [q for q in quotes(text) if q.kind == "direct"] == []


def test_a_title_after_an_exhibition_or_a_report_is_no_quote() -> None:
    text = (
        "La alcaldesa Odalys Ferrer inauguró la exposición “Colores: del Valle Perdido al Mar "
        "Grande”, en el Antiguo Colegio."
    )
    assert quotes(text, "es") == []
    text = "Ruperto Salas opened the exhibition “Colours: From The Lost Valley To The Sea”."
    assert quotes(text) == []


def test_a_title_case_quote_with_a_speaker_stays() -> None:
    text = "Ruperto Salas: “We Will Rebuild Every School In The Valley”"
    assert any("Rebuild" in q.text for q in quotes(text))


def test_spanish_impersonal_se_names_no_speaker() -> None:
    text = "En el documento se destacó lo siguiente:\n\nEl proceso electoral no fue imparcial."
    assert [q.speaker.text for q in quotes(text, "es")] == []


def test_according_to_keeps_the_name_set_off_by_commas() -> None:
    q = only(quotes("According to his lawyer, Amparo Villaseñor, Salas will plead not guilty."),
             "plead")  # fmt: skip
    assert q.speaker.text == "his lawyer, Amparo Villaseñor"
    assert q.text == "Salas will plead not guilty"


def test_a_participle_after_the_reported_clause_is_left_out_of_it() -> None:
    qs = quotes(
        "Senator Odalys Ferrer said the tariff would hurt farmers, arguing that the harvest"
        " was already late."
    )
    said = only(qs, "the tariff")
    assert said.text == "the tariff would hurt farmers"
    assert said.speaker.text == "Senator Odalys Ferrer"
    arguing = only(qs, "harvest")
    assert arguing.text == "that the harvest was already late"
    assert arguing.speaker.text == "Senator Odalys Ferrer"


def test_a_named_speaker_leaves_out_the_relative_clause_hung_on_it() -> None:
    (q,) = quotes(
        "Odilia Cárdenas, whom Governor Lucía Ramírez Ortega appointed last year, said that"
        " the toll would fall."
    )
    assert q.speaker.text == "Odilia Cárdenas"
    (q,) = quotes(
        "Odilia Cárdenas, candidata en el exilio -a quien Ramírez Ortega considera legítima"
        " gobernadora-, elogió el proceso como transparente.",
        "es",
    )
    assert q.speaker.text == "Odilia Cárdenas, candidata en el exilio"


def test_an_anonymous_source_keeps_the_clause_that_describes_it() -> None:
    (q,) = quotes("Un funcionario que pidió el anonimato dijo que el ejército se irá.", "es")
    assert q.speaker.text == "Un funcionario que pidió el anonimato"
    assert q.speaker.kind == "anonymous"


def parts_of(text: str, q: Quote) -> list[str]:
    return [text[s:e] for s, e in q.spans]


def test_attribution_set_off_inside_the_clause_is_left_out_of_its_parts() -> None:
    text = "The toll bridge was a success, Ruperto Salas said, until the river flooded it in May."
    q = only(quotes(text), "toll bridge")
    assert q.speaker.text == "Ruperto Salas" and q.cue == "said"
    assert parts_of(text, q) == [
        "The toll bridge was a success",
        "until the river flooded it in May",
    ]


def test_a_second_speech_verb_the_parse_hangs_inside_the_reported_clause_reports_its_own() -> None:
    result = analyze_text(
        "Odalys Ferrer said the council had approved the budget and urged residents to vote."
    )
    texts = {q.text: q for q in result.quotes}
    assert set(texts) == {"the council had approved the budget", "residents to vote"}
    urged = texts["residents to vote"].speaker
    assert urged.local is not None
    assert result.entities[urged.local].name == "Odalys Ferrer"


def test_a_reported_clause_never_ends_with_its_conjunction() -> None:
    qs = quotes(
        "Odalys Ferrer said that the toll on the new bridge would fall next year and warned "
        "that the old bridge would close."
    )
    assert [q.text for q in qs] == [
        "that the toll on the new bridge would fall next year",
        "that the old bridge would close",
    ]


def test_a_relative_pronoun_before_the_cue_verbs_own_subject_does_not_speak() -> None:
    qs = quotes(
        "At her school, Ana Ruiz and other parents protested the state funding system, "
        "which advocates say disadvantages needy schools."
    )
    assert only(qs, "needy schools").speaker.text == "advocates"


def test_a_participle_after_a_preposition_speaks_for_a_passive_main_clause() -> None:
    qs = quotes(
        "In her book, Odalys Ferrer noted the clot. After saying her right foot was so "
        "swollen she could barely walk, she was rushed to a hospital for tests."
    )
    q = only(qs, "swollen")
    assert q.cue == "saying" and q.speaker.text == "she"
    qs = quotes("He was forced to resign after being accused of hiding the accounts.")
    assert all(q.speaker.text != "He" for q in qs)  # accused by someone else


def test_the_object_of_the_verb_an_infinitive_hangs_from_speaks() -> None:
    qs = quotes(
        "The senator also forced Tomás Ibarra, who was under questioning from the committee, "
        "to admit that no senior executives have been held accountable."
    )
    assert only(qs, "senior executives").speaker.text == "Tomás Ibarra"
    qs = quotes("Ana Ruiz, the minister, was visiting the port to stress support for the plan.")
    assert only(qs, "support").speaker.text == "Ana Ruiz, the minister"  # says why


def test_the_object_of_the_verb_an_infinitive_hangs_from_speaks_in_spanish() -> None:
    qs = quotes(
        "La senadora obligó a Tomás Ibarra a admitir que ningún ejecutivo fue sancionado.", "es"
    )
    assert only(qs, "ejecutivo").speaker.text == "Tomás Ibarra"


def test_a_naming_verb_set_off_by_commas_is_no_inserted_attribution() -> None:
    qs = quotes("The fund, called Bright Harbor, will own the land until 2030.")
    assert not [q for q in qs if q.speaker.text == "Bright Harbor"]


def test_an_inserted_said_with_its_subject_after_it_reports_both_sides() -> None:
    text = "The bridge, said Mayor Tobias Wrenfield, will reopen in May."
    q = only(quotes(text), "bridge")
    assert q.speaker.text == "Mayor Tobias Wrenfield"
    assert [text[s:e] for s, e in q.parts] == ["The bridge", "will reopen in May"]


def test_reported_clause_the_parse_breaks_at_a_contraction_is_whole() -> None:
    # the small English model takes "’ll" here for a clause of its own before "leave …"
    text = "Odilia Cárdenas agrees. She said she’ll leave the attacks and the insults to others."
    (q,) = quotes(text)
    assert q.text == "she’ll leave the attacks and the insults to others"


def test_attribution_run_on_after_a_lost_full_stop_stays_apart() -> None:
    text = (
        "The Valley Water Board, the agency that oversees the canal program, said it was "
        "taking additional steps to increase the vetting of applicants for the program and its "
        "oversight of the regional centers The bureau said it would increase oversight as well."
    )
    first, second = quotes(text)
    assert first.text.endswith("oversight of the regional centers")
    assert second.text == "it would increase oversight as well"


def test_speech_verb_tagged_as_a_noun_still_reports_its_clause() -> None:
    # the parse the small English model gives "But Trump claims that …": "claims" a plural
    # noun, yet with a subject and a clause of its own
    import spacy
    from spacy.tokens import Doc

    from newsgraph.quotes.indirect import _cue_content_and_source

    words = ["But", "Ibarra", "claims", "that", "he", "should", "be", "the", "exception", "."]
    doc = Doc(
        spacy.blank("en").vocab, words=words,
        pos=["CCONJ", "PROPN", "NOUN", "SCONJ", "PRON", "AUX", "AUX", "DET", "NOUN", "PUNCT"],
        deps=["cc", "nsubj", "ROOT", "mark", "nsubj", "aux", "ccomp", "det", "attr", "punct"],
        heads=[2, 2, 2, 6, 6, 6, 2, 8, 6, 2],
    )  # fmt: skip
    content, source = _cue_content_and_source(doc[2], "en")
    assert content is not None and source is not None
    assert (content.text, source.text) == ("that he should be the exception", "Ibarra")


def test_reported_clause_the_parse_hangs_as_an_adverbial_is_reported() -> None:
    text = (
        "The nominee spoke. Tomás Ibarra said after the convention he would not accept "
        "the endorsement if it were offered."
    )
    (q,) = quotes(text)
    assert q.text == "he would not accept the endorsement if it were offered"
    assert q.speaker.text == "Tomás Ibarra"


def test_adverbial_clause_of_a_speech_verb_reports_nothing() -> None:
    assert quotes("Odilia Cárdenas said so when she left the court.") == []


def test_reported_clause_the_parse_hangs_from_a_noun_in_between_is_reported() -> None:
    for text, content in (
        (
            "Tomás Ibarra also said for the first time that some emails have been located.",
            "that some emails have been located",
        ),
        (
            "In Valdoria last week, she told a meeting of island leaders that few people "
            "understood the stakes.",
            "that few people understood the stakes",
        ),
    ):
        (q,) = quotes(text)
        assert q.text == content, text


def test_relative_clause_after_a_speech_verb_reports_nothing() -> None:
    assert quotes("Tomás Ibarra spoke in a statement that was released on Monday.") == []
    (q,) = quotes("The campaign emphasized to voters the threat that a Welk presidency would pose.")
    assert q.text == "the threat that a Welk presidency would pose"


def test_description_of_the_source_after_according_to_is_not_reported() -> None:
    for text, content, language in (
        (
            "According to Ann Bosk, a spokeswoman for the water board, the canal will reopen "
            "in May.",
            "the canal will reopen in May",
            "en",
        ),
        (
            "Según Edgar Ruiz, jefe de la Dirección de Epidemiología del ministerio, la "
            "cartera también forma parte del sistema nacional.",
            "la cartera también forma parte del sistema nacional",
            "es",
        ),
    ):
        (q,) = quotes(text, language)
        assert q.text == content, text


def test_subject_set_off_after_according_to_a_document_stays_reported() -> None:
    text = "Según el informe, el hallazgo, derivado de una denuncia, se realizó en una bodega."
    (q,) = quotes(text, "es")
    assert q.text.startswith("el hallazgo")


def test_what_a_stance_verb_calls_its_object_when_the_parse_loses_the_object() -> None:
    # The parse hangs "her" from "third-rate", leaving "called" with no object.
    q = only(quotes("Ruperto Salas called her “third-rate” and left the hall."), "third")
    assert q.text == "her “third-rate”" and q.speaker.text == "Ruperto Salas"


def test_a_name_given_to_something_is_no_stance() -> None:
    qs = quotes("The dam was run by a firm called Bright Harbor until a man named Ciro Pell came.")
    assert not qs, [q.text for q in qs]


def test_the_past_of_seek_is_a_cue() -> None:
    q = only(quotes("Odalys Ferrer sought a recount of the ballots in the valley."), "recount")
    assert q.text == "a recount of the ballots in the valley" and q.cue == "sought"


def test_comparing_ignoring_and_ordering_verbs_report_their_object() -> None:
    q = only(quotes("Odalys Ferrer compared the toll plan to a tax on the poor."), "toll")
    assert q.text == "the toll plan to a tax on the poor" and q.cue == "compared"
    q = only(quotes("The judge ordered a recount of the ballots in the valley."), "recount")
    assert q.speaker.text == "The judge"
    q = only(quotes("Mayor Ruperto Salas ignored the warnings of the river authority."), "warn")
    assert q.text == "the warnings of the river authority"


def test_a_firm_offering_money_is_no_stance() -> None:
    qs = quotes("Bright Harbor offered $300m to the creditors and shared a platform with them.")
    assert not qs, [q.text for q in qs]


def test_seeing_something_as_something_is_an_opinion() -> None:
    q = only(quotes("Ruperto Salas sees Odalys Ferrer as a uniter of the party."), "uniter")
    assert q.text == "Odalys Ferrer as a uniter of the party" and q.speaker.text == "Ruperto Salas"
    q = only(quotes("Some farmers saw the comment as a dig at the river authority."), "dig")
    assert q.text == "the comment as a dig at the river authority"  # "as" hung from the object
    (q,) = quotes("Odalys Ferrer is seen as a frontrunner in the valley.")  # by no one named
    assert q.text == "Odalys Ferrer is seen as a frontrunner in the valley"
    assert q.speaker.text is None and q.speaker.kind == "unknown"
    (q,) = quotes("Odalys Ferrer is seen by party leaders as a frontrunner in the valley.")
    assert q.speaker.text == "party leaders" and q.text.startswith("Odalys Ferrer is seen")
    assert not quotes("Ruperto Salas saw the flood coming from the hills.")


def test_spanish_seeing_something_as_something() -> None:
    text = "El alcalde Ruperto Salas vio a la candidata como una amenaza para el partido."
    q = only(quotes(text, "es"), "amenaza")
    assert q.text == "la candidata como una amenaza para el partido" and q.cue == "vio"
    assert not quotes("Odalys Ferrer vio el río desde el puente.", "es")


def test_a_claim_nobody_owns_is_reported_with_its_source_unknown() -> None:
    text = "For years, Ruperto Salas has been dogged by charges that he took money from the mine."
    q = only(quotes(text), "money")
    assert q.text == "that he took money from the mine" and q.cue == "charges"
    assert q.speaker.text is None and q.speaker.kind == "unknown"


def test_a_passive_accusation_with_no_agent_is_a_claim_whose_source_is_unknown() -> None:
    q = only(quotes("Ruperto Salas was accused of diverting funds from the clinic."), "funds")
    assert q.text == "Ruperto Salas was accused of diverting funds from the clinic"
    assert q.cue == "accused" and q.speaker.text is None and q.speaker.kind == "unknown"
    assert not quotes("He's said the same thing at every rally in the valley.")  # "has said"
    (q,) = quotes(
        "Mayor Ruperto Salas is also reported to have called the councillors “free riders”."
    )  # the report of a named speaker's words keeps its speaker
    assert q.speaker.text == "Mayor Ruperto Salas" and q.cue == "called"


def test_calling_for_someone_to_act_reports_the_clause() -> None:
    q = only(quotes("Ruperto Salas has called for the mine to be closed before the rains."), "mine")
    assert q.text == "the mine to be closed before the rains" and q.cue == "called"
    assert q.speaker.text == "Ruperto Salas"
    q = only(quotes("Odalys Ferrer talked about whether the toll should end in May."), "toll")
    assert q.text == "whether the toll should end in May"


def test_noticing_and_clarifying_verbs_report_their_clause() -> None:
    q = only(quotes("Odalys Ferrer noticed that none of the stations covered the vote."), "none")
    assert q.cue == "noticed" and q.speaker.text == "Odalys Ferrer"
    q = only(quotes("Ruperto Salas clarified that the toll would end in May."), "toll")
    assert q.text == "that the toll would end in May" and q.cue == "clarified"
    assert not quotes("The delegate lead of Odalys Ferrer continues to grow in the valley.")


def test_a_clause_before_a_closing_attribution_the_parse_missed_is_reported() -> None:
    text = "Those who take on heavy loans struggle, even with a good job, he said."
    q = only(quotes(text), "loans")
    assert q.text == "Those who take on heavy loans struggle, even with a good job"
    assert q.speaker.text == "he" and q.cue == "said"
    text = 'The rejection signals "the beginning of the end" for the union, said Ruperto Salas.'
    q = only(quotes(text), "rejection")
    assert q.text.endswith("for the union") and q.speaker.text == "Ruperto Salas"
    # a subordinate clause or a participle before the comma is not what was said
    assert not quotes("As the council met on Tuesday in the valley, Odalys Ferrer said.")
    assert not quotes("When the council met on Tuesday, Ruperto Salas spoke.")


def test_a_one_word_answer_is_what_a_speech_verb_reports() -> None:
    q = only(quotes("Asked if the mine should close, 46 percent of voters said yes."), "yes")
    assert q.text == "yes" and q.speaker.text == "46 percent of voters"
    q = only(quotes("Ruperto Salas said no to the toll in the valley."), "toll")
    assert q.text == "no to the toll in the valley" and q.cue == "said"
    q = only(quotes("Ruperto Salas dijo no al plan del valle.", "es"), "plan")
    assert q.text == "no al plan del valle"
