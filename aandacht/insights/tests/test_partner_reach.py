"""A partner reaches their reports, their account and nothing else.

Every named URL of the project is tried as the partner of region zuid. Only
the partner reports, the home page, the account pages and the pages every
anonymous visitor may read (the public self-test, say) answer 200; every
other page answers 403, 404, 401 (an API wanting its token) or sends the
partner to log in or home. A page that refuses GET is tried with POST.
Arguments are filled in with region zuid and a real contact of zuid where
a page takes a region or an id, so a page is not merely missing.
"""

from __future__ import annotations

import re
import uuid

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter, SlugConverter, UUIDConverter

from aandacht.contacts.models import Contact

from .test_partner_fixtures import quarter

__all__ = ["quarter"]

PARTNER_PAGES = {
    "partner_reports",
    "partner_report",
    "partner_report_pdf",
    "partner_report_xlsx",
}
OWN_PAGES = {
    "home",
    "account",
    "two_factor_setup",
    "password_change",
    "password_change_done",
    # Without a mail server these only say to ask a coordinator.
    "password_reset",
    "password_reset_done",
    "password_reset_complete",
}
# Log-in pages send a logged-in person home; logout and the language switch
# move on by design.
MOVING_ON = {"login", "login_verify", "logout", "set_language"}
REFUSED = {401, 403, 404}


def _patterns(patterns, namespace: str = ""):
    """(name to reverse, converters) of every named URL but the Django admin's."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}{pattern.namespace}:"
            converters = pattern.pattern.converters
            for name, more in _patterns(pattern.url_patterns, inner):
                yield name, {**converters, **more}
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield namespace + pattern.name, pattern.pattern.converters


def _arguments(converters, contact_id: int, region: str) -> dict[str, object]:
    values: dict[str, object] = {}
    for name, converter in converters.items():
        if isinstance(converter, IntConverter):
            values[name] = contact_id
        elif isinstance(converter, UUIDConverter):
            values[name] = uuid.uuid4()
        elif isinstance(converter, SlugConverter):
            values[name] = region
        else:
            values[name] = str(contact_id)
    return values


def _paths(region: str = "zuid"):
    contact_id = Contact.objects.filter(region__code="zuid").values_list("pk").first()
    assert contact_id is not None
    for name, converters in _patterns(get_resolver().url_patterns):
        yield name, reverse(name, kwargs=_arguments(converters, contact_id[0], region))


def _is_public(client, path: str) -> bool:
    client.logout()
    return client.get(path).status_code == 200


def test_a_partner_reaches_nothing_but_their_reports_and_account(
    client, cast, login, quarter
):
    paths = dict(_paths())
    public = {name for name, path in paths.items() if _is_public(client, path)}
    login(cast["partner_zuid"])
    reached: dict[str, int] = {}
    for name, path in paths.items():
        response = client.get(path)
        if response.status_code == 405:
            response = client.post(path)
        status = response.status_code
        if name in MOVING_ON:
            assert status == 302, name
            login(cast["partner_zuid"])  # logout logged the partner out
        elif status == 302:
            assert re.match(r"^/(login/.*)?$|^/insights/partner/", response.url), name
        elif status == 200:
            reached[name] = status
        else:
            assert status in REFUSED, (name, status)
    assert set(reached) <= PARTNER_PAGES | OWN_PAGES | public
    assert {"partner_report", "partner_report_pdf", "partner_report_xlsx"} <= set(
        reached
    )
    assert public <= {name for name in paths if not name.startswith("partner_")}


def test_another_regions_reports_are_not_found(client, cast, login, quarter):
    login(cast["partner_zuid"])
    for name in sorted(PARTNER_PAGES - {"partner_reports"}):
        response = client.get(reverse(name, args=["noord"]))
        assert response.status_code == 404, name
