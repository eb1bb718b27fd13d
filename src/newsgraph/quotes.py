"""Who said what: direct, indirect and mixed quotes with their speakers.

1. Direct quotes come from a scan of quotation marks over the whole article (“ ” " ‘ ’ « »
   and Spanish dialogue dashes), tolerant of unbalanced marks: an unclosed quote ends at
   its paragraph unless the next paragraph opens with a mark (a multi-paragraph quote).
2. Indirect quotes are the clauses governed by a speech verb (``said that …``, ``dijo
   que …``) and the sentences framed by ``according to X`` / ``según X``; an indirect
   frame around a quoted fragment is ``mixed``.
3. Speakers are the subjects of the speech verbs (or what follows "according to"), typed
   by the entity they name, by word lists (media, anonymous sources), or resolved from a
   pronoun to the previous speaker. A direct quote's verb is the nearest one in its own
   sentence, else in the sentence right before or after it, never one inside a quote; a
   short clause before or after the quote ("Ibarra continued") names the speaker when no
   listed verb does. An unattributed quote continues the previous quote's speaker only as
   a sentence of its own or as the next paragraph. A speaker not found stays unknown.
4. Embedded social posts ("… — Name (@handle) May 2, 2019") are quotes of that person.

Content spans exclude the quotation marks (the convention of PolNeAR and PARC).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.tokens import Doc, Span, Token

from . import lang
from .annotate import AnnotatedSegment
from .records import Article, LocalEntity, Mention, Quote, QuoteKind, Speaker, SpeakerKind

#: Opening quotation marks and their closers; '' is how some archives (the NYT's) write ".
OPENERS = {"“": "”", "«": "»", "‘": "’", '"': '"', "„": "“", "''": "''"}
#: A quote of fewer words with no speech verb around it is a title or scare quote.
MIN_WORDS_WITHOUT_CUE = 5
#: Fewer tokens than this make no statement ("said so"); a name does ("endorsed Cruz").
MIN_CONTENT_TOKENS = 1
#: A quote of fewer words inside a sentence ("called it a “disgrace”") is a fragment.
MIN_WORDS_FRAGMENT = 6
#: Most words in the label of a labelled line ("Sen. Lindsey Graham: …").
MAX_LABEL_WORDS = 6
#: Characters around a direct quote searched for its attribution.
FRAME_CHARS = 160
#: An indirect clause around a direct quote is a mixed quote only with this many own words.
MIN_FRAME_WORDS = 3
#: Most words between two parts of one quote broken by its attribution (“A,” she said. “B.”).
MAX_INTERRUPTION_WORDS = 25
#: An adverbial opening a sentence ("In the past few days,") is at most this long.
MAX_LEAD_WORDS = 8
PRONOUNS = {
    "he",
    "she",
    "they",
    "él",
    "ella",
    "ellos",
    "ellas",
    "i",
    "we",
    "his",
    "her",
    "their",
    "su",
    "sus",
}
#: Parts of speech a speaker's words can start with ("said [the] mayor", "said [his] aide").
NOMINAL_POS = {"PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM"}
#: Dependency labels of the English (ClearNLP) and Spanish (Universal Dependencies) models.
OBJECT_DEPS = {"dobj", "obj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "nsubj:pass"}
#: A cue verb with these relations to its head shares the head's subject: "X said … and
#: added …", "…, saying …", "X was quoted as saying …".
CHAINED_DEPS = {"conj", "advcl", "xcomp"}
RELATIVE_DEPS = {"relcl", "acl"}
RELATIVE_PRONOUNS = {"who", "which", "that", "que", "quien", "quienes", "cual"}
#: A clause hanging from a noun cue: "the claim [that …]", "a pledge [to …]".
CLAUSE_OF_NOUN_DEPS = {"acl", "ccomp", "relcl", "appos"}
#: Objects that are a date or time say when something was said, not what.
WHEN_LABELS = {"DATE", "TIME"}

#: Word lists whose entries (words or phrases) mark a sentence that needs a parse: every
#: pattern that reads ``pos_``, ``dep_`` or the tree is triggered by a word of one of them.
PARSE_CUE_LISTS: tuple[str, ...] = ("speech_verbs", "stance_verbs", "cue_nouns", "according_to")


@cache
def _list(language: str, name: str) -> frozenset[str]:
    return lang.words(language if lang.words(language, name) else "en", name)


@dataclass(slots=True)
class Attribution:
    speaker: Speaker
    cue: Token | None


# 1. -- direct quotes ---------------------------------------------------------------------


def find_direct(text: str) -> list[tuple[int, int]]:
    """Content spans (without marks) of quoted passages, outermost only."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        mark = _opening_mark(text, i)
        if mark is not None:
            end = _closing(text, i, mark)
            if end is not None and end > i + len(mark):
                spans.append((i + len(mark), end))
                i = end + len(OPENERS[mark])
                continue
        i += 1
    return spans


def _opening_mark(text: str, i: int) -> str | None:
    """The quotation mark opening a quote at ``i``, if one does."""
    mark = text[i : i + 2] if text.startswith("''", i) else text[i]
    if mark not in OPENERS:
        return None
    before = text[i - 1] if i else " "
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if mark in "‘'" and before.isalpha():
        return None  # an apostrophe
    opens = not after.isspace() and (before.isspace() or before in "([—–-:,")
    return mark if opens else None


