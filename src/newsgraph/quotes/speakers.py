"""Speakers: the subject of a cue verb, typed and resolved to the article's entities."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from functools import cache, lru_cache
from itertools import pairwise
from typing import TypeVar

from spacy.tokens import Span, Token

from .. import lang
from ..annotate import AnnotatedSegment
from ..entities import is_acronym, list_keys, name_key, place_keys
from ..records import Article, LocalEntity, Mention, Quote, Speaker, SpeakerKind
from .common import (
    CHAINED_DEPS,
    MAX_LABEL_WORDS,
    MISSED_RELATIVE_LANGUAGES,
    NULL_SUBJECT_LANGUAGES,
    OBJECT_DEPS,
    OPENERS,
    PASSIVE_SUBJECT_DEPS,
    PLURAL_PRONOUNS,
    PRONOUNS,
    RELATIVE_DEPS,
    RELATIVE_PRONOUNS,
    Attribution,
    _after_case,
    _inside,
    _is_cue,
    _is_finite,
    _language,
    _list,
    _looks_like_a_name,
    _paragraph_bounds,
    _stop_words,
    _strip_article,
    _tokens,
    _words_start,
    name_low,
)

#: A candidate holder of a role: a local entity index or a corpus entity id.
K = TypeVar("K")


def _speaker_span(verb: Token, *, passive_ok: bool = False) -> Span | None:
    """Who speaks through a cue verb: its subject, or that of the verb it hangs from."""
    doc = verb.doc
    for child in verb.children:
        if not any(ch.isalnum() for t in child.subtree for ch in t.text):
            continue  # the Spanish model makes a dialogue dash "—" a subject ("42[%]" is one)
        if child.lower_ in _list(doc.lang_, "negations"):
            continue  # "did n’t", taken for a subject now and then
        if _subject_of_the_report(child, verb) or _clause_taken_for_subject(child, verb):
            continue  # "a class [that] he argued was failing": "he" speaks
        if child.dep_ == "nsubj" or (passive_ok and child.dep_ in PASSIVE_SUBJECT_DEPS):
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ in RELATIVE_DEPS:
                # "Zimmerman, who alleged …": the name and the pronoun, as the source
                # (without the preposition of "criticada por [el diputado, que] dijo").
                return doc[_after_case(verb.head) : child.i + 1]
            if child.lower_ in RELATIVE_PRONOUNS and doc.lang_ in MISSED_RELATIVE_LANGUAGES:
                return _relative_antecedent(verb, child)  # the parse missed the clause
            end = _before_relative(child, _subject_end(verb, child), set_off=child.i > verb.i)
            return doc[child.left_edge.i : end]
    if verb.dep_ == "xcomp" and (obj := _controlling_object(verb)) is not None:
        end = _before_relative(obj, obj.right_edge.i + 1, set_off=True)
        return doc[_after_case(obj) : end]  # "forced Ferrer to admit", "obligó a Ferrer a"
    if verb.dep_ in CHAINED_DEPS and verb.head.i != verb.i:  # "X said … and added …"
        head = verb.head.head if verb.head.dep_ == "acomp" else verb.head  # "X is likely to say"
        if verb.dep_ == "conj" and _reported_by_a_cue(head):  # "X said [the toll would
            head = head.head  # fall] and warned …": the parse hangs "warned" from "fall"
        subject = _speaker_span(head, passive_ok=True)
        above = _clause_above(head) if verb.dep_ == "advcl" else head
        if subject is None or above.i == head.i:
            return subject
        if above.pos_ in ("NOUN", "PROPN"):  # the parse missed the main verb:
            return _noun_phrase_before_verb(above)  # "a witness [described how …], stating"
        return _speaker_span(above, passive_ok=True) or subject
    if verb.dep_ == "pcomp":  # "X answered by criticizing …", "After saying …, X was taken"
        governing_verb = _verb_above(verb)
        if governing_verb is None or _is_passive(verb):  # "after being accused": not by X
            return None
        return _speaker_span(governing_verb, passive_ok=True)
    if verb.dep_ == "acl" and verb.head.i != verb.i:
        return _owner_of(verb.head)  # "a statement saying …"
    if verb.dep_ == "ROOT" and doc.lang_ not in NULL_SUBJECT_LANGUAGES:
        return _name_right_before(verb)
    return None


def _name_right_before(verb: Token) -> Span | None:
    """A person or organisation's name right before a speech verb that the parse gave no
    subject, and that reports the clause after it, with what the parse hung on the name in
    between: "In a meeting with the editorial board of the Gazette [Salas] said that …",
    "Alarmed by the unrest in Tepalcingo, [Senator Ruperto Salas, the minority leader,] said
    …", where it took the name for the end of the phrase before it."""
    doc = verb.doc
    if (
        not _is_cue(verb, doc.lang_) or verb.tag_ not in ("VBD", "VBZ", "VBP")
        or not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)
    ):  # fmt: skip
        return None
    last = verb.i - 1
    while last >= verb.sent.start and doc[last].is_punct and doc[last].text not in ")]":
        last -= 1  # "[Ferrer (D-TX)] said", "[Salas, the minority leader], said"
    if last < verb.sent.start:
        return None
    name = doc[last]
    while (
        not _is_a_name(name)
        and name.dep_ in ("appos", "compound", "flat")
        and (verb.sent.start <= name.head.i < name.i)
    ):
        name = name.head  # "[Salas], the minority leader", "[Ferrer] (D-TX)"
    if not _is_a_name(name):
        return None
    first = name.i
    while first > verb.sent.start and doc[first].ent_iob_ == "I":
        first -= 1
    return doc[first : last + 1]


