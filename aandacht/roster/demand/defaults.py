"""Defaults of the demand and capacity screens (pure, no Django).

The service figures are per channel: the mean handling time of a contact
and the mean time a caller waits before hanging up. Measured patience from
call logs takes the place of the default when there is one.
"""

from __future__ import annotations

from typing import Any, Final

SERVICE_DEFAULTS: Final[dict[str, dict[str, float]]] = {
    "phone": {"aht_minutes": 21.0, "patience_minutes": 2.0},
    "chat": {"aht_minutes": 36.0, "patience_minutes": 5.0},
    # Mail is answered within hours, not minutes: it hardly queues.
    "mail": {"aht_minutes": 30.0, "patience_minutes": 720.0},
}

ASSUMED_ANSWER_RATE: Final = 0.65
"""Share of call attempts answered, when no call log says otherwise
(overridden by the setting AANDACHT_ASSUMED_ANSWER_RATE)."""

HISTORY_WEEKS: Final = 12
MAX_HISTORY_WEEKS: Final = 104
TARGET_ANSWER_RATE: Final = 0.8

WORKDAYS: Final = "MO,TU,WE,TH,FR"
EVERY_DAY: Final = "MO,TU,WE,TH,FR,SA,SU"

DEFAULT_LINES: Final[tuple[dict[str, Any], ...]] = (
    {"code": "phone-nl", "channel": "phone", "language": "nl", "max_parallel": 6},
    {
        "code": "chat-nl",
        "channel": "chat",
        "language": "nl",
        "max_parallel": 2,
        "open_rules": [{"byday": EVERY_DAY, "shifts": ["M", "A", "E"]}],
    },
    *(
        {
            "code": f"phone-{language}",
            "channel": "phone",
            "language": language,
            "max_parallel": 1,
            "weight": 3.0,
            "open_rules": [{"byday": WORKDAYS, "shifts": ["A", "E"]}],
        }
        for language in ("tr", "ar", "fa")
    ),
)
"""The lines a region starts with: Dutch phone day and night, Dutch chat in
the afternoon and evening, and phone in Turkish, Arabic and Farsi on
weekday afternoons and evenings, weighted 3 so their few speakers stay there."""
