"""Identifiers known by where they stand, not by a format or a list.

A pure module, used by :mod:`aandacht.privacy.scrub`. Each function returns
``(kind, start, end)`` spans in the text it is given:

* ``NUMMER``: a number that identifies someone but has no known format: a
  patient, client, case, dossier, member or customer number. Any run of six
  or more digits (amounts, years, times and counts are shorter or written
  with separators), and after a word like "nummer", "nr" or "kenmerk" a
  code of letters and digits with at least four digits.
* ``KAMER``: a room or bed in a care home, hospital or institution ("kamer
  214", "bed 3 op kamer 12"), as one span when several follow each other.
* ``KLAS``: a school class ("klas 4B", "groep 7", "leerjaar 3"): with the
  school's name, which is kept as an institution, it points to a handful of
  children.
* ``ADRES``: a street, square, park or building that is in no list and has
  no street word, but stands where an address stands: after "woont op/aan
  (de)", "nummer 23 van de", or a word for a block of flats ("in de flat
  Zonnewende").
"""

from __future__ import annotations

import re

Span = tuple[str, int, int]

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
# One to three capitalised words, with the small words Dutch street names hold.
_NAME = (
    rf"[{_UPPER}][{_LOWER}'’-]+"
    rf"(?:\s(?:(?:van|de|der|den|het|'t|op|aan|ter|ten)\s){{0,2}}[{_UPPER}][{_LOWER}'’-]+){{0,2}}"
)

# A code of capitals and five or more digits: "ZK-204417", "KL123456".
_LETTERED_NUMBER = re.compile(r"(?<![\w-])[A-Z]{1,4}[-/]?\d{5,}(?![\w-])")
# Not an amount: "€ 125000", "125000 euro".
_LONG_NUMBER = re.compile(
    r"(?<![\w.,/+€-])(?<!€\s)\d{6,}(?![\w])(?!\s?(?i:euro|eur)\b)"
)
_NUMBER_WORD = (
    r"(?i:\w*nummer|nr\.?|no\.?|kenmerk|referentie|dossier|registratie|pasje"
    r"|klantnr\.?|lidnr\.?)"
)
_TRIGGERED_CODE = re.compile(
    rf"\b{_NUMBER_WORD}\s*[:#]?\s*"
    r"(?P<code>(?=[A-Za-z0-9./-]*(?:\d[^\d\s]*){4})[A-Za-z0-9](?:[A-Za-z0-9./-]*[A-Za-z0-9])?)"
)
# "huisnummer 23", "kamernummer 12": not a code (the room has its own rule).
_NOT_A_CODE_WORD = re.compile(r"(?i)^(?:huis|kamer|bed|telefoon|mobiel)")

_ROOM = (
    r"(?i:kamer(?:nummer|nr\.?)?|bed(?:nummer|nr\.?)?|appartement|app\.?|unit"
    r"|cel|box|paviljoen|suite)\s(?:nr\.?\s|nummer\s)?\d{1,4}(?:-?[A-Za-z])?\b"
)
_ROOMS = re.compile(rf"\b{_ROOM}(?:(?:,\s|\s(?:op|in|van|aan|en)\s){_ROOM})*")
# "ligt op 4B", "zit op 12a in het verpleeghuis": a ward or room code.
_ROOM_CODE = re.compile(
    r"\b(?i:ligt|lag|zit|zat|verblijft|woont|slaapt)\b[^.!?\n]{0,30}?\s(?:op|in)\s"
    r"(?P<code>\d{1,3}[A-Za-z](?![\w-])|[A-Za-z]\d{1,3}(?![\w-]))"
)

_CLASS = re.compile(
    r"\b(?i:klas|leerjaar)\s\d{1,2}(?:[-\s]?[A-Za-z]\b)?"
    r"|\b[1-6]\s?(?i:havo|vwo|vmbo|mavo|gymnasium|atheneum)"
    r"(?:[-\s]?[A-Za-z]\b)?(?![\w-])"
    r"|\b(?i:groep)\s[1-8][A-Za-z]?\b"
    r"(?!\s(?:mensen|personen|jongeren|vrouwen|mannen|deelnemers|leden|kinderen))"
)

# With the article: "woont op Texel" names an island, "aan de Kastanjehof" a street.
_LIVES_AT = re.compile(
    r"(?i:\b(?:woon\w*|wonen|adres\w*|verhuis\w*|verhuizen)\b)[^.!?\n]{0,25}?"
    r"\b(?:op|aan)\s(?:de|het|'t)\s"
    rf"(?P<name>{_NAME})"
)
_NUMBER_OF = re.compile(
    r"(?i:\bnummer|\bnr\.?)\s\d{1,4}[a-zA-Z]?\s(?:van|aan|op|in)\s(?:(?:de|het|'t)\s)?"
    rf"(?P<name>{_NAME})"
)
_BUILDING = re.compile(
    r"\b(?i:flat|woontoren|wooncomplex|complex|gebouw|portiekflat|galerijflat"
    r"|seniorenflat|appartementencomplex|hofje|woonhof|woonblok|torenflat"
    r"|woonvorm)\s"
    rf"(?P<name>{_NAME})"
)


def numbers(text: str) -> list[Span]:
    found: list[Span] = [
        ("NUMMER", m.start(), m.end())
        for pattern in (_LONG_NUMBER, _LETTERED_NUMBER)
        for m in pattern.finditer(text)
    ]
    for m in _TRIGGERED_CODE.finditer(text):
        word = m.group(0)[: m.start("code") - m.start()]
        if _NOT_A_CODE_WORD.search(word.strip()):
            continue
        found.append(("NUMMER", m.start("code"), m.end("code")))
    return found


def rooms(text: str) -> list[Span]:
    found = [("KAMER", m.start(), m.end()) for m in _ROOMS.finditer(text)]
    codes = _ROOM_CODE.finditer(text)
    return found + [("KAMER", m.start("code"), m.end("code")) for m in codes]


def classes(text: str) -> list[Span]:
    return [("KLAS", m.start(), m.end()) for m in _CLASS.finditer(text)]


def addresses(text: str) -> list[Span]:
    found = []
    for pattern in (_LIVES_AT, _NUMBER_OF, _BUILDING):
        for m in pattern.finditer(text):
            found.append(("ADRES", m.start("name"), m.end("name")))
    return found


ANNOTATORS = (numbers, rooms, classes, addresses)
