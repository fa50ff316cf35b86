"""Fixtures for call-back requests: an encryption key, and a request to work on.

The settings carry no key in tests (pyproject sets none), so every test here
gets a fresh Fernet key through the `settings` fixture; tests of a missing or
changed key override it again.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from cryptography.fernet import Fernet

from aandacht.callbacks import services
from aandacht.callbacks.models import CallbackRequest
from aandacht.contacts.tests.conftest import lists  # noqa: F401 (a fixture)

NUMBER = "06 1234 5678"
NORMALISED = "0612345678"


def new_key() -> str:
    return Fernet.generate_key().decode()


@pytest.fixture(autouse=True)
def callback_key(settings) -> str:
    key = new_key()
    settings.CALLBACK_KEYS = [key]
    return key


def make_request(
    region, author, *, number: str = NUMBER, now: datetime | None = None, **values: Any
) -> CallbackRequest:
    defaults = {
        "question": "Zoekt een gespreksgroep voor mensen die alleen zijn.",
        "preferred_time": "morning",
    }
    return services.callback_record(
        region=region, actor=author, number=number, now=now, **(defaults | values)
    )