def _heads_its_sentence(verb: Token) -> bool:
    """Whether a verb heads a clause that tells of its subject, not one that a noun holds
    ("the argument was that [Vexnor owed …]", "the firm, which [Vexnor owns]"). A reported
    clause counts: a firm speaks of itself by name ("“[Vexnor believes …]”, it said")."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    held = verb.dep_ == "ccomp" and verb.head.lower_ in _list(_language(verb), "copulas")
    return not held and verb.dep_ not in ("relcl", "acl", "attr", "csubj")


def _is_a_name(token: Token) -> bool:
    return token.ent_type_ in ("PERSON", "ORG") and token.pos_ == "PROPN"


def _reported_by_a_cue(clause: Token) -> bool:
    """Whether a clause is what a cue verb reports ("said [the toll would fall]")."""
    return (
        clause.dep_ == "ccomp" and clause.head.i != clause.i
        and _is_cue(clause.head, _language(clause)) and not _is_cue(clause, _language(clause))
    )  # fmt: skip


def _is_passive(verb: Token) -> bool:
    """A verb in the passive voice: "being [accused]", or "fue [acusada]" (``_is_ser_passive``)."""
    return any(c.dep_ in ("auxpass", "aux:pass") for c in verb.children) or _is_ser_passive(verb)


def _is_ser_passive(verb: Token) -> bool:
    """A participle with a form of "ser" before it, the Spanish passive ("fue acusada", "ha
    sido criticado"), which the model parses as an active verb with its auxiliary."""
    return "Part" in verb.morph.get("VerbForm", []) and any(
        c.dep_ in ("aux", "aux:pass") and c.i < verb.i
        and c.lower_ in _list(_language(verb), "passive_auxiliaries")
        for c in verb.children
    )  # fmt: skip


def _controlling_object(verb: Token) -> Token | None:
    """The object of the verb an infinitive hangs from, which does what the infinitive
    says, after a verb of ``lang/*/control_verbs.txt``: "forced [Ferrer] to admit …", "led
    [the journalist Ferrer] to fear …". A thing does not ("led [it] to …")."""
    head = verb.head
    if head.lower_ not in _list(verb.doc.lang_, "control_verbs"):
        return None  # "visited [the port] to stress …" says why
    obj = next((c for c in head.children
                if c.dep_ in CONTROLLING_OBJECT_DEPS and head.i < c.i < verb.i), None)  # fmt: skip
    return obj if obj is not None and _can_speak(obj) else None


def _can_speak(noun: Token) -> bool:
    """Whether a noun names someone who can speak: a name or a personal pronoun, a role
    or an unnamed source ("officials"); not a thing ("used [the example] to prove …",
    "made [it] hard to say …")."""
    language = noun.doc.lang_
    return (
        noun.pos_ == "PROPN"
        or (noun.pos_ == "PRON" and noun.lower_ not in _list(language, "organization_pronouns"))
        or noun.lower_ in _list(language, "anonymous")
        or role_key(noun.text, language) is not None
    )


#: Relations of the object that does what an infinitive says: "forced [Ferrer] to
#: admit", "obligó [a Ferrer] a admitir" (an indirect object in the Spanish parse).
CONTROLLING_OBJECT_DEPS = {*OBJECT_DEPS, "iobj"}


def _subject_of_the_report(child: Token, verb: Token) -> bool:
    """Whether a relative pronoun the parse made a cue verb's subject is the subject of
    the clause it reports, the verb having a subject of its own after it: "the system,
    [which] advocates say fails", "a class [that] he argued was failing"."""
    return (
        child.dep_ == "nsubj"
        and child.lower_ in RELATIVE_PRONOUNS
        and any(c.dep_ == "nsubj" and child.i < c.i < verb.i for c in verb.children)
    )


def _clause_taken_for_subject(child: Token, verb: Token) -> bool:
    """Whether a subject before the cue verb is the reported clause or its subject, the
    verb having a subject after it too: "[The vote signals the end], said Ruperto Salas",
    "[The promise] appeals to voters, said Ruperto Salas"."""
    return (
        child.dep_ == "nsubj" and child.i < verb.i and verb.doc[verb.i - 1].text == ","
        and any(c.dep_ == "nsubj" and c.left_edge.i == verb.i + 1 for c in verb.children)
    )  # fmt: skip


def _verb_above(token: Token) -> Token | None:
    """The verb a prepositional phrase hangs from, through at most two prepositions."""
    head = token.head
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX"):
            return head
        if head.dep_ not in ("prep", "pobj") or head.head.i == head.i:
            return None
        head = head.head
    return None


def _relative_antecedent(verb: Token, pronoun: Token) -> Span | None:
    """Who a relative pronoun stands for when the parse did not hang its clause from a noun:
    the noun of the first clause of a pair ("un gobernador que ha sugerido … y [que]
    reconoce"), else the noun phrase right before the pronoun and its comma ("el ministro,
    [que] dijo"). A pronoun after a determiner ("lo que sugiere", "el que dijo") stands for
    a clause or for no one named: no speaker."""
    doc, first = verb.doc, verb
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first.i != verb.i and first.dep_ in RELATIVE_DEPS and first.head.pos_ in NOUN_HEADS:
        return _trimmed(doc[_after_case(first.head) : first.left_edge.i])
    before = pronoun.i - 1
    if before >= 0 and doc[before].text == ",":
        before -= 1
    if before < 0 or doc[before].pos_ not in NOUN_HEADS or doc[before].dep_ == "det":
        return None
    noun = doc[before]
    while noun.head.i != noun.i and noun.head.right_edge.i == before:
        noun = noun.head
    return _trimmed(doc[_after_case(noun) : before + 1]) if noun.pos_ in NOUN_HEADS else None


#: Parts of speech of a noun phrase's head that can be a speaker.
NOUN_HEADS = ("NOUN", "PROPN", "PRON")


def _trimmed(span: Span) -> Span | None:
    """A span without the punctuation at its edges; none when nothing else is left."""
    start, end = span.start, span.end
    while start < end and span.doc[start].is_punct:
        start += 1
    while end > start and span.doc[end - 1].is_punct:
        end -= 1
    return span.doc[start:end] if end > start else None


def _subject_end(verb: Token, subject: Token) -> int:
    """Where a subject ends, with the subjects right after it that the parse split it into:
    "said [study co][-author Odalys Ferrer]"."""
    doc = verb.doc
    end = subject.right_edge.i + 1
    for child in verb.children:
        if child.i > subject.i and child.dep_ == "nsubj" and child.left_edge.i == end:
            end = child.right_edge.i + 1
    for t in doc[subject.i + 1 : end - 1]:
        if (
            t.text in OPENERS and doc[t.i - 1].text == "," and doc[t.i + 1].text[:1].islower()
            and not _closes(t, subject.left_edge.i)
        ):  # fmt: skip
            return t.i - 1  # "dijo [Arrieta], “estará listo”": the parse hung the quote on it
    return end  # (not a nickname: "Patricio “El Pato” Zambrano")


def _closes(mark: Token, start: int) -> bool:
    """Whether a mark written alike at both ends ('"', "''") closes a quote opened after
    ``start``: "the author of ''Destiny and Power,'' a biography"."""
    return OPENERS[mark.text] == mark.text and (
        sum(t.text == mark.text for t in mark.doc[start : mark.i]) % 2 == 1
    )


def _before_relative(noun: Token, end: int, *, set_off: bool) -> int:
    """Where a noun phrase ending at ``end`` stops without the relative clause the writer
    hung on it. The clause goes when the phrase holds a name ("[Odalys Ferrer, the mayor],
    whom the governor appointed, said …", "[El dirigente Porfirio Anaya], que cumplió …")
    or, with ``set_off``, when a comma sets it off ("said [the mayor], who appointed X",
    "por [el diputado Quiroga], quien aseguró …"). Otherwise it stays: it is what
    identifies a description with no name ("two officials who spoke on condition of
    anonymity")."""
    doc = noun.doc
    for token in doc[noun.i + 1 : end]:
        if not _is_relative_clause(token):
            continue
        cut = token.left_edge.i
        while cut > noun.i + 1 and (doc[cut - 1].is_punct or doc[cut - 1].dep_ == "punct"):
            cut -= 1
        if cut <= noun.i:
            return end
        named = any(t.pos_ == "PROPN" for t in doc[noun.left_edge.i : cut])
        comma = any(t.text == "," for t in doc[cut : _words_start(token)])
        return cut if named or (set_off and comma) else end
    return end


def _is_relative_clause(token: Token) -> bool:
    """A relative clause's verb: ``relcl``, or ``acl`` with a relative pronoun (Spanish)."""
    return token.dep_ == "relcl" or (
        token.dep_ == "acl"
        and any(c.i < token.i and c.lower_ in RELATIVE_PRONOUNS for c in token.children)
    )


def _clause_above(verb: Token) -> Token:
    """The verb (or noun) a reported clause or an embedded question hangs from: a participle
    the parse hangs on its verb speaks for the clause above ("X said [the plan would fail],
    adding …", "X described [how the attack unfolded], stating …")."""
    while verb.head.i < verb.i and (verb.dep_ == "ccomp" or _is_embedded_question(verb)):
        verb = verb.head
    return verb


def _noun_phrase_before_verb(noun: Token) -> Span:
    """A noun's words up to the first verb: "[A witness] described …" parsed as one phrase."""
    start = noun.left_edge.i
    verbs = (t.i for t in noun.doc[start : noun.i + 1] if t.pos_ in ("VERB", "AUX"))
    return noun.doc[start : next(verbs, noun.i + 1)]


def _is_embedded_question(verb: Token) -> bool:
    """Whether a clause opens with a question word: "how the attack unfolded"."""
    language = verb.doc.lang_
    return any(
        c.i < verb.i and c.lower_ in _list(language, "interrogatives") for c in verb.children
    )


def _owner_of(noun: Token) -> Span | None:
    """Whose statement, post or report: the possessor, else the subject of its verb."""
    for child in noun.children:
        if child.dep_ == "poss":
            return noun.doc[child.left_edge.i : child.right_edge.i + 1]
    head = noun.head
    for _ in range(3):  # "issued [a statement]", "in [a statement]"
        if head.pos_ in ("VERB", "AUX"):
            return _speaker_span(head)
        if head.head.i == head.i:
            break
        head = head.head
    return None


#: The kind of speaker a named entity of each label is: a country or a party speaks as
#: an organisation ("Mexico said", "Democrats said"); a thing or an event is no speaker
#: kind at all (the speaker stays linked to it, of kind unknown).
_KIND_OF_LABEL: dict[str, SpeakerKind] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "organization",
    "NORP": "organization",
}


