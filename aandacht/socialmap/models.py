"""The social map: a directory shaped after HSDS 3.1 (Open Referral).

Each HSDS table the line uses has a model with the HSDS field names, so an
import or export is a matter of copying fields. Properties we do not model
(funding, cost options, contacts of organisations, accessibility, …) are
kept as they came in ``extra`` and written back on export, so a document
survives a round trip.

Scope: an organisation or service with a region belongs to that region's
map; without one it is national and every region sees it.

Nothing here is about callers: these are organisations, their services,
opening hours and public phone numbers. The one link to a contact is a
``Referral``.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from aandacht.core.models import Region


def _uuid_pk() -> models.UUIDField[uuid.UUID, uuid.UUID]:
    return models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)


def _text(label: StrOrPromise, max_length: int = 250) -> models.CharField[str, str]:
    return models.CharField(label, max_length=max_length, blank=True, default="")


def _extra() -> models.JSONField:
    return models.JSONField(
        default=dict,
        blank=True,
        help_text="HSDS properties this model does not have a column for.",
    )


class Verifiable(models.Model):
    """When the Vraagwijzer last checked an entry, and who did."""

    verified_at = models.DateTimeField(_("last verified"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        abstract = True


class Organization(Verifiable):
    id = _uuid_pk()
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty for a national organisation every region sees."),
    )
    name = models.CharField(_("name"), max_length=250)
    alternate_name = _text(_("alternate name"))
    description = models.TextField(_("description"), blank=True, default="")
    email = models.EmailField(_("e-mail"), blank=True, default="")
    website = models.URLField(_("website"), blank=True, default="", max_length=500)
    extra = _extra()
    last_modified = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class Service(Verifiable):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        INACTIVE = "inactive", _("Inactive")
        DEFUNCT = "defunct", _("Defunct")
        TEMPORARILY_CLOSED = "temporarily closed", _("Temporarily closed")

    id = _uuid_pk()
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="services",
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty for a national service every region sees."),
    )
    name = models.CharField(_("name"), max_length=250)
    alternate_name = _text(_("alternate name"))
    description = models.TextField(_("description"), blank=True, default="")
    url = models.URLField(_("website"), blank=True, default="", max_length=500)
    email = models.EmailField(_("e-mail"), blank=True, default="")
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    eligibility_description = models.TextField(
        _("who it is for"), blank=True, default=""
    )
    application_process = models.TextField(_("how to get it"), blank=True, default="")
    fees_description = models.TextField(_("costs"), blank=True, default="")
    alert = models.TextField(_("alert"), blank=True, default="")
    minimum_age = models.PositiveSmallIntegerField(
        _("minimum age"), null=True, blank=True
    )
    maximum_age = models.PositiveSmallIntegerField(
        _("maximum age"), null=True, blank=True
    )
    crisis_pinned = models.BooleanField(
        _("pinned in the crisis panel"),
        default=False,
        help_text=_("Shown first in the crisis panel of the contact form."),
    )
    staff_note = models.TextField(
        _("note for the team"),
        blank=True,
        default="",
        help_text=_(
            "Only staff and volunteers see this, never the public API. "
            "No names of callers."
        ),
    )
    extra = _extra()
    last_modified = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")
        # The contact form's panel restricts every search to these two.
        indexes = [
            models.Index(fields=["region", "status"], name="service_region_status")
        ]

    def __str__(self) -> str:
        return self.name


class Location(models.Model):
    class Type(models.TextChoices):
        PHYSICAL = "physical", _("Physical")
        POSTAL = "postal", _("Postal")
        VIRTUAL = "virtual", _("Virtual")

    id = _uuid_pk()
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="locations",
    )
    location_type = models.CharField(
        _("type"), max_length=10, choices=Type.choices, default=Type.PHYSICAL
    )
    name = _text(_("name"))
    alternate_name = _text(_("alternate name"))
    description = models.TextField(_("description"), blank=True, default="")
    transportation = models.TextField(_("getting there"), blank=True, default="")
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    extra = _extra()

    class Meta:
        ordering = ["name"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def __str__(self) -> str:
        return self.name or str(self.id)


class Address(models.Model):
    """The address of a location of an organisation (never of a caller)."""

    id = _uuid_pk()
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="addresses"
    )
    attention = _text(_("attention"))
    address_1 = _text(_("address"))
    address_2 = _text(_("address, second line"))
    city = _text(_("town"), 120)
    region = _text(_("region"), 120)
    state_province = _text(_("province"), 120)
    postal_code = _text(_("postcode"), 20)
    country = models.CharField(_("country"), max_length=2, default="NL")
    address_type = models.CharField(max_length=20, default="physical")
    extra = _extra()

    class Meta:
        ordering = ["city", "address_1"]

    def __str__(self) -> str:
        return ", ".join(part for part in (self.address_1, self.city) if part)


class ServiceAtLocation(models.Model):
    id = _uuid_pk()
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="service_at_locations"
    )
    location = models.ForeignKey(
        Location,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="service_at_locations",
    )
    description = models.TextField(blank=True, default="")
    extra = _extra()

    def __str__(self) -> str:
        return f"{self.service_id} @ {self.location_id}"


class Phone(models.Model):
    """A public phone number of a service, location or organisation.

    As in HSDS's tables, one row can belong to several parents at once (the
    official examples repeat one phone under a service and its location).
    """

    id = _uuid_pk()
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="phones",
    )
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, null=True, blank=True, related_name="phones"
    )
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, null=True, blank=True, related_name="phones"
    )
    service_at_location = models.ForeignKey(
        ServiceAtLocation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="phones",
    )
    number = models.CharField(_("number"), max_length=60)
    extension = models.PositiveIntegerField(null=True, blank=True)
    type = models.CharField(_("type"), max_length=20, blank=True, default="voice")
    description = models.TextField(_("description"), blank=True, default="")
    extra = _extra()

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return self.number


class Schedule(models.Model):
    """One HSDS schedule row: an RFC 5545-style recurring opening span.

    Times are kept as written ("10:00", "24:00") and dates as dates; the
    pure module ``socialmap.schedule`` interprets them on the Amsterdam
    clock. A schedule it cannot interpret (``count``, ``byweekno``, …) is
    kept for its description and export, and never counts as open.
    """

    id = _uuid_pk()
    service = models.ForeignKey(
        Service,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="schedules",
    )
    location = models.ForeignKey(
        Location,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="schedules",
    )
    service_at_location = models.ForeignKey(
        ServiceAtLocation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="schedules",
    )
    freq = models.CharField(max_length=10, blank=True, default="WEEKLY")
    byday = models.CharField(max_length=60, blank=True, default="")
    bymonthday = models.CharField(max_length=60, blank=True, default="")
    interval = models.PositiveSmallIntegerField(null=True, blank=True)
    wkst = models.CharField(max_length=2, blank=True, default="")
    opens_at = models.CharField(_("opens at"), max_length=8, blank=True, default="")
    closes_at = models.CharField(_("closes at"), max_length=8, blank=True, default="")
    dtstart = models.DateField(null=True, blank=True)
    until = models.DateField(null=True, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True, default="")
    extra = _extra()

    def __str__(self) -> str:
        days = self.byday or self.bymonthday
        return f"{self.freq} {days} {self.opens_at}-{self.closes_at}"


class ClosedDate(models.Model):
    """A day a service is closed all day: our extension to HSDS (holidays)."""

    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="closed_dates"
    )
    day = models.DateField(_("date"))
    reason = _text(_("reason"), 120)

    class Meta:
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(fields=["service", "day"], name="closed_date_once")
        ]

    def __str__(self) -> str:
        return f"{self.day:%Y-%m-%d}"


class ServiceArea(models.Model):
    """Where a service is offered: a municipality, a region, or the country."""

    id = _uuid_pk()
    service = models.ForeignKey(
        Service,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="service_areas",
    )
    service_at_location = models.ForeignKey(
        ServiceAtLocation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="service_areas",
    )
    name = _text(_("area"))
    description = models.TextField(blank=True, default="")
    extent = models.TextField(blank=True, default="")
    extent_type = models.CharField(max_length=20, blank=True, default="")
    uri = models.URLField(blank=True, default="", max_length=500)
    extra = _extra()

    def __str__(self) -> str:
        return self.name


class Language(models.Model):
    id = _uuid_pk()
    service = models.ForeignKey(
        Service,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="languages",
    )
    location = models.ForeignKey(
        Location,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="languages",
    )
    phone = models.ForeignKey(
        Phone, on_delete=models.CASCADE, null=True, blank=True, related_name="languages"
    )
    name = _text(_("language"), 100)
    code = models.CharField(_("code"), max_length=10, blank=True, default="")
    note = models.TextField(blank=True, default="")
    extra = _extra()

    def __str__(self) -> str:
        return self.code or self.name


class Taxonomy(models.Model):
    id = _uuid_pk()
    name = models.CharField(_("name"), max_length=250)
    description = models.TextField(_("description"), blank=True, default="")
    uri = models.URLField(blank=True, default="", max_length=500)
    version = models.CharField(max_length=40, blank=True, default="")
    extra = _extra()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "taxonomies"

    def __str__(self) -> str:
        return self.name


class TaxonomyTerm(models.Model):
    id = _uuid_pk()
    taxonomy = models.ForeignKey(
        Taxonomy, on_delete=models.PROTECT, null=True, blank=True, related_name="terms"
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
    )
    code = models.CharField(_("code"), max_length=60, blank=True, default="")
    name = models.CharField(_("name"), max_length=250)
    description = models.TextField(_("description"), blank=True, default="")
    taxonomy_detail = models.CharField(max_length=250, blank=True, default="")
    language = models.CharField(max_length=10, blank=True, default="")
    term_uri = models.URLField(blank=True, default="", max_length=500)
    extra = _extra()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Attribute(models.Model):
    """HSDS's link from any record to a taxonomy term (here: services)."""

    id = _uuid_pk()
    link_entity = models.CharField(max_length=30, default="service")
    link_id = models.UUIDField(db_index=True)
    link_type = models.CharField(max_length=60, blank=True, default="")
    taxonomy_term = models.ForeignKey(
        TaxonomyTerm, on_delete=models.CASCADE, related_name="attributes"
    )
    value = models.TextField(blank=True, default="")
    label = models.CharField(max_length=250, blank=True, default="")
    extra = _extra()

    def __str__(self) -> str:
        return f"{self.link_entity} {self.link_id} → {self.taxonomy_term_id}"


