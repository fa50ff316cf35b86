"""A partner report as an Excel workbook (openpyxl).

The first sheet explains the report and its suppression rule; then one
sheet per table. Shown counts are numbers, so a partner can calculate with
them; suppressed counts are the text "< 10" or the hidden mark, exactly as on screen,
so no formula can mistake them for a value.
"""

from __future__ import annotations

from io import BytesIO

from django.utils import formats
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from aandacht.insights.partner.rule import rule_lines
from aandacht.insights.partner.selectors import PartnerReport
from aandacht.insights.partner.tables import Figure, PublishedTable, Share

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
SUPPRESSED = PatternFill("solid", fgColor="FFF6D6")
HEADER = PatternFill("solid", fgColor="E4EBF1")
# Where each table sheet's header row is; the rows follow it.
HEADER_ROW = 4


def report_xlsx(report: PartnerReport) -> bytes:
    workbook = Workbook()
    _explain(workbook.worksheets[0], report)
    for table in report.tables:
        _table_sheet(workbook.create_sheet(_sheet_title(table.short)), table)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_title(title: str) -> str:
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in title)
    return cleaned[:31]


def _explain(sheet: Worksheet, report: PartnerReport) -> None:
    sheet.title = _sheet_title(_("Explanation"))
    sheet["A1"] = _("Partner report: %(region)s") % {"region": report.region.name}
    sheet["A1"].font = TITLE
    rows = [
        (_("Region"), report.region.name),
        (
            _("Period"),
            _("%(first)s to %(last)s")
            % {
                "first": formats.date_format(report.first_day, "j F Y"),
                "last": formats.date_format(report.last_day, "j F Y"),
            },
        ),
        (_("Made on"), formats.date_format(report.made_at, "j F Y H:i")),
    ]
    for offset, (label, value) in enumerate(rows, start=3):
        sheet.cell(row=offset, column=1, value=label).font = BOLD
        sheet.cell(row=offset, column=2, value=value)
    start = 3 + len(rows) + 1
    for offset, line in enumerate(rule_lines()):
        cell = sheet.cell(row=start + offset, column=1, value=line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells(
            start_row=start + offset,
            end_row=start + offset,
            start_column=1,
            end_column=6,
        )
        sheet.row_dimensions[start + offset].height = 48
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 40


def _put(sheet: Worksheet, row: int, column: int, figure: Figure) -> None:
    cell = sheet.cell(row=row, column=column, value=figure.value)
    if not figure.shown:
        cell.value = figure.text
        cell.fill = SUPPRESSED
        cell.alignment = Alignment(horizontal="right")


def _put_share(sheet: Worksheet, row: int, column: int, share: Share) -> None:
    cell = sheet.cell(row=row, column=column)
    if share.percent is None:
        cell.value = share.text
        cell.fill = SUPPRESSED
        cell.alignment = Alignment(horizontal="right")
    else:
        cell.value = share.percent / 100
        cell.number_format = "0.0%"


def _table_sheet(sheet: Worksheet, table: PublishedTable) -> None:
    sheet["A1"] = table.title
    sheet["A1"].font = TITLE
    sheet["A2"] = table.note
    header = [table.row_title, *(label for _c, label in table.columns)]
    header += [_("Total"), _("Share")]
    for column, text in enumerate(header, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=column, value=text)
        cell.font = BOLD
        cell.fill = HEADER
    width = len(table.columns)
    for offset, published in enumerate(table.rows, start=1):
        row = HEADER_ROW + offset
        sheet.cell(row=row, column=1, value=published.label)
        for column, figure in enumerate(published.cells, start=2):
            _put(sheet, row, column, figure)
        _put(sheet, row, width + 2, published.total)
        _put_share(sheet, row, width + 3, published.share)
    if table.column_totals is not None:
        row = HEADER_ROW + len(table.rows) + 1
        sheet.cell(row=row, column=1, value=_("Total")).font = BOLD
        for column, figure in enumerate(table.column_totals, start=2):
            _put(sheet, row, column, figure)
        if table.grand_total is not None:
            _put(sheet, row, width + 2, table.grand_total)
    sheet.column_dimensions["A"].width = 34
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=2)
