"""Excel output shared by every Polku export: streamed, typed, safe to open.

Write-only workbooks keep memory flat however many rows there are. Text that a spreadsheet would read as a
formula (starting with =, +, -, @, tab or carriage return) is prefixed with an apostrophe, so opening an export
never runs anything.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value):
    """Defuse text that a spreadsheet would run as a formula; other types pass through."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


@dataclass(frozen=True)
class Column:
    header: str
    width: int = 14
    number_format: str | None = None  # e.g. "0.0%", "0.00", "yyyy-mm-dd"


def add_sheet(workbook: Workbook, title: str, columns: Sequence[Column], rows: Iterable[Sequence]) -> None:
    """A sheet with a bold, frozen header row, a filter over the data, set widths and typed cells."""
    sheet = workbook.create_sheet(title=title[:31])
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=neutralise(str(column.header)))
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    # A styled cell object only where a column has a number format or a value is a datetime; a plain value is
    # written as the same cell for much less work (openpyxl gives a date its yyyy-mm-dd format by itself).
    formats = [column.number_format for column in columns]
    count = 0
    for row in rows:
        count += 1
        cells = []
        for number_format, value in zip(formats, row, strict=True):
            value = neutralise(value)
            if number_format or isinstance(value, datetime):
                value = WriteOnlyCell(sheet, value=value)
                value.number_format = number_format or "yyyy-mm-dd"
            cells.append(value)
        sheet.append(cells)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"


def new_workbook() -> Workbook:
    return Workbook(write_only=True)


def response(workbook: Workbook, filename: str) -> HttpResponse:
    buffer = BytesIO()
    workbook.save(buffer)
    result = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    result["Content-Disposition"] = f'attachment; filename="{filename}"'
    return result
