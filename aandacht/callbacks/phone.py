"""Dutch phone numbers as a volunteer types them, checked and made uniform.

A pure module (no Django): the form and the service both call `normalise`,
and the number is encrypted in its uniform shape, ten digits starting with 0
("0612345678"), so the Vraagwijzer reads it the same way whoever typed it.

Accepted: mobile (06...), landline (010..., 0181...) and other ten-digit
national numbers, written with spaces, dashes, dots, slashes or brackets,
and in international form (+31 6..., 0031 6..., +31 (0)6...). Refused, each
with its own message: letters, foreign numbers (the line calls back within
the Netherlands only), numbers of the wrong length, and premium-rate numbers
(0900, 0906, 0909), which would cost the line money per minute.

The check is on shape, not on the numbering plan's current allocation: the
plan changes, and a volunteer on the phone must not be stopped by a range
this code does not know yet.
"""

from __future__ import annotations

import re

SEPARATORS = re.compile(r"[\s\-./()]")
NATIONAL = re.compile(r"0[1-9]\d{8}")
PREMIUM_RATE = ("0900", "0906", "0909")


class PhoneError(ValueError):
    """The text is not a Dutch phone number the line can call back.

    `code` says why, so the form can show a translated message.
    """

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def normalise(text: str) -> str:
    """The number as ten digits starting with 0, or `PhoneError`."""
    compact = SEPARATORS.sub("", text.strip())
    if not compact:
        raise PhoneError("empty")
    national = _national(compact)
    if not national.isdigit():
        raise PhoneError("characters")
    if national.startswith(PREMIUM_RATE):  # 8 or 11 digits long: check first
        raise PhoneError("premium")
    if not NATIONAL.fullmatch(national):
        raise PhoneError("length")
    return national


def _national(compact: str) -> str:
    """Turn +31 / 0031 (with an optional (0) after it) into the leading 0."""
    for prefix in ("+31", "0031"):
        if compact.startswith(prefix):
            rest = compact[len(prefix) :]
            return rest if rest.startswith("0") else "0" + rest
    if compact.startswith(("+", "00")):
        raise PhoneError("foreign")
    return compact


def display(number: str) -> str:
    """A readable form: "06 1234 5678" for mobiles, the digits otherwise.

    Landline area codes are two or three digits long, and only a table
    could tell which, so those are shown as typed digits, still dialable.
    """
    if number.startswith("06") and len(number) == 10:
        return f"06 {number[2:6]} {number[6:]}"
    return number


def international(number: str) -> str:
    """The `tel:` form (+31...), so a softphone can dial it with one click."""
    return "+31" + number[1:]
