"""The writer benchmark's rows go through ips.xlsx and openpyxl alike and read back as written."""

from io import BytesIO

import pandas as pd

from bench import xlsx_writer
from ips import xlsx


def test_the_benchmark_rows_read_back_from_both_writers():
    rows = xlsx_writer.make_rows(40)
    book = xlsx.new_workbook()
    book.add_sheet("Participants", xlsx_writer.COLUMNS, rows)
    ours = BytesIO()
    book.save(ours)
    frame = pd.read_excel(BytesIO(ours.getvalue()))
    assert len(frame) == 40
    assert list(frame.columns) == [column.header for column in xlsx_writer.COLUMNS]
    assert frame["Client code"].tolist() == [row[0] for row in rows]
    assert frame["Programme entry"].dt.date.tolist() == [row[8] for row in rows]


def test_the_measurement_reports_microseconds_a_cell():
    [line] = xlsx_writer.measure((20,), runs=1)
    assert "20 rows (340 cells)" in line
    assert line.count("µs a cell") == 2
