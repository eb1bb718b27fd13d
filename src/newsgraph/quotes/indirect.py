"""Indirect quotes: what a cue verb, noun or adjective reports, and "according to X"."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace
from functools import cache

import numpy as np
from spacy.attrs import LOWER
from spacy.tokens import Span, Token

from .. import lang
from ..annotate import AnnotatedSegment, string_ids
from ..records import Quote, QuoteKind, Speaker
from .common import (
    CLAUSE_OF_NOUN_DEPS,
    HANDED_BACK,
    MAX_LEAD_WORDS,
    MIN_CONTENT_TOKENS,
    MIN_FRAME_WORDS,
    MISSED_RELATIVE_LANGUAGES,
    NULL_SUBJECT_LANGUAGES,
    OBJECT_DEPS,
    OPENERS,
    PASSIVE_SUBJECT_DEPS,
    RELATIVE_DEPS,
    RELATIVE_PRONOUNS,
    WHEN_LABELS,
    Attribution,
    _after_case,
    _cue_words,
    _inside,
    _is_bare_pronoun,
    _is_cue,
    _is_finite,
    _is_fragment,
    _is_listed_pair,
    _is_stance,
    _language,
    _list,
    _looks_like_a_name,
    _marker,
    _parse_trigger_words,
    _phrase_verbs,
    _preposition_of,
    _quote,
    _right,
    _stop_words,
    _trim_content,
    _words_start,
)
from .speakers import (
    SpeakerFinder,
    _attribution,
    _before_relative,
    _clause_taken_for_subject,
    _headed_by,
    _implied_attribution,
    _is_passive,
    _is_ser_passive,
    _is_unnamed,
    _owner_of,
    _speaker_span,
    role_key,
)


def _according_to(sent: Span, language: str) -> tuple[int, Span] | None:
    """Where "according to" / "según" stands in a sentence (doc characters), and the source
    after it; the first such phrase of the sentence. A phrase that attributes only when it
    opens the sentence, with its source set off by a comma ("Para la fiscal Anaya, …",
    ``lang/*/opinion_openers.txt``), needs a source that can hold a view: a person or an
    organisation, a role, an institution or an unnamed group ("Para el Gobierno", "Para
    los expertos"; not "Para el próximo año")."""
    low = sent.text.lower()
    found = [(k, p) for p in _list(language, "according_to") if (k := low.find(p + " ")) != -1]
    found = [(k, p) for k, p in found if not _agrees(sent, sent.start_char + k, language)]
    lead = len(low) - len(low.lstrip(' \n“"«'))
    opener = next((p for p in _list(language, "opinion_openers")
                   if low.startswith(p + " ", lead)), None)  # fmt: skip
    if opener is not None and not found:
        found = [(lead, opener)]
    if not found:
        return None
    k, phrase = min(found)
    start = sent.start_char + k + len(phrase) + 1
    start += _verb_before_source(sent.text[start - sent.start_char :], language)
    rest = sent.text[start - sent.start_char :]
    apposed = _APPOSED_NAME.match(rest)
    stop = apposed.end() if apposed else len(re.split(r"[,.;:\n]", rest, maxsplit=1)[0].rstrip())
    source = sent.doc.char_span(start, start + stop, alignment_mode="expand")
    if source is None or (phrase == opener and not _holds_a_view(source, rest[stop:], language)):
        return None
    return sent.start_char + k, source


def _agrees(sent: Span, at: int, language: str) -> bool:
    """Whether the phrase at ``at`` follows a verb with which it means agreeing, not
    attributing: "dijo [estar] de acuerdo con el plan", "se [pusieron] de acuerdo con"
    (``lang/*/agreeing_verbs.txt``)."""
    before = [t for t in sent if t.idx < at and not t.is_space]
    return bool(before) and before[-1].lower_ in _list(language, "agreeing_verbs")


#: The most tokens of an opener's source: "Para [la fiscal de distrito Rebeca Anaya],".
MAX_OPENER_SOURCE_WORDS = 8


def _holds_a_view(source: Span, after: str, language: str) -> bool:
    """Whether an opener's source, set off by a comma (``after`` starts with it), names a
    person or an organisation, a role, an institution or an unnamed group, in a few words
    and not a purpose ("Para evaluar las cifras, …")."""
    low = source.text.lower()
    first = source[0].text
    infinitive = first.islower() and first.endswith(("ar", "er", "ir"))  # "Para evaluar X,"
    return (
        after.startswith(",") and not infinitive and len(source) <= MAX_OPENER_SOURCE_WORDS
        and not any(ch.isdigit() or ch == "*" for ch in source.text)
    ) and (
        any(t.ent_type_ in ("PERSON", "PER", "ORG") for t in source)
        or role_key(low, language) is not None
        or any(_headed_by(low, language, nouns)
               for nouns in ("institution_nouns", "organization_nouns"))
        or _is_unnamed(low, language)
    )  # fmt: skip


def _is_no_source(words: str, language: str) -> bool:
    """Whether what follows "según" opens with a phrase that names no source
    (``lang/*/not_sources.txt``): "según corresponda", "(FACT, según sus siglas en inglés)"."""
    low = words.lower()
    return any(low == p or low.startswith(p + " ") for p in _list(language, "not_sources"))


def _verb_before_source(rest: str, language: str) -> int:
    """How many characters of a speech verb, and of an object pronoun before it, stand
    between "según" and its source: "según [lo anunció] el ministro", "según [informó] X"."""
    clitics = lang.words(language, "object_clitics")  # listed where a verb may stand there
    words = re.match(r"(\w+)\s+(?:(\w+)\s+)?", rest)
    if not clitics or words is None:  # English "according to [reports]" is a noun
        return 0
    first, second = words.group(1).lower(), (words.group(2) or "").lower()
    verbs = _list(language, "speech_verbs")
    if first in clitics and second in verbs:
        return words.end()
    if first in verbs:
        return words.end(1) + len(rest[words.end(1) :]) - len(rest[words.end(1) :].lstrip())
    return 0


#: The source after "according to", up to its first comma or stop, or with the name set
#: off by commas after it: "according to his wife, Amanda, he …".
_APPOSED_NAME = re.compile(r"[^,.;:]+,\s+(?:[A-ZÁÉÍÓÚÑ][\w’'-]*\s+){0,3}[A-ZÁÉÍÓÚÑ][\w’'-]*(?=,)")


def _content_of(verb: Token, language: str) -> Span | None:
    """What a cue verb reports: its clause, else (for stance verbs) its object.

    A verb listed only with its preposition ("talked about") has only the prepositional
    object: its sentence may be parsed for nothing else.
    """
    if verb.lower_ not in _parse_trigger_words(language):
        return _prepositional_object_of(verb, language)
    clause = _clause_of(verb)
    if clause is None and _reports_a_finding(verb, language):
        return _finding_of(verb)
    if clause is not None or not _is_stance(verb, language):
        return clause
    return _object_of(verb, language) or _prepositional_object_of(verb, language)


def _reports_a_finding(verb: Token, language: str) -> bool:
    """ "a poll showed …", "the survey found …": a speech verb whose subject is a study."""
    return any(
        c.dep_ == "nsubj" and c.lower_ in _list(language, "finding_nouns") for c in verb.children
    )


def _finding_of(verb: Token) -> Span | None:
    """ "the poll showed [Trump leading the field]": a finding is the verb's object."""
    obj = _object_after(verb)
    if obj is None or _is_bare_pronoun(obj):
        return None
    return verb.doc[obj.left_edge.i : verb.right_edge.i + 1]


def _object_after(verb: Token) -> Token | None:
    """The verb's first object after it: "endorsed [the senator]", "showed [a lead]"."""
    return next((c for c in verb.children if c.dep_ in OBJECT_DEPS and c.i > verb.i), None)


def _clause_of(verb: Token) -> Span | None:
    """ "said [that …]", "urged [Congress to act]", "the plan, [he said], will fail"."""
    doc = verb.doc
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if clauses:  # two when the parse glued a quote before: "“…” Cruz said [he could …]"
        after = [c for c in clauses if c.i > verb.i]
        if not after:
            return doc[clauses[-1].left_edge.i : clauses[-1].right_edge.i + 1]
        return doc[after[0].left_edge.i : _adjoining_clauses_end(after) + 1]
    for child in verb.children:  # (a gerund is how, not what: "continúa [analizando]")
        if child.dep_ == "xcomp" and child.i > verb.i and not _is_gerund(child):
            obj = next((c for c in verb.children if c.dep_ in OBJECT_DEPS and c.i < child.i), None)
            start = obj.left_edge.i if obj is not None else child.left_edge.i
            return doc[start : child.right_edge.i + 1]
    for child in verb.children:  # "asked her [whether she would run]"
        if child.dep_ == "advcl" and child.i > verb.i and _question_marker(child):
            return doc[child.left_edge.i : child.right_edge.i + 1]
    for child in verb.children:
        if (unmarked := _unmarked_clause(verb, child)) is not None:
            return unmarked
    if (hung := _clause_hung_from_an_object(verb)) is not None:
        return hung
    if verb.dep_ == "parataxis" and verb.head.i != verb.i:
        return doc[verb.head.left_edge.i : verb.head.right_edge.i + 1]
    if (
        verb.dep_ == "advcl" and verb.head.i != verb.i
        and _marker(verb, _list(_language(verb), "comment_markers"))
        and not any(c.dep_ in OBJECT_DEPS or c.dep_ == "prep" for c in verb.children)
    ):  # fmt: skip
        return _rest_of_clause(verb)  # "as Ibarra noted, [the vote is close]"
    return _answer_of(verb) or _clause_before_attribution(verb)


def _answer_of(verb: Token) -> Span | None:
    """A one-word answer right after a speech verb (``lang/*/answer_words.txt``), with what
    it answers to: "46 percent said [yes]", "he said [no to the war]"."""
    doc = verb.doc
    if verb.i + 1 >= len(doc) or not _is_cue(verb, _language(verb)):
        return None
    answer = doc[verb.i + 1]
    if answer.head.i != verb.i or answer.lower_ not in _list(_language(verb), "answer_words"):
        return None
    end = answer.right_edge.i + 1  # "no [al plan]", hung on the word itself
    if end < len(doc):
        after = doc[end].head if doc[end].dep_ == "case" else doc[end]  # "[al] plan": the noun
        if after.dep_ in ("prep", "obl") and after.head.i == verb.i:
            end = after.right_edge.i + 1  # "no [to the war]", hung on the verb
    return doc[answer.i : end]


def _clause_before_attribution(verb: Token) -> Span | None:
    """The words before an attribution that closes its sentence after a comma, when the
    parse hung no clause on its verb: "[Those who borrow struggle, even with a good job],
    he said.", "[The vote signals the end], said Ruperto Salas, the mayor." Only a finite
    speech verb with no object, whose subject (if any) is beside it, with no other finite
    verb after it but in its subject ("said an aide [who] asked not to be named"). The
    words before the comma, from the start of their line, must be a clause of their own:
    a finite verb outside a relative clause, and no subordinate clause or participle
    opening them ("When the vote came, he said", "Asked if …, she said")."""
    doc, sent, language = verb.doc, verb.sent, _language(verb)
    if (
        not (_is_cue(verb, language) and _is_finite(verb)) or verb.dep_ in RELATIVE_DEPS
        or any(c.dep_ in OBJECT_DEPS for c in verb.children)
    ):  # fmt: skip
        return None  # "the AP, which reported [the story]", "Mexico said [enough]"
    subject = next(
        (c for c in verb.children if c.dep_ == "nsubj" and not _clause_taken_for_subject(c, verb)),
        None,
    )  # (the parse may make the clause a subject: "[The vote signals …], said X")
    if subject is None and language not in NULL_SUBJECT_LANGUAGES:
        return None
    if subject is not None and subject.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    lo = verb.i if subject is None or subject.i > verb.i else subject.left_edge.i
    held = {t.i for t in subject.subtree} if subject is not None else set()
    if (
        lo <= sent.start + 1 or doc[lo - 1].text != "," or verb.i - lo > MAX_PREPOSED_SUBJECT_WORDS
        or any(t.pos_ in ("VERB", "AUX") for t in doc[lo : verb.i])
    ):  # fmt: skip
        return None  # (not "[filming television] shows")
    if any(
        t.i not in held and t.pos_ in ("VERB", "AUX") and _is_finite(t)
        for t in doc[verb.i + 1 : sent.end]
    ):
        return None
    start = max([sent.start, *(t.i + 1 for t in doc[sent.start : lo] if "\n" in t.text)])
    words = doc[start : lo - 1]
    if verb.head.i != verb.i and not start <= verb.head.i < lo - 1:
        return None
    return words if _is_a_clause_of_its_own(words) else None


def _is_a_clause_of_its_own(words: Span) -> bool:
    """Whether words are a main clause: a finite verb outside a relative clause, and
    neither a subordinator nor a participle first, nor a subordinate clause at the top."""
    first = next((t for t in words if t.pos_ not in ("CCONJ", "ADV", "PUNCT")), None)
    if first is None or _subordinates(first) or (first.pos_ == "VERB" and not _is_finite(first)):
        return False
    for token in words:
        outside = not words.start <= token.head.i < words.end
        if outside and token.dep_ == "advcl" and any(_subordinates(c) for c in token.lefts):
            return False  # "Most of the time, [when] we are …"
    return any(
        t.pos_ in ("VERB", "AUX") and _is_finite(t) and t.dep_ not in RELATIVE_DEPS
        and not (t.dep_ == "conj" and t.head.dep_ in RELATIVE_DEPS)
        for t in words
    )  # fmt: skip


def _is_gerund(verb: Token) -> bool:
    """A gerund by its morphology: the Spanish "analizando", never reported content after a
    cue verb. (The English model calls "-ing" forms participles: "suggested [raising]".)"""
    return "Ger" in verb.morph.get("VerbForm", [])


def _unmarked_clause(verb: Token, child: Token) -> Span | None:
    """A finite clause after a speech verb, with its own subject and no conjunction, that
    the parse hung from the verb as an adverbial: "said after the convention [he would not
    accept …]" (the words before the subject are the verb's). An adverbial clause has its
    conjunction or wh-word before its subject ("said [when he left]"); "that" opens a
    reported clause ("tweeted at dawn [that …]")."""
    if not (
        child.dep_ == "advcl" and child.i > verb.i and _is_cue(verb, _language(verb))
        and (_is_finite(child) or any(c.tag_ == "MD" for c in child.children))
        and child.tag_ not in ("VBG", "VBN")
    ):  # fmt: skip
        return None
    subject = _subject_before(child)
    if subject is None:
        return None
    doc = child.doc
    before = doc[child.left_edge.i : subject.left_edge.i]
    if any(t.tag_ == "WRB" or (t.dep_ == "mark" and t.lower_ != "that") for t in before):
        return None
    that = next((t for t in before if t.lower_ == "that"), None)
    start = that.i if that is not None else subject.left_edge.i
    return doc[start : child.right_edge.i + 1]


def _subject_before(verb: Token, deps: Collection[str] = ("nsubj",)) -> Token | None:
    """A clause's own subject, written before its verb ("that [the water] will return")."""
    return next((c for c in verb.children if c.dep_ in deps and c.i < verb.i), None)


