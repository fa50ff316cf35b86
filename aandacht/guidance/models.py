"""What guidance keeps: counts of self-test results and volunteers' quiz answers.

The public self-test keeps nothing about a visitor but one count per result
category per day.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SelfTestCount(models.Model):
    """How many self-tests ended in a result category on a day, and nothing else."""

    class Scale(models.TextChoices):
        DJG6 = "djg6", _("Short (6 statements)")
        DJG11 = "djg11", _("Long (11 statements)")

    class Category(models.TextChoices):
        NOT_LONELY = "not_lonely", _("Not lonely")
        MODERATE = "moderate", _("Moderately lonely")
        SEVERE = "severe", _("Severely lonely")
        VERY_SEVERE = "very_severe", _("Very severely lonely")

    day = models.DateField(_("day"))
    scale = models.CharField(_("scale"), max_length=8, choices=Scale.choices)
    category = models.CharField(_("result"), max_length=16, choices=Category.choices)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("self-test count")
        verbose_name_plural = _("self-test counts")
        ordering = ["-day", "scale", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["day", "scale", "category"], name="one_count_per_day_and_result"
            )
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.scale} {self.category}: {self.count}"


class VignetteAnswer(models.Model):
    """A volunteer's answer to one case vignette of the typology quiz."""

    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    vignette = models.CharField(_("vignette"), max_length=40)
    content_version = models.CharField(max_length=20)
    network = models.CharField(max_length=20)
    psychiatric = models.CharField(max_length=10)
    participation = models.CharField(max_length=10)
    chosen_type = models.CharField(_("chosen type"), max_length=30)
    correct = models.BooleanField(_("right type"))
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("vignette answer")
        verbose_name_plural = _("vignette answers")
        ordering = ["-answered_at"]
        indexes = [models.Index(fields=["volunteer", "vignette"])]

    def __str__(self) -> str:
        return f"{self.vignette}: {self.chosen_type}"
