"""Excel output shared by every Polku export: openpyxl in write-only mode (lxml installed), typed, safe to open.

A small column/format API over openpyxl: each sheet has a bold, frozen header row, a filter over its data, set column
widths and one number format per column; rows stream into the file as they arrive, so memory stays flat however
many rows there are. Numbers, dates, datetimes (with their time) and booleans are real Excel types.

Text that a spreadsheet would read as a formula (starting with =, +, -, @, tab or carriage return) is prefixed with
an apostrophe, and no cell is ever written as a formula, so opening an export never runs anything. Text longer than
an Excel cell holds (32,767 characters) is cut and ends with CUT_MARKER, so a reader sees that something is missing.
"""

import math
import numbers
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from django.http import FileResponse
from django.utils.functional import Promise
from openpyxl import Workbook as OpenpyxlWorkbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
# Excel's limit on the characters of one cell, and what ends a text cut to fit it.
CELL_MAX = 32767
CUT_MARKER = " […]"
# Below this the finished file stays in memory; a larger one goes to a temporary file.
SPOOL_BYTES = 2**20

# Characters XML 1.0 cannot carry, and a literal _xHHHH_ (Excel would read it as an escape): written as Excel's own
# _xHHHH_ escape, so that the text reads back the same.
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_INVALID_TITLE = re.compile(r"[\[\]:*?/\\]")
_BOLD = Font(bold=True)


def neutralise(value):
    """Defuse text that a spreadsheet would run as a formula; other types pass through."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def fit(text: str) -> str:
    """Neutralised, escaped where XML cannot carry a character, and cut to Excel's cell limit with a marker."""
    text = neutralise(text)
    if _UNWRITABLE.search(text):
        text = _UNWRITABLE.sub(lambda match: f"_x{ord(match.group()[0]):04X}_", text)
    if len(text) > CELL_MAX:
        text = text[: CELL_MAX - len(CUT_MARKER)] + CUT_MARKER
    return text


@dataclass(frozen=True)
class Column:
    header: str
    width: int = 14
    number_format: str | None = None  # e.g. "0.0%", "0.00", "yyyy-mm-dd"


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    return get_column_letter(index)


def _value(value):
    """A Python value as openpyxl should write it: text made safe, numbers plain, None for what Excel cannot hold."""
    kind = value.__class__
    if kind is str:
        return fit(value) if value else None
    if kind is int or kind is date or kind is bool or value is None:
        return value
    if kind is float or kind is Decimal:
        return float(value) if math.isfinite(value) else None  # Excel has no NaN or infinity: an empty cell
    if isinstance(value, datetime | time):
        if value.tzinfo is not None:
            raise TypeError("Excel has no time zones: convert the datetime to local time and drop its tzinfo")
        return value
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, str):
        return fit(str(value)) if value else None
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real | Decimal):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, date):
        return value
    raise TypeError(f"Cannot write {type(value).__name__} to Excel: {value!r}")


class _StyledCell(Cell):
    """A write-only cell with a number format. openpyxl's append() takes a cell after trying it as a value, and the
    error it builds for that prints the cell: Cell's repr computes the coordinate, this one costs nothing."""

    __slots__ = ()

    def __repr__(self):
        return "<StyledCell>"


def _style(sheet, number_format: str):
    """The style of a cell with this number format, made once per format and sheet."""
    cell = WriteOnlyCell(sheet)
    cell.number_format = number_format
    return cell._style


