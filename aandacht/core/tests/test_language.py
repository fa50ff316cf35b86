"""Dutch is the default whatever the browser says; English is one click away."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_an_english_browser_still_gets_dutch(client):
    response = client.get("/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.headers["Content-Language"] == "nl"
    assert '<html lang="nl">' in response.content.decode()


def test_the_chosen_language_is_remembered(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/login/"})
    response = client.get("/login/")
    assert response.headers["Content-Language"] == "en"
    assert "Forgot your password?" in response.content.decode()


def test_an_unknown_language_cookie_falls_back_to_dutch(client):
    client.cookies["django_language"] = "xx"
    response = client.get("/login/")
    assert response.headers["Content-Language"] == "nl"


def test_every_dutch_page_text_differs_from_the_english(client):
    """A smoke test per locale: the login page really is translated."""
    dutch = client.get("/login/").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/login/"})
    english = client.get("/login/").content.decode()
    assert "Wachtwoord vergeten?" in dutch
    assert "Forgot your password?" not in dutch
    assert "Forgot your password?" in english
