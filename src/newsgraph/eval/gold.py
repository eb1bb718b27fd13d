"""Readers for human-annotated gold data: MEANTIME, ECB+ (CAT XML) and CrossRE (JSON lines).

Each reader rebuilds a document text by joining tokens with single spaces (sentences on
their own line) and gives gold mentions as character offsets into it, with our labels.
The data is read where the user keeps it; nothing of it is copied.
"""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EvalDataError

#: MEANTIME entity types to ours. Locations are scored as matching GPE or LOC (see
#: ``labels_match``): MEANTIME does not tell countries and cities from other places.
MEANTIME_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC", "PRO": "MISC",
                   "FIN": "MISC", "MIX": "MISC"}  # fmt: skip
#: MEANTIME syntactic types of named mentions: a name as the head ("Apple said") or as a
#: premodifier ("Apple engineers"); both are names, and NER models tag both.
MEANTIME_NAMED = frozenset({"NAM", "PRE.NAM"})
#: Determiners that gold schemes include in a mention's extent ("the iPhone") and our
#: mentions, which are names, leave out.
DETERMINERS = frozenset({"the", "a", "an"})
#: Gold labels of proper names (people, organisations, places), whose edges are capitalised.
PROPER_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC"})
#: Punctuation a gold token can carry at a mention's edge ("Inc.," is one MEANTIME token).
EDGE_PUNCT = " ,;:\"'`“”‘’()"
#: CrossRE types to ours. The news domain uses the first six; the other domains and the
#: CrossRE 2.0 extension add finer kinds of people, organisations and events (a
#: "politician" is a person). Types that are concepts, not names (a discipline, a genre,
#: a protein), are not named entities we track.
CROSSRE_LABELS = {
    "person": "PERSON", "organisation": "ORG", "country": "GPE", "location": "LOC",
    "event": "EVENT", "misc": "MISC",
    "politician": "PERSON", "scientist": "PERSON", "researcher": "PERSON", "writer": "PERSON",
    "musicalartist": "PERSON", "politicalparty": "ORG", "university": "ORG", "band": "ORG",
    "election": "EVENT", "conference": "EVENT",
}  # fmt: skip
#: ECB+ markables that are entities (events and times are other tasks).
ECB_ENTITY_PREFIXES = ("HUMAN_PART", "NON_HUMAN_PART", "LOC_")


@dataclass(frozen=True, slots=True)
class GoldMention:
    start: int
    end: int
    label: str | None
    cluster: str | None = None
    named: bool = True


@dataclass(slots=True)
class GoldDoc:
    id: str
    text: str
    language: str
    mentions: list[GoldMention] = field(default_factory=list)
    group: str | None = None  # documents resolved together (ECB+ topic, corpus)


#: Gold labels that accept several of ours: gold schemes with one location type do not
#: tell countries and cities (our GPE) from other places, and their "misc" covers our
#: nationalities and named events.
COMPATIBLE = {"LOC": frozenset({"GPE", "LOC"}), "MISC": frozenset({"MISC", "NORP", "EVENT"})}


def labels_match(gold: str | None, predicted: str) -> bool:
    """Whether a predicted label counts as the gold one."""
    if gold is None:
        return False
    return predicted in COMPATIBLE.get(gold, frozenset({gold}))


def read_gold(path: Path, task: str) -> list[GoldDoc]:
    """Gold documents under ``path``, the format recognised from the folder's contents."""
    if not path.exists():
        raise EvalDataError(f"{path}: no such gold data folder or file")
    if any(path.rglob("*ecbplus.xml")):
        return read_ecbplus(path)
    if any(path.rglob("*.xml")):
        return read_meantime(path, cross_document=task == "coref")
    if (path.is_file() and path.suffix == ".json") or any(path.rglob("*.json")):
        return read_crossre(path)
    raise EvalDataError(f"{path}: not MEANTIME, ECB+ or CrossRE data (for {task})")


# -- token texts -------------------------------------------------------------------------


