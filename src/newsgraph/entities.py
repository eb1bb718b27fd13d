"""Entity mentions and in-article entity chains.

Mentions come from the statistical NER of each language segment, labels mapped to
``PERSON ORG GPE LOC NORP EVENT MISC``. They are chained into the article's entities:

1. titles before or inside a name are stripped for matching and kept as roles;
2. nicknames, aliases and acronym introductions (``Ramiro ‘El Güero’ Paredes``,
   ``known as``, ``alias``, ``(PEMEX)``) become aliases, and later bare uses of them are
   found in the text even where the model missed them;
3. a person's full name opens a chain; a one-word mention joins the *nearest* earlier
   chain that contains that word (so a bare "Paredes" goes to the Paredes last named),
   and two full names with different given names never share a chain;
4. other names chain by normalized form; a chain whose full name is a person stays a
   person when the model mislabels one of its mentions.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import cast

from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from . import lang
from .annotate import AnnotatedSegment
from .records import Article, Label, LocalEntity, Mention

#: spaCy labels (OntoNotes for English, WikiNER for Spanish) to ours; others are not named
#: entities we track (dates, money, quantities: those belong to the timex stage).
LABEL_MAP: dict[str, Label] = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "NORP",
    "EVENT": "EVENT",
    "MISC": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}

#: Articles the models sometimes include in a name ("the United States", "el PRI").
#: Capitalised Spanish articles are left alone: they begin nicknames ("El Güero").
LEADING_ARTICLE = re.compile(r"(?:the|The|THE|el|la|los|las)\s+")

#: More capitalised words than a person's name has, particles apart ("María de los Ángeles
#: Pérez García" has four).
MAX_PERSON_NAME_WORDS = 5

#: The number of a numbered list's item: "1.- ", "2. ", "3) ", "4 - ", or a placeholder that
#: some corpora put for every number ("*NUMBER*.- ").
LIST_ITEM_NUMBER = r"(?:\d{1,3}|\*[A-Z]+\*)[ \t]*(?:\.[-–—]?|\)|[-–—])[ \t]+"

_LIST_NUMBER = re.compile(rf"{LIST_ITEM_NUMBER}(?=[^\W\d_])")

#: Characters trimmed from mention edges: the model sometimes swallows punctuation.
EDGE_PUNCT = " \t\n\"'“”‘’«»()[],.;:—–-"

#: Labels whose names never end in a number: a trailing number is a score, an age or a
#: date the model took in. Products, events and organisations keep theirs ("iPhone 4").
UNNUMBERED_LABELS = frozenset({"PERSON", "GPE", "NORP"})

#: Words before a name searched for a title ("Attorney General Lucía Ramírez").
TITLE_WINDOW = 5
#: Quote marks around a nickname inside a name.
NICK_QUOTES = "\"'‘’“”«»"
#: Languages whose title and cue lists apply (a Spanish article may cite an English title).
LIST_LANGUAGES = ("en", "es")


@dataclass(slots=True)
class RawMention:
    start: int
    end: int
    label: Label
    tokens: tuple[str, ...] = ()  # name words without titles, normalized
    roles: tuple[str, ...] = ()


@dataclass(slots=True)
class Chain:
    label_votes: Counter[Label] = field(default_factory=Counter)
    tokens: set[str] = field(default_factory=set)
    full: list[tuple[str, ...]] = field(default_factory=list)  # multi-word names
    members: list[RawMention] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)  # normalized nickname/acronym keys
    roles: Counter[str] = field(default_factory=Counter)
    last: int = 0  # position of the latest mention

    @property
    def is_person(self) -> bool:
        if self.is_institution:
            return False
        person_full = any(m.label == "PERSON" and len(m.tokens) > 1 for m in self.members)
        return person_full or self.label_votes.most_common(1)[0][0] == "PERSON"

    @property
    def is_institution(self) -> bool:
        """Named by an institution's head noun somewhere ("Ministerio de Salud Pública"):
        an organisation, however often the model tagged its acronym as a person."""
        return any(m.label == "ORG" and _is_institution_name(m.tokens) for m in self.members)


def extract_entities(
    article: Article, segments: Sequence[AnnotatedSegment]
) -> tuple[list[Mention], list[LocalEntity]]:
    """Named mentions of the article and the local entities they form."""
    text = article.text
    raw = [
        m
        for seg in segments
        for ent in seg.doc.ents
        for part in _lines_of(ent)
        if (m := _mention(text, seg, part))
    ]
    raw += [m for seg in segments for m in _institution_names(text, seg)]
    raw = _merge_nickname_names(text, raw)
    mentions, entities = chain_mentions(text, raw, article.language)
    missed = _missed_person_names(text, segments, mentions, entities)
    if missed:
        mentions, entities = chain_mentions(text, sorted([*raw, *missed]), article.language)
    languages = {seg.segment.language for seg in segments}
    return _without_non_names(mentions, entities, languages)


def _institution_names(text: str, seg: AnnotatedSegment) -> list[tuple[int, int, Label]]:
    """Names of institutions read from their head noun, which the small models cut up or
    mislabel: "Secretaría de Seguridad y Protección Ciudadana" (an organisation and a
    person), "Fiscalía General del" and "Estado de Sinaloa".

    A capitalised head noun (``lang/*/head_labels.txt``) and the capitalised words after it,
    joined by the lower-case words names hold (``name_particles``,
    ``institution_particles``), are one organisation, up to a conjunction with an article
    ("la Universidad Nacional y la Secretaría …"). The model's person tags inside are no
    limit (it tags "Hacienda" and "Protección Ciudadana" as people), but after the heads a
    ruler's name may follow (``ruler_heads``): "la Presidencia de [López Obrador]"."""
    doc, language = seg.doc, seg.segment.language
    heads = _institution_heads()
    particles = lang.words(language, "name_particles") | lang.words(
        language, "institution_particles"
    )
    coordinators = lang.words(language, "name_coordinators")
    rulers = lang.words(language, "ruler_heads")
    out: list[tuple[int, int, Label]] = []
    for token in doc:
        before = doc[token.i - 1] if token.i else None
        if token.text not in heads or (before and _is_capitalised(before) and not before.is_stop):
            continue  # inside a longer name: "Nueva Alianza Partido …"
        end = i = token.i + 1
        while i < len(doc):
            j = i
            while j < len(doc) and doc[j].text in particles:
                j += 1
            if j > i and j < len(doc) and token.text in rulers and doc[j].ent_type_ == "PER":
                break  # "la Presidencia de [López Obrador]"
            if j - i > 1 and any(doc[n].lower_ in coordinators for n in range(i, j)):
                break  # "… y la …": two names, not one
            k = j
            while k < len(doc) and _is_capitalised(doc[k]) and "\n" not in doc[k - 1].whitespace_:
                k += 1
            if k == j:
                break
            end = i = k
        if end > token.i + 1:
            start, stop = seg.offset + token.idx, seg.offset + doc[end - 1].idx + len(doc[end - 1])
            out.append((start, stop, "ORG"))
    return out


def _is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and token.is_alpha


def _without_non_names(
    mentions: list[Mention], entities: list[LocalEntity], languages: Iterable[str]
) -> tuple[list[Mention], list[LocalEntity]]:
    """Entities none of whose mentions is a name are dropped: the Spanish model takes
    sentence-initial "Según", "También", "Además" for names, and both models tag time
    zones ("UTC") and page labels ("Video") (``lang/*/not_names.txt``)."""
    stop = frozenset().union(*(_stop_words(code) for code in languages))
    real = {
        m.local for m in mentions if not _is_function_word(m.text, stop) and _may_be_name(m.text)
    }
    if len(real) == len(entities):
        return mentions, entities
    new_index = {old: new for new, old in enumerate(sorted(real))}
    kept = [replace(e, index=new_index[e.index]) for e in entities if e.index in real]
    return [replace(m, local=new_index[m.local]) for m in mentions if m.local in real], kept


def _may_be_name(text: str) -> bool:
    """Not a listed non-name and not a bare title ("Presidente", "El presidente")."""
    key = name_key(" ".join(_without_article(text)))
    return key not in list_keys("not_names") and tuple(key.split()) not in _titles()


def _is_function_word(text: str, stop: frozenset[str]) -> bool:
    # Acronyms stay: "US" is a country, "us" a pronoun.
    return " " not in text and not text.isupper() and text.lower() in stop


@cache
def _stop_words(language: str) -> frozenset[str]:
    """spaCy's stop words of ``language`` (none for a language spaCy lacks)."""
    from spacy.util import get_lang_class

    try:
        return frozenset(get_lang_class(language).Defaults.stop_words)
    except ImportError:
        return frozenset()


