"""The ``newsgraph`` command: a thin layer over :class:`newsgraph.kb.KnowledgeBase`."""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from .annotate import DEFAULT_MODELS, Models
from .errors import NewsgraphError
from .kb import IngestReport, KnowledgeBase
from .pipeline import MAX_ARTICLE_CHARS
from .read import ReadOptions
from .records import PART_SEPARATOR, Failure

F = TypeVar("F", bound=Callable[..., Any])


def db_option(func: F) -> F:
    """``--db FILE``, defaulting to $NEWSGRAPH_DB or ./newsgraph.db."""
    return click.option(
        "--db",
        "db",
        envvar="NEWSGRAPH_DB",
        default="newsgraph.db",
        show_default=True,
        show_envvar=True,
        type=click.Path(dir_okay=False),
        help="Knowledge base file.",
    )(func)


def open_kb(db: str) -> KnowledgeBase:
    try:
        return KnowledgeBase(db)
    except NewsgraphError as exc:
        raise click.ClickException(str(exc)) from exc


class Group(click.Group):
    """Turns library errors into one line and exit code 1, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except NewsgraphError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=Group)
@click.version_option(package_name="newsgraph")
@click.option("-v", "--verbose", is_flag=True, help="Log progress details to stderr.")
def main(verbose: bool) -> None:
    """Turn news articles into a sourced knowledge base: entities, quotes, timelines."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


# -- ingest ----------------------------------------------------------------------------


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--workers", "-w", default=1, show_default=True, type=click.IntRange(1, 256),
              help="Processes for the analysis (each loads the models).")  # fmt: skip
@click.option("--text-field", help="JSON/CSV field holding the article text.")
@click.option("--title-field", help="JSON/CSV field holding the title.")
@click.option("--url-field", help="JSON/CSV field holding the URL.")
@click.option("--date-field", help="JSON/CSV field holding the publication date.")
@click.option("--model", "model_specs", multiple=True, metavar="LANG=PACKAGE",
              help="spaCy model package for a language, e.g. en=en_core_web_lg.")  # fmt: skip
@click.option("--max-chars", default=MAX_ARTICLE_CHARS, show_default=True,
              type=click.IntRange(1000), help="Longest article text accepted.")  # fmt: skip
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def ingest(
    paths: tuple[str, ...],
    db: str,
    workers: int,
    text_field: str | None,
    title_field: str | None,
    url_field: str | None,
    date_field: str | None,
    model_specs: tuple[str, ...],
    max_chars: int,
    quiet: bool,
) -> None:
    """Read articles from files, folders, globs or - (stdin) into the knowledge base.

    Formats: .txt .md .html .htm .jsonl .json .csv .tsv .warc .warc.gz and RSS/Atom feeds.

    \b
    Example:
      newsgraph ingest articles/ feeds/*.xml --db story.db --workers 2
    """
    options = ReadOptions(
        text_field=text_field, title_field=title_field, url_field=url_field,
        date_field=date_field,
    )  # fmt: skip
    kb = open_kb(db)
    with _progress(quiet) as update:
        report = kb.ingest(
            list(paths), workers=workers, read_options=options, models=_models(model_specs),
            max_chars=max_chars, on_progress=update, on_failure=_print_failure,
        )  # fmt: skip
    click.echo(
        f"read {report.read}, new {report.new}, duplicates {report.duplicates}, "
        f"failed {report.failed}  ->  {db}"
    )
    kb.close()
    if report.failed:
        sys.exit(1)


def _models(specs: tuple[str, ...]) -> Models:
    names = dict(DEFAULT_MODELS)
    for spec in specs:
        lang, sep, package = spec.partition("=")
        if not sep or not lang or not package:
            raise click.BadParameter(f"{spec!r} is not LANG=PACKAGE", param_hint="--model")
        names[lang.strip()] = package.strip()
    return Models(names)


def _print_failure(failure: Failure) -> None:
    click.echo(f"error: {failure}", err=True)


