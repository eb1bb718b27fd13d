"""Transcripts, "X's statement read:" intros and spacing in quotes, with invented people."""

from __future__ import annotations

from newsgraph.pipeline import analyze_text
from newsgraph.records import DocResult, Quote


def analyze(text: str, language: str = "en") -> DocResult:
    return analyze_text(text, language=language)


def only(qs: list[Quote], fragment: str) -> Quote:
    found = [q for q in qs if fragment in q.text]
    assert len(found) == 1, [q.text for q in qs]
    return found[0]


def entity_index(result: DocResult, name: str) -> int:
    return next(e.index for e in result.entities if e.name == name)


INTERVIEW = (
    "Senator Odalys Ferrer spoke with the host Tomás Lemus about the toll plan on Sunday.\n\n"
    "LEMUS: Will you vote for the toll plan when it reaches the floor next week?\n\n"
    "FERRER: No. The toll plan will hurt every family in the valley, and I will say so.\n\n"
    "NOTE: This transcript has been edited for length.\n\n"
    "LEMUS: Then what would you do about the bridge?\n\n"
    "FERRER: We would repair the old bridge before we build a new one.\n"
)


def test_transcript_turns_are_direct_quotes_of_their_labels() -> None:
    result = analyze(INTERVIEW)
    q = only(result.quotes, "every family")
    assert q.kind == "direct" and q.cue == ":"
    assert q.text == "No. The toll plan will hurt every family in the valley, and I will say so"
    assert q.speaker.text == "FERRER" and q.speaker.kind == "person"
    assert q.speaker.local == entity_index(result, "Odalys Ferrer")
    question = only(result.quotes, "the bridge?")
    assert question.text == "Then what would you do about the bridge?"
    assert question.speaker.text == "LEMUS" and question.kind == "direct"


def test_furniture_label_is_no_speaker_inside_a_transcript() -> None:
    qs = analyze(INTERVIEW).quotes
    turns = [q.speaker.text for q in qs if q.cue == ":" and q.kind == "direct"]
    assert turns == ["LEMUS", "FERRER", "LEMUS", "FERRER"]
    assert not [q for q in qs if "edited for length" in q.text]


def test_quoted_transcript_paragraphs_go_on_until_the_next_turn() -> None:
    text = (
        "Part of the interview follows:\n\n"
        '"LEMUS: Will you vote for the toll plan when it reaches the floor next week?\n\n'
        '"FERRER: No. The toll plan will hurt every family in the valley.\n\n'
        '"And the drivers from the coast would pay twice for the same road.\n\n'
        '"(CROSSTALK.)\n\n'
        '"LEMUS: Senator, we are out of time, but thank you for coming in today.\n\n'
        '"FERRER: Thank you for having me on the program this morning.\n'
    )
    result = analyze(text)
    q = only(result.quotes, "every family")
    assert q.speaker.text == "FERRER" and q.kind == "direct"
    assert [text[s:e] for s, e in q.spans] == [
        "No. The toll plan will hurt every family in the valley",
        "And the drivers from the coast would pay twice for the same road",
    ]
    assert only(result.quotes, "out of time").speaker.text == "LEMUS"
    assert not [q for q in result.quotes if "CROSSTALK" in q.text]


def test_question_and_answer_labels_speak_without_a_name() -> None:
    text = (
        "The Valle Gazette spoke with Senator Odalys Ferrer on Tuesday.\n\n"
        "Q: Will the governor veto the bill if it passes?\n\n"
        "A: I expect he will, because he promised the drivers he would.\n"
    )
    qs = analyze(text).quotes
    question = only(qs, "veto")
    assert question.kind == "direct" and question.speaker.text == "Q"
    assert question.speaker.local is None
    answer = only(qs, "drivers")
    assert answer.text == "I expect he will, because he promised the drivers he would"
    assert answer.kind == "direct" and answer.speaker.text == "A"


def test_capitalised_label_in_a_transcript_must_name_a_person() -> None:
    text = INTERVIEW + (
        "\nPros: The toll plan would pay for the new bridge within ten years.\n\n"
        "Cons: The drivers from the coast would pay twice for the same road.\n"
    )
    qs = analyze(text).quotes
    assert only(qs, "old bridge").kind == "direct"
    assert not [q for q in qs if q.kind == "direct" and q.speaker.text in ("Pros", "Cons")]