def _lines_of(ent: Span) -> list[Span]:
    """An entity span cut at its line breaks: the model runs names across paragraphs
    ("Luis Rondón\n\n3.- Iván González", page menus), and no name crosses one."""
    doc, parts, start = ent.doc, [], ent.start
    for token in ent:
        if "\n" in token.text:
            parts.append(doc[start : token.i])
            start = token.i + 1
    if start == ent.start:
        return [ent]
    parts.append(doc[start : ent.end])
    return [Span(doc, p.start, p.end, label=ent.label_) for p in parts if len(p)]


def _mention(text: str, seg: AnnotatedSegment, ent: Span) -> tuple[int, int, Label] | None:
    label = LABEL_MAP.get(ent.label_)
    if label is None:
        return None
    trimmed = _without_edge_words(ent)
    if trimmed is None:
        return None
    ent = trimmed
    if label == "PERSON":
        ent = _extend_name(ent)
    start, end = _trim(text, seg.offset + ent.start_char, seg.offset + ent.end_char)
    if label in UNNUMBERED_LABELS:
        start, end = _trim(text, start, _without_trailing_numbers(text, start, end))
    if end <= start or not any(ch.isalpha() for ch in text[start:end]):
        return None
    if _is_description(text[start:end], seg.segment.language):
        return None
    start = _after_leading_article(text, start, end)
    if label == "PERSON" and _capitalised_words(text[start:end]) > MAX_PERSON_NAME_WORDS:
        label = "MISC"  # a run of tags or names: "Deportación Donald Trump Nayib Bukele Política"
    return start, end, refine_label(text[start:end], label)


def _after_leading_article(text: str, start: int, end: int) -> int:
    """Where a name starts without the article the model took in at a sentence start,
    before an institution's head noun or an acronym: "[La ]Policía Nacional Civil", "[La
    ]PNC"; a place's article stays ("El Salvador", "La Paz")."""
    words = text[start:end].split()
    if len(words) < 2 or words[0].lower() not in _articles():
        return start
    second = words[1]
    if second in _head_labels() or is_acronym(second):
        return start + text[start:end].index(second)
    return start


def _capitalised_words(name: str) -> int:
    return sum(1 for word in name.split() if word[:1].isupper())


def _is_description(text: str, language: str) -> bool:
    """A determiner and a common noun, with no name after the titles among its words: the
    Spanish model tags sentence-initial noun phrases as names ("El mandatario", "La
    decisión judicial", "El senador de Monte Plata"), but not "El fiscal Torrez"."""
    words = text.split()
    if len(words) < 2 or words[0].lower() not in _determiners(language):
        return False
    if not words[1][:1].islower():
        return False
    rest, _ = _strip_titles_of(tuple(words[1:]))
    return not rest[0][:1].isupper()


@cache
def _determiners(language: str) -> frozenset[str]:
    return (
        lang.words(language, "definite_articles") | lang.words(language, "subject_determiners")
        | lang.words(language, "indefinite_determiners")
    )  # fmt: skip


def _without_edge_words(ent: Span) -> Span | None:
    """An entity span without the lowercase words the model ran into it at either end (the
    Spanish model tags "aseguró Milei" and "Milei estimó" as names, and "remarcó" alone as
    a person) and without a function word opening it ("Además Pérez"). ``None`` when
    nothing else is left, or no capitalised word after a function word."""
    start, end = ent.start, ent.end
    while start < end and (_is_edge_word(ent.doc[start]) or _is_leading_word(ent.doc[start])):
        start += 1
    while end > start and _is_edge_word(ent.doc[end - 1]):
        end -= 1
    if start == end or (
        start > ent.start and not any(t.text[:1].isupper() for t in ent.doc[start:end])
    ):
        return None  # "[Pero] el propio mandatario"
    return ent if (start, end) == (ent.start, ent.end) else ent.doc[start:end]


#: Parts of speech of a word that opens a sentence and never a name: "[Según] Vélez",
#: "[Además] Pérez", "[Luego] Ruiz", which the Spanish model takes into the name.
LEADING_POS = frozenset({"ADV", "ADP", "SCONJ", "CCONJ", "PRON", "AUX", "VERB", "INTJ"})


