"""Shared problems for the roster tests (plain dicts in the problem format)."""

from __future__ import annotations

import copy
import sys
from pathlib import Path
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[3] / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

EXAMPLE: dict[str, Any] = {
    "month": "2027-03",
    "shifts": [
        {"code": "N1", "start": "00:00", "night": True},
        {"code": "N2", "start": "04:00", "night": True},
        {"code": "O", "start": "08:00"},
        {"code": "M", "start": "12:00"},
        {"code": "A", "start": "16:00"},
        {"code": "E", "start": "20:00"},
    ],
    "shift_hours": 4,
    "lines": [
        {"code": "phone-nl", "channel": "phone", "language": "nl", "max_parallel": 10},
        {
            "code": "phone-tr",
            "channel": "phone",
            "language": "tr",
            "max_parallel": 1,
            "weight": 3,
            "open": [{"byday": "MO,TU,WE,TH,FR", "shifts": ["A", "E"]}],
        },
        {
            "code": "chat-nl",
            "channel": "chat",
            "language": "nl",
            "max_parallel": 3,
            "open": [{"byday": "MO,TU,WE,TH,FR,SA,SU", "shifts": ["M", "A", "E"]}],
        },
    ],
    "service": {
        "phone": {"aht_minutes": 21, "patience_minutes": 2},
        "chat": {"aht_minutes": 36, "patience_minutes": 5},
    },
    "demand": [
        {"line": "phone-nl", "byday": "MO", "shift": "N1", "arrivals_per_hour": 5.5}
    ],
    "volunteers": [
        {
            "id": "v001",
            "languages": ["nl", "tr"],
            "channels": ["phone", "chat"],
            "min_shifts": 4,
            "max_shifts": 8,
            "night_required": True,
            "available": [{"date": "2027-03-01", "shift": "N1"}],
            "preferred": [{"date": "2027-03-02", "shift": "E"}],
        }
    ],
}


@pytest.fixture
def example() -> dict[str, Any]:
    """The example of docs/roster-format.md, made valid (preferred ⊆ available)."""
    data = copy.deepcopy(EXAMPLE)
    data["volunteers"][0]["available"].append({"date": "2027-03-02", "shift": "E"})
    return data
