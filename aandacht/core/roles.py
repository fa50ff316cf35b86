"""The roles people hold in a helpline, and which of them count as staff."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    VOLUNTEER = "volunteer", _("Volunteer")
    SUPERVISOR = "supervisor", _("Supervisor")
    VRAAGWIJZER = "vraagwijzer", _("Vraagwijzer specialist")
    COORDINATOR = "coordinator", _("Coordinator")
    PARTNER = "partner", _("Partner")
    ADMIN = "admin", _("Administrator")


# Roles that see sensitive data about contacts, callers or people; they must
# log in with a second factor and their sessions end after a short idle time.
STAFF_ROLES = frozenset(
    {Role.SUPERVISOR, Role.VRAAGWIJZER, Role.COORDINATOR, Role.ADMIN}
)
