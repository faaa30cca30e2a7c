"""Excel output shared by every Polku export: streamed, typed, safe to open.

A small SpreadsheetML writer of our own: each sheet's XML is written straight into the zip as its rows arrive, so
memory stays flat however many rows there are, and a cell costs a couple of microseconds (openpyxl's write-only
mode takes ~25 µs, XlsxWriter ~12 µs: measured on the funder workbook's Clients sheet, see docs/performance.md).
Strings are inline (no shared-string table that would grow with the data); numbers, dates and booleans are real
Excel types; a column's number format is a style of the workbook.

Text that a spreadsheet would read as a formula (starting with =, +, -, @, tab or carriage return) is prefixed with
an apostrophe, and no cell is ever written as a formula, so opening an export never runs anything.
"""

import math
import numbers
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from io import BytesIO
from xml.sax.saxutils import escape, quoteattr

from django.http import HttpResponse
from django.utils.functional import Promise

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "yyyy-mm-dd"
# Deflate level 1: a third of the default level's CPU for a file about a fifth larger (sheet XML compresses well).
COMPRESS_LEVEL = 1
# Rows are joined and compressed this many at a time: fewer, larger writes into the zip stream.
ROWS_PER_WRITE = 512
# Below this the finished file stays in memory; a larger one goes to a temporary file.
SPOOL_BYTES = 2**20

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# Number formats Excel knows by id; any other gets a custom id from 164 on.
BUILTIN_FORMATS = {"0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10}
EXCEL_EPOCH = date(1899, 12, 30).toordinal()

# Text that needs more than a plain copy: XML's special characters, a carriage return (XML would read it as a line
# feed), characters XML 1.0 cannot carry, Excel's own _xHHHH_ escapes, and leading or trailing whitespace.
_SPECIAL = re.compile(r"[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]|_x[0-9A-Fa-f]{4}_|^\s|\s$")
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_INVALID_TITLE = re.compile(r"[\[\]:*?/\\]")


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


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def excel_serial(value: date | datetime | time) -> int | float:
    """Days since Excel's epoch (1899-12-30), the day's fraction for a time; dates before March 1900 are one day
    lower, as Excel counts a 29 February 1900 that never was."""
    if isinstance(value, time):
        return (value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6) / 86400
    if isinstance(value, datetime) and value.tzinfo is not None:
        raise TypeError("Excel has no time zones: convert the datetime to local time and drop its tzinfo")
    days = value.toordinal() - EXCEL_EPOCH
    if 0 < days <= 60:
        days -= 1
    if isinstance(value, datetime) and value.time() != time():
        return days + excel_serial(value.time())
    return days


def _text(value: str) -> str:
    """The cell text as XML element content, with whitespace kept where it would otherwise be trimmed."""
    if not _SPECIAL.search(value):
        return f"<t>{value}</t>"
    escaped = _UNWRITABLE.sub(lambda match: f"_x{ord(match.group()[0]):04X}_", value)
    escaped = escape(escaped, {"\r": "&#13;"})
    if value[0].isspace() or value[-1].isspace():
        return f'<t xml:space="preserve">{escaped}</t>'
    return f"<t>{escaped}</t>"


class Workbook:
    """A write-only workbook: `add_sheet()` streams each sheet into the zip, `save()` finishes and copies it out."""

    def __init__(self):
        # The file lives as long as the workbook (save() may be called more than once); garbage collection closes it.
        self._file = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115
        self._zip = zipfile.ZipFile(self._file, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL)
        self._sheets: list[tuple[str, str]] = []  # (title, the auto-filter's range in $A$1 form, or "")
        self._formats: dict[str, int] = {}  # number format -> style (cellXfs) index
        self._finished = False

    @property
    def sheetnames(self) -> list[str]:
        return [title for title, _filtered in self._sheets]

    def _style(self, number_format: str) -> int:
        """The style index of a number format; 0 is the default style and 1 the bold header."""
        if number_format not in self._formats:
            self._formats[number_format] = len(self._formats) + 2
        return self._formats[number_format]

    def _title(self, title: str) -> str:
        """A valid, unique sheet name: no []:*?/\\, no leading or trailing apostrophe, at most 31 characters."""
        title = _INVALID_TITLE.sub(" ", str(title)).strip("'").strip()[:31] or f"Sheet{len(self._sheets) + 1}"
        taken = {name.casefold() for name in self.sheetnames}
        candidate, number = title, 1
        while candidate.casefold() in taken:
            number += 1
            suffix = f" ({number})"
            candidate = title[: 31 - len(suffix)] + suffix
        return candidate

    def add_sheet(self, title: str, columns: Sequence[Column], rows: Iterable[Sequence]) -> None:
        if self._finished:
            raise ValueError("the workbook is already saved")
        title = self._title(title)
        number = len(self._sheets) + 1
        last = column_letter(len(columns))
        with self._zip.open(f"xl/worksheets/sheet{number}.xml", "w") as stream:
            stream.write(self._sheet_head(number == 1, columns).encode())
            count = self._write_rows(stream, columns, rows)
            tail = f'</sheetData><autoFilter ref="A1:{last}{count + 1}"/>' if columns else "</sheetData>"
            margins = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
            stream.write(f"{tail}{margins}</worksheet>".encode())
        self._sheets.append((title, f"$A$1:${last}${count + 1}" if columns else ""))

    def _sheet_head(self, selected: bool, columns: Sequence[Column]) -> str:
        tab = ' tabSelected="1"' if selected else ""
        widths = "".join(
            f'<col min="{index}" max="{index}" width="{column.width}" customWidth="1"'
            + (f' style="{self._style(column.number_format)}"/>' if column.number_format else "/>")
            for index, column in enumerate(columns, start=1)
        )
        header = "".join(
            f'<c r="{column_letter(index)}1" s="1" t="inlineStr"><is>{_text(neutralise(str(column.header)))}</is></c>'
            for index, column in enumerate(columns, start=1)
            if str(column.header)
        )
        return (
            f'{XML_HEAD}<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
            f'<sheetViews><sheetView workbookViewId="0"{tab}>'
            '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
            '<sheetFormatPr defaultRowHeight="15"/>'
            + (f"<cols>{widths}</cols>" if columns else "")
            + f'<sheetData><row r="1">{header}</row>'
        )

    def _write_rows(self, stream, columns: Sequence[Column], rows: Iterable[Sequence]) -> int:
        """Write the data rows from row 2 on; returns how many there were. This loop is the export's hot path."""
        letters = [column_letter(index) for index in range(1, len(columns) + 1)]
        # A column's number format styles all its cells; a date in a column without one is shown as yyyy-mm-dd.
        styles = [f' s="{self._style(column.number_format)}"' if column.number_format else "" for column in columns]
        date_styles = [style or f' s="{self._style(DATE_FORMAT)}"' for style in styles]
        triggers = FORMULA_TRIGGERS
        special = _SPECIAL.search
        parts = []
        append = parts.append
        count = 0
        for count, row in enumerate(rows, start=1):
            number = count + 1
            append(f'<row r="{number}">')
            for letter, style, date_style, value in zip(letters, styles, date_styles, row, strict=True):
                kind = value.__class__
                if kind is str and value:
                    if value.startswith(triggers):
                        value = "'" + value
                    text = _text(value) if special(value) else f"<t>{value}</t>"
                    append(f'<c r="{letter}{number}"{style} t="inlineStr"><is>{text}</is></c>')
                elif value is None or kind is str:
                    if style:  # an empty cell keeps its column's format, for a value typed in later
                        append(f'<c r="{letter}{number}"{style}/>')
                elif kind is int or kind is float or kind is Decimal:
                    if kind is not int and not math.isfinite(value):
                        continue  # Excel has no NaN or infinity: an empty cell
                    append(f'<c r="{letter}{number}"{style}><v>{value}</v></c>')
                elif kind is date:
                    serial = value.toordinal() - EXCEL_EPOCH
                    if serial <= 60:  # before March 1900: Excel's leap-year bug
                        serial = excel_serial(value)
                    append(f'<c r="{letter}{number}"{date_style}><v>{serial}</v></c>')
                elif kind is datetime or kind is time:
                    append(f'<c r="{letter}{number}"{date_style}><v>{excel_serial(value)}</v></c>')
                elif kind is bool:
                    append(f'<c r="{letter}{number}"{style} t="b"><v>{int(value)}</v></c>')
                else:
                    append(self._other_cell(f"{letter}{number}", style, date_style, value))
            append("</row>")
            if count % ROWS_PER_WRITE == 0:
                stream.write("".join(parts).encode())
                parts.clear()
        stream.write("".join(parts).encode())
        return count

    def _other_cell(self, ref: str, style: str, date_style: str, value) -> str:
        """Subclasses of the plain types (SafeString, TextChoices, IntEnum), other numbers and lazy translations."""
        if isinstance(value, Promise):
            value = str(value)
        if isinstance(value, bool):
            return f'<c r="{ref}"{style} t="b"><v>{int(value)}</v></c>'
        if isinstance(value, str):
            value = neutralise(str(value))
            return f'<c r="{ref}"{style} t="inlineStr"><is>{_text(value)}</is></c>' if value else ""
        if isinstance(value, numbers.Integral):
            return f'<c r="{ref}"{style}><v>{int(value)}</v></c>'
        if isinstance(value, numbers.Real | Decimal):
            return f'<c r="{ref}"{style}><v>{float(value)!r}</v></c>' if math.isfinite(value) else ""
        if isinstance(value, date | time):
            return f'<c r="{ref}"{date_style}><v>{excel_serial(value)}</v></c>'
        raise TypeError(f"Cannot write {type(value).__name__} to Excel: {value!r}")

    def _finish(self) -> None:
        if self._finished:
            return
        if not self._sheets:
            raise ValueError("a workbook needs at least one sheet")
        sheets = range(1, len(self._sheets) + 1)
        write = self._zip.writestr
        write(
            "[Content_Types].xml",
            f'{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            + "".join(
                f'<Override PartName="/xl/worksheets/sheet{number}.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                for number in sheets
            )
            + '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
        )
        write(
            "_rels/.rels",
            f'{XML_HEAD}<Relationships xmlns="{PKG_REL_NS}"><Relationship Id="rId1" '
            f'Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        write(
            "xl/_rels/workbook.xml.rels",
            f'{XML_HEAD}<Relationships xmlns="{PKG_REL_NS}">'
            + "".join(
                f'<Relationship Id="rId{number}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{number}.xml"/>'
                for number in sheets
            )
            + f'<Relationship Id="rId{len(sheets) + 1}" Type="{REL_NS}/styles" Target="styles.xml"/></Relationships>',
        )
        write("xl/workbook.xml", self._workbook_xml())
        write("xl/styles.xml", self._styles_xml())
        self._zip.close()
        self._finished = True

    def _workbook_xml(self) -> str:
        sheets = "".join(
            f'<sheet name={quoteattr(title)} sheetId="{number}" r:id="rId{number}"/>'
            for number, (title, _filtered) in enumerate(self._sheets, start=1)
        )
        # Excel keeps each auto-filter's range as a hidden name, and expects to find it.
        names = "".join(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{index}" hidden="1">'
            + escape("'" + title.replace("'", "''") + "'!" + filtered)
            + "</definedName>"
            for index, (title, filtered) in enumerate(self._sheets)
            if filtered
        )
        return (
            f'{XML_HEAD}<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
            f'<bookViews><workbookView activeTab="0"/></bookViews><sheets>{sheets}</sheets>'
            + (f"<definedNames>{names}</definedNames>" if names else "")
            + "</workbook>"
        )

    def _styles_xml(self) -> str:
        custom = {}
        for number_format in self._formats:
            if number_format not in BUILTIN_FORMATS:
                custom[number_format] = 164 + len(custom)
        formats = "".join(
            f"<numFmt numFmtId={quoteattr(str(ident))} formatCode={quoteattr(code)}/>" for code, ident in custom.items()
        )
        cell = '<xf numFmtId="{}" fontId="{}" fillId="0" borderId="0" xfId="0"{}/>'
        xfs = [cell.format(0, 0, ""), cell.format(0, 1, ' applyFont="1"')] + [
            cell.format(BUILTIN_FORMATS.get(code) or custom[code], 0, ' applyNumberFormat="1"')
            for code in self._formats
        ]
        font = '<font>{}<sz val="11"/><name val="Calibri"/><family val="2"/></font>'
        return (
            f'{XML_HEAD}<styleSheet xmlns="{MAIN_NS}">'
            + (f'<numFmts count="{len(custom)}">{formats}</numFmts>' if custom else "")
            + f'<fonts count="2">{font.format("")}{font.format("<b/>")}</fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
        )

    def save(self, target) -> None:
        """Finish the file (no sheets can be added after) and copy it to a path or a binary file object."""
        self._finish()
        self._file.seek(0)
        if isinstance(target, str | os.PathLike):
            with open(target, "wb") as out:
                shutil.copyfileobj(self._file, out)
        else:
            shutil.copyfileobj(self._file, target)


def add_sheet(workbook: Workbook, title: str, columns: Sequence[Column], rows: Iterable[Sequence]) -> None:
    """A sheet with a bold, frozen header row, a filter over the data, set widths and typed cells."""
    workbook.add_sheet(title, columns, rows)


def new_workbook() -> Workbook:
    return Workbook()


def response(workbook: Workbook, filename: str) -> HttpResponse:
    buffer = BytesIO()
    workbook.save(buffer)
    result = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    result["Content-Disposition"] = f'attachment; filename="{filename}"'
    return result