def _closing(text: str, i: int, mark: str) -> int | None:
    """Index of the closing mark, following a quote over paragraphs when it continues."""
    closer = OPENERS[mark]
    pos = i + len(mark)
    while True:
        para_end = text.find("\n\n", pos)
        para_end = len(text) if para_end == -1 else para_end
        j = _find_closer(text, pos, para_end, closer)
        if j is not None:
            return j
        nxt = para_end + 2
        if nxt < len(text) and text.startswith(mark, nxt):  # the quote goes on
            pos = nxt + len(mark)
            continue
        return para_end if para_end - i > 20 else None  # unbalanced: end with the paragraph


def _find_closer(text: str, start: int, end: int, closer: str) -> int | None:
    for j in range(start, end):
        if text.startswith(closer, j) and (closer not in "’'" or not _between_letters(text, j)):
            return j
    return None


def _between_letters(text: str, j: int) -> bool:
    return 0 < j < len(text) - 1 and text[j - 1].isalpha() and text[j + 1].isalpha()


def find_dialogue(text: str) -> list[tuple[int, int, int]]:
    """Spanish dialogue: ``—Content —dijo X—.``; (content start, content end, frame start)."""
    found = []
    for m in re.finditer(r"(?m)^—(?=\S)([^—\n]+?)(?:\s—(?=\w)|$)", text):
        found.append((m.start(1), m.end(1), m.end()))
    return found


# 2. -- speech verbs and indirect quotes --------------------------------------------------


def _is_cue(token: Token, language: str) -> bool:
    """A verb that reports speech or thought and governs what was said: "said that …"."""
    return token.pos_ in ("VERB", "AUX") and token.lower_ in _list(language, "speech_verbs")


def _is_stance(token: Token, language: str) -> bool:
    """A verb whose object says what its subject holds: "criticized the plan", "talked about"."""
    return token.pos_ in ("VERB", "AUX") and (
        token.lower_ in _list(language, "stance_verbs") or token.lower_ in _phrase_verbs(language)
    )


@cache
def _phrase_verbs(language: str) -> frozenset[str]:
    """The verbs of the stance list's verb + preposition entries ("talked" of "talked about")."""
    return frozenset(e.split()[0] for e in _list(language, "stance_verbs") if " " in e)


def _according_to(sent: Span, language: str) -> Span | None:
    """The source after "according to" / "según" in a sentence."""
    low = sent.text.lower()
    for phrase in _list(language, "according_to"):
        k = low.find(phrase + " ")
        if k != -1:
            start = sent.start_char + k + len(phrase) + 1
            end_match = re.search(r"[,.;:]", sent.doc.text[start : sent.end_char])
            end = start + end_match.start() if end_match else sent.end_char
            span = sent.doc.char_span(start, end, alignment_mode="expand")
            return span
    return None


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
    obj = next((c for c in verb.children if c.dep_ in OBJECT_DEPS and c.i > verb.i), None)
    if obj is None or _is_bare_pronoun(obj):
        return None
    return verb.doc[obj.left_edge.i : verb.right_edge.i + 1]


def _clause_of(verb: Token) -> Span | None:
    """ "said [that …]", "urged [Congress to act]", "the plan, [he said], will fail"."""
    doc = verb.doc
    for child in verb.children:
        if child.dep_ == "ccomp":
            return doc[child.left_edge.i : child.right_edge.i + 1]
        if child.dep_ == "xcomp" and child.i > verb.i:
            obj = next((c for c in verb.children if c.dep_ in OBJECT_DEPS and c.i < child.i), None)
            start = obj.left_edge.i if obj is not None else child.left_edge.i
            return doc[start : child.right_edge.i + 1]
    if verb.dep_ == "parataxis" and verb.head.i != verb.i:
        return doc[verb.head.left_edge.i : verb.head.right_edge.i + 1]
    return None


def _object_of(verb: Token, language: str) -> Span | None:
    """ "endorsed [the senator]", "called [the plan “a fraud”]", "accused [her of lying]"."""
    if verb.lower_ not in _list(language, "stance_verbs"):
        return None  # "warned [voters]": a speech verb's object is whom it addresses
    if any(c.dep_ in OBJECT_DEPS and c.i < verb.i and _is_bare_pronoun(c) for c in verb.children):
        return _complement_of_clitic(verb, language)
    obj = next((c for c in verb.children if c.dep_ in OBJECT_DEPS and c.i > verb.i), None)
    if obj is None or _preposition_of(obj) is not None:
        return None
    after = [c for c in verb.children if c.i > obj.i]
    complements = [c for c in after if _completes_object(verb, c, language)]
    if _is_bare_pronoun(obj) and not complements:
        return None  # "criticized him": whom, not what; "called him [a liar]" says what
    end = max([obj, *complements], key=_right)
    return verb.doc[obj.left_edge.i : end.right_edge.i + 1]


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


def _right(token: Token) -> int:
    return token.right_edge.i


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
            return verb.doc[_after_case(obj) : obj.right_edge.i + 1]
    return None


def _phrasal_object(verb: Token, child: Token, language: str) -> Token | None:
    """The object of a preposition the stance list pairs with the verb ("talk about")."""
    marker = _preposition_of(child)
    if (
        child.i < verb.i
        or marker is None
        or not _is_listed_pair(verb, marker, language, "stance_verbs")
    ):
        return None
    if child.dep_ == "prep":
        return next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
    return child


def _is_listed_pair(cue: Token, marker: Token, language: str, name: str) -> bool:
    """Whether "cue marker" is a two-word entry of a cue list, found in a parsed sentence.

    The annotation stage parses a sentence when it holds a cue-list entry as written: the
    two words must stand together unless the cue word alone is an entry ("warned [us] of").
    """
    if f"{cue.lower_} {marker.lower_}" not in _list(language, name):
        return False
    return marker.i == cue.i + 1 or cue.lower_ in _parse_trigger_words(language)


