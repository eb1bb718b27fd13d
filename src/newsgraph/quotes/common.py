"""Words, limits and small helpers shared by the quote finders."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.tokens import Doc, Span, Token

from .. import lang
from ..annotate import PAIR_GAP_WORDS, AnnotatedSegment
from ..records import Quote, QuoteKind, Speaker

#: Only a closing mark and a comma between a quote and the verb right after it: "“…”,
#: señalan …", "“…,” said …".
HANDED_BACK = re.compile(r"[”\"’'»]*\s*,\s*")

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


#: Quoted words in title case are a title (a book, a show, a headline) up to this length.
MAX_TITLE_WORDS = 12


#: Characters around a direct quote searched for its attribution.
FRAME_CHARS = 160


#: An indirect clause around a direct quote is a mixed quote only with this many own words.
MIN_FRAME_WORDS = 3


#: Most words between two parts of one quote broken by its attribution (“A,” she said. “B.”).
#: A speaker's description can be long ("said X, an economist who served as director of …
#: and is now president of …, a … group."); a second sentence of the writer's ends the join
#: whatever its length (``assemble._holds_a_sentence``).
MAX_INTERRUPTION_WORDS = 40


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

#: Languages whose finite verbs often leave their subject unsaid: "Indicó que …" ("[She]
#: indicated that …"). A cue verb there with no subject speaks for the one before it.
NULL_SUBJECT_LANGUAGES = frozenset({"es"})


PASSIVE_SUBJECT_DEPS = {"nsubjpass", "nsubj:pass"}


#: A cue verb with these relations to its head shares the head's subject: "X said … and
#: added …", "…, saying …", "X was quoted as saying …".
CHAINED_DEPS = {"conj", "advcl", "xcomp"}


RELATIVE_DEPS = {"relcl", "acl"}


#: Pronouns that stand for several: never one person ("Analysts say … They also said").
PLURAL_PRONOUNS = {"they", "ellos", "ellas"}

RELATIVE_PRONOUNS = {"who", "which", "that", "que", "quien", "quienes", "cual"}


#: Languages whose parse often leaves a relative pronoun the subject of a verb outside any
#: relative clause ("un gobernador que ha sugerido … y que reconoce"): the pronoun is then
#: resolved to its antecedent. The English parse marks its relative clauses ``relcl``.
MISSED_RELATIVE_LANGUAGES = frozenset({"es"})


#: A clause hanging from a noun cue: "the claim [that …]", "a pledge [to …]".
CLAUSE_OF_NOUN_DEPS = {"acl", "ccomp", "relcl", "appos"}


#: Objects that are a date or time say when something was said, not what.
WHEN_LABELS = {"DATE", "TIME"}


#: Word lists whose entries (words or phrases) mark a sentence that needs a parse: every
#: pattern that reads ``pos_``, ``dep_`` or the tree is triggered by a word of one of them.
PARSE_CUE_LISTS: tuple[str, ...] = (
    "speech_verbs",
    "stance_verbs",
    "stance_adjectives",
    "cue_nouns",
    "according_to",
    "as_verbs",
)


@cache
def _list(language: str, name: str) -> frozenset[str]:
    return lang.words(language if lang.words(language, name) else "en", name)


def _is_finite(verb: Token) -> bool:
    """A verb form that has a subject of its own: by its morphology where the model gives
    it, else by its ending (``lang/*/nonfinite_endings.txt``: "dijo", not "diciendo")."""
    form = verb.morph.get("VerbForm", [])
    if form:
        return "Fin" in form
    if verb.tag_ in NONFINITE_TAGS:
        return False  # "gaining" (VBG) where the annotation left the morphology out
    return not verb.lower_.endswith(tuple(_list(_language(verb), "nonfinite_endings")))


#: Penn Treebank tags of verb forms with no subject of their own: "to [say]", "[saying]",
#: "[said] by".
NONFINITE_TAGS = frozenset({"VB", "VBG", "VBN"})


@dataclass(slots=True)
class Attribution:
    speaker: Speaker
    cue: Token | None


def _is_cue(token: Token, language: str) -> bool:
    """A verb that reports speech or thought and governs what was said: "said that …"."""
    return token.lower_ in _list(language, "speech_verbs") and _is_verb(token)


def _is_verb(token: Token) -> bool:
    """A verb, or a word tagged as a noun that the parse gives a subject and a clause, as
    only a verb has them: "Trump [claims] that he should be the exception" (tagged NNS)."""
    return token.pos_ in ("VERB", "AUX") or (
        token.pos_ == "NOUN"
        and any(c.dep_ == "nsubj" for c in token.children)
        and any(c.dep_ == "ccomp" and c.i > token.i for c in token.children)
    )


def _is_stance(token: Token, language: str) -> bool:
    """A verb whose object says what its subject holds: "criticized the plan", "talked about"."""
    return token.pos_ in ("VERB", "AUX") and (
        token.lower_ in _list(language, "stance_verbs") or token.lower_ in _phrase_verbs(language)
    )


@cache
def _phrase_verbs(language: str) -> frozenset[str]:
    """The verbs of the stance list's verb + preposition entries ("talked" of "talked about")."""
    return frozenset(e.split()[0] for e in _list(language, "stance_verbs") if " " in e)


def _marker(clause: Token, words: frozenset[str]) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in words for c in clause.children)


def _language(token: Token) -> str:
    return str(token.doc.lang_)


def _right(token: Token) -> int:
    return token.right_edge.i


def _is_listed_pair(cue: Token, marker: Token, language: str, name: str) -> bool:
    """Whether "cue marker" is a two-word entry of a cue list, found in a parsed sentence.

    The annotation stage parses a sentence when it holds a cue-list entry: the two words
    must stand together, or for a verb with up to ``PAIR_GAP_WORDS`` words between them
    ("spoke out Tuesday about"), unless the cue word alone is an entry ("warned [us] of")."""
    if f"{cue.lower_} {marker.lower_}" not in _list(language, name):
        return False
    near = 0 < marker.i - cue.i <= (PAIR_GAP_WORDS + 1 if cue.pos_ == "VERB" else 1)
    return near or cue.lower_ in _parse_trigger_words(language)


@cache
def _cue_words(language: str) -> frozenset[str]:
    """Every word that can be a cue: one-word entries and the first word of the others."""
    lists = (_list(language, name) for name in PARSE_CUE_LISTS)
    return frozenset(e.split()[0] for entries in lists for e in entries)


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


def _looks_like_a_name(words: str) -> bool:
    """Two to four capitalised words, an initial among them but last: "Oscar P. Quintero"."""
    parts = words.split()
    return (
        2 <= len(parts) <= 4
        and all(p[:1].isupper() and (p[1:2].islower() or p[1:] == ".") for p in parts)
        and parts[-1][1:] != "."
    )


def name_low(name: str) -> str:
    return name.lower().strip()


def _strip_article(text: str) -> str:
    return re.sub(r"^(the|el|la|los|las)\s+", "", text.strip())


def _opens_utterance(text: str, start: int) -> bool:
    """Whether the quote at ``start`` begins a paragraph, a sentence or what follows a colon."""
    before = _MARKS_AND_SPACES_BEFORE.sub("", text[:start])
    return not before or before.endswith(("\n", ":", ".", "?", "!", ","))


#: Quotation marks and spaces of any kind (a no-break space too), not line breaks, at the end.
_MARKS_AND_SPACES_BEFORE = re.compile(r"(?:[“”\"'‘«„]|[^\S\n])+\Z")


def _length(seg: AnnotatedSegment) -> int:
    """The length of a segment's doc text, without building ``doc.text`` (a join of all
    its tokens each time it is read)."""
    return seg.segment.end - seg.segment.start


def _paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph around ``text[start:end]``: a line break ends one, as normalized text
    keeps none inside a paragraph and some archives break paragraphs with one newline."""
    left = text.rfind("\n", 0, start)
    right = text.find("\n", end)
    return (0 if left == -1 else left + 1, len(text) if right == -1 else right)


def _sentence_at(doc: Doc, char: int) -> Span | None:
    """The sentence holding a character of the doc (``doc.sents`` would walk them all)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0].sent if span is not None and len(span) else None


def _words_start(token: Token) -> int:
    """The first word of a token's subtree, after any punctuation it opens with."""
    i = token.left_edge.i
    while i < token.i and token.doc[i].is_punct:
        i += 1
    return i


def _is_fragment(text: str, start: int, end: int) -> bool:
    words = re.findall(r"[^\W\d_]{2,}", text[start:end])
    return len(words) < MIN_WORDS_FRAGMENT and not _opens_utterance(text, start)


@cache
def _stop_words(language: str) -> frozenset[str]:
    return frozenset(spacy.util.get_lang_class(language).Defaults.stop_words)


def _trim_content(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.—-"):
        end -= 1
    return start, end


def _tokens(seg: AnnotatedSegment, start: int, end: int) -> Span | tuple[()]:
    """The tokens of a segment between two article offsets."""
    lo, hi = max(start, seg.segment.start) - seg.offset, min(end, seg.segment.end) - seg.offset
    span = seg.doc.char_span(lo, hi, alignment_mode="contract") if lo < hi else None
    return span if span is not None else ()


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
