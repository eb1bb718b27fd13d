"""Transcripts: paragraphs that open with a speaker's label and a colon.

"FERRER: Well, …", "Q: …" / "A: …", "P: …" / "R: …", and the same wrapped in the quotation
mark that opens every paragraph of a long quote ("“LEMUS: Do you …"). Each turn is a
direct quote of the paragraph after its label, spoken by the label; an answer's label ("A",
"R", ``lang/<code>/answer_labels.txt``) is the interviewee's, the person the article names
most before the interview. A turn goes on, as one quote in several parts, over the
paragraphs after it up to the next turn: those that open with the quotation mark the turn
opened with, and those without a label that are not the writer's prose about the speakers
(a paragraph that opens with a speaker's name, or names one and speaks in no first or
second person). After the last turn, only the paragraphs in a row that speak in the first
or second person go on with it, and none when there are more of them than a turn's gap. A
heading, a stage direction, a label of page furniture or another voice's turn ("((WN)) …",
"QWhat …") ends a turn.

A label is conservative: at most three words at a paragraph's start, all in capitals (a
surname "FERRER", "ODALYS FERRER") or capitalised, or one of the interview labels of
``lang/<code>/interview_labels.txt`` ("Q", "P", "PREGUNTA"). Labels of page furniture
("NOTE", "UPDATE", "Editor's note") are listed in ``non_speaker_labels.txt`` and never
speak, nor does a place ("NEW DELHI: …", a dateline). A turn stands in a transcript: a
run of labelled paragraphs with only their continuations or stage directions ("(LAUGHTER)")
between them, where a label speaks twice, names a person of the article or is an
interview's. A capitalised label ("Ferrer: …") must name a person of the article. A label
alone ("FERRER: …" over an article) is a headline's, left to ``posts._labelled_lines``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..annotate import AnnotatedSegment
from ..entities import gpe_names, name_key
from ..records import LocalEntity, Mention, Quote, Speaker
from .common import OPENERS, _list, _tokens, _trim_content
from .direct import find_direct
from .posts import _language_at
from .speakers import SpeakerFinder, person_named

#: Most paragraphs between two turns of one transcript (continuations, stage directions).
MAX_TURN_GAP = 8


#: Most words before a speaker's name that opens a paragraph of prose about them, as its
#: subject with its titles ("Former first lady Ana Ferrer said …", "El senador Lemus …").
MAX_WORDS_BEFORE_SUBJECT = 3


#: Longest word with a full stop in a label: an abbreviation ("SEN.", "Gov.", "U.S.").
MAX_ABBREVIATION = 4


#: A label and its colon at a paragraph's start, after any opening quotation mark: one to
#: three words of letters ("ODALYS FERRER", "SEN. FERRER", "Q"; not "PD1").
_LABEL = re.compile(
    r"(?P<mark>[“\"«„]?)[^\S\n]*"
    r"(?P<label>[^\W\d_](?:[^\W\d_]|[.’'-])*(?:[^\S\n]+[^\W\d_](?:[^\W\d_]|[.’'-])*){0,2})"
    r"[^\S\n]*:[^\S\n]+(?=\S)"
)


#: A paragraph that is all a stage direction: "(CROSSTALK)", "[Laughter.]"; or that opens
#: with a bracketed label, another voice's turn ("((WN)) What prompted …"); or that has no
#: word at all, a cut ("…."). Each ends the turn before it without ending the transcript.
_STAGE_DIRECTION = re.compile(
    r"[“\"«„]?[^\S\n]*(?:[(\[][^\n]*[)\]][.”\"»]*[^\S\n]*"
    r"|[(\[]+[^\W\d_]+[)\]]+[^\S\n].*|[^\w\n]*)"
)


#: The end of a sentence, at a paragraph's end: a paragraph without one is a heading or a
#: caption ("PLAZOS FIJOS", "—Ana Ferrer"), not a turn's words.
_SENTENCE_END = re.compile(r"[.!?…;][”\"»’')\]]*[^\S\n]*\Z")


@dataclass(frozen=True, slots=True)
class Turn:
    """One turn of a transcript: its label, its colon and the spans of what it says."""

    label: tuple[int, int]
    colon: int
    parts: tuple[tuple[int, int], ...]
    interview: bool  # a "Q" or "A" label, which names no one
    interviewee: int | None = None  # the local entity who speaks an answer's label ("A")


@dataclass(frozen=True, slots=True)
class _Paragraph:
    start: int
    end: int
    label: re.Match[str] | None  # the label's match, when it is a candidate label
    kind: str  # "interview", "capitals", "capitalised", "stage", "heading", "label" or "text"


def find_turns(
    text: str,
    segments: Sequence[AnnotatedSegment],
    mentions: Sequence[Mention],
    entities: Sequence[LocalEntity],
) -> list[Turn]:
    """The transcript turns of an article, in text order."""
    paragraphs = [_paragraph(text, m.start(), m.end(), segments, mentions)
                  for m in re.finditer(r"[^\n]+", text) if m.group().strip()]  # fmt: skip
    candidates = [i for i, p in enumerate(paragraphs) if p.label is not None]
    if len(candidates) < 2:
        return []  # a label alone is a headline's, not a transcript's
    people = _named_outside_labels(paragraphs, mentions, entities)
    named = {i: person_named(_label(paragraphs[i]), people) for i in candidates}
    for i in [i for i in candidates if _names_itself(paragraphs[i], named[i], mentions)]:
        paragraphs[i] = replace(paragraphs[i], label=None, kind="label")
        candidates.remove(i)
        del named[i]
    interviewee = _interviewee(paragraphs, mentions, people)
    speakers = {k for k in (*named.values(), interviewee) if k is not None}
    voices = [_voice(text, p, segments, mentions, speakers) for p in paragraphs]
    names = {i: k is not None for i, k in named.items()}
    turns: list[Turn] = []
    for block in _blocks(text, paragraphs, candidates, voices):
        transcript = len(block) > 1 and _is_transcript(paragraphs, block, names)
        for n, i in enumerate(block):
            para = paragraphs[i]
            if para.kind == "capitalised" and not names[i]:
                continue
            if transcript:
                turn = _turn(text, paragraphs, i, block[n + 1 : n + 2], voices)
                turns.append(_answered_by(turn, paragraphs[i], segments, interviewee))
    return turns


def _named_outside_labels(
    paragraphs: list[_Paragraph], mentions: Sequence[Mention], entities: Sequence[LocalEntity]
) -> list[LocalEntity]:
    """The entities the article names outside the labels: a label the model took for a name
    ("Pros") names no one by itself."""
    labels = [p.label.span("label") for p in paragraphs if p.label is not None]
    named = {m.local for m in mentions if not any(s <= m.start < e for s, e in labels)}
    return [e for e in entities if e.index in named]


def _label(paragraph: _Paragraph) -> str:
    return paragraph.label["label"] if paragraph.label is not None else ""


def _names_itself(para: _Paragraph, person: int | None, mentions: Sequence[Mention]) -> bool:
    """Whether a labelled paragraph names its label's person after the label, as a section
    about them does ("Ana Ferrer: Tolls. Senator Ana Ferrer wants …"), and a turn does not."""
    if para.label is None or person is None:
        return False
    return any(m.local == person and para.label.end() <= m.start < para.end for m in mentions)


def _interviewee(
    paragraphs: list[_Paragraph], mentions: Sequence[Mention], people: list[LocalEntity]
) -> int | None:
    """The person an interview is with: of those the article names before the first question
    or answer label, the one it names most often there (and, between equals, in all), if no
    other is named as often."""
    first = next((p.start for p in paragraphs if p.kind == "interview"), None)
    if first is None:
        return None
    persons = {e.index for e in people if e.label == "PERSON"}
    before = Counter(m.local for m in mentions if m.start < first and m.local in persons)
    overall = Counter(m.local for m in mentions if m.local in before)
    ranked = sorted(((before[k], overall[k]), k) for k in before)
    if not ranked or (len(ranked) > 1 and ranked[-1][0] == ranked[-2][0]):
        return None
    return ranked[-1][1]


def _voice(
    text: str, para: _Paragraph, segments: Sequence[AnnotatedSegment],
    mentions: Sequence[Mention], speakers: set[int],
) -> str:  # fmt: skip
    """Whose voice an unlabelled paragraph reads in, outside its quotations: "prose" when it
    opens with a speaker of the transcript ("Ferrer has served …"), "speech" when it speaks in
    the first or second person ("I", "you", "podríamos"), "prose" when it names a speaker
    without that, else ""."""
    if para.label is not None or para.kind != "text":
        return ""
    own = _outside_quotes(text[para.start : para.end])
    named = [
        m.start - para.start
        for m in mentions
        if m.local in speakers
        and para.start <= m.start < para.end
        and not own[m.start - para.start].isspace()
    ]
    if any(len(own[:k].split()) <= MAX_WORDS_BEFORE_SUBJECT for k in named):
        return "prose"
    if _speaks_in_person(own, para.start, segments):
        return "speech"
    return "prose" if named else ""


def _outside_quotes(paragraph: str) -> str:
    """A paragraph with what it quotes blanked out: someone else's words, not its voice."""
    chars = list(paragraph)
    for start, end in find_direct(paragraph):
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _speaks_in_person(own: str, start: int, segments: Sequence[AnnotatedSegment]) -> bool:
    """Whether words outside quotations are in the first or second person: a pronoun of
    ``lang/*/first_second_person.txt``, or a verb whose morphology says so."""
    language = _language_at(segments, start)
    listed = _list(language, "first_second_person")
    for w in re.findall(r"[^\W\d_]+(?:[’'][^\W\d_]+)?", own):
        if w.casefold().replace("’", "'") in listed and not (len(w) > 1 and w.isupper()):
            return True
    return any(
        not own[t.idx + seg.offset - start].isspace()
        and t.pos_ in ("VERB", "AUX")
        and set(t.morph.get("Person", [])) & {"1", "2"}
        for seg in segments
        for t in _tokens(seg, start, start + len(own))
    )