class SpeakerFinder:
    """Types speaker spans and resolves them to the article's entities."""

    def __init__(
        self,
        article: Article,
        mentions: Sequence[Mention],
        entities: Sequence[LocalEntity],
        segments: Sequence[AnnotatedSegment] = (),
    ) -> None:
        self.text = article.text
        self.mentions = mentions
        self.entities = entities
        self.segments = segments

    def speaker(self, start: int, end: int, language: str) -> Speaker:
        """The speaker written at ``text[start:end]``, with the organisation or place it
        speaks from when its words name one (:meth:`_affiliation`)."""
        inside = [m for m in self.mentions_in(start, end) if not self._adjectival(m, start, end)]
        found = self._speaker(start, end, inside, language)
        affiliation = self._affiliation(found, inside, language)
        return found if affiliation is None else replace(found, affiliation=affiliation)

    def _speaker(self, start: int, end: int, inside: list[Mention], language: str) -> Speaker:
        words = self.text[start:end]
        low = words.lower().strip()
        if low in PRONOUNS:
            return self._pronoun(words, start, end, None)  # see in_text_order
        if inside and (owner := self._owner(words, language)) is not None:
            return Speaker(words, "person", start, end, owner)  # "[El comunicado de Ferrer]"
        core = low.split(",")[0].strip()  # "the swedish firm[, the largest maker of …]"
        if (
            inside and all(m.label in _ADJECTIVE_LABELS for m in inside)
            and _stands_for_an_organization(core, language)
        ):  # fmt: skip
            local = self._organization(start)  # "the US bank", "the Swedish firm": not the US
            return Speaker(words, "organization", start, end, local)
        names_its_author = any(m.end - m.start < len(words.strip()) for m in inside)
        if re.fullmatch(document_phrase(language), low) and not names_its_author:
            author = self._author(start, language)  # "the statement": its author's (even
            if author is not None:  # tagged as a name itself; not "the letter from [Qwest]")
                return self._named(words, start, end, [author], language)
        if inside and not any(m.label in _KIND_OF_LABEL for m in inside):
            # "El mandatario", which the Spanish model tags as a name at a sentence start
            described = self._description(words, start, end, language)
            if described.local is not None:
                return described
        first = min(inside, key=lambda m: m.start) if inside else None
        if (
            first is not None and not any(m.label == "PERSON" for m in inside)
            and (
                (_unnamed_at(self.text[start : first.start], language, first.text)
                 and self._headed_by_unnamed(start, first.start, language))
                or self._unnamed_head(start, end, inside, language)
            )
        ):  # fmt: skip
            return Speaker(words, "anonymous", start, end)  # "sources at the ministry",
            # "US officials", "Valle Bank analysts"
        if inside and self._role_at(words, start, inside, language):
            return self._description(words, start, end, language)
        if inside:
            return self._named(words, start, end, inside, language)
        if _is_listed_medium(low, language, "media", "media_nouns"):
            return Speaker(words, "media", start, end)  # "the paper": see in_text_order
        if (voiced := _voice_of_an_organization(low, language)) is not None:
            local = self._organization(start + words.lower().index(voiced))
            return Speaker(words, "organization", start, end, local)  # "a spokesman for the firm"
        if _is_unnamed(words, language) and self._headed_by_unnamed(start, end, language):
            described = self._description(words, start, end, language)  # "el especialista":
            if described.local is not None:  # the one of the article, when there is one
                return described
            return Speaker(words, "anonymous", start, end)
        if _looks_like_a_name(words):  # a person the model did not tag
            return Speaker(words, "person", start, end)
        if _described_name(words, language):  # "la profesora Ana Ruiz", untagged
            return Speaker(words, "person", start, end)
        if self._headed_by_institution(low, start, end, language):
            country = self._country_named(words, language)  # "the [Russian] government"
            if country is not None:
                return Speaker(words, "organization", start, end, country)
        if _stands_for_an_organization(core, language):
            local = self._organization(start)
            if local is not None or low not in _list(language, "organization_pronouns"):
                return Speaker(words, "organization", start, end, local)  # or "la fiscalía"
        if _headed_by(low, language, "institution_nouns"):  # "the government", unnamed
            return Speaker(words, "organization", start, end)
        return self._description(words, start, end, language)

    def _adjectival(self, mention: Mention, start: int, end: int) -> bool:
        """Whether a nationality's name only qualifies the head of a source, where the
        parse has it: "Brevalto, the [Italian] food group", "[Swedish] experts"; not
        "[Republicans] said"."""
        if mention.label != "NORP":
            return False
        tokens = self._parsed(start, end)
        if tokens is None or _holding([mention], self._root_at(tokens)[0]):
            return False
        named = self._parsed(mention.start, mention.end)
        return named is not None and named.root.dep_ in ("amod", "compound")

    def _unnamed_head(self, start: int, end: int, inside: list[Mention], language: str) -> bool:
        """Whether the parse heads a source with a noun that marks unnamed people
        (``lang/*/anonymous.txt``), outside the names it holds: "[US] officials", "[Valle
        Bank] economists", "senior officials at the rate-setting [Central Bank]". A
        spokesperson speaks for the organisation (``lang/*/official_voices.txt``)."""
        tokens = self._parsed(start, end)
        if tokens is None or tokens.root.pos_ != "NOUN":
            return False
        at, after = self._root_at(tokens)
        if _holding(inside, at) or self._name_right_after(inside, after):
            return False  # "trades union official [Ulf Carlsson]", "analysts [Ovum]"
        head = tokens.root.lower_
        return head in _list(language, "anonymous") and head not in _list(
            language, "official_voices"
        )

    def _affiliation(self, speaker: Speaker, inside: list[Mention], language: str) -> int | None:
        """The organisation a source's words say it speaks from, apart from the speaker
        itself: the first organisation named in them ("officials at [the ministry]",
        "Ana Ruiz, economist at [Valle Bank]", "[EC] spokeswoman Ana Ruiz"), or for an
        unnamed source, failing one, the first place ("[US] officials", "officials in
        [Cojedes] state"). Not an organisation the words say the speaker has left ("a
        former executive at [Valle Bank]"). A source of no known kind has none: "[firms]
        with listings in New York" are not from New York."""
        if speaker.start is None or speaker.kind not in ("person", "anonymous"):
            return None
        taken = {speaker.local, *speaker.others}
        labels = ("ORG", "GPE") if speaker.kind != "person" else ("ORG",)
        for label in labels:
            for m in sorted(inside, key=lambda m: m.start):
                if m.label != label or m.local in taken or not self._affiliated(m, language):
                    continue
                before = self.text[speaker.start : m.start].rsplit(",", 1)[-1]
                role = role_key(before, language)
                if _is_unnamed(before, language, "former_markers") or (role and role[0]):
                    continue  # "a former executive at [Valle Bank]", "exdirector de [X]"
                return m.local
        return None

    def _affiliated(self, mention: Mention, language: str) -> bool:
        """Whether a name in a source is where the source speaks from: a name qualifying
        a noun ("[Valle Bank] economists", "[EC] spokeswoman X", "[GM]'s vice president"),
        or after a preposition of ``lang/*/affiliation_prepositions.txt`` ("officials at
        [the ministry]", "un funcionario de [Gobernación]"); not "sources close to [the
        talks]", "critics outside [the party]". Where the sentence was not parsed, the
        word before the name, past its determiners, tells."""
        tokens = self._parsed(mention.start, mention.end)
        prepositions = _list(language, "affiliation_prepositions")
        if tokens is None:
            determiners = _list(language, "definite_articles") | _list(
                language, "indefinite_determiners"
            )
            before = self.text[max(0, mention.start - 60) : mention.start].lower().split()
            while before and before[-1] in determiners:
                before.pop()
            return bool(before) and before[-1] in prepositions
        top = tokens.root
        if self.text[mention.end :].startswith(("'s", "’s")):
            return True  # "[Valle Bank]'s vice president"
        if top.dep_ == "pobj":
            return top.head.lower_ in prepositions
        cases = [c.lower_ for c in top.children if c.dep_ == "case"]
        if cases:  # "cercanas [a] la Secretaría"
            return any(c in prepositions for c in cases)
        return top.dep_ in _QUALIFYING_DEPS and top.i < top.head.i  # not "los años [1990]"

    def _headed_by_institution(self, low: str, start: int, end: int, language: str) -> bool:
        """Whether an institution's noun heads a source (``lang/*/institution_nouns.txt``):
        "the government", "Venezuelan authorities", "el gobierno chileno"."""
        tokens = self._parsed(start, end)
        if tokens is None:
            return _headed_by(low, language, "institution_nouns")
        return tokens.root.lower_ in _list(language, "institution_nouns")

    def _country_named(self, words: str, language: str) -> int | None:
        """The article's country that one demonym or spelling in ``words`` names, if the
        article names it too: "the Russian government" → Russia, "las autoridades
        estadounidenses" → Estados Unidos (``lang/*/demonyms.txt``, read as
        :func:`_with_places` reads it). Short words count only capitalised: "us" is not the
        US."""
        kept = [w.lower() for w in re.findall(r"[\w.]+", words) if w[:1].isupper() or len(w) > 3]
        found = _with_places(kept, language)[1]
        if len(found) != 1:
            return None
        for entity in self.entities:
            name = [w.strip(",.;:()") for w in entity.name.lower().split()]
            named, keys = _with_places(name, language)
            if entity.label == "GPE" and len(named) == 1 and keys == found:
                return entity.index
        return None

    def _root_at(self, tokens: Span) -> tuple[int, int]:
        """Where the head of ``tokens`` starts and ends in the article's text."""
        off = next((g.offset for g in self.segments if g.doc is tokens.doc), 0)
        return tokens.root.idx + off, tokens.root.idx + len(tokens.root) + off

    def _name_right_after(self, mentions: Sequence[Mention], end: int) -> bool:
        """Whether one of ``mentions`` follows ``end`` with only spaces between."""
        return any(m.start >= end and not self.text[end : m.start].strip() for m in mentions)

    def _headed_by_unnamed(self, start: int, end: int, language: str) -> bool:
        """Whether the noun that heads a source, or the words before its first name, where
        the parse has them, is the one that marks it unnamed (``lang/*/anonymous.txt``),
        or a group of them ("a panel of experts", ``lang/*/group_nouns.txt``): not
        "official figures", "concerns of residents", "[a statement posted to his official]
        Twitter account", "[open-source developer] Perttu Ahola"."""
        tokens = self._parsed(start, end)
        if tokens is None or tokens.root.pos_ != "NOUN":
            return True  # "two of the officials", "uno de los agentes"
        head = tokens.root.lower_
        return head in _list(language, "anonymous") or head in _list(language, "group_nouns")

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The article's mentions within ``text[start:end]``, with their repaired labels."""
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    def _role_at(self, words: str, start: int, inside: list[Mention], language: str) -> bool:
        """Whether a speaker is someone's office at a place or an organisation it names:
        "the governor of Texas", "el presidente de Estados Unidos", "the Texas governor".
        The office holder speaks, not the state; a spokesperson speaks for the organisation
        (``lang/*/official_voices.txt``). A name first ("X, the OECD's chief economist") or
        last after its title ("analyst Helena Hessel", "Mr Mukerjee") is the speaker's own,
        whatever the model tagged it."""
        if any(m.label == "PERSON" for m in inside) or not words.strip():
            return False
        lead = len(words) - len(words.lstrip())
        first, last = min(inside, key=lambda m: m.start), max(inside, key=lambda m: m.end)
        if first.start - start <= lead:
            return False
        if not words[last.end - start :].strip() and not _after_genitive(
            words[: last.start - start], language
        ):
            return False
        outside = words
        for m in inside:  # the words outside the names, the names blanked
            at = m.start - start
            outside = outside[:at] + " " * (m.end - m.start) + outside[m.end - start :]
        return role_key(outside, language) is not None and not _is_unnamed(
            outside, language, "official_voices"
        )

    def _organization(self, start: int) -> int | None:
        """The organisation "it" or "the firm" at ``start`` stands for: the one that is
        the subject of its sentence or of one just before, through sentences whose
        subject is "it" or "the firm" too ("Wimpey lost money. The firm said …. “…,” it
        added").
        Where the annotation left a sentence unparsed, a name opening it is taken for
        its subject. Another subject on the way ends the search: a guess would send a
        quote to the wrong organisation. See ``_may_be_it`` for the names it may be."""
        seg = next((g for g in self.segments if g.segment.start <= start < g.segment.end), None)
        if seg is None:
            return None
        doc, off = seg.doc, seg.offset
        orgs = [m for m in self.mentions if off <= m.start < m.end <= start and self._may_be_it(m)]
        here = doc.char_span(start - off, start - off + 1, alignment_mode="expand")
        here_sent = here[0].sent if here is not None and len(here) else None
        language = seg.segment.language
        word = re.match(r"\w+", self.text[start : start + 20])
        pronouns = _list(language, "organization_pronouns")
        described = word is None or word.group().lower() not in pronouns  # "the firm", not "it"
        for sent in _sentences_back(here_sent, ORGANIZATION_SENTENCES):
            inside = [m for m in orgs if sent.start_char <= m.start - off < sent.end_char]
            if not _is_parsed(sent):  # a name opening it is taken for its subject
                if inside and _opens(sent, inside[0].start - off):
                    return inside[0].local
                if not _opens_with_an_organization(sent, language):
                    return None
            else:
                for m in reversed(inside):
                    span = doc.char_span(m.start - off, m.end - off, alignment_mode="expand")
                    if (
                        span is not None
                        and span.root.dep_ in ("nsubj", *PASSIVE_SUBJECT_DEPS)
                        and _heads_its_sentence(span.root.head)
                        and not (described and sent == here_sent and span.root.head == sent.root)
                    ):  # not "the argument was that [Vexnor] owed …", nor the subject of
                        return m.local  # what "the firm" says: "[X] subió …, según la firma"
                subject = _main_subject(sent)
                if (
                    subject is not None
                    and subject.start_char + off < start
                    and subject.root.right_edge.idx + off < start  # not "a spokesman for [the …]"
                    and not (_stands_for_an_organization(subject.text.lower(), language))
                ):
                    return None  # someone else was the subject in between
        return None

    def _may_be_it(self, mention: Mention) -> bool:
        """Whether "it" may stand for what a mention names: an organisation, or a one-word
        name with no role that the model took for a person's ("Kalvaro said …. It claimed"):
        a person the article names is named in full somewhere, or given a title."""
        if mention.label == "ORG":
            return True
        entity = self.entities[mention.local]
        return mention.label == "PERSON" and " " not in entity.name and not entity.roles

    def _owner(self, words: str, language: str) -> int | None:
        """The person a document phrase says is its owner, when the model took the whole
        phrase for a name: "[El comunicado de Ferrer]" is Odalys Ferrer's."""
        match = re.fullmatch(document_phrase(language, whose=True), words.lower())
        if match is None or match["whose"] is None:
            return None
        return person_named(words[match.start("whose") :], self.entities)

    def _author(self, start: int, language: str) -> Mention | None:
        """Who issued the document a speaker at ``start`` names, as the text says where it
        names a document before: the name before "issued a statement", after "a letter
        from" or "un informe dado a conocer el lunes por", or right before the document
        ("a Valle Bank report", "the council's latest study"). A document named again
        without its author ("the report said") is the one named before it."""
        left = max(0, start - AUTHOR_CHARS)
        window = self.text[left:start]
        for match in reversed(list(_issued_pattern(language).finditer(window))):
            at = left + match.start()
            if match["from"]:
                after = left + match.end()
                return next((m for m in self.mentions if after <= m.start < after + 5), None)
            if not match["owned"]:
                before = [m for m in self.mentions if left <= m.start and m.end <= at
                          and m.label in _SOURCE_LABELS
                          and not re.search(r"[.!?]\s|\n", self.text[m.end : at])]  # fmt: skip
                return before[-1] if before else None
            owner = next((m for m in self.mentions if m.end <= at and m.label in _SOURCE_LABELS
                          and _OWNER_GAP.fullmatch(self.text[m.end : at])), None)  # fmt: skip
            if owner is not None:
                return owner
        return None

    def _pronoun(self, words: str, start: int, end: int, previous: Speaker | None) -> Speaker:
        """A pronoun speaks for the speaker before it (``previous``), when a person, else
        for the person named last before it. "They" stands for a group or an organisation
        that spoke before it, or for the people of a joint source, never for one person."""
        if words.lower().strip() in PLURAL_PRONOUNS:
            if (
                previous is not None
                and previous.text
                and (
                    previous.kind != "person" or previous.others  # "Salas and Ferrer …. They"
                )
            ):
                return Speaker(words, previous.kind, start, end, previous.local, previous.others,
                               previous.affiliation)  # fmt: skip
            return Speaker(words, "unknown", start, end)
        local = previous.local if previous and previous.kind == "person" else None
        if local is None:
            persons = [m for m in self.mentions if m.end <= start and m.label == "PERSON"]
            local = persons[-1].local if persons else None
        affiliation = (
            previous.affiliation
            if previous and local is not None and previous.local == local
            else None
        )
        kind: SpeakerKind = "person" if local is not None else "unknown"
        return Speaker(words, kind, start, end, local, affiliation=affiliation)

    def in_text_order(self, quotes: list[Quote]) -> list[Quote]:
        """``quotes`` with their pronoun speakers resolved in the order of the text, once
        every quote is found: direct quotes are read before indirect ones, so the speaker
        before a pronoun may be found after it. "The paper" (``media_nouns.txt``) stands
        for the news outlet that spoke last, unless another outlet the model did not tag
        spoke since. An "it" no subject before it resolved stands for the organisation
        that spoke just before it (within ``IT_CHARS``); a description, for the one
        spoken of before it (:meth:`_antecedent`, :meth:`_speaker_before`)."""
        written = sorted((q for q in quotes if q.speaker.start is not None),
                         key=lambda q: q.speaker.start or 0)  # fmt: skip
        resolved: dict[int, Speaker] = {}
        previous: Speaker | None = None
        outlet: Speaker | None = None  # the last news outlet that spoke
        for quote in written:
            speaker = quote.speaker
            words = (speaker.text or "").lower().strip()
            if words in PRONOUNS:
                start, end = speaker.start or 0, speaker.end or 0
                speaker = self._pronoun(speaker.text or "", start, end, previous)
                resolved[id(quote)] = speaker
            elif (
                speaker.local is None and words in _list(quote.language, "media_nouns")
                and outlet is not None
                and (speaker.start or 0) - (outlet.start or 0) <= OUTLET_CHARS
            ):  # fmt: skip
                speaker = replace(speaker, kind="media", local=outlet.local)  # "the paper"
                resolved[id(quote)] = speaker
            elif (
                speaker.local is None and words in _list(quote.language, "organization_pronouns")
                and previous is not None and previous.local is not None
                and previous.kind in ("organization", "media")
                and self.entities[previous.local].label == "ORG"  # not a country
                and (speaker.start or 0) - (previous.start or 0) <= IT_CHARS
                and not self._another_subject(previous, speaker.start or 0)
            ):  # fmt: skip
                speaker = replace(speaker, kind=previous.kind, local=previous.local)  # "it"
                resolved[id(quote)] = speaker
            elif speaker.kind == "anonymous" and self._points_back(speaker, quote.language):
                speaker = self._antecedent(quote, previous)  # "el experto", "this expert"
                resolved[id(quote)] = speaker
            elif (
                speaker.kind == "unknown" and speaker.local is None
                and self._points_back(speaker, quote.language, "role")
            ):  # fmt: skip
                speaker = self._speaker_before(quote, previous)  # "el exmandatario"
                resolved[id(quote)] = speaker
            if speaker.local is not None:
                name = self.entities[speaker.local].name
                outlet = speaker if _is_outlet(name, quote.language) else outlet
            elif _is_outlet(words, quote.language):
                outlet = None  # "according to the Observer", which the model did not tag
            if previous is None or speaker.start != previous.start:
                previous = speaker
        return [replace(q, speaker=resolved[id(q)]) if id(q) in resolved else q for q in quotes]

    def _another_subject(self, previous: Speaker, start: int) -> bool:
        """Whether a sentence between a speaker and ``start`` has for subject someone else
        who could speak ("Analysts at a local broker were not surprised"), not a thing
        ("Revenues were £4bn"); in a sentence left unparsed, a name opening it."""
        after = previous.end or 0
        for seg in self.segments:
            off = seg.offset
            for sent in seg.doc.sents:
                if not after <= sent.start_char + off < start:
                    continue
                if _is_parsed(sent):
                    subject = _main_subject(sent)
                    if subject is None:
                        continue
                    at = subject.start_char + off
                    named = [m for m in self.mentions_in(at, subject.end_char + off)
                             if m.label in _SOURCE_LABELS]  # fmt: skip
                    if any(m.local != previous.local for m in named) or (
                        not named and _can_speak(subject.root)
                    ):
                        return True
                elif _opens_with_unnamed(sent) or any(
                    m.label in _SOURCE_LABELS and m.local != previous.local
                    and _opens(sent, m.start - off) for m in self.mentions
                ):  # fmt: skip
                    return True
        return False

    def _points_back(self, speaker: Speaker, language: str, noun: str = "anonymous") -> bool:
        """Whether an unnamed source is one person the story has spoken of: a singular noun
        of ``lang/*/anonymous.txt`` after a definite article or a demonstrative
        (``lang/*/anaphoric_determiners.txt``): "el experto", "esta economista de 40 años",
        "the spokesman"; not "the analysts", "a spokesman", "fuentes oficiales". With
        ``noun="role"``, a singular role instead: "el exmandatario", "the senator"."""
        words = (speaker.text or "").split()
        if not words or words[0].lower() not in _list(language, "anaphoric_determiners"):
            return False

        def wanted(word: str) -> bool:
            if noun == "role":
                return role_key(word, language) is not None
            return word.lower() in _list(language, noun)

        tokens = self._parsed(speaker.start or 0, speaker.end or 0)
        if tokens is not None:
            head = tokens.root
            return wanted(head.text) and head.morph.get("Number", []) != ["Plur"]
        return len(words) > 1 and wanted(words[1])

    def _speaker_before(self, quote: Quote, previous: Speaker | None) -> Speaker:
        """The person who spoke before a description of one ("“…”, manifestó Fernández. Según
        aseguró [el alcalde]"), if known by a full name (:meth:`_full_name`) and if that
        person may hold the role it names (:meth:`_may_be`)."""
        speaker = quote.speaker
        if (
            previous is None or not previous.text or previous.kind != "person"
            or previous.local is None
            or not self._full_name(previous.local, quote.language)
            or not self._may_be(previous.local, speaker, quote.language)
        ):  # fmt: skip
            return speaker
        return replace(speaker, kind="person", local=previous.local, others=previous.others)

    def _antecedent(self, quote: Quote, previous: Speaker | None) -> Speaker:
        """The one an unnamed source that :meth:`_points_back` stands for: the speaker
        before it, a person or an unnamed source ("fuentes locales …. La misma fuente"),
        else the person named last before the quote, in its sentence or the one before
        ("Eva Pérez tiene mascota …. “…”, recuerda esta economista"). Either must be known
        by a full name (:meth:`_full_name`), and not in another role (:meth:`_may_be`)."""
        speaker = quote.speaker
        if previous is not None and previous.text and previous.kind in ("person", "anonymous"):
            if previous.kind == "anonymous" or previous.local is None:
                return speaker
            if (found := self._speaker_before(quote, previous)).local is not None:
                return found
        before = min(speaker.start or 0, quote.start)
        persons = [m for m in self.mentions if m.end <= before and m.label == "PERSON"
                   and self._full_name(m.local, quote.language)]  # fmt: skip
        if (
            not persons or len(_SENTENCE_END.findall(self.text, persons[-1].end, before)) > 1
            or not self._may_be(persons[-1].local, speaker, quote.language)
        ):  # fmt: skip
            return speaker
        return replace(speaker, kind="person", local=persons[-1].local)

    def _full_name(self, local: int, language: str) -> bool:
        """Whether a person is known by a full name, two capitalised words or more (see
        :func:`plausible_person_name`): a description points back to a person written so,
        not to a word the model took for one ("Hacienda")."""
        name = self.entities[local].name
        return (
            plausible_person_name(name, language)
            and sum(w[:1].isupper() for w in name.split()) >= 2
        )

    def _may_be(self, local: int, speaker: Speaker, language: str) -> bool:
        """Whether the person ``local`` may be the one a description names: one known in
        no role, or in the one it names, or any person where it names no particular one
        (``lang/*/generic_roles.txt``: "el experto", "the official"). "El vocero" is not
        "el gobernador Ruperto Salas", nor "el presidente salvadoreño" the president of the
        United States (:func:`role_holders`)."""
        words = speaker.text or ""
        parts = described_role(words, language)
        if parts is None or parts[0][1] in _list(language, "generic_roles"):
            return True
        roles = self.entities[local].roles
        if not any(role_key(r, language) for r in roles):
            return True
        return bool(role_holders(words, parts, {local: roles}, language))

    def _named(
        self, words: str, start: int, end: int, inside: list[Mention], language: str
    ) -> Speaker:
        head = self._head_name(start, end, inside) or self._name_below(start, end, inside, language)
        if head is None:  # "[Brevalto], the Italian group", "[firms] in New York"
            kind: SpeakerKind = "organization" if _stands_for_an_organization(
                words.lower().split(",")[0].strip(), language
            ) else "unknown"  # fmt: skip
            return Speaker(words, kind, start, end)
        entity = self.entities[head.local]
        kind = _KIND_OF_LABEL.get(head.label, "unknown")  # "Caso Odebrecht" says nothing
        if kind == "unknown" and _described_name(words, language):
            kind = "person"  # "la bióloga [Hilaria Ransome]", which the model took for a thing
        if kind == "unknown" and _article_and_acronym(words, language):
            kind = "organization"  # "la FDA", "el INE": no person takes an article so
        if _is_listed_medium(entity.name, language, "media") or self._called_a_medium(
            start, head, inside, language
        ):
            kind = "media"
        others = self._joint_speakers(start, end, head, inside, language)
        return Speaker(words, kind, start, end, head.local, others)

    def _called_a_medium(
        self, start: int, head: Mention, inside: list[Mention], language: str
    ) -> bool:
        """Whether the words before the name that speaks call it a news medium: a noun of
        ``lang/*/media_heads.txt`` that the parse joins to the name directly, else the last
        word before it, with no other name between them but a nationality or a place ("el
        diario español [As]", "el canal de noticias [Telesur]", "the French daily
        [Libération]"; not "the magazine editor [Ana Ruiz]", nor "la directora del diario
        que publicó el retrato de [Maluma]")."""
        before = list(self.text[start : head.start])
        for m in inside:
            if m.label in _PLACE_LABELS and start <= m.start and m.end <= head.start:
                before[m.start - start : m.end - start] = " " * (m.end - m.start)
        words = re.findall(r"[\w-]+", "".join(before))
        if not words or any(w[:1].isupper() for w in words[1:]):
            return False
        heads = _list(language, "media_heads")
        tokens = self._parsed(start, head.end)
        if tokens is None:
            return words[-1].lower() in heads
        off = self._root_at(tokens)[0] - tokens.root.idx
        name = [t for t in tokens if head.start <= t.idx + off < head.end]
        return any(
            t.lower_ in heads and t.idx + off < head.start
            and any(t.head == n or n.head == t for n in name)
            for t in tokens
        )  # fmt: skip

    def _head_name(self, start: int, end: int, inside: list[Mention]) -> Mention | None:
        """The name that heads a source, where the parse has it: "[Ana Ruiz], propuesta
        por Ruperto Salas como ministra", not the longer name in its apposition. A person
        named in it outranks anything else the parse makes its head ("la secretaria de
        [Estado], Ana Ruiz")."""
        tokens = self._parsed(start, end)
        if tokens is None:
            return None
        root = tokens.root
        at = self._root_at(tokens)[0]
        off = at - root.idx
        head = next((m for m in inside if m.start <= at < m.end and m.label in _SOURCE_LABELS),
                    None)  # fmt: skip
        if head is None and root.pos_ in ("NOUN", "PROPN"):  # "[CNN reporter] and … Joe
            # Lockhart", "The new [President], Viktor Yushchenko"
            joined = [t.idx + off for c in root.children if c.dep_ in ("appos", "conj")
                      for t in (c, *(f for f in c.children if f.dep_ == "flat"))]  # fmt: skip
            names = [m for m in inside if m.label == "PERSON"
                     and any(m.start <= i < m.end for i in joined)]  # fmt: skip
            head = max(names, key=lambda m: m.end - m.start) if names else None
        if head is None or head.label == "PERSON" or all(m.label != "PERSON" for m in inside):
            return head
        return None

    def _name_below(
        self, start: int, end: int, inside: list[Mention], language: str
    ) -> Mention | None:
        """The name that speaks in a source whose head is no name (:meth:`_head_name`):
        a person's, else the longest. Where the parse has the source, not a place or a
        nationality below a common noun ("[firms] with listings in New York"), unless the
        noun is an institution's or a spokesperson's ("the government of [Peru]", "un
        portavoz del [Vaticano]", ``lang/*/institution_nouns.txt``), or the name is in
        apposition to it ("el canal de noticias [Telesur]"); nor a name in a clause that
        tells which one the noun is (:func:`_tells_which`: "la directora del diario que
        publicó el retrato de [Maluma]", "superdelegates supporting [X]"), unless the noun
        is a document's ("a study that appeared in [X]"); nor any name below a capitalised
        proper noun the model did not tag ("[Brevalto], the food group at the centre of
        Europe's scandals")."""
        candidates = inside
        tokens = self._parsed(start, end)
        if tokens is not None:
            root = tokens.root
            at, after = self._root_at(tokens)
            off = at - root.idx
            if (
                root.pos_ == "PROPN" and root.is_title
                and not _holding(inside, at) and not self._name_right_after(inside, after)
            ):  # fmt: skip
                return None  # not "[The] New York Times"
            speaks_for_places = _list(language, "institution_nouns") | _list(
                language, "official_voices"
            )
            if root.pos_ == "NOUN" and root.lower_ not in speaks_for_places:
                named = [t.idx + off for t in root.children if t.dep_ in ("appos", "flat")]
                candidates = [m for m in inside if m.label not in _PLACE_LABELS
                              or any(m.start <= i < m.end for i in named)]  # fmt: skip
            if root.pos_ == "NOUN" and root.lower_ not in _list(language, "document_nouns"):
                described = [_clause_extent(c, off) for c in tokens
                             if _tells_which(c, root, language)]  # fmt: skip
                candidates = [m for m in candidates
                              if not any(a <= m.start < b for a, b in described)]  # fmt: skip
        if not candidates:
            return None
        return max(candidates, key=lambda m: (m.label == "PERSON", m.end - m.start))

    def _joint_speakers(
        self, start: int, end: int, head: Mention, inside: Sequence[Mention], language: str
    ) -> tuple[int, ...]:
        """The others who speak with ``head`` in a source that lists names of people or
        organisations joined by commas and a final coordinator ("Ruperto Salas y Odalys
        Ferrer", "GM and Ford", "Google, Facebook y Twitter"). Names joined by a comma
        alone are an apposition ("Odalys Ferrer, Ruperto Salas's wife"), a name with a
        possessive after it is no speaker ("GM and Ford's chief executive"), nor is a name
        after "de" or "of": a part of a title ("la consejera de Participación Ciudadana y
        Control Social"). Where the sentence was parsed, each name must be a conjunct of
        the first, and the first must head the source or stand in apposition to its head
        ("[Los diputados] Janine Prado y Betserai Richards"): not "Projections by CNN and
        NPR", "the lawyer for X and Y"."""
        text, genitive = self.text, _list(language, "genitive_markers")
        named = sorted(
            (m for m in inside if m.label in _SOURCE_LABELS
             and _word_before(text, m.start).lower() not in genitive),
            key=lambda m: m.start,
        )  # fmt: skip
        coordinators = lang.words(language, "name_coordinators")
        chains: list[list[Mention]] = [named[:1]] if named else []
        for before, after in pairwise(named):
            gap = text[before.end : after.start].strip()
            words = gap.lstrip(",").split()
            joined = gap == "," or (len(words) == 1 and words[0].lower() in coordinators)
            if joined and self._coordinated(chains[-1][0], after):
                chains[-1].append(after)
            else:
                chains.append([after])
        for chain in chains:
            locals_ = list(dict.fromkeys(m.local for m in chain))
            last_gap = text[chain[-2].end : chain[-1].start].strip() if len(chain) > 1 else ","
            possessive = text[chain[-1].end : chain[-1].end + 2] in ("'s", "’s")
            if (
                head in chain and last_gap != "," and not possessive and len(locals_) > 1
                and self._heads_the_source(start, end, chain[0])
            ):  # fmt: skip
                return tuple(i for i in locals_ if i != head.local)
        return ()

    def _heads_the_source(self, start: int, end: int, first: Mention) -> bool:
        """Whether a name heads the source at ``start:end``, or stands in apposition to
        its head, where the parse has the sentence."""
        source, name = self._parsed(start, end), self._parsed(first.start, first.end)
        if source is None or name is None:
            return True
        root, top = source.root, name.root
        return top.i == root.i or (top.dep_ in ("appos", "flat") and top.head.i == root.i)

    def _coordinated(self, first: Mention, second: Mention) -> bool:
        """Whether the parse, where there is one, joins two names as a coordination ("[GM]
        and [Ford]"), not one inside the other's phrase ("[High Court of England] and
        [Wales]": "Wales" goes with "England")."""
        one, two = self._parsed(first.start, first.end), self._parsed(second.start, second.end)
        if one is None or two is None:
            return True
        token = two.root
        while token.dep_ == "conj" and token.head.i < token.i:
            token = token.head  # "A, B and C": "C" hangs from "B" or from "A"
        return token.i == one.root.i and token.i != two.root.i

    def _parsed(self, start: int, end: int) -> Span | None:
        """The tokens at ``text[start:end]``, when the annotation parsed their sentence."""
        for seg in self.segments:
            tokens = _tokens(seg, start, end)
            if tokens:
                return tokens if _is_parsed(tokens.sent) else None
        return None

    def _description(self, words: str, start: int, end: int, language: str) -> Speaker:
        """ "the former governor", "la mandataria": the one person of the article given
        that role or an equivalent one (``lang/*/role_synonyms.txt``), if there is one.

        The words that qualify the role must qualify the holder's too: "el presidente
        salvadoreño" is not "el presidente de Estados Unidos". Only the article's one
        holder of the role, known by the bare role ("Finance Minister X"), may be
        described with more words (see :func:`role_holders`)."""
        parts = described_role(words, language)
        if parts is None:
            return Speaker(words, "unknown", start, end)
        roles = {e.index: e.roles for e in self.entities
                 if e.label == "PERSON" and plausible_person_name(e.name, language)}  # fmt: skip
        holders = role_holders(words, parts, roles, language)
        if len(holders) == 1:
            return Speaker(words, "person", start, end, holders[0])
        return Speaker(words, "unknown", start, end)