#: Dependents of a verb after it whose noun the parse may hang a reported clause from, in
#: either annotation scheme ("said [for the first time]", "aseguró [a los vecinos]").
_HOSTS_OF_A_CLAUSE = {"prep", "dobj", "dative", "npadvmod", "obl", "iobj", "obj"}


def _clause_hung_from_an_object(verb: Token) -> Span | None:
    """A "that" clause after a speech verb that the parse hung from a noun in between, as
    a relative clause: "said for the first time [that some emails have been located]",
    "told a meeting of island leaders [that few people understood …]", "aseguró a los
    vecinos [que el agua volverá]". A cue noun keeps its own clause ("criticized his
    [declaration] that …")."""
    language = _language(verb)
    if not _is_cue(verb, language):
        return None
    for child in verb.children:
        if child.i < verb.i or child.dep_ not in _HOSTS_OF_A_CLAUSE:
            continue
        for clause in child.subtree:
            if (
                clause.dep_ in ("relcl", "acl") and _opens_a_reported_clause(clause)
                and clause.head.lower_ not in _cue_words(language)
            ):  # fmt: skip
                return verb.doc[clause.left_edge.i : clause.right_edge.i + 1]
    return None


def _opens_a_reported_clause(clause: Token) -> bool:
    """Whether a clause taken for a relative one is a complement: it opens with "that" or
    "que", has a subject of its own before its verb, and is complete.

    English: the "that" is no pronoun of the clause (``mark``, ``advmod``), and words
    follow the verb or it is passive ("the threat that a presidency would [pose]" lacks its
    object). Spanish labels the "que" of both kinds a pronoun (``obj``), so the subject
    before the verb tells them apart ("la carta que [escribió el fiscal]" puts it after).
    """
    that, language = clause.left_edge, _language(clause)
    if that.lower_ not in _list(language, "complementizers") or that.head.i != clause.i:
        return False
    if _subject_before(clause, ("nsubj", "nsubjpass")) is None:
        return False
    if language in MISSED_RELATIVE_LANGUAGES:
        return that.dep_ in ("mark", "obj")
    return that.dep_ in ("mark", "advmod") and (
        _is_passive(clause) or any(not c.is_punct for c in clause.rights)
    )


