"""Coreference metrics against the worked example of Pradhan et al. (2014), table 1."""

from __future__ import annotations

import pytest

from newsgraph.eval.metrics import b_cubed, ceaf_e, muc, prf

KEY = [frozenset("abc"), frozenset("defg")]
RESPONSE = [frozenset("ab"), frozenset("cd"), frozenset("fghi")]


def test_muc_counts_links() -> None:
    score = muc(KEY, RESPONSE)
    assert score.recall == pytest.approx(2 / 5)
    assert score.precision == pytest.approx(2 / 5)


def test_b_cubed_counts_mentions() -> None:
    score = b_cubed(KEY, RESPONSE)
    assert score.recall == pytest.approx(5 / 12)
    assert score.precision == pytest.approx(1 / 2)


def test_ceaf_e_aligns_clusters_optimally() -> None:
    score = ceaf_e(KEY, RESPONSE)
    assert score.recall == pytest.approx(1.3 / 2)
    assert score.precision == pytest.approx(1.3 / 3)


def test_identical_partitions_score_one() -> None:
    for metric in (muc, b_cubed, ceaf_e):
        assert metric(KEY, KEY).f1 == pytest.approx(1.0)


def test_prf_handles_empty_counts() -> None:
    assert prf(0, 0, 0).f1 == 0.0
    assert prf(3, 1, 2).precision == pytest.approx(0.75)
