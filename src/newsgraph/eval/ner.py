"""Named-entity evaluation: exact span and label over named gold mentions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from ..records import DocResult
from .gold import GoldDoc, labels_match
from .metrics import prf

Analyze = Callable[..., DocResult]


def evaluate_ner(
    docs: Sequence[GoldDoc], analyze: Analyze, *, limit: int | None = None
) -> dict[str, Any]:
    """Precision, recall and F1 of predicted mentions against named gold mentions."""
    counts: dict[str, Counter[str]] = {"tp": Counter(), "fp": Counter(), "fn": Counter()}
    scheme = {g.label for d in docs for g in d.mentions if g.named and g.label}
    for doc in docs[:limit] if limit else docs:
        result = analyze(doc.text, language=doc.language)
        if result.article.text != doc.text:
            raise RuntimeError(f"{doc.id}: the analyzer changed the text")
        predicted = [(m.start, m.end, _in_scheme(m.label, scheme)) for m in result.mentions]
        _count(doc, predicted, counts)
    tp, fp, fn = (sum(c.values()) for c in (counts["tp"], counts["fp"], counts["fn"]))
    total = prf(tp, fp, fn)
    labels = sorted(set().union(*counts.values()))
    per_label = {
        label: round(prf(counts["tp"][label], counts["fp"][label], counts["fn"][label]).f1, 4)
        for label in labels
    }
    return {
        "precision": round(total.precision, 4), "recall": round(total.recall, 4),
        "f1": round(total.f1, 4), "tp": tp, "fp": fp, "fn": fn,
        "documents": len(docs[:limit] if limit else docs), "f1_per_label": per_label,
    }  # fmt: skip


def _in_scheme(label: str, scheme: set[str]) -> str:
    """Our label as the gold scheme's: MEANTIME has no GPE, so our GPE is its LOC."""
    if label in scheme:
        return label
    return next((g for g in sorted(scheme) if labels_match(g, label)), label)


def _count(
    doc: GoldDoc, predicted: list[tuple[int, int, str]], counts: dict[str, Counter[str]]
) -> None:
    """Hits and misses per label: a hit and a miss count under the gold label (which may
    accept several of ours, see ``labels_match``), a false alarm under the predicted one."""
    gold = {(g.start, g.end): g.label for g in doc.mentions if g.named and g.label}
    matched: set[tuple[int, int]] = set()
    for start, end, label in predicted:
        wanted = gold.get((start, end))
        if wanted is not None and labels_match(wanted, label):
            counts["tp"][wanted] += 1
            matched.add((start, end))
        else:
            counts["fp"][label] += 1
    for span, label in gold.items():
        if span not in matched:
            counts["fn"][label] += 1
