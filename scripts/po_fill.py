"""Fill or fix Dutch translations from a small JSON mapping (msgid -> msgstr).

Clears the fuzzy flag of each entry it sets. For the occasional new string;
larger batches are easier with a translator and a PO editor.

    python scripts/po_fill.py '{"Make current": "In gebruik nemen"}'

A plural entry takes a list: the singular and the plural translation.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parent.parent / "locale/nl/LC_MESSAGES/django.po"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def fill(mapping: dict[str, str | list[str]]) -> list[str]:
    entries = CATALOGUE.read_text().split("\n\n")
    missing = set(mapping)
    for index, entry in enumerate(entries):
        match = re.search(r'^msgid ((?:".*"\n?)+)', entry, re.M)
        if not match:
            continue
        msgid = "".join(re.findall(r'"(.*)"', match.group(1)))
        msgid = msgid.encode().decode("unicode_escape").encode("latin-1").decode()
        if msgid not in mapping or ("msgid_plural" in entry) != isinstance(
            mapping[msgid], list
        ):
            continue
        lines = [
            line
            for line in entry.splitlines()
            if not line.startswith("#|") and line.strip() != "#, fuzzy"
        ]
        lines = [line.replace("#, fuzzy, ", "#, ") for line in lines]
        head = "\n".join(lines)
        head = head[: head.index("msgstr")]
        entries[index] = head + _msgstr(mapping[msgid])
        missing.discard(msgid)
    CATALOGUE.write_text("\n\n".join(entries))
    return sorted(missing)


def _msgstr(translation: str | list[str]) -> str:
    if isinstance(translation, str):
        return f"msgstr {_quote(translation)}"
    return "\n".join(
        f"msgstr[{number}] {_quote(form)}" for number, form in enumerate(translation)
    )


if __name__ == "__main__":
    not_found = fill(json.loads(sys.argv[1]))
    if not_found:
        sys.exit(f"Not in the catalogue: {not_found}")