@cache
def _parse_trigger_words(language: str) -> frozenset[str]:
    """The one-word entries of the parse cue lists."""
    lists = (_list(language, name) for name in PARSE_CUE_LISTS)
    return frozenset(e for entries in lists for e in entries if " " not in e)


def _preposition_of(child: Token) -> Token | None:
    """The preposition of a verb's prepositional dependent, in either annotation scheme.

    English (ClearNLP) hangs the preposition from the verb ("talked -prep-> about
    -pobj-> wall"); Spanish (UD) hangs the noun from the verb and the preposition from
    the noun ("habló -obl-> muro -case-> sobre").
    """
    if child.dep_ == "prep":
        return child
    if child.dep_ in ("obl", "obj", "nmod"):  # "habló sobre el muro" is often parsed as obj
        return next((c for c in child.children if c.dep_ == "case"), None)
    return None


def _after_case(obj: Token) -> int:
    """Start of a Spanish oblique without its preposition (the "sobre" of "sobre el muro")."""
    start = obj.left_edge.i
    while start < obj.i and obj.doc[start].dep_ == "case":
        start += 1
    return start


def _is_bare_pronoun(token: Token) -> bool:
    return token.pos_ == "PRON" and token.left_edge.i == token.right_edge.i


def _speaker_span(verb: Token, *, passive_ok: bool = False) -> Span | None:
    """Who speaks through a cue verb: its subject, or that of the verb it hangs from."""
    doc = verb.doc
    for child in verb.children:
        if child.lower_ in _list(doc.lang_, "negations"):
            continue  # "did n’t", taken for a subject now and then
        if child.dep_ == "nsubj" or (passive_ok and child.dep_ in PASSIVE_SUBJECT_DEPS):
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ in RELATIVE_DEPS:
                # "Zimmerman, who alleged …": the name and the pronoun, as the source.
                return doc[verb.head.left_edge.i : child.i + 1]
            return doc[child.left_edge.i : _subject_end(verb, child)]
    if verb.dep_ in CHAINED_DEPS and verb.head.i != verb.i:  # "X said … and added …"
        subject = _speaker_span(verb.head, passive_ok=True)
        above = _clause_above(verb.head) if verb.dep_ == "advcl" else verb.head
        if subject is None or above.i == verb.head.i:
            return subject
        if above.pos_ in ("NOUN", "PROPN"):  # the parse missed the main verb:
            return _noun_phrase_before_verb(above)  # "a witness [described how …], stating"
        return _speaker_span(above, passive_ok=True) or subject
    if verb.dep_ == "acl" and verb.head.i != verb.i:
        return _owner_of(verb.head)  # "a statement saying …"
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


# 3. -- speakers --------------------------------------------------------------------------


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
        if inside:
            return self._named(words, start, end, inside, language)
        if low in _list(language, "media") or _strip_article(low) in _list(language, "media"):
            return Speaker(words, "media", start, end)
        if set(re.findall(r"\w+", low)) & _list(language, "anonymous"):
            return Speaker(words, "anonymous", start, end)
        if _looks_like_a_name(words):  # a person the model did not tag
            return Speaker(words, "person", start, end)
        return self._description(words, start, end)

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


def _looks_like_a_name(words: str) -> bool:
    parts = words.split()
    return 2 <= len(parts) <= 4 and all(p[:1].isupper() and p[1:2].islower() for p in parts)


def name_low(name: str) -> str:
    return name.lower().strip()


def _strip_article(text: str) -> str:
    return re.sub(r"^(the|el|la|los|las)\s+", "", text.strip())


# -- the orchestrator ----------------------------------------------------------------------


def extract_quotes(
    article: Article,
    segments: Sequence[AnnotatedSegment],
    mentions: Sequence[Mention],
    entities: Sequence[LocalEntity],
) -> list[Quote]:
    """Every quote of the article, in text order."""
    finder = SpeakerFinder(article, mentions, entities)
    quotes: list[Quote] = []
    direct = find_direct(article.text)
    for seg in segments:
        quotes += _segment_quotes(article.text, seg, direct, finder)
    quotes += _social_posts(article.text, finder, segments)
    quotes += _labelled_lines(article.text, finder, segments)
    ordered = _continue_speakers(sorted(_dedupe(quotes), key=lambda q: q.start), article.text)
    return _join_interrupted(ordered, article.text)


def _segment_quotes(
    text: str, seg: AnnotatedSegment, direct: list[tuple[int, int]], finder: SpeakerFinder
) -> list[Quote]:
    out: list[Quote] = []
    lo, hi = seg.segment.start, seg.segment.end
    mine = [d for d in direct if lo <= d[0] < hi]
    for start, end in mine:
        quote = _direct_quote(text, seg, start, end, finder, quoted=direct)
        if quote is not None:
            out.append(quote)
    for start, end, frame in find_dialogue(text[lo:hi]):
        out.append(_dialogue_quote(text, seg, lo + start, lo + end, lo + frame, finder))
    out += _indirect_quotes(text, seg, mine, finder)
    return out


