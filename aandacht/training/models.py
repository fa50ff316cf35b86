"""Further-training sessions (bijscholing) and who attended them."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aandacht.core.models import Region, User

MIN_HALF_DAYS = 1
MAX_HALF_DAYS = 4


class TrainingSession(models.Model):
    """One further-training session of a region, recorded after it took place.

    Nothing here concerns callers: the topic names the training, and the
    attendees are volunteers of the region.
    """

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="training_sessions"
    )
    date = models.DateField(_("date"))
    topic = models.CharField(_("topic"), max_length=200)
    half_days = models.PositiveSmallIntegerField(
        _("half-days"),
        default=MIN_HALF_DAYS,
        validators=[MinValueValidator(MIN_HALF_DAYS), MaxValueValidator(MAX_HALF_DAYS)],
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="recorded_training_sessions",
    )
    created_at = models.DateTimeField(_("recorded"), default=timezone.now)
    attendees: models.ManyToManyField[User, Attendance] = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="Attendance",
        related_name="training_sessions",
        verbose_name=_("attendees"),
    )

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("further-training session")
        verbose_name_plural = _("further-training sessions")
        indexes = [
            models.Index(fields=["region", "-date"], name="training_region_date")
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(half_days__gte=MIN_HALF_DAYS)
                & models.Q(half_days__lte=MAX_HALF_DAYS),
                name="training_half_days_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.topic}"


class Attendance(models.Model):
    """One volunteer attended one session."""

    session = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, related_name="attendance"
    )
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="training_attendance",
    )

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "volunteer"], name="attend_session_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session_id}: {self.volunteer_id}"
