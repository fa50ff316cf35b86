"""Login, second factor, logout and password screens."""

from __future__ import annotations

from base64 import b32encode
from io import BytesIO
from typing import Any

import qrcode
import qrcode.image.svg
from axes.utils import reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from aandacht.core.access import current_user, is_verified, two_factor_pending
from aandacht.core.forms import LoginForm, TokenForm
from aandacht.core.middleware import two_factor_exempt
from aandacht.core.models import AuditEvent, User
from aandacht.core.services import (
    audit_record,
    two_factor_confirm,
    two_factor_device_start,
)

SETUP_SESSION_KEY = "aandacht_totp_setup_device"


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def form_invalid(self, form: Any) -> HttpResponse:
        """A slowed-down user name gets the form back with 429 and Retry-After."""
        response = super().form_invalid(form)
        if form.wait_seconds:
            response.status_code = 429
            response["Retry-After"] = str(form.wait_seconds)
        return response


login_view = two_factor_exempt(LoginView.as_view())
logout_view = two_factor_exempt(auth_views.LogoutView.as_view())


def locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """What django-axes shows once an account is locked after too many failures."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"minutes": minutes, "attempts": settings.AXES_FAILURE_LIMIT}
    return render(request, "registration/locked_out.html", context, status=429)


def _next_page(request: HttpRequest) -> str:
    """Where the person was going, if that is a page of this site."""
    wanted = request.GET.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return wanted if wanted and safe else reverse("home")


@two_factor_exempt
@login_required
@require_http_methods(["GET", "POST"])
def login_verify(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    if not two_factor_pending(user):
        return redirect(_next_page(request))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next_page(request))
        audit_record(action=AuditEvent.Action.OTP_FAILED, actor=user, request=request)
        form.add_error(
            "token", _("That code is not right. Enter the code your app shows now.")
        )
    return render(request, "registration/login_verify.html", {"form": form})


def _setup_device(request: HttpRequest, user: User) -> TOTPDevice:
    """The unconfirmed authenticator being set up in this session, made once."""
    device_id = request.session.get(SETUP_SESSION_KEY)
    device = TOTPDevice.objects.filter(pk=device_id, user=user, confirmed=False).first()
    if device is None:
        device = two_factor_device_start(user=user, name=_("Authenticator app"))
        request.session[SETUP_SESSION_KEY] = device.pk
    return device


def _qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    return svg[svg.index("<svg") :]  # drop the XML declaration inside HTML


def _grouped(secret: str) -> str:
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@two_factor_exempt
@login_required
@require_http_methods(["GET", "POST"])
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Link an authenticator app: scan or type the key, then prove it with a code."""
    user = current_user(request)
    if not is_verified(user) and user_has_device(user):
        return redirect("login_verify")
    device = _setup_device(request, user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            two_factor_confirm(user=user, device=device, request=request)
            del request.session[SETUP_SESSION_KEY]
            otp_login(request, device)
            messages.success(request, _("Two-factor login is set up."))
            return redirect(_next_page(request))
        form.add_error(
            "token",
            _(
                "That code is not right. Check the time on your phone "
                "and try the newest code."
            ),
        )
    secret = b32encode(device.bin_key).decode().rstrip("=")
    context = {
        "form": form,
        "qr_svg": _qr_svg(device.config_url),
        "secret": _grouped(secret),
    }
    return render(request, "registration/two_factor_setup.html", context)


class PasswordResetView(auth_views.PasswordResetView):
    def dispatch(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> HttpResponseBase:
        if not settings.PASSWORD_RESET_ENABLED:
            return render(request, "registration/password_reset_unavailable.html")
        return super().dispatch(request, *args, **kwargs)


class PasswordChangeView(auth_views.PasswordChangeView):
    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        audit_record(
            action=AuditEvent.Action.PASSWORD_CHANGED,
            actor=current_user(self.request),
            request=self.request,
        )
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        reset(username=form.user.get_username())  # a new password lifts a lock-out
        audit_record(
            action=AuditEvent.Action.PASSWORD_RESET,
            actor=form.user,
            request=self.request,
        )
        return response


@two_factor_exempt
def password_reset_confirm_view(
    request: HttpRequest, **kwargs: Any
) -> HttpResponseBase:
    if not settings.PASSWORD_RESET_ENABLED:
        raise Http404
    return PasswordResetConfirmView.as_view()(request, **kwargs)
