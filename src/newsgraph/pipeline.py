"""The map stage: raw articles to :class:`~newsgraph.records.DocResult`, in parallel.

read → normalize → annotate → extract is pure per article: the same article always gives
the same records. This module runs it in-process or in ``workers`` processes (each loads
the spaCy pipelines once) and yields results in input order, so that storing them is
deterministic whatever the number of workers.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import islice

from . import normalize as normalize_stage
from .annotate import Models, ParseCues, annotate
from .entities import extract_entities
from .errors import InputError
from .quotes import PARSE_CUE_LISTS, extract_quotes
from .records import Article, DocResult, Failure, Metadata, RawArticle, Segment

log = logging.getLogger(__name__)

#: Raw articles sent to a worker at a time: large enough to batch nlp.pipe well, small
#: enough that the progress bar moves and a crash loses little work.
CHUNK_SIZE = 32


#: Largest article accepted, in characters of cleaned text. A news article is rarely over
#: 100k characters; beyond spaCy's own default ``max_length`` (1M) an input is a dump, not
#: an article, and would hold a worker for many minutes.
MAX_ARTICLE_CHARS = 1_000_000


@dataclass(frozen=True, slots=True)
class MapOptions:
    models: Models = field(default_factory=Models)
    default_language: str = "en"
    max_chars: int = MAX_ARTICLE_CHARS
    #: Tag and parse every sentence, not only those the extractors need parsed.
    full_parse: bool = False

    def parse_cues(self) -> dict[str, ParseCues] | None:
        """Per language, the sentences worth a parse (``None``: all of them)."""
        if self.full_parse:
            return None
        return {code: parse_cues(code) for code in self.models.names}


@cache
def parse_cues(language: str) -> ParseCues:
    """The cue words of every extractor that reads POS tags or dependency trees."""
    return ParseCues.from_lists(language, PARSE_CUE_LISTS)


def extract(article: Article, segments: Sequence[object]) -> DocResult:
    """Run every extractor on one annotated article."""
    from .annotate import AnnotatedSegment

    segs = [s for s in segments if isinstance(s, AnnotatedSegment)]
    mentions, entities = extract_entities(article, segs)
    quotes = extract_quotes(article, segs, mentions, entities)
    return DocResult(article=article, mentions=mentions, entities=entities, quotes=quotes)


def analyze_articles(
    articles: Iterable[Article], *, options: MapOptions | None = None
) -> Iterator[DocResult]:
    """Annotate and extract already-normalized articles, in order."""
    options = options or MapOptions()
    cues = options.parse_cues()
    for article, segments in annotate(articles, models=options.models, cues=cues):
        yield extract(article, segments)


def analyze_text(
    text: str, *, language: str = "en", options: MapOptions | None = None
) -> DocResult:
    """Analyze one clean text as is (no normalization): offsets point into ``text``.

    Used by the evaluation commands, whose gold offsets refer to the text they give.
    """
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    article = Article(
        id="d" + digest[:15],
        origin="<text>",
        text=text,
        language=language,
        segments=(Segment(0, len(text), language),),
        meta=Metadata(language=language),
        content_hash=digest,
    )
    return next(analyze_articles([article], options=options))


def process_chunk(
    raws: Sequence[RawArticle | Failure],
    options: MapOptions,
    seen: Callable[[str], bool] | None = None,
) -> list[DocResult | Failure | str]:
    """Normalize, annotate and extract a chunk; a ``str`` marks an already stored article."""
    out: list[DocResult | Failure | str | None] = []
    todo: list[tuple[int, Article]] = []
    for raw in raws:
        item = _normalize_one(raw, options)
        if isinstance(item, Article):
            if seen is not None and seen(item.content_hash):
                item_out: DocResult | Failure | str | None = item.content_hash
            else:
                todo.append((len(out), item))
                item_out = None
        else:
            item_out = item
        out.append(item_out)
    for (i, _), result in zip(
        todo, analyze_articles([a for _, a in todo], options=options), strict=True
    ):
        out[i] = result
    return [o for o in out if o is not None]


def _normalize_one(raw: RawArticle | Failure, options: MapOptions) -> Article | Failure:
    if isinstance(raw, Failure):
        return raw
    # Refused before decoding: markup can triple the size of the text it carries.
    if len(raw.body) > 8 * options.max_chars:
        return Failure(raw.origin, f"too large for one article ({_size(len(raw.body))})")
    try:
        article = normalize_stage.normalize(
            raw, default_language=options.default_language, languages=tuple(options.models.names)
        )
    except InputError as exc:
        return Failure(raw.origin, str(exc))
    except Exception as exc:  # one bad article must never stop a batch
        log.debug("normalize failed", exc_info=True)
        return Failure(raw.origin, f"cannot normalize ({type(exc).__name__}: {exc})")
    if len(article.text) > options.max_chars:
        return Failure(
            raw.origin,
            f"text too long for one article ({len(article.text):,} characters,"
            f" limit {options.max_chars:,})",
        )
    return article


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB"


def run_map(
    raws: Iterable[RawArticle | Failure],
    *,
    options: MapOptions | None = None,
    workers: int = 1,
    seen: Callable[[str], bool] | None = None,
    db_path: str | None = None,
) -> Iterator[DocResult | Failure | str]:
    """The map stage over a stream of raw articles, in input order.

    With ``workers > 1`` each worker process checks ``db_path`` (read-only) for articles
    already stored, so that re-ingesting skips the expensive annotation.
    """
    options = options or MapOptions()
    chunks = _chunks(raws, CHUNK_SIZE)
    if workers <= 1:
        for chunk in chunks:
            yield from process_chunk(chunk, options, seen)
        return
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(options, db_path)) as pool:
        for results in pool.imap(_worker_chunk, chunks):
            yield from results


def _chunks(
    items: Iterable[RawArticle | Failure], size: int
) -> Iterator[list[RawArticle | Failure]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


_WORKER: dict[str, object] = {}


def _init_worker(options: MapOptions, db_path: str | None) -> None:
    from .annotate import load_annotator

    _WORKER["options"] = options
    if db_path is not None:
        from .store import Store

        _WORKER["store"] = Store(db_path, readonly=True)
    for name in set(options.models.names.values()):
        try:
            load_annotator(name)
        except Exception:  # reported when the language is first needed
            log.debug("cannot preload %s", name, exc_info=True)


def _worker_chunk(chunk: list[RawArticle | Failure]) -> list[DocResult | Failure | str]:
    from .store import Store

    options = _WORKER["options"]
    assert isinstance(options, MapOptions)
    store = _WORKER.get("store")
    seen = store.has_hash if isinstance(store, Store) else None
    return process_chunk(chunk, options, seen)