class _progress:
    """A tqdm bar on stderr when it is a terminal, updated with the running report."""

    def __init__(self, quiet: bool) -> None:
        self.bar: Any = None
        if not quiet and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True)

    def __enter__(self) -> Callable[[IngestReport], None]:
        return self.update

    def update(self, report: IngestReport) -> None:
        if self.bar is not None:
            self.bar.update(report.read - self.bar.n)
            self.bar.set_postfix(new=report.new, dup=report.duplicates, failed=report.failed)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()


# -- read it back ----------------------------------------------------------------------


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object.")
def stats(db: str, as_json: bool) -> None:
    """Counts of articles, languages, entities, mentions and quotes.

    \b
    Example:
      newsgraph stats --db story.db
    """
    data = open_kb(db).stats()
    if as_json:
        click.echo(json.dumps(data))
        return
    for key, value in data.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items()) or "-"
        click.echo(f"{key:15} {value}")


@main.command()
@click.argument("query")
@db_option
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1))
def search(query: str, db: str, limit: int) -> None:
    """Full-text search over articles, with snippets.

    \b
    Example:
      newsgraph search "cartel leader" --limit 5
    """
    hits = open_kb(db).search(query, limit=limit)
    if not hits:
        click.echo("no articles match", err=True)
    for hit in hits:
        click.echo(f"{hit.doc}  {hit.published or '':10}  {hit.title or ''}")
        click.echo(f"    {hit.snippet}")


@main.command()
@db_option
@click.option("--label", type=click.Choice(["PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT",
              "MISC"], case_sensitive=False))  # fmt: skip
@click.option("--limit", default=30, show_default=True, type=click.IntRange(1))
def entities(db: str, label: str | None, limit: int) -> None:
    """Entities, most widely reported first, with their aliases.

    \b
    Example:
      newsgraph entities --label PERSON --limit 10
    """
    for e in open_kb(db).entities(label=label, limit=limit):
        aliases = ", ".join(f"{a} ({n})" for a, n in e.aliases[:6])
        click.echo(f"{e.id}  {e.label:6}  {e.documents:4} art  {e.mentions:5} ment  {e.name}")
        if aliases:
            click.echo(f"{'':24}aliases: {aliases}")


@main.command()
@click.argument("doc_id")
@db_option
def show(doc_id: str, db: str) -> None:
    """An article's cleaned text with its mentions marked [[like this|LABEL]].

    \b
    Example:
      newsgraph show d3f1c0ffee0123ab
    """
    doc = open_kb(db).document(doc_id)
    if doc is None:
        raise click.ClickException(f"no document {doc_id!r} in {db}")
    for key in ("id", "title", "url", "source", "author", "published", "updated", "language"):
        if doc.get(key):
            click.echo(f"{key:10} {doc[key]}")
    click.echo()
    click.echo(mark_mentions(doc["text"], doc["mentions"]))


def mark_mentions(text: str, mentions: list[dict[str, Any]]) -> str:
    """``text`` with each mention wrapped as ``[[text|LABEL]]``."""
    out, pos = [], 0
    for m in mentions:
        if m["start"] < pos:
            continue
        out.append(text[pos : m["start"]])
        out.append(f"[[{text[m['start'] : m['end']]}|{m['label']}]]")
        pos = m["end"]
    out.append(text[pos:])
    return "".join(out)


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl",
              show_default=True)  # fmt: skip
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Output file (default: stdout).")  # fmt: skip
def export(db: str, fmt: str, output: Any) -> None:
    """Export the knowledge base (JSON Lines data contract).

    \b
    Example:
      newsgraph export --format jsonl -o story.jsonl
    """
    from .export import write_jsonl

    kb = open_kb(db)
    n = write_jsonl(kb.store, output)
    if output is not sys.stdout:
        click.echo(f"wrote {n} records", err=True)