def test_spanish_interview_labels() -> None:
    text = (
        "La senadora Odalys Ferrer habló con la Gaceta del Valle sobre el peaje.\n\n"
        "P: ¿Vetará el gobernador la ley si se aprueba?\n\n"
        "R: Espero que sí, porque se lo prometió a los conductores de la región.\n\n"
        "ACTUALIZACIÓN: Esta entrevista fue editada por su extensión.\n\n"
        "PREGUNTA: ¿Y el puente viejo?\n\n"
        "RESPUESTA: «Lo repararemos antes de construir uno nuevo».\n"
    )
    qs = analyze(text, "es").quotes
    answer = only(qs, "conductores")
    assert answer.kind == "direct" and answer.speaker.text == "R"
    assert answer.text == "Espero que sí, porque se lo prometió a los conductores de la región"
    assert only(qs, "¿Vetará").speaker.text == "P"
    assert only(qs, "puente viejo").speaker.text == "PREGUNTA"
    assert only(qs, "repararemos").text == "Lo repararemos antes de construir uno nuevo"
    assert not [q for q in qs if "editada" in q.text]


def test_spanish_transcript_resolves_a_surname_label() -> None:
    text = (
        "La senadora Odalys Ferrer debatió con el alcalde Tomás Lemus en la radio local.\n\n"
        "FERRER: El peaje dañará a todas las familias del valle y votaremos en contra.\n\n"
        "LEMUS: El peaje pagará el puente nuevo en menos de diez años.\n"
    )
    result = analyze(text, "es")
    q = only(result.quotes, "familias")
    assert q.kind == "direct" and q.speaker.text == "FERRER"
    assert q.speaker.local == entity_index(result, "Odalys Ferrer")
    assert only(result.quotes, "puente nuevo").speaker.text == "LEMUS"


def test_statement_read_credits_its_owner() -> None:
    text = (
        "The mayor of Valle Hermoso, Odalys Ferrer, did not attend the meeting on Tuesday.\n\n"
        "Ferrer's statement read: “The toll plan will hurt every family in the valley.”\n"
    )
    result = analyze(text)
    q = only(result.quotes, "every family")
    assert q.speaker.text == "Ferrer" and q.cue == "read"
    assert q.speaker.local == entity_index(result, "Odalys Ferrer")


def test_the_statement_said_speaks_for_who_issued_it() -> None:
    text = (
        "Senator Odalys Ferrer issued a statement on Wednesday. The statement said: "
        "“The council will vote on the toll plan next month as scheduled.”\n"
    )
    result = analyze(text)
    q = only(result.quotes, "next month")
    assert q.speaker.text == "The statement" and q.speaker.kind == "person"
    assert q.speaker.local == entity_index(result, "Odalys Ferrer")


def test_the_letter_reads_between_two_quotes_joins_them() -> None:
    text = (
        "A group of drivers sent a letter to the council on Monday.\n\n"
        "“We cannot afford another fee on the only road to the coast,” the letter reads. "
        "“Our families drive it every single day of the week.”\n"
    )
    q = only(analyze(text).quotes, "another fee")
    assert q.speaker.text == "the letter" and q.cue == "reads"
    assert [text[s:e] for s, e in q.spans] == [
        "We cannot afford another fee on the only road to the coast,",
        "Our families drive it every single day of the week.",
    ]


def test_spanish_document_speaks_for_its_author() -> None:
    text = (
        "La senadora Odalys Ferrer emitió un comunicado el miércoles. El comunicado señala: "
        "«El peaje dañará a todas las familias del valle y votaremos en contra».\n\n"
        "«Iremos a los tribunales si el consejo aprueba el peaje sin consultar a nadie», "
        "reza la carta de la senadora Odalys Ferrer.\n\n"
        "El comunicado de Ferrer decía: «No firmaré ningún plan que cobre dos veces».\n"
    )
    result = analyze(text, "es")
    ferrer = entity_index(result, "Odalys Ferrer")
    assert only(result.quotes, "familias").speaker.local == ferrer
    court = only(result.quotes, "tribunales")
    assert court.cue == "reza" and court.speaker.local == ferrer
    assert only(result.quotes, "No firmaré").speaker.local == ferrer


def test_quote_after_a_colon_and_a_no_break_space_opens_an_utterance() -> None:
    q = only(analyze("Councilwoman Odalys Ferrer said:\u00a0“We will win the vote.”").quotes, "win")
    assert q.kind == "direct" and q.text == "We will win the vote."
    assert q.speaker.text == "Councilwoman Odalys Ferrer"


def test_spanish_quote_after_a_no_break_space() -> None:
    text = "La concejala Odalys Ferrer dijo:\u00a0«Ganaremos la votación el lunes»."
    q = only(analyze(text, "es").quotes, "Ganaremos")
    assert q.kind == "direct" and q.text == "Ganaremos la votación el lunes"


