"""The coordinator's list as a CSV file that Excel opens as it is.

UTF-8 with a byte-order mark, so Excel reads the accents in names. Excel
splits on the list separator of the computer's language: a semicolon where
the decimal separator is a comma (Dutch), else a comma. The columns hold the
volunteer's name and user name and numbers only, never other free text.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _

from aandacht.training.selectors import RegionOverview

BOM = "\ufeff"
# A cell starting with one of these is a formula to a spreadsheet.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(value: str) -> str:
    return f"'{value}" if value.startswith(FORMULA_START) else value


def _number(value: Decimal, decimal_separator: str) -> str:
    return str(value).replace(".", decimal_separator)


def overview_csv(overview: RegionOverview) -> str:
    decimal_separator = str(formats.get_format("DECIMAL_SEPARATOR"))
    delimiter = ";" if decimal_separator == "," else ","
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(
        [
            _("Volunteer"),
            _("User name"),
            _("Year"),
            _("Half-days attended"),
            _("Half-days owed by now"),
            _("Half-days owed per year"),
            _("Behind"),
        ]
    )
    for row in overview.rows:
        writer.writerow(
            [
                _text(row.volunteer.display_name),
                _text(row.volunteer.username),
                overview.year,
                row.attended,
                _number(row.owed, decimal_separator),
                overview.required,
                _("yes") if row.behind else _("no"),
            ]
        )
    return BOM + out.getvalue()
