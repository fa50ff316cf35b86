"""Contact reports, their drafts, the lists they choose from, and feedback."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from aandacht.contacts.choices import (
    AgeBand,
    Channel,
    ContactType,
    Gender,
    LineLanguage,
    LivingSituation,
    Loneliness,
    LonelinessKind,
    Transfer,
)
from aandacht.core.models import Region


class BilingualLabel(models.Model):
    """A list entry that administrators maintain in both languages."""

    label_nl = models.CharField(_("Dutch label"), max_length=120)
    label_en = models.CharField(_("English label"), max_length=120)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return (
            self.label_en
            if (get_language() or "nl").startswith("en")
            else self.label_nl
        )


class Source(BilingualLabel):
    """A partner that transfers callers to the line (Vraagwijzer desk, MEE, ...)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    active = models.BooleanField(_("active"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")


class TopicList(models.Model):
    """One version of the topic list; a report keeps the version it was made with."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    is_current = models.BooleanField(_("current"), default=False)

    class Meta:
        ordering = ["-version"]
        verbose_name = _("topic list")
        verbose_name_plural = _("topic lists")
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=models.Q(is_current=True),
                name="one_current_topic_list",
            )
        ]

    def __str__(self) -> str:
        return f"v{self.version}"


class Topic(BilingualLabel):
    topic_list = models.ForeignKey(
        TopicList, on_delete=models.CASCADE, related_name="topics"
    )
    code = models.SlugField(_("code"), max_length=40)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_crisis = models.BooleanField(
        _("opens the crisis panel"),
        default=False,
        help_text=_("Choosing this topic shows the region's crisis numbers."),
    )

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [
            models.UniqueConstraint(
                fields=["topic_list", "code"], name="topic_code_once"
            )
        ]


class Municipality(models.Model):
    """A municipality a caller may mention; `code` is the CBS code (GM0505)."""

    code = models.CharField(_("code"), max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=100)
    region = models.ForeignKey(
        Region, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name


class CrisisResource(models.Model):
    """A crisis number and what to do, shown above everything in a crisis."""

    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="crisis_resources",
        help_text=_("Leave empty for a national number."),
    )
    name = models.CharField(_("name"), max_length=120)
    phone = models.CharField(_("phone number"), max_length=40)
    steps = models.TextField(_("steps"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("crisis number")
        verbose_name_plural = _("crisis numbers")

    def __str__(self) -> str:
        return f"{self.name} ({self.phone})"


class ContactQuerySet(models.QuerySet["Contact"]):
    def conversations(self) -> ContactQuerySet:
        return self.filter(contact_type=ContactType.CONVERSATION)

    def unread(self) -> ContactQuerySet:
        return self.filter(read_at__isnull=True)


class Contact(models.Model):
    """One conversation, or one counted non-data contact, on any channel.

    Nothing here identifies a caller: free text is scrubbed by the service
    before it is stored, and the caller fields are coarse, optional codes.
    """

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="contacts"
    )
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="contacts"
    )
    idempotency_key = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    line_language = models.CharField(
        _("line language"), max_length=2, choices=LineLanguage.choices, default="nl"
    )
    started_at = models.DateTimeField(_("start"))
    ended_at = models.DateTimeField(_("end"))
    duration_seconds = models.PositiveIntegerField(_("duration (seconds)"))
    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("source"),
    )
    contact_type = models.CharField(
        _("contact type"),
        max_length=20,
        choices=ContactType.choices,
        default=ContactType.CONVERSATION,
    )
    gender = models.CharField(
        _("gender"), max_length=10, choices=Gender.choices, default=Gender.UNKNOWN
    )
    age_band = models.CharField(
        _("age"), max_length=10, choices=AgeBand.choices, default=AgeBand.UNKNOWN
    )
    living_situation = models.CharField(
        _("living situation"),
        max_length=15,
        choices=LivingSituation.choices,
        default=LivingSituation.UNKNOWN,
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("municipality"),
    )
    regular_caller = models.BooleanField(_("regular caller"), default=False)
    caller_profile = models.ForeignKey(
        "callers.CallerProfile",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contacts",
        verbose_name=_("caller profile"),
        db_index=False,  # contact_profile_recent starts with it
    )
    topic_list = models.ForeignKey(
        TopicList, on_delete=models.PROTECT, related_name="+"
    )
    topics = models.ManyToManyField(Topic, blank=True, verbose_name=_("topics"))
    loneliness = models.CharField(
        _("loneliness"),
        max_length=10,
        choices=Loneliness.choices,
        default=Loneliness.NONE,
    )
    loneliness_kind = models.CharField(
        _("kind of loneliness"),
        max_length=10,
        choices=LonelinessKind.choices,
        blank=True,
    )
    sought = models.JSONField(_("the caller looked for"), default=list, blank=True)
    actions = models.JSONField(_("what the volunteer did"), default=list, blank=True)
    phases = models.JSONField(_("phases reached"), default=list, blank=True)
    referrals = models.TextField(_("referrals"), blank=True)
    transfer = models.CharField(
        _("transfer"), max_length=15, choices=Transfer.choices, default=Transfer.NONE
    )
    crisis = models.BooleanField(_("crisis"), default=False)
    typology = models.JSONField(
        _("typology assessment"),
        default=dict,
        blank=True,
        help_text=_("Filled by the typology assistant."),
    )
    summary = models.TextField(_("summary"), blank=True)
    reflection = models.TextField(_("own reflection"), blank=True)
    created_at = models.DateTimeField(
        _("registered"), default=timezone.now, db_index=True
    )
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)
    version = models.PositiveIntegerField(default=1)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    read_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ContactQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        indexes = [
            models.Index(fields=["region", "-started_at"]),
            # The insights rollup finds corrections since its last run.
            models.Index(fields=["updated_at"], name="contact_updated"),
            # The review queue's order, unread first, crisis on top, newest
            # first, in any set of regions: a page reads forty entries.
            models.Index(
                models.ExpressionWrapper(
                    models.Q(read_at__isnull=True),
                    output_field=models.BooleanField(),
                ).desc(),
                models.F("crisis").desc(),
                models.F("started_at").desc(),
                models.F("region"),
                name="contact_review_order",
                condition=models.Q(contact_type=ContactType.CONVERSATION),
            ),
            # Unread reports are few: counting them must not scan the rest.
            models.Index(
                fields=["region"],
                name="contact_unread",
                condition=models.Q(
                    contact_type=ContactType.CONVERSATION, read_at__isnull=True
                ),
            ),
            models.Index(fields=["volunteer", "-started_at"]),
            # A caller profile's banner: its last reports and today's and this
            # week's count, without reading all of its reports.
            models.Index(
                fields=["caller_profile", "-started_at"], name="contact_profile_recent"
            ),
            # The review queue's bounded count with a channel or loneliness
            # filter (and a period), index-only: 10 001 mail reports are
            # otherwise a scan of half a million others.
            models.Index(
                fields=["channel", "loneliness", "region", "started_at"],
                name="contact_review_channel",
                condition=models.Q(contact_type=ContactType.CONVERSATION),
            ),
            # The same count for the volunteer filter.
            models.Index(
                fields=["volunteer", "region"],
                name="contact_review_volunteer",
                condition=models.Q(contact_type=ContactType.CONVERSATION),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_at__gte=models.F("started_at")),
                name="contact_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def duration(self) -> timedelta:
        return timedelta(seconds=self.duration_seconds)

    @property
    def is_conversation(self) -> bool:
        return self.contact_type == ContactType.CONVERSATION


class ContactDraft(models.Model):
    """An unfinished report, saved every few seconds; free text already scrubbed.

    Its key becomes the report's idempotency key, so sending the same draft
    twice creates one report.
    """

    key = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="contact_drafts",
    )
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    data = models.JSONField(default=dict)
    started_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return f"draft {self.key}"


class Feedback(models.Model):
    """A supervisor's word to the volunteer about one report."""

    contact = models.ForeignKey(
        Contact, on_delete=models.CASCADE, related_name="feedback"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("feedback"))
    created_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self) -> str:
        return f"feedback on {self.contact_id}"
