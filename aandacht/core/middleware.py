"""Session rules for staff: a short idle timeout and a required second factor."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django_otp import user_has_device

from aandacht.core.access import requires_two_factor, two_factor_pending

View = TypeVar("View", bound=Callable[..., Any])


def two_factor_exempt(view: View) -> View:
    """Mark a view that a logged-in but not yet verified user may open."""
    view.two_factor_exempt = True  # type: ignore[attr-defined]
    return view


class StaffIdleTimeoutMiddleware:
    """End a staff session after AANDACHT_STAFF_IDLE_MINUTES without a request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        # After the view, so that the request that logs a person in counts too.
        if request.user.is_authenticated and requires_two_factor(request.user):
            request.session.set_expiry(settings.STAFF_IDLE_MINUTES * 60)
        return response


class TwoFactorRequiredMiddleware:
    """Send staff to set up or enter their second factor before anything else."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Any, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        if getattr(view_func, "two_factor_exempt", False):
            return None
        if not two_factor_pending(request.user):
            return None
        step = "login_verify" if user_has_device(request.user) else "two_factor_setup"
        wanted = request.get_full_path()
        if wanted == reverse("home"):
            return redirect(step)
        return redirect(f"{reverse(step)}?{urlencode({'next': wanted})}")


class ChosenLanguageMiddleware(LocaleMiddleware):
    """Dutch unless the person chose English with the language switch.

    Django would otherwise follow the browser's Accept-Language header; the
    organisation works in Dutch, and the shared computers at contact locations
    often have an English browser.
    """

    def process_request(self, request: HttpRequest) -> None:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        codes = {code for code, _name in settings.LANGUAGES}
        translation.activate(chosen if chosen in codes else settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()


class NoStoreWhenSignedInMiddleware:
    """Tell browsers and proxies to keep no copy of a signed-in person's pages.

    Reports, profiles, call-backs, the audit log and the 2FA secret are shown
    only after login; a page left in a shared computer's cache or a proxy is
    readable by the next person.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.user.is_authenticated:
            add_never_cache_headers(response)
        return response