def _is_leading_word(token: Token) -> bool:
    """A function word opening an entity: a stop word of the language tagged as one of
    ``LEADING_POS``, in lower case or opening the sentence, and no particle a name holds
    ("De la Fuente")."""
    language = token.doc.lang_
    return (
        (token.is_sent_start or token.is_lower)  # not "el reverendo [Al] Sharpton"
        and token.pos_ in LEADING_POS
        and token.lower_ in _stop_words(language)
        and token.lower_ not in lang.words(language, "name_particles")
        and token.lower_ not in _determiners(language)  # "el", tagged a pronoun now and then
    )


def _is_edge_word(token: Token) -> bool:
    """A verb in lower case; in a sentence left untagged (see annotate), any lowercase word
    but the particles names hold (``lang/*/name_particles.txt``): "Quiroga habló"."""
    if not token.is_lower:
        return False
    if token.pos_:
        return token.pos_ in ("VERB", "AUX")
    particles = lang.words(token.doc.lang_, "name_particles")
    return token.is_alpha and token.lower_ not in particles


def _without_trailing_numbers(text: str, start: int, end: int) -> int:
    """End of a mention without the scores, ages or dates the model ran into it
    ("Somerset 83", "SEOUL 1996-08-30")."""
    words = text[start:end].split(" ")
    while len(words) > 1 and _is_number_word(words[-1]):
        end -= len(words.pop()) + 1
    return end


def _is_number_word(word: str) -> bool:
    return any(ch.isdigit() for ch in word) and not any(ch.isalpha() for ch in word)


