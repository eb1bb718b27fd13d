"""Read articles from files, folders, globs and standard input.

Every container format becomes a stream of :class:`~newsgraph.records.RawArticle`; what
cannot be read becomes a :class:`~newsgraph.records.Failure` naming the file (and record)
and the reason, and the stream goes on. Encodings are decided later, in ``normalize``,
except for structured formats (JSON, CSV, feeds) that must be parsed here.

Formats, by extension: ``.txt .md`` (one article per file), ``.html .htm``, ``.jsonl
.ndjson .json``, ``.csv .tsv``, ``.warc .warc.gz``, ``.rss .atom`` and ``.xml`` feeds;
anything else is sniffed.
"""

from __future__ import annotations

import csv
import glob
import io
import json
import logging
import os
import sys
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .normalize import decode, detect_encoding
from .records import Failure, Metadata, RawArticle

log = logging.getLogger(__name__)

STDIN = "-"

#: Usual field names in scraper exports, most specific first.
TEXT_FIELDS = ("text", "body", "content", "article", "maintext", "full_text", "article_text",
               "story", "description")  # fmt: skip
TITLE_FIELDS = ("title", "headline", "name")
URL_FIELDS = ("url", "link", "uri", "source_url", "canonical_url")
DATE_FIELDS = ("published", "date", "pubDate", "publish_date", "published_at", "datetime",
               "date_publish", "pub_date", "created_at", "timestamp")  # fmt: skip
UPDATED_FIELDS = ("updated", "modified", "date_modify", "updated_at", "last_modified")
AUTHOR_FIELDS = ("author", "authors", "byline", "creator")
SOURCE_FIELDS = ("source", "site", "sitename", "publisher", "outlet", "domain")
LANGUAGE_FIELDS = ("lang", "language")
#: Keys of a JSON object that hold its list of records.
RECORD_LIST_KEYS = ("articles", "items", "data", "records", "results", "documents", "docs")