def _blocks(
    text: str, paragraphs: list[_Paragraph], candidates: list[int], voices: list[str]
) -> list[list[int]]:
    """The labelled paragraphs in runs: each joined to the one before it (see ``_joined``)."""
    blocks: list[list[int]] = []
    for i in candidates:
        if blocks and _joined(text, paragraphs, blocks[-1][-1], i, voices):
            blocks[-1].append(i)
        else:
            blocks.append([i])
    return blocks


def _is_transcript(paragraphs: list[_Paragraph], block: list[int], names: dict[int, bool]) -> bool:
    """Whether a run of labelled paragraphs is a transcript: a label speaks twice, names a
    person of the article, or is an interview's; not a form's fields ("TITULAR:", "OBJETO:")."""
    keys = [name_key(_label(paragraphs[i])) for i in block]
    return (
        len(set(keys)) < len(keys)
        or any(names[i] for i in block)
        or any(paragraphs[i].kind == "interview" for i in block)
    )


def _paragraph(
    text: str, start: int, end: int, segments: Sequence[AnnotatedSegment],
    mentions: Sequence[Mention],
) -> _Paragraph:  # fmt: skip
    """A paragraph, with its label when it opens with one that may be a speaker's."""
    if _STAGE_DIRECTION.fullmatch(text, start, end) or _glued_label(text, start, segments):
        return _Paragraph(start, end, None, "stage")
    m = _LABEL.match(text, start, end)
    if m is None:
        return _unlabelled(text, start, end)
    label, language = m["label"], _language_at(segments, start)
    if _is_furniture(label, language):
        return _Paragraph(start, end, None, "stage")  # "NOTE: …", "VIDEO: …" ends a turn
    if _is_place(m, mentions):
        return _Paragraph(start, end, None, "label")
    key, words = label.casefold(), label.split()
    if any(len(w) > MAX_ABBREVIATION and "." in w for w in words):
        return _unlabelled(text, start, end)  # a sentence's end: "… Square. Image:"
    if not re.search(r"[^\W\d_]{2}", text[m.end() : end]):
        return _Paragraph(start, end, None, "label")  # "MERVAL: 4,2%": a figure, not speech
    if key in _list(language, "interview_labels") and (len(label) > 1 or label.isupper()):
        return _Paragraph(start, end, m, "interview")
    if len(label) > 1 and label.isupper():
        return _Paragraph(start, end, m, "capitals")
    if len(label) > 1 and all(w[0].isupper() for w in words):
        return _Paragraph(start, end, m, "capitalised")
    return _unlabelled(text, start, end)


