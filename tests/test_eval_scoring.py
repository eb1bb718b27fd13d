"""How predictions are counted against gold: mention alignment and label schemes."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.eval.coref import align_mentions, evaluate_coref
from newsgraph.eval.gold import GoldDoc, GoldMention
from newsgraph.eval.ner import evaluate_ner
from newsgraph.records import Article, DocResult, Label, LocalEntity, Mention, Metadata, Segment

TEXT = "Mayor Renata Ibarguen spoke in Los Angeles. Ibarguen left."


def fake_analyze(*names: tuple[str, Label, int]) -> Any:
    """An analyzer that tags the first occurrence of each name, as entity ``local``."""

    def analyze(text: str, *, language: str = "en") -> DocResult:
        article = Article("d", "t", text, language, (Segment(0, len(text), language),),
                          Metadata(), "h")  # fmt: skip
        mentions = [Mention(text.index(n), text.index(n) + len(n), n, label, local)
                    for n, label, local in names]  # fmt: skip
        locals_ = sorted({(local, label) for _, label, local in names})
        entities = [LocalEntity(i, f"e{i}", label) for i, label in locals_]
        return DocResult(article, mentions, entities)

    return analyze


def span(name: str) -> tuple[int, int]:
    return TEXT.index(name), TEXT.index(name) + len(name)


def test_a_name_aligns_with_the_gold_phrase_that_ends_in_it() -> None:
    gold = [GoldMention(*span("Mayor Renata Ibarguen"), None),
            GoldMention(*span("in Los Angeles"), None)]  # fmt: skip
    predicted = [span("Renata Ibarguen"), span("Los Angeles"), span("Mayor")]
    alignment = align_mentions(gold, predicted)
    assert alignment == {span("Renata Ibarguen"): span("Mayor Renata Ibarguen"),
                         span("Los Angeles"): span("in Los Angeles")}  # fmt: skip


def test_alignment_is_one_to_one_and_prefers_the_exact_span() -> None:
    gold = [GoldMention(*span("Renata Ibarguen"), None),
            GoldMention(*span("Mayor Renata Ibarguen"), None)]  # fmt: skip
    alignment = align_mentions(gold, [span("Ibarguen"), span("Renata Ibarguen")])
    assert alignment == {span("Renata Ibarguen"): span("Renata Ibarguen"),
                         span("Ibarguen"): span("Mayor Renata Ibarguen")}  # fmt: skip


def test_unannotated_predictions_cost_precision_only_in_the_full_scores() -> None:
    later = TEXT.rindex("Ibarguen")
    chain = [GoldMention(*span("Mayor Renata Ibarguen"), None, "c1"),
             GoldMention(later, later + len("Ibarguen"), None, "c1")]  # fmt: skip
    gold = GoldDoc("d", TEXT, "en", chain, group="g")
    analyze = fake_analyze(("Renata Ibarguen", "PERSON", 0), ("Los Angeles", "GPE", 1))
    scores = evaluate_coref([gold], analyze, lambda results: [["p0", "p1"] for _ in results])
    assert scores["aligned_mentions"] == 1 and scores["response_mentions"] == 2
    assert scores["aligned_b3_precision"] == pytest.approx(1.0)
    assert scores["b3_precision"] == pytest.approx(0.5)


def test_our_gpe_counts_as_the_location_of_a_scheme_without_gpe() -> None:
    gold = GoldDoc("d", TEXT, "en", [GoldMention(*span("Los Angeles"), "LOC"),
                                     GoldMention(*span("Renata Ibarguen"), "PERSON")])  # fmt: skip
    analyze = fake_analyze(("Los Angeles", "GPE", 0), ("Mayor", "ORG", 1))
    scores = evaluate_ner([gold], analyze)
    assert (scores["tp"], scores["fp"], scores["fn"]) == (1, 1, 1)
    assert scores["f1_per_label"]["LOC"] == pytest.approx(1.0)
    assert scores["f1_per_label"]["PERSON"] == 0.0