#: The most characters between the organisation that spoke and an "it" that speaks after it,
#: with no one else who could speak the subject in between ("WPP said …. Revenues rose …,
#: which it said could reach …").
IT_CHARS = 600

#: The end of a sentence, for counting sentences between a name and what points back to it.
_SENTENCE_END = re.compile(r"[.!?][”\"»’']?\s+(?=\S)|\n+")

#: The labels of names that may qualify an organisation's noun as adjectives do: "the [US]
#: bank", "the [Swedish] firm".
_ADJECTIVE_LABELS = ("GPE", "NORP")

#: What may stand between an author and its document: "[Valle Bank]'s latest report",
#: "a [Valle Bank] report".
_OWNER_GAP = re.compile(r"(?:[’']s?)?(?:\s+[a-z][\w-]*){0,2}\s+")

#: The dependencies of a name that qualifies the noun it hangs from, before it: "[GM] chief
#: executive X", "[Valle Bank] economists".
_QUALIFYING_DEPS = ("compound", "nmod", "poss")

#: The labels of places and nationalities, which a common noun heading a source does not
#: speak for: "[firms] with secondary listings in New York".
_PLACE_LABELS = ("GPE", "LOC", "NORP")

#: The labels of the names that may speak together in a joint source, or author a document
#: they are not joined to by "by".
_SOURCE_LABELS = ("PERSON", "ORG")