def _adjoining_clauses_end(clauses: list[Token]) -> int:
    """The end of a reported clause the parse broke in two with nothing between them:
    "said [she ’ll] [leave …]", where the contraction was taken for a clause of its own.
    A clause of a speech verb with a subject of its own is another attribution: "… the
    regional centers [The S.E.C. said …]", where the text lost a full stop."""
    end = _right(clauses[0])
    for clause in clauses[1:]:
        if clause.left_edge.i != end + 1 or _reports_by_itself(clause):
            break
        end = _right(clause)
    return end


def _reports_by_itself(clause: Token) -> bool:
    """A speech verb with a subject of its own: "[the S.E.C.] said"."""
    return _is_cue(clause, _language(clause)) and any(c.dep_ == "nsubj" for c in clause.children)


def _question_marker(clause: Token) -> bool:
    """An embedded question: "if …", "whether …", Spanish "si …"."""
    return _marker(clause, _list(_language(clause), "question_markers"))


def _rest_of_clause(verb: Token) -> Span | None:
    """The clause an "as …" comment hangs from, without the comment: the words after it
    when it opens the clause, else those before it."""
    doc, head = verb.doc, verb.head
    lo, hi = head.left_edge.i, head.right_edge.i
    if verb.left_edge.i <= lo:
        lo = verb.right_edge.i + 1
    else:
        hi = verb.left_edge.i - 1
    return doc[lo : hi + 1] if hi >= lo else None


def _object_of(verb: Token, language: str) -> Span | None:
    """ "endorsed [the senator]", "called [the plan “a fraud”]", "accused [her of lying]"."""
    if verb.lower_ not in _list(language, "stance_verbs"):
        return None  # "warned [voters]": a speech verb's object is whom it addresses
    if any(c.dep_ in OBJECT_DEPS and c.i < verb.i and _is_bare_pronoun(c) for c in verb.children):
        return _complement_of_clitic(verb, language) or _predicate_without_object(verb)
    obj = _object_after(verb)
    if obj is None:
        return _predicate_without_object(verb)
    if _preposition_of(obj) is not None:  # "lo que calificó [de “cacería de brujas”]"
        return _complement_of_clitic(verb, language) if _fronted_relative(verb) else None
    after = [c for c in verb.children if c.i > obj.i]
    complements = [c for c in after if _completes_object(verb, c, language)]
    if _is_bare_pronoun(obj) and not complements:
        return None  # "criticized him": whom, not what; "called him [a liar]" says what
    end = max([obj, *complements], key=_right)
    return verb.doc[obj.left_edge.i : _phrase_end(verb, end) + 1]


def _fronted_relative(verb: Token) -> bool:
    """Whether the verb's object is a relative pronoun before it: "what she called …", "lo
    que calificó de …"."""
    return any(
        c.i < verb.i and (c.lower_ in RELATIVE_PRONOUNS or c.tag_ in ("WP", "WDT"))
        and not c.dep_.startswith("nsubj")  # "X, quien denunció …": the subject
        for c in verb.children
    )  # fmt: skip


def _predicate_without_object(verb: Token) -> Span | None:
    """ "called [her “third-rate”]", "called [both X and Y “crazy”]": the parse found what
    the object is called, but took the object for a part of it (a possessive, a second
    predicate), so the content runs from the verb to the end of the last predicate."""
    predicates = [c for c in verb.children if c.dep_ == "oprd" and c.i > verb.i]
    if (
        not predicates
        or predicates[-1].pos_ == "PROPN"  # "a man named [Ciro Pell]": a name, not a stance
        or verb.dep_ in ("acl", "amod")  # "a group called …"
        or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)  # "is considered …"
        or any(t.lower_ in ",;:" for t in verb.doc[verb.i + 1 : predicates[0].left_edge.i])
    ):
        return None
    return verb.doc[verb.i + 1 : predicates[-1].right_edge.i + 1]


#: Dependents of a stance verb that go on saying what its object is said to be or do:
#: "criticized him [for not doing more] [to help …]", "voted for a measure [to extend …]".
_PHRASE_DEPS = {"prep", "xcomp", "advcl", "oprd", "ccomp", "acomp", "dative", "obl", "nmod"}


def _is_when(child: Token) -> bool:
    """ "on Tuesday", "last week", "in a speech": when or where it was said, not what."""
    heads = [child, *(c for c in child.children if c.dep_ in ("pobj", "obl", "nmod"))]
    occasions = _list(_language(child), "occasion_nouns")
    return any(t.ent_type_ in WHEN_LABELS or t.lower_ in occasions for t in heads)


