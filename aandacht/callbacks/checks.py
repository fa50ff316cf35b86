"""A system check for the encryption key of call-back numbers.

Without a key Aandacht still starts (every other screen works), but the
call-back form says it cannot record requests, and `manage.py check` warns
here so an administrator sees it before a volunteer does. A key that is not a
Fernet key is an error: a value was set, and it is wrong.
"""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Error, Warning

from aandacht.callbacks.crypto import key_problem

HINT = (
    "Set AANDACHT_CALLBACK_KEY to a Fernet key, made with: python -c "
    '"from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"'
)


def callback_key_check(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    problem = key_problem()
    if problem == "missing":
        return [
            Warning(
                "AANDACHT_CALLBACK_KEY is not set: call-back requests cannot be "
                "recorded.",
                hint=HINT,
                id="callbacks.W001",
            )
        ]
    if problem == "malformed":
        return [
            Error(
                "AANDACHT_CALLBACK_KEY is not a valid Fernet key (32 bytes, URL-safe "
                "base64): call-back requests cannot be recorded.",
                hint=HINT,
                id="callbacks.E001",
            )
        ]
    return []