def _direct_quote(
    text: str, seg: AnnotatedSegment, start: int, end: int, finder: SpeakerFinder, *,
    quoted: list[tuple[int, int]],
) -> Quote | None:  # fmt: skip
    words = re.findall(r"[^\W\d_]{2,}", text[start:end])
    if len(words) < 2:
        return None  # "(R," and the like: initials and labels, not speech
    if _is_fragment(text, start, end):
        return None  # a phrase quoted inside the writer's sentence: at most part of a mixed quote
    language = seg.segment.language
    attribution = _attribute(text, seg, start, end, finder, quoted=quoted)
    if attribution is None or attribution.speaker.text is None:  # a short clause may name one
        named = _intro_attribution(text, start, finder, language) or _trailing_attribution(
            text, end, finder, language
        )
        if named is not None:
            attribution = Attribution(named.speaker, attribution.cue if attribution else None)
    if attribution is None and len(words) < MIN_WORDS_WITHOUT_CUE:
        return None
    speaker = attribution.speaker if attribution else Speaker(None, "unknown")
    return _quote(text, seg, start, end, "direct", speaker, attribution)


#: A clause that hands over to the quote after it: "Mr. Ibarra gloated: “", "she continued, “",
#: "As Dr. Ibarra put it: “", "Continued Ibarra: “". Parse-free, so it works in sentences the
#: annotation stage leaves unparsed and with verbs outside the cue lists; only the verb's
#: form is checked (a past or present tense), and the speaker must be a name or a pronoun.
_NAME = r"(?:[A-ZÁÉÍÓÚÑ][\w.’'-]*\s+){0,4}[A-ZÁÉÍÓÚÑ][\w’'-]*"
_INTRO_VERB = {
    "en": r"[a-z]{3,}(?:ed|s)|put it|shot back",
    "es": r"[a-záéíóúñ]{2,}(?:ó|aron|ieron)",
}
_INTRO_PRONOUN = {"en": r"[Hh]e|[Ss]he|[Tt]hey", "es": r"[ÉéEe]l|[Ee]lla"}
_INTRO_LEAD = {"en": r"(?:(?:As|And|But|Then),?\s+)?", "es": r"(?:(?:Como|Y|Pero|Luego),?\s+)?"}


@cache
def _intro_pattern(language: str) -> re.Pattern[str]:
    code = language if language in _INTRO_VERB else "en"
    verb = _INTRO_VERB[code]
    who = rf"(?P<who>{_NAME}|{_INTRO_PRONOUN[code]})"
    return re.compile(
        rf"(?:^|[.!?]\s+|[”\"’'»],?\s+){_INTRO_LEAD[code]}"
        rf"(?:{who}(?:,[^,:\n]{{3,80}},)?\s+(?:(?:then|luego)\s+)?(?:{verb})"
        rf"|[A-ZÁÉÍÓÚ][a-záéíóú]+(?:ed|ó)\s+(?P<inverted>{_NAME}))\s*[:,]\s*$"
    )


def _intro_attribution(
    text: str, start: int, finder: SpeakerFinder, language: str
) -> Attribution | None:
    """The speaker named by a short clause that introduces the quote right after it, in its
    paragraph or closing the one before with a colon ("Ibarra continued:")."""
    left = _frame_bounds(text, start, start)[0]
    before = text[left:start].rstrip("“\"'‘«„ \n")
    match = _intro_pattern(language).search(before)
    if match is None:
        return None
    group = "who" if match.group("who") else "inverted"
    speaker = finder.speaker(left + match.start(group), left + match.end(group), language)
    finder.last = speaker
    return Attribution(speaker, None)


@cache
def _trailing_pattern(language: str) -> re.Pattern[str]:
    code = language if language in _INTRO_VERB else "en"
    verb = _INTRO_VERB[code]
    who = rf"(?P<who>{_NAME}|{_INTRO_PRONOUN[code]})"
    return re.compile(
        rf"^[”\"’'»]*,?\s+(?:{who}(?:,[^,:\n]{{3,80}},)?\s+(?:{verb})"
        rf"|(?:{verb})\s+(?P<inverted>{_NAME}))(?=[,.;!?])"
    )


def _trailing_attribution(
    text: str, end: int, finder: SpeakerFinder, language: str
) -> Attribution | None:
    """The speaker named by a short clause right after the quote: “…,” Ibarra continued.

    The counterpart of ``_intro_attribution``: the clause must end at a comma or a full stop
    right after its verb (or its inverted name), so that a new sentence with a name and a
    verb after the quote is not taken for its attribution.
    """
    right = _paragraph_bounds(text, end, end)[1]
    match = _trailing_pattern(language).search(text[end:right])
    if match is None:
        return None
    group = "who" if match.group("who") else "inverted"
    speaker = finder.speaker(end + match.start(group), end + match.end(group), language)
    finder.last = speaker
    return Attribution(speaker, None)


def _opens_utterance(text: str, start: int) -> bool:
    """Whether the quote at ``start`` begins a paragraph, a sentence or what follows a colon."""
    before = text[:start].rstrip("“”\"'‘«„ ")
    return not before or before.endswith(("\n", ":", ".", "?", "!", ","))


