"""Anonymous profiles of regular callers, their contact limits and limit events.

A profile is recognised by what the caller says and how, never by a number
or a name: every text here is scrubbed before it is stored.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aandacht.contacts.choices import AgeBand, Channel, Gender
from aandacht.core.models import Region


class ProfileQuerySet(models.QuerySet["CallerProfile"]):
    def active(self) -> ProfileQuerySet:
        return self.filter(status=CallerProfile.Status.ACTIVE)

    def attachable(self) -> ProfileQuerySet:
        """Profiles a report may point to: active ones, and dormant ones that
        a report made before they went quiet already points to."""
        statuses = [CallerProfile.Status.ACTIVE, CallerProfile.Status.DORMANT]
        return self.filter(status__in=statuses)


class CallerProfile(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        DORMANT = "dormant", _("Dormant")
        MERGED = "merged", _("Merged into another profile")
        ERASED = "erased", _("Erased")

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    alias = models.CharField(
        _("alias"),
        max_length=60,
        help_text=_("A nickname the team uses, such as “de dichter”. Never a name."),
    )
    cues = models.TextField(
        _("recognition cues"),
        blank=True,
        help_text=_(
            "How volunteers recognise the caller: voice, recurring topics, usual "
            "time of calling. Never a name, number or address."
        ),
    )
    gender = models.CharField(
        _("gender (estimated)"),
        max_length=10,
        choices=Gender.choices,
        default="unknown",
    )
    age_band = models.CharField(
        _("age (estimated)"), max_length=10, choices=AgeBand.choices, default="unknown"
    )
    approach = models.TextField(
        _("points of approach"),
        blank=True,
        help_text=_("What helps in a conversation with this caller."),
    )
    agreement = models.TextField(
        _("current agreement"),
        blank=True,
        help_text=_("The last agreement made with the caller."),
    )
    consultation_notes = models.TextField(
        _("notes from consultation"),
        blank=True,
        help_text=_(
            "From consultation with a mental-health consultant. Supervisors only."
        ),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    review_on = models.DateField(_("review date"), null=True, blank=True)
    last_contact_at = models.DateTimeField(_("last contact"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    erased_at = models.DateTimeField(null=True, blank=True)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        ordering = ["alias"]
        verbose_name = _("caller profile")
        verbose_name_plural = _("caller profiles")
        indexes = [models.Index(fields=["region", "status"])]

    def __str__(self) -> str:
        return self.alias

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE


class ContactLimit(models.Model):
    """An agreed maximum of contacts; a new limit ends the one before it."""

    profile = models.ForeignKey(
        CallerProfile, on_delete=models.CASCADE, related_name="limits"
    )
    per_day = models.PositiveSmallIntegerField(_("per day"), null=True, blank=True)
    per_week = models.PositiveSmallIntegerField(_("per week"), null=True, blank=True)
    channel = models.CharField(
        _("channel"),
        max_length=10,
        choices=Channel.choices,
        blank=True,
        help_text=_("Leave empty to count contacts on every channel."),
    )
    max_minutes = models.PositiveSmallIntegerField(
        _("maximum duration (minutes)"), null=True, blank=True
    )
    valid_from = models.DateField(_("valid from"), default=timezone.localdate)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    reason = models.TextField(_("reason"))
    words = models.TextField(
        _("words for the volunteer"),
        help_text=_("What the volunteer says when the limit is reached."),
    )
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("contact limit")
        verbose_name_plural = _("contact limits")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(per_day__isnull=False)
                | models.Q(per_week__isnull=False)
                | models.Q(max_minutes__isnull=False),
                name="limit_limits_something",
                violation_error_message=_(
                    "Set a number of contacts per day or per week, "
                    "or a maximum duration."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.profile}: {self.per_day}/day {self.per_week}/week"


class LimitReachedEvent(models.Model):
    """A contact taken while the profile's limit was already reached."""

    profile = models.ForeignKey(
        CallerProfile, on_delete=models.CASCADE, related_name="limit_events"
    )
    limit = models.ForeignKey(ContactLimit, on_delete=models.CASCADE, related_name="+")
    contact = models.OneToOneField(
        "contacts.Contact", on_delete=models.CASCADE, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("limit reached")
        verbose_name_plural = _("limits reached")

    def __str__(self) -> str:
        return f"{self.profile} at {self.at:%Y-%m-%d %H:%M}"