#: The marks that set off a clause that only adds to what a noun names.
_SET_OFF = (",", "–", "—", "(", "-")


def _tells_which(clause: Token, root: Token, language: str) -> bool:
    """Whether a clause in a source tells which one a noun is, so that no name in it speaks:
    a relative clause not set off by a comma ("the lawyer [who represents X]", "la directora
    del diario [que publicó … de X]"), or a present participle's ("superdelegates
    [supporting X]"). Not one that gives a name ("the base chief [known as X]",
    ``lang/*/nickname_cues.txt``), nor a past participle's, which names who made what
    speaks more often than not ("exit polls [conducted for the AP]", "polls [compiled by
    X]"; not "records [filed in the U.S. Senate]")."""
    if clause == root or clause.dep_ not in ("relcl", "acl"):
        return False
    first = clause.left_edge
    if first.i > 0 and first.doc[first.i - 1].text in _SET_OFF:
        return False  # "the authors, which include X": who they are
    opening = first.doc[first.i : first.i + 4].text.lower()
    if any(opening.startswith(cue) for cue in _list(language, "nickname_cues")):
        return False
    form = clause.morph.get("VerbForm", [])  # a relative clause is an "acl" in Spanish
    # "supporting" (VBG): the tag, as the English morphology may be left out
    return clause.dep_ == "relcl" or clause.tag_ == "VBG" or "Fin" in form or "Ger" in form


