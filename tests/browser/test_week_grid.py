"""The week grid by clicking from the login: the coach opens it from Today, copies last week's rows, enters minutes,
saves and sees the totals in the week view; then corrects a cell on a phone, where the grid scrolls in its region."""

import pytest
from django.db.models import Sum
from django.utils import timezone
from playwright.sync_api import expect

from employers.models import EmployerContact
from ips.models import TimeEntry
from ips.periods import week_of
from ips.templatetags.polku import duration
from tests.browser.keyboard import PHONE, fits_the_phone

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}


def _week_total():
    """The week's work time as the Week page counts it: the coach's log and their employer contacts."""
    monday, sunday = week_of(timezone.localdate())
    logged = TimeEntry.objects.filter(coach__username="coach").between(monday, sunday).totals()["total"]
    contacts = EmployerContact.objects.filter(coach__username="coach", date__gte=monday, date__lte=sunday)
    return logged + contacts.aggregate(minutes=Sum("minutes", default=0))["minutes"]


def _fits(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_the_coach_fills_the_week_grid_from_last_weeks_rows(page, demo, login, axe, screenshot_dir):
    page.set_viewport_size(DESKTOP)
    login(page, "coach")
    assert page.url.endswith("/today/")
    page.locator("#today-week a[href='/week/grid/']").click()
    page.wait_for_url("**/week/grid/")
    axe(page)

    page.locator("a.copy-rows").click()
    page.wait_for_load_state()
    copied = page.locator("#id_r0-kind").input_value()
    assert copied, "last week's first row was not copied"
    assert page.locator("#id_r0-d0").input_value() == ""  # rows, not minutes
    axe(page)
    _fits(page, DESKTOP["width"])
    # At 1280 px the whole week fits without scrolling sideways inside the grid.
    region = page.locator(".week-grid-form .table-wrap")
    assert region.evaluate("element => element.scrollWidth <= element.clientWidth")

    before = _week_total()
    page.locator("#id_r0-d0").fill("45")
    page.screenshot(path=screenshot_dir / "week-grid-1280.png", full_page=True)
    page.locator(".week-grid-form button[type=submit]").click()
    page.wait_for_url("**/week/?on=*")
    expect(page.locator(".messages")).to_contain_text("Viikko on tallennettu.")
    assert _week_total() == before + 45
    expect(page.locator("#sheet-heading ~ .table-wrap table.timesheet tfoot td").last).to_have_text(
        duration(before + 45)
    )
    axe(page)

    # On a phone: back to the grid from the week view, correct the cell, save.
    page.set_viewport_size(PHONE)
    page.locator("a.week-grid-link").click()
    page.wait_for_load_state()
    cell = page.locator("#id_r0-d0")
    expect(cell).to_have_value("45")
    axe(page)
    fits_the_phone(page)
    assert region.get_attribute("tabindex") == "0"
    region.focus()
    assert region.evaluate("element => element.scrollWidth > element.clientWidth")  # the grid scrolls in its region
    page.screenshot(path=screenshot_dir / "week-grid-390.png", full_page=True)
    cell.fill("60")
    page.locator(".week-grid-form button[type=submit]").click()
    page.wait_for_url("**/week/?on=*")
    assert _week_total() == before + 60


def test_a_bad_cell_is_told_next_to_it_in_the_coachs_language(page, demo, login, axe):
    page.set_viewport_size(DESKTOP)
    login(page, "coach")
    page.locator("#today-week a[href='/week/grid/']").click()
    page.wait_for_url("**/week/grid/")
    page.locator("#id_r0-kind").select_option(index=1)
    page.locator("#id_r0-d0").fill("-5")
    page.locator(".week-grid-form button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("#id_r0-d0_error")).to_have_text("Anna minuutit lukuna 0 tai enemmän.")
    expect(page.locator("#id_r0-d0")).to_have_attribute("aria-invalid", "true")
    axe(page)
