"""Messy trackers as teams keep them, made by the tests themselves: titles above merged headers, empty rows,
trailing spaces, dates typed three ways and as Excel serials, Windows-1252 CSV with semicolons."""

import io
from datetime import date, timedelta

from openpyxl import Workbook


def serial(day: date) -> int:
    """Excel's serial number of a day (what a date cell formatted as a number shows)."""
    return (day - date(1899, 12, 30)).days


def workbook(rows, *, title="Tuntiseuranta 2025", group=True, width=None) -> bytes:
    """An .xlsx whose first rows are a merged title and a merged group row, then the given rows (headers first)."""
    book = Workbook()
    sheet = book.active
    width = width or len(rows[0])
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    if group:
        sheet.append(["Perustiedot", None, None, "Työ"])
        sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=3)
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_bytes(rows, *, separator=";", encoding="cp1252") -> bytes:
    lines = [separator.join("" if cell is None else str(cell) for cell in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def time_entry_rows(coach, client_code, today):
    """Finnish headers with trailing spaces, an empty row, mixed dates, a duplicate row and a client code that does
    not exist. The bad rows: the duplicate (file row 9) and the unknown client (file row 10)."""
    d1, d2, d3, d4 = (today - timedelta(days=n) for n in (10, 9, 8, 7))
    return [
        ["Päivämäärä ", " Työhönvalmentaja", "Minuutit", "Toiminto", "Paikka", "Asiakaskoodi", "Huom"],
        [d1.strftime("%d.%m.%Y"), coach, 60, "Asiakastapaaminen", "Lähiympäristö ", client_code, "Kahvila"],  # row 4
        [d2.isoformat(), coach.upper() + " ", "45", "työnhaku asiakkaan kanssa", "Työpaikka", client_code, None],
        [None, None, None, None, None, None, None],  # an empty row between weeks (row 6)
        [serial(d3), coach, 30, "Kirjaaminen", "Toimisto", None, None],  # row 7
        [d4, coach, 90, "Asiakastapaaminen", "Puhelin tai video", client_code, None],  # row 8: a date cell
        [d4, coach, 90, "Asiakastapaaminen", "Puhelin tai video", client_code, None],  # row 9: the same again
        [d4.strftime("%d.%m.%Y"), coach, 20, "Asiakastapaaminen", "Toimisto", "EI-OLE-1", None],  # row 10
    ]


def employer_rows():
    """A wrong business ID on file row 3; Finnish letters that Windows-1252 carries."""
    return [
        ["Nimi", "Y-tunnus", "Toimiala", "Kunta ", "Suhde"],
        ["Kahvila Äijälä Oy", "0112038-9", "I", "Vaasa", "Kontakti"],
        ["Pörssi Kauppa Ab", "1234567-2", "G", "Mustasaari", "Yhteistyökumppani"],
        ["Rautakauppa Öhman", "2617416-4", "g", "Vöyri ", ""],
    ]
