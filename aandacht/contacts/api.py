"""The JSON API, version 1, for other front ends and telephony integrations.

A program acts for one person with that person's API token, sent as
`Authorization: Bearer <token>` (made with `manage.py api_token_create`);
browser sessions do not count, so no CSRF token is needed. The same access
helpers as on the screens decide what the person may do, and the same
service stores a report, scrubbing its free text first. Nothing here logs a
request body: it may hold what a caller said.
"""

from __future__ import annotations

import json
import unicodedata
import uuid
from datetime import datetime, timedelta
from typing import Annotated, Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Field, NinjaAPI, Schema, Status
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer
from pydantic import (
    AfterValidator,
    AwareDatetime,
    ConfigDict,
    StringConstraints,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

from aandacht.contacts import access, selectors, services
from aandacht.contacts.choices import (
    AgeBand,
    Channel,
    ContactType,
    Gender,
    LineLanguage,
    LivingSituation,
    Loneliness,
    LonelinessKind,
    Phase,
    Sought,
    Transfer,
    VolunteerAction,
)
from aandacht.contacts.forms import MAX_REFERRALS, MAX_REFLECTION, MAX_SUMMARY
from aandacht.contacts.models import Contact, Municipality, Source, Topic
from aandacht.core import access as core_access
from aandacht.core import services as core_services
from aandacht.core.models import Region, User

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_PAGE = 10_000
MAX_ID = 2**63 - 1
FUTURE_MARGIN = timedelta(minutes=5)  # as the form: clocks differ a little
OLDEST_START = timedelta(days=366)
LONGEST_CONTACT = timedelta(hours=24)
ALLOWED_CONTROLS = frozenset("\t\n\r")


# --- Authentication ------------------------------------------------------------


class BearerToken(HttpBearer):
    """A person's API token; the request then acts as that person."""

    def __call__(self, request: HttpRequest) -> User | None:
        # Unlike ninja's own, never logs a rejected header: it may hold a key.
        scheme, _space, key = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer":
            return None
        return self.authenticate(request, key.strip())

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        found = core_access.api_token_for(token)
        if found is None:
            return None
        core_services.api_token_mark_used(token=found)
        return found.user


api = NinjaAPI(
    title="Aandacht API",
    version="1",
    description=(
        "Contact reports of an anonymous helpline, for other front ends and "
        "telephony integrations. Authenticate with a personal API token as "
        "`Authorization: Bearer <token>`; only volunteers register reports. "
        "Free text is scrubbed of names, numbers and addresses before it is "
        "stored. Errors come as JSON with a `detail`: a sentence, or for 422 a "
        "list of problems, each naming its field in `loc`."
    ),
    urls_namespace="api-v1",
    docs_url=None,  # the docs page needs inline scripts, which our CSP forbids
    auth=BearerToken(),
)


def _user(request: HttpRequest) -> User:
    user = getattr(request, "auth", None)
    if not isinstance(user, User):  # ninja authenticated it; this only narrows
        raise AuthenticationError
    return user


# --- Errors ----------------------------------------------------------------------


class Message(Schema):
    detail: str


class Problem(Schema):
    type: str
    loc: list[str | int]
    msg: str


class Invalid(Schema):
    detail: list[Problem]


ERRORS: dict[int, Any] = {401: Message, 403: Message, 422: Invalid}


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    message = str(exc)
    cause = exc.__cause__
    if isinstance(exc, AuthenticationError):
        message = "Send a valid API token as 'Authorization: Bearer <token>'."
    elif isinstance(cause, json.JSONDecodeError):
        message = (
            f"The request body is not valid JSON: {cause.msg} "
            f"(line {cause.lineno}, column {cause.colno})."
        )
    elif isinstance(cause, UnicodeDecodeError):
        message = "The request body is not valid JSON: it is not UTF-8 encoded."
    response = api.create_response(request, {"detail": message}, status=exc.status_code)
    if exc.status_code == 401:
        response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(PermissionDenied)
def _permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(
        request,
        {"detail": "Only volunteers can register and read contact reports here."},
        status=403,
    )


def _invalid(problems: list[tuple[tuple[str | int, ...], str]]) -> ValidationError:
    """A 422 in the shape ninja gives its own validation errors."""
    return ValidationError(
        [
            {"type": "value_error", "loc": ("body", "report", *loc), "msg": msg}
            for loc, msg in problems
        ]
    )


# --- Input -----------------------------------------------------------------------


def _plain_text(value: str) -> str:
    """Refuse control characters: the database stores no NUL, nobody types them."""
    for char in value:
        if unicodedata.category(char) in {"Cc", "Cs"} and char not in ALLOWED_CONTROLS:
            raise PydanticCustomError(
                "control_character",
                "The text contains a control character; only tabs and line "
                "breaks are allowed.",
            )
    return value


def _unique(values: list[Any]) -> list[Any]:
    return list(dict.fromkeys(values))


Slug = Annotated[str, StringConstraints(pattern=r"^[-a-zA-Z0-9_]{1,40}$")]
CbsCode = Annotated[str, StringConstraints(pattern=r"^GM[0-9]{4}$")]
# The limits of the form; whitespace around the text is dropped, as there.
Summary = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=MAX_SUMMARY),
    AfterValidator(_plain_text),
]
Reflection = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=MAX_REFLECTION),
    AfterValidator(_plain_text),
]
Referrals = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=MAX_REFERRALS),
    AfterValidator(_plain_text),
]