def _attribute(
    text: str, seg: AnnotatedSegment, start: int, end: int, finder: SpeakerFinder, *,
    quoted: list[tuple[int, int]],
) -> Attribution | None:  # fmt: skip
    """The speech verb nearest a direct quote in its frame that can speak it, and its subject.

    A verb inside any quote is a quoted speaker's ("I think"). A verb in the quote's own
    sentences comes before one in a sentence next to it (“…” He added, “…”), which must not
    report a clause of its own (“…” He said he would stay). Where the parse gives the verb
    no subject, or one inside a quote, the words next to the verb are read instead; failing
    those, the quote keeps its verb and an unknown speaker.
    """
    doc, off = seg.doc, seg.offset
    window = doc.char_span(
        max(0, start - off - FRAME_CHARS), min(len(doc.text), end - off + FRAME_CHARS),
        alignment_mode="expand",
    )  # fmt: skip
    if window is None:
        return None
    paragraph = _frame_bounds(text, start, end)
    cues = [
        t for t in window
        if _is_cue(t, seg.segment.language)
        and paragraph[0] <= t.idx + off < paragraph[1]
        and not start <= t.idx + off < end
        and not _inside(t.idx + off, quoted)
    ]  # fmt: skip
    cues = [t for t in cues if _in_quote_sentence(text, t, off, start, end)] or [
        t for t in cues
        if _next_to_quote(t, start - off, end - off) and not _reports_own_clause(t, off, quoted)
    ]  # fmt: skip
    if not cues:
        return _unquoted_source(seg, start, finder, quoted)
    verb = min(cues, key=lambda t: min(abs(t.idx + off - start), abs(t.idx + off - end)))
    subject = _speaker_span(verb)
    if subject is None or _inside(subject.root.idx + off, quoted):
        subject = _words_after_quote(verb, off, quoted, seg.segment.language)  # a misparse
    if subject is None:
        return Attribution(Speaker(None, "unknown"), verb)
    return _attribution(seg, subject, verb, finder)


def _words_after_quote(
    verb: Token, offset: int, quoted: list[tuple[int, int]], language: str
) -> Span | None:
    """The speaker written between a quote and its verb ("“…,” Ibarra, the mayor, said"),
    or right after the verb that follows a quote ("“…,” said a person close to her")."""
    doc, sent = verb.doc, verb.sent
    ends = [e - offset for _, e in quoted if sent.start_char <= e - offset <= verb.idx]
    if not ends or not _hands_over(doc.text, max(ends)):
        return None  # none, or a phrase quoted inside the writer's sentence: “excellent” results
    gap = _AFTER_QUOTE.fullmatch(doc.text, max(ends), verb.idx)
    if gap is None:
        return None
    if gap.group(1):
        words = doc.char_span(gap.start(1), gap.end(1), alignment_mode="contract")
        return words if _names_before_its_verb(words, language) else None
    rest = doc[verb.i + 1 : sent.end]
    words = doc[verb.i + 1 : next((t.i for t in rest if _ends_a_name(t)), sent.end)]
    return words if words and _starts_a_name(words[0]) else None


#: What lies between a quote's closing mark and its verb: at most a name and its apposition.
_AFTER_QUOTE = re.compile(r"[”\"’'»]*,?\s*([^\s.!?;:“\"«\n][^.!?;:“\"«\n]*?)?[\s,]*")


def _hands_over(text: str, end: int) -> bool:
    """Whether the quote ending at ``end`` hands over to its attribution, as speech does:
    “…,” “…?” “…!” or “…”, with the comma after the mark."""
    inside = text[max(0, end - 12) : end].rstrip(" '’\"”")
    return inside[-1:] in (",", "?", "!", "—", "–", "-", "…") or bool(
        re.match(r"[”\"’'»]*,", text[end : end + 4])
    )


def _names_before_its_verb(words: Span | None, language: str) -> bool:
    """Whether the words between a quote and its verb are a name, with any apposition after
    a comma, and not a clause of their own ("he said, [adding]", "that would …")."""
    if words is None or not words or not _starts_a_name(words[0]):
        return False
    if words[0].lower_ in RELATIVE_PRONOUNS:
        return False
    head = next((t.i for t in words if t.text == ","), words.end)
    return not any(_is_cue(t, language) for t in words.doc[words.start : head])


def _starts_a_name(token: Token) -> bool:
    """A capital (the tagger takes "Will" for a verb now and then) or a nominal word."""
    return token.text[:1].isupper() or token.pos_ in NOMINAL_POS


def _ends_a_name(token: Token) -> bool:
    """Where a speaker written after its verb ends: a sentence's end, a quote, a line break,
    or a clause after a comma (", referring to …")."""
    return (
        token.text in (".", "!", "?", ";", ":", "“", '"', "«")
        or "\n" in token.text
        or (token.nbor(-1).text == "," and token.pos_ in ("VERB", "AUX"))
    )


def _unquoted_source(
    seg: AnnotatedSegment, start: int, finder: SpeakerFinder, quoted: list[tuple[int, int]]
) -> Attribution | None:
    """The "according to" source of the quote's sentence, unless the quote holds it: the
    speaker's own source ("“… according to royal laws …”") is not the speaker."""
    sent = _sentence_at(seg.doc, start - seg.offset)
    source = _according_to(sent, seg.segment.language) if sent is not None else None
    if source is None or _inside(source.start_char + seg.offset, quoted):
        return None
    return _according_to_attribution(seg, start, finder)


def _in_quote_sentence(text: str, verb: Token, offset: int, start: int, end: int) -> bool:
    """Whether the quote at ``text[start:end]`` and a verb share a sentence: “…,” she said;
    she said: “…”; “…?” she asked; not “…?” She added, “…”."""
    doc, at = verb.doc, verb.idx + offset
    if at < start:
        between = doc.char_span(verb.idx + len(verb), start - offset, alignment_mode="expand")
    else:
        between = doc.char_span(end - offset, verb.idx, alignment_mode="expand")
    if between is not None and any(t.text in (".", "!", "?") for t in between):
        return False
    ends_sentence = text[:end].rstrip(" '’\"”")[-1:] in (".", "!", "?")
    return not (at > start and ends_sentence and text[end : at + 1].strip(" '’\"”»,")[:1].isupper())


def _next_to_quote(verb: Token, start: int, end: int) -> bool:
    """Whether a verb's sentence ends right where the quote begins or begins right where it
    ends (``start``, ``end``: doc characters): “…” He added, “…”; he said. “…”"""
    sent, text = verb.sent, verb.doc.text
    marks = " \n“”\"'‘’«»„"
    if sent.end_char <= start:
        return not text[sent.end_char : start].strip(marks)
    return sent.start_char < end or not text[end : sent.start_char].strip(marks)


