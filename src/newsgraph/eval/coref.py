"""Cross-document entity coreference evaluation (MUC, B³, CEAF-e, CoNLL F1).

The system's own mentions are scored, as in Pradhan et al. (2014): key and response are
partitions of different mention sets. A predicted mention stands for the gold mention it
is aligned to (one to one): first the gold mention with the same span, else the smallest
unaligned gold mention that contains it and ends where it ends — gold extents are whole
noun phrases ("in Los Angeles", "Apple CEO Steve Jobs") whose head, the name, comes last.
Gold mentions nobody predicted lower recall; predicted mentions aligned to no gold
mention stay in the response and lower precision.

Gold data annotates some entities only (ECB+ marks the participants of its annotated
events; MEANTIME every entity, nominal and pronominal ones too, while we predict names),
so the report also gives ``aligned_*`` scores over the predicted mentions aligned to a gold
one, and the mention counts behind both. Documents of one group (an ECB+ topic, a
MEANTIME corpus) are analysed and resolved together; scores are averaged over groups.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from itertools import groupby
from typing import Any

from ..records import DocResult
from .gold import GoldDoc, GoldMention
from .metrics import PRF, Cluster, b_cubed, ceaf_e, muc

Analyze = Callable[..., DocResult]
Resolve = Callable[[Sequence[DocResult]], list[list[str]]]
Span = tuple[int, int]
METRICS = ("muc", "b3", "ceafe")


def evaluate_coref(
    docs: Sequence[GoldDoc], analyze: Analyze, resolve: Resolve, *, limit: int | None = None
) -> dict[str, Any]:
    """CoNLL-style scores averaged over document groups (``limit``: first N groups)."""
    groups = [list(g) for _, g in groupby(docs, key=lambda d: d.group)]
    groups = groups[:limit] if limit else groups
    scored = [_score_group(g, analyze, resolve) for g in groups]
    out: dict[str, Any] = {}
    out.update(_averages([s for s, _, _ in scored], ""))
    out.update(_averages([s for _, s, _ in scored], "aligned_"))
    for name in ("key_mentions", "response_mentions", "aligned_mentions"):
        out[name] = sum(c[name] for _, _, c in scored)
    out["groups"] = len(groups)
    out["documents"] = sum(len(g) for g in groups)
    return out


def _averages(scores: list[dict[str, PRF]], prefix: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for name in METRICS:
        for part in ("precision", "recall"):
            out[f"{prefix}{name}_{part}"] = round(_mean(getattr(s[name], part) for s in scores), 4)
        out[f"{prefix}{name}_f1"] = round(_mean(s[name].f1 for s in scores), 4)
    out[f"{prefix}conll_f1"] = round(sum(out[f"{prefix}{n}_f1"] for n in METRICS) / 3, 4)
    return out


def _mean(values: Any) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def _score_group(
    docs: list[GoldDoc], analyze: Analyze, resolve: Resolve
) -> tuple[dict[str, PRF], dict[str, PRF], dict[str, int]]:
    results = [analyze(d.text, language=d.language) for d in docs]
    entity_ids = resolve(results)
    key_items = [
        ((i, g.start, g.end), g.cluster or f"{i}:{g.start}-{g.end}")
        for i, d in enumerate(docs)
        for g in d.mentions
    ]
    response_items, aligned_items = [], []
    for i, (doc, result, ids) in enumerate(zip(docs, results, entity_ids, strict=True)):
        alignment = align_mentions(doc.mentions, [(m.start, m.end) for m in result.mentions])
        for m in result.mentions:
            gold = alignment.get((m.start, m.end))
            response_items.append(((i, *(gold or (m.start, m.end))), ids[m.local]))
            if gold is not None:
                aligned_items.append(((i, *gold), ids[m.local]))
    key = _clusters(key_items)
    counts = {"key_mentions": len(key_items), "response_mentions": len(response_items),
              "aligned_mentions": len(aligned_items)}  # fmt: skip
    return _scores(key, _clusters(response_items)), _scores(key, _clusters(aligned_items)), counts


def _scores(key: list[Cluster], response: list[Cluster]) -> dict[str, PRF]:
    return {"muc": muc(key, response), "b3": b_cubed(key, response), "ceafe": ceaf_e(key, response)}


def align_mentions(gold: Sequence[GoldMention], predicted: Sequence[Span]) -> dict[Span, Span]:
    """Predicted span → the gold span it stands for (see the module docstring)."""
    gold_spans = {(g.start, g.end) for g in gold}
    alignment = {p: p for p in predicted if p in gold_spans}
    free = gold_spans - set(alignment.values())
    for p in sorted(set(predicted) - set(alignment), key=lambda s: s[1] - s[0], reverse=True):
        around = [g for g in free if g[0] <= p[0] and g[1] == p[1]]
        if around:
            best = min(around, key=lambda g: g[1] - g[0])
            alignment[p] = best
            free.discard(best)
    return alignment


def _clusters(items: Any) -> list[Cluster]:
    by_id: dict[str, set[Hashable]] = defaultdict(set)
    for mention, cluster in items:
        by_id[cluster].add(mention)
    return [frozenset(v) for v in by_id.values()]
