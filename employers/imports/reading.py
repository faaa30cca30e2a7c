"""Reading an uploaded tracker with pandas (openpyxl as its Excel engine): the header row found, empty rows dropped.

Trackers made by hand start with a title or a merged group row above the real headers, leave empty rows between
months and carry trailing spaces; a CSV comes from Excel as UTF-8 or Windows-1252 with `;` or `,`. What comes out
is a `Sheet`: the header names and, for every non-empty data row, its row number in the file and its cells as text,
numbers or dates (pandas' own types turned into plain Python ones).
"""

import csv
import io
import math
from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd
from django.conf import settings
from django.utils.translation import gettext as _

# How far down the header row is looked for: trackers rarely have more than a title and a group row above it.
HEADER_SCAN_ROWS = 10
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt")
ENCODINGS = ("utf-8-sig", "cp1252")


class ReadError(Exception):
    """A file that cannot be read as a table, with the reason in the user's language."""


@dataclass
class Sheet:
    headers: list[str]
    header_row: int  # 1-based, as a spreadsheet numbers rows
    rows: list[tuple[int, list]]  # (1-based file row number, cells)
    separator: str = ""  # a CSV's separator, kept for the error file
    encoding: str = ""
    truncated: bool = False
    extra: dict = field(default_factory=dict)

    def column(self, header: str) -> int:
        return self.headers.index(header)


def max_rows() -> int:
    return settings.IMPORT_MAX_ROWS


def file_format(filename: str) -> str:
    """ "xlsx" or "csv" from the name; .xls and anything else refused with a message saying what to do."""
    name = (filename or "").lower()
    if name.endswith(EXCEL_SUFFIXES):
        return "xlsx"
    if name.endswith(CSV_SUFFIXES):
        return "csv"
    if name.endswith(".xls"):
        # No reader for the old binary format is installed (pandas would need xlrd): say how to convert.
        raise ReadError(
            _("Old Excel files (.xls) cannot be read. Open the file in Excel and save it as .xlsx, then upload again.")
        )
    raise ReadError(_("Upload an Excel file (.xlsx) or a CSV file (.csv)."))


def _cell(value):
    """A pandas cell as a plain Python value: None for empty, stripped text, int for whole numbers, date for dates."""
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return int(value) if value.is_integer() else value
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, datetime):
        return value.date() if (value.hour, value.minute, value.second) == (0, 0, 0) else value
    if isinstance(value, date | int | bool):
        return value
    text = " ".join(str(value).split())  # trailing, leading and doubled spaces, non-breaking ones too
    return text or None


def _cap() -> int:
    """File rows read at most: the row limit with room for a title, headers and empty rows. A small file that
    unpacks into a huge sheet stops here, not after filling the memory."""
    return 2 * max_rows() + HEADER_SCAN_ROWS


def _frame(content: bytes, kind: str) -> tuple[pd.DataFrame, str, str]:
    if kind == "xlsx":
        try:
            frame = pd.read_excel(io.BytesIO(content), header=None, dtype=object, engine="openpyxl", nrows=_cap())
            return frame, "", ""
        except Exception as error:  # a broken zip, a password-protected file, a renamed PDF
            raise ReadError(_("The file could not be read as an Excel workbook. Save it again as .xlsx.")) from error
    for encoding in ENCODINGS:
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        separator = _separator(text)
        try:
            frame = pd.read_csv(
                io.StringIO(text),
                header=None,
                dtype=str,
                sep=separator,
                keep_default_na=False,
                skip_blank_lines=False,
                engine="python",
                nrows=_cap(),
            )
        except (pd.errors.ParserError, csv.Error) as error:
            raise ReadError(_("The CSV file could not be read: its rows have different numbers of columns.")) from error
        except pd.errors.EmptyDataError as error:
            raise ReadError(_("The file is empty.")) from error
        return frame, separator, encoding.replace("-sig", "")
    raise ReadError(_("The CSV file is neither UTF-8 nor Windows-1252 text. Save it again as CSV UTF-8."))


def _separator(text: str) -> str:
    """The separator of the first lines: Finnish Excel writes `;`, others `,`; tabs come from pasted tables."""
    sample = "\n".join(text.splitlines()[: HEADER_SCAN_ROWS * 2])
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t").delimiter
    except csv.Error:
        return max(";,\t", key=sample.count)


def _header_index(rows: list[list], known: set[str]) -> int:
    """The row among the first ones with the most cells naming a known column; else the first with two texts."""
    best, best_score = None, 0
    for index, cells in enumerate(rows[:HEADER_SCAN_ROWS]):
        score = sum(1 for cell in cells if isinstance(cell, str) and cell.casefold() in known)
        if score > best_score:
            best, best_score = index, score
    if best is not None:
        return best
    for index, cells in enumerate(rows[:HEADER_SCAN_ROWS]):
        if sum(1 for cell in cells if isinstance(cell, str)) >= 2:
            return index
    raise ReadError(_("No header row was found: the first rows of the file should name the columns."))


def _headers(cells: list) -> list[str]:
    headers, seen = [], set()
    for position, cell in enumerate(cells, start=1):
        name = str(cell) if cell is not None else _("Column %(number)d") % {"number": position}
        candidate, number = name, 1
        while candidate.casefold() in seen:
            number += 1
            candidate = f"{name} ({number})"
        seen.add(candidate.casefold())
        headers.append(candidate)
    return headers


def read(content: bytes, filename: str, known: set[str]) -> Sheet:
    """The file as a Sheet. `known` holds header names (casefolded) that mark the header row."""
    kind = file_format(filename)
    frame, separator, encoding = _frame(content, kind)
    if len(frame) >= _cap():
        raise ReadError(
            _("The file has more than %(limit)d rows; split it and import it in parts.") % {"limit": max_rows()}
        )
    rows = [[_cell(value) for value in values] for values in frame.itertuples(index=False, name=None)]
    if not rows:
        raise ReadError(_("The file is empty."))
    index = _header_index(rows, known)
    headers = _headers(rows[index])
    # Columns with neither a header nor any value (Excel's formatting reaching past the table) are dropped.
    used = [i for i, name in enumerate(rows[index]) if name is not None or any(r[i] is not None for r in rows[index:])]
    headers = [headers[i] for i in used]
    data, limit = [], max_rows()
    for number, cells in enumerate(rows[index + 1 :], start=index + 2):
        cells = [cells[i] for i in used]
        if all(cell is None for cell in cells):
            continue
        data.append((number, cells))
    if len(data) > limit:
        raise ReadError(
            _(
                "The file has %(count)d rows; at most %(limit)d can be imported at once. "
                "Split the file and import it in parts."
            )
            % {"count": len(data), "limit": limit}
        )
    if not data:
        raise ReadError(_("The file has a header row but no rows of data."))
    return Sheet(headers=headers, header_row=index + 1, rows=data, separator=separator, encoding=encoding)
