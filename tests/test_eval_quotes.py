"""PolNeAR reader and the quote quality gate on a development subset."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from newsgraph.eval import run_eval
from newsgraph.eval.quotes import evaluate_quotes, read_polnear
from newsgraph.records import Article, DocResult, Metadata, Quote, Segment, Speaker

#: Measured on the first 30 dev articles (0.741, 0.596 and 0.883); the gates sit a little under.
F1_FLOOR = 0.74
F1_STRICT_FLOOR = 0.60  # content spans sharing 80 % of their words
SPEAKER_FLOOR = 0.90


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


def test_predicted_parts_are_scored_without_the_attribution_between(tmp_path: Path) -> None:
    text = "“The dam will hold for now,” Odilia Cárdenas said. “We checked it twice.”"
    first, comma, second = text.index("The dam"), text.index(",”"), text.index("We checked")
    end = len(text) - 2
    _write_polnear(tmp_path, text, f"T1\tContent {first} {comma};{second} {end}\tx\n"
                   "E1\tAttribution:T1 Content:T1\n")  # fmt: skip
    docs = read_polnear(tmp_path, None)
    whole = Quote(first, end, text[first:end], "direct", Speaker(None, "unknown"), None, "en")
    parted = replace(whole, parts=((first, comma + 1), (second, end)))
    # The whole span shares 10 of its 13 words with the gold fragments: under 0.8.
    for quote, recall in ((whole, 0.0), (parted, 1.0)):
        metrics = evaluate_quotes(docs, lambda *_a, q=quote, **_k: _result(text, [q]))
        assert metrics["recall_overlap_0.8"] == recall


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


def test_error_records_name_misses_spurious_quotes_and_wrong_speakers(tmp_path: Path) -> None:
    text = (
        "Odilia Cárdenas said the dam will hold. The canal is dry, farmers said. "
        "Nobody asked the mayor about the bridge."
    )
    dam, canal = text.index("the dam"), text.index("The canal")
    who, farmers = text.index("Odilia Cárdenas"), text.index("farmers")
    ann = (
        f"T1\tContent {dam} {text.index(' will hold') + 10}\tx\n"
        f"T2\tSource {who} {who + 15}\tOdilia Cárdenas\n"
        f"E1\tAttribution:T1 Content:T1 Source:T2\n"
        f"T3\tContent {canal} {text.index(' is dry') + 7}\tx\n"
        f"T4\tSource {farmers} {farmers + 7}\tfarmers\n"
        f"E2\tAttribution:T3 Content:T3 Source:T4\n"
    )
    _write_polnear(tmp_path, text, ann)
    bridge = text.index("the bridge")
    predicted = [
        Quote(dam, dam + 19, "", "indirect", Speaker("farmers", "unknown", farmers, farmers + 7),
              "said", "en"),
        Quote(bridge, bridge + 10, "", "indirect", Speaker(None, "unknown"), "asked", "en"),
    ]  # fmt: skip
    records: list[dict[str, object]] = []
    evaluate_quotes(read_polnear(tmp_path, None), lambda *_a, **_k: _result(text, predicted),
                    errors=records.append)  # fmt: skip
    by_error = {r["error"]: r for r in records}
    assert set(by_error) == {"wrong_speaker", "missed", "spurious"}
    assert by_error["wrong_speaker"]["gold_source"] == "Odilia Cárdenas"
    assert by_error["missed"]["gold"] == "The canal is dry"
    assert "[the bridge]" in str(by_error["spurious"]["context"])


def test_annotators_are_scored_against_each_other_on_the_articles_they_share(
    tmp_path: Path,
) -> None:
    text = "Odilia Cárdenas said the dam will hold. The canal is dry, farmers said."
    dam, canal = text.index("the dam"), text.index("The canal")
    both = f"T1\tContent {dam} {dam + 19}\tx\nE1\tAttribution:T1 Content:T1\n"
    more = f"T2\tContent {canal} {canal + 16}\tx\nE2\tAttribution:T2 Content:T2\n"
    _write_polnear(tmp_path, text, both + more)
    (tmp_path / "attributions" / "a_0002.ann").write_text(both, encoding="utf-8")
    (tmp_path / "text" / "b.txt").write_text(text, encoding="utf-8")
    (tmp_path / "attributions" / "b_0001.ann").write_text(both, encoding="utf-8")
    predicted = [Quote(dam, dam + 19, "", "indirect", Speaker(None, "unknown"), "said", "en")]
    metrics = evaluate_quotes(
        read_polnear(tmp_path, None), lambda *_a, **_k: _result(text, predicted)
    )
    assert metrics["agreement_articles"] == 1  # "b" has one annotator
    # Each annotator finds the other's one quote of two: precision 1/2 one way, recall the other.
    assert metrics["annotator_agreement_f1_overlap_0.3"] == round(2 / 3, 4)
    # The system finds the shared quote: precision 1, recall 1/2 and 1.
    assert metrics["system_on_agreement_articles_f1_overlap_0.3"] == 0.8


def test_no_agreement_is_reported_without_an_article_of_several_annotators(
    tmp_path: Path,
) -> None:
    text = "Odilia Cárdenas said the dam will hold."
    dam = text.index("the dam")
    _write_polnear(
        tmp_path, text, f"T1\tContent {dam} {dam + 19}\tx\nE1\tAttribution:T1 Content:T1\n"
    )
    metrics = evaluate_quotes(read_polnear(tmp_path, None), lambda *_a, **_k: _result(text, []))
    assert "agreement_articles" not in metrics
