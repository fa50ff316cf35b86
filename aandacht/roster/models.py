"""Rosters: who can do what, who is available when, the expected demand, the
solver's runs, and the published shifts with their swaps."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aandacht.contacts.choices import Channel, LineLanguage
from aandacht.core.models import Region
from aandacht.roster.shifts import SHIFTS

SHIFT_CHOICES = [(shift.code, shift.label) for shift in SHIFTS]


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


_feed_token = new_feed_token  # the name the first migration refers to


class VolunteerRegister(models.Model):
    """What a volunteer can and wants to do, per region."""

    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registers"
    )
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    languages = models.JSONField(_("languages"), default=list)
    channels = models.JSONField(_("channels"), default=list)
    min_shifts = models.PositiveSmallIntegerField(
        _("at least, shifts a month"), default=4
    )
    max_shifts = models.PositiveSmallIntegerField(
        _("at most, shifts a month"), default=8
    )
    night_required = models.BooleanField(_("a night shift each month"), default=True)
    feed_token = models.CharField(max_length=40, default=_feed_token, unique=True)

    class Meta:
        verbose_name = _("volunteer register entry")
        verbose_name_plural = _("volunteer register")
        constraints = [
            models.UniqueConstraint(
                fields=["volunteer", "region"], name="one_register_per_region"
            ),
            models.CheckConstraint(
                condition=models.Q(min_shifts__lte=models.F("max_shifts")),
                name="register_band_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.volunteer} in {self.region}"


class Line(models.Model):
    """A line the region staffs: a channel in a language, open at set times."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    code = models.SlugField(_("code"), max_length=20)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    language = models.CharField(
        _("language"), max_length=5, choices=LineLanguage.choices
    )
    max_parallel = models.PositiveSmallIntegerField(_("places at once"), default=1)
    weight = models.FloatField(_("weight"), default=1.0)
    open_rules = models.JSONField(
        _("opening hours"),
        default=list,
        blank=True,
        help_text=_("Empty: open in every shift. Else a list of {byday, shifts}."),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("line")
        verbose_name_plural = _("lines")
        constraints = [
            models.UniqueConstraint(fields=["region", "code"], name="line_code_unique")
        ]

    def __str__(self) -> str:
        return self.code


class RosterMonth(models.Model):
    class Status(models.TextChoices):
        COLLECTING = "collecting", _("Collecting availability")
        PLANNING = "planning", _("Planning")
        PUBLISHED = "published", _("Published")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    deadline = models.DateField(_("availability deadline"))
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.COLLECTING
    )
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-month"]
        verbose_name = _("roster month")
        verbose_name_plural = _("roster months")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "month"], name="one_roster_a_month"
            )
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.month:%Y-%m}"


class Availability(models.Model):
    roster = models.ForeignKey(
        RosterMonth, on_delete=models.CASCADE, related_name="availability"
    )
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    date = models.DateField()
    shift = models.CharField(max_length=4, choices=SHIFT_CHOICES)
    preferred = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["roster", "volunteer", "date", "shift"],
                name="one_availability_per_slot",
            )
        ]

    def __str__(self) -> str:
        return f"{self.volunteer} {self.date} {self.shift}"


class Demand(models.Model):
    """Expected arrivals per hour on a line, for a weekday and shift."""

    class Source(models.TextChoices):
        HISTORY = "history", _("Estimated from contact reports")
        CALL_LOG = "call_log", _("From telephony call logs")
        MANUAL = "manual", _("Entered by hand")

    line = models.ForeignKey(Line, on_delete=models.CASCADE, related_name="demand")
    weekday = models.PositiveSmallIntegerField()  # 0 = Monday
    shift = models.CharField(max_length=4, choices=SHIFT_CHOICES)
    arrivals_per_hour = models.FloatField()
    source = models.CharField(max_length=10, choices=Source.choices)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["line", "weekday", "shift"], name="one_demand_per_slot"
            )
        ]

    def __str__(self) -> str:
        return f"{self.line} {self.weekday} {self.shift}: {self.arrivals_per_hour}/h"


class SolveRun(models.Model):
    """One run of the solver: a queue row the worker picks up, with progress."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    roster = models.ForeignKey(
        RosterMonth, on_delete=models.CASCADE, related_name="runs"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        max_length=8, choices=Status.choices, default=Status.QUEUED
    )
    time_limit = models.PositiveIntegerField(default=60)
    problem = models.JSONField(default=dict)
    result = models.JSONField(default=dict, blank=True)
    best_objective = models.FloatField(null=True, blank=True)
    bound = models.FloatField(null=True, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"run {self.pk} of {self.roster} ({self.status})"


class Assignment(models.Model):
    roster = models.ForeignKey(
        RosterMonth, on_delete=models.CASCADE, related_name="assignments"
    )
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    date = models.DateField()
    shift = models.CharField(max_length=4, choices=SHIFT_CHOICES)
    line = models.ForeignKey(Line, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["date", "shift"]
        constraints = [
            models.UniqueConstraint(
                fields=["roster", "volunteer", "date"], name="one_shift_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.volunteer} {self.date} {self.shift} {self.line}"


class SwapOffer(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        TAKEN = "taken", _("Taken")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    assignment = models.ForeignKey(
        Assignment, on_delete=models.CASCADE, related_name="offers"
    )
    offered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"offer of {self.assignment} ({self.status})"


class ServicePatience(models.Model):
    """Callers' mean patience on a channel, measured from a region's call log."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    patience_minutes = models.FloatField(_("mean patience (minutes)"))
    calls = models.PositiveIntegerField()
    abandoned = models.PositiveIntegerField()
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["region", "channel"], name="one_patience_per_channel"
            )
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.channel}: {self.patience_minutes:.1f} min"
