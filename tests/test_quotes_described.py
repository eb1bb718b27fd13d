"""Speakers described by a role the article gives no one, named through the corpus."""

from __future__ import annotations

import json
from pathlib import Path

import newsgraph

KNOWN = (
    "La alcaldesa Odalys Ferrer Quintana inauguró el mercado de Valle Alto el lunes. "
    "El alcalde Tomás Ibarra Ruiz visitó Puerto Claro."
)
NAMED = (
    "Odalys Ferrer Quintana y Raúl Benítez Soto recorrieron el mercado de Valle Alto. "
    "La alcaldesa dijo que el mercado abrirá los domingos."
)
QUALIFIED = (
    "Raúl Benítez Soto y Odalys Ferrer Quintana visitaron la obra. "
    "La alcaldesa de Puerto Claro afirmó que la obra terminará en mayo."
)
ELSEWHERE = (
    "El alcalde de Colima, Tomás Ibarra Ruiz, visitó la feria. "
    "La alcaldesa Odalys Ferrer Quintana inauguró el mercado de Valle Alto el lunes."
)
ABROAD = (
    "Odalys Ferrer Quintana y Tomás Ibarra Ruiz recorrieron el mercado de Valle Alto. "
    "La alcaldesa limeña dijo que el mercado abrirá los sábados."
)
TWO_HOLDERS = (
    "Odalys Ferrer Quintana y Tomás Ibarra Ruiz firmaron el convenio. "
    "La alcaldesa aseguró que el convenio durará diez años."
)


def ingest(tmp_path: Path, *texts: str) -> list[dict[str, object]]:
    path = tmp_path / "a.jsonl"
    lines = [json.dumps({"title": f"Nota {n}", "text": t}, ensure_ascii=False)
             for n, t in enumerate(texts)]  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with newsgraph.open(tmp_path / "kb.db") as kb:
        kb.ingest([str(path)])
        return kb.store.rows(
            "SELECT q.text, q.speaker_text, q.speaker_kind, e.name FROM quotes q"
            " LEFT JOIN entities e ON e.id = q.speaker_entity"
        )


def quote(rows: list[dict[str, object]], words: str) -> dict[str, object]:
    return next(r for r in rows if words in str(r["text"]))


def test_a_role_the_corpus_knows_names_the_speaker_whatever_the_reading_order(
    tmp_path: Path,
) -> None:
    rows = ingest(tmp_path, NAMED, KNOWN)  # the article that gives the role comes later
    row = quote(rows, "abrirá los domingos")
    assert row["speaker_text"] == "La alcaldesa"
    assert (row["speaker_kind"], row["name"]) == ("person", "Odalys Ferrer Quintana")


def test_a_qualified_role_needs_the_same_qualifier_in_the_known_role(tmp_path: Path) -> None:
    row = quote(ingest(tmp_path, KNOWN, QUALIFIED), "terminará en mayo")
    assert (row["speaker_kind"], row["name"]) == ("unknown", None)


def test_a_role_two_people_of_the_article_hold_names_no_one(tmp_path: Path) -> None:
    row = quote(ingest(tmp_path, KNOWN, TWO_HOLDERS), "durará diez años")
    assert (row["speaker_kind"], row["name"]) == ("unknown", None)


def test_reading_the_articles_again_links_what_a_first_partial_ingest_could_not(
    tmp_path: Path,
) -> None:
    first = quote(ingest(tmp_path, NAMED), "abrirá los domingos")
    assert first["name"] is None  # nobody is known as mayor yet
    again = quote(ingest(tmp_path, NAMED, KNOWN), "abrirá los domingos")
    assert again["name"] == "Odalys Ferrer Quintana"


def test_a_role_at_a_place_is_the_one_holder_not_known_at_another(tmp_path: Path) -> None:
    row = quote(ingest(tmp_path, ELSEWHERE, ABROAD), "abrirá los sábados")
    assert (row["speaker_kind"], row["name"]) == ("person", "Odalys Ferrer Quintana")


AFTER_ANOTHER = (
    "Raúl Benítez Soto y Odalys Ferrer Quintana recorrieron el mercado de Valle Alto. "
    "“Faltan puestos”, dijo Raúl Benítez Soto. La alcaldesa afirmó que el mercado abrirá"
    " en junio."
)


def test_the_holder_the_corpus_knows_outranks_the_one_who_spoke_before(tmp_path: Path) -> None:
    (tmp_path / "alone").mkdir()
    (tmp_path / "corpus").mkdir()
    alone = quote(ingest(tmp_path / "alone", AFTER_ANOTHER), "abrirá en junio")
    assert alone["name"] == "Raúl Benítez Soto"  # the speaker before, known in no role
    row = quote(ingest(tmp_path / "corpus", AFTER_ANOTHER, KNOWN), "abrirá en junio")
    assert (row["speaker_kind"], row["name"]) == ("person", "Odalys Ferrer Quintana")


def test_only_a_name_a_person_may_have_holds_a_role() -> None:
    from newsgraph.quotes.speakers import plausible_person_name

    assert plausible_person_name("Ana de la Vega", "es")
    assert plausible_person_name('Jaime Rodríguez "El Bronco', "es")
    assert not plausible_person_name("coalición", "es")  # a word the model took for a name
    assert not plausible_person_name("Estados Unidos", "es")  # a place
