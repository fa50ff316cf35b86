"""Every write of the core app: regions, people, roles and the audit log."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from axes.utils import reset
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from aandacht.core.addresses import client_ip
from aandacht.core.models import (
    ApiToken,
    AuditEvent,
    Organisation,
    Region,
    RoleAssignment,
    User,
)

Action = AuditEvent.Action


def audit_record(
    *,
    action: str,
    actor: User | None = None,
    actor_label: str = "",
    request: HttpRequest | None = None,
    region: Region | None = None,
    target: Any = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Record one view or change of sensitive data, or one login event.

    `target` is the model instance concerned, if any. `detail` must never hold
    a caller's identity or free text: only codes, counts and ids.
    """
    label = actor_label or (actor.get_username() if actor else "")
    return AuditEvent.objects.create(
        action=action,
        actor=actor,
        actor_label=label[:150],
        region=region,
        object_type=target._meta.label_lower if target is not None else "",
        object_id=str(target.pk) if target is not None else "",
        ip_address=client_ip(request),
        detail=detail or {},
    )


def organisation_create(*, name: str) -> Organisation:
    organisation, _created = Organisation.objects.get_or_create(name=name)
    return organisation


def region_create(*, organisation: Organisation, code: str, name: str) -> Region:
    region, _created = Region.objects.update_or_create(
        code=code, defaults={"organisation": organisation, "name": name}
    )
    return region


def user_create(
    *,
    username: str,
    password: str,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    is_demo: bool = False,
) -> User:
    return User.objects.create_user(
        username=username,
        password=password,
        first_name=first_name,
        last_name=last_name,
        email=email,
        is_demo=is_demo,
    )


def role_grant(*, user: User, role: str, region: Region | None) -> RoleAssignment:
    """Give `user` a role in one region, or nationally when `region` is None."""
    assignment, _created = RoleAssignment.objects.get_or_create(
        user=user, role=role, region=region
    )
    return assignment


@transaction.atomic
def user_unlock(
    *, actor: User, member: User, region: Region, request: HttpRequest
) -> int:
    """Lift a lock-out early; returns how many lock-out records were cleared."""
    cleared = int(reset(username=member.get_username()))
    audit_record(
        action=Action.UNLOCKED,
        actor=actor,
        request=request,
        region=region,
        target=member,
    )
    return cleared


@dataclass(frozen=True)
class LoginRecordsPurged:
    attempts: int
    access_logs: int
    failure_logs: int


def login_records_purge(*, now: datetime, dry_run: bool = False) -> LoginRecordsPurged:
    """Delete django-axes' records of failed logins once their lock-out is over.

    They hold the client's address, which Aandacht keeps no longer than a
    lock-out lasts. django-axes clears them itself only at a next login or
    failure; this catches the rest. Its access logs are switched off in the
    settings, so any row there is left from before and goes too.
    """
    expired = AccessAttempt.objects.filter(
        attempt_time__lte=now - settings.AXES_COOLOFF_TIME
    )
    access_logs, failure_logs = AccessLog.objects.all(), AccessFailureLog.objects.all()
    if dry_run:
        return LoginRecordsPurged(
            expired.count(), access_logs.count(), failure_logs.count()
        )
    with transaction.atomic():
        return LoginRecordsPurged(
            expired.delete()[1].get(AccessAttempt._meta.label, 0),
            access_logs.delete()[1].get(AccessLog._meta.label, 0),
            failure_logs.delete()[1].get(AccessFailureLog._meta.label, 0),
        )


def two_factor_device_start(*, user: User, name: str) -> TOTPDevice:
    """A new authenticator for `user`, unconfirmed until they enter a code."""
    return TOTPDevice.objects.create(user=user, name=name, confirmed=False)


@transaction.atomic
def two_factor_confirm(
    *, user: User, device: TOTPDevice, request: HttpRequest
) -> TOTPDevice:
    """Keep a verified authenticator as the user's only one."""
    TOTPDevice.objects.devices_for_user(user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit_record(action=Action.OTP_SETUP, actor=user, request=request)
    return device


API_KEY_MARK = "aan_"  # makes a leaked key easy to recognise (and to scan for)
API_TOKEN_PREFIX_LENGTH = 12
API_TOKEN_USE_PRECISION = timedelta(minutes=1)


@transaction.atomic
def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """A new API token for `user`, and its plain key, which is never stored."""
    key = API_KEY_MARK + secrets.token_urlsafe(32)
    now = timezone.now()
    token = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=key[:API_TOKEN_PREFIX_LENGTH],
        key_hash=ApiToken.hash_key(key),
        created_at=now,
        expires_at=now + timedelta(days=settings.API_TOKEN_DAYS),
        password_check=ApiToken.password_check_for(user),
    )
    audit_record(
        action=Action.API_TOKEN_CREATED,
        actor=user,
        target=token,
        detail={"prefix": token.prefix},
    )
    return token, key


@transaction.atomic
def api_token_revoke(*, token: ApiToken, actor: User | None = None) -> ApiToken:
    """Stop a token from working; revoking it again changes nothing."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(
            action=Action.API_TOKEN_REVOKED,
            actor=actor or token.user,
            target=token,
            detail={"prefix": token.prefix},
        )
    return token


def api_token_mark_used(*, token: ApiToken) -> None:
    """Note when a token was last used, to the minute, to spare a write per call."""
    now = timezone.now()
    last = token.last_used_at
    if last is None or now - last >= API_TOKEN_USE_PRECISION:
        token.last_used_at = now
        token.save(update_fields=["last_used_at"])
