"""Speakers: the subject of a cue verb, typed and resolved to the article's entities."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from spacy.tokens import Span, Token

from ..annotate import AnnotatedSegment
from ..entities import list_keys, name_key
from ..records import Article, LocalEntity, Mention, Speaker, SpeakerKind
from .common import (
    CHAINED_DEPS,
    PASSIVE_SUBJECT_DEPS,
    PRONOUNS,
    RELATIVE_DEPS,
    RELATIVE_PRONOUNS,
    Attribution,
    _list,
    _looks_like_a_name,
    _paragraph_bounds,
    _strip_article,
    name_low,
)


def _speaker_span(verb: Token, *, passive_ok: bool = False) -> Span | None:
    """Who speaks through a cue verb: its subject, or that of the verb it hangs from."""
    doc = verb.doc
    for child in verb.children:
        if not any(ch.isalnum() for ch in child.text):
            continue  # the Spanish model makes a dialogue dash "—" a subject
        if child.lower_ in _list(doc.lang_, "negations"):
            continue  # "did n’t", taken for a subject now and then
        if child.dep_ == "nsubj" or (passive_ok and child.dep_ in PASSIVE_SUBJECT_DEPS):
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ in RELATIVE_DEPS:
                # "Zimmerman, who alleged …": the name and the pronoun, as the source.
                return doc[verb.head.left_edge.i : child.i + 1]
            return doc[child.left_edge.i : _subject_end(verb, child)]
    if verb.dep_ in CHAINED_DEPS and verb.head.i != verb.i:  # "X said … and added …"
        head = verb.head.head if verb.head.dep_ == "acomp" else verb.head  # "X is likely to say"
        subject = _speaker_span(head, passive_ok=True)
        above = _clause_above(head) if verb.dep_ == "advcl" else head
        if subject is None or above.i == head.i:
            return subject
        if above.pos_ in ("NOUN", "PROPN"):  # the parse missed the main verb:
            return _noun_phrase_before_verb(above)  # "a witness [described how …], stating"
        return _speaker_span(above, passive_ok=True) or subject
    if verb.dep_ == "pcomp":  # "X answered by criticizing …", "In addition to stating …, X"
        return _speaker_span(governing_verb) if (governing_verb := _verb_above(verb)) else None
    if verb.dep_ == "acl" and verb.head.i != verb.i:
        return _owner_of(verb.head)  # "a statement saying …"
    return None


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


def _subject_end(verb: Token, subject: Token) -> int:
    """Where a subject ends, with the subjects right after it that the parse split it into:
    "said [study co][-author Odalys Ferrer]"."""
    end = subject.right_edge.i + 1
    for child in verb.children:
        if child.i > subject.i and child.dep_ == "nsubj" and child.left_edge.i == end:
            end = child.right_edge.i + 1
    return end


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


class SpeakerFinder:
    """Types speaker spans and resolves them to the article's entities."""

    def __init__(
        self, article: Article, mentions: Sequence[Mention], entities: Sequence[LocalEntity]
    ) -> None:
        self.text = article.text
        self.mentions = mentions
        self.entities = entities
        self.last: Speaker | None = None

    def speaker(self, start: int, end: int, language: str) -> Speaker:
        """The speaker written at ``text[start:end]``."""
        words = self.text[start:end]
        low = words.lower().strip()
        inside = [m for m in self.mentions if start <= m.start and m.end <= end]
        if low in PRONOUNS:
            return self._pronoun(words, start, end)
        if inside and (owner := self._owner(words, language)) is not None:
            return Speaker(words, "person", start, end, owner)  # "[El comunicado de Ferrer]"
        if inside:
            return self._named(words, start, end, inside, language)
        if re.fullmatch(document_phrase(language), low):  # "the statement": its author's
            author = self._author(start, language)
            if author is not None:
                return self._named(words, start, end, [author], language)
        if low in _list(language, "media") or _strip_article(low) in _list(language, "media"):
            return Speaker(words, "media", start, end)
        if set(re.findall(r"\w+", low)) & _list(language, "anonymous"):
            return Speaker(words, "anonymous", start, end)
        if _looks_like_a_name(words):  # a person the model did not tag
            return Speaker(words, "person", start, end)
        return self._description(words, start, end)

    def _owner(self, words: str, language: str) -> int | None:
        """The person a document phrase says is its owner, when the model took the whole
        phrase for a name: "[El comunicado de Ferrer]" is Odalys Ferrer's."""
        match = re.fullmatch(document_phrase(language, whose=True), words.lower())
        if match is None or match["whose"] is None:
            return None
        return person_named(words[match.start("whose") :], self.entities)

    def _author(self, start: int, language: str) -> Mention | None:
        """Who issued the document a speaker at ``start`` names, as the text says shortly
        before: the name before "issued a statement", or after "a letter from"."""
        left = max(0, start - AUTHOR_CHARS)
        window = self.text[left:start]
        issued = list(_issued_pattern(language).finditer(window))
        if not issued:
            return None
        last = issued[-1]
        if last["from"]:
            after = left + last.end()
            return next((m for m in self.mentions if after <= m.start < after + 5), None)
        verb = left + last.start()
        before = [m for m in self.mentions if left <= m.start and m.end <= verb
                  and m.label in ("PERSON", "ORG")
                  and not re.search(r"[.!?]\s|\n", self.text[m.end : verb])]  # fmt: skip
        return before[-1] if before else None

    def _pronoun(self, words: str, start: int, end: int) -> Speaker:
        local = self.last.local if self.last and self.last.kind == "person" else None
        if local is None:
            persons = [m for m in self.mentions if m.end <= start and m.label == "PERSON"]
            local = persons[-1].local if persons else None
        return Speaker(words, "person" if local is not None else "unknown", start, end, local)

    def _named(
        self, words: str, start: int, end: int, inside: list[Mention], language: str
    ) -> Speaker:
        head = max(inside, key=lambda m: (m.label == "PERSON", m.end - m.start))
        entity = self.entities[head.local]
        kind: SpeakerKind = "person" if head.label == "PERSON" else "organization"
        if name_low(entity.name) in _list(language, "media"):
            kind = "media"
        return Speaker(words, kind, start, end, head.local)

    def _description(self, words: str, start: int, end: int) -> Speaker:
        """ "the former governor": the one person of the article with that role, if any."""
        low = _strip_article(words.lower())
        holders = [e for e in self.entities if e.label == "PERSON" and any(
            r.lower() in low or low.endswith(r.lower()) for r in e.roles)]  # fmt: skip
        if len(holders) == 1:
            return Speaker(words, "person", start, end, holders[0].index)
        return Speaker(words, "unknown", start, end)


