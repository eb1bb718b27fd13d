"""Direct quotes: quotation marks, dialogue dashes, and the verb or clause that attributes them."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from spacy.tokens import Span, Token

from ..annotate import AnnotatedSegment
from ..entities import LABEL_MAP
from ..records import Quote, Speaker
from .common import (
    FRAME_CHARS,
    HANDED_BACK,
    MAX_LABEL_WORDS,
    MAX_TITLE_WORDS,
    MIN_WORDS_WITHOUT_CUE,
    NOMINAL_POS,
    NULL_SUBJECT_LANGUAGES,
    OPENERS,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    Attribution,
    _inside,
    _is_cue,
    _is_fragment,
    _length,
    _list,
    _looks_like_a_name,
    _paragraph_bounds,
    _quote,
    _sentence_at,
    _stop_words,
)
from .indirect import _according_to, _clause_of
from .speakers import (
    SpeakerFinder,
    _attribution,
    _implied_attribution,
    _is_parsed,
    _opens,
    _speaker_span,
    document_phrase,
    role_key,
)


def find_direct(text: str) -> list[tuple[int, int]]:
    """Content spans (without marks) of quoted passages, outermost only."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        mark = _opening_mark(text, i) or _closer_for_opener(text, i)
        if mark is not None:
            end = _closing(text, i, mark)
            if end is not None and end > i + len(mark):
                spans.append((i + len(mark), end))
                i = end + len(_CLOSERS[mark])
                continue
        i += 1
    return spans


#: The closing mark of each opening one, and of a closing "”" written for the opening “.
_CLOSERS = {**OPENERS, "”": "”"}


def _closer_for_opener(text: str, i: int) -> str | None:
    """A "”" written where a quote opens (”Mr. Ferrer embodies … .” ― Name): after a space
    or a paragraph's start, before a capital, with its own "”" closing it in the paragraph."""
    if text[i] != "”" or (i and not text[i - 1].isspace()):
        return None
    after = text[i + 1 : i + 2]
    if not (after.isupper() or after in ("¿", "¡")):
        return None
    para_end = text.find("\n\n", i)
    para_end = len(text) if para_end == -1 else para_end
    return "”" if _find_closer(text, i + 1, para_end, "”") is not None else None


def _opening_mark(text: str, i: int) -> str | None:
    """The quotation mark opening a quote at ``i``, if one does."""
    mark = text[i : i + 2] if text.startswith("''", i) else text[i]
    if mark not in OPENERS:
        return None
    before = text[i - 1] if i else " "
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if mark in "‘'" and before.isalpha():
        return None  # an apostrophe
    opens = not after.isspace() and (
        before.isspace() or before in "([—–-:,"
        or (before in ".!?" and (after.isupper() or after in "¿¡"))  # 'demás."Cuidémonos'
    )  # fmt: skip
    return mark if opens else None


def _closing(text: str, i: int, mark: str) -> int | None:
    """Index of the closing mark, following a quote over paragraphs when it continues."""
    pos = i + len(mark)
    while True:
        para_end = text.find("\n\n", pos)
        para_end = len(text) if para_end == -1 else para_end
        j = _find_closer(text, pos, para_end, mark)
        if j is not None:
            return j
        nxt = para_end + 2
        if nxt < len(text) and text.startswith(mark, nxt):  # the quote goes on
            pos = nxt + len(mark)
            continue
        if _broken_sentence(text, para_end, nxt):  # a line break in mid-sentence
            pos = nxt
            continue
        return para_end if para_end - i > 20 else None  # unbalanced: end with the paragraph


def _broken_sentence(text: str, para_end: int, nxt: int) -> bool:
    """Whether a paragraph break falls inside a sentence: the paragraph ends with a word or
    a comma and the next one goes on in lower case ("tomemos decisiones\n\nacertadas")."""
    last = text[:para_end].rstrip()[-1:]
    first = text[nxt:].lstrip(" \t")[:1]
    return (last.isalpha() or last == ",") and first.islower()


