"""Requests per minute per client address for the public pages and the API.

The counts live in Django's cache, never in the database, and the address is
not even in the cache: the key holds a keyed hash of it (the secret key is
the key), and each key expires with its one-minute window. With the default
per-process memory cache every process counts on its own; see the README.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import render
from django.utils.crypto import salted_hmac

from aandacht.core.addresses import client_ip

WINDOW_SECONDS = 60

View = TypeVar("View", bound=Callable[..., HttpResponseBase])
Refusal = Callable[..., HttpResponseBase]


def _pseudonym(request: HttpRequest) -> str:
    """Stands for the client's address in a cache key without revealing it."""
    address = client_ip(request) or "unknown"
    return salted_hmac(
        "aandacht.core.ratelimit", address, algorithm="sha256"
    ).hexdigest()


def wait_seconds(request: HttpRequest, scope: str, per_minute: int) -> int:
    """Count this request; 0 when it may go on, else the seconds to wait.

    A fixed window of a minute: simple, and a client that keeps asking is
    refused until the minute is over. `per_minute` 0 switches the limit off.
    """
    if per_minute <= 0:
        return 0
    now = time.time()
    window = int(now // WINDOW_SECONDS)
    key = f"ratelimit:{scope}:{window}:{_pseudonym(request)}"
    cache.add(key, 0, timeout=WINDOW_SECONDS + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS + 1)
        count = 1
    if count <= per_minute:
        return 0
    return max(1, math.ceil((window + 1) * WINDOW_SECONDS - now))


def refusal_page(
    request: HttpRequest, wait: int, *args: Any, **kwargs: Any
) -> HttpResponse:
    """The page a person sees after too many requests, in the active language.

    A refused form comes back as hidden fields with a button to send it
    again, so nothing the person entered is lost.
    """
    resend = [
        (name, value)
        for name, values in request.POST.lists()
        if name != "csrfmiddlewaretoken"
        for value in values
    ]
    context = {"wait": wait, "resend": resend}
    return render(request, "too_many_requests.html", context, status=429)


def refusal_json(
    request: HttpRequest, wait: int, *args: Any, **kwargs: Any
) -> JsonResponse:
    """The answer a program gets after too many requests, like the API's errors."""
    detail = f"Too many requests from your address: wait {wait} seconds and try again."
    return JsonResponse({"detail": detail}, status=429)


def rate_limited(
    scope: str, setting: str, refuse: Refusal = refusal_page
) -> Callable[[View], View]:
    """Refuse a client address more than `settings.<setting>` requests a minute.

    The refusal has status 429 and a `Retry-After` header. `refuse` gets the
    request, the seconds to wait and the view's own arguments, so a page can
    answer in the language its address chose.
    """

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(
            request: HttpRequest, *args: Any, **kwargs: Any
        ) -> HttpResponseBase:
            wait = wait_seconds(request, scope, getattr(settings, setting))
            if not wait:
                return view(request, *args, **kwargs)
            response = refuse(request, wait, *args, **kwargs)
            response.status_code = 429
            response["Retry-After"] = str(wait)
            return response

        return cast(View, wrapper)

    return decorate