#: Characters before a document speaker ("the statement said") searched for its author.
AUTHOR_CHARS = 400


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
    """ "issued a statement", "sent an open letter", "a letter from": where a document's
    author is named, before or after it."""
    verbs, nouns = _alternation(language, "issuing_verbs"), _alternation(language, "document_nouns")
    return re.compile(
        rf"\b(?:{verbs})\s+(?:[\w’'-]+\s+){{0,3}}?(?:{nouns})\b"
        rf"|\b(?:{nouns})\s+(?P<from>from|by|de|del)\s+",
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


def _attribution(
    seg: AnnotatedSegment, span: Span, verb: Token | None, finder: SpeakerFinder
) -> Attribution:
    start, end = span.start_char + seg.offset, span.end_char + seg.offset
    anchor = verb.idx + seg.offset if verb is not None else end
    start, end = _after_dateline(finder.text, seg, start, end, anchor)
    start, end = _within_paragraph(finder.text, start, end, anchor)
    speaker = finder.speaker(start, end, seg.segment.language)
    finder.last = speaker
    return Attribution(speaker, verb)


#: A wire dateline opening a paragraph: "WASHINGTON (AP) — ", "Mexico City (AFP) – ",
#: "PHILADELPHIA, July 29 (UPI) — ", "ST. LOUIS — ": a place, never a speaker.
_DATELINE = re.compile(
    r"(?:[A-ZÁÉÍÓÚÑ][\w.'-]*(?:[ ,]+[\w.'-]+){0,5}\s*\([^()\n]{2,15}\)"
    r"|[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ.'-]+(?: [A-ZÁÉÍÓÚÑ.'-]+)*)\s*(?:—|–|--?)\s+"
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


def _within_paragraph(text: str, start: int, end: int, anchor: int) -> tuple[int, int]:
    """A speaker span clipped to the paragraph of its verb, without edge spaces or commas."""
    left, right = _paragraph_bounds(text, anchor, anchor)
    start, end = max(start, left), min(end, right)
    if start >= end:  # the parse put the subject in another paragraph: take what precedes
        start, end = left, anchor
    while start < end and (text[start].isspace() or text[start] == ","):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end
