"""The Django admin shows sessions read-only: supervisors record them in the app,
where the region and the attendees are checked."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from aandacht.training.models import Attendance, TrainingSession


class AttendanceInline(admin.TabularInline[Attendance, TrainingSession]):
    model = Attendance
    extra = 0

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(TrainingSession)
class TrainingSessionAdmin(admin.ModelAdmin[TrainingSession]):
    list_display = ("date", "topic", "region", "half_days", "recorded_by")
    list_filter = ("region",)
    date_hierarchy = "date"
    inlines = [AttendanceInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
