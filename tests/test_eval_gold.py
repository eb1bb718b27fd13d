"""Gold readers: every gold mention covers exactly its tokens in the rebuilt text."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from newsgraph.errors import EvalDataError
from newsgraph.eval.gold import name_extent, read_crossre, read_ecbplus, read_gold, read_meantime


def test_meantime_mentions_point_at_their_tokens(gold: type) -> None:
    docs = read_meantime(gold.path("meantime_en"), cross_document=False)
    assert len(docs) == 30
    named = [m for d in docs for m in d.mentions if m.named]
    assert len(named) > 200
    for doc in docs:
        for m in doc.mentions:
            span = doc.text[m.start : m.end]
            assert span == span.strip() and span


def test_meantime_cross_document_layer_has_shared_instances(gold: type) -> None:
    docs = read_meantime(gold.path("meantime_en"))
    docs_per_instance: dict[str, set[str]] = {}
    for doc in docs:
        for m in doc.mentions:
            docs_per_instance.setdefault(m.cluster or "", set()).add(doc.id)
    assert max(len(v) for v in docs_per_instance.values()) > 5


def test_crossre_spans_and_labels(gold: type) -> None:
    docs = read_crossre(gold.path("crossre_news", "crossre_data"))
    assert len(docs) == 350
    first = next(d for d in docs if d.mentions)
    assert first.text[first.mentions[0].start : first.mentions[0].end] == "LEICESTERSHIRE"
    spanish = read_crossre(gold.path("crossre_news", "multi-crossre_es_translation"))
    assert {d.language for d in spanish} == {"es"}


def test_ecbplus_reads_only_annotated_sentences(gold: type) -> None:
    docs = read_ecbplus(gold.path("ecbplus"))
    assert len({d.group for d in docs}) >= 20
    assert all(d.text for d in docs)
    clusters = {m.cluster for d in docs for m in d.mentions}
    assert len(clusters) > 100


def test_missing_gold_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EvalDataError, match="no such gold data"):
        read_gold(tmp_path / "absent", "ner")


def test_meantime_text_is_only_its_fully_annotated_opening(gold: type) -> None:
    intra = read_meantime(gold.path("meantime_en"), cross_document=False)
    cross = read_meantime(gold.path("meantime_en"))
    assert [d.text for d in intra] == [d.text for d in cross]
    first = sorted(gold.path("meantime_en", "intra-doc_annotation").rglob("*.xml"))[0]
    sentences = {t.get("sentence") for t in ET.parse(first).getroot().iter("token")}
    assert intra[0].text.count("\n") + 1 < len(sentences)


def test_meantime_premodifier_names_are_named_mentions(gold: type) -> None:
    docs = read_meantime(gold.path("meantime_en"), cross_document=False)
    named = {d.text[m.start : m.end] for d in docs for m in d.mentions if m.named}
    assert "Apple" in named
    assert not any(n.casefold().startswith("the ") for n in named)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("the iPhone", "iPhone"),
        ("Apple Inc.,", "Apple Inc."),
        ("“Casimiro Urrutia”", "Casimiro Urrutia"),
        ("EE.UU .", "EE.UU"),
        ("The", "The"),
    ],
)
def test_name_extent_drops_determiners_and_edge_punctuation(text: str, name: str) -> None:
    start, end = name_extent(text, 0, len(text))
    assert text[start:end] == name


def test_projected_spanish_spans_keep_their_capitalised_words(tmp_path: Path) -> None:
    record = {
        "doc_key": "x",
        "sentence": ["Ganó", "el", "Dinamo", "de", "Moscú", "ayer"],
        "ner": [[1, 5, "organisation"], [0, 0, "misc"]],
        "ner_mapping_to_source": [0, 1],
    }
    folder = tmp_path / "multi-crossre_es_translation"
    folder.mkdir()
    (folder / "news-dev.json").write_text(json.dumps(record), encoding="utf-8")
    doc = read_crossre(folder)[0]
    assert [doc.text[m.start : m.end] for m in doc.mentions] == ["Dinamo de Moscú", "Ganó"]
    assert doc.language == "es"
