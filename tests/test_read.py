"""Reading every input format, and every kind of bad input, without stopping the batch."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from newsgraph.read import ReadOptions, expand_paths, iter_raw
from newsgraph.records import Failure, RawArticle

ARTICLE = "Octavio Castellanos Urrutia visited Hermosillo on Monday."
HTML = (
    "<html><head><title>Visit to Hermosillo</title>"
    '<meta name="author" content="Fabiola Mendieta"></head><body>'
    "<nav>Home | World | Sport</nav><article><h1>Visit to Hermosillo</h1>"
    f"<p>{ARTICLE}</p><p>He met local officials and left on Tuesday evening.</p>"
    "</article><footer>Copyright</footer></body></html>"
)


def read_all(*paths: Path | str, options: ReadOptions | None = None) -> list[RawArticle | Failure]:
    return list(iter_raw([str(p) for p in paths], options=options))


def articles(items: list[RawArticle | Failure]) -> list[RawArticle]:
    return [i for i in items if isinstance(i, RawArticle)]


def failures(items: list[RawArticle | Failure]) -> list[Failure]:
    return [i for i in items if isinstance(i, Failure)]


def text_of(raw: RawArticle) -> str:
    return raw.body if isinstance(raw.body, str) else raw.body.decode("utf-8")


def test_text_and_markdown_files_are_one_article_each(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.md").write_text("# Title\n\n" + ARTICLE)
    items = read_all(tmp_path)
    assert [Path(a.origin).name for a in articles(items)] == ["a.txt", "b.md"]
    assert all(a.kind == "text" for a in articles(items))


def test_html_file_is_read_as_html(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(HTML)
    (raw,) = read_all(tmp_path / "page.html")
    assert isinstance(raw, RawArticle) and raw.kind == "html"


def test_jsonl_records_use_usual_field_names(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps({"headline": "Visit", "body": ARTICLE, "link": "https://x.example/1",
                    "pubDate": "2024-03-05", "language": "en"}) + "\n"
    )  # fmt: skip
    (raw,) = read_all(path)
    assert isinstance(raw, RawArticle)
    assert raw.origin == f"{path}:1"
    assert (raw.meta.title, raw.meta.url, raw.meta.published) == (
        "Visit", "https://x.example/1", "2024-03-05",
    )  # fmt: skip


def test_invalid_json_line_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    good = json.dumps({"text": ARTICLE})
    path.write_text(f"{good}\n{{not json\n{good}\n")
    items = read_all(path)
    assert len(articles(items)) == 2
    (failure,) = failures(items)
    assert failure.origin == f"{path}:2" and "invalid JSON" in failure.reason


def test_json_array_and_object_with_articles(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps([{"text": ARTICLE}, {"content": ARTICLE}]))
    (tmp_path / "b.json").write_text(json.dumps({"articles": [{"text": ARTICLE}]}))
    assert len(articles(read_all(tmp_path))) == 3


def test_field_names_can_be_overridden(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"cuerpo": ARTICLE, "titular": "Visita"}) + "\n")
    options = ReadOptions(text_field="cuerpo", title_field="titular")
    (raw,) = read_all(path, options=options)
    assert isinstance(raw, RawArticle) and raw.meta.title == "Visita"


def test_csv_and_tsv_rows_are_articles(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(f'title,text,date\nVisit,"{ARTICLE}",2024-03-05\n')
    (tmp_path / "b.tsv").write_text(f"headline\tcontent\nVisit\t{ARTICLE}\n")
    items = articles(read_all(tmp_path))
    assert [Path(a.origin.rsplit(":", 1)[0]).name for a in items] == ["a.csv", "b.tsv"]
    assert items[0].meta.published == "2024-03-05"


def test_csv_without_text_column_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("id,score\n1,2\n3,4\n")
    (failure,) = read_all(path)
    assert isinstance(failure, Failure)
    assert "no text column" in failure.reason and "id, score" in failure.reason


def test_latin1_csv_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes("text\nEl alcalde de Culiacán habló con Tomás Peña.\n".encode("latin-1"))
    (raw,) = read_all(path)
    assert isinstance(raw, RawArticle) and "Culiacán" in text_of(raw)


def _warc(path: Path, compress: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=compress)
        for url, ctype, body in [
            ("https://news.example/a", "text/html; charset=utf-8", HTML.encode()),
            ("https://news.example/logo.png", "image/png", b"\x89PNG...."),
        ]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)


@pytest.mark.parametrize("compress", [False, True])
def test_warc_html_responses_are_articles(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    _warc(path, compress)
    (raw,) = read_all(path)
    assert isinstance(raw, RawArticle)
    assert raw.kind == "html" and raw.meta.url == "https://news.example/a"
    assert raw.origin == f"{path}#1"


@pytest.mark.parametrize("keep", [0.3, 0.5, 0.8])
def test_truncated_warc_does_not_stop_the_batch(tmp_path: Path, keep: float) -> None:
    path = tmp_path / "crawl.warc.gz"
    _warc(path, True)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    (tmp_path / "z.txt").write_text(ARTICLE)
    items = read_all(path, tmp_path / "z.txt")
    assert articles(items)[-1].origin.endswith("z.txt")


RSS = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Diario Ejemplo</title>
<item><title>Visit</title><link>https://x.example/1</link>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;{ARTICLE}&lt;/p&gt;</description></item>
<item><title>Second</title><link>https://x.example/2</link><description>{ARTICLE}</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Example</title><entry><title>Visit</title><link href="https://x.example/3"/>
<updated>2024-03-06T10:00:00Z</updated><content type="html">&lt;p&gt;{ARTICLE}&lt;/p&gt;</content>
</entry></feed>"""


def test_rss_and_atom_entries_are_articles(tmp_path: Path) -> None:
    (tmp_path / "feed.rss").write_text(RSS)
    (tmp_path / "feed.xml").write_text(ATOM)
    items = articles(read_all(tmp_path / "feed.rss", tmp_path / "feed.xml"))
    assert [a.meta.url for a in items] == [
        "https://x.example/1", "https://x.example/2", "https://x.example/3",
    ]  # fmt: skip
    assert items[0].meta.published == "2024-03-05"
    assert items[0].meta.source == "Diario Ejemplo"


def test_empty_and_binary_files_fail_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n ")
    (tmp_path / "image.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    reasons = {Path(f.origin).name: f.reason for f in failures(read_all(tmp_path))}
    assert reasons == {
        "blank.txt": "empty file", "empty.txt": "empty file", "image.jpg": "binary file, not text",
    }  # fmt: skip


def test_missing_path_and_empty_glob_are_failures(tmp_path: Path) -> None:
    items = list(expand_paths([str(tmp_path / "nope.txt"), str(tmp_path / "*.none")]))
    assert all(isinstance(i, Failure) for i in items)
    assert "no such file" in str(items[0]) and "no file matches" in str(items[1])


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE)
    path.chmod(0)
    (failure,) = read_all(path)
    assert isinstance(failure, Failure) and "cannot read" in failure.reason


def test_folders_are_walked_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(ARTICLE)
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    names = [Path(str(p)).name for p in expand_paths([str(tmp_path)])]
    assert names == ["a.txt", "z.txt"]


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        buffer = io.BytesIO(ARTICLE.encode())

    monkeypatch.setattr("sys.stdin", Stdin)
    (raw,) = list(iter_raw(["-"]))
    assert isinstance(raw, RawArticle) and raw.origin == "<stdin>"


def test_gzipped_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl.gz"
    with gzip.open(path, "wt") as f:
        f.write(json.dumps({"text": ARTICLE}) + "\n")
    assert len(articles(read_all(path))) == 1
