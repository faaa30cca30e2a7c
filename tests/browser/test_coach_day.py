"""The coach's day on a phone, in Finnish: a referral accepted, consent, the whole path, six entries logged.

Selectors use names and addresses rather than visible text, so the test reads the same in every language.
"""

import time

import pytest
from playwright.sync_api import expect

from ips.models import Client

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def _check(page, axe):
    axe(page)
    # The page fits a phone: nothing scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def _entries(page):
    return page.locator("#today-log ul.entries li.entry")


def _log(page, *, minutes, kind, setting, client=None, note=""):
    before = _entries(page).count()
    page.locator("#add_minutes").fill(str(minutes))
    page.locator("#add_kind").select_option(label=kind)
    page.locator("#add_client").select_option(label=client) if client else page.locator("#add_client").select_option(
        index=0
    )
    page.locator("#add_setting").select_option(value=setting)
    page.locator("#add_note").fill(note)
    page.locator("section.quick-add form button[type=submit]").click()
    expect(_entries(page)).to_have_count(before + 1)


def test_the_demo_coach_runs_a_day_on_a_phone(page, demo, login, axe, live_server, screenshot_dir):
    started = time.monotonic()
    page.set_viewport_size(PHONE)
    login(page, "coach")
    assert page.url.endswith("/today/")
    assert page.locator("html").get_attribute("lang") == "fi"
    _check(page, axe)

    # A referral arrives and is accepted.
    page.locator("a[href='/clients/']").first.click()
    _check(page, axe)
    page.locator("a[href='/referrals/new/']").first.click()
    page.locator("#id_source").select_option(label="Terveyskeskus")
    page.locator("#id_referrer_organisation").fill("Vaasan terveyskeskus")
    page.locator("#id_first_name").fill("Outi")
    page.locator("#id_last_name").fill("Uusi")
    page.locator("#id_birth_year").fill("1994")
    page.locator("#id_municipality").fill("Vaasa")
    _check(page, axe)
    page.locator("main form button[type=submit]").click()
    _check(page, axe)
    page.locator("form:has(input[value=accept]) button[type=submit]").click()
    page.wait_for_url("**/clients/*/")
    client_url = page.url
    code = page.locator("hgroup p").inner_text().split(" · ")[0]
    _check(page, axe)

    # Consent first, then the path through the five stages.
    page.locator("#consent_scope").fill("Työllisyyspalvelut ja Kela")
    page.locator("#consent form button[type=submit]").click()
    page.wait_for_url(client_url + "#consent")
    for stage in ("profile", "job_finding", "employer_engagement", "support"):
        page.locator("#stage_stage").select_option(value=stage)
        page.locator("#path form button[type=submit]").click()
        page.wait_for_url(client_url + "#path")
        assert page.locator("ol.stage-path li[aria-current=step]").count() == 1
    assert page.locator("ol.timeline li").count() == 5  # engagement and four moves
    _check(page, axe)
    page.screenshot(path=screenshot_dir / "coach-client-fi.png", full_page=True)

    # Today: six entries, the network meeting allowed because consent is on record.
    page.locator("a[href='/today/']").first.click()
    # One screen, one tap: the whole add form and its save button fit the phone's first screen.
    save = page.locator("section.quick-add form button[type=submit]").bounding_box()
    assert save["y"] + save["height"] <= PHONE["height"]
    page.screenshot(path=screenshot_dir / "coach-today-first-screen-fi.png")
    label = f"{code} · Outi U."
    _log(page, minutes=60, kind="Asiakastapaaminen", setting="community", client=label, note="Ensitapaaminen")
    _log(page, minutes=45, kind="Ammatillinen profilointi", setting="office", client=label)
    _log(page, minutes=90, kind="Työnantajayhteistyö", setting="workplace")
    _log(page, minutes=30, kind="Verkostopalaveri", setting="remote", client=label)
    _log(page, minutes=20, kind="Matka", setting="community")

    # The sixth entry by keyboard only: after a save the minutes field has focus; Enter saves.
    expect(page.locator("#add_minutes")).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("25")
    for _ in range(4):  # kind, client, setting, note
        page.keyboard.press("Tab")
    expect(page.locator("#add_note")).to_be_focused()
    page.keyboard.type("Kirjaukset")
    page.keyboard.press("Enter")
    expect(_entries(page)).to_have_count(6)
    assert "4 h 30 min" in page.locator("#entries-heading").inner_text()
    _check(page, axe)
    page.screenshot(path=screenshot_dir / "coach-today-fi.png", full_page=True)

    page.locator("a[href='/week/']").first.click()
    _check(page, axe)
    assert time.monotonic() - started < 120


def test_the_supervisor_sees_the_team_week_and_caseload(page, demo, login, axe, live_server, screenshot_dir):
    page.set_viewport_size(PHONE)
    login(page, "supervisor")
    assert page.url.endswith("/week/")
    # Each coach of the team has a row in the team's week.
    expect(page.locator("section[aria-labelledby=team-heading] tbody tr")).to_have_count(2)
    _check(page, axe)
    page.screenshot(path=screenshot_dir / "supervisor-week-fi.png", full_page=True)
    page.locator("a[href='/clients/']").first.click()
    assert page.locator("table.caseload tbody tr").count() >= 10
    # htmx filtering: the results change without a page load, and the address follows.
    page.locator("details.filters summary").click()
    page.locator("#id_stage").select_option(value="support")
    page.wait_for_url("**stage=support**")
    in_support = Client.objects.filter(team__name="Vaasan työkykytiimi", stage="support").count()
    assert 0 < in_support < 10
    expect(page.locator("table.caseload tbody tr")).to_have_count(in_support)
    _check(page, axe)
    page.screenshot(path=screenshot_dir / "supervisor-caseload-fi.png", full_page=True)
