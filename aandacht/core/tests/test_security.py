"""Security headers, cookies, scripts and password hashing as deployed."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher

import aandacht.settings as project_settings
from aandacht.core.tests.helpers import post_login
from aandacht.core.tests.html import parse


@pytest.fixture
def admin_client(client, cast, login):
    login(cast["admin_zuid"])
    return client


def csp_directives(response) -> dict[str, list[str]]:
    policy = response.headers["Content-Security-Policy"]
    directives = (part.split() for part in policy.split(";") if part.strip())
    return {name: values for name, *values in directives}


@pytest.mark.django_db
def test_the_content_security_policy_allows_only_own_scripts(client):
    directives = csp_directives(client.get("/login/"))
    assert directives["script-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in str(directives)
    assert "'unsafe-eval'" not in str(directives)


@pytest.mark.django_db
def test_pages_cannot_be_framed_and_send_no_referrer_to_other_sites(client):
    response = client.get("/login/")
    assert response.headers["X-Frame-Options"] == "DENY"
    # No address (with its audit filters or region codes) leaks to other sites.
    assert response.headers["Referrer-Policy"] in ("same-origin", "no-referrer")
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_strict_transport_security_on_https(client):
    response = client.get("/login/", secure=True)
    assert response.headers["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains"
    )


def test_login_cookies_are_secure_and_http_only(client, cast):
    response = post_login(client, "volunteer_zuid")
    assert response.status_code == 302
    for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME):
        cookie = response.cookies[name]
        assert cookie["secure"], name
        assert cookie["httponly"], name
        assert cookie["samesite"] == "Lax", name


@pytest.mark.django_db
def test_the_language_cookie_is_secure_and_http_only(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/login/"})
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en"
    assert cookie["secure"]
    assert cookie["httponly"]


def assert_no_inline_script(content: bytes) -> None:
    page = parse(content)
    scripts = page.find_all("script")
    assert scripts, "the page loads htmx"
    for script in scripts:
        assert script.attrs.get("src"), "an inline <script> breaks the CSP"
        assert not script.text
    assert not re.search(rb"<[^>]+\son[a-z]+\s*=", content), "inline event handler"


@pytest.mark.django_db
def test_the_login_page_has_no_inline_script(client):
    assert_no_inline_script(client.get("/login/").content)


@pytest.mark.parametrize("path", ["/", "/audit/", "/teams/", "/regions/zuid/team/"])
def test_the_admin_pages_have_no_inline_script(admin_client, path):
    response = admin_client.get(path)
    assert response.status_code == 200
    assert_no_inline_script(response.content)


def test_the_two_factor_setup_page_has_no_inline_script(client, cast):
    post_login(client, "supervisor_zuid")
    assert_no_inline_script(client.get("/account/two-factor/").content)


def test_passwords_are_hashed_with_argon2_outside_the_tests():
    """The tests switch to MD5 for speed; the settings module itself says Argon2."""
    assert project_settings.PASSWORD_HASHERS[0] == (
        "django.contrib.auth.hashers.Argon2PasswordHasher"
    )
    encoded = Argon2PasswordHasher().encode("correct horse battery", "somesaltvalue")
    assert encoded.startswith("argon2$argon2id$")


@pytest.mark.django_db
def test_the_language_switch_makes_the_next_page_english(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/login/"})
    assert response.status_code == 302
    assert response.url == "/login/"
    page = client.get(response.url)
    assert page.headers["Content-Language"] == "en"
    assert parse(page.content).find("html").attrs["lang"] == "en"
