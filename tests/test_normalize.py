"""Normalization: decoding, mojibake repair, metadata lines, paragraphs, languages, HTML."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.normalize import decode, normalize, parse_date, repair_text
from newsgraph.records import Article, Metadata, RawArticle

EN = "The regional council approved the new budget after a long debate on Thursday night."
ES = "El consejo regional aprobó el nuevo presupuesto después de un largo debate el jueves."


def norm(text: str, **meta: str) -> Article:
    return normalize(RawArticle("t.txt", text.encode("utf-8"), meta=Metadata(**meta)))


def test_latin1_bytes_are_decoded() -> None:
    text = "El alcalde de Culiacán habló con la señora Peña sobre la nueva política."
    assert decode(text.encode("latin-1")) == text
    assert decode(text.encode("cp1252")) == text


def test_utf8_with_bom_is_decoded() -> None:
    assert decode("\ufeffAñil".encode("utf-8")) == "Añil"


def test_undecodable_bytes_never_raise() -> None:
    assert isinstance(decode(b"\x81\x8d\x8f\x90\x9d ok \xff\xfe\xfd"), str)


def test_ftfy_repairs_classic_mojibake() -> None:
    assert repair_text("PerÃº y MÃ©xico") == "Perú y México"


def test_lost_soft_hyphen_is_restored() -> None:
    assert repair_text("Ramiro MartÃnez llegó") == "Ramiro Martínez llegó"
    assert repair_text("la polÃtica de DÃaz") == "la política de Díaz"


def test_clean_text_and_real_a_tilde_are_untouched() -> None:
    clean = "SÃO PAULO — Itzel Urrutia, “la jefa”, dijo: ‘no’."
    assert repair_text(clean) == clean


def test_curly_quotes_are_kept() -> None:
    article = norm(f"“{EN},” said Renata Ocampo. ‘Yes’, she added.")
    assert "“" in article.text and "‘Yes’" in article.text


def test_updated_line_is_parsed_and_removed() -> None:
    article = norm(f"Last Updated on March 3, 2019\n\n{EN}")
    assert article.meta.updated == "2019-03-03"
    assert article.text == EN


def test_glued_date_prefix_becomes_published() -> None:
    article = norm(f" date 2018-05-14 The mayor said {EN}")
    assert article.meta.published == "2018-05-14"
    assert article.text.startswith("The mayor said")


def test_glued_updated_line_keeps_the_sentence() -> None:
    article = norm(f"Last Updated on March 3, 2019 The mayor said {EN}")
    assert article.text.startswith("The mayor said")


def test_numeric_dates_follow_the_language() -> None:
    assert norm(f"Published: 12/05/2018\n{EN}").meta.published == "2018-12-05"
    assert norm(f"Publicado: 12/05/2018\n{ES}").meta.published == "2018-05-12"


def test_spanish_published_line_and_byline() -> None:
    article = norm(f"Publicado el 3 de marzo de 2019\nPor Graciela Zamudio Ocampo\n{ES}")
    assert article.meta.published == "2019-03-03"
    assert article.meta.author == "Graciela Zamudio Ocampo"
    assert article.text == ES


def test_byline_with_agency() -> None:
    article = norm(f"By Anselmo Barragán and Itzel Urrutia, Reuters\n\n{EN}")
    assert article.meta.author == "Anselmo Barragán and Itzel Urrutia"
    assert article.meta.source == "Reuters"


def test_sentence_starting_with_by_is_not_a_byline() -> None:
    text = f"By the end of the year the council had spent most of it.\n\n{EN}"
    assert norm(text).text.startswith("By the end")


def test_dateline_gives_published_date() -> None:
    article = norm(f"Friday, January 4, 2019\n\n{EN}")
    assert article.meta.published == "2019-01-04"
    assert article.text == EN


def test_container_date_wins_over_text_date() -> None:
    article = norm(f"Friday, January 4, 2019\n\n{EN}", published="2019-01-05")
    assert article.meta.published == "2019-01-05"


def test_boilerplate_lines_are_removed_but_look_alikes_kept() -> None:
    text = (
        f"{EN}\n\nShare this\n\nShare prices fell 5% on Monday.\n\n"
        "Photo: Yolanda Ocampo/AFP\n\nLee también: otra nota"
    )
    assert norm(text).text == f"{EN}\n\nShare prices fell 5% on Monday."


def test_paragraphs_are_kept() -> None:
    article = norm(f"{EN}\ncontinued here.\n\n\n{EN}")
    assert article.text == f"{EN} continued here.\n\n{EN}"


def test_single_newlines_separate_paragraphs_when_there_are_no_blank_lines() -> None:
    assert norm(f"{EN}\n{EN}").text == f"{EN}\n\n{EN}"


def test_spanish_paragraph_in_english_article_is_its_own_segment() -> None:
    article = norm(f"{EN}\n\n{ES}\n\n{EN}")
    langs = [(s.language, article.text[s.start : s.end]) for s in article.segments]
    assert langs == [("en", EN), ("es", ES), ("en", EN)]
    assert article.language == "en"


def test_short_unsure_text_gets_a_language_we_read() -> None:
    # Name-heavy headlines look like Aragonese or Galician to a 97-language detector.
    assert norm("Detienen a Tomás Herrera Vidal en Sinaloa.").language == "es"
    assert norm("Tomás Herrera Vidal was arrested in Sinaloa.").language == "en"


def test_same_text_gives_the_same_id() -> None:
    a, b = norm(EN), norm(f"  {EN}  \n")
    assert a.id == b.id and a.content_hash == b.content_hash


def test_text_without_letters_is_refused() -> None:
    with pytest.raises(InputError):
        norm("12345 67 ---")


def test_parse_date_formats() -> None:
    assert parse_date("Mar. 3, 2019 10:32 AM EST") == "2019-03-03"
    assert parse_date("3 de marzo de 2019", "es") == "2019-03-03"
    assert parse_date("nonsense") is None


def test_truncated_html_still_gives_text() -> None:
    html = f"<html><body><article><p>{EN}</p><p>{EN} And then".encode()
    article = normalize(RawArticle("t.html", html, kind="html"))
    assert EN in article.text


def test_html_without_text_is_refused() -> None:
    with pytest.raises(InputError):
        normalize(
            RawArticle("t.html", b"<html><body><script>x()</script></body></html>", kind="html")
        )


def _tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def test_real_pages_extract_close_to_the_expected_text(corpora: type) -> None:
    """Token F1 against benchmark ground truth; measured 0.967 mean over 12 pages."""
    base = corpora.path("news_html_pages")
    scores = []
    for row in map(json.loads, (base / "articles.jsonl").open(encoding="utf-8")):
        if not row["text"]:
            continue
        html = (base / "html" / Path(row["html_file"]).name).read_bytes()
        article = normalize(RawArticle(row["id"], html, kind="html"))
        gold, got = _tokens(row["text"]), _tokens(article.text)
        overlap = sum((gold & got).values())
        p, r = overlap / max(sum(got.values()), 1), overlap / max(sum(gold.values()), 1)
        scores.append(2 * p * r / (p + r) if p + r else 0.0)
        assert article.language == row["lang"]
    assert len(scores) >= 10
    assert sum(scores) / len(scores) >= 0.93


def test_real_pages_keep_article_snippets_and_drop_boilerplate(corpora: type) -> None:
    """Measured: 52/54 snippets that must be kept, 45/54 that must be dropped."""
    base = corpora.path("news_html_pages")
    kept = dropped = total_with = total_without = 0
    for row in map(json.loads, (base / "articles.jsonl").open(encoding="utf-8")):
        if row["text"]:
            continue
        html = (base / "html" / Path(row["html_file"]).name).read_bytes()
        text = " ".join(normalize(RawArticle(row["id"], html, kind="html")).text.split())
        kept += sum(" ".join(s.split()) in text for s in row["gt_with"])
        dropped += sum(" ".join(s.split()) not in text for s in row["gt_without"])
        total_with += len(row["gt_with"])
        total_without += len(row["gt_without"])
    assert kept / total_with >= 0.9
    assert dropped / total_without >= 0.75
