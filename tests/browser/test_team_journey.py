"""The multi-professional team around one client, by clicking, at 390 and 1280 px: a rehabilitation counsellor
takes a referral, the team agrees a plan with two goals and names a nurse asiakasvastaava; a network meeting with
Kela and employment services is refused before consent covers them and saved after; the asiakasvastaava hands the
client over to rehabilitation accompanied (the service with Polku continues); the team's IPS coach logs
job-coaching work on the same client."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from ips.models import Client, Coordinator, Goal, HandOver, NetworkMeeting, TimeEntry
from tests.browser.keyboard import pick_client

pytestmark = pytest.mark.browser

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.mark.parametrize("size", list(SIZES))
def test_the_team_works_around_one_client(page, demo, login, axe, size):
    page.set_viewport_size(SIZES[size])
    login(page, "pir.counsellor")
    assert page.url.endswith("/today/")  # a member of another profession logs their work too
    axe(page)

    # The counsellor takes a referral and accepts it into IPS coaching with the team's coach.
    page.locator("a[href='/clients/']").first.click()
    axe(page)
    page.locator("a[href='/referrals/new/']").first.click()
    page.locator("#id_source").select_option(label="Kela")
    page.locator("#id_first_name").fill("Onni")
    page.locator("#id_last_name").fill("Tiimiläinen")
    axe(page)
    page.locator("main form button[type=submit]").click()
    page.locator("#accept_coach").select_option(label="Ilkka Ilola")
    axe(page)
    page.locator("form:has(input[value=accept]) button[type=submit]").click()
    page.wait_for_url("**/clients/*/")
    onni = Client.objects.get(first_name="Onni", last_name="Tiimiläinen")
    axe(page)

    # The team names a nurse the asiakasvastaava.
    page.locator("#team p a").click()
    page.locator("#id_user").select_option(label="Hanna Heikkilä")
    axe(page)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#team strong")).to_have_text("Hanna Heikkilä")
    assert Coordinator.objects.get(client=onni).user.username == "pir.nurse"

    # The plan with two goals.
    page.locator("#goals p a").first.click()
    for text in ("Selvittää työkyky", "Osa-aikatyö kaupassa"):
        adding = page.locator("#plan-goals details").first
        if adding.get_attribute("open") is None:  # open by itself while the plan has no goals
            adding.locator("summary").click()
        page.locator("#goal_text").fill(text)
        page.locator("#plan-goals details form button[type=submit]").first.click()
        expect(page.locator("#plan-goals article h3", has_text=text)).to_have_count(1)
    assert Goal.objects.filter(client=onni).count() == 2
    axe(page)

    # A network meeting with Kela and employment services: refused without consent covering them.
    page.locator("#network p a").click()
    page.get_by_label("Kela", exact=True).check()
    page.get_by_label("Työllisyyspalvelut").check()
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".errorlist, .error").first).to_be_visible()
    axe(page)
    assert not NetworkMeeting.objects.filter(client=onni).exists()

    # The client's consent covers them; then the meeting is saved.
    page.locator("main a", has_text="Onni Tiimiläinen").first.click()
    page.locator("#consent p a").click()
    for party in ("Kela", "Työllisyyspalvelut", "Työnantajat"):
        page.get_by_label(party, exact=True).check()
    axe(page)
    page.locator("main form button[type=submit]").click()
    page.locator("#goals p a").first.click()
    page.locator("#network p a").click()
    page.get_by_label("Kela", exact=True).check()
    page.get_by_label("Työllisyyspalvelut").check()
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#network li").first).to_contain_text("Kela")
    assert NetworkMeeting.objects.filter(client=onni).count() == 1

    # The asiakasvastaava hands the client over to vocational rehabilitation, accompanied; IPS coaching continues.
    page.context.clear_cookies()
    login(page, "pir.nurse")
    page.locator("a[href='/clients/']").first.click()
    page.locator("a[href='/clients/asiakasvastaava/']").first.click()  # my clients as asiakasvastaava
    axe(page)
    page.locator("main a", has_text=onni.code).first.click()
    # The client page's hand-overs fragment (htmx replaces the no-JavaScript link to the same list); either way the
    # link to record one is the one with this address, so the click cannot land on the placeholder mid-swap.
    page.locator(f"#hand-overs a[href='{reverse('ips:hand_over_add', args=[onni.uuid])}']").click()
    page.locator("#id_destination").select_option(label="Ammatillinen kuntoutus")
    page.locator("#id_receiver_name").fill("Kaisa Kuntoutus")
    page.locator("#id_receiver_organisation").fill("Kuntoutuskeskus Aalto")
    page.get_by_label("Asiakasvastaava", exact=True).check()
    page.get_by_label("Jatkuu uuden palvelun rinnalla").check()
    page.locator("#id_minutes").fill("60")  # the nurse's time, into her daily log as the hand-over kind
    axe(page)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#hand-overs li").first).to_contain_text("Ammatillinen kuntoutus")
    axe(page)
    hand_over = HandOver.objects.get(client=onni)
    assert (hand_over.recorded_by.username, hand_over.closes_service) == ("pir.nurse", False)
    assert hand_over.attended == HandOver.Attended.COORDINATOR
    assert TimeEntry.objects.get(client=onni, coach__username="pir.nurse", kind__code="hand_over").minutes == 60

    # The IPS coach of the same team logs job-coaching work on the same client.
    page.context.clear_cookies()
    login(page, "pir.coach")
    page.locator("#add_minutes").fill("45")
    page.locator("#add_kind").select_option(label="Työnhaku asiakkaan kanssa")
    page.locator("#add_client").focus()
    pick_client(page, onni.code)
    page.locator("section.quick-add form button[type=submit]").click()
    expect(page.locator("#today-log ul.entries li.entry")).to_have_count(1)
    axe(page)
    entry = TimeEntry.objects.get(client=onni, coach__username="pir.coach")
    assert entry.coach_work
