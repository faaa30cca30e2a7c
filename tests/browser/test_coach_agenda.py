"""Issue 16 by clicking from the login page: a caseload row opens a whole page, My agenda and its calendar feed,
long words that wrap, at 390 px and 1280 px with axe clean."""

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from ips.models import ReminderSettings
from tests.browser.keyboard import PHONE

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
LONG_WORD = "x" * 200


def _fits(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390px", "1280px"])
def test_a_coach_clicks_to_a_client_to_the_agenda_and_turns_on_the_calendar(page, demo, login, axe, size):
    page.set_viewport_size(size)
    login(page, "coach")
    _fits(page, size["width"])

    # A long word in a free-text field of Today wraps instead of widening the page.
    page.locator("#add_note").fill(LONG_WORD)
    page.locator("section.quick-add form button[type=submit]").click()
    expect(page.locator("#today-entries li.entry", has_text=LONG_WORD[:50])).to_have_count(1)
    _fits(page, size["width"])
    axe(page)

    # The caseload: a row's link opens the whole client page, not the page inside the list.
    page.locator("a[href='/clients/']").first.click()
    page.locator("#caseload-results tbody a").first.click()
    page.wait_for_url("**/clients/*/")
    expect(page.locator("main")).to_have_count(1)
    expect(page.locator("header.site-header, body > header")).to_have_count(1)
    _fits(page, size["width"])

    # My agenda from the menu, then its reminders: the calendar feed on.
    page.locator("a[href='/agenda/']").first.click()
    expect(page.locator("h1")).to_have_count(1)
    axe(page)
    _fits(page, size["width"])
    page.locator("a[href='/agenda/reminders/']").click()
    page.locator("select[name=feed]").select_option("on")
    page.locator("main form button[type=submit]").click()
    feed = page.locator("#feed-url")
    expect(feed).to_be_visible()
    axe(page)
    _fits(page, size["width"])
    token = ReminderSettings.objects.get(user__username="coach").feed_token
    assert token in feed.input_value()
    events = Calendar.from_ical(page.request.get(feed.input_value()).body()).walk("VEVENT")
    assert events and all(" · " not in str(event["SUMMARY"]) for event in events)
