"""Browser tests: Playwright drives Debian's Chromium against a live server.

Playwright never downloads a browser here; it starts /usr/bin/chromium (or
AANDACHT_CHROMIUM). Each test gets a fresh context, and console messages
about the content-security policy fail the test, so an inline script or
style that sneaks in is caught where a user would notice it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, expect

from aandacht.contacts import services as contact_services
from aandacht.core import services
from conftest import PASSWORD

# Playwright's sync API runs an event loop; Django's ORM in the test itself is
# safe here because the live server runs in its own thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("AANDACHT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(
    browser_type_launch_args: dict[str, Any],
) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
        "headless": True,
    }


@pytest.fixture(scope="session", autouse=True)
def _scrubber_ready() -> None:
    """Load deduce's tables before the first page, as the WSGI start-up does."""
    from aandacht.privacy.scrub import scrub

    scrub("Opwarmen.")


@pytest.fixture(autouse=True)
def _short_timeouts(page: Page) -> None:
    """Fail in seconds, not half a minute, when something does not appear."""
    page.set_default_timeout(8_000)
    expect.set_options(timeout=8_000)


@pytest.fixture
def csp_violations(page: Page) -> Iterator[list[str]]:
    found: list[str] = []

    def listen(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            found.append(message.text)

    page.on("console", listen)
    yield found
    assert found == [], f"The page broke its content-security policy: {found}"


@pytest.fixture
def region(db):
    contact_services.lists_install_defaults()
    organisation = services.organisation_create(name="Testlijn")
    return services.region_create(organisation=organisation, code="zhzm", name="ZHZM")


@pytest.fixture
def english(context: BrowserContext, live_server) -> None:
    context.add_cookies(
        [{"name": "django_language", "value": "en", "url": live_server.url}]
    )


def log_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def htmx_ready(page: Page) -> None:
    """Wait until htmx has processed the page, so no early event is missed."""
    page.wait_for_load_state("load")
    page.wait_for_function("() => window.htmx !== undefined")