class Workbook:
    """A write-only workbook: `add_sheet()` streams each sheet, `save()` finishes the file and copies it out."""

    def __init__(self):
        self._book = OpenpyxlWorkbook(write_only=True)
        self._file = None
        self._sheets: list[str] = []

    @property
    def sheetnames(self) -> list[str]:
        return list(self._sheets)

    def _title(self, title: str) -> str:
        """A valid, unique sheet name: no []:*?/\\, no leading or trailing apostrophe, at most 31 characters."""
        title = _INVALID_TITLE.sub(" ", str(title)).strip("'").strip()[:31] or f"Sheet{len(self._sheets) + 1}"
        taken = {name.casefold() for name in self._sheets}
        candidate, number = title, 1
        while candidate.casefold() in taken:
            number += 1
            suffix = f" ({number})"
            candidate = title[: 31 - len(suffix)] + suffix
        return candidate

    def add_sheet(self, title: str, columns: Sequence[Column], rows: Iterable[Sequence]) -> None:
        if self._file is not None:
            raise ValueError("the workbook is already saved")
        title = self._title(title)
        sheet = self._book.create_sheet(title)
        # Widths and the frozen header are written at the sheet's head: set before the first row.
        for index, column in enumerate(columns, start=1):
            sheet.column_dimensions[column_letter(index)].width = column.width
        sheet.freeze_panes = "A2"
        header = []
        for column in columns:
            cell = WriteOnlyCell(sheet, fit(str(column.header)) or None)
            cell.font = _BOLD
            header.append(cell)
        sheet.append(header)
        try:
            count = self._write_rows(sheet, columns, rows)
        except BaseException:
            # Finish the refused sheet's XML now: left open, its writer is found half-written by the collector.
            sheet.close()
            raise
        if columns:
            sheet.auto_filter.ref = f"A1:{column_letter(len(columns))}{count + 1}"
        self._sheets.append(title)

    @staticmethod
    def _write_rows(sheet, columns: Sequence[Column], rows: Iterable[Sequence]) -> int:
        """Write the data rows from row 2 on; returns how many there were. This loop is the export's hot path.

        Most values go in plain, openpyxl's fast path. A styled cell is made only where a column has a format (an
        empty cell keeps it) or a datetime needs one, from a style made once per format (setting `number_format`
        on every cell looked the format up every time); a date in a date column gets "yyyy-mm-dd" from openpyxl.
        """
        formats = [column.number_format for column in columns]
        width = len(columns)
        styles = {}
        count = 0
        for count, row in enumerate(rows, start=1):
            if len(row) != width:
                raise ValueError(f"row {count} has {len(row)} cells for {width} columns")
            cells = []
            for number_format, value in zip(formats, row, strict=True):
                value = _value(value)
                kind = value.__class__
                if number_format is None:
                    if kind is not datetime:
                        cells.append(value)
                        continue
                    number_format = DATETIME_FORMAT
                elif number_format == DATE_FORMAT and kind is date:
                    cells.append(value)
                    continue
                style = styles.get(number_format)
                if style is None:
                    style = styles[number_format] = _style(sheet, number_format)
                cells.append(_StyledCell(sheet, 1, 1, value, style))
            sheet.append(cells)
        return count

    def _finish(self) -> None:
        if self._file is not None:
            return
        if not self._sheets:
            raise ValueError("a workbook needs at least one sheet")
        # The file lives as long as the workbook (save() may be called more than once); garbage collection closes it.
        self._file = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115
        self._book.save(self._file)

    def save(self, target) -> None:
        """Finish the file (no sheets can be added after) and copy it to a path or a binary file object."""
        self._finish()
        self._file.seek(0)
        if isinstance(target, str | os.PathLike):
            with open(target, "wb") as out:
                shutil.copyfileobj(self._file, out)
        else:
            shutil.copyfileobj(self._file, target)

    def open(self):
        """The finished file, read from its start: a response streams it without a second copy in memory."""
        self._finish()
        self._file.seek(0)
        return self._file


def add_sheet(workbook: Workbook, title: str, columns: Sequence[Column], rows: Iterable[Sequence]) -> None:
    """A sheet with a bold, frozen header row, a filter over the data, set widths and typed cells."""
    workbook.add_sheet(title, columns, rows)


def new_workbook() -> Workbook:
    return Workbook()


def response(workbook: Workbook, filename: str) -> FileResponse:
    """The download, streamed from the built file."""
    return FileResponse(workbook.open(), as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE)