def _phrase_end(verb: Token, last: Token) -> int:
    """The last token of a verb's content phrase: its dependents after ``last`` while they
    follow without punctuation between (a comma, dash or conjunction ends the phrase)."""
    end = last.right_edge.i
    for child in verb.children:
        if child.i <= end:
            continue
        if child.dep_ not in _PHRASE_DEPS or child.left_edge.i != end + 1 or _is_when(child):
            break
        end = child.right_edge.i
    return end


def _complement_of_clitic(verb: Token, language: str) -> Span | None:
    """Spanish "la calificó [de mentirosa]", "lo calificó [como un error]": the pronoun
    stands before the verb, so what is said of it is the complement after."""
    for child in verb.children:
        marker = next((c for c in child.children if c.dep_ in ("case", "mark")), None)
        if (
            child.i > verb.i and marker is not None and marker.i < child.i
            and marker.lower_ in _list(language, "complement_markers")
        ):  # fmt: skip
            return verb.doc[child.left_edge.i : child.right_edge.i + 1]
    return None


def _completes_object(verb: Token, child: Token, language: str) -> bool:
    """ "called it [a fraud]", "described him [as a liar]", "accused her [of lying]"."""
    marker = _preposition_of(child)
    return (
        child.dep_ == "oprd"
        or (marker is not None and marker.lower_ in _list(language, "complement_markers"))
        or _phrasal_object(verb, child, language) is not None
    )


def _prepositional_object_of(verb: Token, language: str) -> Span | None:
    """ "talked about [the wall]" in English, "habló sobre [el muro]" in Spanish."""
    for child in verb.children:
        obj = _phrasal_object(verb, child, language)
        if obj is not None and not _is_bare_pronoun(obj) and obj.ent_type_ not in WHEN_LABELS:
            start = _after_case(obj)
            if _clause_marker(obj) is not None:  # "for [the mine to be closed]"
                start += 1
            return verb.doc[start : _phrase_end(verb, obj) + 1]
    return None


def _clause_marker(child: Token) -> Token | None:
    """The word opening an infinitive clause with its own subject: "[for] the mine to be
    closed", which the parse hangs from the verb as an adverbial clause."""
    first = child.left_edge
    if (
        child.dep_ == "advcl" and first.dep_ == "mark" and first.head.i == child.i
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in child.children)
    ):  # fmt: skip
        return first
    return None


def _phrasal_object(verb: Token, child: Token, language: str) -> Token | None:
    """The object of a preposition the stance list pairs with the verb ("talk about"), or
    the clause it opens ("called for [the mine to be closed]")."""
    marker = _preposition_of(child) or _clause_marker(child)
    if (
        child.i < verb.i
        or marker is None
        or not _is_listed_pair(verb, marker, language, "stance_verbs")
    ):
        return None
    if child.dep_ == "prep":
        return next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
    return child


def _indirect_quotes(
    text: str, seg: AnnotatedSegment, direct: list[tuple[int, int]], finder: SpeakerFinder
) -> list[Quote]:
    out: list[Quote] = []
    language = seg.segment.language
    doc = seg.doc
    candidates = np.flatnonzero(np.isin(doc.to_array(LOWER), string_ids(_cue_words(language))))
    for sent in doc.sents:
        lo, hi = np.searchsorted(candidates, (sent.start, sent.end))
        for i in candidates[lo:hi]:
            cue = doc[int(i)]
            if _inside(cue.idx + seg.offset, direct):
                continue
            inserted = _inserted_attribution(text, seg, cue, direct, finder)
            if inserted is not None:
                out.append(inserted)
                continue
            content, subject = _cue_content_and_source(cue, language)
            if content is None or len(content) < MIN_CONTENT_TOKENS:
                continue
            if (
                content.start > cue.i and _attributes_the_quote_before(text, seg, cue, direct)
                and not _opens_a_complement(content)
            ):  # fmt: skip
                continue  # "“…”, señalan [fuentes policiales]": the subject, after its verb
            unowned = subject is None and (  # a passive's content before it holds its
                _is_unowned_claim(cue, content) or (_is_passive(cue) and content.start < cue.i)
            )  # subject: a claim with no agent (_passive_claim, _taken_as)
            if subject is None and not unowned and not _may_leave_subject_unsaid(cue, language):
                continue
            if subject is not None and _inside(subject.start_char + seg.offset, direct):
                continue  # "“…”, expresó la candidata": the parse took the quote for the subject
            quote = _indirect(text, seg, content, subject, cue, direct, finder, unowned=unowned)
            if quote is not None:
                out.append(quote)
        out += _according_to_quotes(text, seg, sent, direct, finder)
        out += _reported_passage(text, seg, sent, finder)
        out += _evidential_quotes(text, seg, sent, direct)
    return out


#: The most words a subject set off inside the clause it reports may have.
MAX_INSERTED_SUBJECT_WORDS = 12


def _inserted_attribution(
    text: str, seg: AnnotatedSegment, cue: Token, direct: list[tuple[int, int]],
    finder: SpeakerFinder,
) -> Quote | None:  # fmt: skip
    """A cue verb set off by commas inside the clause it reports, its subject after it:
    "La economía, [aseguró la ministra Olvido], crecerá un 3 %", "El plan, [según explicó
    el fiscal], no cambia", "Los precios, [afirmó], seguirán subiendo". The words on both
    sides are the quote, in two parts, whatever the parse made of the sentence (it often
    takes the first words for the verb's subject)."""
    language = seg.segment.language
    doc, sent = cue.doc, cue.sent
    if not (_is_cue(cue, language) and _is_finite(cue)):
        return None
    before = cue.i - 1
    if before > sent.start and doc[before].lower_ in _list(language, "according_to"):
        before -= 1  # "según explicó"
    if doc[before].text != "," and (preposed := _preposed_attribution(cue)) is not None:
        before, subject, close = preposed  # "The difference, [he told me on Friday], is …"
    else:
        comma = next((t.i for t in doc[cue.i + 1 : sent.end] if t.text == ","), None)
        if comma is None:
            return None
        subject, close = doc[cue.i + 1 : comma], comma
    if before <= sent.start + 1 or doc[before].text != ",":
        return None
    if close + 1 < sent.end and len(subject) and subject[0].pos_ == "DET":
        name_end = next((t.i for t in doc[close + 1 : sent.end] if t.text == ","), None)
        if name_end is not None and all(t.pos_ == "PROPN" for t in doc[close + 1 : name_end]):
            subject, close = doc[cue.i + 1 : name_end], name_end  # "el alcalde, Tomás Arrieta,"
    if close + 1 < sent.end and _is_apposition(doc[close + 1 : sent.end]):
        # "said X, [an analyst at Y], the rate will fall": the speaker's, not the clause
        close = next(t.i for t in doc[close + 1 : sent.end] if t.text == ",")
    line_start = max([sent.start, *(t.i + 1 for t in doc[sent.start : before] if "\n" in t.text)])
    line_end = next((t.i for t in doc[close + 1 : sent.end] if "\n" in t.text), sent.end)
    head, tail = doc[line_start:before], doc[close + 1 : line_end]  # a line break ends both
    if (
        len(subject) > MAX_INSERTED_SUBJECT_WORDS
        or any(t.pos_ in ("VERB", "AUX") for t in subject)
        or (len(subject) and subject[0].pos_ not in SUBJECT_OPENERS)
        or (language not in NULL_SUBJECT_LANGUAGES and not _is_inverted_subject(cue, subject))
        or not _holds_a_clause(tail)
        or sum(t.is_alpha for t in head) < 2
        or sum(t.is_alpha for t in tail) < 2
        or _opens_a_subordinate(doc[before - 1])  # "donde, estima, podría ganar"
        or any(_is_cue(t, language) for t in head)  # "X insistió en A porque, dijo, B"
        or doc[before - 1].text in {*OPENERS, *OPENERS.values()}  # "“…”, dijo X, “…”"
        or _inside(head.start_char + seg.offset, direct)
    ):
        return None
    first = _trim_content(text, head.start_char + seg.offset, head.end_char + seg.offset)
    second = _trim_content(text, tail.start_char + seg.offset, tail.end_char + seg.offset)
    if len(subject):
        attribution = _attribution(seg, subject, cue, finder)
    else:
        attribution = _implied_attribution(seg, cue, finder, direct)
    if attribution.speaker.local is None and attribution.speaker.text is None:
        return None
    inner = [e for s, e in direct if first[0] <= s and e <= second[1] + 1]
    second = (second[0], max([second[1], *inner]))  # the closing words of a quote it ends with
    kind: QuoteKind = "mixed" if inner else "indirect"
    quote = _quote(text, seg, first[0], second[1], kind, attribution.speaker, attribution)
    return replace(quote, parts=(first, second))


