"""Evaluation against human-annotated gold data.

``run_eval(task, data)`` reads the gold folder, runs the real pipeline on its texts and
returns a dict of metrics. Tasks: ``ner`` (MEANTIME, CrossRE), ``coref`` (ECB+, MEANTIME),
``quotes`` (PolNeAR).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import EvalDataError

TASKS = ("ner", "coref", "quotes")


def run_eval(
    task: str,
    data: Path,
    *,
    limit: int | None = None,
    errors: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """Metrics of ``task`` on the gold data at ``data`` (``limit``: first N docs/groups).

    ``errors`` (quotes only) receives one record per error, for error analysis.
    """
    from ..pipeline import analyze_text
    from ..resolve import resolve_results
    from .coref import evaluate_coref
    from .gold import read_gold
    from .ner import evaluate_ner

    if task not in TASKS:
        raise EvalDataError(f"unknown evaluation task {task!r} (known: {', '.join(TASKS)})")
    if task == "quotes":
        from .quotes import run_quotes_eval

        if not data.exists():
            raise EvalDataError(f"{data}: no such gold data folder")
        return run_quotes_eval(data, limit=limit, errors=errors)
    if errors is not None:
        raise EvalDataError("error records are written for the quotes task only")
    docs = read_gold(data, task)
    if not docs:
        raise EvalDataError(f"{data}: no gold documents found")
    if task == "ner":
        return evaluate_ner(docs, analyze_text, limit=limit)
    return evaluate_coref(docs, analyze_text, resolve_results, limit=limit)


__all__ = ["TASKS", "run_eval"]
