"""Querying quotes across articles: by speaker, by subject, anonymous sources, date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsgraph
from newsgraph.cli import main
from newsgraph.export import iter_records

ARTICLES = [
    {"title": "Valley plan", "date": "2019-03-04", "text": (
        "“We will rebuild every school in Culiacán,” Governor Lucía Ramírez Ortega said.\n\n"
        "According to two officials who spoke on condition of anonymity, the army will leave "
        "Culiacán next week.")},
    {"title": "Valley plan, day two", "date": "2018-01-10", "text": (
        "Lucía Ramírez Ortega said that the budget for Hermosillo would double next year.")},
    {"title": "Bridge", "date": "2017-06-02", "text": (
        "“The bridge will open in May,” Odilia Cárdenas said. “Nobody will pay a toll.”")},
    {"title": "Ferry", "date": "2016-02-01", "text": (
        "Itzel Urrutia and Teodoro Quiroga said the ferry to Mazatlán would stop in June.")},
]  # fmt: skip
BROKEN_PARTS = ["The bridge will open in May,", "Nobody will pay a toll."]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("q")
    path = folder / "a.jsonl"
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n")
    with newsgraph.open(folder / "kb.db") as kb:
        kb.ingest([str(path)])
    return str(folder / "kb.db")


def test_quotes_by_speaker_come_with_date_and_source(db: str) -> None:
    with newsgraph.open(db) as kb:
        rows = kb.quotes(speaker="Lucia Ramirez Ortega")
    assert len(rows) == 2
    assert {r["published"] for r in rows} == {"2019-03-04", "2018-01-10"}
    assert all(r["speaker_name"] == "Lucía Ramírez Ortega" for r in rows)


def test_a_speaker_resolved_to_someone_else_never_matches_by_its_words(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.jsonl"
    text = (
        "Odilia Cárdenas met Governor Lucía Ramírez Ortega on Monday. Odilia Cárdenas, a"
        " friend of Ramírez Ortega since school, said that the toll would fall."
    )
    path.write_text(json.dumps({"title": "Toll", "date": "2020-01-01", "text": text}) + "\n")
    with newsgraph.open(tmp_path / "kb.db") as kb:
        kb.ingest([str(path)])
        (row,) = kb.quotes(speaker="Odilia Cárdenas")
        assert "Ramírez Ortega" in row["speaker_text"]
        assert kb.quotes(speaker="Ramírez Ortega") == []


def test_quotes_about_an_entity(db: str) -> None:
    with newsgraph.open(db) as kb:
        texts = [r["text"] for r in kb.quotes(about="Hermosillo")]
    assert texts == ["that the budget for Hermosillo would double next year"]


def test_anonymous_and_since_filters(db: str) -> None:
    with newsgraph.open(db) as kb:
        anonymous = kb.quotes(anonymous=True)
        recent = kb.quotes(since="2019-01-01")
    assert [r["speaker_kind"] for r in anonymous] == ["anonymous"]
    assert {r["published"] for r in recent} == {"2019-03-04"}


def test_quotes_command_prints_speaker_and_text(db: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["quotes", "--anonymous", "--db", db])
    assert result.exit_code == 0, result.output
    assert "two officials" in result.output and "[anonymous]" in result.output


def test_quote_broken_by_its_attribution_reads_back_with_its_parts(db: str) -> None:
    with newsgraph.open(db) as kb:
        (row,) = kb.quotes(speaker="Odilia Cárdenas")
        doc = kb.document(row["doc"])
    assert doc is not None and doc["quotes"][0]["parts"] == row["parts"]
    assert [p["text"] for p in row["parts"]] == BROKEN_PARTS
    assert all(doc["text"][p["start"] : p["end"]] == p["text"] for p in row["parts"])
    assert "said" in row["text"]  # the whole span, as its offsets give it


def test_quote_parts_are_exported_with_their_offsets(db: str) -> None:
    with newsgraph.open(db) as kb:
        records = list(iter_records(kb.store))
    docs = {r["id"]: r["text"] for r in records if r["type"] == "document"}
    quotes = [r for r in records if r["type"] == "quote"]
    (broken,) = [q for q in quotes if q["parts"]]
    assert [p["text"] for p in broken["parts"]] == BROKEN_PARTS
    for q in quotes:
        text = docs[q["doc"]]
        assert text[q["start"] : q["end"]] == q["text"]
        assert all(text[p["start"] : p["end"]] == p["text"] for p in q["parts"])


def test_quotes_command_prints_only_the_quoted_fragments(db: str) -> None:
    result = CliRunner().invoke(main, ["quotes", "--speaker", "Odilia Cárdenas", "--db", db])
    assert result.exit_code == 0, result.output
    assert "    The bridge will open in May, … Nobody will pay a toll.\n" in result.output
    assert "said. “" not in result.output


def test_about_looks_only_at_the_quoted_words_of_a_quote_in_parts(db: str) -> None:
    with newsgraph.open(db) as kb:
        assert kb.quotes(about="Odilia Cárdenas") == []  # named between the fragments only
        (row,) = kb.quotes(about="toll")
    assert [p["text"] for p in row["parts"]] == BROKEN_PARTS


def test_a_joint_statement_is_found_under_each_of_its_speakers(db: str) -> None:
    with newsgraph.open(db) as kb:
        by_urrutia = kb.quotes(speaker="Itzel Urrutia")
        by_quiroga = kb.quotes(speaker="Teodoro Quiroga")
    assert [r["id"] for r in by_urrutia] == [r["id"] for r in by_quiroga]
    (row,) = by_quiroga
    names = [row["speaker_name"], *(o["name"] for o in row["others"])]
    assert sorted(names) == ["Itzel Urrutia", "Teodoro Quiroga"]


def test_a_joint_statement_lists_its_other_speakers_in_the_export_and_the_cli(db: str) -> None:
    with newsgraph.open(db) as kb:
        records = list(iter_records(kb.store))
    entities = {r["id"]: r["name"] for r in records if r["type"] == "entity"}
    (ferry,) = [r for r in records if r["type"] == "quote" and "ferry" in r["text"]]
    speakers = [ferry["speaker"]["entity"], *ferry["speaker"]["others"]]
    assert sorted(entities[e] for e in speakers) == ["Itzel Urrutia", "Teodoro Quiroga"]
    out = CliRunner().invoke(main, ["quotes", "--db", db, "--speaker", "Teodoro Quiroga"])
    assert out.exit_code == 0
    assert "Itzel Urrutia" in out.output and "Teodoro Quiroga" in out.output


def test_sources_are_found_by_the_organisation_they_speak_from(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    articles = [
        {"title": "Canal", "date": "2021-05-02", "text": (
            "Senior officials at the Valley Water Board said the canal would close in June.")},
        {"title": "Canal, day two", "date": "2021-05-03", "text": (
            "Tamsin Oduya, an engineer at the Valley Water Board, said the canal was unsafe.")},
        {"title": "Dam", "date": "2021-05-04", "text": (
            "Officials at the Delta Power Company said the dam would stay open.")},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(a) for a in articles) + "\n")
    with newsgraph.open(tmp_path / "kb.db") as kb:
        kb.ingest([str(path)])
        rows = kb.quotes(affiliation="Valley Water Board")
        anonymous = kb.quotes(affiliation="Valley Water Board", anonymous=True)
        records = list(iter_records(kb.store))
    assert sorted(r["speaker_kind"] for r in rows) == ["anonymous", "person"]
    assert {r["affiliation_name"] for r in rows} == {"Valley Water Board"}
    assert [r["text"] for r in anonymous] == ["the canal would close in June"]
    entities = {r["id"]: r["name"] for r in records if r["type"] == "entity"}
    exported = {r["text"]: r["speaker"]["affiliation"] for r in records if r["type"] == "quote"}
    assert entities[exported["the canal was unsafe"]] == "Valley Water Board"
    assert entities[exported["the dam would stay open"]] == "Delta Power Company"
    out = CliRunner().invoke(
        main, ["quotes", "--db", str(tmp_path / "kb.db"), "--affiliation", "Delta Power Company"]
    )
    assert out.exit_code == 0, out.output
    assert "[anonymous, at Delta Power Company]" in out.output
    assert "Valley" not in out.output


def test_quotes_found_by_their_words_ignoring_accents_and_case(db: str) -> None:
    with newsgraph.open(db) as kb:
        (school,) = kb.quotes(text="culiacan SCHOOL")
        both = kb.quotes(text="school OR ferry")
        prefix = kb.quotes(text="rebuil*")
        budget = kb.quotes(speaker="Lucía Ramírez Ortega", text="budget")
    assert school["text"] == "We will rebuild every school in Culiacán,"
    assert len(both) == 2 and [r["id"] for r in prefix] == [school["id"]]
    assert [r["text"] for r in budget] == ["that the budget for Hermosillo would double next year"]


def test_a_quote_in_parts_is_found_by_its_quoted_words_only(db: str) -> None:
    with newsgraph.open(db) as kb:
        (row,) = kb.quotes(text='"pay a toll"')
        assert kb.quotes(text="Cárdenas") == []  # named in the attribution between fragments
    assert [p["text"] for p in row["parts"]] == BROKEN_PARTS


def test_until_takes_the_whole_year_or_month_it_names(db: str) -> None:
    with newsgraph.open(db) as kb:
        to_2017 = {r["published"] for r in kb.quotes(until="2017")}
        to_january = {r["published"] for r in kb.quotes(since="2018", until="2018-01")}
    assert to_2017 == {"2017-06-02", "2016-02-01"}
    assert to_january == {"2018-01-10"}


def test_quotes_command_filters_by_words_and_dates(db: str) -> None:
    args = ["quotes", "--db", db, "--text", "toll", "--since", "2017-06", "--until", "2017-06-02"]
    out = CliRunner().invoke(main, args)
    assert out.exit_code == 0, out.output
    assert "Odilia Cárdenas [person]" in out.output and "Nobody will pay a toll." in out.output
    assert out.output.count("Odilia") == 1


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--since", "2019-3-4"], 2, "'2019-3-4' is not an ISO date"),
        (["--until", "March 2019"], 2, "'March 2019' is not an ISO date"),
        (["--text", "toll AND OR"], 1, "full-text query 'toll AND OR'"),
        (["--affiliation", "Nowhere Board"], 1, "no entity with id or name 'Nowhere Board'"),
    ],
)
def test_quotes_command_rejects_a_bad_query_in_one_line(
    db: str, args: list[str], code: int, message: str
) -> None:
    out = CliRunner().invoke(main, ["quotes", "--db", db, *args])
    assert out.exit_code == code
    assert message in out.output and "Traceback" not in out.output


def test_quotes_command_says_when_a_name_is_no_entity_and_nothing_matches(db: str) -> None:
    out = CliRunner().invoke(main, ["quotes", "--db", db, "--speaker", "Anselmo Tirado"])
    assert out.exit_code == 0
    assert "no entity with id or name 'Anselmo Tirado' (--speaker)" in out.output
    assert "no quotes match" in out.output