#: The most words of a subject before an inserted cue verb ("the former mayor"), and of
#: what may follow the verb before the closing comma ("me on Friday").
MAX_PREPOSED_SUBJECT_WORDS = 5
MAX_ADJUNCT_WORDS = 4


def _preposed_attribution(cue: Token) -> tuple[int, Span, int] | None:
    """An inserted attribution whose subject comes before its verb: "The difference now,
    [he told me on Friday], is that …". The comma before the subject, the subject, and the
    comma after the verb and its short adjuncts, none of which is a verb."""
    doc, sent = cue.doc, cue.sent
    lo = max(sent.start, cue.i - MAX_PREPOSED_SUBJECT_WORDS - 1)
    before = next((t.i for t in reversed(doc[lo : cue.i]) if t.text == ","), None)
    hi = min(sent.end, cue.i + MAX_ADJUNCT_WORDS + 2)
    close = next((t.i for t in doc[cue.i + 1 : hi] if t.text == ","), None)
    if before is None or close is None or before + 1 == cue.i:
        return None
    subject = doc[before + 1 : cue.i]
    while len(subject) > 1 and subject[-1].pos_ == "ADV":
        subject = subject[:-1]  # "Mr. Obama [often] says"
    adjuncts = doc[cue.i + 1 : close]
    if not _is_parenthesis(subject, adjuncts) or (
        close + 1 < sent.end and doc[close + 1].text in OPENERS  # "he said, “What …”"
    ):
        return None
    return before, subject, close


def _is_parenthesis(subject: Span, adjuncts: Span) -> bool:
    """Whether a subject, its cue verb and the words after it up to a comma are a
    parenthesis, not a clause of their own: no other verb, no clause opener ("…, [who]
    said, …", "X explicó [que], durante …"), no punctuation ("a friend commented: “For
    you, …"), and no object but a personal pronoun ("told [me] on Friday", not "charged
    [two developers], …" or "found [myself] in …")."""
    words = (*subject, *adjuncts)
    return not (
        any(t.pos_ == "VERB" or _opens_a_subordinate(t) for t in words)
        or any(t.is_punct for t in adjuncts)
        or any(
            t.dep_ in OBJECT_DEPS and (t.pos_ != "PRON" or "Yes" in t.morph.get("Reflex", []))
            for t in adjuncts
        )
    )


#: The parts of speech an inserted attribution's subject may open with: "el fiscal",
#: "Pérez", "dos funcionarios", "ella"; not "que" or "en".
SUBJECT_OPENERS = ("DET", "PROPN", "NOUN", "PRON", "NUM", "ADJ")


def _is_apposition(words: Span) -> bool:
    """Whether the words after an inserted attribution's subject open with a description of
    it set off by a comma ("historian at the Library, is that …"): a noun phrase in lower
    case, with no verb, up to a comma."""
    comma = next((t.i for t in words if t.text == ","), None)
    if comma is None or comma == words.start:
        return False
    phrase = words.doc[words.start : comma]
    return (
        phrase[0].is_lower and phrase[0].pos_ in ("DET", "NOUN", "ADJ")
        and any(t.pos_ == "NOUN" for t in phrase)
        and not any(t.pos_ in ("VERB", "AUX") for t in phrase)
    )  # fmt: skip


def _person_description_end(source: Span, named: bool, words: Span, language: str) -> int | None:
    """Where a description of the person ``source`` names ends, set off by commas after it
    (the doc character after its closing comma): "según Edgar Ruiz, [jefe de la Dirección
    …,]", "according to Ann Bosk, [a spokeswoman for …,]". After a source that names no one
    (``named``), or a phrase that names no office, the words are the content's own subject
    ("según el informe, [el hallazgo,] derivado de …")."""
    if not (named or _looks_like_a_name(source.text)) or not _is_apposition(words):
        return None
    comma = next(t for t in words if t.text == ",")
    phrase = words.doc[words.start : comma.i]
    holds_an_office = len(phrase) > 2 and phrase[1].lower_ in _list(language, "genitive_markers")
    if role_key(phrase.text, language) is None and not holds_an_office:
        return None
    return comma.idx + 1


def _holds_a_clause(words: Span) -> bool:
    """Whether the words after an inserted attribution go on with the clause it
    interrupts: a finite verb first ("[crecerá] un 3 %"), not more of the speaker's
    description ("a longtime adviser [who] oversees …"), a participle clause ("añade,
    [recordando] que …") or a verb of the speaker's own ("dijo, [y admitió] que …")."""
    if len(words) and words[0].pos_ == "CCONJ":
        return False
    for token in words:
        if _opens_a_subordinate(token):
            return False
        if token.pos_ in ("VERB", "AUX"):
            return token.dep_ not in RELATIVE_DEPS and _is_finite(token)
    return False


def _subordinates(word: Token) -> bool:
    """A word that opens a subordinate clause: a conjunction, a relative or "when"."""
    return _opens_a_subordinate(word) or word.tag_ == "WRB"


def _opens_a_subordinate(word: Token) -> bool:
    """A relative or a conjunction that opens a clause of its own: an attribution right
    after it reports that clause alone, not the sentence."""
    return (
        word.lower_ in _list(_language(word), "clause_openers")
        or word.pos_ == "SCONJ"
        or "Rel" in word.morph.get("PronType", [])
    )


def _is_inverted_subject(cue: Token, subject: Span) -> bool:
    """Where subjects are not dropped, the words after an inserted cue verb are its
    subject only when the parse says so: "the program, called [EB-5], allows" names."""
    return any(t.dep_ == "nsubj" and t.head.i == cue.i for t in subject)


def _attributes_the_quote_before(
    text: str, seg: AnnotatedSegment, cue: Token, direct: list[tuple[int, int]]
) -> bool:
    """Whether a cue verb comes right after a quotation and its comma ("“…”, señalan …",
    "“…,” said …"): the quotation's attribution, whatever follows it is its subject. Not
    after a quoted title or phrase of a few words ("host of “Morning Joe,” said …")."""
    at = cue.idx + seg.offset
    return any(
        e <= at and HANDED_BACK.fullmatch(text, e, at) and not _is_fragment(text, s, e)
        for s, e in direct
    )