class ContactIn(Schema):
    """One report, as `services.ContactInput` takes it, with codes for lists."""

    model_config = ConfigDict(extra="forbid")

    idempotency_key: uuid.UUID = Field(
        description="A new UUID per report; a retry with the same key stores "
        "nothing new and returns the stored report with 200 instead of 201."
    )
    region: Slug | None = Field(
        None,
        description="The region's code; may be left out by a volunteer of one region.",
    )
    channel: Channel
    line_language: LineLanguage = LineLanguage.DUTCH
    started_at: AwareDatetime = Field(
        description="ISO 8601 with a time zone; at most 5 minutes ahead and a "
        "year back."
    )
    ended_at: AwareDatetime = Field(
        description="ISO 8601 with a time zone; not before the start, at most "
        "24 hours after it."
    )
    source: Slug | None = Field(
        None, description="The code of the partner that sent the caller; null: direct."
    )
    contact_type: ContactType = ContactType.CONVERSATION
    gender: Gender = Gender.UNKNOWN
    age_band: AgeBand = AgeBand.UNKNOWN
    living_situation: LivingSituation = LivingSituation.UNKNOWN
    municipality: CbsCode | None = Field(
        None, description="CBS code (GM0363), only if the caller mentioned it."
    )
    regular_caller: bool = False
    topics: Annotated[list[Slug], AfterValidator(_unique)] = Field(
        default_factory=list,
        max_length=50,
        description="Codes from the current topic list.",
    )
    loneliness: Loneliness = Loneliness.NONE
    loneliness_kind: LonelinessKind | None = None
    sought: Annotated[list[Sought], AfterValidator(_unique)] = Field(
        default_factory=list, max_length=20
    )
    actions: Annotated[list[VolunteerAction], AfterValidator(_unique)] = Field(
        default_factory=list, max_length=20
    )
    phases: Annotated[list[Phase], AfterValidator(_unique)] = Field(
        default_factory=list, max_length=20
    )
    referrals: Referrals = ""
    transfer: Transfer = Transfer.NONE
    crisis: bool = False
    summary: Summary = Field(
        "", description="Scrubbed of names, numbers and addresses before storing."
    )
    reflection: Reflection = Field(
        "", description="The volunteer's reflection; seen only by them and supervisors."
    )

    @field_validator("started_at")
    @classmethod
    def _start_is_plausible(cls, value: datetime) -> datetime:
        now = timezone.now()
        if value - now > FUTURE_MARGIN:
            raise PydanticCustomError(
                "start_in_future", "The start lies in the future."
            )
        if now - value > OLDEST_START:
            raise PydanticCustomError(
                "start_too_old", "The start lies more than a year in the past."
            )
        return value

    @field_validator("ended_at")
    @classmethod
    def _end_follows_start(cls, value: datetime, info: ValidationInfo) -> datetime:
        start = info.data.get("started_at")
        if start is None:  # the start itself is wrong; that error says enough
            return value
        if value < start:
            raise PydanticCustomError(
                "end_before_start", "The end is before the start."
            )
        if value - start > LONGEST_CONTACT:
            raise PydanticCustomError(
                "contact_too_long", "The end lies more than 24 hours after the start."
            )
        return value


