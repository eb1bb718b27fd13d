"""Normalize a raw article into clean text with metadata and language segments.

Real web news is noisy: unknown encodings, mojibake (some of it beyond ftfy's reach),
metadata lines glued to the text, boilerplate, paragraphs in another language. The
result's ``text`` is what every later offset points into.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

import ftfy

from . import lang
from .errors import InputError
from .records import Article, Metadata, RawArticle, Segment

log = logging.getLogger(__name__)

#: Languages whose word lists drive metadata-line parsing (lines are matched against all).
METADATA_LANGUAGES = ("en", "es")
#: Paragraphs shorter than this inherit the article language: detection is unreliable.
MIN_DETECT_CHARS = 40
#: A paragraph leaves the article language only with this much confidence (probabilities
#: are normalized over ~97 languages, so a clear Spanish sentence can score 0.93).
PARAGRAPH_LANG_CONFIDENCE = 0.80
#: Below this confidence the article language is the likeliest of the languages we have
#: models for: short texts fool the detector ("Lucía visited Culiacán" scores 0.30 as
#: Extremaduran).
ARTICLE_LANG_CONFIDENCE = 0.80
#: Languages an unsure detection chooses among, unless the caller names others.
READ_LANGUAGES = ("en", "es")
#: Characters of text used to detect the article language: enough for a confident answer,
#: and every paragraph is detected again on its own.
ARTICLE_SAMPLE_CHARS = 2000
#: Metadata lines are short; longer lines are article text even if they start like one.
MAX_METADATA_LINE = 120
#: Bylines and datelines are looked for only in the first lines of an article.
HEAD_LINES = 6
#: Legacy single-byte encodings of western European text: when detection hesitates among
#: them, Windows-1252 (a superset of Latin-1's printable range) is the right reading.
WESTERN_ENCODINGS = frozenset({"cp1252", "latin_1", "iso8859_15", "iso8859_1", "cp1250",
                               "iso8859_2", "mac_roman", "cp850"})  # fmt: skip


# 1. -- decoding ------------------------------------------------------------------------


def decode(data: bytes) -> str:
    """Bytes to text: BOMs and UTF-8 first, then charset detection."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"),
                          (b"\xfe\xff", "utf-16")):  # fmt: skip
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return data.decode(detect_encoding(data), errors="replace")


def detect_encoding(data: bytes) -> str:
    """The encoding of non-UTF-8 bytes, preferring Windows-1252 among western candidates."""
    from charset_normalizer import from_bytes

    matches = from_bytes(data[:200_000])
    names = [m.encoding for m in matches]
    if not names or any(n in WESTERN_ENCODINGS for n in names[:3]):
        return "cp1252"
    return names[0]


# 2. -- repair --------------------------------------------------------------------------

