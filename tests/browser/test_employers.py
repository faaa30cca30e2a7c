"""The demo coach does a day of job development on a phone: a visit, a client's contact and a job start.

Selectors use URLs and field names, not visible text, so the test holds in every language.
"""

import pytest

from ips.models import Client

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def _fits_the_phone(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_demo_coach_records_a_visit_a_clients_contact_and_a_job_start_and_the_supervisor_sees_the_week(
    page, demo, login, axe, screenshot_dir, live_server
):
    page.set_viewport_size(PHONE)
    login(page, "coach")
    assert page.locator("html").get_attribute("lang") == "fi"

    # The employer register, then one employer's page.
    page.goto(f"{live_server.url}/employers/")
    page.screenshot(path=screenshot_dir / "employers-list-fi.png", full_page=True)
    axe(page)
    _fits_the_phone(page)
    page.locator("#employer-results a", has_text="Vaasan Kauppahalli Oy").click()
    page.wait_for_load_state()
    axe(page)
    _fits_the_phone(page)

    # 1. A face-to-face visit from the Today panel's quick entry (htmx swaps the panel in place).
    page.goto(f"{live_server.url}/employers/today/")
    count_before = int(page.locator("#employer-panel progress").get_attribute("value"))
    page.locator("#employer-panel details.quick-add summary").click()
    page.locator("select[name='employer-contact-employer']").select_option(label="Laihian Metallityö Oy")
    page.locator("input[name='employer-contact-minutes']").fill("45")
    page.locator("select[name='employer-contact-purpose']").select_option("relationship_visit")
    axe(page)
    page.locator("#employer-panel form button[type=submit]").click()
    page.locator("#employer-panel p[role=status]").wait_for()
    assert int(page.locator("#employer-panel progress").get_attribute("value")) == count_before + 1
    page.screenshot(path=screenshot_dir / "employers-today-panel-fi.png", full_page=True)
    _fits_the_phone(page)

    # 2. A client-specific contact: a workplace visit for the client who started at the market hall,
    #    started from the client's jobs fragment. It meets any follow-up of that client that is due.
    working = Client.objects.get(code="POH-D0001")
    page.goto(f"{live_server.url}/employers/clients/{working.uuid}/jobs/")
    axe(page)
    _fits_the_phone(page)
    page.locator(f"a[href='/employers/contacts/new/?client={working.uuid}']").click()
    page.wait_for_load_state()
    assert page.locator("select[name=client]").input_value() == str(working.pk)
    page.locator("select[name=employer]").select_option(label="Vaasan Kauppahalli Oy")
    page.locator("select[name=purpose]").select_option("workplace_support")
    page.locator("select[name=matches_client_preferences]").select_option("true")
    page.locator("input[name=outcome]").fill("Työvuorot sujuvat")
    axe(page)
    _fits_the_phone(page)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert "Työvuorot sujuvat" in page.locator("main").inner_text()
    assert working.code in page.locator("main").inner_text()
    page.goto(f"{live_server.url}/employers/today/")
    assert page.locator("#employer-panel li.follow-up", has_text=working.code).count() == 0

    # 3. A job start for another client, from the client's context; the follow-along contacts appear as due.
    client = Client.objects.get(code="POH-D0002")
    page.goto(f"{live_server.url}/employers/clients/{client.uuid}/jobs/new/")
    page.locator("select[name=employer]").select_option(label="Merenkurkun Ravintolat Oy")
    page.locator("input[name=title]").fill("Keittiöapulainen")
    page.locator("input[name=occupation_code]").fill("9412")
    page.locator("input[name=hours_per_week]").fill("25")
    page.locator("input[name=hourly_wage]").fill("12.60")
    page.locator("select[name=contract_type]").select_option("fixed_term")
    page.screenshot(path=screenshot_dir / "employers-job-start-fi.png", full_page=True)
    axe(page)
    _fits_the_phone(page)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()

    page.goto(f"{live_server.url}/employers/clients/{client.uuid}/jobs/")
    assert page.locator("li.follow-up.state-due").count() == 1
    assert "Keittiöapulainen" in page.locator("#client-jobs").inner_text()
    page.goto(f"{live_server.url}/employers/today/")
    due = page.locator("#employer-panel li.follow-up.state-due", has_text=client.code)
    assert due.count() == 1
    page.screenshot(path=screenshot_dir / "employers-follow-ups-due-fi.png", full_page=True)
    axe(page)
    client.refresh_from_db()
    assert client.stage == "support"

    # The supervisor sees each coach's employer contacts of the week (one test: the demo loads once).
    supervisor_page = page.context.browser.new_context(locale="fi-FI", viewport=PHONE).new_page()
    login(supervisor_page, "supervisor")
    supervisor_page.goto(f"{live_server.url}/employers/team/week/")
    assert supervisor_page.locator("#team-contacts-week tbody tr").count() == 2
    supervisor_page.screenshot(path=screenshot_dir / "employers-team-week-fi.png", full_page=True)
    axe(supervisor_page)
    _fits_the_phone(supervisor_page)
    supervisor_page.context.close()
