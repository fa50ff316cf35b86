from __future__ import annotations

import pytest
from django.conf import settings


@pytest.fixture
def english(client):
    """The language switch set to English, for the tests that read a message."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client
