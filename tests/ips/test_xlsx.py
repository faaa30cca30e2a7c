from datetime import date
from io import BytesIO

from openpyxl import load_workbook

from ips import xlsx


def test_it_neutralises_text_that_would_run_as_a_formula():
    for dangerous in ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"]:
        assert xlsx.neutralise(dangerous) == "'" + dangerous
    assert xlsx.neutralise("Vaasa") == "Vaasa"
    assert xlsx.neutralise(-5) == -5


def test_a_sheet_keeps_types_freezes_the_header_and_filters():
    workbook = xlsx.new_workbook()
    columns = [xlsx.Column("Code"), xlsx.Column("Started"), xlsx.Column("Share", number_format="0.0%")]
    xlsx.add_sheet(workbook, "Clients", columns, [("=HYPERLINK()", date(2026, 1, 5), 0.25)])
    buffer = BytesIO()
    workbook.save(buffer)
    sheet = load_workbook(BytesIO(buffer.getvalue()))["Clients"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:C2"
    assert sheet["A2"].value == "'=HYPERLINK()"
    assert sheet["B2"].value.date() == date(2026, 1, 5)
    assert sheet["C2"].value == 0.25
    assert sheet["C2"].number_format == "0.0%"