def _clause_extent(clause: Token, off: int) -> tuple[int, int]:
    """The characters of a clause (offset by ``off``), up to a mark that sets off what
    follows it: "the editor [I was talking to], Tim Grieve"."""
    tokens = clause.doc[clause.left_edge.i : clause.right_edge.i + 1]
    end = next((t.idx for t in tokens if t.text in _SET_OFF), tokens.end_char)
    return clause.left_edge.idx + off, end + off


def _holding(mentions: Sequence[Mention], at: int) -> Mention | None:
    """The first of ``mentions`` holding the character at ``at``."""
    return next((m for m in mentions if m.start <= at < m.end), None)


def _word_before(text: str, start: int) -> str:
    words = text[max(0, start - 40) : start].split()
    return words[-1] if words else ""


def _capitalised_words(words: str) -> set[str]:
    """The words of a phrase in capitals but the first, in lower case; none when all of it
    is written in capitals ("DIRECTOR DEL INE")."""
    if words.isupper():
        return set()
    return {w.lower().strip(",.;:()") for w in words.split()[1:] if w[:1].isupper()}


def _implied_attribution(
    seg: AnnotatedSegment, verb: Token, finder: SpeakerFinder, quoted: list[tuple[int, int]]
) -> Attribution:
    """A finite cue verb with no subject in a language that leaves subjects unsaid
    (Spanish "Indicó que …", "“…”, añadió."): its speaker is the subject before it, as
    written there. Elsewhere, or on a verb form that takes no subject, an unknown speaker."""
    language = seg.segment.language
    if language not in NULL_SUBJECT_LANGUAGES or not _is_finite(verb):
        return Attribution(Speaker(None, "unknown"), verb)
    subject = _last_subject(verb, seg.offset, finder.mentions, quoted)
    if subject is None:
        return Attribution(Speaker(None, "unknown"), verb)
    start, end = _without_lead(
        finder.text, subject.start_char + seg.offset, subject.end_char + seg.offset, language
    )
    speaker = finder.speaker(start, end, language)
    return Attribution(speaker, verb)


#: How far back an unsaid subject is looked for, in characters: a few paragraphs.
IMPLIED_SUBJECT_CHARS = 1500


def _last_subject(
    verb: Token, offset: int, mentions: Sequence[Mention], quoted: list[tuple[int, int]]
) -> Span | None:
    """The subject an unsaid one continues: the last one before ``verb``, outside quotes,
    agreeing with it in number ("El concejal Salas respondió: “…”, afirmó"; "Los vecinos
    protestaron. “…”, afirmaron").

    A sentence the annotation left unparsed (it has no cue word) ends the search: the
    first person it names outside quotes, if any, is taken for its subject; else the
    speaker is unknown rather than someone named further back. A sentence that is all
    quotation is passed over."""
    doc = verb.doc
    plural = _is_plural_verb(verb)
    for sent in _sentences_back(verb.sent, len(doc)):
        if sent.end_char <= verb.idx - IMPLIED_SUBJECT_CHARS:
            break
        if all(_inside(t.idx + offset, quoted) for t in sent if t.is_alpha):
            continue  # a quote standing alone: someone's words, not the writer's subject
        if not _is_parsed(sent):
            first = min((m for m in mentions if m.label == "PERSON"
                         and sent.start_char <= m.start - offset < sent.end_char
                         and not _inside(m.start, quoted)),
                        key=lambda m: m.start, default=None)  # fmt: skip
            if first is None or plural:  # one name is not the subject of "afirmaron"
                return None
            return doc.char_span(first.start - offset, first.end - offset, alignment_mode="expand")
        for t in reversed(doc[sent.start : min(sent.end, verb.i)]):
            if t.head.i < verb.i and _is_subject_before(t, verb, plural, offset, quoted):
                end = _before_relative(t, t.right_edge.i + 1, set_off=True)
                return _trimmed(doc[t.left_edge.i : end])  # "el mandatario[, quien …]"
    return None


def _is_subject_before(
    t: Token, verb: Token, plural: bool, offset: int, quoted: list[tuple[int, int]]
) -> bool:
    """A subject of a main clause (not of a clause it reports: "recalcó que [el amparo] es
    …"), in words, outside quotes, of the number wanted."""
    return (
        (t.dep_ == "nsubj" or t.dep_ in PASSIVE_SUBJECT_DEPS)
        and _is_main_clause(t.head, verb)
        and any(ch.isalnum() for ch in t.text)
        and t.lower_ not in RELATIVE_PRONOUNS
        and not _inside(t.idx + offset, quoted)
        and _is_plural_subject(t) == plural
    )


def _is_main_clause(head: Token, verb: Token) -> bool:
    """The sentence's own verb, one joined to it, or a clause without a "que" that the
    parse hung on the sentence's verb or on the cue verb ("[El concejal respondió]: “…”,
    afirmó"; "“…”, [insistió el mandatario]: “…”, planteó")."""
    if head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT"):
        return True
    return (
        (head.head.i == verb.i or head.head.dep_ == "ROOT")
        and head.dep_ in ("ccomp", "parataxis")
        and not any(c.dep_ == "mark" for c in head.children)
    )


def _is_plural_verb(verb: Token) -> bool:
    """A verb in the plural: by morphology, else by ending (``lang/*/plural_verb_endings``)."""
    number = verb.morph.get("Number", [])
    if number:
        return "Plur" in number
    return verb.lower_.endswith(tuple(_list(_language(verb), "plural_verb_endings")))


def _is_plural_subject(subject: Token) -> bool:
    """Subjects joined by "y", or a common noun in the plural ("los vecinos")."""
    number = subject.morph.get("Number", [])
    if number:
        return "Plur" in number or any(c.dep_ == "conj" for c in subject.children)
    return any(c.dep_ == "conj" for c in subject.children) or (
        subject.pos_ == "NOUN" and subject.lower_.endswith("s")
    )


#: How many sentences back, its own included, "it" or "the firm" looks for its organisation.
ORGANIZATION_SENTENCES = 3


def _sentences_back(sent: Span | None, count: int) -> Iterator[Span]:
    """A sentence and those before it, ``count`` in all, not counting those without a word
    (the parse makes a lone quotation mark a sentence)."""
    while sent is not None and count > 0:
        if any(t.is_alpha for t in sent):
            yield sent
            count -= 1
        sent = sent.doc[sent.start - 1].sent if sent.start > 0 else None


def _is_parsed(sent: Span) -> bool:
    """Whether the annotation tagged and parsed a sentence (it does only those with a cue
    word, see ``annotate``)."""
    return any(t.pos_ for t in sent)


def _main_subject(sent: Span) -> Span | None:
    """The subject of a parsed sentence's root verb, up to its noun: without what follows
    it ("[The Swedish firm], the world's largest maker of …,")."""
    subject = next((c for c in sent.root.children
                    if c.dep_ == "nsubj" or c.dep_ in PASSIVE_SUBJECT_DEPS), None)  # fmt: skip
    return sent.doc[subject.left_edge.i : subject.i + 1] if subject else None


def _opens_with_an_organization(sent: Span, language: str) -> bool:
    """Whether a sentence opens with "It", "The firm", "The Mexican firm" …"""
    words = [t.lower_ for t in sent if not t.is_punct][:4]
    return any(_stands_for_an_organization(" ".join(words[:n]), language) for n in (1, 2, 3, 4))


def _opens_with_unnamed(sent: Span) -> bool:
    """Whether a sentence opens with unnamed people ("Analysts at a local broker …"),
    perhaps after an article or a determiner (``lang/*/anonymous.txt``)."""
    words = [t.text for t in sent if not t.is_punct and not t.is_space][:2]
    return _is_unnamed(" ".join(words), sent.doc.lang_)


def _opens(sent: Span, char: int) -> bool:
    """Whether ``char`` starts a sentence's first word, or its second after an article:
    "Wimpey said …", "The BBC reported …"."""
    words = [t for t in sent if not t.is_punct][:2]
    if not words:
        return False
    if char == words[0].idx:
        return True
    article = words[0].lower_ in _list(sent.doc.lang_, "definite_articles")
    return article and len(words) == 2 and char == words[1].idx


def _stands_for_an_organization(low: str, language: str) -> bool:
    """ "it", or a definite description whose noun is an organisation's: "the firm", "the
    US bank", "la empresa", "la empresa estatal" (``lang/*/organization_nouns.txt``)."""
    if low in _list(language, "organization_pronouns"):
        return True
    return _headed_by(low, language, "organization_nouns")


