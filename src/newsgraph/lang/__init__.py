"""Per-language word lists, kept as data files in ``lang/<code>/<name>.txt``.

One entry per line; blank lines and lines starting with ``#`` are ignored.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def words(language: str, name: str) -> frozenset[str]:
    """The entries of list ``name`` for ``language`` (empty when the list does not exist)."""
    return frozenset(lines(language, name))


@cache
def lines(language: str, name: str) -> tuple[str, ...]:
    """The entries of list ``name`` for ``language``, in file order."""
    path = resources.files(__package__).joinpath(language, f"{name}.txt")
    if not path.is_file():
        return ()
    entries = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(e for e in entries if e and not e.startswith("#"))
