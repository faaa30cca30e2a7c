"""The coach's day on a phone, in Finnish, as one story: a referral accepted and moved along the path, six entries
and a face-to-face employer visit logged with the keyboard only, a job start, and the follow-along contact due.

Selectors use names and addresses rather than visible text, so the test reads the same in every language.
"""

import time

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from employers.models import FollowUp
from ips.models import Client, TimeEntry
from tests.browser.keyboard import PHONE, choose, fits_the_phone, pick_client, tab_to, type_over

pytestmark = pytest.mark.browser


def _console_errors(page) -> list[str]:
    """What the page writes on the console as an error, and uncaught script errors, from now on."""
    errors = []
    page.on("console", lambda message: errors.append(f"{page.url} {message.text}") if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def _check(page, axe):
    axe(page)
    fits_the_phone(page)


def _entries(page):
    return page.locator("#today-log ul.entries li.entry")


def _log_by_keyboard(page, *, minutes, kind, client, setting, note=""):
    """One entry from the minutes field on, with the keyboard only: type, Tab, arrows in the selects, Enter."""
    before = _entries(page).count()
    expect(page.locator("#add_minutes")).to_be_focused()
    type_over(page, str(minutes))
    page.keyboard.press("Tab")
    choose(page, kind)
    page.keyboard.press("Tab")
    expect(page.locator("#add_client")).to_be_focused()  # the client picker's search field
    pick_client(page, client)
    page.keyboard.press("Tab")
    choose(page, setting)
    page.keyboard.press("Tab")
    expect(page.locator("#add_note")).to_be_focused()  # the note starts empty on every new form
    page.keyboard.type(note)
    page.keyboard.press("Enter")
    expect(_entries(page)).to_have_count(before + 1)
    # After a save the minutes field has focus again (polku.js), ready for the next entry.
    expect(page.locator("#add_minutes")).to_be_focused()


def test_the_demo_coach_runs_a_day_on_a_phone_logging_by_keyboard(page, demo, login, axe, live_server, screenshot_dir):
    started = time.monotonic()
    # Any error on the console on the way: a script error (htmx reports a bad attribute there) or a refusal of the
    # content security policy.
    errors = _console_errors(page)
    page.set_viewport_size(PHONE)
    login(page, "coach")
    assert page.url.endswith("/today/")
    assert page.locator("html").get_attribute("lang") == "fi"
    _check(page, axe)
    page.screenshot(path=screenshot_dir / "coach-1-today-empty-fi.png")

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
    page.screenshot(path=screenshot_dir / "coach-2-referral-fi.png", full_page=True)
    page.locator("form:has(input[value=accept]) button[type=submit]").click()
    page.wait_for_url("**/clients/*/")
    client_url = page.url
    code = page.locator("hgroup p").inner_text().split(" · ")[0]
    outi = Client.objects.get(code=code)

    # Consent first (network work needs it), then the path up to employer engagement.
    page.locator("#consent p a").click()  # the consent form: the parties it covers
    page.get_by_label("Työllisyyspalvelut").check()
    page.get_by_label("Kela", exact=True).check()
    page.get_by_label("Työnantajat").check()  # the coach talks to employers about Outi only with her consent
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(client_url + "#consent")
    for stage in ("profile", "job_finding", "employer_engagement"):
        page.locator("#stage_stage").select_option(value=stage)
        page.locator("#path form button[type=submit]").click()
        page.wait_for_url(client_url + "#path")
        expect(page.locator("ol.stage-path li[aria-current=step]")).to_have_count(1)
    expect(page.locator("ol.timeline li")).to_have_count(4)  # engagement and three moves
    _check(page, axe)
    page.screenshot(path=screenshot_dir / "coach-3-client-fi.png", full_page=True)

    # Today: six entries with the keyboard only. From the top of the page, Tab reaches the form.
    page.locator("a[href='/today/']").first.click()
    # One screen, one tap: the whole add form and its save button fit the phone's first screen.
    save = page.locator("section.quick-add form button[type=submit]").bounding_box()
    assert save["y"] + save["height"] <= PHONE["height"]
    tab_to(page, "#add_minutes")
    # Not a support kind for Outi: a client meeting today would already meet the follow-up of her job start.
    _log_by_keyboard(page, minutes=45, kind="Ammatillinen", client=code, setting="Toimisto", note="Ensitapaaminen")
    _log_by_keyboard(page, minutes=30, kind="Verkosto", client=code, setting="Puhelin")
    _log_by_keyboard(page, minutes=60, kind="Asiakastapaaminen", client="POH-D0008", setting="Lähi")
    _log_by_keyboard(page, minutes=90, kind="Työnantaja", client="", setting="Työpaikka")
    _log_by_keyboard(page, minutes=20, kind="Matka", client="", setting="Lähi")
    _log_by_keyboard(page, minutes=25, kind="Kirjaaminen", client="", setting="Toimisto", note="Kirjaukset")
    # 4 h 30 min of entries and the demo's 45-minute employer contact of today, counted once in the day's log.
    assert "5 h 15 min" in page.locator("#entries-heading").inner_text()
    logged = {
        (e.minutes, e.kind.code, e.client.code if e.client else None, e.setting)
        for e in TimeEntry.objects.filter(coach__username="coach", date=timezone.localdate()).select_related(
            "kind", "client"
        )
    }
    assert logged == {
        (45, "vocational_profiling", code, "office"),
        (30, "network_meeting", code, "remote"),
        (60, "client_meeting", "POH-D0008", "community"),
        (90, "employer_contact", None, "workplace"),
        (20, "travel", None, "community"),
        (25, "documentation", None, "office"),
    }
    _check(page, axe)
    page.screenshot(path=screenshot_dir / "coach-4-six-entries-fi.png", full_page=True)

    # A face-to-face employer visit from the employer panel (htmx), still with the keyboard only.
    panel = page.locator("#employer-panel")
    visits_before = int(panel.locator("progress").get_attribute("value"))
    tab_to(page, "#employer-panel details.quick-add summary")
    page.keyboard.press("Enter")
    tab_to(page, "select[name='employer-contact-employer']")
    choose(page, "Laihian")
    expect(page.locator("input[name='employer-contact-face_to_face']")).to_be_checked()
    tab_to(page, "input[name='employer-contact-minutes']")
    type_over(page, "45")
    page.keyboard.press("Tab")
    choose(page, "Yhteistyö")  # a relationship visit
    expect(page.locator("select[name='employer-contact-purpose']")).to_have_value("relationship_visit")
    _check(page, axe)
    tab_to(page, "#employer-panel form button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.locator("#employer-panel p[role=status]")).to_be_visible()
    assert int(panel.locator("progress").get_attribute("value")) == visits_before + 1
    assert outi.employer_contacts.count() == 0  # the visit was about no one client
    page.screenshot(path=screenshot_dir / "coach-5-employer-visit-fi.png", full_page=True)
    expect(page.locator("#today-agenda li.kind-follow_up", has_text=code)).to_have_count(0)

    # Outi starts a job: recorded from her page, which moves her to support and plans the follow-along.
    page.locator("header .menu a[href='/clients/']").click()
    page.locator(f"main a[href='/clients/{outi.uuid}/']").first.click()
    page.wait_for_url(client_url)
    page.locator(f"#client-jobs a[href='/employers/clients/{outi.uuid}/jobs/new/']").click()
    page.locator("select[name=employer]").select_option(label="Merenkurkun Ravintolat Oy")
    page.locator("input[name=title]").fill("Keittiöapulainen")
    page.locator("input[name=occupation_code]").fill("9412")
    page.locator("input[name=hours_per_week]").fill("25")
    page.locator("input[name=hourly_wage]").fill("12.60")
    page.locator("select[name=contract_type]").select_option("fixed_term")
    _check(page, axe)
    # A viewport screenshot: a full-page one resizes the emulated phone, and the page then jumps when the button takes
    # focus, so the click's release lands beside the button and nothing is submitted.
    page.screenshot(path=screenshot_dir / "coach-6-job-start-fi.png")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(client_url)
    jobs = page.locator("#client-jobs")
    expect(jobs).to_contain_text("Keittiöapulainen")
    expect(jobs.locator("li.follow-up.state-due")).to_have_count(1)
    expect(page.locator("ol.stage-path li[aria-current=step]")).to_have_count(1)
    outi.refresh_from_db()
    assert outi.stage == "support"
    assert FollowUp.objects.filter(client=outi).pending().count() == 1
    _check(page, axe)
    page.screenshot(path=screenshot_dir / "coach-7-client-follow-up-due-fi.png", full_page=True)

    # Back on Today, the follow-along contact is due: a line of My agenda.
    page.locator("a[href='/today/']").first.click()
    expect(page.locator("#today-agenda li.kind-follow_up", has_text=code)).to_have_count(1)
    _check(page, axe)
    page.screenshot(path=screenshot_dir / "coach-8-today-follow-up-due-fi.png", full_page=True)

    page.locator("a[href='/week/']").first.click()
    _check(page, axe)
    assert errors == [], "\n".join(errors)
    assert time.monotonic() - started < 120


def test_an_htmx_save_leaves_a_style_set_on_a_field_alone_without_a_csp_refusal(page, demo, login, live_server):
    """A browser extension, a password manager or a screenshot tool sets a style on an input through the DOM (the
    policy allows that). htmx used to copy such a style onto the input that replaces it after a save, through the
    style attribute, which the policy refuses: an error on the console on every save (nine per coach-day journey)."""
    page.set_viewport_size(PHONE)
    login(page, "coach")
    errors = _console_errors(page)
    page.locator("#add_minutes").evaluate("input => { input.style.caretColor = 'transparent'; }")
    page.locator("#add_note").evaluate("input => { input.style.caretColor = 'red'; input.style.caretColor = ''; }")
    before = _entries(page).count()
    page.locator("#add_minutes").fill("15")
    page.locator("#add_note").fill("Tyylitesti")
    page.locator("section.quick-add form button[type=submit]").click()
    expect(_entries(page)).to_have_count(before + 1)
    expect(page.locator("#add_minutes")).to_be_focused()
    assert errors == [], "\n".join(errors)