def _opens_a_complement(content: Span) -> bool:
    """Whether a reported clause opens with its complementizer: "que …", "that …"."""
    return content[0].lower_ in _list(_language(content[0]), "complementizers")


def _is_unowned_claim(cue: Token, content: Span) -> bool:
    """ "dogged by charges [that he …]": a claim noun and its clause, owned by no one the
    text names. The claim is reported all the same, with its source unknown. Only a clause
    that opens with its complementizer: "la promesa [de darles dulces]" claims nothing."""
    return (
        cue.pos_ == "NOUN" and _opens_a_complement(content) and content[0].dep_ == "mark"
        and content[0].head.dep_ in CLAUSE_OF_NOUN_DEPS
    )  # fmt: skip


def _may_leave_subject_unsaid(cue: Token, language: str) -> bool:
    """A cue verb heading its own sentence with no subject, in a language that leaves it
    unsaid, and the clause it reports after it: "Indicó que …". Not a verb chained to
    another (its subject is that verb's), not a noun or adjective cue, not a verb after
    what it would report ("“…”, afirmó": a direct quote's), and not a question."""
    return (
        language in NULL_SUBJECT_LANGUAGES
        and _is_cue(cue, language)
        and cue.dep_ == "ROOT"
        and all(c.i > cue.i for c in cue.children if c.dep_ in ("ccomp", "obj", "dobj"))
        and _is_finite(cue)
        and _agent_of(cue) is None
        and _clause_of(cue) is not None  # "expresó [el mandatario]": a subject taken for an object
        and not cue.sent.text.startswith("¿")  # the interviewer's question
    )


def _reported_passage(
    text: str, seg: AnnotatedSegment, sent: Span, finder: SpeakerFinder
) -> list[Quote]:
    """ "The Valle Gazette reported on Monday:" closing a paragraph introduces the next one,
    the reported passage, when that one is not in quotation marks (a direct quote then)."""
    said = sent.text.rstrip()
    colon = sent.start_char + seg.offset + len(said)
    if not said.endswith(":") or not text.startswith("\n\n", colon):
        return []
    stop = text.find("\n\n", colon + 2)
    start, stop = _trim_content(text, colon + 2, len(text) if stop == -1 else stop)
    if start == stop or text[start] in OPENERS or text[start] in "—–":
        return []
    language = seg.segment.language
    for cue in sent:
        if _is_cue(cue, language) and _clause_of(cue) is None and not _is_impersonal(cue, language):
            subject = _speaker_span(cue)
            if subject is not None:
                attribution = _attribution(seg, subject, cue, finder)
                return [
                    _quote(text, seg, start, stop, "indirect", attribution.speaker, attribution)
                ]
    return []


def _cue_content_and_source(cue: Token, language: str) -> tuple[Span | None, Span | None]:
    """What a cue word reports and who through it: a verb and its subject, or a noun
    ("her claim that …", "his support for …") and its owner."""
    if _is_cue(cue, language) or _is_stance(cue, language):
        if _is_impersonal(cue, language):
            return None, None  # "se destacó lo siguiente": said by no one named
        agent = _agent_of(cue)
        if agent is not None:  # "the plan was criticized by [the council]"
            return _clause_of(cue) or _passive_subject(cue), agent
        # "[Ferrer] fue acusada de …": the subject of a Spanish passive is no speaker, but
        # the one "preguntada sobre" a topic answers for it, as in English
        passive = _is_ser_passive(cue) and cue.lower_ not in _phrase_verbs(language)
        subject = None if passive else _speaker_span(cue)
        if subject is None and (claim := _passive_claim(cue, language)) is not None:
            return claim, None  # "[Salas was accused of fraud]", by no one named
        return _content_of(cue, language), subject
    if cue.pos_ == "VERB" and cue.lower_ in _list(language, "as_verbs"):
        content = _taken_as(cue, language)
        if content is None:
            return None, None
        return content, _agent_of(cue) if _is_passive(cue) else _speaker_span(cue)
    if cue.pos_ in ("NOUN", "PROPN"):
        content = _noun_content(cue, language)
        return (content, _owner_of(cue)) if content is not None else (None, None)
    if cue.pos_ == "ADJ" and cue.lower_ in _list(language, "stance_adjectives"):
        return _adjective_content(cue)
    return None, None


#: Relations of a verb whose sentence is another's: its report is part of the other's.
_EMBEDDED_DEPS = {"ccomp", "xcomp", "conj", "advcl", "relcl", "acl"}


def _passive_claim(cue: Token, language: str) -> Span | None:
    """A passive cue verb with no agent, heading its sentence, and what it says of its
    subject, the subject included: "[Salas was accused of fraud]", "[the council has been
    criticized for the delay]". A claim whose source the text does not name. Not when the
    passive is "'s" ("he's said": "has"), and not when another cue verb in it has its own
    source ("is reported [to have called] …")."""
    auxiliaries = [c for c in cue.children if c.dep_ in ("auxpass", "aux:pass")]
    subject = _subject_before_passive(cue)
    if (
        not _is_passive(cue) or any(a.lower_ in ("'s", "’s") for a in auxiliaries)
        or cue.dep_ in _EMBEDDED_DEPS or subject is None
    ):  # fmt: skip
        return None
    content = _content_of(cue, language)
    if content is None and _is_ser_passive(cue):  # "fue acusada [de fraude]": the parse's object
        content = cue.doc[cue.i + 1 : _right(cue) + 1]
    if content is None or content.start < cue.i:
        return None
    if any(t.pos_ == "VERB" and (_is_cue(t, language) or _is_stance(t, language)) for t in content):
        return None
    return cue.doc[subject.left_edge.i : content.end]


def _subject_before_passive(verb: Token) -> Token | None:
    """A passive verb's subject written before it, not a relative pronoun: "[Salas] was
    accused", not "[which] is seen as …". The model labels the subject of a Spanish passive
    as an active verb's ("[Ferrer] fue acusada")."""
    deps = {*PASSIVE_SUBJECT_DEPS, "nsubj"} if _is_ser_passive(verb) else PASSIVE_SUBJECT_DEPS
    subject = _subject_before(verb, deps)
    return None if subject is None or subject.lower_ in RELATIVE_PRONOUNS else subject


def _taken_as(verb: Token, language: str) -> Span | None:
    """ "sees [Cruz as a uniter]": a verb that states an opinion only with what its object is
    taken as. The parse hangs the "as" phrase (a preposition or a clause) from the verb or
    the object. In the passive, the subject is what is taken as something, and the opinion
    is its agent's or nobody's named ("[Rubio is seen as the more electable choice]")."""
    obj = _object_after(verb)
    start = None if obj is None else _after_case(obj)
    if obj is None and _is_passive(verb) and verb.dep_ not in _EMBEDDED_DEPS - {"relcl", "acl"}:
        obj = _subject_before_passive(verb)
        start = None if obj is None else obj.left_edge.i
    if obj is None or start is None:
        return None
    markers = _list(language, "as_markers")
    taken_as = next(
        (c for c in (*verb.children, *obj.children)  # "saw [the comment as a dig]"
         if c.i > max(obj.i, verb.i) and verb.doc[c.left_edge.i].lower_ in markers),
        None,
    )  # fmt: skip
    if taken_as is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in taken_as.children):
        return None  # "sees declines [as investors sell]": a clause of its own, a time
    return verb.doc[start : taken_as.right_edge.i + 1]