def refine_label(name: str, label: Label) -> Label:
    """A place the model calls LOC (the Spanish model has no GPE) or MISC is a GPE when
    its whole name is a listed country, capital or state; a person, place or thing whose
    name begins with an institution's or a case's head noun ("El Gobierno", "Ministerio
    Público", "Caso Odebrecht") takes the head's label; names the models get wrong again
    and again (Twitter, a person to the English model) take their listed label."""
    known = _known_labels().get(name_key(name))
    if known is not None:
        return known
    if label in ("LOC", "MISC") and name_key(name) in gpe_names():
        return "GPE"
    words = _without_article(name)
    head = _head_labels().get(words[0]) if words else None
    if head and label in ("PERSON", "LOC", "MISC"):
        return head
    return label


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Mention edges without punctuation, leading articles or a possessive ending."""
    for _ in range(3):  # each step can expose another edge
        while start < end and text[start] in EDGE_PUNCT:
            start += 1
        while end > start and text[end - 1] in EDGE_PUNCT and not _abbreviation_dot(text, end):
            end -= 1
        if text[start:end].endswith(("'s", "’s")):  # the possessive belongs to the sentence
            end -= 2
        article = LEADING_ARTICLE.match(text, start, end)
        if article and article.end() < end:
            start = article.end()
        number = _LIST_NUMBER.match(text, start, end)  # "4.- Rebeca Anaya", "2) Tomás Ibarra"
        if number and number.end() < end:
            start = number.end()
    return start, end


def _is_name_token(token: Token) -> bool:
    if not token.text[:1].isupper() or not token.is_alpha or _unit_after_number(token):
        return False
    if token.pos_:
        return token.pos_ == "PROPN"
    # A sentence left untagged (see annotate): a capitalised word that is neither a
    # function word nor a day or month name.
    key = name_key(token.text)
    return not token.is_stop and key not in list_keys("weekdays") and key not in list_keys("months")


def _unit_after_number(token: Token) -> bool:
    """ "GB" in "16GB": a unit glued to its number is no name."""
    if token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return not before.whitespace_ and before.like_num


def _extend_name(ent: Span) -> Span:
    """Widen a person span over adjacent proper-noun words the model left out
    ("Héctor" in "Héctor Paredes Luna"), never over a title."""
    doc, start, end = ent.doc, ent.start, ent.end
    while start > 0 and _free_name_token(doc[start - 1]):
        start -= 1
    while end < len(doc) and _free_name_token(doc[end]):
        end += 1
    return doc[start:end]


def _free_name_token(token: Token) -> bool:
    """A proper-noun word that no other entity claims ("the United States" is a place)."""
    return _is_name_token(token) and token.ent_iob_ == "O" and not _is_title_word(token.text)


def _is_title_word(word: str) -> bool:
    return _title_key(word) in _title_words()


def _title_key(word: str) -> str:
    """A word's name key for matching titles, or "" for an institution noun that only its
    accent tells from a title ("Secretaría", the ministry, is no "secretaria") or a
    capitalised head noun of institution names ("la Coordinadora Nacional …")."""
    if word.casefold() in _institution_words() or word in _institution_heads():
        return ""
    return name_key(word)


@cache
def _institution_words() -> frozenset[str]:
    """The institution nouns of every language, in lower case with their accents."""
    return frozenset(
        w.casefold() for code in LIST_LANGUAGES for w in lang.words(code, "institution_nouns")
    )


def _missed_person_names(
    text: str,
    segments: Sequence[AnnotatedSegment],
    mentions: Sequence[Mention],
    entities: Sequence[LocalEntity],
) -> list[tuple[int, int, Label]]:
    """Runs of proper nouns the model did not tag that share a word with a person of the
    article: "Iván Paredes Soto" after "Héctor Paredes Luna", a bare "Paredes"."""
    person_words = {
        w for e in entities if e.label == "PERSON" for a in e.aliases for w in name_key(a).split()
    }
    if not person_words:
        return []
    taken = [(m.start, m.end) for m in mentions]
    found: list[tuple[int, int, Label]] = []
    for seg in segments:
        for run in _proper_noun_runs(seg.doc):
            start, end = seg.offset + run.start_char, seg.offset + run.end_char
            words = set(name_key(run.text).split())
            overlaps = any(s < end and start < e for s, e in taken)
            if not overlaps and words & person_words and not _is_title_word(run.text):
                found.append((start, end, "PERSON"))
    return found


def _proper_noun_runs(doc: Doc) -> list[Span]:
    """Runs of up to four name words (see ``_is_name_token``), titles excluded."""
    runs: list[Span] = []
    start = end = -1
    for i in _capitalised_tokens(doc):  # only those can be name words: far fewer tokens
        if not (_is_name_token(doc[i]) and not _is_title_word(doc[i].text)):
            continue
        if i != end:
            if end > start >= 0:
                runs.append(doc[start:end])
            start = i
        end = i + 1
    if end > start >= 0:
        runs.append(doc[start:end])
    return [r for r in runs if len(r) <= 4]


def _capitalised_tokens(doc: Doc) -> list[int]:
    """Indices of the tokens that begin with an upper-case letter, in order."""
    text = doc.text
    return [i for i, c in enumerate(doc.to_array(IDX).tolist()) if text[c].isupper()]


_NICKNAME_NAME = re.compile(
    rf"\b([A-ZÁÉÍÓÚÑ][\w’'-]+(?:\s+[A-ZÁÉÍÓÚÑ][\w’'-]+)*)(,?)\s+[{NICK_QUOTES}]"
    rf"([^{NICK_QUOTES}\n]{{2,40}})[{NICK_QUOTES}](,?)\s+([A-ZÁÉÍÓÚÑ][\w’'-]+(?:\s+[A-ZÁÉÍÓÚÑ][\w’'-]+)*)"
)


def _merge_nickname_names(
    text: str, raw: list[tuple[int, int, Label]]
) -> list[tuple[int, int, Label]]:
    """``Ramiro ‘El Güero’ Paredes``: one person mention, whatever pieces the model tagged."""
    merged = list(raw)
    for match in _NICKNAME_NAME.finditer(text):
        start, end = match.span()
        first, comma, nickname, comma_after, last = match.groups()
        if (
            not nickname[:1].isupper()
            or _is_title_word(first.split()[0])
            or comma != comma_after
            or (comma and not _nickname_set_off(text, first, end))
        ):
            continue
        inside = [m for m in merged if start <= m[0] and m[1] <= end]
        if inside and len(first.split()) <= 3 and len(last.split()) <= 3:
            merged = [m for m in merged if m not in inside]
            merged.append((start, end, "PERSON"))
    return sorted(merged)


def _nickname_set_off(text: str, first: str, end: int) -> bool:
    """Whether a nickname between commas sits inside one name: after a lone first name, and
    not in a list of people each followed by a nickname ("Paredes, ‘El Güero’, Pérez,
    ‘El Chino’, …" are two)."""
    return len(first.split()) == 1 and not _NEXT_NICKNAME.match(text, end)


_NEXT_NICKNAME = re.compile(rf"\s*,\s*[{NICK_QUOTES}]")


def _abbreviation_dot(text: str, end: int) -> bool:
    """``U.S.``, ``Apple Inc.``: a final dot after a one-letter capital segment or a listed
    abbreviation is part of the name."""
    if text[end - 1] != ".":
        return False
    if end >= 3 and text[end - 3] == "." and text[end - 2].isupper():
        return True
    last_word = text[max(0, end - 12) : end].split()[-1:]
    return bool(last_word) and name_key(last_word[0]) in list_keys("name_abbreviations")


# -- keys and word lists -----------------------------------------------------------------


@lru_cache(maxsize=65_536)
def name_key(name: str) -> str:
    """Accent-, case- and punctuation-insensitive key of a name."""
    decomposed = unicodedata.normalize("NFKD", name)
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    kept = re.sub(r"(?<=\b\w)\.(?=\w\b)|(?<=\b\w\.\w)\.", "", kept)  # U.S. → US
    words = "".join(ch if ch.isalnum() else " " for ch in kept.casefold())
    return " ".join(words.split())


@cache
def _titles() -> tuple[tuple[str, ...], ...]:
    titles = list_keys("titles")
    return tuple(sorted((tuple(t.split()) for t in titles if t), key=len, reverse=True))


@cache
def list_keys(name: str) -> frozenset[str]:
    """Name keys of the entries of word list ``name``, all languages together."""
    return frozenset(name_key(e) for code in LIST_LANGUAGES for e in lang.lines(code, name))


@cache
def _labelled_list(name: str) -> tuple[tuple[str, Label], ...]:
    """(entry, label) pairs of a word list whose lines end with a label."""
    pairs = (e.rsplit(maxsplit=1) for code in LIST_LANGUAGES for e in lang.lines(code, name))
    return tuple((entry, cast(Label, label)) for entry, label in pairs)


def gpe_names() -> frozenset[str]:
    """Keys of the listed countries, capitals and states."""
    return list_keys("gpe")


@cache
def _known_labels() -> dict[str, Label]:
    """Name key → label, for the names in ``lang/*/known_labels.txt``."""
    return {name_key(name): label for name, label in _labelled_list("known_labels")}


def _without_article(name: str) -> list[str]:
    """A name's words without a definite article before them, capitalised or not: "El
    Gobierno", "La Policía Nacional", "the Senate" (kept in mentions: "El Salvador")."""
    words = name.split()
    return words[1:] if words and words[0].lower() in _articles() else words


@cache
def _articles() -> frozenset[str]:
    return frozenset().union(*(lang.words(code, "definite_articles") for code in LIST_LANGUAGES))


@cache
def _head_labels() -> dict[str, Label]:
    """Head nouns of institution and case names and the label they give (case-sensitive:
    "Caso Odebrecht" is a case, "caso" a word)."""
    return dict(_labelled_list("head_labels"))


@cache
def _title_words() -> frozenset[str]:
    """One-word titles ("President", "fiscal"), for quick word tests."""
    return frozenset(t[0] for t in _titles() if len(t) == 1)


@cache
def _nickname_cues() -> str:
    cues = {c for code in LIST_LANGUAGES for c in lang.lines(code, "nickname_cues")}
    return "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))


def _strip_titles(words: list[str]) -> tuple[list[str], list[str]]:
    """Title words removed: (name words, roles). A title inside the span takes what is
    before it along ("United States Attorney Jessie Liu" → role "United States Attorney")."""
    name, roles = _strip_titles_of(tuple(words))
    return list(name), list(roles)


@lru_cache(maxsize=65_536)
def _strip_titles_of(words_: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    # Cached: the same names recur across an article and a corpus.
    words = list(words_)
    roles: list[str] = []
    head = _without_article(" ".join(words))[:1]
    # an institution's name holds titles of its own: "Comisión de Postulación para Fiscal General"
    inner = 0 if head and head[0] in _institution_heads() else _inner_title(words)
    if inner:
        roles.append(" ".join(words[:inner]))
        words = words[inner:]
    keys = [_title_key(w) for w in words]
    changed = True
    while changed and len(keys) > 1:
        changed = False
        for title in _titles():
            n = len(title)
            if n < len(keys) and tuple(keys[:n]) == title:
                roles.append(" ".join(words[:n]))
                words, keys, changed = words[n:], keys[n:], True
                break
    return tuple(words), tuple(roles)


def _inner_title(words: list[str]) -> int:
    """Index just after the last title that has capitalised words after it (0: none)."""
    keys = [_title_key(w) for w in words]
    for i in range(len(keys) - 1, 0, -1):
        for title in _titles():
            n = len(title)
            if tuple(keys[i - n + 1 : i + 1]) == title and i - n + 1 > 0 and i + 1 < len(keys):
                return i + 1
    return 0


def _title_after(text: str, end: int) -> str | None:
    """A title set off by a comma right after a name: "Odalys Ferrer, presidenta de …",
    "Ruperto Salas, the former governor, …"."""
    if not text.startswith(",", end):
        return None
    words = text[end + 1 : end + 160].split()[: TITLE_WINDOW + 1 + MAX_OFFICE_WORDS]
    keys = [name_key(w) for w in words]
    if keys and keys[0] in list_keys("definite_articles") | list_keys("indefinite_determiners"):
        words, keys = words[1:], keys[1:]  # "X, the former governor", "X, a historian at …"
    n = _title_length(keys[: TITLE_WINDOW + 1], at_end=False)
    if n and not words[n - 1].endswith(","):
        n += _office_length(words[n:])
    return " ".join(words[:n]).strip(",.;:") if n else None


#: The most words after a title that say where the office is: "de Salud de Chile".
MAX_OFFICE_WORDS = 8


def _office_length(words: list[str]) -> int:
    """How many of ``words``, right after a title, say where its office is: "presidenta
    [de la Corte de Constitucionalidad]", "governor [of Texas]": a genitive marker, then
    capitalised words joined by particles, articles and the prepositions of
    ``office_prepositions.txt`` ("del Perú en los Estados Unidos"), up to a comma. 0 for
    none."""
    joiners = (
        _particle_keys() | list_keys("definite_articles") | list_keys("genitive_markers")
        | list_keys("office_prepositions")
    )  # fmt: skip
    if not words or name_key(words[0]) not in list_keys("genitive_markers"):
        return 0
    end = 0
    for i, word in enumerate(words[: MAX_OFFICE_WORDS + 1]):
        bare = word.strip(",.;:()")
        capital = bare[:1].isupper()
        if i and not (capital or name_key(bare) in joiners):
            break
        if capital:
            end = i + 1
        if bare != word:
            break  # a comma or a full stop ends it
    return end


#: Languages that write an adjective after a title: "el dirigente vecinal X".
ADJECTIVE_AFTER_TITLE = frozenset({"es"})


def _title_before(text: str, start: int, language: str = "en") -> str | None:
    """A title written just before a name, in the same sentence ("Attorney General X"), or
    with one adjective after it, as Spanish writes them ("el dirigente vecinal X")."""
    window = text[max(0, start - 60) : start]
    window = re.split(r"[.!?;:\n]", window)[-1]
    if not window.endswith((" ", ",")):
        return None
    words = window.split()[-TITLE_WINDOW:]
    keys = [name_key(w) for w in words]
    adjective = int(
        language in ADJECTIVE_AFTER_TITLE and bool(words) and words[-1].isalpha()
        and words[-1].islower()
        and keys[-1] not in _particle_keys()  # "el alcalde de [Medellín]": a place
    )  # fmt: skip
    for skip in range(adjective + 1):
        if n := _title_length(keys[: len(keys) - skip], at_end=True):
            first = len(words) - skip - n
            if first and _is_demonym(words[first - 1], language):
                first -= 1  # "Salvadoran President X"
            return " ".join(words[first:]).strip(",")
    return _office_set_off_before(window, language)


def _is_demonym(word: str, language: str) -> bool:
    return (word.lower(),) in place_keys(language) and word.isalpha()


def _office_set_off_before(window: str, language: str) -> str | None:
    """An office and its place set off by a comma before a name: "La ministra de Salud de
    Chile, [Ramona Ibarra]", "The governor of Texas, [Ann Bosk]", "el vocero del
    mandatario, [Ana Ruiz]", or with an adjective where the language writes one after the
    title: "La presidenta mexicana, [Rebeca Anaya]"."""
    head = window.rstrip()
    if not head.endswith(","):
        return None
    words = head[:-1].split()[-(TITLE_WINDOW + MAX_OFFICE_WORDS) :]
    keys = [name_key(w) for w in words]
    articles = list_keys("definite_articles")
    for i in range(1, len(words)):
        n = _title_length(keys[i : i + TITLE_WINDOW], at_end=False)
        if not n or keys[i - 1] not in articles:
            continue
        office = words[i + n :]
        if (
            _office_length(office) == len(office)
            or _is_lowercase_office(office)
            or (
                i + n + 1 == len(words)
                and language in ADJECTIVE_AFTER_TITLE
                and words[-1].isalpha()
                and words[-1].islower()
            )
        ):
            return " ".join(words[i:])
    return None


#: The most words of an office written in lower case: "[del] plantel", "[of the] company".
MAX_LOWERCASE_OFFICE_WORDS = 4


def _is_lowercase_office(words: list[str]) -> bool:
    """Whether ``words`` after a title are an office written in lower case, up to the
    comma before a name: "El vocero [del mandatario], Eduardo Sánchez", "the chief
    executive [of the company], Ana Ruiz"."""
    return (
        1 < len(words) <= MAX_LOWERCASE_OFFICE_WORDS + 1
        and name_key(words[0]) in list_keys("genitive_markers")
        and all(w.isalpha() and w.islower() for w in words[1:])
    )


@cache
def place_keys(language: str) -> dict[tuple[str, ...], str]:
    """Each spelling of a place and each of its demonyms (``lang/*/demonyms.txt``), as
    lower-case words without edge punctuation, and the place's key (its first spelling)."""
    found: dict[tuple[str, ...], str] = {}
    for line in lang.lines(language, "demonyms"):
        names, _, demonyms = line.partition(":")
        spellings = [n.strip() for n in names.split("|") if n.strip()]
        key = spellings[0].lower()
        for term in [*spellings, *demonyms.split(",")]:
            words = tuple(w.strip(",.;:()") for w in term.lower().split())
            if words:
                found[words] = key
    return found


def _title_length(keys: list[str], *, at_end: bool) -> int:
    """How many words of a title ``keys`` (name keys of words) end with, or start with;
    0 for none. The longest title wins."""
    for title in _titles():
        n = len(title)
        if n <= len(keys) and tuple(keys[-n:] if at_end else keys[:n]) == title:
            return n
    return 0


# -- nicknames and aliases ---------------------------------------------------------------


def find_aliases(text: str, mentions: Sequence[RawMention]) -> dict[int, set[str]]:
    """Other names introduced for a mention: quoted nicknames inside it or right after,
    "known as …", "alias …", "(ACRONYM)". Keys: mention index; values: alias strings."""
    found: dict[int, set[str]] = {}
    for i, m in enumerate(mentions):
        aliases = found.setdefault(i, set())
        aliases.update(_inner_nicknames(text[m.start : m.end]))
        aliases.update(_following_aliases(text, m.start, m.end))
        if not aliases:
            del found[i]
    return found


#: A quoted phrase: the quote marks stand outside words, so the apostrophe of "Today's"
#: or "O'Brien" neither opens nor closes one.
_QUOTED = rf"(?<!\w)[{NICK_QUOTES}]([^{NICK_QUOTES}]{{2,40}})[{NICK_QUOTES}](?!\w)"
_INNER_NICK = re.compile(_QUOTED)
#: A nickname inside a name with the commas that may set it off: "Jorge, ‘Tuto’, Quiroga".
_NICK_IN_NAME = re.compile(rf",?\s*{_QUOTED}\s*,?")
#: The same, with the commas on both sides, keeping the nickname and its marks (group 1).
_COMMAS_AROUND_NICKNAME = re.compile(rf",\s*({_QUOTED})\s*,")


def _inner_nicknames(span: str) -> set[str]:
    return {m.group(1).strip() for m in _INNER_NICK.finditer(span)}


def _following_aliases(text: str, start: int, end: int) -> set[str]:
    after = text[end : end + 120]
    aliases: set[str] = set()
    acronym = re.match(r"\s*\(([A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑ.&-]{1,12})\)", after)
    if acronym and _is_acronym_of(acronym.group(1), text[start:end]):
        aliases.add(acronym.group(1))
    quoted = re.match(rf"\s*(,?)\s*{_QUOTED}", after)
    if quoted and _is_quoted_alias(text, start, quoted, comma=bool(quoted.group(1))):
        aliases.add(quoted.group(2).strip())
    cue = re.match(
        rf",?\s*(?:(?:who is|who was|also|quien es|mejor)\s+)?(?i:{_nickname_cues()})\s+"
        rf"[{NICK_QUOTES}]?({_CUED_NAME}(?:[{NICK_QUOTES}]?,?\s+(?:or|o)\s+[{NICK_QUOTES}]?"
        rf"{_CUED_NAME})*)",
        after,
    )
    if cue:
        aliases.update(_alternatives(cue.group(1)))
    return aliases


def is_acronym(word: str) -> bool:
    """A word of two capitals or more and nothing else: "PNC", "FDA"."""
    return len(word) > 1 and word.isalpha() and word.isupper()


def _is_acronym_of(short: str, name: str) -> bool:
    """Whether a short form in parentheses after a name is its acronym: two capitals or
    more ("PGR", "PEMEX"), or a word whose letters begin the name's capitalised words in
    their order, as Spanish acronyms of syllables are written ("Semarnat" for "Secretaría
    de Medio Ambiente y Recursos Naturales", "Pemex" for "Petróleos Mexicanos")."""
    if sum(ch.isupper() for ch in short) >= 2:
        return True
    words = [name_key(w) for w in name.split() if w[:1].isupper()]
    return len(words) >= 2 and _begins_words(name_key(short), words)


def _begins_words(letters: str, words: list[str]) -> bool:
    """Whether ``letters`` are a beginning of each of ``words`` in turn, every word used."""
    if not words:
        return not letters
    first, rest = words[0], words[1:]
    return any(
        letters[:n] == first[:n] and _begins_words(letters[n:], rest)
        for n in range(1, min(len(first), len(letters)) + 1)
    )


def _is_quoted_alias(text: str, start: int, quoted: re.Match[str], *, comma: bool) -> bool:
    """A capitalised quoted name after a mention, not the opening of a quotation: a
    sentence inside the quotes, or a comma-led quote in a clause with a speech verb that
    no comma closes ("said via Twitter, “Today we won”" but not "said Ramiro Paredes,
    ‘El Güero’, fled"), is what someone said."""
    name = quoted.group(2)
    if not name[:1].isupper() or name.rstrip()[-1:] in ".!?,;:":
        return False
    if not comma or quoted.string[quoted.end() : quoted.end() + 1] == ",":
        return True
    clause = re.split(r"[.!?;:\n]", text[max(0, start - 120) : start])[-1]
    return not any(name_key(w) in list_keys("speech_verbs") for w in clause.split())


#: A name after a nickname cue: up to four capitalised words or initials (a dot ends a
#: word only as an initial's: "alias El Tigre. Luego" names "El Tigre").
_CUED_WORD = r"[A-ZÁÉÍÓÚÑ](?:\.|[\w’'-]*)"
_CUED_NAME = rf"{_CUED_WORD}(?:\s{_CUED_WORD}){{0,3}}"


def _alternatives(value: str) -> list[str]:
    parts = re.split(r"\s+(?:or|o)\s+", value)
    return [v.strip(f" ,.{NICK_QUOTES}") for v in parts if v.strip(f" ,.{NICK_QUOTES}")]


def _alias_mentions(
    text: str, aliases: Iterable[str], taken: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """Occurrences of known aliases that the model did not tag: (start, end, alias)."""
    found = []
    for alias in sorted(set(aliases), key=len, reverse=True):
        for match in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", text):
            span = (match.start(), match.end())
            if not any(s < span[1] and span[0] < e for s, e in taken):
                found.append((*span, alias))
                taken.append(span)
    return found


# -- chaining ----------------------------------------------------------------------------


def chain_mentions(
    text: str, raw: Sequence[tuple[int, int, Label]], language: str = "en"
) -> tuple[list[Mention], list[LocalEntity]]:
    """Chain the article's mentions into local entities."""
    spans = _without_overlaps(raw)
    mentions = sorted(
        (_analyse(text, s, e, label, language) for s, e, label in spans), key=lambda m: m.start
    )
    found = find_aliases(text, mentions)
    aliases = {id(mentions[i]): names for i, names in found.items()}  # stable when sorting
    by_alias = {name_key(a): mentions[i] for i, names in found.items() for a in names}
    taken = [(m.start, m.end) for m in mentions]
    for start, end, alias in _alias_mentions(text, {a for f in found.values() for a in f}, taken):
        owner = by_alias[name_key(alias)]
        mentions.append(RawMention(start, end, owner.label, tuple(name_key(alias).split())))
    mentions = _split_trailing_people(text, mentions)
    _repair_organization_labels(mentions, by_alias)
    _repair_person_labels(mentions)
    _repair_institution_parts(mentions)
    chains = _build_chains(text, mentions, aliases)
    return _records(text, chains)


#: Labels the small models give people's names now and then ("Abinader" a place after "el
#: presidente"): a name right after a person's title is a person's whatever its label.
MISTYPED_PERSON_LABELS = frozenset({"LOC", "MISC"})


def _all_capitalised(words: Sequence[str]) -> bool:
    """Whether every word starts with a capital, as a name's words do ("Luis Abinader")."""
    return all(w[:1].isupper() for w in words)


def _repair_person_labels(mentions: list[RawMention]) -> None:
    """Names the article shows to be a person's, whatever the model called them there:
    a bare surname of a person ("Jackman" tagged GPE after "Hugh Jackman"; tagged a place
    or a thing, after a "Jackman" tagged PERSON), a two-word
    name ending in the surname of a person ("Hugh Jackman" tagged GPE beside "Jackman"),
    and a full name tagged PERSON elsewhere in the article. Longer names ending in a
    person's surname are often named after them ("Fundación Carlos Slim") and keep theirs."""
    people = [m.tokens for m in mentions if m.label == "PERSON" and m.tokens]
    surnames = {t[-1] for t in people}
    full_names = {t for t in people if len(t) > 1}
    named = {t[0] for t in people if len(t) == 1}
    for m in mentions:
        if m.label != "PERSON" and _named_as_person(m.tokens, full_names, surnames):
            m.label = "PERSON"
        elif m.label in MISTYPED_PERSON_LABELS and len(m.tokens) == 1 and m.tokens[0] in named:
            m.label = "PERSON"  # "Abinader", a place here, a person after "el presidente"


def _repair_organization_labels(
    mentions: list[RawMention], by_alias: dict[str, RawMention]
) -> None:
    """A short name the article gives an organisation ("Secretaría de Medio Ambiente
    (Semarnat)") is the organisation wherever it stands, whatever the model called it
    there: a place, a thing ("Semarnat: …")."""
    for m in mentions:
        owner = by_alias.get(" ".join(m.tokens))
        if owner is None or owner.label != "ORG" or m.label == "ORG":
            continue
        if m.label in ("LOC", "MISC") or _is_institution_name(owner.tokens):
            m.label = "ORG"  # an institution's acronym is no person's: "SHCP"


def _split_trailing_people(text: str, mentions: list[RawMention]) -> list[RawMention]:
    """An institution's name run on into the name of a person the article names elsewhere
    is the two: "[Partido Revolucionario Institucional] [Sofía Castro]" where "Sofía
    Castro" stands alone too; so is a ruler's government: "[Gobierno] de [Ofelia
    Tarazona]". (Without that other mention, nothing tells the names apart.) After "de"
    or "y" other heads go on with their name: "Ministerio de Obras Públicas"."""
    people = {m.tokens for m in mentions if m.label == "PERSON" and len(m.tokens) > 1}
    particles, rulers = _particle_keys(), list_keys("ruler_heads")
    out: list[RawMention] = []
    for m in mentions:
        tail = next((p for p in people if len(p) < len(m.tokens) and m.tokens[-len(p):] == p
                     and (m.tokens[0] in rulers or m.tokens[-len(p) - 1] not in particles)),
                    None)  # fmt: skip
        if tail is None or not _is_institution_name(m.tokens):
            out.append(m)
            continue
        # Offsets are counted from the end, where the surface words and the keys agree (a
        # title stripped from the front would shift them there).
        words = list(re.finditer(r"\S+", text[m.start : m.end]))
        head, last = list(m.tokens[: -len(tail)]), len(words) - len(tail) - 1
        while head and head[-1] in particles:
            head.pop()
            last -= 1
        out.append(RawMention(m.start, m.start + words[last].end(), "ORG", tuple(head), m.roles))
        out.append(RawMention(m.start + words[-len(tail)].start(), m.end, "PERSON", tail))
    return sorted(out, key=lambda m: m.start)


@cache
def _particle_keys() -> frozenset[str]:
    """The lower-case words inside names, institutions' included ("para", "contra")."""
    return list_keys("name_particles") | list_keys("institution_particles")


def _is_institution_name(tokens: tuple[str, ...]) -> bool:
    """Whether a name (its name keys) opens with an institution's head noun: "secretaria de
    hacienda", "instituto mexicano del seguro social"."""
    return bool(tokens) and tokens[0] in _institution_head_keys()


@cache
def _institution_heads() -> frozenset[str]:
    """The head nouns of institutions' names, as written ("Secretaría")."""
    return frozenset(word for word, label in _head_labels().items() if label == "ORG")


@cache
def _institution_head_keys() -> frozenset[str]:
    return frozenset(name_key(word) for word in _institution_heads())


def _repair_institution_parts(mentions: list[RawMention]) -> None:
    """The words after "de" or "y" in an institution's name are no person where the model
    tags them alone: "Hacienda" and "Crédito Público" of "Secretaría de Hacienda y Crédito
    Público", "Seguro Social" of "Instituto Mexicano del Seguro Social"."""
    particles, rulers = _particle_keys(), list_keys("ruler_heads")
    parts: set[tuple[str, ...]] = set()
    for m in mentions:
        if m.label != "ORG" or not _is_institution_name(m.tokens) or m.tokens[0] in rulers:
            continue  # "Gobierno de [Macron]" names a person
        for i in range(1, len(m.tokens)):
            if m.tokens[i - 1] in particles and m.tokens[i] not in particles:
                j = i
                while j < len(m.tokens) and m.tokens[j] not in particles:
                    j += 1
                parts.add(m.tokens[i:j])
    for m in mentions:
        if m.label == "PERSON" and m.tokens in parts:
            m.label = "ORG"


def _named_as_person(
    tokens: tuple[str, ...], full_names: set[tuple[str, ...]], surnames: set[str]
) -> bool:
    if len(tokens) == 1:
        return any(tokens[0] in f[1:] for f in full_names)
    return tokens in full_names or (len(tokens) == 2 and tokens[-1] in surnames)


def _without_overlaps(raw: Sequence[tuple[int, int, Label]]) -> list[tuple[int, int, Label]]:
    """One mention per stretch of text: the longest wins, then the earliest."""
    kept: list[tuple[int, int, Label]] = []
    for item in sorted(set(raw), key=lambda m: (m[0] - m[1], m[0])):
        if not any(s < item[1] and item[0] < e for s, e, _ in kept):
            kept.append(item)
    return sorted(kept)


def _analyse(text: str, start: int, end: int, label: Label, language: str = "en") -> RawMention:
    span = text[start:end]
    clean = _NICK_IN_NAME.sub(" ", span)
    words, roles = _strip_titles(clean.split())
    before = _title_before(text, start, language)
    if label in MISTYPED_PERSON_LABELS and words and (before or roles) and _all_capitalised(words):
        label = "PERSON"  # "el presidente [Abinader]" tagged a place, "[El expresidente Quiroga]"
    if label == "PERSON" and before:
        roles.append(before)
    if label == "PERSON" and (after := _title_after(text, end)):
        roles.append(after)
    tokens = tuple(t for t in (name_key(w) for w in words) if t)
    return RawMention(start, end, label, tokens, tuple(roles))


def _build_chains(
    text: str, mentions: list[RawMention], aliases: dict[int, set[str]]
) -> list[Chain]:
    """Chains in order of first mention; ``aliases`` are keyed by ``id()`` of a mention."""
    chains: list[Chain] = []
    owner_alias: dict[str, Chain] = {}
    for m in mentions:
        chain = _find_chain(m, chains, owner_alias)
        if chain is None:
            chain = Chain()
            chains.append(chain)
        _join(chain, m)
        for alias in aliases.get(id(m), ()):
            chain.aliases.add(name_key(alias))
            owner_alias.setdefault(name_key(alias), chain)
    return _merge_early_alias_chains(chains, owner_alias)


def _merge_early_alias_chains(chains: list[Chain], owner_alias: dict[str, Chain]) -> list[Chain]:
    """A nickname used before it is introduced (a headline's "‘El Chato’ arrested")
    belongs to the chain that introduces it later."""
    kept: list[Chain] = []
    for chain in chains:
        keys = {" ".join(m.tokens) for m in chain.members}
        owners = {id(owner_alias[k]) for k in keys if k in owner_alias}
        owner = owner_alias.get(next(iter(keys))) if len(owners) == 1 else None
        if owner is None or owner is chain or not keys <= owner_alias.keys():
            kept.append(chain)
            continue
        for m in chain.members:
            _join(owner, m)
        owner.members.sort(key=lambda m: m.start)
        owner.last = owner.members[-1].start
    return kept


def _join(chain: Chain, m: RawMention) -> None:
    chain.members.append(m)
    chain.label_votes[m.label] += 1
    chain.tokens.update(m.tokens)
    if len(m.tokens) > 1:
        chain.full.append(m.tokens)
    chain.roles.update(m.roles)
    chain.last = m.start


def _find_chain(m: RawMention, chains: list[Chain], by_alias: dict[str, Chain]) -> Chain | None:
    key = " ".join(m.tokens)
    if key in by_alias:
        return by_alias[key]
    if m.label == "PERSON" or (len(m.tokens) == 1 and m.label == "ORG"):
        return _find_person_chain(m, chains)
    # The model's label errors: a full name already chained as a person stays with it.
    person = [
        c for c in chains if c.is_person and any(_full_names_agree(m.tokens, f) for f in c.full)
    ]
    return person[-1] if person else _same_name(m, chains)


def _same_name(m: RawMention, chains: list[Chain]) -> Chain | None:
    key = " ".join(m.tokens)
    for chain in reversed(chains):
        if any(" ".join(x.tokens) == key for x in chain.members):
            return chain
    return None


def _find_person_chain(m: RawMention, chains: list[Chain]) -> Chain | None:
    candidates = [c for c in chains if _person_compatible(m, c)]
    return max(candidates, key=lambda c: c.last) if candidates else None


def _person_compatible(m: RawMention, chain: Chain) -> bool:
    if not m.tokens:
        return False
    if len(m.tokens) == 1:
        token = m.tokens[0]
        names = chain.full or [x.tokens for x in chain.members]
        if chain.is_person:  # a surname or given name, even when mislabelled ORG
            return any(token in n for n in names)
        # "Apple" after "Apple Computer", not "iPhone" after "iPhone Developer Program";
        # never a person's name into an organisation.
        return m.label == "ORG" and any(n[0] == token and len(n) <= 2 for n in names)
    if not chain.full:
        # A full name takes over a chain of bare words only if it contains them all.
        return chain.is_person and chain.tokens <= set(m.tokens)
    return any(_full_names_agree(m.tokens, f) for f in chain.full)


def _full_names_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same given name and one name's words all in the other (two-surname names), or one
    name is the other's surnames ("López Obrador" in "Andrés Manuel López Obrador")."""
    if a[0] == b[0]:
        return set(a) <= set(b) or set(b) <= set(a)
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return len(short) >= 2 and long[len(long) - len(short) :] == short


def _records(text: str, chains: list[Chain]) -> tuple[list[Mention], list[LocalEntity]]:
    entities: list[LocalEntity] = []
    mentions: list[Mention] = []
    for index, chain in enumerate(chains):
        label: Label = "PERSON" if chain.is_person else chain.label_votes.most_common(1)[0][0]
        label = "ORG" if chain.is_institution else label
        names = Counter(_surface(text, m) for m in chain.members)
        entities.append(
            LocalEntity(
                index=index,
                name=_best_name(names),
                label=label,
                aliases=tuple(sorted(set(names))),
                roles=tuple(r for r, _ in chain.roles.most_common()),
            )
        )
        mentions.extend(
            Mention(m.start, m.end, text[m.start : m.end], label, index) for m in chain.members
        )
    mentions.sort(key=lambda m: m.start)
    return mentions, entities


def _surface(text: str, m: RawMention) -> str:
    return surface_name(text[m.start : m.end])


def surface_name(span: str) -> str:
    """A mention as a name: leading titles removed ("President Lucía Ramírez" → "Lucía Ramírez"),
    a nickname without the commas that set it off ("Jorge, ‘Tuto’, Quiroga")."""
    words, _ = _strip_titles(_COMMAS_AROUND_NICKNAME.sub(r" \1 ", span).split())
    return " ".join(words) if words else span


def _best_name(names: Counter[str]) -> str:
    """The most complete spelling (most words, then accents), then the most frequent."""
    return max(names, key=lambda n: (len(n.split()), _accents(n), names[n], n))


def _accents(name: str) -> int:
    return sum(1 for ch in name if ord(ch) > 127 and ch.isalpha())