# UTF-8 read as Latin-1/cp1252 turns "í" (C3 AD) into "Ã" + soft hyphen; cleaning often
# strips the invisible soft hyphen, leaving "MartÃnez", which ftfy cannot undo. The same
# happens to the bytes that are invisible or undefined in cp1252: 81 (Á), 8D (Í), 8F (Ï),
# 90 (Ð), 9D (Ý). Before a lower-case letter only "í" is possible; before an upper-case one
# the candidates are several and "Ã" is also a real letter (Portuguese "SÃO"), so those
# are left alone.
_LOST_BYTE = re.compile(r"Ã(?=[a-zß-öø-ÿ])")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def repair_text(text: str) -> str:
    """Fix mojibake (ftfy, plus the lost-byte repair), invisible junk and spacing.

    Curly quotes are kept as they are: they tell quotes from apostrophes later.
    """
    text = ftfy.fix_text(text, uncurl_quotes=False, fix_character_width=False)
    text = _repair_lost_bytes(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def _repair_lost_bytes(text: str) -> str:
    return _LOST_BYTE.sub("í", text) if "Ã" in text else text


# 3. -- metadata lines ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TextMetadata:
    published: str | None = None
    updated: str | None = None
    author: str | None = None
    source: str | None = None


@cache
def _alternation(name: str) -> str:
    """The words of a list in every metadata language, as a case-insensitive group."""
    words = {w for code in METADATA_LANGUAGES for w in lang.lines(code, name)}
    return "(?i:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


@cache
def _date_pattern() -> str:
    month = rf"(?:{_alternation('months')})\.?"
    weekday = rf"(?:(?:{_alternation('weekdays')})\.?,?\s+)?"
    time = (
        r"(?:,?\s*(?:(?i:at|a las)\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:(?i:[ap]\.?\s?m\.?))?"
        r"(?:\s*[A-Z]{2,4}\b)?)?"  # time zone: upper case only, so "The" is never eaten
    )
    iso = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    numeric = r"\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})"
    month_first = rf"{month}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    day_first = rf"\d{{1,2}}(?:\s+de)?\s+{month}(?:\s+de|,)?\s+\d{{4}}"
    return rf"(?:{weekday}(?:{iso}|{month_first}|{day_first}|{numeric}){time})"


@cache
def _cue_line(name: str) -> re.Pattern[str]:
    return re.compile(
        rf"^\s*{_alternation(name)}\s*[:\-–—|]?\s*(?:(?i:on|el)\s+)?({_date_pattern()})"
        r"\s*[|·•,.-]?\s*"
    )


@cache
def _dateline() -> re.Pattern[str]:
    return re.compile(rf"^\s*({_date_pattern()})\s*$")


@cache
def _byline() -> re.Pattern[str]:
    name = r"[A-ZÁÉÍÓÚÑÜ][\w.'’-]*"
    connector = r"(?:\s+(?:de|del|la|las|los|y|and|van|von|da|dos)|,\s+and|,\s+y)?\s+"
    return re.compile(
        rf"^\s*{_alternation('byline_cues')}\s+({name}(?:{connector}{name}){{0,6}})"
        r"(?:\s*[,|/–—-]\s*(.{1,60}))?\s*$"
    )


def parse_date(value: str | None, language: str = "en") -> str | None:
    """An ISO ``YYYY-MM-DD`` from a written date; day-first for languages other than English."""
    if not value:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", value.strip()):
        return value.strip()[:10]
    import dateparser

    order = "MDY" if language == "en" else "DMY"
    try:
        parsed = dateparser.parse(
            value,
            languages=[language, *[c for c in METADATA_LANGUAGES if c != language]],
            settings={"DATE_ORDER": order, "REQUIRE_PARTS": ["day", "month", "year"]},
        )
    except (ValueError, OverflowError):
        return None
    return parsed.date().isoformat() if parsed else None


def strip_metadata_lines(text: str, language: str) -> tuple[str, TextMetadata]:
    """Remove metadata lines and boilerplate; their values become metadata."""
    found: dict[str, str] = {}
    kept: list[str] = []
    for number, line in enumerate(text.split("\n")):
        rest = _metadata_line(line, number < HEAD_LINES, language, found)
        if rest is not None:
            kept.append(rest)
    return "\n".join(kept), TextMetadata(**found)


def _metadata_line(line: str, head: bool, language: str, found: dict[str, str]) -> str | None:
    """The line without its metadata (``None`` when nothing is left), recording values."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_METADATA_LINE * 4:
        return line
    for field, cues in (("updated", "updated_cues"), ("published", "published_cues")):
        match = _cue_line(cues).match(line)
        if match and (date := parse_date(match.group(1), language)):
            found.setdefault(field, date)
            rest = line[match.end() :].strip()
            return rest or None
    if len(stripped) > MAX_METADATA_LINE:
        return line
    if (
        head
        and (match := _dateline().match(line))
        and (date := parse_date(match.group(1), language))
    ):
        found.setdefault("published", date)
        return None
    if head and (match := _byline().match(line)) and _looks_like_names(match.group(1)):
        found.setdefault("author", match.group(1).strip(" ,"))
        if match.group(2) and _looks_like_names(match.group(2)):
            found.setdefault("source", match.group(2).strip())
        return None
    return None if _is_boilerplate(stripped) else line


def _looks_like_names(value: str) -> bool:
    words = [w for w in re.split(r"[\s,]+", value) if w]
    capitalised = [w for w in words if w[0].isupper()]
    return 1 <= len(capitalised) <= 8 and len(capitalised) >= len(words) / 2


@cache
def _boilerplate_cues() -> tuple[frozenset[str], tuple[str, ...]]:
    cues = {c.lower() for code in METADATA_LANGUAGES for c in lang.lines(code, "boilerplate_lines")}
    whole = frozenset(c for c in cues if " " not in c and c[-1].isalnum())
    prefixes = tuple(sorted(cues - whole, key=len, reverse=True))
    return whole, prefixes


def _is_boilerplate(line: str) -> bool:
    whole, prefixes = _boilerplate_cues()
    lowered = line.lower()
    return lowered.strip(" .:!|»>-–—") in whole or lowered.startswith(prefixes)


# 4. -- paragraphs ----------------------------------------------------------------------


def paragraphs(text: str) -> list[str]:
    """Paragraphs: blank-line separated blocks (lines inside one are joined); with no blank
    lines at all, every line is a paragraph."""
    text = text.strip()
    if not text:
        return []
    if re.search(r"\n\s*\n", text):
        blocks = re.split(r"\n\s*\n", text)
        return [" ".join(b.split()) for b in blocks if b.strip()]
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


# 5. -- language ------------------------------------------------------------------------


@cache
def _identifier(among: tuple[str, ...] | None = None) -> object:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if among:
        identifier.set_languages(list(among))
    return identifier


def detect_language(text: str, among: Sequence[str] | None = None) -> tuple[str, float]:
    """ISO 639-1 code of ``text`` and the detector's confidence (``und`` if no letters);
    ``among``: only these languages are considered."""
    if not any(ch.isalpha() for ch in text):
        return "und", 0.0
    identifier = _identifier(tuple(sorted(among)) if among else None)
    code, prob = identifier.classify(text)  # type: ignore[attr-defined]
    return str(code), float(prob)


def _declared_language(value: str | None) -> str | None:
    if not value:
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    names = {"english": "en", "spanish": "es", "español": "es", "espanol": "es"}
    code = names.get(code, code)
    return code if len(code) == 2 and code.isalpha() else None


def article_language(
    text: str, declared: str | None, default: str, among: Sequence[str] = READ_LANGUAGES
) -> str:
    """The declared language unless detection confidently says otherwise; an unsure
    detection picks the likeliest of ``among`` (the languages we have models for)."""
    sample = text[:ARTICLE_SAMPLE_CHARS]
    detected, prob = detect_language(sample)
    if declared and (detected == declared or prob < PARAGRAPH_LANG_CONFIDENCE):
        return declared
    if detected == "und":
        return declared or default
    if prob < ARTICLE_LANG_CONFIDENCE and detected not in among and among:
        return detect_language(sample, among)[0]
    return detected


def segments(paras: list[str], language: str) -> tuple[Segment, ...]:
    """Language segments over ``"\\n\\n".join(paras)``: same-language paragraphs merged."""
    out: list[Segment] = []
    pos = 0
    for para in paras:
        code = _paragraph_language(para, language)
        start, end = pos, pos + len(para)
        if out and out[-1].language == code:
            out[-1] = Segment(out[-1].start, end, code)
        else:
            out.append(Segment(start, end, code))
        pos = end + 2
    return tuple(out)


def _paragraph_language(para: str, language: str) -> str:
    if len(para) < MIN_DETECT_CHARS:
        return language
    code, prob = detect_language(para)
    return code if code != "und" and prob >= PARAGRAPH_LANG_CONFIDENCE else language


# -- the orchestrator --------------------------------------------------------------------


def normalize(
    raw: RawArticle, *, default_language: str = "en", languages: Sequence[str] = READ_LANGUAGES
) -> Article:
    """Clean one raw article; raises :class:`InputError` when it holds no text."""
    meta = raw.meta
    # 1. HTML to text and page metadata
    if raw.kind == "html":
        body, page_meta = extract_html(raw.body)
        meta = merge_metadata(meta, page_meta)
    else:
        body = raw.body if isinstance(raw.body, str) else decode(raw.body)
    # 2. repair encoding damage and spacing
    text = repair_text(body)
    # 3. language of the whole article (metadata dates depend on it)
    declared = _declared_language(meta.language)
    language = article_language(text, declared, default_language, languages)
    # 4. metadata lines glued to the text
    text, found = strip_metadata_lines(_unglue_date_prefix(text), language)
    meta = merge_metadata(meta, Metadata(published=found.published, updated=found.updated,
                                         author=found.author, source=found.source))  # fmt: skip
    # 5. paragraphs and per-paragraph language
    paras = paragraphs(text)
    if not paras or not any(ch.isalpha() for ch in text):
        raise InputError("no article text")
    text = "\n\n".join(paras)
    digest = content_hash(text)
    meta = replace(meta, published=_iso_or_none(meta.published, language),
                   updated=_iso_or_none(meta.updated, language), language=language)  # fmt: skip
    return Article(
        id="d" + digest[:15],
        origin=raw.origin,
        text=text,
        language=language,
        segments=segments(paras, language),
        meta=meta,
        content_hash=digest,
    )


def content_hash(text: str) -> str:
    """SHA-256 of the cleaned text: the identity of an article for de-duplication."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_GLUED_DATE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+", re.IGNORECASE)


