"""Quality gates on the development gold data: floors a little under the measured scores.

Measured with ``newsgraph eval`` (see the issue notes); a drop below a floor fails CI.
"""

from __future__ import annotations

from newsgraph.eval import run_eval

#: (task, gold folder, limit) → minimum score.
NER_FLOORS = {
    ("meantime_en",): 0.53,
    ("crossre_news", "crossre_data"): 0.48,
    ("crossre_news", "multi-crossre_es_translation"): 0.41,
}
COREF_FLOORS = {
    ("meantime_en",): 0.29,
    ("ecbplus",): 0.20,
}


def test_ner_f1_stays_above_its_floors(gold: type) -> None:
    for parts, floor in NER_FLOORS.items():
        f1 = run_eval("ner", gold.path(*parts))["f1"]
        assert f1 >= floor, f"{'/'.join(parts)}: NER F1 {f1} < {floor}"


def test_coref_conll_f1_stays_above_its_floors(gold: type) -> None:
    for parts, floor in COREF_FLOORS.items():
        conll = run_eval("coref", gold.path(*parts), limit=5)["conll_f1"]
        assert conll >= floor, f"{'/'.join(parts)}: CoNLL F1 {conll} < {floor}"
