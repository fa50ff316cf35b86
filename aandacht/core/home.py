"""Panels that other apps add to a role's section of the home page.

Core knows nothing of contacts or rosters; those apps register a provider per
role in their AppConfig.ready(), and the home page shows what they return.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aandacht.core.models import User


@dataclass(frozen=True)
class HomePanel:
    template: str
    context: dict[str, Any] = field(default_factory=dict)


Provider = Callable[[User], HomePanel | None]
_providers: dict[str, list[Provider]] = defaultdict(list)


def register_home_panel(role: str, provider: Provider) -> None:
    if provider not in _providers[role]:
        _providers[role].append(provider)


def home_panels(user: User, role: str) -> list[HomePanel]:
    panels = (provider(user) for provider in _providers[role])
    return [panel for panel in panels if panel is not None]