def _unglue_date_prefix(text: str) -> str:
    """`` date 2018-05-14 The mayor said…`` → a line of its own for the metadata parser."""
    match = _GLUED_DATE.match(text)
    if not match:
        return text
    return f"Published: {match.group(1)}\n{text[match.end() :]}"


def _iso_or_none(value: str | None, language: str) -> str | None:
    if not value:
        return None
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        return value
    match = re.match(r"\d{4}-\d{2}-\d{2}", value)
    return match.group(0) if match else parse_date(value, language)


def merge_metadata(primary: Metadata, secondary: Metadata) -> Metadata:
    """Field by field, ``primary`` wins where it has a value."""
    return Metadata(
        title=primary.title or secondary.title,
        url=primary.url or secondary.url,
        published=primary.published or secondary.published,
        updated=primary.updated or secondary.updated,
        author=primary.author or secondary.author,
        source=primary.source or secondary.source,
        language=primary.language or secondary.language,
    )


def extract_html(body: bytes | str) -> tuple[str, Metadata]:
    """Article text (paragraphs as blank-line separated blocks) and metadata of a page."""
    import trafilatura

    html = body if isinstance(body, str) else decode(body)
    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception:  # trafilatura raises assorted errors on broken markup
        log.debug("trafilatura failed", exc_info=True)
        doc = None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        text = trafilatura.html2txt(html) or ""
    if not text.strip():
        raise InputError("no article text in this HTML page")
    return _blank_line_paragraphs(text), _page_metadata(doc)


def _blank_line_paragraphs(text: str) -> str:
    # trafilatura separates paragraphs with single newlines.
    if re.search(r"\n\s*\n", text):
        return text
    return "\n\n".join(line for line in text.split("\n") if line.strip())


def _page_metadata(doc: object) -> Metadata:
    if doc is None:
        return Metadata()

    def get(name: str) -> str | None:
        value = getattr(doc, name, None)
        return str(value) if value else None

    return Metadata(
        title=get("title"), url=get("url"), published=get("date"), author=get("author"),
        source=get("sitename"), language=get("language"),
    )  # fmt: skip


def language_shares(article: Article) -> Counter[str]:
    """Characters per language in an article (for reports)."""
    shares: Counter[str] = Counter()
    for seg in article.segments:
        shares[seg.language] += seg.end - seg.start
    return shares
