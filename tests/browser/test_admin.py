"""The organisation admin takes a new coach into use by clicking: adds and invites her, she sets a password, gets a
team and a 0.6 FTE share that becomes 0.8 from a date; the team's supervisor gives her a client on the client's
page, and the admin moves that client's treatment team; she signs in, sets up two-factor sign-in (her county
requires it of coaches) and sees her Today; once deactivated her next request is refused. Each step is checked in
what its user sees on the page (database reads only back that up), and every admin page passes axe at 390 px and
1280 px, in each state the journey leaves it."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from allauth.mfa.models import Authenticator
from django.utils import formats, timezone, translation
from playwright.sync_api import expect

from ips.models import Client, ClientTreatmentTeam, Membership, TreatmentTeam, User
from tests.browser.conftest import set_up_required_two_factor

pytestmark = pytest.mark.browser

PASSWORD = "Kesä-sade-2026!"
EMAIL = "saara.suominen@polku.example"
NAME = "Saara Suominen"
TEAM = "Vaasan työkykytiimi"


@pytest.fixture
def axe_both(axe):
    def check(page):
        for width, height in ((390, 844), (1280, 900)):
            page.set_viewport_size({"width": width, "height": height})
            axe(page)

    return check


def _submit(page):
    page.locator("main form[method=post] button[type=submit]").last.click()
    page.wait_for_load_state()


def _shown(page, value):
    """A date or a number as the page writes it, in the page's own language."""
    with translation.override(page.locator("html").get_attribute("lang")):
        if isinstance(value, Decimal):
            return formats.localize(value)
        return formats.date_format(value, "SHORT_DATE_FORMAT")


