"""Call-back requests: a question, and a number that deletes itself.

The number is the one identifier of a caller Aandacht ever stores, because
calling back is impossible without it. It is kept only as a Fernet token
(`crypto.py`), shown only to the Vraagwijzer specialist of the region while
the request is open, and set to empty, not hidden, when the request is done
or seven days old (`services.callback_done`, `manage.py purge_callbacks`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aandacht.core.models import Region


class PreferredTime(models.TextChoices):
    ANY = "any", _("Any time during the Vraagwijzer's hours")
    MORNING = "morning", _("Morning (10:00–12:00)")
    MIDDAY = "midday", _("Early afternoon (12:00–14:00)")


class CallbackQuerySet(models.QuerySet["CallbackRequest"]):
    def open(self) -> CallbackQuerySet:
        return self.filter(status=CallbackRequest.Status.OPEN)

    def with_number(self) -> CallbackQuerySet:
        return self.exclude(number_token="")


class CallbackRequest(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    contact = models.ForeignKey(
        "contacts.Contact",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("contact report"),
    )
    question = models.TextField(
        _("question"),
        help_text=_("What the caller wants to know. Scrubbed before it is stored."),
    )
    preferred_time = models.CharField(
        _("preferred time"),
        max_length=10,
        choices=PreferredTime.choices,
        default=PreferredTime.ANY,
    )
    number_token = models.TextField(
        blank=True,
        editable=False,
        help_text="The number, Fernet-encrypted; empty once erased.",
    )
    number_erased_at = models.DateTimeField(null=True, blank=True, editable=False)
    due_on = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    outcome = models.TextField(
        _("outcome"),
        blank=True,
        help_text=_("What came of the call-back. Scrubbed before it is stored."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    done_at = models.DateTimeField(null=True, blank=True)

    objects = CallbackQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "created_at"]
        verbose_name = _("call-back request")
        verbose_name_plural = _("call-back requests")
        indexes = [models.Index(fields=["region", "status", "due_on"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="done") | models.Q(number_token=""),
                name="callback_done_has_no_number",
            )
        ]

    def __str__(self) -> str:
        return f"call-back {self.pk} ({self.status}, due {self.due_on})"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def has_number(self) -> bool:
        return bool(self.number_token)
