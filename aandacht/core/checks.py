"""Deployment checks of our own, run by `manage.py check --deploy`."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error


def demo_mode_check(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Demo mode in production lets anyone in with the public demo password."""
    if not settings.DEMO:
        return []
    return [
        Error(
            "AANDACHT_DEMO=1: demo users can log in with the public demo password.",
            hint="Set AANDACHT_DEMO=0 (or leave it unset) on a production server.",
            id="core.E001",
        )
    ]