def _glued_label(text: str, start: int, segments: Sequence[AnnotatedSegment]) -> bool:
    """Whether a paragraph opens with a one-letter interview label glued to its first word,
    its colon lost ("QWhat would have happened?", "P¿Qué opina?"): another voice's turn."""
    first, after = text[start : start + 1], text[start + 1 : start + 3]
    listed = _list(_language_at(segments, start), "interview_labels")
    return (
        first.isupper()
        and first.casefold() in listed
        and len(after) == 2
        and (after[0] in "¿¡" or (after[0].isupper() and after[1].islower()))
    )


def _unlabelled(text: str, start: int, end: int) -> _Paragraph:
    """A paragraph without a speaker's label: a heading when no sentence ends it."""
    kind = "text" if _SENTENCE_END.search(text, start, end) else "heading"
    return _Paragraph(start, end, None, kind)


def _is_furniture(label: str, language: str) -> bool:
    """Whether a label is page furniture ("NOTE", "Editor's note"), or ends in a word of it
    as a photo credit does ("Ana Ferrer Photo", "Ana FerrerPhoto" glued by a scraper)."""
    listed = _list(language, "non_speaker_labels")
    key = label.casefold().replace("’", "'")
    words = re.sub(r"(?<=[a-z])(?=[A-Z][a-z])", " ", label).casefold().split()
    return key in listed or (len(words) > 1 and words[-1] in listed)


