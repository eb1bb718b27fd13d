"""Manual merge and split persist, and later ingests respect them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import newsgraph
from newsgraph.cli import main
from newsgraph.curate import EntityNotFound, entity_detail, merge, resolve_id, split

A = "Yolanda Castellanos met reporters in Tijuana on Monday to present the new plan."
C = "Fabiola Urrutia criticised the plan in Mexicali on Wednesday evening."
D = "Fabiola Urrutia said she would vote against the plan next week in Mexicali."


@pytest.fixture
def kb(tmp_path: Path) -> newsgraph.KnowledgeBase:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in (("a", A), ("c", C)):
        (folder / f"{name}.txt").write_text(text)
    kb = newsgraph.open(tmp_path / "kb.db")
    kb.ingest([str(folder)])
    return kb


def test_merge_moves_mentions_and_redirects_later_articles(
    kb: newsgraph.KnowledgeBase, tmp_path: Path
) -> None:
    yolanda = resolve_id(kb.store, "Yolanda Castellanos")
    fabiola = resolve_id(kb.store, "Fabiola Urrutia")
    assert merge(kb.store, yolanda, fabiola) == yolanda
    assert resolve_id(kb.store, fabiola) == yolanda
    (tmp_path / "d.txt").write_text(D)
    kb.ingest([str(tmp_path / "d.txt")])
    assert resolve_id(kb.store, "Fabiola Urrutia") == yolanda
    assert kb.store.count("entities") == len(kb.entities(limit=1000))
    detail = entity_detail(kb.store, yolanda)
    assert detail.documents == 3
    assert {a for a, _ in detail.aliases} >= {"Yolanda Castellanos", "Fabiola Urrutia"}


def test_split_takes_an_alias_out_and_later_articles_follow(
    kb: newsgraph.KnowledgeBase, tmp_path: Path
) -> None:
    yolanda = resolve_id(kb.store, "Yolanda Castellanos")
    merge(kb.store, yolanda, "Fabiola Urrutia")
    new_id = split(kb.store, yolanda, "Fabiola Urrutia")
    assert new_id != yolanda
    assert entity_detail(kb.store, new_id).documents == 1
    assert entity_detail(kb.store, yolanda).documents == 1
    (tmp_path / "d.txt").write_text(D)
    kb.ingest([str(tmp_path / "d.txt")])
    assert entity_detail(kb.store, new_id).documents == 2


def test_unknown_entity_is_a_clear_error(kb: newsgraph.KnowledgeBase) -> None:
    with pytest.raises(EntityNotFound):
        resolve_id(kb.store, "Nobody Atall")


def test_entity_command_shows_a_page(kb: newsgraph.KnowledgeBase) -> None:
    result = CliRunner().invoke(main, ["entity", "Yolanda Castellanos", "--db", kb.path])
    assert result.exit_code == 0, result.output
    assert "Yolanda Castellanos" in result.output and "co-mentioned:" in result.output
    assert "Tijuana" in result.output
