"""The HSDS 3.1 read API of the social map (``/api/hsds/``).

Public by default, as Open Referral intends for a directory of services;
``AANDACHT_HSDS_API_LOGIN_REQUIRED`` closes it to readers without a session
or an API token (``Authorization: Bearer <token>``). Staff-only fields (the
team's note, who verified an entry and their e-mail address) appear only for
people who may edit the entry on the maintenance screens
(``socialmap.directory.access``): a partner, a volunteer or another region
reads what the public reads.

Errors are JSON with a ``detail`` sentence: 400 for a parameter the API
cannot use, 401 when a login is required, 404 for an unknown id, 429 after
too many requests from one address (``AANDACHT_HSDS_API_REQUESTS_PER_MINUTE``).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from aandacht.core import access as core_access
from aandacht.core.access import AnyUser
from aandacht.core.ratelimit import rate_limited, refusal_json
from aandacht.socialmap.api import selectors
from aandacht.socialmap.api.params import ParamError, read_page, read_services
from aandacht.socialmap.directory import access as directory_access
from aandacht.socialmap.io import export
from aandacht.socialmap.models import Service

HSDS_VERSION = "3.1"
PROFILE = "https://docs.openreferral.org/en/latest/hsds/overview.html"
# The API follows the official description; it is not republished here.
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.1/schema/openapi.json"

View = Callable[..., JsonResponse]


def _error(status: int, detail: str) -> JsonResponse:
    return JsonResponse({"detail": detail}, status=status)


def _reader(request: HttpRequest) -> AnyUser:
    """The session's user, else the owner of a valid bearer token."""
    if request.user.is_authenticated:
        return request.user
    scheme, _space, key = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer":
        token = core_access.api_token_for(key.strip())
        if token is not None:
            return token.user
    return AnonymousUser()


def hsds_endpoint(view: View) -> View:
    """GET only, the login setting applied, parameter errors answered as 400."""

    @rate_limited("hsds_api", "HSDS_API_RATE_LIMIT", refusal_json)
    @require_GET
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
        reader = _reader(request)
        if settings.HSDS_API_LOGIN_REQUIRED and not reader.is_authenticated:
            response = _error(
                401, "Log in, or send an API token as 'Authorization: Bearer <token>'."
            )
            response["WWW-Authenticate"] = "Bearer"
            return response
        try:
            return view(request, reader, *args, **kwargs)
        except ParamError as error:
            return _error(400, str(error))

    return wrapper


def _staff_for(reader: AnyUser) -> Callable[[Service], bool]:
    """Whether ``reader`` sees a service's staff-only fields: who may edit it."""
    scope = directory_access.edit_scope(reader)

    def staff(service: Service) -> bool:
        return scope.covers(service.region_id)

    return staff


def _page(page: selectors.Page, query: Any, contents: list[Any]) -> JsonResponse:
    document = export.page_document(
        contents, total_items=page.total, page=query.page, per_page=query.per_page
    )
    return JsonResponse(document)


@hsds_endpoint
def api_root(request: HttpRequest, reader: AnyUser) -> JsonResponse:
    return JsonResponse(
        {
            "version": HSDS_VERSION,
            "profile": PROFILE,
            "openapi_url": OPENAPI_URL,
        }
    )


@hsds_endpoint
def services(request: HttpRequest, reader: AnyUser) -> JsonResponse:
    query = read_services(request.GET)
    page = selectors.services_page(query, timezone.now())
    if query.minimal:
        contents = [
            {
                "id": str(row["id"]),
                "last_modified": export.format_datetime(row["last_modified"]),
            }
            for row in page.items
        ]
    else:
        staff = _staff_for(reader)
        contents = [export.service_document(s, staff=staff(s)) for s in page.items]
    return _page(page, query, contents)


def _uuid_or_none(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None


@hsds_endpoint
def service_detail(request: HttpRequest, reader: AnyUser, pk: str) -> JsonResponse:
    service_id = _uuid_or_none(pk)
    found = selectors.service(service_id) if service_id else None
    if found is None:
        return _error(404, "No service has this id.")
    return JsonResponse(export.service_document(found, staff=_staff_for(reader)(found)))


@hsds_endpoint
def organizations(request: HttpRequest, reader: AnyUser) -> JsonResponse:
    query = read_page(request.GET)
    page = selectors.organizations_page(query)
    contents = [export.organization_document(o, staff=False) for o in page.items]
    return _page(page, query, contents)


@hsds_endpoint
def organization_detail(request: HttpRequest, reader: AnyUser, pk: str) -> JsonResponse:
    organization_id = _uuid_or_none(pk)
    found = selectors.organization(organization_id) if organization_id else None
    if found is None:
        return _error(404, "No organization has this id.")
    return JsonResponse(export.organization_document(found, staff=False))


@hsds_endpoint
def taxonomies(request: HttpRequest, reader: AnyUser) -> JsonResponse:
    query = read_page(request.GET)
    page = selectors.taxonomies_page(query)
    contents = [export.taxonomy_document(t) for t in page.items]
    return _page(page, query, contents)


@hsds_endpoint
def taxonomy_terms(request: HttpRequest, reader: AnyUser) -> JsonResponse:
    query = read_page(request.GET)
    taxonomy_id = _uuid_or_none(request.GET.get("taxonomy_id", "") or "")
    parent_id = _uuid_or_none(request.GET.get("parent_id", "") or "")
    for name, value in (("taxonomy_id", taxonomy_id), ("parent_id", parent_id)):
        if request.GET.get(name) and value is None:
            raise ParamError(f"{name} must be a UUID, not {request.GET[name]!r}")
    page = selectors.taxonomy_terms_page(query, taxonomy_id, parent_id)
    contents = [export.taxonomy_term_document(t) for t in page.items]
    return _page(page, query, contents)
