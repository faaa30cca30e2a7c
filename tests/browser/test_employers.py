"""The demo coach's job development on a phone: the employer register and a contact about one client.

The quick employer visit and the job start are in the coach's day (test_coach_day.py), the supervisor's view of the
team's contacts in test_supervisor.py. Selectors use URLs and field names, not visible text.
"""

import pytest

from employers.models import EmployerContact
from ips.models import Client
from tests.browser.keyboard import PHONE, fits_the_phone

pytestmark = pytest.mark.browser


def test_the_demo_coach_browses_the_employers_and_records_a_contact_about_a_client(
    page, demo, login, axe, screenshot_dir, live_server
):
    page.set_viewport_size(PHONE)
    login(page, "coach")
    assert page.locator("html").get_attribute("lang") == "fi"

    # The employer register, then one employer's page.
    page.locator("header .menu a[href='/employers/']").click()
    page.wait_for_load_state()
    page.screenshot(path=screenshot_dir / "employers-list-fi.png", full_page=True)
    axe(page)
    fits_the_phone(page)
    page.locator("#employer-results a", has_text="Vaasan Kauppahalli Oy").click()
    page.wait_for_load_state()
    axe(page)
    fits_the_phone(page)

    # A workplace visit for the client who started at the market hall, from the jobs part of the client's page.
    working = Client.objects.get(code="POH-D0001")
    page.locator("header .menu a[href='/clients/']").click()
    page.locator(f"main a[href='/clients/{working.uuid}/']").first.click()
    page.locator("#client-jobs").wait_for()
    axe(page)
    fits_the_phone(page)
    client_url = page.url
    page.locator(f"#client-jobs a[href^='/employers/contacts/new/?client={working.uuid}']").click()
    page.wait_for_load_state()
    assert page.locator("select[name=client]").input_value() == str(working.pk)
    page.locator("select[name=employer]").select_option(label="Vaasan Kauppahalli Oy")
    page.locator("select[name=purpose]").select_option("workplace_support")
    page.locator("select[name=matches_client_preferences]").select_option("true")
    page.locator("input[name=outcome]").fill("Työvuorot sujuvat")
    axe(page)
    fits_the_phone(page)
    page.screenshot(path=screenshot_dir / "employers-client-contact-fi.png", full_page=True)
    page.locator("main form button[type=submit]").click()
    # Back where the coach started, on the client's page; the contact is in the employer's history.
    page.wait_for_url(client_url)
    page.locator("#client-jobs").wait_for()
    page.locator("#client-jobs a", has_text="Vaasan Kauppahalli Oy").first.click()
    page.wait_for_load_state()
    assert "Työvuorot sujuvat" in page.locator("main").inner_text()
    assert working.code in page.locator("main").inner_text()
    contact = EmployerContact.objects.get(client=working, outcome="Työvuorot sujuvat")
    assert (contact.purpose, contact.matches_client_preferences, contact.employer.name) == (
        "workplace_support",
        True,
        "Vaasan Kauppahalli Oy",
    )
    axe(page)
    fits_the_phone(page)

    # The coach corrects the contact from the employer page, then deletes it there (htmx asks first).
    page.locator(f"main a[href='/employers/contacts/{contact.uuid}/edit/']").click()
    page.wait_for_load_state()
    axe(page)
    fits_the_phone(page)
    page.locator("input[name=outcome]").fill("Työvuorot sujuvat, lisää tunteja")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert "Työvuorot sujuvat, lisää tunteja" in page.locator("main").inner_text()
    contact.refresh_from_db()
    assert contact.outcome == "Työvuorot sujuvat, lisää tunteja"
    page.once("dialog", lambda dialog: dialog.accept())
    delete = page.locator(f"main a[href='/employers/contacts/{contact.uuid}/delete/']")
    delete.click()
    delete.wait_for(state="detached")
    assert "Työnantajakontakti poistettu." in page.locator("main .messages").inner_text()
    assert "lisää tunteja" not in page.locator("main").inner_text()
    assert not EmployerContact.objects.filter(pk=contact.pk).exists()
    axe(page)
    fits_the_phone(page)
