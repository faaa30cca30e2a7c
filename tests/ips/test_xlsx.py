"""ips.xlsx, the streaming writer behind every export: Excel types, safe text, valid files, flat memory."""

import gc
import tracemalloc
import zipfile
from datetime import UTC, date, datetime
from decimal import Decimal
from io import BytesIO
from xml.etree import ElementTree

import pandas as pd
import pytest
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

from ips import xlsx
from tests.libreoffice import first_sheet_rows, needs_libreoffice

FORMULAS = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"]


def saved(workbook) -> bytes:
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def one_sheet(columns, rows, title="Sheet"):
    workbook = xlsx.new_workbook()
    xlsx.add_sheet(workbook, title, columns, rows)
    return saved(workbook)


def parts(content: bytes) -> dict[str, str]:
    with zipfile.ZipFile(BytesIO(content)) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def test_it_neutralises_text_that_would_run_as_a_formula():
    for dangerous in FORMULAS:
        assert xlsx.neutralise(dangerous) == "'" + dangerous
    assert xlsx.neutralise("Vaasa") == "Vaasa"
    assert xlsx.neutralise(-5) == -5


def test_a_sheet_keeps_types_freezes_the_header_and_filters():
    workbook = xlsx.new_workbook()
    columns = [xlsx.Column("Code", 12), xlsx.Column("Started"), xlsx.Column("Share", 8, number_format="0.0%")]
    xlsx.add_sheet(workbook, "Clients", columns, [("=HYPERLINK()", date(2026, 1, 5), 0.25)])
    sheet = load_workbook(BytesIO(saved(workbook)))["Clients"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:C2"
    assert sheet["A1"].value == "Code"
    assert sheet["A1"].font.b
    assert sheet["A2"].value == "'=HYPERLINK()"
    assert sheet["B2"].value.date() == date(2026, 1, 5)
    assert sheet["B2"].number_format == "yyyy-mm-dd"
    assert sheet["C2"].value == 0.25
    assert sheet["C2"].number_format == "0.0%"
    assert [sheet.column_dimensions[letter].width for letter in "ABC"] == [12, 14, 8]


def test_text_stays_text_however_much_it_looks_like_a_formula_a_number_or_a_link():
    texts = [*FORMULAS, "00123", "1e5", "12.50", "TRUE", "https://example.org", "mailto:a@example.org"]
    content = one_sheet([xlsx.Column("=Header")], [(text,) for text in texts])
    sheet = load_workbook(BytesIO(content)).active
    values = [cell.value for (cell,) in sheet.iter_rows()]
    assert values == ["'=Header", *["'" + text for text in FORMULAS], *texts[len(FORMULAS) :]]
    assert all(cell.data_type == "s" for (cell,) in sheet.iter_rows())
    xml = parts(content)["xl/worksheets/sheet1.xml"]
    assert "<f>" not in xml
    assert "hyperlink" not in xml.lower()


def test_each_python_type_becomes_its_excel_type():
    columns = [xlsx.Column("Value"), xlsx.Column("When", 18, "yyyy-mm-dd hh:mm"), xlsx.Column("Mean", 8, "0.0")]
    rows = [
        (5, datetime(2026, 1, 5, 13, 45), Decimal("6.70000000000000")),
        (0.5, None, None),
        (True, date(2026, 2, 1), float("nan")),
        (None, None, ""),
        ("", None, 3),
        (mark_safe("safe"), None, None),
        (gettext_lazy("Yes"), None, None),
    ]
    with translation.override("en"):
        sheet = load_workbook(BytesIO(one_sheet(columns, rows))).active
    values = [tuple(cell.value for cell in row) for row in sheet.iter_rows(min_row=2, max_col=3)]
    assert values == [
        (5, datetime(2026, 1, 5, 13, 45), 6.7),
        (0.5, None, None),
        (True, datetime(2026, 2, 1), None),
        (None, None, None),
        (None, None, 3),
        ("safe", None, None),
        ("Yes", None, None),
    ]
    assert sheet["B2"].number_format == "yyyy-mm-dd hh:mm"
    assert sheet["C2"].number_format == "0.0"
    assert sheet["C5"].number_format == "0.0"  # an empty cell keeps its column's format


@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
def test_it_refuses_what_excel_cannot_hold():
    with pytest.raises(TypeError):
        one_sheet([xlsx.Column("When")], [(datetime(2026, 1, 5, 12, tzinfo=UTC),)])
    with pytest.raises(TypeError):
        one_sheet([xlsx.Column("Data")], [({"a": 1},)])
    with pytest.raises(ValueError):
        one_sheet([xlsx.Column("A"), xlsx.Column("B")], [(1,)])  # a row shorter than the header
    # The refused sheet is closed, not left for the collector to find half-written.
    gc.collect()


def test_text_keeps_xml_characters_whitespace_and_line_breaks_and_every_part_is_well_formed():
    texts = ["a & b < c > d \"e\" 'f'", "  padded  ", "line\r\nbreak", "bell\x07x", "_x0041_", "Ääkköset €"]
    content = one_sheet([xlsx.Column("Text")], [(text,) for text in texts], title="A & B <C>")
    for name, xml in parts(content).items():
        ElementTree.fromstring(xml.encode())  # raises on anything not well-formed
        assert name.endswith((".xml", ".rels"))
    workbook = load_workbook(BytesIO(content))
    assert workbook.sheetnames == ["A & B <C>"]
    values = [cell.value for (cell,) in workbook.active.iter_rows(min_row=2)]
    # A character XML cannot carry, and a literal _xHHHH_, are written in Excel's own _xHHHH_ escape.
    assert values == ["a & b < c > d \"e\" 'f'", "  padded  ", "line\r\nbreak", "bell_x0007_x", "_x005F_x0041_"] + [
        "Ääkköset €"
    ]


def test_sheet_names_are_valid_unique_and_short_enough():
    workbook = xlsx.new_workbook()
    for title in ["Jobs/2025: [draft]?", "Clients", "clients", "A" * 40, "'Quoted'", ""]:
        xlsx.add_sheet(workbook, title, [xlsx.Column("Code")], [])
    names = load_workbook(BytesIO(saved(workbook))).sheetnames
    assert names == ["Jobs 2025   draft", "Clients", "clients (2)", "A" * 31, "Quoted", "Sheet6"]
    assert names == workbook.sheetnames


def test_every_sheet_has_its_filter_named_for_excel():
    workbook = xlsx.new_workbook()
    xlsx.add_sheet(workbook, "Clients", [xlsx.Column("Code"), xlsx.Column("Team")], [("A", "B"), ("C", "D")])
    xlsx.add_sheet(workbook, "Bob's", [xlsx.Column("Code")], [])
    content = saved(workbook)
    xml = parts(content)["xl/workbook.xml"]
    assert "'Clients'!$A$1:$B$3</definedName>" in xml
    assert "'Bob''s'!$A$1:$A$1</definedName>" in xml
    sheets = load_workbook(BytesIO(content)).worksheets
    assert [sheet.auto_filter.ref for sheet in sheets] == ["A1:B3", "A1:A1"]
    assert [sheet.freeze_panes for sheet in sheets] == ["A2", "A2"]


def test_column_letters_go_past_z():
    assert [xlsx.column_letter(n) for n in (1, 26, 27, 52, 702, 703)] == ["A", "Z", "AA", "AZ", "ZZ", "AAA"]
    columns = [xlsx.Column(f"C{n}") for n in range(1, 31)]
    sheet = load_workbook(BytesIO(one_sheet(columns, [tuple(range(30))]))).active
    assert sheet["AD1"].value == "C30"
    assert sheet["AD2"].value == 29
    assert sheet.auto_filter.ref == "A1:AD2"


def test_it_saves_to_a_path_or_a_file_and_again_but_takes_no_sheet_after(tmp_path):
    workbook = xlsx.new_workbook()
    xlsx.add_sheet(workbook, "One", [xlsx.Column("Code")], [("X",)])
    workbook.save(tmp_path / "one.xlsx")
    assert (tmp_path / "one.xlsx").read_bytes() == saved(workbook)
    with pytest.raises(ValueError):
        xlsx.add_sheet(workbook, "Two", [xlsx.Column("Code")], [])
    with pytest.raises(ValueError):
        xlsx.new_workbook().save(BytesIO())  # Excel will not open a workbook without sheets


def test_pandas_reads_the_columns_with_their_types():
    columns = [xlsx.Column("Code"), xlsx.Column("Start"), xlsx.Column("Hours", 8, "0.0"), xlsx.Column("Days")]
    rows = [("A-1", date(2026, 1, 5), Decimal("7.5"), 3), ("A-2", date(2026, 2, 1), 30.0, None)]
    frame = pd.read_excel(BytesIO(one_sheet(columns, rows)))
    assert list(frame.columns) == ["Code", "Start", "Hours", "Days"]
    assert list(frame["Code"]) == ["A-1", "A-2"]
    assert pd.api.types.is_datetime64_any_dtype(frame["Start"])
    assert list(frame["Hours"]) == [7.5, 30.0]
    assert frame["Days"].iloc[0] == 3
    assert pd.isna(frame["Days"].iloc[1])


def _rows(count: int):
    for number in range(count):
        yield (f"PIR-{number:06d}", "Tampere 2: työkykytiimi", date(2026, 1, 1), number / 7, number)


def _peak_bytes(count: int) -> int:
    columns = [xlsx.Column(name) for name in ("Code", "Team", "Start", "Share", "Days")]
    workbook = xlsx.new_workbook()
    tracemalloc.start()
    try:
        xlsx.add_sheet(workbook, "Clients", columns, _rows(count))
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        workbook.open().close()  # finished, as every export is


def test_memory_stays_flat_as_the_rows_grow(monkeypatch):
    """Rows go into the zip as they come: ten times the rows, about the same peak (the file itself on disk)."""
    monkeypatch.setattr(xlsx, "SPOOL_BYTES", 1)  # to disk at once, so the finished file is not counted
    small, large = _peak_bytes(2_000), _peak_bytes(20_000)
    assert large < small * 1.5 + 256 * 1024, (small, large)


@needs_libreoffice
def test_libreoffice_shows_text_as_text_and_numbers_with_their_formats(tmp_path):
    columns = [
        xlsx.Column("Text", 20),
        xlsx.Column("Share", 8, "0.0%"),
        xlsx.Column("When", 18, "yyyy-mm-dd hh:mm"),
        xlsx.Column("Day"),
        xlsx.Column("Mean", 8, "0.0"),
    ]
    rows = [
        ("=1+1", 0.25, datetime(2026, 1, 5, 13, 45), date(2026, 1, 5), Decimal("6.70")),
        ("a & b < c", None, None, None, 3),
        ("00123", 1, None, None, None),
        ("bell\x07x", None, None, None, None),
    ]
    path = tmp_path / "tricky.xlsx"
    path.write_bytes(one_sheet(columns, rows, title="Tricky"))
    assert first_sheet_rows(path, tmp_path) == [
        ["Text", "Share", "When", "Day", "Mean"],
        ["'=1+1", "25.0%", "2026-01-05 13:45", "2026-01-05", "6.7"],
        ["a & b < c", "", "", "", "3.0"],
        ["00123", "100.0%", "", "", ""],
        ["bell\x07x", "", "", "", ""],  # Excel's _x0007_ escape read back as the character
    ]


def test_dates_before_march_1900_read_back_as_written():
    days = [date(1900, 1, 1), date(1900, 2, 28), date(1900, 3, 1), date(2026, 1, 5)]
    sheet = load_workbook(BytesIO(one_sheet([xlsx.Column("Day")], [(day,) for day in days]))).active
    assert [cell.value.date() for (cell,) in sheet.iter_rows(min_row=2)] == days


def test_text_over_an_excel_cell_is_cut_with_a_marker_and_datetimes_keep_their_time():
    long = "x" * 40_000
    content = one_sheet([xlsx.Column("Text"), xlsx.Column("When")], [(long, datetime(2026, 1, 5, 13, 45, 10))])
    sheet = load_workbook(BytesIO(content)).active
    text = sheet["A2"].value
    assert len(text) == xlsx.CELL_MAX
    assert text.endswith(xlsx.CUT_MARKER)
    assert sheet["B2"].value == datetime(2026, 1, 5, 13, 45, 10)
    assert "hh:mm" in sheet["B2"].number_format
    frame = pd.read_excel(BytesIO(content))
    assert frame["When"].iloc[0] == pd.Timestamp(2026, 1, 5, 13, 45, 10)


def test_the_download_streams_from_the_built_file():
    workbook = xlsx.new_workbook()
    xlsx.add_sheet(workbook, "One", [xlsx.Column("Code")], [("X",)])
    response = xlsx.response(workbook, "one.xlsx")
    assert response.streaming
    assert response["Content-Type"] == xlsx.XLSX_CONTENT_TYPE
    assert 'filename="one.xlsx"' in response["Content-Disposition"]
    assert load_workbook(BytesIO(b"".join(response.streaming_content))).active["A2"].value == "X"
