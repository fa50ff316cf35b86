"""Permission rows of this part of the roster screens (see test_permissions.py)."""

from __future__ import annotations

MATRIX: dict[str, tuple[object, ...]] = {}
