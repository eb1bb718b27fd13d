"""Embedded social posts and labelled lines ("Graham: …")."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache

from ..annotate import AnnotatedSegment
from ..entities import LIST_ITEM_NUMBER
from ..records import Mention, Quote, QuoteKind, Speaker
from .common import MAX_LABEL_WORDS, OPENERS, _list, _tokens, _trim_content
from .direct import find_direct
from .speakers import SpeakerFinder, person_named, role_key

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
        language = _language_at(segments, start)
        speaker = finder.speaker(m.start("name"), m.end("name"), language)
        if speaker.kind == "unknown":
            speaker = Speaker(speaker.text, "person", speaker.start, speaker.end, speaker.local)
        out.append(Quote(start, end, text[start:end], "direct", speaker,
                         f"posted {m.group('handle')} {m.group('date')}", language))  # fmt: skip
    return out


_ITEM_NUMBER = rf"[ \t]*{LIST_ITEM_NUMBER}"


_LABELLED = re.compile(
    rf"(?m)^(?P<item>{_ITEM_NUMBER})?(?P<source>[^\n:]{{2,60}}?):[ \t]+(?P<content>\S[^\n]*?)\s*$"
)


def _labelled_lines(
    text: str, finder: SpeakerFinder, segments: Sequence[AnnotatedSegment]
) -> list[Quote]:
    """ "Graham: Trump Is Destroying the Party" — a headline or transcript line's speaker.

    An item of a numbered list ("1.- Ferrer: “…”") is a labelled line after its number
    when what follows its label opens with a quotation mark: a list's items otherwise name
    a topic, a step or a term before their colon ("3) Tercera fase: …")."""
    out = []
    found = list(_LABELLED.finditer(text))
    labels = [m.span("source") for m in found]
    uses = Counter(text[s:e].strip().casefold() for s, e in labels)
    for m in found:
        start, end = _trim_content(text, m.start("content"), m.end("content"))
        source = m.group("source")
        if len(text[start:end].split()) < 3:
            continue
        if m.group("item") and text[start] not in OPENERS:
            continue  # a list of topics, steps or definitions: "3) Tercera fase: …"
        language = _language_at(segments, m.start("source"))
        who_start, who_end = _speaker_of_label(text, m.start("source"), m.end("source"), language)
        if len(text[who_start:who_end].split()) > MAX_LABEL_WORDS:
            continue  # the speaker's words alone: "Luis Abinader sobre la tragedia del puerto"
        start, end, kind = _labelled_kind(text, start, end)
        if not _names_someone(text, who_start, who_end, finder) and not (
            kind == "direct" and role_key(text[who_start:who_end], language) is not None
        ):  # a role speaks a quotation: "El obispo de Tepalcingo: “…”"
            continue
        repeated = uses[source.strip().casefold()] > 1
        if not _is_speaker_label(text, who_start, who_end, finder.mentions, labels,
                                 repeated or kind == "direct", language):  # fmt: skip
            continue
        speaker = finder.speaker(who_start, who_end, language)
        if speaker.local is None:  # "Salas: …", a surname the model did not tag
            local = person_named(speaker.text or "", finder.entities)
            if local is not None:
                speaker = Speaker(speaker.text, "person", who_start, who_end, local)
        out.append(Quote(start, end, text[start:end], kind, speaker, ":", language))
    return out


#: A headline's claim with its source after a colon, as the Mexican press writes them: "No
#: habrá cortes de agua este verano: Teodoro Quiroga".
_SOURCED_HEADLINE = re.compile(
    r"\A[^\S\n]*(?P<content>[^\n]+?)[^\S\n]*:[^\S\n]+(?P<source>[^\n:]{2,60}?)[^\S\n]*\.?[^\S\n]*"
    r"(?:\n|\Z)"
)


def _sourced_headline(
    text: str, finder: SpeakerFinder, segments: Sequence[AnnotatedSegment], taken: Sequence[Quote]
) -> list[Quote]:
    """The claim of a headline whose source follows it after a colon ("No habrá cortes de
    agua este verano: Teodoro Quiroga"). The source is mostly the name of a person, or of
    an organisation the article names again below. The claim is a clause, with a verb
    ("Personaje del año: Teodoro Quiroga" names no claim): the annotation parses a
    headline with a colon for this. A headline whose label before the colon speaks
    (``_labelled_lines``), or whose claim is all quotation (a direct quote's), is left
    to those."""
    m = _SOURCED_HEADLINE.match(text)
    if m is None or any(q.start < m.end() for q in taken):
        return []
    s, e = m.span("source")
    start, end = _trim_content(text, *m.span("content"))
    language = _language_at(segments, s)
    start, end, kind = _labelled_kind(text, start, end)
    if (
        kind == "direct"
        or len(text[start:end].split()) < 3
        or len(text[s:e].split()) > MAX_LABEL_WORDS
        or not _is_named_source(text, s, e, m.end(), finder.mentions, language)
        or not any(t.pos_ in ("VERB", "AUX") for seg in segments for t in _tokens(seg, start, end))
    ):
        return []
    speaker = finder.speaker(s, e, language)
    return [Quote(start, end, text[start:end], kind, speaker, ":", language)]


def _is_named_source(
    text: str, start: int, end: int, below: int, mentions: Sequence[Mention], language: str
) -> bool:
    """Whether a headline's source is mostly a person's name, or an organisation's that the
    article names again after ``below``; no heading ("…: FOTOS", "…: EN VIVO")."""
    label = text[start:end].strip()
    if _opens_with_a_heading(_label_words(label), language):
        return False
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    if sum(m.end - m.start for m in inside if m.label == "PERSON") * 2 >= len(label):
        return True
    again = {m.local for m in mentions if m.start >= below}
    return any(
        m.label == "ORG" and (m.end - m.start) * 2 >= len(label) and m.local in again
        for m in inside
    )


def _speaker_of_label(text: str, start: int, end: int, language: str) -> tuple[int, int]:
    """The speaker's words of a label: the words before a topic marker in a headline's
    "Abinader sobre el proceso: “…”" or "Graham on the deal: “…”"
    (``lang/*/topic_markers.txt``), else the whole label."""
    match = _topic_pattern(language).match(text, start, end)
    return (start, match.end("who")) if match else (start, end)


@cache
def _topic_pattern(language: str) -> re.Pattern[str]:
    markers = sorted(_list(language, "topic_markers"), key=len, reverse=True)
    alternation = "|".join(re.escape(m) for m in markers) or "(?!)"
    return re.compile(rf"(?P<who>\S.*?\S)\s+(?i:{alternation})\s+\S")


#: Marks that open a list item or a bullet point, never a speaker's label.
_BULLETS = "-–—•·*>►▪"


def _is_speaker_label(
    text: str, start: int, end: int, mentions: Sequence[Mention],
    labels: Sequence[tuple[int, int]], speaks: bool, language: str,
) -> bool:  # fmt: skip
    """Whether a line's label is someone speaking, not a heading, a section or a topic.

    A label is no speaker when it opens with a bullet or a dash ("- Sector medio: …"), with
    a heading word (``lang/*/heading_words.txt``: "Caso Odebrecht: …", "Última hora: …") or
    a furniture label (``non_speaker_labels.txt``), or when it holds a speech verb ("Tuiteó:
    …", "Embarek dijo: …", whose sentence attributes the quote). Else it speaks when the
    caller says so (``speaks``: it labels several lines, a transcript's turns, or a line all
    in quotation marks), when it is a transcript's capitals with no name tagged in it
    ("TAPPER"), when it is mostly a person's name that is no day or month ("Odilia
    Cárdenas: …", not "Lunes Santo: …"), or when a person or organisation it names is named
    by the article outside every label too, as the same entity or in a name holding the
    label's ("El Chapo" in "El Chapo Guzmán"): a topic heading ("Inteligencia Artificial y
    big data: …") names nothing the article goes on to talk about as someone.
    """
    label = text[start:end].strip()
    words = _label_words(label)
    if not words or label[:1] in _BULLETS or _opens_with_a_heading(words, language):
        return False
    if set(words) & _list(language, "speech_verbs"):
        return False
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    if speaks or not inside:
        return True  # or capitals that _names_someone matched to a person of the article
    person = sum(m.end - m.start for m in inside if m.label == "PERSON")
    calendar = _list(language, "weekdays") | _list(language, "months")
    if person * 2 >= len(label) and not set(words) & calendar:
        return True  # "Odilia Cárdenas: …", not "Lunes Santo: …"
    named = {m.local for m in inside if m.label in ("PERSON", "ORG")}
    names = [m.text.casefold() for m in inside]
    return any(
        (
            m.local in named
            or (m.label in ("PERSON", "ORG") and any(n in m.text.casefold() for n in names))
        )
        and not any(s <= m.start < e for s, e in labels)
        for m in mentions
    )


def _label_words(label: str) -> list[str]:
    return re.findall(r"[\w.’'-]+", label.casefold())


def _opens_with_a_heading(words: list[str], language: str) -> bool:
    """Whether a label's words open with a heading word or a label of page furniture
    (``heading_words.txt``, ``non_speaker_labels.txt``): "Caso Odebrecht", "FOTOS"."""
    openers = {" ".join(words[:n]) for n in range(1, len(words) + 1)}
    return bool(
        openers & (_list(language, "heading_words") | _list(language, "non_speaker_labels"))
    )


def _names_someone(text: str, start: int, end: int, finder: SpeakerFinder) -> bool:
    """A label that is mostly a name: a mention, or a person of the article that the model
    did not tag there, by the surname: a transcript's capitals ("TAPPER"), a headline's
    "Salas: …"."""
    label = text[start:end].strip()
    named = sum(m.end - m.start for m in finder.mentions if start <= m.start and m.end <= end)
    if named * 2 >= len(label):
        return True
    words = label.split()
    return (
        len(words) <= 2
        and all(w[:1].isupper() for w in words)
        and person_named(label, finder.entities) is not None
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
