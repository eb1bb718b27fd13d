"""Gold readers: every gold mention covers exactly its tokens in the rebuilt text."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import EvalDataError
from newsgraph.eval.gold import read_crossre, read_ecbplus, read_gold, read_meantime


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