def test_the_org_admin_takes_a_coach_into_use_and_out_again(
    page, browser, demo, login, axe_both, mailoutbox, live_server, screenshot_dir, settings
):
    # A county that requires two-factor sign-in of its coaches too (MFA_REQUIRED_ROLES; by default org admins and
    # reporters): the live server runs in this process, so it reads the changed setting.
    settings.MFA_REQUIRED_ROLES = [*settings.MFA_REQUIRED_ROLES, "coach"]
    today = timezone.localdate()
    login(page, "orgadmin")
    page.locator("header .menu a[href='/admin/people/']").click()
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("main table tbody")).not_to_contain_text(NAME)
    axe_both(page)

    # Add her, then invite her.
    page.locator("main a[href='/admin/people/new/']").click()
    axe_both(page)
    page.locator("#id_first_name").fill("Saara")
    page.locator("#id_last_name").fill("Suominen")
    page.locator("#id_email").fill(EMAIL)
    page.locator("#id_language").select_option("fi")
    page.locator("#id_profession").fill("Sosionomi")
    _submit(page)
    person = User.objects.get(email=EMAIL)
    assert page.url.endswith(f"/admin/people/{person.pk}/")
    expect(page.locator("main h1")).to_have_text(NAME)
    expect(page.locator("main dl")).to_contain_text(EMAIL)
    expect(page.locator("main table tbody tr")).to_have_count(1)  # "No roles yet."
    axe_both(page)
    page.locator("form[action$='/invite/'] button").click()
    page.wait_for_load_state()
    expect(page.locator("main .message-success")).to_contain_text(EMAIL)
    axe_both(page)
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [EMAIL]
    link = re.search(r"https?://\S+", mailoutbox[0].body).group(0)

    # A team and a 0.6 FTE share from two months ago.
    started = today - timedelta(days=60)
    page.locator(f"main a[href='/admin/people/{person.pk}/roles/new/']").click()
    axe_both(page)
    page.locator("#id_role").select_option("coach")
    page.locator("#id_team").select_option(label=TEAM)
    page.locator("#id_fte").fill("0.6")
    page.locator("#id_started").fill(started.isoformat())
    _submit(page)
    assert page.url.endswith(f"/admin/people/{person.pk}/")
    roles = page.locator("main table tbody tr")
    expect(roles).to_have_count(1)
    for shown in (TEAM, _shown(page, Decimal("0.60")), _shown(page, started)):
        expect(roles.first).to_contain_text(shown)
    axe_both(page)
    role = Membership.objects.get(user=person)
    assert (str(role.fte), role.team.name) == ("0.60", TEAM)

    # She opens the link from her mail and sets a password: the sign-in page says it is set.
    her = browser.new_page(locale="fi-FI")
    her.goto(link)
    expect(her.locator("#id_new_password1")).to_be_visible()
    axe_both(her)
    her.locator("#id_new_password1").fill(PASSWORD)
    her.locator("#id_new_password2").fill(PASSWORD)
    her.locator("main form button[type=submit]").click()
    her.wait_for_load_state()
    assert "/accounts/login/" in her.url
    expect(her.locator("main .message-success")).to_be_visible()
    expect(her.locator("input[name=username]")).to_be_visible()

    # The share becomes 0.8 from a month ago: two dated rows, the first ending where the second starts.
    change = today - timedelta(days=30)
    page.locator(f"main a[href='/admin/roles/{role.pk}/fte/']").click()
    axe_both(page)
    page.locator("#id_fte").fill("0.8")
    page.locator("#id_on").fill(change.isoformat())
    _submit(page)
    assert page.url.endswith(f"/admin/people/{person.pk}/")
    expect(roles).to_have_count(2)  # newest first
    for shown in (TEAM, _shown(page, Decimal("0.80")), _shown(page, change)):
        expect(roles.nth(0)).to_contain_text(shown)
    for shown in (TEAM, _shown(page, Decimal("0.60")), _shown(page, started), _shown(page, change)):
        expect(roles.nth(1)).to_contain_text(shown)
    expect(roles.nth(1).locator("a")).to_have_count(0)  # an ended share is history: nothing to end or change
    axe_both(page)
    shares = list(Membership.objects.filter(user=person).order_by("started").values_list("fte", "ended"))
    assert [(str(fte), ended) for fte, ended in shares] == [("0.60", change), ("0.80", None)]
    page.screenshot(path=screenshot_dir / "admin-1-person.png", full_page=True)

    # The team's supervisor gives her a client: finds the client in the caseload, edits the coach on their page.
    client = Client.objects.filter(
        team__name=TEAM, stage__in=["engagement", "job_finding"], treatment_team__isnull=False
    ).first()
    lead = browser.new_page(locale="fi-FI")
    login(lead, "supervisor")
    lead.locator("header .menu a[href='/clients/']").click()
    lead.locator("main details.filters summary").click()
    lead.locator("#id_q").fill(client.code)
    lead.locator("main details.filters form button[type=submit]").click()
    lead.locator(f"main a[href='/clients/{client.uuid}/']").click()
    lead.wait_for_url(f"**/clients/{client.uuid}/")
    lead.locator(f"main a[href='/clients/{client.uuid}/edit/']").click()
    lead.locator("#id_coach").select_option(str(person.pk))
    _submit(lead)
    assert lead.url.endswith(f"/clients/{client.uuid}/")
    expect(lead.locator("main dl").first).to_contain_text(NAME)  # the client page names her as the coach
    client.refresh_from_db()
    assert client.coach == person

    # The admin moves that client to another treatment team from today: finds the client by code, moves them.
    before = ClientTreatmentTeam.objects.in_force(today).select_related("treatment_team").get(client=client)
    assert before.started < today  # since the programme entry (the demo writes the dated row)
    target = TreatmentTeam.objects.exclude(pk=client.treatment_team_id).filter(organisation=client.organisation)[0]
    page.locator("main nav.subnav a[href='/admin/client-treatment-team/']").click()
    axe_both(page)
    page.locator("#id_code").fill(client.code)
    page.locator("main form[method=get] button").click()
    page.wait_for_load_state()
    expect(page.locator("main h2").first).to_have_text(client.code)
    spans = page.locator("main table tbody tr")
    expect(spans).to_have_count(1)
    for shown in (before.treatment_team.name, _shown(page, before.started)):
        expect(spans.first).to_contain_text(shown)
    axe_both(page)  # the client found, with the move form
    page.locator("#id_treatment_team").select_option(str(target.pk))
    page.locator("#id_on").fill(today.isoformat())
    _submit(page)
    expect(page.locator("main .message-success")).to_contain_text(client.code)
    expect(spans).to_have_count(2)  # the earlier team stays as history, ending today
    for shown in (target.name, _shown(page, today)):
        expect(spans.first).to_contain_text(shown)
    for shown in (before.treatment_team.name, _shown(page, before.started), _shown(page, today)):
        expect(spans.nth(1)).to_contain_text(shown)
    axe_both(page)
    assert ClientTreatmentTeam.objects.in_force(today).get(client=client).treatment_team == target

    # She signs in with her e-mail address, is sent to set up two-factor sign-in first, sees her recovery codes,
    # then opens her Today, where her new client is among those without contact.
    her.locator("input[name=username]").fill(EMAIL)
    her.locator("input[name=password]").fill(PASSWORD)
    her.locator("main form button[type=submit]").click()
    her.wait_for_load_state()
    assert "/accounts/2fa/" in her.url or "/accounts/reauthenticate/" in her.url, her.url
    axe_both(her)
    set_up_required_two_factor(her, PASSWORD)
    assert "/accounts/2fa/recovery-codes/" in her.url, her.url
    expect(her.locator("main")).to_contain_text(re.compile(r"[0-9a-f]{8}"))  # her recovery codes, shown once
    axe_both(her)
    assert Authenticator.objects.filter(user=person, type=Authenticator.Type.TOTP).exists()
    her.locator("header .menu a[href='/today/']").click()
    her.wait_for_load_state()
    assert her.url.endswith("/today/")
    expect(her.locator("header summary")).to_contain_text(NAME)  # signed in as herself
    expect(her.locator("h1")).to_be_visible()
    expect(her.locator("main")).to_contain_text(client.code)

    # The other admin pages, by the admin menu; the history names her and the admin who changed her.
    for href in ("/admin/teams/", "/admin/treatment-teams/", "/admin/history/"):
        page.locator(f"main nav.subnav a[href='{href}']").click()
        page.wait_for_load_state()
        axe_both(page)
    expect(page.locator("main table tbody")).to_contain_text(NAME)
    expect(page.locator("main table tbody")).to_contain_text("Liisa Mäki")
    page.screenshot(path=screenshot_dir / "admin-2-history.png", full_page=True)

    # Her page shows that she has signed in; deactivated, she cannot sign in and her roles end today.
    page.locator("main nav.subnav a[href='/admin/people/']").click()
    expect(page.locator("main table tbody")).to_contain_text(NAME)
    page.locator(f"main a[href='/admin/people/{person.pk}/']").click()
    expect(page.locator("main dl")).to_contain_text(_shown(page, today))  # last sign-in: today
    page.locator("form[action$='/deactivate/'] button").click()
    page.wait_for_load_state()
    expect(page.locator("main .message-success")).to_contain_text(NAME)
    expect(page.locator("form[action$='/reactivate/'] button")).to_be_visible()
    expect(page.locator("form[action$='/deactivate/']")).to_have_count(0)
    expect(roles.nth(0)).to_contain_text(_shown(page, today))  # the 0.8 share ends today
    axe_both(page)

    # Her next request, a click in her menu, is refused: she is sent to sign in.
    her.locator("header .menu a[href='/clients/']").click()
    her.wait_for_load_state()
    assert "/accounts/login/" in her.url
    expect(her.locator("input[name=username]")).to_be_visible()
    expect(her.locator("header .menu")).to_have_count(0)
    assert not Membership.objects.filter(user=person).active().exists()


def test_the_platform_admin_sees_the_organisations(page, demo, login, axe_both):
    login(page, "platform")
    page.locator("header .menu a[href='/platform/organisations/']").click()
    expect(page.locator("main table tbody tr")).to_have_count(2)
    axe_both(page)
    page.locator("main a[href='/platform/organisations/new/']").click()
    axe_both(page)
