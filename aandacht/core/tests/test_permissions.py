"""The permission matrix: every screen against every persona of the cast.

Columns: each role in region zuid, each role in region noord, the national
coordinator, a user without a role, and an anonymous visitor. The team pages
and the unlock button are those of region zuid; an unlock frees the volunteer
of zuid.

    OK        200, the page is shown
    DENIED    403, the role may not use this screen
    HIDDEN    404, another region's page, whose existence is not revealed
    TO_LOGIN  302 to the login page, with the page as `next`
    other     302 to exactly that address
"""

from __future__ import annotations

import importlib
import importlib.util
from urllib.parse import quote

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from aandacht.core.models import User
from aandacht.core.roles import Role
from aandacht.core.services import api_token_create
from conftest import make_user

OK, DENIED, HIDDEN = 200, 403, 404
TO_LOGIN = "/login/?next={next}"
TO_HOME = "/"
SIGNED_OUT = "/login/"
TO_TEAM = "/regions/zuid/team/"
TO_NEXT = "/account/"
TO_TOKENS = "/account/api-tokens/"

# The order of the six entries for a region in each row below.
ROLES = ["volunteer", "supervisor", "vraagwijzer", "coordinator", "partner", "admin"]
PERSONAS = [
    *(f"{role}_zuid" for role in ROLES),
    *(f"{role}_noord" for role in ROLES),
    "national",
    "nobody",
    "anonymous",
]


def row(*, zuid, noord, national, nobody, anonymous) -> tuple[object, ...]:
    """One screen's expectations; `zuid` and `noord` list the roles in ROLES order."""
    return (*zuid, *noord, national, nobody, anonymous)


def each(expected) -> tuple[object, ...]:
    return (expected,) * len(ROLES)


# A redirect to any page of the site except the login page (e.g. to a new draft).
MOVES_ON = "a redirect within the site"


def cases(matrix: dict[str, tuple[object, ...]]) -> list[object]:
    """One test case per screen and persona, named `screen-persona`."""
    return [
        pytest.param(name, persona, expected, id=f"{name}-{persona}")
        for name, row_ in matrix.items()
        for persona, expected in zip(PERSONAS, row_, strict=True)
    ]


def assert_answer(response, expected: object, path: str) -> None:
    """The response is what the matrix expects of this persona on this screen."""
    if expected == MOVES_ON:
        assert response.status_code == 302
        assert not response.url.startswith(reverse("login"))
    elif isinstance(expected, int):
        assert response.status_code == expected
    else:
        assert response.status_code == 302
        assert response.url == str(expected).format(next=quote(path))


VOLUNTEERS_ONLY = (OK, DENIED, DENIED, DENIED, DENIED, DENIED)
TEAM_ZUID = (DENIED, OK, DENIED, OK, DENIED, OK)
TEAM_NOORD = (DENIED, HIDDEN, DENIED, HIDDEN, DENIED, HIDDEN)