def _region(user: User, code: str | None) -> Region:
    """The report's region: one where the user volunteers (else 403 or 422)."""
    regions = access.volunteer_regions(user)
    codes = sorted(regions.values_list("code", flat=True))
    if code is None and len(codes) == 1:
        code = codes[0]
    region = regions.filter(code=code).first() if code else None
    if region is None:
        raise _invalid(
            [
                (
                    ("region",),
                    f"Give the code of one of your regions: {', '.join(codes)}.",
                )
            ]
        )
    return region


def _contact_input(report: ContactIn) -> services.ContactInput:
    """The service's input, with the list codes looked up (else 422 per code)."""
    problems: list[tuple[tuple[str | int, ...], str]] = []
    topic_list = services.current_topic_list()
    known: dict[str, Topic] = {t.code: t for t in topic_list.topics.all()}
    for index, code in enumerate(report.topics):
        if code not in known:
            problems.append(
                (
                    ("topics", index),
                    f"Not a topic of the current list (version {topic_list.version}); "
                    f"choose from: {', '.join(known)}.",
                )
            )
    source = None
    if report.source:
        source = Source.objects.filter(active=True, code=report.source).first()
        if source is None:
            problems.append((("source",), "Not the code of an active source."))
    municipality = None
    if report.municipality:
        municipality = Municipality.objects.filter(code=report.municipality).first()
        if municipality is None:
            problems.append(
                (("municipality",), "Not the CBS code of a known municipality.")
            )
    if problems:
        raise _invalid(problems)
    return services.ContactInput(
        channel=report.channel.value,
        started_at=report.started_at,
        ended_at=report.ended_at,
        line_language=report.line_language.value,
        contact_type=report.contact_type.value,
        source=source,
        gender=report.gender.value,
        age_band=report.age_band.value,
        living_situation=report.living_situation.value,
        municipality=municipality,
        regular_caller=report.regular_caller,
        topics=[known[code] for code in report.topics],
        loneliness=report.loneliness.value,
        loneliness_kind=report.loneliness_kind.value if report.loneliness_kind else "",
        sought=[item.value for item in report.sought],
        actions=[item.value for item in report.actions],
        phases=[item.value for item in report.phases],
        referrals=report.referrals,
        transfer=report.transfer.value,
        crisis=report.crisis,
        summary=report.summary,
        reflection=report.reflection,
    )


# --- Output ----------------------------------------------------------------------


class ContactOut(Schema):
    id: int
    idempotency_key: uuid.UUID
    region: str = Field(description="The region's code.")
    channel: Channel
    line_language: LineLanguage
    started_at: datetime
    ended_at: datetime
    duration_seconds: int
    source: str | None = Field(description="The partner's code; null: direct.")
    contact_type: ContactType
    gender: Gender
    age_band: AgeBand
    living_situation: LivingSituation
    municipality: str | None = Field(description="CBS code.")
    regular_caller: bool
    topic_list_version: int
    topics: list[str] = Field(description="Topic codes of `topic_list_version`.")
    loneliness: Loneliness
    loneliness_kind: LonelinessKind | None
    sought: list[Sought]
    actions: list[VolunteerAction]
    phases: list[Phase]
    referrals: str
    transfer: Transfer
    crisis: bool
    summary: str = Field(description="As stored: scrubbed.")
    reflection: str | None = Field(description="Only for the report's volunteer.")
    created_at: datetime
    updated_at: datetime


class ContactPage(Schema):
    items: list[ContactOut]
    count: int = Field(description="How many reports there are on all pages.")
    page: int
    page_size: int