#: Closing marks a quote opened with another may end with, when they stand where a quote
#: ends (after a word, before a space or punctuation): “We will win," he said; "Ganamos“,
#: dijo (an opening mark written for the closing one).
_MIXED_CLOSERS = {"“": '"', '"': "”“"}


def _find_closer(text: str, start: int, end: int, mark: str) -> int | None:
    closer, mixed = _CLOSERS[mark], _MIXED_CLOSERS.get(mark)
    for j in range(start, end):
        if text.startswith(closer, j) and (closer not in "’'" or not _between_letters(text, j)):
            return j
        if mixed and text[j] in mixed and _closes_here(text, j):
            return j
    return None


def _closes_here(text: str, j: int) -> bool:
    after = text[j + 1 : j + 2]
    return j > 0 and not text[j - 1].isspace() and (not after or not after.isalnum())


def _between_letters(text: str, j: int) -> bool:
    return 0 < j < len(text) - 1 and text[j - 1].isalpha() and text[j + 1].isalpha()


#: Spanish dialogue: "—Content —dijo X—. More content", the aside and what follows it
#: optional. Each part runs to the end of its line or to the next aside's dash.
_DIALOGUE = re.compile(
    r"(?m)^—(?=\S)(?P<said>[^—\n]+?)(?:\s—(?=\w)(?:(?P<aside>[^—\n]+)—[.,;:]?[ \t]+"
    r"(?P<more>[^—\n]*[^—\s])(?=[ \t]*$|\s—\w))?|$)"
)


def find_dialogue(text: str) -> list[tuple[int, int, int, tuple[int, int] | None]]:
    """Spanish dialogue: ``—Content —dijo X—. More content``; (content start, content
    end, frame start, the span of what the speaker goes on to say after the aside)."""
    found = []
    for m in _DIALOGUE.finditer(text):
        frame = m.start("aside") if m.group("aside") else m.end()
        more = (m.start("more"), m.end("more")) if m.group("more") else None
        found.append((m.start("said"), m.end("said"), frame, more))
    return found


#: A one-word answer in quotation marks right after its cue verb and a comma or colon:
#: "Salas said, “Probably.”", "respondió: «No»".
_ANSWER = re.compile(r"\b(?P<verb>[^\W\d_]+)[,:]\s*$")


def _answer_after_cue(text: str, start: int, end: int, language: str) -> bool:
    """Whether a one-word quote is an answer: a capitalised word ending in a full stop,
    a question or exclamation mark, right after a speech verb and a comma or colon."""
    word = text[start:end].strip()
    if not (word[:1].isupper() and word.rstrip("”\"'’»")[-1:] in ".!?"):
        return False
    before = text[max(0, start - 40) : start].rstrip("“\"'‘«„ ")
    match = _ANSWER.search(before)
    return match is not None and match["verb"].lower() in _list(language, "speech_verbs")


def _direct_quote(
    text: str, seg: AnnotatedSegment, start: int, end: int, finder: SpeakerFinder, *,
    quoted: list[tuple[int, int]],
) -> Quote | None:  # fmt: skip
    words = re.findall(r"[^\W\d_]{2,}", text[start:end])
    language = seg.segment.language
    answer = len(words) == 1 and _answer_after_cue(text, start, end, language)
    if len(words) < 2 and not answer:
        return None  # "(R," and the like: initials and labels, not speech
    if _is_fragment(text, start, end) and not answer:
        return None  # a phrase quoted inside the writer's sentence: at most part of a mixed quote
    if _is_title(words) and _names_a_work(text, start, language):
        return None  # his book “Crippled America: How to Make America Great Again”
    attribution = _attribute(text, seg, start, end, finder, quoted=quoted)
    if attribution is None or attribution.speaker.text is None:  # "the letter reads: “…”"
        attribution = _document_attribution(text, seg, start, end, finder) or attribution
    if attribution is None or attribution.speaker.text is None:  # a short clause may name one
        named = (
            _intro_attribution(text, start, finder, language)
            or _trailing_attribution(text, end, finder, language)
            or _dash_attribution(text, end, finder, language)
            or _colon_attribution(text, start, end, finder, language)
        )
        if named is not None:
            attribution = Attribution(named.speaker, attribution.cue if attribution else None)
    if attribution is None or attribution.speaker.text is None:  # "Continuó: “…”"
        verb = _bare_intro_verb(text, seg, start, language)
        if verb is not None:
            attribution = _implied_attribution(seg, verb, finder, quoted)
    if attribution is None or attribution.speaker.text is None:  # "X fue tajante: “…”"
        attribution = _colon_clause_attribution(text, seg, start, finder, quoted) or attribution
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


