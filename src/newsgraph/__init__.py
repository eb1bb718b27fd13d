"""newsgraph: turn a pile of raw news articles into a sourced knowledge base."""

from __future__ import annotations

from .errors import ConfigError, EvalDataError, InputError, NewsgraphError, StoreError
from .kb import EntitySummary, IngestReport, KnowledgeBase, SearchHit, open
from .records import (
    Article,
    DocResult,
    Failure,
    LocalEntity,
    Mention,
    Metadata,
    Quote,
    RawArticle,
    Segment,
    Speaker,
)

__all__ = [
    "Article",
    "ConfigError",
    "DocResult",
    "EntitySummary",
    "EvalDataError",
    "Failure",
    "IngestReport",
    "InputError",
    "KnowledgeBase",
    "LocalEntity",
    "Mention",
    "Metadata",
    "NewsgraphError",
    "Quote",
    "RawArticle",
    "SearchHit",
    "Segment",
    "Speaker",
    "StoreError",
    "open",
]