def _out(contact: Contact, viewer: User) -> ContactOut:
    local = timezone.localtime
    return ContactOut(
        id=contact.pk,
        idempotency_key=contact.idempotency_key,
        region=contact.region.code,
        channel=Channel(contact.channel),
        line_language=LineLanguage(contact.line_language),
        started_at=local(contact.started_at),
        ended_at=local(contact.ended_at),
        duration_seconds=contact.duration_seconds,
        source=contact.source.code if contact.source else None,
        contact_type=ContactType(contact.contact_type),
        gender=Gender(contact.gender),
        age_band=AgeBand(contact.age_band),
        living_situation=LivingSituation(contact.living_situation),
        municipality=contact.municipality.code if contact.municipality else None,
        regular_caller=contact.regular_caller,
        topic_list_version=contact.topic_list.version,
        topics=[topic.code for topic in contact.topics.all()],
        loneliness=Loneliness(contact.loneliness),
        loneliness_kind=LonelinessKind(contact.loneliness_kind)
        if contact.loneliness_kind
        else None,
        sought=[Sought(code) for code in contact.sought],
        actions=[VolunteerAction(code) for code in contact.actions],
        phases=[Phase(code) for code in contact.phases],
        referrals=contact.referrals,
        transfer=Transfer(contact.transfer),
        crisis=contact.crisis,
        summary=contact.summary,
        reflection=contact.reflection if contact.volunteer_id == viewer.pk else None,
        created_at=local(contact.created_at),
        updated_at=local(contact.updated_at),
    )


# --- Operations ----------------------------------------------------------------


@api.post(
    "/contacts",
    response={200: ContactOut, 201: ContactOut, 400: Message, 409: Message, **ERRORS},
    url_name="api_contact_create",
    operation_id="contact_create",
    summary="Register a contact report",
    tags=["contacts"],
)
def contact_create(request: HttpRequest, report: ContactIn) -> Status[ContactOut]:
    """Store a report for the token's volunteer: 201, or 200 for a retry."""
    user = _user(request)
    region = _region(user, report.region)
    data = _contact_input(report)
    try:
        contact, created = services.contact_register_once(
            volunteer=user, region=region, data=data, key=report.idempotency_key
        )
    except services.IdempotencyKeyTaken:
        raise HttpError(
            409, "This idempotency_key belongs to another report; send a new UUID."
        ) from None
    return Status(201 if created else 200, _out(contact, user))


@api.get(
    "/contacts",
    response={200: ContactPage, **ERRORS},
    url_name="api_contact_list",
    operation_id="contact_list",
    summary="List your own reports of the last 30 days",
    tags=["contacts"],
)
def contact_list(
    request: HttpRequest,
    page: Annotated[int, Field(ge=1, le=MAX_PAGE)] = 1,
    page_size: Annotated[int, Field(ge=1, le=MAX_PAGE_SIZE)] = PAGE_SIZE,
) -> ContactPage:
    """Newest first."""
    user = _user(request)
    reports = selectors.api_reports(user)
    offset = (page - 1) * page_size
    return ContactPage(
        items=[_out(c, user) for c in reports[offset : offset + page_size]],
        count=reports.count(),
        page=page,
        page_size=page_size,
    )


@api.get(
    "/contacts/{contact_id}",
    response={200: ContactOut, 404: Message, **ERRORS},
    url_name="api_contact_detail",
    operation_id="contact_detail",
    summary="Read one of your own reports",
    tags=["contacts"],
)
def contact_detail(
    request: HttpRequest, contact_id: Annotated[int, Field(ge=1, le=MAX_ID)]
) -> ContactOut:
    """Someone else's report, or one older than 30 days, answers 404."""
    user = _user(request)
    return _out(selectors.api_report(user, contact_id), user)


# Mounted by `include("aandacht.contacts.api")` in aandacht/urls.py, under the
# namespace "api-v1" (ninja reverses its own URLs there).
urlpatterns = api.urls[0]
app_name = api.urls_namespace