def _adjective_content(adjective: Token) -> tuple[Span | None, Span | None]:
    """ "officials are [confident] that the dam will hold": the clause after a belief or
    feeling adjective, said of the subject of its verb (English hangs the adjective from
    the verb, Spanish hangs the copula and the subject from the adjective)."""
    if any(c.dep_ == "cop" for c in adjective.children):
        holder = adjective
    elif adjective.dep_ == "acomp" and adjective.head.pos_ in ("VERB", "AUX"):
        holder = adjective.head
    else:
        return None, None
    clause = next((c for c in (*adjective.children, *holder.children)
                   if c.dep_ == "ccomp" and c.i > adjective.i), None)  # fmt: skip
    if clause is None:
        return None, None
    return adjective.doc[clause.left_edge.i : clause.right_edge.i + 1], _speaker_span(holder)


def _is_impersonal(verb: Token, language: str) -> bool:
    """A Spanish passive or impersonal "se" right before the verb: its subject is what is
    said ("se destacó [lo siguiente]"), not who says it."""
    clitics = _list(language, "impersonal_clitics")
    if not clitics or verb.i == 0 or verb.doc[verb.i - 1].lower_ not in clitics:
        return False
    # "la senadora se quejó": a pronominal verb, its subject before it, speaks for itself.
    return not any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)


def _agent_of(verb: Token) -> Span | None:
    """The "by" phrase of a passive verb: who did the criticising, reporting, endorsing.

    English marks it ``agent``; the Spanish model parses "fue criticado por la senadora" as
    an object or oblique with "por", so it must be a passive with "ser" (``_is_ser_passive``).
    """
    language = _language(verb)
    passive = _is_ser_passive(verb)
    for child in verb.children:
        if child.dep_ in ("agent", "obl:agent"):
            noun = next((c for c in child.children if c.dep_ == "pobj"), child)
            if noun.dep_ == "pobj" or child.dep_ == "obl:agent":
                return verb.doc[
                    _after_case(noun) : _before_relative(noun, _right(noun) + 1, set_off=True)
                ]
        if passive and child.dep_ in ("obj", "obl") and child.i > verb.i and any(
            c.dep_ == "case" and c.lower_ in _list(language, "agent_markers")
            for c in child.children
        ):  # fmt: skip
            return verb.doc[
                _after_case(child) : _before_relative(child, _right(child) + 1, set_off=True)
            ]
    return None


def _agent_phrase(noun: Token) -> Span:
    """An agent's words without its preposition and without a relative clause set off by a
    comma: "por [el diputado Quiroga], quien aseguró …"."""
    return noun.doc[_after_case(noun) : _before_relative(noun, _right(noun) + 1, set_off=True)]


def _passive_subject(verb: Token) -> Span | None:
    """What a passive cue verb reports: its subject ("[the plan] was criticized by …")."""
    for child in verb.children:
        if child.dep_ in PASSIVE_SUBJECT_DEPS | {"nsubj"} and not _is_bare_pronoun(child):
            if child.lower_ in RELATIVE_PRONOUNS:
                return None
            return verb.doc[child.left_edge.i : child.right_edge.i + 1]
    return None


def _noun_content(noun: Token, language: str) -> Span | None:
    """ "claim [that …]", "pledge [to …]", "support for [the senator]": the noun-cue list
    pairs each noun with the word that introduces what it reports."""
    for child in noun.children:
        if child.i < noun.i:
            continue
        marker = _preposition_of(child)
        if marker is None and child.dep_ in CLAUSE_OF_NOUN_DEPS:
            marker = child.left_edge if child.left_edge.dep_ in ("mark", "aux") else None
        if marker is None or not _is_listed_pair(noun, marker, language, "cue_nouns"):
            continue
        if child.dep_ == "prep":
            child = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), child)
        if _names_the_holder(noun, marker, child, language):
            return None
        if marker.dep_ == "prep":
            return noun.doc[child.left_edge.i : child.right_edge.i + 1]
        start = child.left_edge.i if child.dep_ in CLAUSE_OF_NOUN_DEPS else _after_case(child)
        return noun.doc[start : child.right_edge.i + 1]
    return None


def _names_the_holder(noun: Token, marker: Token, obj: Token, language: str) -> bool:
    """Whether a noun cue's genitive names who holds the view rather than what it is about:
    "lost [the support of the council]", "la propuesta de [Xiomara Beltrán]". After the
    definite article and with no possessor, a noun phrase in the genitive is the holder or
    leaves it open; the cue then has no owner to find, and no content of its own."""
    return (
        marker.lower_ in _list(language, "genitive_markers")
        and obj.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
        and any(c.lower_ in _list(language, "definite_articles") for c in noun.children)
        and not any(c.dep_ in ("poss", "nmod:poss") for c in noun.children)
    )


def _indirect(
    text: str,
    seg: AnnotatedSegment,
    content: Span,
    subject: Span | None,
    verb: Token,
    direct: list[tuple[int, int]],
    finder: SpeakerFinder,
    *,
    unowned: bool = False,
) -> Quote | None:
    """The quote of a cue and its content; ``unowned``: a claim kept with no speaker."""
    content = _without_tail(content)
    while len(content) > 1 and content[-1].dep_ == "cc":  # "… next year [and]", its verb outside
        content = content[:-1]
    start, end = content.start_char + seg.offset, content.end_char + seg.offset
    start, end = _trim_content(text, start, end)
    if not any(ch.isalnum() for ch in text[start:end]):
        return None  # "pidió [«]…»": the quote itself, cut short by the parse
    inner = [(s, e) for s, e in direct if start <= s and e <= end + 1]
    end = max([end] + [e for _, e in inner])  # keep the closing words of a quote it ends with
    outside = len(text[start:end].split()) - sum(len(text[s:e].split()) for s, e in inner)
    if inner and outside < MIN_FRAME_WORDS and not all(_is_fragment(text, *d) for d in inner):
        return None  # the clause is the direct quote itself: attribution, not a new quote
    cue_at = verb.idx + seg.offset
    if _split_by_its_cue(text, start, end, inner, cue_at, seg.segment.language):
        return None  # "“The bridge,” said X, “will open”": one direct quote, split by its cue
    if subject is None and unowned:  # no one named, not even a Spanish unsaid subject
        attribution = Attribution(Speaker(None, "unknown"), verb)
    elif subject is None:
        attribution = _implied_attribution(seg, verb, finder, direct)
        if attribution.speaker.local is None and attribution.speaker.text is None:
            return None  # "Recordó que …" with no one before it to have said it
    else:
        attribution = _attribution(seg, subject, verb, finder)
    kind: QuoteKind = "mixed" if inner else "indirect"
    quote = _quote(text, seg, start, end, kind, attribution.speaker, attribution)
    return replace(quote, parts=_around_attribution(text, seg, quote, verb))


def _split_by_its_cue(
    text: str, start: int, end: int, inner: list[tuple[int, int]], cue_at: int, language: str
) -> bool:
    """Whether a clause is two quoted parts and, between them, only the attribution whose
    cue is at ``cue_at``: “The bridge,” said X, “will reopen.” A frame of the writer's
    before, between or after them ("“A big truck” plowed through …, he said, and “…”")
    makes it a mixed quote."""
    if len(inner) != 2 or not inner[0][1] <= cue_at < inner[1][0]:
        return False
    marks = " “”\"'‘’«»,.;:"
    gap = text[inner[0][1] : inner[1][0]].strip(marks).split()
    return (
        not text[start : inner[0][0]].strip(marks) and not text[inner[1][1] : end].strip(marks)
        and len(gap) <= MAX_SPLIT_ATTRIBUTION_WORDS
        and not any(w.lower().strip(",") in _list(language, "conjunctions") for w in gap)
    )  # fmt: skip