#: Bytes looked at to decide whether a file is binary.
SNIFF_BYTES = 8192
#: Share of control characters above which a file is binary, not text in any encoding.
BINARY_CONTROL_RATIO = 0.10
#: Markup hints that make a text field or an unknown file HTML.
HTML_HINTS = (b"<html", b"<!doctype html", b"<body", b"<p>", b"<p ", b"<div", b"<article", b"<br")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Field-name overrides for JSON/CSV exports (``None``: found by usual names)."""

    text_field: str | None = None
    title_field: str | None = None
    url_field: str | None = None
    date_field: str | None = None
    id_field: str | None = None
    #: Files larger than this are refused (JSONL/CSV are streamed and exempt).
    max_bytes: int = 200 * 1024 * 1024


# -- paths -------------------------------------------------------------------------------


def expand_paths(paths: Sequence[str]) -> Iterator[str | Failure]:
    """Files named, found in folders (recursively, sorted) or matched by globs; ``-`` is stdin."""
    for path in paths:
        if path == STDIN:
            yield STDIN
        elif os.path.isdir(path):
            yield from _walk(path)
        elif os.path.exists(path):
            yield path
        elif glob.has_magic(path):
            matches = sorted(glob.glob(path, recursive=True))
            if not matches:
                yield Failure(path, "no file matches this pattern")
            for match in matches:
                yield from _walk(match) if os.path.isdir(match) else iter([match])
        else:
            yield Failure(path, "no such file or directory")


def _walk(folder: str) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(root, name)


# -- dispatch ----------------------------------------------------------------------------


def iter_raw(
    paths: Sequence[str], *, options: ReadOptions | None = None
) -> Iterator[RawArticle | Failure]:
    """Every article found in ``paths``, and a Failure for everything that could not be read."""
    options = options or ReadOptions()
    for path in expand_paths(paths):
        if isinstance(path, Failure):
            yield path
        elif path == STDIN:
            yield from _read_stdin(options)
        else:
            yield from _read_file(path, options)


def _read_file(path: str, options: ReadOptions) -> Iterator[RawArticle | Failure]:
    try:
        yield from _dispatch(path, options)
    except OSError as exc:
        yield Failure(path, f"cannot read ({exc.strerror or exc})")
    except Exception as exc:  # a reader bug on one file must not end the batch
        log.debug("reading %s failed", path, exc_info=True)
        yield Failure(path, f"cannot read ({type(exc).__name__}: {exc})")


def _dispatch(path: str, options: ReadOptions) -> Iterator[RawArticle | Failure]:
    name = path.lower()
    if name.endswith((".jsonl", ".ndjson", ".jsonl.gz")):
        yield from read_jsonl(path, options)
    elif name.endswith(".json"):
        yield from read_json(path, options)
    elif name.endswith((".csv", ".tsv")):
        yield from read_csv(path, options, delimiter="\t" if name.endswith(".tsv") else None)
    elif name.endswith((".warc", ".warc.gz")):
        yield from read_warc(path)
    else:
        yield from _read_whole(path, name, options)


def _read_whole(path: str, name: str, options: ReadOptions) -> Iterator[RawArticle | Failure]:
    size = os.path.getsize(path)
    if size > options.max_bytes:
        yield Failure(
            path, f"file too large ({size / 1e6:.0f} MB > {options.max_bytes / 1e6:.0f} MB)"
        )
        return
    with open(path, "rb") as f:
        data = f.read()
    yield from read_bytes(data, path, _kind_from_name(name))


def _kind_from_name(name: str) -> str | None:
    if name.endswith((".txt", ".md", ".text", ".markdown")):
        return "text"
    if name.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if name.endswith((".rss", ".atom", ".xml")):
        return "feed"
    return None


def read_bytes(data: bytes, origin: str, kind: str | None) -> Iterator[RawArticle | Failure]:
    """One whole file's content: text, HTML or feed (``kind=None``: sniffed)."""
    if not data.strip():
        yield Failure(origin, "empty file")
        return
    if is_binary(data):
        yield Failure(origin, "binary file, not text")
        return
    kind = kind or sniff(data)
    if kind == "feed":
        yield from read_feed(data, origin)
    elif kind == "jsonl":
        yield from _records_from_lines(io.BytesIO(data), origin, ReadOptions())
    else:
        yield RawArticle(origin=origin, body=data, kind="html" if kind == "html" else "text")


def is_binary(data: bytes) -> bool:
    """NUL bytes or many control characters: no text encoding produces that."""
    head = data[:SNIFF_BYTES]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / max(len(head), 1) > BINARY_CONTROL_RATIO


def sniff(data: bytes) -> str:
    """``feed``, ``html``, ``jsonl`` or ``text`` from the first bytes of a file."""
    head = data[:SNIFF_BYTES].lstrip().lower()
    is_xml = head.startswith((b"<?xml", b"<rss", b"<feed"))
    if is_xml and (b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head):
        return "feed"
    if any(h in head for h in HTML_HINTS):
        return "html"
    if head.startswith(b"{") and b'":' in head:
        return "jsonl"
    return "text"


def _read_stdin(options: ReadOptions) -> Iterator[RawArticle | Failure]:
    data = sys.stdin.buffer.read()
    if sniff(data) == "jsonl" and not is_binary(data):
        yield from _records_from_lines(io.BytesIO(data), "<stdin>", options)
    else:
        yield from read_bytes(data, "<stdin>", None)


# -- JSON and JSON Lines -----------------------------------------------------------------


def read_jsonl(path: str, options: ReadOptions) -> Iterator[RawArticle | Failure]:
    """JSON Lines, streamed: a bad line is one Failure, the next lines go on."""
    if path.lower().endswith(".gz"):
        import gzip

        with gzip.open(path, "rb") as f:
            yield from _records_from_lines(f, path, options)
        return
    with open(path, "rb") as f:
        yield from _records_from_lines(f, path, options)


