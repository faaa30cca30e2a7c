"""The demo reporter downloads the funder workbook; the demo supervisor reads the team's dashboard with charts."""

import zipfile

import pytest
from openpyxl import load_workbook

from ips.demo import CLIENT_ROWS, HISTORY_ROWS
from tests.libreoffice import first_sheet_rows, needs_libreoffice

pytestmark = pytest.mark.browser


def demo_clients() -> list[list[str]]:
    return [line.split("|") for rows in (CLIENT_ROWS, HISTORY_ROWS) for line in rows.strip().splitlines()]


def _dashboard_summary(page) -> dict[str, str]:
    """The dashboard's Summary table: figure -> number, as the page shows it."""
    rows = page.locator("section[aria-labelledby=summary-title] tbody tr")
    return {row.locator("th").inner_text().strip(): row.locator("td").first.inner_text().strip() for row in rows.all()}


@needs_libreoffice
def test_the_demo_reporter_downloads_last_years_workbook_and_it_matches_the_dashboard(
    page, demo, login, axe, screenshot_dir, live_server, tmp_path
):
    login(page, "reporter")
    page.locator("header .menu a[href='/reports/']").click()
    page.locator("ul.presets a").last.click()  # last year
    page.locator("#reports-employment-chart").wait_for()
    axe(page)
    page.screenshot(path=screenshot_dir / "reports-reporter.png", full_page=True)
    assert "Aino" not in page.content()  # a reporter never sees coaches or clients by name
    shown = _dashboard_summary(page)

    page.get_by_role("button", name="Muodosta työkirja (Excel)").click()
    ready = page.get_by_role("link", name="Lataa työkirja (Excel)")
    ready.wait_for()
    axe(page)
    page.screenshot(path=screenshot_dir / "reports-export-ready.png", full_page=True)
    with page.expect_download() as download:
        ready.click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.suffix == ".xlsx"
    workbook = load_workbook(path)
    assert len(workbook.sheetnames) == 6  # Summary, Quarters, Participants, IPS Grow, Fidelity, Definitions
    assert "Määritelmät" in workbook.sheetnames  # the definitions, in the reporter's language

    # LibreOffice opens it; each Summary count is the dashboard's, hidden ("x") in both or in neither.
    csv_rows = {row[0]: row[1] for row in first_sheet_rows(path, tmp_path) if len(row) > 1}
    compared = 0
    for figure, number in shown.items():
        if figure not in csv_rows or not (number.isdigit() or number == "x"):
            continue
        compared += 1
        assert csv_rows[figure] == number, figure
        assert not (number.isdigit() and 1 <= int(number) <= 4), figure
    assert compared >= 10
    assert int(csv_rows["Asiakkaita hankkeessa"]) >= 5

    with zipfile.ZipFile(path) as archive:
        text = "".join(archive.read(name).decode("utf-8", errors="replace") for name in archive.namelist())
    # Names anywhere in the file's XML; birth years in any cell (the XML itself cites a 2001 namespace).
    assert [c[1] + " " + c[2] for c in demo_clients() if c[1] in text or c[2] in text] == []
    cells = [str(cell) for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True) for cell in row]
    assert [c[8] for c in demo_clients() if any(c[8] in cell for cell in cells)] == []


def test_the_demo_supervisor_sees_the_team_dashboard_with_charts(page, demo, login, axe, screenshot_dir, live_server):
    login(page, "supervisor")
    page.locator("header .menu a[href='/reports/']").click()
    page.locator("#reports-employment-chart").wait_for()
    # The chart is drawn by a script after the canvas is in the page: wait for it (fails after the timeout if never).
    page.wait_for_function("() => Boolean(window.Chart && Chart.getChart('reports-employment-chart'))")
    assert page.evaluate("() => Boolean(Chart.getChart('reports-hours-chart'))")
    assert "Aino Laine" in page.locator("main").inner_text()  # the team's coaches by name
    axe(page)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=screenshot_dir / "reports-supervisor-390.png", full_page=True)
    axe(page)