MATRIX = {
    "home": row(
        zuid=each(OK), noord=each(OK), national=OK, nobody=OK, anonymous=TO_LOGIN
    ),
    "login": row(
        zuid=each(TO_HOME),
        noord=each(TO_HOME),
        national=TO_HOME,
        nobody=TO_HOME,
        anonymous=OK,
    ),
    # Nobody who owes no (more) second factor is asked for a code.
    "login_verify": row(
        zuid=each(TO_HOME),
        noord=each(TO_HOME),
        national=TO_HOME,
        nobody=TO_HOME,
        anonymous=TO_LOGIN,
    ),
    "logout": row(
        zuid=each(SIGNED_OUT),
        noord=each(SIGNED_OUT),
        national=SIGNED_OUT,
        nobody=SIGNED_OUT,
        anonymous=SIGNED_OUT,
    ),
    "account": row(
        zuid=each(OK), noord=each(OK), national=OK, nobody=OK, anonymous=TO_LOGIN
    ),
    "api_tokens": row(
        zuid=VOLUNTEERS_ONLY,
        noord=VOLUNTEERS_ONLY,
        national=DENIED,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    # The token is the zuid volunteer's; another volunteer is not told it exists.
    "api_token_revoke": row(
        zuid=(TO_TOKENS, *each(DENIED)[1:]),
        noord=(HIDDEN, *each(DENIED)[1:]),
        national=DENIED,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    "two_factor_setup": row(
        zuid=each(OK), noord=each(OK), national=OK, nobody=OK, anonymous=TO_LOGIN
    ),
    "password_change": row(
        zuid=each(OK), noord=each(OK), national=OK, nobody=OK, anonymous=TO_LOGIN
    ),
    "password_change_done": row(
        zuid=each(OK), noord=each(OK), national=OK, nobody=OK, anonymous=TO_LOGIN
    ),
    # Without a mail server the reset pages only say to ask a coordinator...
    "password_reset": row(
        zuid=each(OK), noord=each(OK), national=OK, nobody=OK, anonymous=OK
    ),
    "password_reset_done": row(
        zuid=each(OK), noord=each(OK), national=OK, nobody=OK, anonymous=OK
    ),
    # ...and a reset link leads nowhere.
    "password_reset_confirm": row(
        zuid=each(HIDDEN),
        noord=each(HIDDEN),
        national=HIDDEN,
        nobody=HIDDEN,
        anonymous=HIDDEN,
    ),
    "password_reset_complete": row(
        zuid=each(OK), noord=each(OK), national=OK, nobody=OK, anonymous=OK
    ),
    "team_regions": row(
        zuid=(DENIED, OK, DENIED, OK, DENIED, OK),
        noord=(DENIED, OK, DENIED, OK, DENIED, OK),
        national=OK,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    "region_team": row(
        zuid=TEAM_ZUID,
        noord=TEAM_NOORD,
        national=OK,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    "member_unlock": row(
        zuid=(DENIED, DENIED, DENIED, TO_TEAM, DENIED, TO_TEAM),
        noord=TEAM_NOORD,
        national=TO_TEAM,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    "audit_log": row(
        zuid=(DENIED, DENIED, DENIED, DENIED, DENIED, OK),
        noord=(DENIED, DENIED, DENIED, DENIED, DENIED, OK),
        national=DENIED,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    "set_language": row(
        zuid=each(TO_NEXT),
        noord=each(TO_NEXT),
        national=TO_NEXT,
        nobody=TO_NEXT,
        anonymous=TO_NEXT,
    ),
}


def request_for(name: str, cast) -> tuple[str, str, dict[str, str]]:
    """(method, path, data) with which a person uses the screen `name`."""
    if name == "region_team":
        return "get", reverse(name, args=["zuid"]), {}
    if name == "member_unlock":
        return "post", reverse(name, args=["zuid", cast["volunteer_zuid"].pk]), {}
    if name == "password_reset_confirm":
        return "get", reverse(name, args=["MQ", "set-password"]), {}
    if name == "api_token_revoke":
        token, _key = api_token_create(user=cast["volunteer_zuid"], name="telephony")
        return "post", reverse(name, args=[token.pk]), {}
    if name == "logout":
        return "post", reverse(name), {}
    if name == "set_language":
        return "post", reverse(name), {"language": "nl", "next": TO_NEXT}
    return "get", reverse(name), {}


CASES = cases(MATRIX)


@pytest.mark.parametrize(("name", "persona", "expected"), CASES)
def test_permission_matrix(client, cast, login, name, persona, expected):
    if persona != "anonymous":
        login(cast[persona])
    method, path, data = request_for(name, cast)
    response = getattr(client, method)(path, data)
    assert_answer(response, expected, path)


@pytest.mark.parametrize("persona", [*PERSONAS[:-1], "staff_flag_only"])
def test_the_django_admin_is_for_superusers_only(client, cast, login, persona):
    """Roles work in the application; the `is_staff` flag alone opens nothing."""
    if persona == "staff_flag_only":
        user = make_user("staff_flag_only", None, None)
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    else:
        user = cast[persona]
    login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_a_superuser_opens_the_django_admin(client, db, login):
    login(User.objects.create_superuser("root", password="a long password"))
    assert client.get(reverse("admin:index")).status_code == 200


def test_every_role_has_a_column():
    assert sorted(ROLES) == sorted(Role.values)


def _url_names(patterns) -> set[str]:
    names = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace != "admin":
                names |= _url_names(pattern.url_patterns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(pattern.name)
    return names


def _all_matrices() -> set[str]:
    """The screens in this matrix and in every other app's `test_permissions`."""
    covered = set(MATRIX)
    for config in apps.get_app_configs():
        module = f"{config.name}.tests.test_permissions"
        ours = config.name.startswith("aandacht.") and config.label != "core"
        if ours and importlib.util.find_spec(module) is not None:
            covered |= set(importlib.import_module(module).MATRIX)
    return covered


def test_every_url_has_a_row_in_a_matrix():
    """A new screen without a row fails, so its access is decided on purpose."""
    names = _url_names(get_resolver().url_patterns)
    covered = _all_matrices()
    assert names - covered == set(), "add these screens to a permission matrix"
    assert covered - names == set(), "these screens no longer exist"


def test_every_url_without_a_name_is_the_django_admin():
    unnamed = [
        pattern
        for pattern in get_resolver().url_patterns
        if isinstance(pattern, URLPattern) and not pattern.name
    ]
    assert unnamed == []
