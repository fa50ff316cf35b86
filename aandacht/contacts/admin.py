"""Admin for the lists a contact report chooses from (superusers only).

Topic lists are versioned: a list that reports use is copied to a new
version, edited there, and then made current, so old reports keep the exact
list they were made with.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from aandacht.contacts import services
from aandacht.contacts.models import (
    Contact,
    CrisisResource,
    Municipality,
    Source,
    Topic,
    TopicList,
)


class TopicInline(admin.TabularInline[Topic, TopicList]):
    model = Topic
    extra = 0


@admin.register(TopicList)
class TopicListAdmin(admin.ModelAdmin[TopicList]):
    list_display = ("version", "is_current", "created_at")
    readonly_fields = ("is_current",)
    inlines = [TopicInline]
    actions = ["new_version", "make_current"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """A list that reports already use is read-only; copy it instead."""
        if obj is not None and Contact.objects.filter(topic_list=obj).exists():
            return False
        return super().has_change_permission(request, obj)

    @admin.action(description=_("Copy to a new version"))
    def new_version(self, request: HttpRequest, queryset: QuerySet[TopicList]) -> None:
        for topic_list in queryset:
            copy = services.topic_list_new_version(source=topic_list)
            messages.success(request, _("Version %(v)s made.") % {"v": copy.version})

    @admin.action(description=_("Make current"))
    def make_current(self, request: HttpRequest, queryset: QuerySet[TopicList]) -> None:
        if queryset.count() != 1:
            messages.error(request, _("Choose exactly one version."))
            return
        services.topic_list_make_current(topic_list=queryset.get())


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin[Source]):
    list_display = ("code", "label_nl", "label_en", "active", "order")


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin[Municipality]):
    list_display = ("name", "code", "region")
    search_fields = ("name", "code")


@admin.register(CrisisResource)
class CrisisResourceAdmin(admin.ModelAdmin[CrisisResource]):
    list_display = ("name", "phone", "region", "order")