#: An ISO date, or the year or month it starts with.
_ISO_DATE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``value`` if it is an ISO date ("2025-04-21") or its year or month ("2025-04")."""
    if value is not None and not _ISO_DATE.fullmatch(value):
        raise click.BadParameter(f"{value!r} is not an ISO date (2025, 2025-04 or 2025-04-21)")
    return value


@main.command()
@db_option
@click.option("--speaker", help="Said by this entity (name, alias or id).")
@click.option("--about", help="Quotes that mention this entity (name, alias or id).")
@click.option("--anonymous", is_flag=True, help="Only quotes from unnamed sources.")
@click.option(
    "--affiliation",
    metavar="NAME",
    help="Said by sources at this organisation or place, named or not (name, alias or id).",
)
@click.option(
    "--text",
    metavar="QUERY",
    help='The quoted words match QUERY (full-text: words, "a phrase", OR, NOT, prefix*).',
)
@click.option(
    "--since",
    metavar="DATE",
    callback=_iso_date,
    help="Articles published on or after DATE (ISO: 2025, 2025-04, 2025-04-21).",
)
@click.option(
    "--until",
    metavar="DATE",
    callback=_iso_date,
    help="Articles published on or before DATE (ISO; 2025-04 takes all of April).",
)
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def quotes(
    db: str,
    speaker: str | None,
    about: str | None,
    anonymous: bool,
    affiliation: str | None,
    text: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """Who said what: quotes across articles, with date and source.

    A quote broken by its attribution shows its quoted fragments joined by "…".

    \b
    Examples:
      newsgraph quotes --speaker "Lucía Ramírez" --about Culiacán
      newsgraph quotes --anonymous --since 2019-01-01
      newsgraph quotes --anonymous --affiliation "Fiscalía General"
      newsgraph quotes --speaker "Lucía Ramírez" --text "aranceles OR tarifas" --until 2025-04
    """
    kb = open_kb(db)
    named = (("--affiliation", affiliation), ("--speaker", speaker), ("--about", about))
    for option, name in named:
        if name and not kb.find_entities(name):
            if option == "--affiliation":  # nothing else to match: a typo, most likely
                raise click.ClickException(f"no entity with id or name {name!r} ({option})")
            what = "speakers" if option == "--speaker" else "quotes"
            click.echo(f"note: no entity with id or name {name!r} ({option}); "
                       f"matching {what} that contain those words", err=True)  # fmt: skip
    rows = kb.quotes(
        speaker=speaker, about=about, anonymous=anonymous, since=since, until=until,
        limit=limit, affiliation=affiliation, text=text,
    )  # fmt: skip
    if not rows:
        click.echo("no quotes match", err=True)
    for q in rows:
        if as_json:
            click.echo(json.dumps(q, ensure_ascii=False))
            continue
        who = q["speaker_name"] or q["speaker_text"] or "(unattributed)"
        if q["speaker_name"] and q["others"]:  # a joint source: "Salas, Ferrer"
            who = ", ".join([who, *(o["name"] or o["entity"] for o in q["others"])])
        where = q["source"] or q["url"] or q["title"] or q["doc"]
        kind = q["speaker_kind"]
        if q["affiliation_entity"]:  # "[anonymous, at Fiscalía General de la República]"
            kind += f", at {q['affiliation_name'] or q['affiliation_entity']}"
        click.echo(f"{q['published'] or '????-??-??'}  {who} [{kind}]"
                   f" ({q['kind']}, {q['cue'] or '-'})  — {where}")  # fmt: skip
        click.echo(f"    {PART_SEPARATOR.join(p['text'] for p in q['parts']) or q['text']}")


@main.command()
@db_option
@click.option("--top", default=10, show_default=True, type=click.IntRange(1))
def summary(db: str, top: int) -> None:
    """Articles, languages, top entities with aliases, and a few mentions in context.

    \b
    Example:
      newsgraph summary --db demo.db
    """
    kb = open_kb(db)
    data = kb.stats()
    langs = ", ".join(f"{k} {v}" for k, v in data["languages"].items())
    click.echo(f"{data['documents']} articles ({langs}); {data['entities']} entities, "
               f"{data['mentions']} mentions, {data['quotes']} quotes")  # fmt: skip
    click.echo(f"\nTop {top} entities by number of articles:")
    top_entities = kb.entities(limit=top)
    for e in top_entities:
        aliases = ", ".join(f"{a} ({n})" for a, n in e.aliases[:5])
        click.echo(f"  {e.name} [{e.label}] — {e.documents} articles; aliases: {aliases}")
    click.echo("\nSome mentions in their sentence:")
    for e in top_entities[:3]:
        for doc, sentence in kb.mention_contexts(e.id, limit=2):
            click.echo(f"  {doc}: {sentence}")


@main.command()
@click.argument("name_or_id")
@db_option
@click.option("--limit", default=15, show_default=True, type=click.IntRange(1))
def entity(name_or_id: str, db: str, limit: int) -> None:
    """An entity page: name, label, aliases with counts, roles, articles, co-mentioned.

    \b
    Example:
      newsgraph entity "Lucía Ramírez"
    """
    from .curate import entity_detail

    d = entity_detail(open_kb(db).store, name_or_id, limit=limit)
    click.echo(f"{d.name}  [{d.label}]  {d.id}")
    click.echo(f"{d.mentions} mentions in {d.documents} articles")
    click.echo("aliases: " + ", ".join(f"{a} ({n})" for a, n in d.aliases))
    if d.roles:
        click.echo("roles:   " + ", ".join(f"{r} ({n})" for r, n in d.roles))
    click.echo("articles:")
    for a in d.articles:
        click.echo(f"  {a['published'] or '????-??-??'}  {a['id']}  {a['title'] or ''}")
    click.echo("co-mentioned:")
    for eid, name, shared in d.co_mentioned:
        click.echo(f"  {shared:4}  {name}  ({eid})")


@main.command()
@click.argument("keep")
@click.argument("other")
@db_option
def merge(keep: str, other: str, db: str) -> None:
    """Merge entity OTHER into KEEP (ids or names); later ingests respect it.

    \b
    Example:
      newsgraph merge e1a2b3c4d5e6 e6f5e4d3c2b1
    """
    from .curate import merge as merge_entities

    survivor = merge_entities(open_kb(db).store, keep, other)
    click.echo(f"merged into {survivor}")


@main.command()
@click.argument("entity_id")
@click.option("--alias", required=True, help="The name whose articles become their own entity.")
@db_option
def split(entity_id: str, alias: str, db: str) -> None:
    """Split the articles naming an entity ALIAS out into a new entity.

    \b
    Example:
      newsgraph split e1a2b3c4d5e6 --alias "Iván Paredes"
    """
    from .curate import split as split_entity

    new_id = split_entity(open_kb(db).store, entity_id, alias)
    click.echo(f"split {alias!r} into {new_id}")


@main.command(name="eval")
@click.argument("task", type=click.Choice(["ner", "coref", "quotes"]))
@click.option("--data", required=True, type=click.Path(exists=True, path_type=Path),
              help="Gold data folder (MEANTIME, ECB+, CrossRE, PolNeAR).")  # fmt: skip
@click.option("--limit", type=click.IntRange(1), help="Only the first N documents (groups).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object of metrics.")
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False, path_type=Path),
              help="quotes: write each miss, partial match, spurious quote and wrong "
              "speaker as a JSON line to this file.")  # fmt: skip
def eval_command(
    task: str, data: Path, limit: int | None, as_json: bool, errors_path: Path | None
) -> None:
    """Score an extractor against human-annotated gold data.

    \b
    Examples:
      newsgraph eval ner --data ../shared/data/gold/meantime_en
      newsgraph eval coref --data ../shared/data/gold/ecbplus --json
      newsgraph eval quotes --data ../shared/data/gold/polnear/dev --errors errors.jsonl
    """
    from .eval import run_eval

    if errors_path is None:
        metrics = run_eval(task, data, limit=limit)
    else:
        if task != "quotes":
            raise click.UsageError("--errors is available for the quotes task only")
        with errors_path.open("w", encoding="utf-8") as out:

            def write(record: dict[str, Any]) -> None:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")

            metrics = run_eval(task, data, limit=limit, errors=write)
    if as_json:
        click.echo(json.dumps(metrics))
        return
    for key, value in metrics.items():
        if isinstance(value, dict):
            value = "  ".join(f"{k} {v}" for k, v in value.items())
        click.echo(f"{key:24} {value}")


if __name__ == "__main__":  # pragma: no cover
    main()
