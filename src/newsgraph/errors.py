"""Errors raised by newsgraph.

Exception tree::

    NewsgraphError
    ├── InputError          an input file or record cannot be read or has no article text
    ├── ConfigError         a missing model, a bad option value
    ├── StoreError          the database cannot be opened, or is from a newer version
    ├── QueryError          a full-text query the search engine cannot read
    └── EvalDataError       gold data missing or not in the expected format

The CLI turns any of these into one line on stderr and a non-zero exit code.
"""


class NewsgraphError(Exception):
    """Base class of every error newsgraph raises on purpose."""


class InputError(NewsgraphError):
    """An input cannot be turned into an article (unreadable, empty, binary, no text field)."""


class ConfigError(NewsgraphError):
    """A configuration problem: unknown option value, model not installed."""


class StoreError(NewsgraphError):
    """The knowledge base cannot be opened or written."""


class QueryError(NewsgraphError):
    """A full-text query that SQLite's FTS5 cannot parse ("cartel AND OR")."""


class EvalDataError(NewsgraphError):
    """Gold evaluation data is absent or malformed."""
