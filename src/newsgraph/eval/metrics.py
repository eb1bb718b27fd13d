"""Scores: precision/recall/F1 and the coreference metrics MUC, B³ and CEAF-e.

Coreference metrics follow Pradhan et al. (2014), "Scoring Coreference Partitions of
Predicted Mentions": key and response are partitions of possibly different mention sets.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

Cluster = frozenset[Hashable]


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def prf(tp: int, fp: int, fn: int) -> PRF:
    """Precision and recall from counts (0 where undefined)."""
    return PRF(tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0)


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def muc(key: Sequence[Cluster], response: Sequence[Cluster]) -> PRF:
    """Link-based MUC (Vilain et al. 1995)."""
    return PRF(_muc_recall(response, key), _muc_recall(key, response))


def _muc_recall(key: Sequence[Cluster], response: Sequence[Cluster]) -> float:
    owner = {m: i for i, r in enumerate(response) for m in r}
    num = den = 0
    for k in key:
        # Mentions the response lacks are singleton partitions of their own.
        parts = {owner.get(m, ("missing", m)) for m in k}
        num += len(k) - len(parts)
        den += len(k) - 1
    return _ratio(num, den)


def b_cubed(key: Sequence[Cluster], response: Sequence[Cluster]) -> PRF:
    """Mention-based B³ (Bagga and Baldwin 1998)."""
    return PRF(_b3_recall(response, key), _b3_recall(key, response))


def _b3_recall(key: Sequence[Cluster], response: Sequence[Cluster]) -> float:
    owner = {m: r for r in response for m in r}
    num = 0.0
    for k in key:
        for m in k:
            r = owner.get(m)
            num += len(k & r) / len(k) if r else 0.0
    return _ratio(num, sum(len(k) for k in key))


def ceaf_e(key: Sequence[Cluster], response: Sequence[Cluster]) -> PRF:
    """Entity-based CEAF (Luo 2005) with the optimal one-to-one cluster alignment."""
    if not key or not response:
        return PRF(0.0, 0.0)
    sim = np.zeros((len(key), len(response)))
    index = {m: j for j, r in enumerate(response) for m in r}
    for i, k in enumerate(key):
        for j in {index[m] for m in k if m in index}:
            r = response[j]
            sim[i, j] = 2 * len(k & r) / (len(k) + len(r))
    rows, cols = linear_sum_assignment(sim, maximize=True)
    total = float(sim[rows, cols].sum())
    return PRF(total / len(response), total / len(key))
