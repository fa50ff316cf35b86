"""Regions, people, their roles, and the audit log."""

from __future__ import annotations

import hashlib
from typing import Any

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from aandacht.core.roles import Role


class Organisation(models.Model):
    """A helpline organisation: a national body with regional foundations."""

    name = models.CharField(_("name"), max_length=200, unique=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class Region(models.Model):
    """A regional foundation; every contact, profile and shift belongs to one."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="regions"
    )
    code = models.SlugField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A volunteer or staff member. Callers are never users."""

    is_demo = models.BooleanField(
        _("demo user"),
        default=False,
        help_text=_("Demo users can only log in while the demo mode is on."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class RoleAssignment(models.Model):
    """One role held in one region, or in every region when `region` is empty."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="role_assignments",
        help_text=_("Leave empty for a national role that covers every region."),
    )

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "region"], name="role_once_per_region"
            ),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=models.Q(region__isnull=True),
                name="national_role_once",
            ),
        ]

    def __str__(self) -> str:
        where = self.region.name if self.region else _("all regions")
        return f"{self.get_role_display()} ({where})"

    @property
    def is_national(self) -> bool:
        return self.region_id is None


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    """Audit events can be added and read, never changed or removed."""

    def update(self, **kwargs: Any) -> int:
        raise PermissionError("The audit log cannot be changed.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("The audit log cannot be changed.")


class AuditEvent(models.Model):
    """Who did what to which sensitive data, and when.

    Written only through `aandacht.core.services.audit_record`. Rows are never
    updated or deleted by the application.
    """

    class Action(models.TextChoices):
        LOGIN = "login", _("Logged in")
        LOGOUT = "logout", _("Logged out")
        LOGIN_FAILED = "login_failed", _("Failed login")
        LOCKED_OUT = "locked_out", _("Locked out")
        UNLOCKED = "unlocked", _("Account unlocked")
        OTP_SETUP = "otp_setup", _("Two-factor login set up")
        OTP_FAILED = "otp_failed", _("Wrong two-factor code")
        PASSWORD_CHANGED = "password_changed", _("Password changed")
        PASSWORD_RESET = "password_reset", _("Password reset by e-mail")
        VIEWED = "viewed", _("Viewed sensitive data")
        CONTACT_CHANGED = "contact_changed", _("Changed a contact report")
        API_TOKEN_CREATED = "api_token_created", _("API token created")
        API_TOKEN_REVOKED = "api_token_revoked", _("API token revoked")
        PROFILE_CHANGED = "profile_changed", _("Changed a caller profile")
        CALLBACK_RECORDED = "callback.recorded", _("Call-back request recorded")
        CALLBACK_NUMBER_SHOWN = "callback.number_shown", _("Call-back number shown")
        CALLBACK_NOTED = "callback.noted", _("Call-back outcome noted")
        CALLBACK_DONE = "callback.done", _("Call-back request done")
        EXPORTED = "insights.exported", _("Exported contacts for research")

    # Stands for a typed user name that matched no account: it may be a
    # password typed in the wrong field. No real user name has parentheses.
    UNKNOWN_USER = "(unknown user)"

    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit_events",
    )
    actor_label = models.CharField(
        _("user name"),
        max_length=150,
        blank=True,
        help_text=_(
            "The user name that was entered; a name that matched no account "
            'is not kept, only the marker "(unknown user)".'
        ),
    )
    action = models.CharField(_("action"), max_length=40, choices=Action.choices)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    object_type = models.CharField(_("object type"), max_length=60, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [models.Index(fields=["action", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise PermissionError("The audit log cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("The audit log cannot be changed.")

    @property
    def actor_shown(self) -> str:
        """The user name as the audit screen shows it, the marker translated."""
        if self.actor_label == self.UNKNOWN_USER:
            return gettext("(unknown user)")
        return self.actor_label


class ApiToken(models.Model):
    """A key with which a program (a telephony system, another front end) acts
    for one person in the JSON API.

    Only the SHA-256 hash of the key is stored, so a copy of the database
    opens nothing; the plain key is shown once, when it is made. The prefix
    lets people tell their tokens apart without revealing them.

    A token stops working when it expires, when it is revoked, when its owner
    is deactivated, and when its owner's password changes: ``password_check``
    is a keyed hash of the password hash the owner had when the token was
    made, so a new password (a reset after a leak, say) ends every token.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=12, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"))
    password_check = models.CharField(max_length=64, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @staticmethod
    def password_check_for(user: User) -> str:
        return salted_hmac("aandacht.api-token", user.password).hexdigest()

    @property
    def is_active(self) -> bool:
        return (
            self.revoked_at is None
            and self.expires_at > timezone.now()
            and self.user.is_active
            and self.password_check == self.password_check_for(self.user)
        )