def _reports_own_clause(verb: Token, offset: int, quoted: list[tuple[int, int]]) -> bool:
    """Whether a verb governs a clause that is no quote: "He said [he would stay]"."""
    clause = _clause_of(verb)
    if clause is None:
        return False
    first, last = clause.start_char + offset, clause.end_char + offset
    return not any(s < last and first < e for s, e in quoted)


def _paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph around ``text[start:end]``: a line break ends one, as normalized text
    keeps none inside a paragraph and some archives break paragraphs with one newline."""
    left = text.rfind("\n", 0, start)
    right = text.find("\n", end)
    return (0 if left == -1 else left + 1, len(text) if right == -1 else right)


def _frame_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The quote's paragraph, from the paragraph before when that one introduces it with a colon.

    "Cruz continued:\n\n“You look at the questions …”" is attributed across the paragraph break.
    """
    left, right = _paragraph_bounds(text, start, end)
    intro = text[:left].rstrip()
    if left == 0 or text[left:start].strip("“\"'‘«„ ") or not intro.endswith(":"):
        return left, right
    return _paragraph_bounds(text, len(intro) - 1, len(intro))[0], right


def _according_to_attribution(
    seg: AnnotatedSegment, start: int, finder: SpeakerFinder
) -> Attribution | None:
    sent = _sentence_at(seg.doc, start - seg.offset)
    source = _according_to(sent, seg.segment.language) if sent is not None else None
    if source is None:
        return None
    return _attribution(seg, source, None, finder)


def _sentence_at(doc: Doc, char: int) -> Span | None:
    for sent in doc.sents:
        if sent.start_char <= char < sent.end_char:
            return sent
    return None


def _attribution(
    seg: AnnotatedSegment, span: Span, verb: Token | None, finder: SpeakerFinder
) -> Attribution:
    start, end = span.start_char + seg.offset, span.end_char + seg.offset
    anchor = verb.idx + seg.offset if verb is not None else end
    start, end = _after_dateline(seg, start, end, anchor)
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


def _after_dateline(seg: AnnotatedSegment, start: int, end: int, anchor: int) -> tuple[int, int]:
    """A speaker span without the dateline its paragraph opens with; when the parse put the
    subject inside the dateline, the words from there up to the first verb."""
    text, off = seg.doc.text, seg.offset
    dateline = _DATELINE.match(text, _paragraph_bounds(text, start - off, start - off)[0])
    if dateline is None or start - off >= dateline.end():
        return start, end
    if end - off > dateline.end():
        return dateline.end() + off, end
    words = seg.doc.char_span(dateline.end(), anchor - off, alignment_mode="contract")
    if not words:
        return start, end
    stop = next((t.idx for t in words if t.pos_ in ("VERB", "AUX")), words.end_char)
    return dateline.end() + off, stop + off


def _within_paragraph(text: str, start: int, end: int, anchor: int) -> tuple[int, int]:
    """A speaker span clipped to the paragraph of its verb, without edge spaces or commas."""
    left, right = _paragraph_bounds(text, anchor, anchor)
    start, end = max(start, left), min(end, right)
    if start >= end:  # the parse put the subject in another paragraph: take what precedes
        start, end = left, anchor
    while start < end and text[start] in " \n,":
        start += 1
    while end > start and text[end - 1] in " \n,":
        end -= 1
    return start, end


def _dialogue_quote(
    text: str, seg: AnnotatedSegment, start: int, end: int, frame: int, finder: SpeakerFinder
) -> Quote:
    after = seg.doc.char_span(frame - seg.offset, min(len(seg.doc.text), frame - seg.offset + 80),
                              alignment_mode="expand")  # fmt: skip
    cues = [t for t in after if _is_cue(t, seg.segment.language)] if after is not None else []
    attribution = None
    if cues and (subject := _speaker_span(cues[0])) is not None:
        attribution = _attribution(seg, subject, cues[0], finder)
    speaker = attribution.speaker if attribution else Speaker(None, "unknown")
    return _quote(text, seg, start, end, "direct", speaker, attribution)


def _indirect_quotes(
    text: str, seg: AnnotatedSegment, direct: list[tuple[int, int]], finder: SpeakerFinder
) -> list[Quote]:
    out: list[Quote] = []
    language = seg.segment.language
    for sent in seg.doc.sents:
        for cue in sent:
            if _inside(cue.idx + seg.offset, direct):
                continue
            content, subject = _cue_content_and_source(cue, language)
            if content is None or subject is None or len(content) < MIN_CONTENT_TOKENS:
                continue
            quote = _indirect(text, seg, content, subject, cue, direct, finder)
            if quote is not None:
                out.append(quote)
        out += _according_to_quotes(text, seg, sent, direct, finder)
        out += _evidential_quotes(text, seg, sent, direct)
    return out


