"""The demo reporter downloads the funder workbook; the demo supervisor reads the team's dashboard with charts."""

import zipfile

import pytest
from openpyxl import load_workbook

from ips.demo import CLIENT_ROWS

pytestmark = pytest.mark.browser


def demo_clients() -> list[list[str]]:
    return [line.split("|") for line in CLIENT_ROWS.strip().splitlines()]


def test_the_demo_reporter_downloads_the_funder_workbook(page, demo, login, axe, screenshot_dir, live_server, tmp_path):
    login(page, "reporter")
    page.goto(f"{live_server.url}/reports/")
    page.locator("#reports-employment-chart").wait_for()
    axe(page)
    page.screenshot(path=screenshot_dir / "reports-reporter.png", full_page=True)
    assert "Aino" not in page.content()  # a reporter never sees coaches or clients by name

    with page.expect_download() as download:
        page.locator("form[action$='workbook.xlsx'] button[type=submit]").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.suffix == ".xlsx"
    workbook = load_workbook(path)
    assert len(workbook.sheetnames) == 7
    summary = list(workbook.worksheets[0].iter_rows(min_row=2, values_only=True))
    clients_in_project = summary[4][1]  # after scope, start, end and the suppression flag
    assert isinstance(clients_in_project, int) and clients_in_project >= 5
    with zipfile.ZipFile(path) as archive:
        text = "".join(archive.read(name).decode("utf-8", errors="replace") for name in archive.namelist())
    # Names anywhere in the file's XML; birth years in any cell (the XML itself cites a 2001 namespace).
    assert [c[1] + " " + c[2] for c in demo_clients() if c[1] in text or c[2] in text] == []
    cells = [str(cell) for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True) for cell in row]
    assert [c[8] for c in demo_clients() if any(c[8] in cell for cell in cells)] == []


def test_the_demo_supervisor_sees_the_team_dashboard_with_charts(page, demo, login, axe, screenshot_dir, live_server):
    login(page, "supervisor")
    page.goto(f"{live_server.url}/reports/")
    page.locator("#reports-employment-chart").wait_for()
    assert page.evaluate("() => Boolean(Chart.getChart('reports-employment-chart'))")
    assert page.evaluate("() => Boolean(Chart.getChart('reports-hours-chart'))")
    assert "Aino Laine" in page.locator("main").inner_text()  # the team's coaches by name
    axe(page)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=screenshot_dir / "reports-supervisor-390.png", full_page=True)
    axe(page)
