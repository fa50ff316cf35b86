"""Template helpers for contact screens."""

from __future__ import annotations

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

PLACEHOLDER = re.compile(r"\[[A-Z][A-Z-]*\]")


@register.filter
def mark_placeholders(text: str) -> SafeString:
    """Escape the text, then highlight each [PLACEHOLDER] the scrubber put in."""
    escaped = str(escape(text or ""))
    return mark_safe(  # noqa: S308  (built from escaped text only)
        PLACEHOLDER.sub(
            lambda m: f'<mark class="scrubbed">{m.group(0)}</mark>', escaped
        )
    )


@register.filter
def minutes(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"
