"""Embedded social posts and labelled lines ("Graham: …")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..annotate import AnnotatedSegment
from ..records import Mention, Quote, QuoteKind, Speaker
from .common import MAX_LABEL_WORDS, _trim_content
from .direct import find_direct
from .speakers import SpeakerFinder

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
