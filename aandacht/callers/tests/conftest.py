"""Fixtures for caller profiles."""

from __future__ import annotations

from typing import Any

from aandacht.callers import services
from aandacht.callers.models import CallerProfile
from aandacht.contacts.tests.conftest import lists  # noqa: F401 (a fixture)


def make_profile(region, author, **values: Any) -> CallerProfile:
    defaults = {
        "alias": "de dichter",
        "cues": "Zachte stem, leest gedichten voor, belt vaak na middernacht.",
        "approach": "Laat hem eerst zijn gedicht voorlezen.",
        "agreement": "Eén gesprek per avond.",
        "consultation_notes": "Overleg met de consulent: geen nieuwe afspraken maken.",
    }
    return services.profile_create(region=region, actor=author, **(defaults | values))
