"""Who may use the guidance screens."""

from __future__ import annotations

from aandacht.core.roles import Role

# The typology panel sits in the contact form, which volunteers fill in and
# supervisors correct.
PANEL_ROLES = frozenset({Role.VOLUNTEER, Role.SUPERVISOR})

# Lessons and cases are for volunteers; supervisors use them to coach.
LEARN_ROLES = frozenset({Role.VOLUNTEER, Role.SUPERVISOR})
# Which types volunteers chose per case: the supervisors who coach them.
CHOICES_ROLES = frozenset({Role.SUPERVISOR})
