"""The Django admin, for technical superusers: people, roles, regions.

The audit log is shown read-only; nobody can change or delete it here.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from aandacht.core.forms import AdminLoginForm
from aandacht.core.models import AuditEvent, Organisation, Region, RoleAssignment, User


def _superusers_only(request: HttpRequest) -> bool:
    """Roles work in the application; the Django admin is for superusers."""
    user = request.user
    return bool(user.is_active and user.is_superuser)


admin.site.has_permission = _superusers_only  # type: ignore[method-assign]
admin.site.login_form = AdminLoginForm


class RoleAssignmentInline(admin.TabularInline[RoleAssignment, User]):
    model = RoleAssignment
    extra = 1


@admin.register(User)
class AandachtUserAdmin(UserAdmin):  # type: ignore[type-arg]
    inlines = [RoleAssignmentInline]
    list_display = ("username", "first_name", "last_name", "is_active", "is_demo")
    list_filter = ("is_active", "is_demo", "roles__role", "roles__region")


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    list_display = ("name",)


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin[Region]):
    list_display = ("name", "code", "organisation")
    search_fields = ("name", "code")


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[AuditEvent]):
    list_display = ("at", "actor_label", "action", "region", "object_type", "object_id")
    list_filter = ("action", "region")
    search_fields = ("actor_label",)
    date_hierarchy = "at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
