"""Text as the scrubber reads it: one form for the characters pasted text brings.

Pasted chat and mail text and a word processor's autocorrect write a phone
number or an IBAN with a no-break space (U+00A0), a narrow no-break space
(U+202F), an en or em dash, zero-width characters or full-width digits. The
scrubber's patterns know plain spaces, hyphens and ASCII digits. Rather than
teach every pattern every variant, the scrubber reads a normalised copy of
the text and maps what it finds back to the original, whose own characters
outside the replaced spans are kept exactly as they were.

Per character: format characters (zero-width spaces and joiners, the word
joiner, the byte-order mark, the soft hyphen, direction marks) are dropped;
every Unicode space becomes a plain space, line and paragraph separators a
newline, every dash and the minus sign a hyphen; anything else takes its
NFKC form (full-width digits and letters become ASCII, ligatures their
letters). Combining marks stay as they are.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_DASHES = {"\u2212": "-", "\u2796": "-", "\ufe63": "-", "\uff0d": "-"}


@dataclass(frozen=True, slots=True)
class Normalised:
    """A normalised text and, for each of its characters, where it came from.

    ``origin[i]`` is the index in the original text of the character that
    gave ``text[i]``; ``origin[len(text)]`` is the original's length.
    """

    text: str
    origin: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that ``text[start:end]`` came from."""
        if start >= end:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


def normalise(text: str) -> Normalised:
    """``text`` in the form the scrubber reads; plain ASCII comes back as is."""
    if text.isascii():
        return Normalised(text, tuple(range(len(text) + 1)))
    pieces: list[str] = []
    origin: list[int] = []
    for index, character in enumerate(text):
        replacement = _normal_form(character)
        pieces.append(replacement)
        origin.extend([index] * len(replacement))
    origin.append(len(text))
    return Normalised("".join(pieces), tuple(origin))


def _normal_form(character: str) -> str:
    if character.isascii():
        return character
    category = unicodedata.category(character)
    if category == "Cf":
        return ""
    if category == "Zs":
        return " "
    if category in ("Zl", "Zp"):
        return "\n"
    if category == "Pd":
        return "-"
    if category.startswith("M"):
        return character
    return _DASHES.get(character) or unicodedata.normalize("NFKC", character)