def _cue_content_and_source(cue: Token, language: str) -> tuple[Span | None, Span | None]:
    """What a cue word reports and who through it: a verb and its subject, or a noun
    ("her claim that …", "his support for …") and its owner."""
    if _is_cue(cue, language) or _is_stance(cue, language):
        return _content_of(cue, language), _speaker_span(cue)
    if cue.pos_ in ("NOUN", "PROPN"):
        content = _noun_content(cue, language)
        return (content, _owner_of(cue)) if content is not None else (None, None)
    return None, None


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
    subject: Span,
    verb: Token,
    direct: list[tuple[int, int]],
    finder: SpeakerFinder,
) -> Quote | None:
    content = _without_tail(content)
    start, end = content.start_char + seg.offset, content.end_char + seg.offset
    start, end = _trim_content(text, start, end)
    inner = [(s, e) for s, e in direct if start <= s and e <= end + 1]
    end = max([end] + [e for _, e in inner])  # keep the closing words of a quote it ends with
    outside = len(text[start:end].split()) - sum(len(text[s:e].split()) for s, e in inner)
    if inner and outside < MIN_FRAME_WORDS and not all(_is_fragment(text, *d) for d in inner):
        return None  # the clause is the direct quote itself: attribution, not a new quote
    attribution = _attribution(seg, subject, verb, finder)
    kind: QuoteKind = "mixed" if inner else "indirect"
    return _quote(text, seg, start, end, kind, attribution.speaker, attribution)


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
            _is_comment(token) and token.right_edge.i == last
            and comma > content.start and doc[comma].text == ","
            and content.start <= token.head.i < comma
        ):  # fmt: skip
            return doc[content.start : comma]
    return content


def _is_comment(token: Token) -> bool:
    """An apposition or a relative clause: after a comma, the writer's, not the speaker's.

    Spanish (UD) labels a relative clause ``acl``; its relative pronoun tells it apart.
    """
    if token.dep_ in ("appos", "relcl"):
        return True
    return token.dep_ == "acl" and token.doc[_words_start(token)].lower_ in RELATIVE_PRONOUNS


def _words_start(token: Token) -> int:
    """The first word of a token's subtree, after any punctuation it opens with."""
    i = token.left_edge.i
    while i < token.i and token.doc[i].is_punct:
        i += 1
    return i


def _is_fragment(text: str, start: int, end: int) -> bool:
    words = re.findall(r"[^\W\d_]{2,}", text[start:end])
    return len(words) < MIN_WORDS_FRAGMENT and not _opens_utterance(text, start)


def _according_to_quotes(
    text: str, seg: AnnotatedSegment, sent: Span, direct: list[tuple[int, int]],
    finder: SpeakerFinder,
) -> list[Quote]:  # fmt: skip
    source = _according_to(sent, seg.segment.language)
    if source is None or _inside(sent.start_char + seg.offset, direct):
        return []
    phrase_start = source.start_char - (source.start_char - sent.start_char)
    low = sent.text.lower()
    k = min(low.find(p) for p in _list(seg.segment.language, "according_to") if p in low)
    if k <= 0:  # "According to X, content."
        start, end = source.end_char + 1, sent.end_char
    else:  # "Content, according to X."
        start, end = phrase_start, sent.start_char + k
    start, end = _trim_content(text, start + seg.offset, end + seg.offset)
    if len(text[start:end].split()) < 3:
        return []
    attribution = _attribution(seg, source, None, finder)
    cue = text[sent.start_char + seg.offset + k : source.start_char + seg.offset].strip()
    quote = _quote(text, seg, start, end, "indirect", attribution.speaker, attribution)
    return [Quote(quote.start, quote.end, quote.text, quote.kind, quote.speaker, cue or None,
                  quote.language)]  # fmt: skip


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


@cache
def _stop_words(language: str) -> frozenset[str]:
    return frozenset(spacy.util.get_lang_class(language).Defaults.stop_words)


