"""The demo supervisor moves the team's tracker into Polku by clicking: the clients template downloaded and filled
with two mistakes, the mapping fixed, the error file downloaded, the corrected file imported, then a week of hours;
the clients are on the caseload and the hours in the week view. Every page passes axe at 1280 px and 390 px."""

import io
from datetime import date, timedelta

import pytest
from django.utils import timezone
from openpyxl import Workbook, load_workbook
from playwright.sync_api import expect

from employers.imports import schema
from ips.models import Client, User

pytestmark = pytest.mark.browser

WIDE, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}


def both_widths(page, axe):
    for size in (PHONE, WIDE):
        page.set_viewport_size(size)
        axe(page)


def _header(name: str) -> str:
    return schema.CLIENTS.field(name).header("fi")


def _fill_clients(template: bytes, path, *, entry_of_second: str) -> None:
    """The template's sheet with its example row replaced by two clients; the coach column renamed."""
    book = load_workbook(io.BytesIO(template))
    sheet = book.worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    sheet.delete_rows(2)
    rows = [
        {"first_name": "Iiris", "last_name": "Tuontinen", "stage": "Etsintä", "programme_entry": "3.2.2025"},
        {"first_name": "Joel", "last_name": "Taulukko", "stage": "Työn etsintä", "programme_entry": entry_of_second},
    ]
    for values in rows:
        cells = {_header(name): value for name, value in values.items()}
        cells[_header("coach")] = "coach"
        cells[_header("source")] = "Kela"
        sheet.append([cells.get(header) for header in headers])
    sheet.cell(row=1, column=headers.index(_header("coach")) + 1, value="Vastuuvalmentaja")
    book.save(path)


def _hours(path, codes, today: date) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Päivämäärä", "Työhönvalmentaja", "Minuutit", "Toiminto", "Paikka", "Asiakaskoodi"])
    for code in codes:
        sheet.append([today.strftime("%d.%m.%Y"), "coach", 75, "Asiakastapaaminen", "Työpaikka", code])
    book.save(path)


def test_the_supervisor_imports_the_teams_tracker(page, demo, login, axe, screenshot_dir, tmp_path):
    page.set_viewport_size(WIDE)
    login(page, "supervisor")
    page.locator("header .menu a[href='/employers/imports/']").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    both_widths(page, axe)

    # The clients template in Finnish: headers, an example row, lists and notes.
    with page.expect_download() as download:
        page.locator("a[href='/employers/imports/template/clients/?language=fi']").click()
    template = download.value.path().read_bytes()
    book = load_workbook(io.BytesIO(template))
    assert len(book.sheetnames) == 3  # the data, the hidden lists, the notes
    assert book.worksheets[0].data_validations.dataValidation

    # Filled with two mistakes: a stage Polku does not know, and a programme entry in the future.
    future = (timezone.localdate() + timedelta(days=30)).strftime("%d.%m.%Y")
    first = tmp_path / "asiakkaat.xlsx"
    _fill_clients(template, first, entry_of_second=future)
    page.locator("select[name=kind]").select_option("clients")
    page.locator("input[name=file]").set_input_files(str(first))
    page.locator("main form[enctype] button[type=submit]").click()
    page.wait_for_load_state()

    # The coach column's header is not one Polku knows: map it by hand, then check.
    assert page.locator("select[name=col_coach]").input_value() == ""
    page.locator("select[name=col_coach]").select_option("Vastuuvalmentaja")
    both_widths(page, axe)
    page.locator("main form[action$='/map/'] button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("#import-status table tbody tr")).to_have_count(2)
    both_widths(page, axe)
    page.screenshot(path=screenshot_dir / "import-1-two-errors-fi.png", full_page=True)

    # The unknown stage is mapped on the page; the date is the file's to correct.
    page.locator("select[name=val_stage_0]").select_option("job_finding")
    page.locator("main form[action$='/map/'] button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("#import-status table tbody tr")).to_have_count(1)
    with page.expect_download() as download:
        page.locator("a[href$='/errors/']").click()
    errors = load_workbook(io.BytesIO(download.value.path().read_bytes())).worksheets[0]
    assert errors.cell(row=1, column=errors.max_column).value == "Virheet"
    assert errors.cell(row=3, column=errors.max_column).value  # Joel's row says what is wrong
    assert not errors.cell(row=2, column=errors.max_column).value

    # The corrected file: the mapping made for the first is kept.
    corrected = tmp_path / "asiakkaat-korjattu.xlsx"
    _fill_clients(template, corrected, entry_of_second="1.3.2025")
    page.locator("a[href='/employers/imports/']").last.click()
    page.locator("select[name=kind]").select_option("clients")
    page.locator("input[name=file]").set_input_files(str(corrected))
    page.locator("main form[enctype] button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("select[name=col_coach]").input_value() == "Vastuuvalmentaja"
    page.locator("main form[action$='/map/'] button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("#import-status table")).to_have_count(0)
    page.locator("#import-status form button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("form[action$='/undo/']")).to_have_count(1)
    both_widths(page, axe)
    page.screenshot(path=screenshot_dir / "import-2-imported-fi.png", full_page=True)

    # A week of hours for the new clients, by their Polku codes.
    codes = list(Client.objects.filter(last_name__in=["Tuontinen", "Taulukko"]).values_list("code", flat=True))
    assert len(codes) == 2
    hours = tmp_path / "tunnit.xlsx"
    _hours(hours, codes, timezone.localdate())
    page.locator("a[href='/employers/imports/']").last.click()
    page.locator("select[name=kind]").select_option("time_entries")
    page.locator("input[name=file]").set_input_files(str(hours))
    page.locator("main form[enctype] button[type=submit]").click()
    page.wait_for_load_state()
    page.locator("main form[action$='/map/'] button[type=submit]").click()
    page.wait_for_load_state()
    page.locator("#import-status form button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("form[action$='/undo/']")).to_have_count(1)

    # The clients on the caseload, the hours in the coach's week.
    page.locator("#import-status a[href='/clients/']").click()
    for name in ("Tuontinen", "Taulukko"):
        expect(page.locator("table.caseload tbody tr", has_text=name)).to_have_count(1)
    both_widths(page, axe)
    page.locator("header .menu a[href='/week/']").click()
    coach = User.objects.get(username="coach")
    page.locator("main table a", has_text=str(coach)).first.click()
    page.wait_for_load_state()
    for code in codes:
        expect(page.locator("ul.entries li", has_text=code)).to_have_count(1)
    both_widths(page, axe)
    page.screenshot(path=screenshot_dir / "import-3-week-fi.png", full_page=True)