#: The most words of an attribution between two quoted parts: "said Tobias Wrenfield".
MAX_SPLIT_ATTRIBUTION_WORDS = 8


def _around_attribution(
    text: str, seg: AnnotatedSegment, quote: Quote, verb: Token
) -> tuple[tuple[int, int], ...]:
    """The parts of a reported clause that an attribution set off by commas or dashes
    interrupts: "The bridge, [the mayor said], will open in May" reports "The bridge" and
    "will open in May"."""
    lo, hi = _attribution_bounds(verb)
    doc = verb.doc
    if not (doc[lo].is_punct and doc[hi].is_punct):
        return ()  # "what they think has failed them": a relative clause, not set off
    first = _trim_content(text, quote.start, doc[lo].idx + seg.offset)
    second = _trim_content(text, doc[hi].idx + len(doc[hi]) + seg.offset, quote.end)
    if not (quote.start < doc[lo].idx + seg.offset and first[0] < first[1] < second[0] < second[1]):
        return ()
    return (first, second)


def _attribution_bounds(verb: Token) -> tuple[int, int]:
    """The first and last token of a cue verb's attribution: the verb with its subject and
    its other dependents, without the clause it reports."""
    rest = [c for c in verb.children if c.dep_ not in ("ccomp", "xcomp")]
    lo = min([verb.i, *(c.left_edge.i for c in rest if c.i < verb.i)])
    hi = max([verb.i, *(c.right_edge.i for c in rest if c.i > verb.i)])
    return lo, hi


def _without_tail(content: Span) -> Span:
    """A reported clause without the writer's comment hung after a comma at its end:
    "Jerusalem as its capital[, a claim not recognized abroad]", "[, which votes in March]"."""
    doc = content.doc
    last = content.end - 1
    while last > content.start and doc[last].is_punct:
        last -= 1
    for token in content:
        comma = _words_start(token) - 1  # Spanish hangs the comma from the clause itself
        if (
            (_is_comment(token) or _is_gerund_tail(token)) and token.right_edge.i == last
            and comma > content.start and doc[comma].text == ","
            and content.start <= token.head.i < comma
        ):  # fmt: skip
            return doc[content.start : comma]
    for token in content:  # "… that A [and warned against B]": a report of its own
        if (
            token.dep_ == "conj" and token.right_edge.i == last and token.i > content.start
            and _is_cue(token, _language(token))
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
            and _words_start(token) > content.start
        ):  # fmt: skip
            return doc[content.start : _words_start(token)]  # its "and": see ``_indirect``
    return content


def _is_gerund_tail(token: Token) -> bool:
    """ "…, [arguing that …]", "…, [citing …]": a participle clause after a comma at the end
    of the reported clause is the writer's gloss, or another attribution of its own."""
    return token.dep_ in ("advcl", "xcomp", "conj") and (
        token.tag_ == "VBG" or "Ger" in token.morph.get("VerbForm", [])
    )


def _is_comment(token: Token) -> bool:
    """An apposition or a relative clause: after a comma, the writer's, not the speaker's.

    Spanish (UD) labels a relative clause ``acl``; its relative pronoun tells it apart.
    """
    if token.dep_ in ("appos", "relcl"):
        return True
    return token.dep_ == "acl" and token.doc[_words_start(token)].lower_ in RELATIVE_PRONOUNS


def _according_to_quotes(
    text: str, seg: AnnotatedSegment, sent: Span, direct: list[tuple[int, int]],
    finder: SpeakerFinder,
) -> list[Quote]:  # fmt: skip
    found = _according_to(sent, seg.segment.language)
    if found is None or _inside(sent.start_char + seg.offset, direct):
        return []
    phrase_at, source = found
    if source[0].lower_ in _list(seg.segment.language, "neuter_articles"):
        return []  # "de acuerdo con lo previsto": as planned, said by no one
    if "Sub" in source[0].morph.get("Mood", []) or _is_no_source(source.text, seg.segment.language):
        return []  # "según corresponda", "según sea el caso": as the case may be
    rest = sent.text[source.end_char - sent.start_char :]
    if phrase_at == sent.start_char:  # "According to X, content."
        start, end = source.end_char + 1, sent.end_char
        if source.end < sent.end and sent.doc[source.end].text == ",":
            # "According to X, [a spokeswoman for the board,] content": the source's own
            at = source.start_char + seg.offset
            named = any(m.label == "PERSON" for m in finder.mentions_in(at, at + len(source.text)))
            after = sent.doc[source.end + 1 : sent.end]
            start = _person_description_end(source, named, after, seg.segment.language) or start
    elif len(rest.split()) > MIN_FRAME_WORDS:  # "At the heart of it, according to X, is …"
        start, end = sent.start_char, sent.end_char
    else:  # "Content, according to X."
        start, end = sent.start_char, phrase_at
    start, end = _trim_content(text, start + seg.offset, end + seg.offset)
    if len(text[start:end].split()) < 3:
        return []
    attribution = _attribution(seg, source, None, finder)
    cue_start = phrase_at + seg.offset
    cue = text[cue_start : source.start_char + seg.offset].rstrip(" ,")
    return [Quote(start, end, text[start:end], "indirect", attribution.speaker, cue or None,
                  seg.segment.language, cue_start, cue_start + len(cue))]  # fmt: skip


def _evidential_quotes(
    text: str, seg: AnnotatedSegment, sent: Span, direct: list[tuple[int, int]]
) -> list[Quote]:
    """ "Indeed, [the party appears to be moving behind him]": the writer's reading, without a
    named source. A quote with a source over the same words wins in ``_dedupe``."""
    language = seg.segment.language
    cue = _evidential_pattern(language).search(sent.text)
    if cue is None or _inside(sent.start_char + seg.offset, direct):
        return []
    start = sent.start_char + _lead_length(sent.text, language)
    tail = _EVIDENTIAL_TAIL.search(sent.text, cue.end())
    end = sent.start_char + tail.start() if tail else sent.end_char
    start, end = _trim_content(text, start + seg.offset, end + seg.offset)
    if len(text[start:end].split()) < MIN_FRAME_WORDS:
        return []
    cue_start = sent.start_char + seg.offset + cue.start()
    return [Quote(start, end, text[start:end], "indirect", Speaker(None, "unknown"), cue.group(),
                  language, cue_start, cue_start + len(cue.group()))]  # fmt: skip


#: Where the writer's reading ends and a further clause begins: ", and …", " — …", "; …".
_EVIDENTIAL_TAIL = re.compile(r",\s+(?:and|but|y|pero)\s|\s[—–-]\s|;\s")


@cache
def _evidential_pattern(language: str) -> re.Pattern[str]:
    cues = sorted(_list(language, "evidential_cues"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, cues)) + r")\b", re.IGNORECASE)


def _lead_length(sentence: str, language: str) -> int:
    """The length of a short adverbial opening a sentence, up to its comma ("Indeed, ",
    "In the past few days, "): a function word starts it, where a subject would be a name."""
    lead = re.match(r"([^,]{1,60}),\s", sentence)
    if lead is None or len(lead.group(1).split()) > MAX_LEAD_WORDS:
        return 0
    first = lead.group(1).split()[0].lower()
    return lead.end() if first in _stop_words(language) else 0