def _is_place(label: re.Match[str], mentions: Sequence[Mention]) -> bool:
    """Whether a label is a place, as a dateline is ("NEW DELHI: The government …")."""
    start, end = label.span("label")
    return name_key(label["label"]) in gpe_names() or any(
        m.label in ("GPE", "LOC") and m.start <= start and end <= m.end for m in mentions
    )


def _joined(
    text: str, paragraphs: list[_Paragraph], first: int, last: int, voices: list[str]
) -> bool:
    """Whether two labelled paragraphs belong to one transcript: near each other, with only
    stage directions between them, or the first one's continuations: paragraphs that open
    with its quotation mark, or unlabelled ones that are not the writer's prose about the
    speakers."""
    between = range(first + 1, last)
    if len(between) > MAX_TURN_GAP:
        return False
    mark = _mark(paragraphs[first])
    return all(
        paragraphs[k].kind == "stage"
        or _continues(text, paragraphs[k], mark)
        or (paragraphs[k].kind == "text" and voices[k] != "prose")
        for k in between
    )


def _mark(paragraph: _Paragraph) -> str:
    return paragraph.label["mark"] if paragraph.label is not None else ""


def _continues(text: str, paragraph: _Paragraph, mark: str) -> bool:
    """Whether a paragraph goes on with the turn before it: it opens with the quotation mark
    the turn opened with, as each paragraph of a long quote does."""
    return bool(mark) and paragraph.kind == "text" and text.startswith(mark, paragraph.start)


def _turn(
    text: str, paragraphs: list[_Paragraph], i: int, following: list[int], voices: list[str]
) -> Turn:
    """The turn of labelled paragraph ``i``: its words after the label, and its continuations
    up to the next labelled paragraph (``following``) when that one is in the transcript,
    else those that speak in the first or second person (see ``_trailing``)."""
    para = paragraphs[i]
    assert para.label is not None
    mark = para.label["mark"]
    parts = [_unquoted(text, *_content(text, para.label.end(), para.end, mark))]
    if following and _joined(text, paragraphs, i, following[0], voices):
        more = range(i + 1, following[0])
    else:
        more = _trailing(paragraphs, i, voices)
    for k in more:
        if paragraphs[k].kind == "stage":
            break
        skip = len(mark) if text.startswith(mark, paragraphs[k].start) else 0
        parts.append(_content(text, paragraphs[k].start + skip, paragraphs[k].end, mark))
    interview = para.kind == "interview"
    return Turn(para.label.span("label"), para.label.end("label"), tuple(parts), interview)


