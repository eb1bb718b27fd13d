"""The annotation stage: entities everywhere, tags and trees only where an extractor reads them."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.annotate import DEFAULT_MODELS, ParseCues, load_annotator
from newsgraph.pipeline import parse_cues

TEXT = (
    "Rain fell on Zacatecas for a third day.\n\n"
    "Mayor Dalia Ontiveros Ruelas said that the river would rise tonight.\n\n"
    "Schools stayed closed"
)


def annotated(text: str, language: str = "en", *, full: bool = False) -> Doc:
    annotator = load_annotator(DEFAULT_MODELS[language])
    return next(annotator.pipe([text], None if full else parse_cues(language)))


def test_only_sentences_with_a_cue_are_tagged_and_parsed() -> None:
    doc = annotated(TEXT)
    rain, said, schools = list(doc.sents)
    assert {t.pos_ for t in rain} == {""}
    assert {t.dep_ for t in rain[1:]} == {"dep"} and rain.root.i == rain.start
    verb = next(t for t in said if t.text == "said")
    assert verb.pos_ == "VERB" and any(c.dep_ == "ccomp" for c in verb.children)
    assert any(t.pos_ == "PROPN" for t in said)
    assert schools.text == "Schools stayed closed"


def test_entities_are_found_in_unparsed_sentences() -> None:
    doc = annotated(TEXT)
    assert ("Zacatecas", "GPE") in {(e.text, e.label_) for e in doc.ents}


def test_full_parse_tags_every_sentence() -> None:
    doc = annotated(TEXT, full=True)
    assert all(t.pos_ for t in doc if not t.is_space)
    assert len(list(doc.sents)) == 3


def test_line_breaks_end_sentences_without_starting_the_next_with_space() -> None:
    doc = annotated("Breaking news\n\nThe bridge at Tula reopened on Sunday.")
    first, second = list(doc.sents)
    assert first.text.strip() == "Breaking news"
    assert second.text.startswith("The bridge")


def test_a_full_stop_before_a_word_in_lower_case_ends_no_sentence() -> None:
    doc = annotated("Sen. Dalia Ontiveros (I-Vt.) said the river would rise. It did.")
    said, it = list(doc.sents)
    assert said.text.startswith("Sen. Dalia") and it.text == "It did."
    verb = next(t for t in said if t.text == "said")
    assert any(c.dep_ == "nsubj" for c in verb.children)


def test_spanish_cues_parse_spanish_sentences() -> None:
    text = "Llovió en Durango. Según la fiscal Rebeca Anaya Lugo, el puente cerrará."
    doc = annotated(text, "es")
    rain, segun = list(doc.sents)
    assert {t.pos_ for t in rain} == {""}
    assert any(t.pos_ == "PROPN" for t in segun)


def test_parsed_sentences_keep_their_morphological_features() -> None:
    doc = annotated(
        "Llovió en Durango. La fiscal Rebeca Anaya Lugo dijo que el puente cerrará.", "es"
    )
    said = next(t for t in doc if t.text == "dijo")
    assert said.morph.get("VerbForm") == ["Fin"] and said.morph.get("Person") == ["3"]


def test_cues_match_words_and_phrases_case_insensitively() -> None:
    cues = ParseCues(words=frozenset({"said"}), phrases=("according to",))
    doc = annotated("According to the police, it rained. Nothing else. He SAID so.")
    first, nothing, he = list(doc.sents)
    assert cues.match(first) and cues.match(he) and not cues.match(nothing)


def test_models_whose_ner_shares_the_embedding_run_whole() -> None:
    import spacy

    from newsgraph.annotate import Annotator

    nlp = spacy.blank("en")
    nlp.add_pipe("tok2vec")
    listener = {"@architectures": "spacy.Tok2VecListener.v1", "width": 96, "upstream": "*"}
    ner_model = {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "hidden_width": 8,
        "maxout_pieces": 2,
        "use_upper": False,
        "tok2vec": listener,
    }
    nlp.add_pipe("ner", config={"model": ner_model}).add_label("PERSON")
    nlp.initialize()
    annotator = Annotator(nlp)
    assert not annotator.gated
    (doc,) = annotator.pipe(["Rain fell on the hills. It stopped."], parse_cues("en"))
    assert doc.tensor.shape[0] == len(doc)  # the shared embedding ran on every token


def test_quotation_marks_glued_to_words_are_tokens_of_their_own() -> None:
    from newsgraph.annotate import load_pipeline

    nlp = load_pipeline("es_core_news_sm")
    words = [t.text for t in nlp.tokenizer('Ferrer respondió:“Con gusto”. Dijo."Cuidemos el agua')]
    assert words[:5] == ["Ferrer", "respondió", ":", "“", "Con"]
    assert words[8:12] == ["Dijo", ".", '"', "Cuidemos"]
    assert nlp.tokenizer("O‘Brien dijo")[0].text == "O‘Brien"  # not a quote


def test_a_headline_in_title_case_is_parsed_in_sentence_case() -> None:
    text = "Senator Ruperto Salas Vows To Close The Tepalcingo Mine.\n\nHe spoke on Monday."
    doc = annotated(text)
    assert doc.text == text  # the case is the parser's alone
    vows = next(t for t in doc if t.text == "Vows")
    assert vows.pos_ == "VERB" and vows.dep_ == "ROOT"
    assert any(c.dep_ == "nsubj" and c.text == "Salas" for c in vows.children)


def test_a_verb_the_ner_ran_into_a_name_in_a_title_case_headline_is_left_out() -> None:
    from spacy.tokens import Span

    from newsgraph.annotate import _without_headline_verbs

    nlp = load_annotator(DEFAULT_MODELS["en"]).nlp
    words = ["Lawmakers", "Rip", "Odalys", "Ferrer", "As", "Ruperto", "Salas", "Defends", "Mine"]
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, 1, 4, label="PERSON"), Span(doc, 5, 8, label="PERSON")]
    _without_headline_verbs(doc, [(0, len(doc))], frozenset({"rip", "defends"}))
    assert [e.text for e in doc.ents] == ["Odalys Ferrer", "Ruperto Salas"]
    doc = Doc(nlp.vocab, words=["Hope", "Ferrer", "wins", "the", "vote", "in", "the", "valley"])
    doc.ents = [Span(doc, 0, 2, label="PERSON")]  # a two-word name keeps its first word
    _without_headline_verbs(doc, [(0, len(doc))], frozenset({"hope"}))
    assert [e.text for e in doc.ents] == ["Hope Ferrer"]
