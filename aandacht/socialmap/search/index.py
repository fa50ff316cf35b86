"""Keeping the search index in step with the directory.

Placeholder: the search work replaces this module. Writers (import,
maintenance, demo) call `reindex` after changing services.
"""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID


def reindex(service_ids: Iterable[UUID]) -> None:
    """Bring the search index of these services up to date."""
    list(service_ids)


def reindex_all() -> None:
    """Rebuild the whole search index."""
