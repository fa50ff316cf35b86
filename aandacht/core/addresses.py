"""The client's address, read alike by the audit log, lock-outs and rate limits."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest | None) -> str | None:
    """The client's address; behind a proxy, the one the proxy saw.

    With `AANDACHT_BEHIND_PROXY=1` that is the last address in
    `X-Forwarded-For`, the one the proxy appended: the ones before it come
    from the client and could be anything.
    """
    if request is None:
        return None
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.BEHIND_PROXY and forwarded:
        return forwarded.split(",")[-1].strip() or None
    return request.META.get("REMOTE_ADDR") or None
