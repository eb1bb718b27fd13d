"""Cross-document entity coreference evaluation (MUC, B³, CEAF-e, CoNLL F1).

The system's own mentions are scored: gold and predicted mentions are the same mention
when their spans are equal. Documents of one group (an ECB+ topic, a MEANTIME corpus) are
analysed and resolved together; the scores are averaged over groups.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from itertools import groupby
from typing import Any

from ..records import DocResult
from .gold import GoldDoc
from .metrics import PRF, Cluster, b_cubed, ceaf_e, muc

Analyze = Callable[..., DocResult]
Resolve = Callable[[Sequence[DocResult]], list[list[str]]]


def evaluate_coref(
    docs: Sequence[GoldDoc], analyze: Analyze, resolve: Resolve, *, limit: int | None = None
) -> dict[str, Any]:
    """CoNLL-style scores averaged over document groups (``limit``: first N groups)."""
    groups = [list(g) for _, g in groupby(docs, key=lambda d: d.group)]
    groups = groups[:limit] if limit else groups
    scores = [_score_group(g, analyze, resolve) for g in groups]
    out: dict[str, Any] = {}
    for name in ("muc", "b3", "ceafe"):
        for part in ("precision", "recall"):
            out[f"{name}_{part}"] = round(_mean(getattr(s[name], part) for s in scores), 4)
        out[f"{name}_f1"] = round(_mean(s[name].f1 for s in scores), 4)
    out["conll_f1"] = round((out["muc_f1"] + out["b3_f1"] + out["ceafe_f1"]) / 3, 4)
    out["groups"] = len(groups)
    out["documents"] = sum(len(g) for g in groups)
    return out


def _mean(values: Any) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def _score_group(docs: list[GoldDoc], analyze: Analyze, resolve: Resolve) -> dict[str, PRF]:
    results = [analyze(d.text, language=d.language) for d in docs]
    entity_ids = resolve(results)
    key = _clusters(
        ((i, g.start, g.end), g.cluster or f"{i}:{g.start}-{g.end}")
        for i, d in enumerate(docs)
        for g in d.mentions
    )
    response = _clusters(
        ((i, m.start, m.end), ids[m.local])
        for i, (r, ids) in enumerate(zip(results, entity_ids, strict=True))
        for m in r.mentions
    )
    return {"muc": muc(key, response), "b3": b_cubed(key, response), "ceafe": ceaf_e(key, response)}


def _clusters(items: Any) -> list[Cluster]:
    by_id: dict[str, set[Hashable]] = defaultdict(set)
    for mention, cluster in items:
        by_id[cluster].add(mention)
    return [frozenset(v) for v in by_id.values()]