def _is_unnamed(words: str, language: str, marks: str = "anonymous") -> bool:
    """Whether a speaker's words mark an unnamed source ("two officials", "critics of the
    plan", ``lang/*/anonymous.txt``, or the list ``marks``), written in lower case but for
    the first word: "The Observer" is a newspaper."""
    found = re.findall(r"\w+", words)
    marked = {w.lower() for n, w in enumerate(found) if n == 0 or w.islower()}
    return bool(marked & _list(language, marks))


def _voice_of_an_organization(low: str, language: str) -> str | None:
    """The organisation's description that a spokesperson without a name speaks for:
    "the firm" in "a spokesman for the firm", "la empresa" in "un portavoz de la empresa"
    (``lang/*/official_voices.txt``, ``lang/*/affiliation_prepositions.txt``,
    ``lang/*/organization_nouns.txt``)."""
    words = low.split()
    voices = _list(language, "official_voices")
    markers = _list(language, "affiliation_prepositions")
    for n, word in enumerate(words[:3]):
        if word in voices and n + 1 < len(words) and words[n + 1] in markers:
            rest = " ".join(words[n + 2 :])
            return rest if rest and _stands_for_an_organization(rest, language) else None
    return None


def _unnamed_at(words: str, language: str, name: str = "") -> bool:
    """Whether the words before the first name in a speaker, ``name``, mark unnamed
    people there: "[two officials at] the ministry", "[fuentes de] la Fiscalía". A
    spokesperson speaks for the organisation (``lang/*/official_voices.txt``), and a name
    in them is no one unnamed ("[the] Hacienda official"); nor is a name of several words
    right after their noun ("trades union official [Ulf Carlsson]", whatever the model
    tagged it; not "científicos [Arabes]")."""
    found = re.findall(r"\w+", words)
    if any(w[:1].isupper() for w in found[1:]):
        return False  # "Parul Jain, economist at [Nomura]": a name the model missed
    if found and found[-1].lower() in _list(language, "anonymous") and len(name.split()) > 1:
        return False  # a title before a name
    return _is_unnamed(words, language) and not _is_unnamed(words, language, "official_voices")


def _after_genitive(words: str, language: str) -> bool:
    """Whether ``words`` end with a genitive marker and maybe an article: "the governor of
    [the]", "el presidente de [la]" (``lang/*/genitive_markers.txt``)."""
    found = words.lower().split()
    if found and found[-1] in _list(language, "definite_articles"):
        found = found[:-1]
    return bool(found) and found[-1] in _list(language, "genitive_markers")


def _headed_by(low: str, language: str, nouns_list: str) -> bool:
    """Whether a definite description of up to four words has a noun of ``nouns_list``
    last or right after its article ("the US bank", "la empresa estatal")."""
    words = low.split()
    if not 2 <= len(words) <= 4 or words[0] not in _list(language, "definite_articles"):
        return False
    nouns = _list(language, nouns_list)
    return words[-1] in nouns or words[1] in nouns


def role_key(phrase: str, language: str) -> tuple[bool, str] | None:
    """What role a phrase names, for comparing roles: (past, role), where equivalent roles
    share one key ("presidenta", "la mandataria", "el jefe de Estado") and a "former" or
    "ex" role is a past one ("el expresidente"). ``None``: the phrase names no role."""
    parts = role_parts(phrase, language)
    return parts[0] if parts else None