class Synonym(models.Model):
    """A group of interchangeable search terms staff maintain.

    ``term`` and every line of ``synonyms`` find each other, both ways:
    "ggz" ↔ "geestelijke gezondheidszorg".
    """

    term = models.CharField(_("term"), max_length=120, unique=True)
    synonyms = models.TextField(
        _("synonyms"), help_text=_("One word or phrase per line.")
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["term"]
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")

    def __str__(self) -> str:
        return self.term

    @property
    def synonym_list(self) -> list[str]:
        return [line.strip() for line in self.synonyms.splitlines() if line.strip()]


class ChangeRecord(models.Model):
    """One change to the directory: who, when, and which fields, old → new."""

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        CHANGED = "changed", _("Changed")
        VERIFIED = "verified", _("Verified")
        DELETED = "deleted", _("Deleted")
        IMPORTED = "imported", _("Imported")

    entity = models.CharField(max_length=30)
    entity_id = models.UUIDField(db_index=True)
    action = models.CharField(max_length=10, choices=Action.choices)
    changes = models.JSONField(default=dict, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["entity_id", "-at"], name="change_entity_at")]

    def __str__(self) -> str:
        return f"{self.entity} {self.entity_id} {self.action}"


class Referral(models.Model):
    """A contact pointed the caller to a service: the link and its time."""

    contact = models.ForeignKey(
        "contacts.Contact",
        on_delete=models.CASCADE,
        related_name="service_referrals",
    )
    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, related_name="referrals"
    )
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["contact", "service"], name="referral_once_per_contact"
            )
        ]

    def __str__(self) -> str:
        return f"{self.contact_id} → {self.service_id}"


