"""Login events into the audit log.

Django and django-axes announce logins, logouts, failures and lock-outs only
through signals, so these receivers are the one place that hears them; each
calls the ordinary `audit_record` service.
"""

from __future__ import annotations

from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth.signals import (
    user_logged_in,
    user_logged_out,
    user_login_failed,
)
from django.dispatch import receiver
from django.http import HttpRequest

from aandacht.core.models import AuditEvent, User
from aandacht.core.services import audit_record

Action = AuditEvent.Action


def _known_user(username: str) -> User | None:
    return User.objects.filter(username=username).first() if username else None


def _label(username: str, user: User | None) -> str:
    """What the audit log keeps of a typed user name.

    A name that matches no account may be a typo, another person's name or a
    password typed in the wrong field, so only a fixed marker is kept.
    """
    if user is not None:
        return user.get_username()
    return AuditEvent.UNKNOWN_USER if username else ""


@receiver(user_logged_in)
def on_login(sender: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
    audit_record(action=Action.LOGIN, actor=user, request=request)


@receiver(user_logged_out)
def on_logout(
    sender: Any, request: HttpRequest, user: User | None, **kwargs: Any
) -> None:
    if user is not None:
        audit_record(action=Action.LOGOUT, actor=user, request=request)


@receiver(user_login_failed)
def on_login_failed(
    sender: Any,
    credentials: dict[str, Any],
    request: HttpRequest | None = None,
    **kwargs: Any,
) -> None:
    username = str(credentials.get("username") or "")
    user = _known_user(username)
    # No request, so no address: a failed login's address is kept only as long
    # as its lock-out, in django-axes' records, never in the append-only log.
    audit_record(
        action=Action.LOGIN_FAILED, actor=user, actor_label=_label(username, user)
    )


@receiver(user_locked_out)
def on_locked_out(
    sender: Any,
    request: HttpRequest,
    username: str | None = None,
    ip_address: str | None = None,
    **kwargs: Any,
) -> None:
    name = username or ""
    user = _known_user(name)
    audit_record(action=Action.LOCKED_OUT, actor=user, actor_label=_label(name, user))
