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
5. Transcript turns ("FERRER: …", "Q: …", "P: …") are direct quotes of their label.

Content spans exclude the quotation marks (the convention of PolNeAR and PARC).

Modules: ``direct`` (quotation marks and what attributes them), ``indirect`` (what cue
verbs, nouns and adjectives report), ``speakers`` (subjects, typed and resolved),
``posts`` (social posts, labelled lines), ``transcripts`` (turns of interviews and
debates), ``assemble`` (one quote per span, continued speakers, joined fragments) and
``common`` (word lists, limits, helpers). Cue words are data: ``lang/<code>/*.txt``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..annotate import AnnotatedSegment
from ..records import Article, LocalEntity, Mention, Quote
from .assemble import (
    _continue_speakers,
    _dedupe,
    _join_continued_clauses,
    _join_interrupted,
    _without_source_descriptions,
)
from .common import PARSE_CUE_LISTS
from .direct import _dialogue_quote, _direct_quote, find_dialogue, find_direct
from .indirect import _indirect_quotes
from .posts import _labelled_lines, _social_posts, _sourced_headline
from .speakers import SpeakerFinder
from .transcripts import find_turns, masked, overlaps_a_turn, turn_quotes


def extract_quotes(
    article: Article,
    segments: Sequence[AnnotatedSegment],
    mentions: Sequence[Mention],
    entities: Sequence[LocalEntity],
) -> list[Quote]:
    """Every quote of the article, in text order."""
    finder = SpeakerFinder(article, mentions, entities, segments)
    quotes: list[Quote] = []
    turns = find_turns(article.text, segments, mentions, entities)
    direct = find_direct(masked(article.text, turns))
    for seg in segments:
        quotes += _segment_quotes(article.text, seg, direct, finder)
    quotes += _social_posts(article.text, finder, segments)
    labelled = _labelled_lines(article.text, finder, segments)
    quotes += [q for q in labelled if not overlaps_a_turn(q, turns)]
    quotes += _sourced_headline(article.text, finder, segments, labelled)
    quotes += turn_quotes(article.text, turns, finder, segments)
    quotes = finder.in_text_order(_without_source_descriptions(_dedupe(quotes)))
    ordered = _continue_speakers(sorted(quotes, key=lambda q: q.start), article.text)
    return _join_continued_clauses(_join_interrupted(ordered, article.text), article.text)


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
    for start, end, frame, more in find_dialogue(text[lo:hi]):
        more = (lo + more[0], lo + more[1]) if more else None
        out.append(_dialogue_quote(text, seg, lo + start, lo + end, lo + frame, finder, more))
    out += _indirect_quotes(text, seg, mine, finder)
    return out


__all__ = ["PARSE_CUE_LISTS", "extract_quotes", "find_direct"]
