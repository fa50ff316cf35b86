"""The call-back number encrypted at rest with Fernet (AES-128-CBC + HMAC).

The keys come from `settings.CALLBACK_KEYS` (the environment variable
`AANDACHT_CALLBACK_KEY`, comma-separated): the first encrypts, every one
decrypts, so a key can be rotated by putting the new one first and removing
the old one after seven days, when no number encrypted with it is left.
Removing a key also makes any stray copy of an old token (a backup, a dead
database page) unreadable for good.

Every failure is an exception with a reason the screen can explain, never a
traceback: no key, a key that is not a Fernet key, or a token that no key
opens (the key was changed, or the value was tampered with).
"""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.views.decorators.debug import sensitive_variables


class CallbackKeyError(Exception):
    """The encryption key is missing or malformed: nothing can be encrypted."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # "missing" or "malformed"


class NumberUnreadable(Exception):
    """No configured key opens the stored number."""


def key_problem() -> str | None:
    """ "missing", "malformed", or None when the keys are usable."""
    keys: list[str] = list(getattr(settings, "CALLBACK_KEYS", []) or [])
    if not keys:
        return "missing"
    for key in keys:
        try:
            Fernet(key)
        except (ValueError, TypeError):
            return "malformed"
    return None


def _fernet() -> MultiFernet:
    problem = key_problem()
    if problem is not None:
        raise CallbackKeyError(problem)
    return MultiFernet([Fernet(key) for key in settings.CALLBACK_KEYS])


@sensitive_variables("number")
def encrypt_number(number: str) -> str:
    return _fernet().encrypt(number.encode()).decode("ascii")


@sensitive_variables("number")
def decrypt_number(token: str) -> str:
    try:
        number = _fernet().decrypt(token.encode("ascii"))
    except InvalidToken:
        raise NumberUnreadable from None
    return number.decode()
