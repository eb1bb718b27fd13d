"""Quote evaluation on PolNeAR (brat standoff: Source, Cue, Content).

A predicted quote matches a gold one at threshold *t* when the tokens they share are at
least *t* of the larger of the two (one-to-one, best overlaps first). A gold content in
several fragments (``“A,” she said. “B.”``) has the tokens of its fragments only, not
those of the attribution between them; so has a predicted quote with ``parts``. Precision
is matched / predicted, recall matched / gold. A gold quote is *direct* when its content is
enclosed in quotation marks (PolNeAR content spans leave the marks out), else indirect.
Speaker accuracy: among quotes matched at 0.3, the share whose predicted speaker span
overlaps the gold source span. Articles annotated by several people are scored against
each annotation and the scores averaged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EvalDataError
from ..records import DocResult, Quote, QuoteKind, Speaker

Analyze = Callable[..., DocResult]
THRESHOLDS = (0.3, 0.8)
QUOTE_MARKS = "\"“”«»‘’'"


@dataclass(frozen=True, slots=True)
class GoldQuote:
    start: int
    end: int
    source: tuple[int, int] | None
    direct: bool
    parts: tuple[tuple[int, int], ...] = ()  # the fragments of the content, when several


@dataclass(slots=True)
class PolnearDoc:
    id: str
    text: str
    annotations: list[list[GoldQuote]] = field(default_factory=list)  # one list per annotator


def read_polnear(path: Path, split: str | None = "dev") -> list[PolnearDoc]:
    """Articles of a PolNeAR split (``path`` is the corpus root or a split folder)."""
    root = path / split if split and (path / split).is_dir() else path
    texts, anns = root / "text", root / "attributions"
    if not texts.is_dir() or not anns.is_dir():
        raise EvalDataError(f"{path}: not a PolNeAR folder (needs text/ and attributions/)")
    docs: dict[str, PolnearDoc] = {}
    for ann in sorted(anns.glob("*.ann")):
        stem = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        text_file = texts / f"{stem}.txt"
        if not text_file.exists():
            continue
        doc = docs.setdefault(stem, PolnearDoc(stem, text_file.read_text(encoding="utf-8")))
        doc.annotations.append(_read_ann(ann, doc.text))
    return list(docs.values())


def _read_ann(path: Path, text: str) -> list[GoldQuote]:
    spans: dict[str, tuple[int, int]] = {}
    fragments: dict[str, tuple[tuple[int, int], ...]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            parts = _fragments(fields[1])
            if parts:
                spans[fields[0]] = (parts[0][0], parts[-1][1])
                fragments[fields[0]] = parts
        elif line.startswith("E") and len(fields) >= 2:
            events.append(dict(part.split(":", 1) for part in fields[1].split() if ":" in part))
    quotes = []
    for event in events:
        content = spans.get(event.get("Content", ""))
        if content is None:
            continue
        source = spans.get(event.get("Source", ""))
        parts = fragments[event["Content"]]
        quotes.append(GoldQuote(*content, source, _is_direct(text, *content),
                                parts if len(parts) > 1 else ()))  # fmt: skip
    return quotes


def _fragments(field: str) -> tuple[tuple[int, int], ...]:
    """``Content 315 448;463 553`` -> ((315, 448), (463, 553)), in text order."""
    pairs = re.findall(r"(\d+) (\d+)", field)
    return tuple(sorted((int(a), int(b)) for a, b in pairs))


def _is_direct(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 2) : start + 1]
    after = text[max(0, end - 1) : end + 2]
    return any(m in before for m in QUOTE_MARKS) and any(m in after for m in QUOTE_MARKS)


def _tokens(text: str, start: int, end: int) -> set[int]:
    """Start offsets of the words the span touches (a span may cut a word: ``t[he``)."""
    while 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return {m.start() + start for m in re.finditer(r"\w+", text[start:end])}


def _content_tokens(text: str, quote: Quote | GoldQuote) -> set[int]:
    """The tokens of a content's fragments only, when it has several."""
    parts = quote.parts or ((quote.start, quote.end),)
    return set().union(*(_tokens(text, s, e) for s, e in parts))


@dataclass(slots=True)
class Tally:
    predicted: dict[str, int] = field(
        default_factory=lambda: {"all": 0, "direct": 0, "indirect": 0}
    )
    gold: dict[str, int] = field(default_factory=lambda: {"all": 0, "direct": 0, "indirect": 0})
    matched_pred: dict[str, int] = field(default_factory=dict)
    matched_gold: dict[str, int] = field(default_factory=dict)
    speaker_ok: dict[str, float] = field(default_factory=dict)  # by gold kind, and "all"
    speaker_n: dict[str, float] = field(default_factory=dict)


def _overlaps(
    text: str, predicted: Sequence[Quote], gold: Sequence[GoldQuote]
) -> list[tuple[float, int, int]]:
    """(overlap, predicted index, gold index) of every pair sharing a word, best first."""
    ptoks = [_content_tokens(text, q) for q in predicted]
    gtoks = [_content_tokens(text, g) for g in gold]
    return sorted(
        ((len(p & g) / max(len(p), len(g), 1), i, j)
         for i, p in enumerate(ptoks) for j, g in enumerate(gtoks) if p & g),
        reverse=True,
    )  # fmt: skip


def _score(
    text: str, predicted: Sequence[Quote], gold: Sequence[GoldQuote], tally: dict[float, Tally]
) -> None:
    pairs = _overlaps(text, predicted, gold)
    for t, counts in tally.items():
        _count_sides(predicted, gold, counts)
        used_p: set[int] = set()
        used_g: set[int] = set()
        for overlap, i, j in pairs:
            if overlap < t or i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            _count_match(predicted[i], gold[j], counts)


def _count_sides(predicted: Sequence[Quote], gold: Sequence[GoldQuote], c: Tally) -> None:
    for q in predicted:
        c.predicted["all"] += 1
        c.predicted["direct" if q.kind == "direct" else "indirect"] += 1
    for g in gold:
        c.gold["all"] += 1
        c.gold["direct" if g.direct else "indirect"] += 1


def _count_match(q: Quote, g: GoldQuote, c: Tally) -> None:
    pk, gk = (
        ("direct" if q.kind == "direct" else "indirect"),
        ("direct" if g.direct else "indirect"),
    )
    for key, kind in (("all", None), (pk, "p"), (gk, "g")):
        if kind != "g":
            c.matched_pred[key] = c.matched_pred.get(key, 0) + 1
        if kind != "p":
            c.matched_gold[key] = c.matched_gold.get(key, 0) + 1
    if g.source is not None:
        s = q.speaker
        ok = (
            s.start is not None
            and s.end is not None
            and s.start < g.source[1]
            and (g.source[0] < s.end)
        )
        for key in ("all", gk):
            c.speaker_n[key] = c.speaker_n.get(key, 0) + 1
            c.speaker_ok[key] = c.speaker_ok.get(key, 0) + int(ok)


def evaluate_quotes(
    docs: Sequence[PolnearDoc],
    analyze: Analyze,
    *,
    limit: int | None = None,
    errors: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """Metrics over the documents, averaged over annotators of the same article.

    ``errors``, when given, receives one record per error against each article's first
    annotation (see :func:`quote_errors`).
    """
    tally = {t: Tally() for t in THRESHOLDS}
    shared = {t: Tally() for t in THRESHOLDS}  # the system, on the articles of several annotators
    humans = {t: Tally() for t in THRESHOLDS}  # their annotators, one against another
    chosen = docs[:limit] if limit else docs
    for doc in chosen:
        result = analyze(doc.text, language="en")
        per_annotator = {t: Tally() for t in THRESHOLDS}
        for gold in doc.annotations:
            _score(doc.text, result.quotes, gold, per_annotator)
        _add_averaged(tally, per_annotator, len(doc.annotations))
        if len(doc.annotations) > 1:
            _add_averaged(shared, per_annotator, len(doc.annotations))
            _add_agreement(humans, doc)
        if errors is not None and doc.annotations:
            for record in quote_errors(doc.id, doc.text, result.quotes, doc.annotations[0]):
                errors(record)
    metrics = _metrics(tally, len(chosen))
    several = sum(len(doc.annotations) > 1 for doc in chosen)
    if several:
        metrics |= _agreement_metrics(shared, humans, several)
    return metrics


def _add_agreement(tally: dict[float, Tally], doc: PolnearDoc) -> None:
    """Score each annotation of an article as if predicted, against each other one; the
    article counts once, as when the system is scored against all its annotators."""
    pairs = {t: Tally() for t in THRESHOLDS}
    n = 0
    for a, predicted in enumerate(doc.annotations):
        as_quotes = [_as_quote(doc.text, g) for g in predicted]
        for b, gold in enumerate(doc.annotations):
            if a != b:
                _score(doc.text, as_quotes, gold, pairs)
                n += 1
    _add_averaged(tally, pairs, n)


def _as_quote(text: str, g: GoldQuote) -> Quote:
    source = g.source or (None, None)
    speaker = Speaker(text[source[0] : source[1]] if g.source else None, "unknown", *source)
    kind: QuoteKind = "direct" if g.direct else "indirect"
    return Quote(g.start, g.end, text[g.start : g.end], kind, speaker, None, "en", parts=g.parts)


def _agreement_metrics(
    system: dict[float, Tally], humans: dict[float, Tally], articles: int
) -> dict[str, Any]:
    """How far the annotators of the articles annotated more than once agree with each
    other, beside the system's scores on the same articles: what a score can be read
    against, since two annotators are not one."""
    out: dict[str, Any] = {"agreement_articles": articles}
    for name, tally in (("annotator_agreement", humans), ("system_on_agreement_articles", system)):
        scored = _metrics(tally, articles)
        for t in THRESHOLDS:
            out[f"{name}_f1_overlap_{t}"] = scored[f"f1_overlap_{t}"]
        out[f"{name}_speaker_accuracy"] = scored["speaker_accuracy"]
    return out


def quote_errors(
    doc_id: str, text: str, predicted: Sequence[Quote], gold: Sequence[GoldQuote]
) -> list[dict[str, Any]]:
    """What went wrong in one article, for error analysis: gold quotes no prediction
    overlaps (``missed``) or overlaps too little (``partial``, below the first threshold),
    predictions overlapping no gold quote (``spurious``), and matched quotes whose speaker
    misses the gold source (``wrong_speaker``). Each record has the texts, the cue, the
    speakers and the sentence-sized context around the gold or predicted span."""
    pairs = _overlaps(text, predicted, gold)
    match: dict[int, tuple[int, float]] = {}  # gold index -> (predicted index, overlap)
    used: set[int] = set()
    for overlap, i, j in pairs:
        if overlap >= THRESHOLDS[0] and i not in used and j not in match:
            match[j] = (i, overlap)
            used.add(i)
    out: list[dict[str, Any]] = []
    for j, g in enumerate(gold):
        source = text[g.source[0] : g.source[1]] if g.source else None
        record: dict[str, Any] = {"doc": doc_id, "gold": _snippet(text, g.start, g.end),
                                  "gold_source": source, "direct": g.direct}  # fmt: skip
        if j in match:
            q = predicted[match[j][0]]
            s = q.speaker
            if g.source and not (s.start is not None and s.end is not None
                                 and s.start < g.source[1] and g.source[0] < s.end):  # fmt: skip
                out.append(record | {"error": "wrong_speaker", **_predicted(q)})
            continue
        near = max((p for p in pairs if p[2] == j), default=None)
        if near is not None:
            out.append(record | {"error": "partial", "overlap": round(near[0], 2),
                                 **_predicted(predicted[near[1]])})  # fmt: skip
        else:
            out.append(record | {"error": "missed", "context": _context(text, g.start, g.end)})
    overlapping = {i for _, i, _ in pairs}
    for i, q in enumerate(predicted):
        if i not in overlapping:
            out.append({"doc": doc_id, "error": "spurious", **_predicted(q),
                        "context": _context(text, q.start, q.end)})  # fmt: skip
    return out


def _predicted(q: Quote) -> dict[str, Any]:
    return {"predicted": q.text, "kind": q.kind, "cue": q.cue, "speaker": q.speaker.text,
            "speaker_kind": q.speaker.kind}  # fmt: skip


def _snippet(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].split())


def _context(text: str, start: int, end: int, width: int = 200) -> str:
    """The span in brackets with up to ``width`` characters on each side, on one line."""
    left = " ".join(text[max(0, start - width) : start].split())
    right = " ".join(text[end : end + width].split())
    return f"{left} [{_snippet(text, start, end)}] {right}".strip()


def _add_averaged(total: dict[float, Tally], part: dict[float, Tally], n: int) -> None:
    for t, c in part.items():
        into = total[t]
        for attr in ("predicted", "gold", "matched_pred", "matched_gold", "speaker_ok",
                     "speaker_n"):  # fmt: skip
            target, source = getattr(into, attr), getattr(c, attr)
            for k, v in source.items():
                target[k] = target.get(k, 0) + v / n


def _metrics(tally: dict[float, Tally], n_docs: int) -> dict[str, Any]:
    out: dict[str, Any] = {"documents": n_docs}
    for t, c in tally.items():
        for split in ("all", "direct", "indirect"):
            p = c.matched_pred.get(split, 0) / c.predicted[split] if c.predicted[split] else 0.0
            r = c.matched_gold.get(split, 0) / c.gold[split] if c.gold[split] else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            suffix = "" if split == "all" else f"_{split}"
            for name, value in (("precision", p), ("recall", r), ("f1", f)):
                out[f"{name}_overlap_{t}{suffix}"] = round(value, 4)
    c = tally[THRESHOLDS[0]]
    for split in ("all", "direct", "indirect"):
        n = c.speaker_n.get(split, 0)
        suffix = "" if split == "all" else f"_{split}"
        out[f"speaker_accuracy{suffix}"] = round(c.speaker_ok.get(split, 0) / n, 4) if n else 0.0
    out["gold_quotes"] = round(c.gold["all"], 1)
    out["predicted_quotes"] = round(c.predicted["all"], 1)
    return out


def run_quotes_eval(
    data: Path,
    *,
    limit: int | None = None,
    errors: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    from ..pipeline import analyze_text

    return evaluate_quotes(read_polnear(data), analyze_text, limit=limit, errors=errors)