@lru_cache(maxsize=65_536)  # the same roles and descriptions recur across a corpus
def role_parts(phrase: str, language: str) -> tuple[tuple[bool, str], frozenset[str]] | None:
    """:func:`role_key` and the words that qualify the role: "del PRO" in "el presidente
    del PRO", "salvadoreño" in "el presidente salvadoreño" (lower case, without function
    words unless capitalised)."""
    terms = _role_terms(language)
    former_markers = _list(language, "former_markers")
    past, words = False, list[str]()
    tails = set[int]()  # words after a hyphen: a role starts before them ("vice-president")
    named = _capitalised_words(phrase)
    for raw in phrase.lower().split():
        head, hyphen, after = raw.partition("-")
        if hyphen and after and f"{head}-" in former_markers:
            past, raw = True, after  # "ex-president"
        for n, word in enumerate(raw.strip(",.;:()").split("-")):
            if word in former_markers:
                past = True
            elif word.startswith("ex") and word[2:] in terms:  # "expresidente"
                past, words = True, [*words, word[2:]]
            elif word:
                tails.update([len(words)] if n else [])
                words.append(word)
    for n in range(min(4, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            found = " ".join(words[i : i + n])
            if found in terms and i not in tails:  # "three-judge panel" names no judge
                rest, places = _with_places(words[:i] + words[i + n :], language)
                ignored = _function_words(language)
                qualifiers = frozenset(
                    w for w in rest if (w.isalpha() and w not in ignored) or w in named | places
                )  # a capitalised word qualifies, stop word or not: "de [Estado]", "[EE.UU.]"
                return (past, terms[found]), qualifiers
    return None


def role_holders(
    words: str,
    wanted: tuple[tuple[bool, str], frozenset[str]],
    candidates: Mapping[K, Iterable[str]],
    language: str,
) -> list[K]:
    """Who among ``candidates`` (each with the roles they are known by) holds the role a
    description names (:func:`described_role` of ``words``): those known in it, or an
    equivalent one, with every word that qualifies it ("del PRO", "salvadoreño").

    Failing them, the one holder known by the bare role ("el presidente Salas") may be
    described with more words, and not with a name ("el candidato del PRI" is no
    candidate the article names without a party). Holders known in that role at
    another place do not count ("el presidente salvadoreño" is not "el presidente de
    Estados Unidos")."""
    key, qualifiers = wanted
    held = {c: [p[1] for r in roles if (p := role_parts(r, language)) and p[0] == key]
            for c, roles in candidates.items()}  # fmt: skip
    holders = [c for c, found in held.items() if any(qualifiers <= q for q in found)]
    if holders or qualifiers & _capitalised_words(words):
        return holders
    places = frozenset(place_keys(language).values())
    here = [c for c, found in held.items()
            if found and not any(q & places and not q & qualifiers for q in found)]  # fmt: skip
    return here if len(here) == 1 and any(not q for q in held[here[0]]) else []


def plausible_person_name(name: str, language: str) -> bool:
    """Whether an entity the model typed a person has a name a person may have: capitalised
    words, perhaps joined by particles ("Ana de la Vega"), and not a place's: not
    "coalición", "Estados Unidos"."""
    words = [w.strip(_NAME_EDGES) for w in name.split()]
    particles = _list(language, "name_particles")
    return (
        bool(words) and words[0][:1].isupper()
        and all(w[:1].isupper() or w.lower() in particles for w in words if w)
        and tuple(w.lower() for w in words) not in place_keys(language)
    )  # fmt: skip


#: What may stand at the edges of a name's words: "Jaime Rodríguez [“]El Bronco[”]".
_NAME_EDGES = "\"'“”‘’«»,.()"


def described_role(phrase: str, language: str) -> tuple[tuple[bool, str], frozenset[str]] | None:
    """:func:`role_parts` of a description that may point at someone the story names: not
    one opened by an indefinite determiner ("un periodista", "another lawmaker")."""
    words = phrase.split()
    if words and words[0].lower() in _list(language, "indefinite_determiners"):
        return None
    return role_parts(phrase, language)


def _with_places(words: list[str], language: str) -> tuple[list[str], frozenset[str]]:
    """``words`` with each place name and each demonym of ``lang/*/demonyms.txt`` made the
    place's key ("salvadoreño" and "el salvador" are one qualifier, "ee.uu." and "estados
    unidos" another), and the keys found."""
    places = place_keys(language)
    longest = max((len(k) for k in places), default=0)
    out, keys, i = list[str](), set[str](), 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            key = places.get(tuple(words[i : i + n]))
            if key is not None:
                out.append(key)
                keys.add(key)
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return out, frozenset(keys)


@cache
def _function_words(language: str) -> frozenset[str]:
    """Words that never qualify a role: stop words and determiners ("los", "ambos")."""
    return _stop_words(language) | _list(language, "subject_determiners")


@cache
def _role_terms(language: str) -> dict[str, str]:
    """Each role word or phrase of a language (its titles and role synonyms) and its key:
    the first role of its synonym line, or itself."""
    terms = {t.lower(): t.lower() for t in lang.words(language, "titles")}
    for line in lang.lines(language, "role_synonyms"):
        group = [t.strip().lower() for t in line.split(",") if t.strip()]
        for term in group:
            terms[term] = group[0]
    for term in list(terms):  # "former president" in the English titles
        for marker in _list(language, "former_markers"):
            terms.pop(f"{marker} {term}", None)
    articles = _list(language, "definite_articles")  # "el presidente": "presidente" will do
    return {t: k for t, k in terms.items() if t.split()[0] not in articles}


def _is_outlet(name: str, language: str) -> bool:
    """Whether a name is a news outlet's: a listed one ("Reuters"), or one with a word of
    ``media_name_words.txt`` ("The Valle Gazette", "Diario de Tepalcingo")."""
    words = set(re.findall(r"\w+", name_low(name)))
    return _is_listed_medium(name, language, "media") or bool(
        words & _list(language, "media_name_words")
    )


def _is_listed_medium(words: str, language: str, *lists: str) -> bool:
    """Whether words, with their article or without it, are an entry of the word lists
    ``lists`` of media ("the Washington Post", "Reuters", "el periódico")."""
    low = name_low(words)
    return any(low in _list(language, n) or _strip_article(low) in _list(language, n)
               for n in lists)  # fmt: skip


#: The most characters between a news outlet that spoke and "the paper" that stands for it.
OUTLET_CHARS = 1500

#: Characters before a document speaker ("the statement said") searched for its author.
AUTHOR_CHARS = 1200


@cache  # read for every speaker: built once per language
def document_phrase(language: str, *, whose: bool = False) -> str:
    """A pattern of a phrase naming a written text, in lower case: up to three words and a
    noun of ``document_nouns`` ("the statement", "the union's open letter"), with what may
    say whose it is ("from the union", "de la alcaldesa"; group ``whose`` when asked)."""
    owner = "(?P<whose>" if whose else "(?:"
    return (
        rf"(?:[\w’'-]+\s+){{0,3}}?(?:{_alternation(language, 'document_nouns')})"
        rf"(?:\s+(?:from|by|of|de|del)\s+{owner}[^:,;\n]{{1,60}}?))?"
    )


@cache
def _issued_pattern(language: str) -> re.Pattern[str]:
    """ "issued a statement", "sent an open letter", "a letter from", "un informe elaborado
    por", or a document alone (group ``owned``): where a document's author is named,
    before or after it."""
    verbs, nouns = _alternation(language, "issuing_verbs"), _alternation(language, "document_nouns")
    made = _alternation(language, "authored_markers")
    return re.compile(
        rf"\b(?:{verbs})\s+(?:[\w’'-]+\s+){{0,3}}?(?:{nouns})\b"
        rf"|\b(?:{nouns}),?\s+(?:(?:{made})(?:\s+[\w’'-]+){{0,3}}?\s+)?"
        rf"(?P<from>from|by|de|del|por)\s+"
        rf"|\b(?P<owned>{nouns})\b",
        re.IGNORECASE,
    )


@cache
def _alternation(language: str, name: str) -> str:
    """The entries of a word list as a regex alternation, longest first."""
    entries = sorted(_list(language, name), key=len, reverse=True)
    return "|".join(re.escape(e) for e in entries)


def person_named(words: str, entities: Sequence[LocalEntity]) -> int | None:
    """The one person among ``entities`` that words name: by full name or by its last words
    ("FERRER", "SEN. FERRER" and "ODALYS FERRER" for Odalys Ferrer), without titles."""
    titles = list_keys("titles")
    keys = [w for w in name_key(words).split() if w not in titles]
    if not keys:
        return None
    found = {
        e.index
        for e in entities
        if e.label == "PERSON"
        and any(_names_end(keys, name_key(n).split()) for n in (e.name, *e.aliases))
    }
    return found.pop() if len(found) == 1 else None


def _names_end(words: list[str], name: list[str]) -> bool:
    """Whether ``words`` are a name, or its words after the first ("LÓPEZ OBRADOR")."""
    return words == name or any(words == name[i : i + len(words)] for i in range(1, len(name)))


def _article_and_acronym(words: str, language: str) -> bool:
    """A definite article and one word in capitals: "la FDA", "el INE", "the FDA"."""
    parts = words.split()
    return (
        len(parts) == 2 and parts[0].lower() in _list(language, "definite_articles")
        and is_acronym(parts[1])
    )  # fmt: skip


def _described_name(words: str, language: str) -> bool:
    """A name the model did not tag after words that describe its bearer: "la profesora
    Hilaria Ransome", "the forensic analyst Dara Quell". The description is in lower case,
    ends in a word of its own (not "de") and names no organisation ("the company Acme
    Holdings")."""
    parts = _strip_article(words).split()
    stop = _stop_words(language)
    for k in (4, 3, 2):
        before, name = parts[:-k], parts[-k:]
        if (
            before and all(w.islower() for w in before) and before[-1] not in stop
            and _looks_like_a_name(" ".join(name))
            and not any(w in _list(language, "organization_nouns") for w in before)
        ):  # fmt: skip
            return True
    return False


def _attribution(
    seg: AnnotatedSegment, span: Span, verb: Token | None, finder: SpeakerFinder
) -> Attribution:
    start, end = span.start_char + seg.offset, span.end_char + seg.offset
    anchor = verb.idx + seg.offset if verb is not None else end
    start, end = _after_dateline(finder.text, seg, start, end, anchor)
    start, end = _within_paragraph(finder.text, start, end, anchor)
    start, end = _after_label(finder.text, seg, start, end, anchor)
    start, end = _without_lead(finder.text, start, end, seg.segment.language)
    start, end = _agent_named(finder.text, start, end, seg.segment.language)
    speaker = finder.speaker(start, end, seg.segment.language)
    return Attribution(speaker, verb)


_WORD = re.compile(r"[\w’'-]+")


def _after_label(
    text: str, seg: AnnotatedSegment, start: int, end: int, anchor: int
) -> tuple[int, int]:
    """A speaker span (offsets into the article ``text``) without the short label of its
    line that the parse joined to its subject or took for it: "[El Tigre: ]Ramiro Tello",
    "[: ]el profesor"; for a heading taken for the subject ("Crisis del agua: el alcalde
    Quiroga aseguró"), the words after the colon up to the first verb. A colon inside a
    title or before a quotation ("el libro “Vida: …”", "los autores: “…”") or after a
    longer phrase stays."""
    colon = text.find(": ", start, end)
    after = re.match(r"[^\S\n]*:[^\S\n]+", text[end:anchor])
    if colon == -1 and after is not None and start == _paragraph_bounds(text, start, start)[0]:
        off = seg.offset
        words = seg.doc.char_span(end + after.end() - off, anchor - off, alignment_mode="contract")
        if words and len(text[start:end].split()) <= MAX_LABEL_WORDS:
            stop = next((t.idx for t in words if t.pos_ in ("VERB", "AUX")), words.end_char)
            nouns = [t for t in words if t.idx < stop and t.pos_ in ("NOUN", "PROPN")]
            if nouns:  # not a clitic: "Pánico en Río: Le informan …"
                return end + after.end(), len(text[: stop + off].rstrip())
    if colon == -1:
        return start, end
    label, rest = text[start:colon], text[colon + 2 : end].strip()
    if not rest or rest[0] in _QUOTE_MARKS or any(m in label for m in _QUOTE_MARKS):
        return start, end
    if len(label.split()) > MAX_LABEL_WORDS:
        return start, end
    return colon + 2, end


_QUOTE_MARKS = "“”\"'‘’«»„"


def _without_lead(text: str, start: int, end: int, language: str) -> tuple[int, int]:
    """A speaker span without the adverbial the parse put in front of its subject: "[En el
    marco de la feria, ]la titular del área, Carolina Gris", "[On Tuesday, ]the mayor".

    The adverbial opens with a preposition of ``lang/*/lead_prepositions.txt`` and ends at
    the first comma after which an article, a determiner (``subject_determiners.txt``) or a
    capitalised word opens the subject; a span with no such comma is kept whole. A weekday
    before a capitalised word is a lead too, comma or not ("[Tuesday ]Mr Ebbers")."""
    words = text[start:end]
    first = _WORD.match(words)
    if first is not None and first.group().casefold() in _list(language, "weekdays"):
        after = _WORD.match(words, first.end() + 1)  # "[Tuesday ]Mr Ebbers denied": a lead
        if after is not None and after.group()[:1].isupper():  # with no comma
            return start + after.start(), end
    if first is None or first.group().casefold() not in _list(language, "lead_prepositions"):
        return start, end
    openers = _list(language, "definite_articles") | _list(language, "subject_determiners")
    for comma in re.finditer(r",\s+", words):
        after = _WORD.match(words, comma.end())
        if after is not None and (
            after.group()[0].isupper() or after.group().casefold() in openers
        ):
            return start + comma.end(), end
    return start, end


def _agent_named(text: str, start: int, end: int, language: str) -> tuple[int, int]:
    """The agent of a speaker span that is an action and its doer: in "marchas por parte de
    la Asociación de Bicitaxistas" the association speaks (``lang/*/agency_phrases.txt``).
    Words before the phrase that name someone or a role ("el candidato por parte del
    partido, Ana Gris") keep the span whole."""
    phrases = sorted(_list(language, "agency_phrases"), key=len, reverse=True)
    if not phrases:
        return start, end
    # the parse may leave the phrase's preposition out of the span: "[parte de la X], que"
    lo = text.rfind(" ", 0, max(0, start - 1)) + 1
    if text[lo:start].strip().casefold() not in {p.split()[0] for p in phrases}:
        lo = start
    words = text[lo:end]
    alternation = "|".join(re.escape(p) for p in phrases)
    found = re.search(rf"(?:^|\s)(?i:{alternation})\s+(?=\S)", words)
    if found is None:
        return start, end
    before = words[: found.start()]
    if any(w[:1].isupper() for w in before.split()[1:]) or role_key(before, language) is not None:
        return start, end
    if re.search(r",\s+[A-ZÁÉÍÓÚÑ]", words[found.end() :]):
        return start, end  # "el candidato por parte del partido, Ana Gris": Ana Gris speaks
    return lo + found.end(), end


#: A wire dateline opening a paragraph: "WASHINGTON (AP) — ", "Mexico City (AFP) – ",
#: "PHILADELPHIA, July 29 (UPI) — ", "ST. LOUIS — ", and the Spanish press's full stop and
#: dash after a place in any case: "México.- ", "Ciudad de México.- ", "TOLUCA, Edomex
#: (apro).- ": a place, never a speaker.
_DATELINE = re.compile(
    r"(?:[A-ZÁÉÍÓÚÑ][\w.'-]*(?:[ ,]+[\w.'-]+){0,5}\s*\([^()\n]{2,15}\)\.?"
    r"|[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ.'-]+(?: [A-ZÁÉÍÓÚÑ.'-]+)*"
    r"|[A-ZÁÉÍÓÚÑ][\w'-]*(?:[ ,]+[\w'-]+){0,5}\.(?=[-–—]))\s*(?:—|–|--?)\s+"
)


def _after_dateline(
    text: str, seg: AnnotatedSegment, start: int, end: int, anchor: int
) -> tuple[int, int]:
    """A speaker span (offsets into the article ``text``) without the dateline its paragraph
    opens with; when the parse put the subject inside the dateline, the words from there up
    to the first verb."""
    dateline = _DATELINE.match(text, _paragraph_bounds(text, start, start)[0])
    if dateline is None or start >= dateline.end():
        return start, end
    if end > dateline.end():
        return dateline.end(), end
    off = seg.offset
    words = seg.doc.char_span(dateline.end() - off, anchor - off, alignment_mode="contract")
    if not words:
        return start, end
    stop = next((t.idx for t in words if t.pos_ in ("VERB", "AUX")), words.end_char)
    return dateline.end(), stop + off


#: Characters, besides spaces, a speaker span never starts or ends with: "—dijo Ibarra—."
#: closes the aside.
_SPEAKER_EDGE = ",—–"


def _within_paragraph(text: str, start: int, end: int, anchor: int) -> tuple[int, int]:
    """A speaker span clipped to the paragraph of its verb, without edge spaces, commas or
    dashes."""
    left, right = _paragraph_bounds(text, anchor, anchor)
    start, end = max(start, left), min(end, right)
    if start >= end:  # the parse put the subject in another paragraph: take what precedes
        start, end = left, anchor
    while start < end and (text[start].isspace() or text[start] in _SPEAKER_EDGE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _SPEAKER_EDGE):
        end -= 1
    return start, end