# --- Search index -----------------------------------------------------------
# Kept in step by ``socialmap.search.index``; never edited by hand. Every
# table stores analysed text (``socialmap.text``), so SQLite and PostgreSQL
# compare the same strings and rank alike.


class SearchEntry(models.Model):
    """One analysed term of one service, with how strongly it speaks for it.

    ``weight`` sums the weights of the fields the term occurs in (the name
    counts most, the description least); a term found only as the part of a
    compound counts for less than the word itself.
    """

    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    term = models.CharField(max_length=100)
    weight = models.FloatField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["service", "term"], name="search_entry_once"
            )
        ]
        indexes = [
            models.Index(fields=["term", "service", "weight"], name="search_entry_term")
        ]

    def __str__(self) -> str:
        return f"{self.term} → {self.service_id} ({self.weight})"


class SearchTerm(models.Model):
    """How many services have a term: the rarer, the more a match means.

    The row with the empty term counts all services.
    """

    term = models.CharField(max_length=100, unique=True)
    documents = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.term} ({self.documents})"


class SearchWord(models.Model):
    """A folded word seen in the directory, and its term (stem).

    The vocabulary for splitting compounds and for finding the word a typo
    meant (pg_trgm on PostgreSQL, ``SearchTrigram`` elsewhere).
    """

    word = models.CharField(max_length=100, unique=True)
    term = models.CharField(max_length=100)
    trigram_count = models.PositiveSmallIntegerField(default=0)

    def __str__(self) -> str:
        return self.word


class SearchTrigram(models.Model):
    """pg_trgm's trigrams of each vocabulary word, for databases without it."""

    trigram = models.CharField(max_length=3)
    word = models.ForeignKey(
        SearchWord, on_delete=models.CASCADE, related_name="+", db_index=False
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["trigram", "word"], name="search_trigram_once"
            )
        ]
        indexes = [models.Index(fields=["word"], name="search_trigram_word")]

    def __str__(self) -> str:
        return self.trigram
