"""The quotes of an article put together: one quote per span, speakers continued over
quote paragraphs, and quotes broken by their attribution joined."""

from __future__ import annotations

import re
from dataclasses import replace

from ..records import Quote
from .common import MAX_INTERRUPTION_WORDS


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


def _without_source_descriptions(quotes: list[Quote]) -> list[Quote]:
    """Drop what an anonymous speaker's description says: "an official [who asked for
    anonymity]" is who speaks, not a quote about anonymity. ("X, who opposed the wall,
    said …" keeps both: a named speaker's description can report a stance of theirs.)"""
    spans = [(q.speaker.start, q.speaker.end) for q in quotes
             if q.speaker.start is not None and q.speaker.kind == "anonymous"]  # fmt: skip
    return [
        q for q in quotes
        if q.cue_start is None or not any(s < q.cue_start < e and q.end <= e for s, e in spans if e)
    ]  # fmt: skip


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
            and (_follows(text, prev, q) or _bare_intro_after(text, prev, q))
        ):  # fmt: skip
            q = replace(q, speaker=prev.speaker)
        out.append(q)
    return out


_PARAGRAPH_BREAK = re.compile(r"\n\s*")

#: The most words an intro with no subject may have: "Y detalló:", "Luego agregó:".
MAX_BARE_INTRO_WORDS = 3


def _bare_intro_after(text: str, prev: Quote, q: Quote) -> bool:
    """Whether ``q`` is introduced by its cue verb alone, with no subject found ("Y detalló:
    “…”"), opening the paragraph of ``prev`` or the next one: the verb goes on with the
    speaker before."""
    if q.cue_start is None or len(_PARAGRAPH_BREAK.findall(text, prev.end, q.start)) > 1:
        return False
    line_start = max(text.rfind("\n", 0, q.start) + 1, prev.end)
    intro = text[line_start : q.start].strip(" “”\"'‘«„")
    words = intro.rstrip(":").split()
    return (
        intro.endswith(":") and 0 < len(words) <= MAX_BARE_INTRO_WORDS
        and line_start <= q.cue_start < q.start
    )  # fmt: skip


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
    return not re.sub(r"[“”\"'‘’«„\s]", "", text[line_start:start])


def _join_interrupted(quotes: list[Quote], text: str) -> list[Quote]:
    """“A,” she said. “B.” is one quote of hers broken by its attribution, as news writes it.

    The joined quote spans both fragments; its ``parts`` are the fragments, without the
    attribution between them (a third fragment extends the parts of the first two).
    """
    out: list[Quote] = []
    for q in quotes:
        inside = _inside_attribution(out, q)
        prev = out[-1 - len(inside)] if len(out) > len(inside) else None
        if prev is not None and _interrupts(prev, q, text):
            q = replace(prev, end=q.end, text=text[prev.start : q.end], parts=prev.spans + q.spans)
            del out[-1 - len(inside)]
        out.append(q)
    return sorted(out, key=lambda q: q.start)


def _inside_attribution(out: list[Quote], q: Quote) -> list[Quote]:
    """The indirect quotes at the end of ``out`` that the attribution before ``q`` holds:
    “A,” she said, [referring to the vote]. “B.” They stay quotes of their own."""
    inside: list[Quote] = []
    for k in reversed(out):
        if k.kind == "direct" or k.end > q.start:
            break
        inside.append(k)
    return inside


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
        and not _holds_a_sentence(gap.strip(" ”\"'’“«»"))
    )


#: A full stop after a word in lower case, followed by more words. Stricter than
#: ``_FULL_STOP``, which takes "Rev." or "Del." for a sentence's end: an attribution often
#: holds such a title ("said the Rev. Peter Wherry"), and a join is only undone for sure.
_SENTENCE_GOES_ON = re.compile(r"(?<![\w.’'-])[a-z][\w’'-]*[.!?]\s+\S")


def _holds_a_sentence(gap: str) -> bool:
    """Whether the attribution between two quotes goes on with a sentence of the writer's
    ("“A,” she said. Critics disagree. “B.”")."""
    return bool(_SENTENCE_GOES_ON.search(gap))


#: What may stand between a reported clause and the quoted words that go on with it in its
#: sentence: quote marks, a comma and one conjunction ("is “a big problem” but “nobody …”").
_CONTINUING_GAP = re.compile(r"[ “”\"'‘’«»,]*(?:(?:but|and|or|pero|y|e|o|ni) +)?[ “\"'‘«]*")


def _join_continued_clauses(quotes: list[Quote], text: str) -> list[Quote]:
    """A reported clause and the quoted words that go on with it in the same sentence are
    one mixed quote: "blamed the media for focusing on “he said this, he tweeted that.”",
    "said that fraud is “a big problem” but “nobody has the guts to talk about it.”"."""
    out: list[Quote] = []
    for q in quotes:
        prev = out[-1] if out else None
        if (
            prev is not None and prev.kind in ("indirect", "mixed") and q.kind == "direct"
            and prev.end <= q.start and q.cue_start in (None, prev.cue_start)
            and q.speaker.text in (None, prev.speaker.text)
            and _CONTINUING_GAP.fullmatch(text, prev.end, q.start) is not None
            and not text[: prev.end].rstrip(" “”\"'‘’«»").endswith((".", "!", "?"))
        ):  # fmt: skip
            out[-1] = replace(prev, kind="mixed", end=q.end, text=text[prev.start : q.end])
            continue
        out.append(q)
    return out
