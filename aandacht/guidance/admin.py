"""Read-only admin views of what guidance keeps; nothing here is edited by hand."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from aandacht.guidance.models import SelfTestCount, VignetteAnswer


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(SelfTestCount)
class SelfTestCountAdmin(ReadOnlyAdmin):
    list_display = ["day", "scale", "category", "count"]
    list_filter = ["scale", "category"]
    date_hierarchy = "day"


@admin.register(VignetteAnswer)
class VignetteAnswerAdmin(ReadOnlyAdmin):
    list_display = ["answered_at", "volunteer", "vignette", "chosen_type", "correct"]
    list_filter = ["vignette", "correct"]