def _trim_content(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,;:\n":
        start += 1
    while end > start and text[end - 1] in " ,;:.\n—-":
        end -= 1
    return start, end


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _quote(
    text: str, seg: AnnotatedSegment, start: int, end: int, kind: QuoteKind, speaker: Speaker,
    attribution: Attribution | None,
) -> Quote:  # fmt: skip
    verb = attribution.cue if attribution else None
    if verb is None:
        return Quote(start, end, text[start:end], kind, speaker, None, seg.segment.language)
    cue_start = verb.idx + seg.offset
    return Quote(start, end, text[start:end], kind, speaker, verb.text, seg.segment.language,
                 cue_start, cue_start + len(verb.text))  # fmt: skip


# 4. -- social posts and continuation -----------------------------------------------------

_POST = re.compile(
    r"(?m)^(?P<post>[^\n]{10,}?)\s*[—–-]\s*(?P<name>[^\n(@]{2,60}?)\s*\((?P<handle>@\w{1,30})\)"
    r"\s*(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})\s*$"
)


def _social_posts(
    text: str, finder: SpeakerFinder, segments: Sequence[AnnotatedSegment]
) -> list[Quote]:
    out = []
    for m in _POST.finditer(text):
        start, end = _trim_content(text, m.start("post"), m.end("post"))
        speaker = finder.speaker(m.start("name"), m.end("name"), _language_at(segments, start))
        if speaker.kind == "unknown":
            speaker = Speaker(speaker.text, "person", speaker.start, speaker.end, speaker.local)
        out.append(Quote(start, end, text[start:end], "direct", speaker,
                         f"posted {m.group('handle')} {m.group('date')}",
                         _language_at(segments, start)))  # fmt: skip
    return out


_LABELLED = re.compile(r"(?m)^(?P<source>[^\n:]{2,60}?):[ \t]+(?P<content>\S[^\n]*?)\s*$")


def _labelled_lines(
    text: str, finder: SpeakerFinder, segments: Sequence[AnnotatedSegment]
) -> list[Quote]:
    """ "Graham: Trump Is Destroying the Party" — a headline or transcript line's speaker."""
    out = []
    for m in _LABELLED.finditer(text):
        start, end = _trim_content(text, m.start("content"), m.end("content"))
        source = m.group("source")
        if len(source.split()) > MAX_LABEL_WORDS or len(text[start:end].split()) < 3:
            continue
        if not _names_someone(text, m.start("source"), m.end("source"), finder.mentions):
            continue
        start, end, kind = _labelled_kind(text, start, end)
        language = _language_at(segments, start)
        speaker = finder.speaker(m.start("source"), m.end("source"), language)
        out.append(Quote(start, end, text[start:end], kind, speaker, ":", language))
    return out


def _names_someone(text: str, start: int, end: int, mentions: Sequence[Mention]) -> bool:
    """A label that is mostly a name: a mention, or a transcript's capitals ("TAPPER")."""
    label = text[start:end].strip()
    named = sum(m.end - m.start for m in mentions if start <= m.start and m.end <= end)
    if named * 2 >= len(label):
        return True
    return (
        label.isupper()
        and len(label.split()) <= 2
        and any(
            m.text.upper().split()[-1:] == label.split()[-1:]
            for m in mentions
            if m.label == "PERSON"
        )
    )


def _labelled_kind(text: str, start: int, end: int) -> tuple[int, int, QuoteKind]:
    """A labelled line that is all quotation is direct (marks left out); else indirect."""
    inner = find_direct(text[start : end + 1])
    if len(inner) == 1 and inner[0][0] <= 2 and inner[0][1] >= end - start - 2:
        return start + inner[0][0], start + inner[0][1], "direct"
    return start, end, "mixed" if inner else "indirect"


def _language_at(segments: Sequence[AnnotatedSegment], pos: int) -> str:
    for seg in segments:
        if seg.segment.start <= pos < seg.segment.end:
            return seg.segment.language
    return segments[0].segment.language if segments else "und"


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    """One quote per span: a direct quote wins over an indirect clause covering the same text."""
    kept: list[Quote] = []
    rank = {"direct": 0, "mixed": 1, "indirect": 2}
    for q in sorted(quotes, key=lambda q: (rank[q.kind], q.speaker.text is None, q.start)):
        clash = any(k.start < q.end and q.start < k.end for k in kept)
        if not clash or (q.kind == "mixed" and _covers(q, kept)):
            if q.kind == "mixed":
                kept = [k for k in kept if not (q.start <= k.start and k.end <= q.end)]
            kept.append(q)
    return kept


def _covers(q: Quote, kept: list[Quote]) -> bool:
    return all(
        q.start <= k.start and k.end <= q.end for k in kept if k.start < q.end and q.start < k.end
    )


def _continue_speakers(quotes: list[Quote], text: str) -> list[Quote]:
    """An unattributed direct quote continues the speaker of the attributed quote before it:
    as a sentence of its own or a part of that quote's sentence in the same paragraph, or as
    the whole of the next paragraph.

    A quote inside another sentence of the writer's has that sentence's subject for speaker,
    whom it could not be told from. Paragraphs are counted by line breaks, as in
    ``_paragraph_bounds``.
    """
    out: list[Quote] = []
    for q in quotes:
        prev = out[-1] if out else None
        if (
            q.kind == "direct" and q.speaker.kind == "unknown" and q.speaker.text is None
            and prev is not None and prev.speaker.text is not None
            and _follows(text, prev, q)
        ):  # fmt: skip
            q = Quote(q.start, q.end, q.text, q.kind, prev.speaker, q.cue, q.language,
                      q.cue_start, q.cue_end)  # fmt: skip
        out.append(q)
    return out


_PARAGRAPH_BREAK = re.compile(r"\n\s*")


def _follows(text: str, prev: Quote, q: Quote) -> bool:
    """Whether ``q`` is in the paragraph of ``prev`` or opens the one right after it."""
    breaks = len(_PARAGRAPH_BREAK.findall(text, prev.end, q.start))
    if breaks == 0:  # a sentence of its own, or a part of the sentence of ``prev``
        return _opens_sentence(text, q.start) or not _FULL_STOP.search(text, prev.end, q.start)
    return breaks == 1 and _opens_paragraph(text, q.start)


#: A full stop ending a sentence, not an initial's or a short title's ("J.", "Mr.").
_FULL_STOP = re.compile(r"(?<![A-Z])(?<![A-Z][a-z])[.!?]\s")


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the quote at ``start`` opens a sentence or follows a colon."""
    return text[:start].rstrip("“”\"'‘«„").rstrip()[-1:] in ("", ".", "?", "!", ":")


def _opens_paragraph(text: str, start: int) -> bool:
    """Whether only quotation marks stand between the quote at ``start`` and its line start."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip("“”\"'‘’«„ \t")


def _join_interrupted(quotes: list[Quote], text: str) -> list[Quote]:
    """“A,” she said. “B.” is one quote of hers broken by its attribution, as news writes it."""
    out: list[Quote] = []
    for q in quotes:
        prev = out[-1] if out else None
        if prev is not None and _interrupts(prev, q, text):
            q = Quote(prev.start, q.end, text[prev.start : q.end], "direct", prev.speaker,
                      prev.cue, prev.language, prev.cue_start, prev.cue_end)  # fmt: skip
            out.pop()
        out.append(q)
    return out


def _interrupts(first: Quote, second: Quote, text: str) -> bool:
    """Whether the text between two direct quotes is only the first one's attribution."""
    gap = text[first.end : second.start]
    return (
        first.kind == second.kind == "direct"
        and first.cue_start is not None
        and first.end <= first.cue_start < second.start
        and second.cue_start in (None, first.cue_start)
        and "\n" not in gap
        and len(gap.split()) <= MAX_INTERRUPTION_WORDS
    )