def _trailing(paragraphs: list[_Paragraph], i: int, voices: list[str]) -> range:
    """The paragraphs after the last turn of a transcript that go on with it: those in a row
    that speak in the first or second person, up to the first that does not (the article's
    prose, a heading, a stage direction) or the article's end. More of them than
    ``MAX_TURN_GAP`` are a text of their own (a column in the first person), none the turn's."""
    end = i + 1
    while end < len(paragraphs) and voices[end] == "speech":
        end += 1
    return range(i + 1, end) if end - i - 1 <= MAX_TURN_GAP else range(0)


def _answered_by(
    turn: Turn, para: _Paragraph, segments: Sequence[AnnotatedSegment], interviewee: int | None
) -> Turn:
    """An answer's turn ("A: …", "R: …") with the interviewee who speaks it."""
    if not turn.interview or interviewee is None:
        return turn
    language = _language_at(segments, para.start)
    if _label(para).casefold() not in _list(language, "answer_labels"):
        return turn
    return replace(turn, interviewee=interviewee)


def _content(text: str, start: int, end: int, mark: str) -> tuple[int, int]:
    """A paragraph's words from ``start``, without the mark that closes its quote."""
    end = len(text[start:end].rstrip()) + start
    if mark and text[start:end].endswith(OPENERS[mark]):
        end -= len(OPENERS[mark])
    return _trim_content(text, start, end)


def _unquoted(text: str, start: int, end: int) -> tuple[int, int]:
    """A turn's words without the quotation marks around them all ("R: “No.”")."""
    closer = OPENERS.get(text[start : start + 1])
    if closer is None or end - start < 3 or text[end - 1] != closer:
        return start, end
    if closer in text[start + 1 : end - 1]:
        return start, end  # “A,” she said, “B.”: two quotes, not one
    return _trim_content(text, start + 1, end - 1)


def turn_quotes(
    text: str,
    turns: Sequence[Turn],
    finder: SpeakerFinder,
    segments: Sequence[AnnotatedSegment],
) -> list[Quote]:
    """Each turn as a direct quote of its label, the colon its cue."""
    out = []
    for turn in turns:
        start, end = turn.parts[0][0], turn.parts[-1][1]
        language = _language_at(segments, start)
        speaker = _label_speaker(turn, finder, language)
        parts = turn.parts if len(turn.parts) > 1 else ()
        out.append(Quote(start, end, text[start:end], "direct", speaker, ":", language,
                         turn.colon, turn.colon + 1, parts))  # fmt: skip
    return out


def _label_speaker(turn: Turn, finder: SpeakerFinder, language: str) -> Speaker:
    """A turn's speaker, a person: the article's person its label names, if any; an
    interview's label ("Q") names no one."""
    start, end = turn.label
    words = finder.text[start:end]
    if turn.interview:
        return Speaker(words, "person", start, end, turn.interviewee)
    local = person_named(words, finder.entities)
    if local is None:
        named = finder.speaker(start, end, language)
        local = named.local if named.kind == "person" else None
    return Speaker(words, "person", start, end, local)


def masked(text: str, turns: Sequence[Turn]) -> str:
    """The text with the paragraphs of every turn blanked out, for the scan of quotation
    marks: a turn is a quote already, and its opening mark must not open another."""
    if not turns:
        return text
    chars = list(text)
    for turn in turns:
        for start, end in ((turn.label[0], turn.parts[0][1]), *turn.parts[1:]):
            left = text.rfind("\n", 0, start) + 1
            right = text.find("\n", end)
            for k in range(left, len(text) if right == -1 else right):
                chars[k] = " "
    return "".join(chars)


def overlaps_a_turn(quote: Quote, turns: Sequence[Turn]) -> bool:
    """Whether a quote shares characters with a turn, from its label to its end."""
    return any(quote.start < t.parts[-1][1] and t.label[0] < quote.end for t in turns)