def _records_from_lines(
    lines: Iterable[bytes], path: str, options: ReadOptions
) -> Iterator[RawArticle | Failure]:
    seen_any = False
    for number, raw_line in enumerate(lines, start=1):
        if not raw_line.strip():
            continue
        seen_any = True
        origin = f"{path}:{number}"
        try:
            record = json.loads(decode(raw_line))
        except ValueError as exc:
            yield Failure(origin, f"invalid JSON ({exc})")
            continue
        yield record_to_article(record, origin, options)
    if not seen_any:
        yield Failure(path, "empty file")


def read_json(path: str, options: ReadOptions) -> Iterator[RawArticle | Failure]:
    """A JSON array or object of records, or JSON Lines named ``.json``."""
    size = os.path.getsize(path)
    if size > options.max_bytes:
        yield Failure(path, f"file too large ({size / 1e6:.0f} MB)")
        return
    with open(path, "rb") as f:
        data = f.read()
    if not data.strip():
        yield Failure(path, "empty file")
        return
    try:
        document = json.loads(decode(data))
    except ValueError:
        yield from _records_from_lines(io.BytesIO(data), path, options)
        return
    records = _record_list(document)
    if records is None:
        yield Failure(path, "JSON holds no article records")
        return
    for i, record in enumerate(records):
        yield record_to_article(record, f"{path}#{i}", options)


def _record_list(document: Any) -> list[Any] | None:
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        for key in RECORD_LIST_KEYS:
            if isinstance(document.get(key), list):
                return list(document[key])
        return [document]
    return None


def record_to_article(record: Any, origin: str, options: ReadOptions) -> RawArticle | Failure:
    """One scraper record (a JSON object or CSV row) as a raw article."""
    if not isinstance(record, Mapping):
        return Failure(origin, "record is not an object")
    text_key = options.text_field or _find_field(record, TEXT_FIELDS)
    text = record.get(text_key) if text_key else None
    if not isinstance(text, str) or not text.strip():
        if text_key is None:
            fields = ", ".join(list(record)[:12]) or "none"
            return Failure(origin, f"no text field (fields: {fields}; use --text-field)")
        return Failure(origin, f"empty text in field {text_key!r}")
    meta = _record_meta(record, options)
    if any(h in text[:2000].lower().encode() for h in HTML_HINTS):
        return RawArticle(origin=origin, body=text, kind="html", meta=meta)
    return RawArticle(origin=origin, body=text, kind="text", meta=meta)


def _record_meta(record: Mapping[str, Any], options: ReadOptions) -> Metadata:
    def get(override: str | None, names: Sequence[str]) -> str | None:
        key = override or _find_field(record, names)
        return _as_text(record.get(key)) if key else None

    return Metadata(
        title=get(options.title_field, TITLE_FIELDS),
        url=get(options.url_field, URL_FIELDS),
        published=get(options.date_field, DATE_FIELDS),
        updated=get(None, UPDATED_FIELDS),
        author=get(None, AUTHOR_FIELDS),
        source=get(None, SOURCE_FIELDS),
        language=get(None, LANGUAGE_FIELDS),
    )


def _find_field(record: Mapping[str, Any], names: Sequence[str]) -> str | None:
    by_lower = {str(k).lower(): k for k in record}
    for name in names:
        key = by_lower.get(name.lower())
        if key is not None and record.get(key) not in (None, ""):
            return str(key)
    return None


def _as_text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if v) or None
    if isinstance(value, dict):
        return _as_text(value.get("name") or value.get("value"))
    return str(value).strip() or None


# -- CSV ---------------------------------------------------------------------------------


