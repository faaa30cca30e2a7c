"""A 200-character word (a pasted link, a compound noun) in every free text of the coach's day widens no page.

Issue 16: a long word or link once widened Today and the week to 1,600 px. The entry's note is typed on Today;
the other texts (the client's next step, goal, consent, profile, the employer's name, a contact's outcome and next
step, a job title) are stored as a coach would have saved them, each as long as its field allows. Then the pages
of the day are reached by clicking, on a phone.
"""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from employers.models import Employer, EmployerContact, Job
from ips.models import Client, Consent, Coordinator, Goal, VocationalProfile
from tests.browser.keyboard import PHONE

pytestmark = pytest.mark.browser

WORD = "Työllisyyspalvelukokonaisuusuudistus" * 6 + "ABCDEFGH"  # 224 characters, cut to each field's length


def _word(model, field) -> str:
    return WORD[: model._meta.get_field(field).max_length or 1000]


def _fill_every_free_text(client):
    today = timezone.localdate()
    Client.objects.filter(pk=client.pk).update(
        next_step=_word(Client, "next_step"),
        municipality=_word(Client, "municipality"),
    )
    Coordinator.objects.update_or_create(
        client=client,
        ended=None,
        defaults={
            "user": None,
            "name": _word(Coordinator, "name"),
            "organisation_name": _word(Coordinator, "organisation_name"),
            "started": today,
        },
    )
    Goal.objects.create(client=client, text=_word(Goal, "text"), set_on=today)
    Consent.objects.create(client=client, given_on=today, scope=_word(Consent, "scope"))
    VocationalProfile.objects.update_or_create(
        client=client, defaults=dict.fromkeys(("preferences", "strengths", "work_history"), WORD)
    )
    employer = Employer.objects.filter(organisation=client.organisation).first()
    Employer.objects.filter(pk=employer.pk).update(name=_word(Employer, "name"), address=_word(Employer, "address"))
    EmployerContact.objects.create(
        coach=client.coach,
        team=client.team,
        employer=employer,
        client=client,
        date=today,
        minutes=30,
        face_to_face=True,
        purpose=EmployerContact.Purpose.ON_BEHALF_OF_CLIENT,
        outcome=_word(EmployerContact, "outcome"),
        next_step=_word(EmployerContact, "next_step"),
        next_step_on=today,
    )
    Job.objects.filter(client=client).update(title=_word(Job, "title"))


def _fits(page, what):
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{what} is {width[0]} px wide on a {width[1]} px phone"


def test_a_200_character_word_in_every_free_text_widens_no_page_of_the_day(page, demo, login, axe):
    client = Client.objects.filter(coach__username="coach", jobs__isnull=False).exclude(stage="closed").first()
    _fill_every_free_text(client)
    page.set_viewport_size(PHONE)
    login(page, "coach")

    # Today: an entry about the client with the word as its note, typed and saved as a coach would.
    page.locator("#add_minutes").fill("15")
    page.locator("#add_client").fill(client.code)
    option = page.locator("#add_client_results [role=option]").first
    option.wait_for()
    expect(page.locator("#add_client")).to_have_attribute("aria-expanded", "true")
    axe(page)  # the picker's listbox, open
    option.click()
    expect(page.locator("#add_client_select")).to_have_value(str(client.pk))
    page.locator("#add_note").fill(WORD[:200])
    page.locator("section.quick-add form button[type=submit]").click()
    # The saved entry with its note (the contact's line carries the word too, as the employer's name).
    expect(page.locator("#today-entries li.entry:not(.contact)", has_text=WORD[:40])).to_have_count(1)
    page.locator("#today-agenda li").first.wait_for()
    page.locator("#employer-panel").wait_for()
    _fits(page, "Today")
    axe(page)

    page.locator("header .menu a[href='/week/']").click()
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text(WORD[:40])
    _fits(page, "The week")

    page.locator("main a[href^='/week/grid/']").first.click()
    page.wait_for_load_state()
    _fits(page, "The week grid")

    page.locator("header .menu a[href='/agenda/']").click()
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text(WORD[:40])
    _fits(page, "My agenda")

    page.locator("header .menu a[href='/clients/']").click()
    page.wait_for_load_state()
    _fits(page, "The caseload")
    page.locator(f"main a[href='/clients/{client.uuid}/']").first.click()
    page.wait_for_load_state()
    page.locator("#client-jobs li, #client-jobs p").first.wait_for()
    expect(page.locator("main")).to_contain_text(WORD[:40])
    _fits(page, "The client page")
    axe(page)
