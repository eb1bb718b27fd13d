"""The CLI: each read-back command on a small knowledge base, and clean errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main, mark_mentions
from synthetic import write_jsonl


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("cli")
    corpus = write_jsonl(folder / "a.jsonl", 6, seed=3)
    path = str(folder / "kb.db")
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", path, "-q"])
    assert result.exit_code == 0, result.output
    assert "new 6" in result.output
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_stats_json_counts_documents(db: str) -> None:
    data = json.loads(run("stats", "--db", db, "--json"))
    assert data["documents"] == 6
    assert data["languages"] == {"en": 6}


def test_entities_lists_people_with_aliases(db: str) -> None:
    out = run("entities", "--db", db, "--label", "person", "--limit", "5")
    assert "PERSON" in out
    assert len([line for line in out.splitlines() if "PERSON" in line]) <= 5


def test_show_marks_mentions_in_the_text(db: str) -> None:
    doc_id = json.loads(run("export", "--db", db).splitlines()[0])["id"]
    out = run("show", doc_id, "--db", db)
    assert "[[" in out and "|PERSON]]" in out


def test_show_unknown_document_is_one_clear_error(db: str) -> None:
    result = CliRunner().invoke(main, ["show", "nope", "--db", db])
    assert result.exit_code == 1
    assert "no document 'nope'" in result.output
    assert "Traceback" not in result.output


def test_search_and_summary_print_results(db: str) -> None:
    assert "productive" in run("search", "productive", "--db", db)
    out = run("summary", "--db", db)
    assert out.startswith("6 articles (en 6)")
    assert "Top 10 entities" in out


def test_export_writes_a_file(db: str, tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    run("export", "--db", db, "--format", "jsonl", "-o", str(target))
    types = {json.loads(line)["type"] for line in target.open()}
    assert {"document", "entity", "mention"} <= types


def test_bad_model_option_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["ingest", "x.txt", "--db", str(tmp_path / "k.db"), "--model", "nonsense"]
    )
    assert result.exit_code == 2
    assert "LANG=PACKAGE" in result.output


def test_mark_mentions_wraps_each_span() -> None:
    text = "Itzel Urrutia met Anselmo Barragán."
    mentions = [
        {"start": 0, "end": 13, "label": "PERSON"},
        {"start": 18, "end": 34, "label": "PERSON"},
    ]
    assert mark_mentions(text, mentions) == (
        "[[Itzel Urrutia|PERSON]] met [[Anselmo Barragán|PERSON]]."
    )


def test_eval_errors_file_is_for_quotes_only(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["eval", "ner", "--data", str(tmp_path), "--errors", str(tmp_path / "e.jsonl")]
    )
    assert result.exit_code == 2
    assert "quotes task only" in result.output