def read_csv(
    path: str, options: ReadOptions, *, delimiter: str | None = None
) -> Iterator[RawArticle | Failure]:
    """CSV/TSV exports, streamed; a file without a text column is one Failure."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with open(path, "rb") as raw:
        head = raw.read(SNIFF_BYTES)
    if not head.strip():
        yield Failure(path, "empty file")
        return
    encoding = "utf-8-sig" if _is_utf8(head) else detect_encoding(head)
    with open(path, encoding=encoding, errors="replace", newline="") as f:
        reader = csv.DictReader(f, delimiter=delimiter or _sniff_delimiter(head))
        columns = reader.fieldnames or []
        text_key = options.text_field or _find_column(columns, TEXT_FIELDS)
        if text_key is None or text_key not in columns:
            yield Failure(path, f"no text column (columns: {', '.join(columns)}; use --text-field)")
            return
        options = _with_text_field(options, text_key)
        for number, row in enumerate(reader, start=2):
            yield record_to_article(row, f"{path}:{number}", options)


def _with_text_field(options: ReadOptions, key: str) -> ReadOptions:
    return ReadOptions(
        text_field=key, title_field=options.title_field, url_field=options.url_field,
        date_field=options.date_field, id_field=options.id_field, max_bytes=options.max_bytes,
    )  # fmt: skip


def _find_column(columns: Sequence[str], names: Sequence[str]) -> str | None:
    by_lower = {c.lower(): c for c in columns}
    return next((by_lower[n.lower()] for n in names if n.lower() in by_lower), None)


def _sniff_delimiter(head: bytes) -> str:
    first_line = head.split(b"\n", 1)[0]
    counts = {d: first_line.count(d.encode()) for d in (",", ";", "\t", "|")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start > len(data) - 4  # a character cut at the sniff boundary
    return True


# -- WARC --------------------------------------------------------------------------------


def read_warc(path: str) -> Iterator[RawArticle | Failure]:
    """HTML ``response`` records of a WARC file (``.warc`` or ``.warc.gz``)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = 0
    with open(path, "rb") as stream:
        try:
            for record in ArchiveIterator(stream):
                article = _warc_article(record, f"{path}#{found + 1}")
                if article is not None:
                    found += 1
                    yield article
        except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
            yield Failure(path, f"damaged WARC after {found} articles ({exc})")
            return
    if not found:
        yield Failure(path, "no HTML response records in this WARC file")


def _warc_article(record: Any, origin: str) -> RawArticle | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if "html" not in content_type:
        return None
    body: bytes = record.content_stream().read()
    if not body.strip():
        return None
    date = record.rec_headers.get_header("WARC-Date")
    meta = Metadata(
        url=record.rec_headers.get_header("WARC-Target-URI"),
        published=date[:10] if date else None,
    )
    return RawArticle(origin=origin, body=body, kind="html", meta=meta)


# -- RSS / Atom --------------------------------------------------------------------------


def read_feed(data: bytes, origin: str) -> Iterator[RawArticle | Failure]:
    """Each entry of an RSS or Atom feed: its content (or summary) as HTML."""
    import feedparser

    parsed = feedparser.parse(data)
    entries = list(parsed.entries)
    if not entries:
        reason = "not an RSS/Atom feed, or a feed without entries"
        yield Failure(origin, reason)
        return
    for i, entry in enumerate(entries, start=1):
        yield _feed_article(entry, f"{origin}#{i}", parsed.feed.get("title"))


def _feed_article(entry: Any, origin: str, feed_title: str | None) -> RawArticle | Failure:
    contents = entry.get("content") or []
    body = contents[0].get("value") if contents else entry.get("summary")
    if not body or not str(body).strip():
        return Failure(origin, "feed entry without content")
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    updated = entry.get("updated_parsed")
    meta = Metadata(
        title=entry.get("title"),
        url=entry.get("link"),
        published=time.strftime("%Y-%m-%d", parsed) if parsed else None,
        updated=time.strftime("%Y-%m-%d", updated) if updated else None,
        author=entry.get("author"),
        source=feed_title,
    )
    return RawArticle(origin=origin, body=str(body), kind="html", meta=meta)