def _verb_and_speaker(language: str) -> tuple[str, str, str]:
    """The language code with patterns, and its verb and speaker patterns."""
    code = language if language in _INTRO_VERB else "en"
    return code, _INTRO_VERB[code], rf"(?P<who>{_NAME}|{_INTRO_PRONOUN[code]})"


@cache
def _intro_pattern(language: str) -> re.Pattern[str]:
    code, verb, who = _verb_and_speaker(language)
    return re.compile(
        rf"(?:^|[.!?]\s+|[”\"’'»],?\s+){_INTRO_LEAD[code]}"
        rf"(?:{who}(?:,[^,:\n]{{3,80}},)?\s+(?:(?:then|luego)\s+)?(?:{verb})"
        rf"|[A-ZÁÉÍÓÚ][a-záéíóú]+(?:ed|ó)\s+(?P<inverted>{_NAME}))\s*[:,]\s*$"
    )


#: A speech verb alone before a colon, opening its sentence, perhaps after a function word:
#: Spanish "Continuó: “…”", "Y detalló: “…”".
_BARE_INTRO = re.compile(
    r"(?:^|[.!?]\s+)(?:(?P<lead>[A-ZÁÉÍÓÚÑ][a-záéíóúñ]*),?\s+)?"
    r"(?P<verb>[A-ZÁÉÍÓÚÑa-záéíóúñ][a-záéíóúñ]+)\s*:\s*$"
)