def join_tokens(tokens: Sequence[tuple[str, str, str]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """Text from ``(token id, sentence id, token)`` in order, and each token's span."""
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    pos, sentence = 0, None
    for tid, sent, tok in tokens:
        if parts:
            sep = "\n" if sent != sentence else " "
            parts.append(sep)
            pos += 1
        spans[tid] = (pos, pos + len(tok))
        parts.append(tok)
        pos += len(tok)
        sentence = sent
    return "".join(parts), spans


def _span(anchors: Iterable[str], spans: dict[str, tuple[int, int]]) -> tuple[int, int] | None:
    found = [spans[a] for a in anchors if a in spans]
    if not found:
        return None
    return min(s for s, _ in found), max(e for _, e in found)


def name_extent(text: str, start: int, end: int) -> tuple[int, int]:
    """A gold mention's span as a name: without a leading determiner or edge punctuation,
    the convention of our mentions (a mention that is only those words is left as is)."""
    first = text[start:end].split(" ", 1)
    if len(first) > 1 and first[0].casefold() in DETERMINERS:
        start += len(first[0]) + 1
    if text[start:end].endswith(" ."):  # an abbreviation's dot split off ("EE.UU .")
        end -= 2
    while end - start > 1 and text[end - 1] in EDGE_PUNCT:
        end -= 1
    while end - start > 1 and text[start] in EDGE_PUNCT:
        start += 1
    return start, end


# -- MEANTIME ----------------------------------------------------------------------------


def read_meantime(path: Path, *, cross_document: bool = True) -> list[GoldDoc]:
    """MEANTIME CAT XML; given the distribution's root, the cross-document layer (for
    coreference) or the in-document one."""
    layer = path / ("intra_cross-doc_annotation" if cross_document else "intra-doc_annotation")
    root = layer if layer.is_dir() else path
    files = sorted(root.rglob("*.xml")) if root.is_dir() else [root]
    return [_meantime_doc(f) for f in files if f.name != "MEANTIME_NWR.xsd"]


def _meantime_doc(file: Path) -> GoldDoc:
    root = ET.parse(file).getroot()
    markables = root.find("Markables")
    mentions_el = [] if markables is None else list(markables)
    last = _last_annotated_sentence(root, mentions_el)
    tokens = [
        (t.get("t_id", ""), t.get("sentence", ""), t.text or "")
        for t in root.iter("token")
        if int(t.get("sentence") or 0) <= last
    ]
    text, spans = join_tokens(tokens)
    instances = {
        m.get("m_id"): (m.get("ent_type"), m.get("instance_id"))
        for m in mentions_el
        if m.tag == "ENTITY"
    }
    target_of = _refers_to(root)
    mentions = []
    for m in mentions_el:
        if m.tag != "ENTITY_MENTION":
            continue
        span = _span((a.get("t_id", "") for a in m.iter("token_anchor")), spans)
        ent_type, instance = instances.get(target_of.get(m.get("m_id", "")), (None, None))
        if span is None or ent_type is None:
            continue
        named = m.get("syntactic_type") in MEANTIME_NAMED
        start, end = name_extent(text, *span)
        mentions.append(GoldMention(start, end, MEANTIME_LABELS.get(ent_type), instance, named))
    doc_id = root.get("doc_name") or file.stem
    return GoldDoc(doc_id, text, root.get("lang", "en"), mentions, group=file.parent.name)


def _last_annotated_sentence(root: ET.Element, markables: list[ET.Element]) -> int:
    """Last sentence of the fully annotated opening of a MEANTIME article.

    MEANTIME annotates only the title and first sentences of each article. Its markables
    carry attributes (``syntactic_type``, ``pred``…); the bare ones (only an ``m_id``)
    of the cross-document layer were added further on for the SemEval-2015 timelines,
    for a few target entities and events only, so they do not extend the range.
    """
    sentence = {t.get("t_id"): int(t.get("sentence") or 0) for t in root.iter("token")}
    last = -1
    for m in markables:
        if set(m.attrib) <= {"m_id"}:
            continue
        anchors = [
            sentence[a.get("t_id")] for a in m.iter("token_anchor") if a.get("t_id") in sentence
        ]
        last = max([last, *anchors])
    return last if last >= 0 else max(sentence.values(), default=0)


def _refers_to(root: ET.Element) -> dict[str, str]:
    target_of: dict[str, str] = {}
    for rel in root.iter("REFERS_TO"):
        target = rel.find("target")
        if target is None:
            continue
        for source in rel.iter("source"):
            target_of[source.get("m_id", "")] = target.get("m_id", "")
    return target_of


# -- ECB+ --------------------------------------------------------------------------------


def read_ecbplus(path: Path) -> list[GoldDoc]:
    """ECB+ entity mentions in the annotated sentences, clustered by cross-document chain."""
    selected = _ecb_sentences(path)
    docs = []
    for file in sorted(path.rglob("*.xml"), key=_ecb_order):
        key = file.stem.split("_", 1)[-1]
        if key in selected:
            docs.append(_ecb_doc(file, selected[key]))
    return docs


def _ecb_order(file: Path) -> tuple[int, str]:
    topic = file.stem.split("_", 1)[0]
    return (int(topic) if topic.isdigit() else 0, file.stem)


def _ecb_sentences(path: Path) -> dict[str, set[str]]:
    csv_path = next(iter(path.rglob("ECBplus_coreference_sentences.csv")), None)
    if csv_path is None:
        raise EvalDataError(f"{path}: ECBplus_coreference_sentences.csv not found")
    selected: dict[str, set[str]] = {}
    with csv_path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            file_key = row["File"].strip()
            selected.setdefault(file_key, set()).add(row["Sentence Number"].strip())
    return selected


def _ecb_doc(file: Path, sentences: set[str]) -> GoldDoc:
    root = ET.parse(file).getroot()
    tokens = [
        (t.get("t_id", ""), t.get("sentence", ""), t.text or "")
        for t in root.iter("token")
        if t.get("sentence") in sentences
    ]
    text, spans = join_tokens(tokens)
    chains = _ecb_chains(root)
    mentions = []
    markables = root.find("Markables")
    for m in [] if markables is None else list(markables):
        if not m.tag.startswith(ECB_ENTITY_PREFIXES) or m.find("token_anchor") is None:
            continue
        span = _span((a.get("t_id", "") for a in m.iter("token_anchor")), spans)
        if span is None:
            continue
        m_id = m.get("m_id", "")
        cluster = chains.get(m_id, f"{file.stem}:{m_id}")
        mentions.append(GoldMention(*name_extent(text, *span), None, cluster, named=False))
    topic = file.stem.split("_", 1)[0]
    return GoldDoc(file.stem, text, "en", mentions, group=topic)


def _ecb_chains(root: ET.Element) -> dict[str, str]:
    """Mention id → cross-document chain (``note``), else the within-document chain."""
    chains: dict[str, str] = {}
    for tag in ("INTRA_DOC_COREF", "CROSS_DOC_COREF"):  # cross-doc ids win
        for rel in root.iter(tag):
            target = rel.find("target")
            chain = rel.get("note") or (target.get("m_id") if target is not None else None)
            if not chain:
                continue
            for source in rel.iter("source"):
                chains[source.get("m_id", "")] = (
                    chain if tag == "CROSS_DOC_COREF" else (f"{root.get('doc_name')}:{chain}")
                )
    return chains


# -- CrossRE -----------------------------------------------------------------------------


def read_crossre(path: Path) -> list[GoldDoc]:
    """CrossRE JSON lines (English, or the Spanish translation): one document per sentence."""
    if (path / "crossre_data").is_dir():  # the distribution's root: its English set
        path = path / "crossre_data"
    files = (
        [path] if path.is_file() else sorted(path.glob("*-dev.json")) or sorted(path.glob("*.json"))
    )
    docs: list[GoldDoc] = []
    for file in files:
        language = "es" if "es" in file.parent.name.split("_") else "en"
        with file.open(encoding="utf-8") as f:
            docs.extend(_crossre_doc(json.loads(line), language) for line in f if line.strip())
    return docs


def _crossre_doc(record: dict[str, object], language: str) -> GoldDoc:
    tokens = [str(t) for t in record["sentence"]]  # type: ignore[attr-defined]
    text, spans = join_tokens([(str(i), "0", t) for i, t in enumerate(tokens)])
    projected = "ner_mapping_to_source" in record  # Multi-CrossRE machine translations
    mentions = []
    for start, end, kind in record["ner"]:  # type: ignore[attr-defined]
        label = CROSSRE_LABELS.get(str(kind))
        if label is None:
            continue
        span = name_extent(text, spans[str(start)][0], spans[str(end)][1])  # inclusive ends
        if projected and label in PROPER_NAME_LABELS:
            span = _capitalised_extent(text, *span)
        mentions.append(GoldMention(*span, label))
    return GoldDoc(str(record["doc_key"]), text, language, mentions, group=language)


def _capitalised_extent(text: str, start: int, end: int) -> tuple[int, int]:
    """A projected name without the lowercase words its alignment took in at either edge
    ("del Alania", "Kent recuperó"); a span with no capitalised word is left as is."""
    words = text[start:end].split(" ")
    if not any(w[:1].isupper() for w in words):
        return start, end
    while not words[0][:1].isupper():
        start += len(words.pop(0)) + 1
    while not words[-1][:1].isupper():
        end -= len(words.pop()) + 1
    return start, end
