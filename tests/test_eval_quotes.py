"""PolNeAR reader and the quote quality gate on a development subset."""

from __future__ import annotations

from newsgraph.eval import run_eval
from newsgraph.eval.quotes import read_polnear

#: Measured on the first 30 dev articles (see the issue notes); the gate sits a little under.
F1_FLOOR = 0.53
SPEAKER_FLOOR = 0.78


def test_polnear_reader_finds_articles_and_annotators(gold: type) -> None:
    docs = read_polnear(gold.path("polnear"), "dev")
    assert len(docs) == 84
    assert sum(len(d.annotations) for d in docs) == 94
    doc = docs[0]
    quote = doc.annotations[0][0]
    assert 0 <= quote.start < quote.end <= len(doc.text)


def test_quote_f1_and_speaker_accuracy_stay_above_their_floors(gold: type) -> None:
    metrics = run_eval("quotes", gold.path("polnear"), limit=30)
    assert metrics["f1_overlap_0.3"] >= F1_FLOOR
    assert metrics["speaker_accuracy"] >= SPEAKER_FLOOR
