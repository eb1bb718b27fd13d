"""Synthetic news articles about invented people, for tests and benchmarks."""

from __future__ import annotations

import json
import random
from pathlib import Path

GIVEN = ["Lucía", "Tomás", "Ramiro", "Marisol", "Evaristo", "Fabiola", "Octavio", "Renata",
         "Anselmo", "Graciela", "Baltasar", "Itzel", "Casimiro", "Yolanda"]  # fmt: skip
SURNAMES = ["Ramírez", "Herrera", "Paredes", "Quintanilla", "Valdivia", "Zamudio", "Ocampo",
            "Barragán", "Castellanos", "Mendieta", "Urrutia", "Villaseñor"]  # fmt: skip
CITIES = ["Culiacán", "Monterrey", "Guadalajara", "Tijuana", "Hermosillo", "Mexico City"]
TEMPLATE = (
    "{a} met {b} in {city} on Tuesday to discuss the investigation.\n\n"
    "The meeting, which lasted {hours} hours, was the {n}th between the two officials. "
    "{a_last} later told reporters that the talks had been productive.\n\n"
    "{b_last} did not comment. The case, number {n}{hours}, remains open in {city}."
)


def person(rng: random.Random) -> tuple[str, str]:
    last = f"{rng.choice(SURNAMES)} {rng.choice(SURNAMES)}"
    return f"{rng.choice(GIVEN)} {last}", last.split()[0]


def articles(n: int, *, seed: int = 7) -> list[dict[str, str]]:
    """``n`` distinct small articles (JSON-ready dicts with id, title, date, text)."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        (a, a_last), (b, b_last) = person(rng), person(rng)
        text = TEMPLATE.format(
            a=a, b=b, a_last=a_last, b_last=b_last, city=rng.choice(CITIES),
            hours=rng.randint(2, 9), n=i + 4,
        )  # fmt: skip
        out.append({"id": f"syn-{i}", "title": f"Meeting {i}", "date": "2024-03-05", "text": text})
    return out


def write_jsonl(path: Path, n: int, *, seed: int = 7) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for record in articles(n, seed=seed):
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