def _bare_intro_verb(text: str, seg: AnnotatedSegment, start: int, language: str) -> Token | None:
    """The verb of an intro with no subject ("Agregó: “…”"), in a language that leaves
    subjects unsaid: its speaker is the subject before it (see ``_implied_attribution``)."""
    if language not in NULL_SUBJECT_LANGUAGES:
        return None
    left, before = _words_before(text, start)
    found = _BARE_INTRO.search(before)
    if found is None or found["verb"].lower() not in _list(language, "speech_verbs"):
        return None
    if found["lead"] and found["lead"].lower() not in _stop_words(language):
        return None  # "Ferrer detalló:": a subject, read by the intro pattern
    if not found["lead"] and not found["verb"][0].isupper():
        return None
    at = left + found.start("verb") - seg.offset
    span = seg.doc.char_span(at, at + len(found["verb"]), alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


#: The most words of a role before the name that opens an unparsed sentence: "El
#: exalcalde", "La fiscal general".
MAX_ROLE_WORDS = 3


def _colon_clause_attribution(
    text: str, seg: AnnotatedSegment, start: int, finder: SpeakerFinder,
    quoted: list[tuple[int, int]],
) -> Attribution | None:  # fmt: skip
    """The subject of the clause that hands over to a quote with a colon, whatever its verb
    ("Ibarra was blunt: “…”", "Ferrer se refirió al puerto: “…”"); in a language that
    leaves subjects unsaid, the one its verb continues ("Luego criticó el plan: “…”").
    Where the sentence was not parsed, or its parse has no verb before the colon, a person
    or organisation's name opening it, perhaps after a role ("El exalcalde Ruperto Salas
    hizo una propuesta: “…”", "Boluarte: “…”")."""
    left, before = _words_before(text, start)
    if not before.endswith(":"):
        return None
    colon = left + len(before) - 1
    sent = _sentence_at(seg.doc, colon - seg.offset)
    if sent is None:
        return None
    root = sent.root
    at = root.idx + seg.offset
    named = root.pos_ == "PROPN" or any(m.start <= at < m.end for m in finder.mentions)
    if _is_parsed(sent) and at < colon and not named:  # "[Rosendo] Calixto sobre …:", a verb
        if _inside(at, quoted):
            return None
        subject = _speaker_span(root)
        if subject is None:  # the verb of "fue tajante" is its copula
            verb = next((c for c in root.children if c.dep_ == "cop"), root)
            attribution = _implied_attribution(seg, verb, finder, quoted)
            return attribution if attribution.speaker.text is not None else None
        if subject.start_char + seg.offset >= colon or _is_bare_copula(root, colon - seg.offset):
            return None  # "The first line of the speech was: “…”": what it was, not who
        return Attribution(_attribution(seg, subject, root, finder).speaker, None)
    opening = next((m for m in finder.mentions if m.label in ("PERSON", "ORG")
                    and sent.start_char + seg.offset <= m.start < colon), None)  # fmt: skip
    if opening is None:
        return None
    first = sent.start_char + seg.offset
    role = text[first : opening.start].strip()  # "[El exalcalde] Ruperto Salas hizo …: “…”"
    if _opens(sent, opening.start - seg.offset):
        first = opening.start
    elif not (len(role.split()) <= MAX_ROLE_WORDS and role_key(role, seg.segment.language)):
        return None
    speaker = finder.speaker(first, opening.end, seg.segment.language)
    return Attribution(speaker, None)


def _is_bare_copula(verb: Token, colon: int) -> bool:
    """Whether a clause before a colon ends on its copula, the quote after it being what its
    subject is: "The first line of the speech was: “…”", "La frase fue: «…»"."""
    return verb.lower_ in _list(verb.doc.lang_, "copulas") and not any(
        c.dep_ not in ("nsubj", "punct", "advmod", "aux", "neg") and c.i > verb.i
        and c.idx < colon
        for c in verb.children
    )  # fmt: skip


def _intro_attribution(
    text: str, start: int, finder: SpeakerFinder, language: str
) -> Attribution | None:
    """The speaker named by a short clause that introduces the quote right after it, in its
    paragraph or closing the one before with a colon ("Ibarra continued:")."""
    left, before = _words_before(text, start)
    return _named(_intro_pattern(language).search(before), left, finder, language)


def _words_before(text: str, start: int) -> tuple[int, str]:
    """Where the frame of a quote starting at ``start`` begins, and its words up to the
    quote without the opening marks: what an intro clause is looked for in."""
    left = _frame_bounds(text, start, start)[0]
    return left, text[left:start].rstrip("“\"'‘«„ \n")


def _named(
    match: re.Match[str] | None, offset: int, finder: SpeakerFinder, language: str
) -> Attribution | None:
    """The speaker an intro or trailing clause names (``offset``: where the match's text
    starts in the article)."""
    if match is None:
        return None
    group = "who" if match.groupdict().get("who") else "inverted"
    if match[group].lower() in _stop_words(language) - PRONOUNS:
        return None  # "Y detalló:": a conjunction, not a name
    speaker = finder.speaker(offset + match.start(group), offset + match.end(group), language)
    return Attribution(speaker, None)


@cache
def _document_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The clause of a written text that introduces a quote ("Ibarra's statement read:",
    "The letter reads:") and the one that follows it ("…,” the letter reads.", "…»,
    señala el comunicado."), parse-free like ``_intro_pattern``."""
    verbs = "|".join(re.escape(v) for v in sorted(_list(language, "document_verbs"), key=len))
    owner = rf"(?:(?P<owner>{_NAME})[’']s?\s+(?=[a-z]))?"
    document = rf"(?P<doc>{owner}(?i:{document_phrase(language)}))"
    intro = re.compile(rf"(?:^|[.!?]\s+|[”\"’'»],?\s+){document}\s+(?P<verb>{verbs})\s*[:,]?\s*$")
    trailing = re.compile(
        rf"^[”\"’'»]*,?\s+(?:{document}\s+(?P<verb>{verbs})"
        rf"|(?P<inverted>{verbs})\s+(?P<after>(?i:{document_phrase(language)})))(?=[,.;])"
    )
    return intro, trailing


def _document_attribution(
    text: str, seg: AnnotatedSegment, start: int, end: int, finder: SpeakerFinder
) -> Attribution | None:
    """The author of a written text that speaks the quote: "Ibarra's statement read: “…”",
    "“…,” the letter reads." The owner named in the clause speaks; else the text, which
    ``SpeakerFinder`` resolves to the author the article names."""
    language = seg.segment.language
    intro, trailing = _document_patterns(language)
    left, before = _words_before(text, start)
    match, offset = intro.search(before), left
    if match is None:
        right = _paragraph_bounds(text, end, end)[1]
        match, offset = trailing.search(text[end:right]), end
    if match is None:
        return None
    inverted = match.groupdict().get("inverted")
    group = "after" if inverted else "owner" if match["owner"] else "doc"
    speaker = finder.speaker(offset + match.start(group), offset + match.end(group), language)
    verb = "inverted" if inverted else "verb"
    cue = seg.doc.char_span(offset + match.start(verb) - seg.offset,
                            offset + match.end(verb) - seg.offset)  # fmt: skip
    return Attribution(speaker, cue[0] if cue is not None and len(cue) == 1 else None)


#: Spaces within a line, the no-break space included.
_SPACE = r"[^\S\n]*"


#: A byline after a quote: “…” — Name, “…” ― Name. (the quotation dash), or “…” — Name,
#: the mayor of Tepalcingo.
_DASH_NAME = re.compile(
    rf"[”\"’'»]?{_SPACE}\n?{_SPACE}[—–―]{_SPACE}(?P<who>{_NAME})(?={_SPACE}(?:,|\(|\.?{_SPACE}$))",
    re.M,
)


def _dash_attribution(
    text: str, end: int, finder: SpeakerFinder, language: str
) -> Attribution | None:
    """The speaker named after a dash right behind the quote's closing mark."""
    match = _DASH_NAME.match(text, end)
    if match is None or not _looks_like_a_name(match.group("who")):
        return None
    return _named(match, 0, finder, language)


#: A headline's speaker after its quote: “…”: Name, or “…”: Name, the mayor of Tepalcingo.
_COLON_NAME = re.compile(r"[”\"’'»]?[ \t]*:[ \t]*(?P<who>[^\W\d_][^,\n:;.!?]*?)[ \t]*(?:,[^\n]*)?$",
                         re.M)  # fmt: skip


def _colon_attribution(
    text: str, start: int, end: int, finder: SpeakerFinder, language: str
) -> Attribution | None:
    """The speaker a headline names after its quote and a colon ("“…”: Vergara", "«…»:
    papa Francisco"): the quote opens its line, and the words after the colon, up to a
    comma, are a short name or role, not a sentence of their own ("«…»: así es la picadura")."""
    line_start = text.rfind("\n", 0, start) + 1
    match = _COLON_NAME.match(text, end)
    if match is None or text[line_start:start].strip("“\"'‘«„ \t"):
        return None
    who = match.group("who")
    if len(who.split()) > MAX_LABEL_WORDS:
        return None
    who_start, who_end = match.span("who")
    inside = [m for m in finder.mentions if who_start <= m.start and m.end <= who_end]
    named = sum(m.end - m.start for m in inside if m.label in ("PERSON", "ORG"))
    if named * 2 < len(who) and not _looks_like_a_name(who) and role_key(who, language) is None:
        return None
    return _named(match, 0, finder, language)


@cache
def _trailing_pattern(language: str) -> re.Pattern[str]:
    _, verb, who = _verb_and_speaker(language)
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
    named = _named(_trailing_pattern(language).search(text[end:right]), end, finder, language)
    if named is not None:
        return named
    described = _described_trailing_pattern(language).search(text[end:right])
    if described is None or role_key(described["inverted"], language) is None:
        return None
    return _named(described, end, finder, language)


@cache
def _described_trailing_pattern(language: str) -> re.Pattern[str]:
    """ "“…”, disparó [el primer mandatario argentino].": after any verb of the trailing
    clause's form, a definite description, which must name a role."""
    _, verb, _ = _verb_and_speaker(language)
    articles = "|".join(sorted(_list(language, "definite_articles"), key=len, reverse=True))
    return re.compile(
        rf"^[”\"’'»]*,?\s+(?:{verb})\s+(?P<inverted>(?i:{articles})\s+[^\W\d][^,.;:!?\n]{{2,60}}?)"
        rf"(?=[,.;!?])"
    )


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
        max(0, start - off - FRAME_CHARS), min(_length(seg), end - off + FRAME_CHARS),
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
        if _next_to_quote(text, t, off, start, end) and not _reports_own_clause(t, off, quoted)
    ]  # fmt: skip
    if not cues:
        return _unquoted_source(seg, start, finder, quoted)
    verb = min(cues, key=lambda t: min(abs(t.idx + off - start), abs(t.idx + off - end)))
    subject = _speaker_span(verb)
    if subject is None or _inside(subject.root.idx + off, quoted):
        subject = _words_after_quote(verb, off, quoted, seg.segment.language)  # a misparse
    elif subject.end_char + off <= start and HANDED_BACK.fullmatch(text, end, verb.idx + off):
        # "La ley no frenó el acoso, “…”, señalan [fuentes policiales]": the verb right
        # after the quote speaks it, by the words after it, not the sentence's subject
        subject = _words_after_quote(verb, off, quoted, seg.segment.language) or subject
    if subject is None:
        return _implied_attribution(seg, verb, finder, quoted)
    return _attribution(seg, subject, verb, finder)


def _words_after_quote(
    verb: Token, offset: int, quoted: list[tuple[int, int]], language: str
) -> Span | None:
    """The speaker written between a quote and its verb ("“…,” Ibarra, the mayor, said"),
    or right after the verb that follows a quote ("“…,” said a person close to her")."""
    doc, sent = verb.doc, verb.sent
    text, base = sent.text, sent.start_char  # doc.text would join every token of the doc
    ends = [e - offset - base for _, e in quoted if sent.start_char <= e - offset <= verb.idx]
    if not ends or not _hands_over(text, max(ends)):
        return None  # none, or a phrase quoted inside the writer's sentence: “excellent” results
    gap = _AFTER_QUOTE.fullmatch(text, max(ends), verb.idx - base)
    if gap is None:
        return None
    between = gap.group(1) or ""
    if between and not all(w in _list(language, "object_clitics") for w in between.lower().split()):
        words = doc.char_span(gap.start(1) + base, gap.end(1) + base, alignment_mode="contract")
        return words if _names_before_its_verb(words, language) else None
    first = verb.i + 1  # "“…”, le dice [a BBC Mundo] Joel Bollo": who is told is no speaker
    if first < sent.end and doc[first].lower_ in _list(language, "recipient_markers"):
        first = next((t.i for t in doc[first : sent.end] if t.ent_iob_ == "B"
                      and LABEL_MAP.get(t.ent_type_) == "PERSON" and t.i > first + 1),
                     sent.end)  # fmt: skip
    rest = doc[first : sent.end]
    words = doc[first : next((t.i for t in rest if _ends_a_name(t)), sent.end)]
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
    or a clause or an adverbial after a comma (", referring to …", ", who added …", ", al
    tiempo que cuestionó …", ", after …")."""
    return (
        token.text in (".", "!", "?", ";", ":", "“", '"', "«")
        or "\n" in token.text
        or (token.nbor(-1).text == "," and token.pos_ in ("VERB", "AUX", "ADP", "SCONJ"))
        or (token.nbor(-1).text == "," and token.lower_ in RELATIVE_PRONOUNS)
    )


def _unquoted_source(
    seg: AnnotatedSegment, start: int, finder: SpeakerFinder, quoted: list[tuple[int, int]]
) -> Attribution | None:
    """The "according to" source of the quote's sentence, unless the quote holds it: the
    speaker's own source ("“… according to royal laws …”") is not the speaker."""
    sent = _sentence_at(seg.doc, start - seg.offset)
    found = _according_to(sent, seg.segment.language) if sent is not None else None
    if found is None or _inside(found[1].start_char + seg.offset, quoted):
        return None
    return _attribution(seg, found[1], None, finder)


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


def _next_to_quote(text: str, verb: Token, offset: int, start: int, end: int) -> bool:
    """Whether a verb's sentence ends right where the quote begins or begins right where it
    ends (``start``, ``end``: article characters): “…” He added, “…”; he said. “…”"""
    sent_start, sent_end = verb.sent.start_char + offset, verb.sent.end_char + offset
    marks = " \n“”\"'‘’«»„"
    if sent_end <= start:
        return not text[sent_end:start].strip(marks)
    return sent_start < end or not text[end:sent_start].strip(marks)


def _reports_own_clause(verb: Token, offset: int, quoted: list[tuple[int, int]]) -> bool:
    """Whether a verb governs a clause that is no quote: "He said [he would stay]"."""
    clause = _clause_of(verb)
    if clause is None:
        return False
    first, last = clause.start_char + offset, clause.end_char + offset
    return not any(s < last and first < e for s, e in quoted)


def _frame_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The quote's paragraph, from the paragraph before when that one introduces it with a colon.

    "Cruz continued:\n\n“You look at the questions …”" is attributed across the paragraph break.
    """
    left, right = _paragraph_bounds(text, start, end)
    intro = text[:left].rstrip()
    if left == 0 or text[left:start].strip("“\"'‘«„ ") or not intro.endswith(":"):
        return left, right
    return _paragraph_bounds(text, len(intro) - 1, len(intro))[0], right


def _dialogue_quote(
    text: str, seg: AnnotatedSegment, start: int, end: int, frame: int, finder: SpeakerFinder,
    more: tuple[int, int] | None = None,
) -> Quote:  # fmt: skip
    after = seg.doc.char_span(frame - seg.offset, min(_length(seg), frame - seg.offset + 80),
                              alignment_mode="expand")  # fmt: skip
    cues = [t for t in after if _is_cue(t, seg.segment.language)] if after is not None else []
    attribution = None
    if cues and (subject := _speaker_span(cues[0])) is not None:
        attribution = _attribution(seg, subject, cues[0], finder)
    speaker = attribution.speaker if attribution else Speaker(None, "unknown")
    quote = _quote(text, seg, start, end, "direct", speaker, attribution)
    if more is None:
        return quote
    end = more[1]  # "—A —dijo X—. B": one quote of X's in two parts
    return replace(quote, end=end, text=text[start:end], parts=((start, quote.end), more))


def _is_title(words: list[str]) -> bool:
    """Whether quoted words read as a title or a headline: short, and their longer words
    all capitalised ("An American Son", "So, That Happened") or all in capitals."""
    longer = [w for w in words if len(w) > 3]
    if not longer or len(words) > MAX_TITLE_WORDS:
        return False
    return all(w[0].isupper() for w in longer) and (len(longer) > 1 or words[0].isupper())


def _names_a_work(text: str, start: int, language: str) -> bool:
    """Whether the words right before a quote introduce a title: "his 2012 book, “…”"."""
    before = re.findall(r"[\w-]+", text[max(0, start - 40) : start].lower())[-3:]
    return bool(set(before) & _list(language, "title_nouns"))
