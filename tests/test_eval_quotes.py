"""PolNeAR reader and the quote quality gate on a development subset."""

from __future__ import annotations

from pathlib import Path

from newsgraph.eval import run_eval
from newsgraph.eval.quotes import evaluate_quotes, read_polnear
from newsgraph.records import Article, DocResult, Metadata, Quote, Segment, Speaker

#: Measured on the first 30 dev articles (0.728, 0.575 and 0.878); the gates sit a little under.
F1_FLOOR = 0.71
F1_STRICT_FLOOR = 0.55  # content spans sharing 80 % of their words
SPEAKER_FLOOR = 0.865


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
    assert metrics["f1_overlap_0.8"] >= F1_STRICT_FLOOR
    assert metrics["speaker_accuracy"] >= SPEAKER_FLOOR


def test_fragmented_gold_content_is_scored_without_the_attribution_between(
    tmp_path: Path,
) -> None:
    text = "“The dam will hold for now,” Odilia Cárdenas said. “We checked it twice.”"
    first, second = text.index("The dam"), text.index("We checked")
    said = text.index("said")
    ann = (
        f"T1\tContent {first} {text.index(',”')};{second} {len(text) - 2}\tx\n"
        f"T2\tCue {said} {said + 4}\tsaid\n"
        f"E1\tAttribution:T2 Content:T1 Cue:T2\n"
    )
    _write_polnear(tmp_path, text, ann)
    docs = read_polnear(tmp_path, None)
    # Mostly attribution: 2 of its 5 words are content words, 2 of the 10 gold words.
    around = Quote(text.index("now"), second + 2, "", "indirect", Speaker(None, "unknown"),
                   None, "en")  # fmt: skip
    metrics = evaluate_quotes(docs, lambda *_a, **_k: _result(text, [around]))
    assert docs[0].annotations[0][0].direct
    assert metrics["recall_overlap_0.3"] == 0.0


def test_a_span_that_cuts_a_word_still_shares_that_word(tmp_path: Path) -> None:
    text = "Odilia Cárdenas said the dam would hold."
    _write_polnear(tmp_path, text, f"T1\tContent {text.index('he dam')} {len(text) - 1}\tx\n"
                   "E1\tAttribution:T1 Content:T1\n")  # fmt: skip
    start = text.index("the dam")
    exact = Quote(start, len(text) - 1, "", "indirect", Speaker(None, "unknown"), None, "en")
    metrics = evaluate_quotes(
        read_polnear(tmp_path, None), lambda *_a, **_k: _result(text, [exact])
    )
    assert metrics["recall_overlap_0.8"] == 1.0


def _result(text: str, quotes: list[Quote]) -> DocResult:
    article = Article("a", "<text>", text, "en", (Segment(0, len(text), "en"),), Metadata(), "h")
    return DocResult(article=article, quotes=quotes)


def _write_polnear(root: Path, text: str, ann: str) -> None:
    (root / "text").mkdir()
    (root / "attributions").mkdir()
    (root / "text" / "a.txt").write_text(text, encoding="utf-8")
    (root / "attributions" / "a_0001.ann").write_text(ann, encoding="utf-8")