DEBATE = (
    "Senator Odalys Ferrer debated the toll plan with the host Tomás Lemus on Sunday.\n\n"
    "LEMUS: Will you vote for the toll plan when it reaches the floor next week?\n\n"
    "FERRER: No. The toll plan will hurt every family in the valley.\n\n"
    "And the drivers from the coast would pay twice for the same road.\n\n"
    "I have said so to the governor, and I will say it again on the floor.\n\n"
    "LEMUS: Then what would you do about the bridge?\n\n"
    "FERRER: We would repair the old bridge before we build a new one.\n\n"
    "It would cost us half as much, and we could open it again by the spring.\n\n"
    "Ferrer has served two terms in the Senate and chairs its transport committee.\n\n"
    "The council will vote on the toll plan next month.\n"
)


def test_unlabelled_paragraphs_go_on_with_the_turn_before_them() -> None:
    result = analyze(DEBATE)
    q = only(result.quotes, "every family")
    assert q.speaker.text == "FERRER" and q.kind == "direct"
    assert q.speaker.local == entity_index(result, "Odalys Ferrer")
    assert [DEBATE[s:e] for s, e in q.spans] == [
        "No. The toll plan will hurt every family in the valley",
        "And the drivers from the coast would pay twice for the same road",
        "I have said so to the governor, and I will say it again on the floor",
    ]
    assert only(result.quotes, "the bridge?").speaker.text == "LEMUS"


def test_a_transcript_ends_where_the_prose_about_its_speakers_resumes() -> None:
    qs = analyze(DEBATE).quotes
    last = only(qs, "old bridge")
    assert last.speaker.text == "FERRER"
    assert [DEBATE[s:e] for s, e in last.spans] == [
        "We would repair the old bridge before we build a new one",
        "It would cost us half as much, and we could open it again by the spring",
    ]
    assert not [q for q in qs if q.cue == ":" and ("two terms" in q.text or "council" in q.text)]


def test_many_unlabelled_paragraphs_after_the_last_turn_are_not_its() -> None:
    column = "".join(f"I drove the coast road on day {n} and we paid twice.\n\n" for n in range(12))
    text = DEBATE.split("Ferrer has served")[0] + column
    qs = analyze(text).quotes
    assert only(qs, "old bridge").parts == ()
    assert not [q for q in qs if q.cue == ":" and "coast road" in q.text]
    assert len(only(qs, "every family").parts) == 3


def test_answer_label_speaks_for_the_interviewee() -> None:
    text = (
        "The Valle Gazette spoke with Senator Odalys Ferrer on Tuesday. Ferrer chairs the "
        "transport committee.\n\n"
        "Q: Will the governor veto the bill if it passes?\n\n"
        "A: I expect he will, because he promised the drivers he would.\n\n"
        "If he does not, we will take the toll plan to the courts.\n\n"
        "QWhat about the old bridge on the coast road?\n\n"
        "A: We would repair it before we build a new one.\n"
    )
    result = analyze(text)
    answer = only(result.quotes, "drivers")
    assert answer.speaker.text == "A"
    assert answer.speaker.local == entity_index(result, "Odalys Ferrer")
    assert [text[s:e] for s, e in answer.spans] == [
        "I expect he will, because he promised the drivers he would",
        "If he does not, we will take the toll plan to the courts",
    ]
    assert only(result.quotes, "repair it").speaker.local == entity_index(result, "Odalys Ferrer")
    assert only(result.quotes, "veto").speaker.local is None
    assert not [q for q in result.quotes if q.cue == ":" and "old bridge" in q.text]


def test_spanish_answer_goes_on_over_its_paragraphs_and_speaks_for_the_interviewee() -> None:
    text = (
        "La Gaceta del Valle entrevistó a la senadora Odalys Ferrer en su despacho. Ferrer "
        "preside la comisión de transporte.\n\n"
        "PREGUNTA: ¿Vetará el gobernador la ley si se aprueba?\n\n"
        "RESPUESTA: Espero que sí, porque se lo prometió a los conductores de la región.\n\n"
        "Si no lo hace, nosotros llevaremos el plan del peaje a los tribunales.\n\n"
        "PREGUNTA: ¿Y el puente viejo?\n\n"
        "RESPUESTA: Lo repararemos antes de construir uno nuevo.\n\n"
        "Ferrer fue elegida en 2019 y termina su mandato el año próximo.\n"
    )
    result = analyze(text, "es")
    ferrer = entity_index(result, "Odalys Ferrer")
    answer = only(result.quotes, "conductores")
    assert answer.speaker.text == "RESPUESTA" and answer.speaker.local == ferrer
    assert [text[s:e] for s, e in answer.spans] == [
        "Espero que sí, porque se lo prometió a los conductores de la región",
        "Si no lo hace, nosotros llevaremos el plan del peaje a los tribunales",
    ]
    last = only(result.quotes, "repararemos")
    assert last.speaker.local == ferrer and last.parts == ()
    assert only(result.quotes, "puente viejo").speaker.local is None
