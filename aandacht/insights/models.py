"""The rollup tables behind the dashboards: daily counts, and how far they got.

Ten years of national contacts are 3.5 million rows; a dashboard for one
year must not read them. ``DailyCount`` holds, per region and local day
(Amsterdam), how many contacts had each value of each dimension (channel,
topic, hour of the week, ...), so a year is a few hundred thousand small
rows instead of millions of contacts. ``insights.rollup`` fills it; see its
``__init__`` for how corrections and interruptions are handled.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DailyCount(models.Model):
    """Contacts of one region on one local day that had one dimension value.

    ``contacts`` counts every contact, non-data contacts included;
    ``conversations`` only conversations (full reports), and
    ``conversation_seconds`` their summed duration. ``month`` is the first
    day of ``day``'s month, stored so a dashboard groups by month without
    date functions, which differ between SQLite and PostgreSQL.
    """

    region = models.ForeignKey(
        "core.Region", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    day = models.DateField(_("day"))
    month = models.DateField(_("month"))
    dimension = models.CharField(_("dimension"), max_length=20)
    value = models.CharField(_("value"), max_length=60)
    contacts = models.PositiveIntegerField(_("contacts"), default=0)
    conversations = models.PositiveIntegerField(_("conversations"), default=0)
    conversation_seconds = models.PositiveBigIntegerField(
        _("duration of the conversations (seconds)"), default=0
    )

    class Meta:
        verbose_name = _("daily count")
        verbose_name_plural = _("daily counts")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "day", "dimension", "value"],
                name="daily_count_once",
            )
        ]
        indexes = [
            # A dashboard reads a period of days in every region (national).
            models.Index(fields=["day"], name="daily_count_day"),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.dimension}={self.value}: {self.contacts}"


class CountedContact(models.Model):
    """The local day a contact is counted on in ``DailyCount``.

    A correction may move a report to another day; its old day is then found
    here, so both days are counted again from the reports. No foreign key:
    the rollup must never hold up the deletion of a report.
    """

    contact_id = models.BigIntegerField(primary_key=True)
    day = models.DateField()

    class Meta:
        verbose_name = _("counted contact")
        verbose_name_plural = _("counted contacts")

    def __str__(self) -> str:
        return f"{self.contact_id} on {self.day}"


class RollupCheckpoint(models.Model):
    """How far the rollup got; one row, updated with every batch it commits.

    ``contacts_through``: every contact with a lower or equal id is counted.
    ``changes_since``: contacts changed (``updated_at``) after this moment
    are counted again on the next run. ``feedback_through``: the same as
    ``contacts_through`` for feedback. While a full build runs,
    ``building_through`` holds its id ceiling and ``next_day`` the first day
    still to count, so an interrupted build resumes there.
    """

    name = models.CharField(max_length=20, primary_key=True, default="contacts")
    contacts_through = models.BigIntegerField(default=0)
    feedback_through = models.BigIntegerField(default=0)
    changes_since = models.DateTimeField(null=True, blank=True)
    building_through = models.BigIntegerField(null=True, blank=True)
    next_day = models.DateField(null=True, blank=True)
    last_day = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("rollup checkpoint")
        verbose_name_plural = _("rollup checkpoints")

    def __str__(self) -> str:
        return f"{self.name}: through {self.contacts_through}"

    @property
    def is_building(self) -> bool:
        return self.building_through is not None
