"""Consent with a scope (parties, valid from/until, withdrawn), checked on network meetings and on employer
contacts and jobs that name the client."""

import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ips.models import Consent, NetworkMeeting, Party
from tests.employers.factories import EmployerFactory
from tests.factories import ConsentFactory

pytestmark = pytest.mark.django_db


def _parties(*codes):
    return list(Party.objects.filter(code__in=codes))


def _meeting(browser, client, *parties, day=None, **extra):
    data = {
        "held_on": (day or timezone.localdate()).isoformat(),
        "parties": [party.pk for party in parties],
        "outside_participants": "Liisa Lahti (Kela), Olli Oja (työllisyyspalvelut)",
        "agreed": "Kuntoutustarveselvitys",
        "submission_id": str(uuid.uuid4()),
        **extra,
    }
    return browser.post(reverse("ips:network_meeting_add", args=[client.uuid]), data)


def test_a_meeting_with_kela_and_employment_services_is_refused_before_consent_covers_them(
    coach_a, nurse_a, client_a, as_user
):
    kela, services = _parties("kela", "employment_services")
    browser = as_user(nurse_a)
    ConsentFactory(client=client_a, parties=[kela])  # covers Kela only
    refused = _meeting(browser, client_a, kela, services, members=[coach_a.pk, nurse_a.pk])
    assert refused.status_code == 200
    message = str(refused.context["form"].errors["parties"])
    assert "Employment services" in message or "Työllisyyspalvelut" in message
    assert not NetworkMeeting.objects.exists()
    ConsentFactory(client=client_a, parties=[services])
    saved = _meeting(browser, client_a, kela, services, members=[coach_a.pk, nurse_a.pk])
    assert saved.status_code == 302
    meeting = NetworkMeeting.objects.get(client=client_a)
    assert set(meeting.parties.all()) == {kela, services} and set(meeting.members.all()) == {coach_a, nurse_a}
    assert meeting.recorded_by == nurse_a


def test_a_withdrawn_or_expired_consent_covers_nothing(coach_a, client_a, as_user):
    today = timezone.localdate()
    kela = Party.objects.get(code="kela")
    ConsentFactory(client=client_a, parties=[kela], given_on=today - timedelta(days=60), withdrawn_on=today)
    ConsentFactory(
        client=client_a, parties=[kela], given_on=today - timedelta(days=60), valid_until=today - timedelta(days=1)
    )
    assert _meeting(as_user(coach_a), client_a, kela).status_code == 200
    assert _meeting(as_user(coach_a), client_a, kela, day=today - timedelta(days=5)).status_code == 302
    page = as_user(coach_a).get(reverse("ips:client_detail", args=[client_a.uuid])).content.decode()
    assert "No valid consent" in page or "Ei voimassa olevaa" in page


def test_a_meeting_of_team_members_only_needs_no_consent(coach_a, nurse_a, client_a, as_user):
    assert _meeting(as_user(coach_a), client_a, members=[nurse_a.pk]).status_code == 302


def test_consent_is_recorded_with_its_parties_and_end(coach_a, client_a, as_user):
    today = timezone.localdate()
    kela, employers = _parties("kela", "employers")
    response = as_user(coach_a).post(
        reverse("ips:consent_add", args=[client_a.uuid]),
        {
            "given_on": today.isoformat(),
            "parties": [kela.pk, employers.pk],
            "valid_until": (today + timedelta(days=365)).isoformat(),
            "submission_id": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 302
    consent = Consent.objects.get(client=client_a)
    assert set(consent.parties.all()) == {kela, employers} and consent.valid_until == today + timedelta(days=365)
    assert consent.is_valid_on(today) and not consent.is_valid_on(today + timedelta(days=366))


def test_a_consent_must_name_someone(coach_a, client_a, as_user):
    response = as_user(coach_a).post(
        reverse("ips:consent_add", args=[client_a.uuid]),
        {"given_on": timezone.localdate().isoformat(), "submission_id": str(uuid.uuid4())},
    )
    assert "parties" in response.context["form"].errors


def _contact(browser, client, employer):
    return browser.post(
        reverse("employers:employer_contact_create", args=[employer.uuid]),
        {
            "date": timezone.localdate().isoformat(),
            "face_to_face": "on",
            "minutes": "30",
            "purpose": "on_behalf_of_client",
            "client": client.pk,
            "submission_id": str(uuid.uuid4()),
        },
    )


def test_an_employer_contact_naming_the_client_needs_consent_to_talk_to_employers(coach_a, client_a, org_a, as_user):
    employer = EmployerFactory(organisation=org_a)
    browser = as_user(coach_a)
    ConsentFactory(client=client_a, parties=_parties("kela"))
    refused = _contact(browser, client_a, employer)
    assert refused.status_code == 200 and "client" in refused.context["form"].errors
    assert not client_a.employer_contacts.exists()
    ConsentFactory(client=client_a, parties=_parties("employers"))
    assert _contact(browser, client_a, employer).status_code == 302
    assert client_a.employer_contacts.count() == 1


def test_a_job_naming_the_client_needs_consent_to_talk_to_employers(coach_a, client_a, org_a, as_user):
    employer = EmployerFactory(organisation=org_a)
    data = {
        "employer": employer.pk,
        "title": "Varastotyöntekijä",
        "occupation_code": "9333",
        "hours_per_week": "25",
        "hourly_wage": "13.20",
        "start_date": timezone.localdate().isoformat(),
        "contract_type": "permanent",
        "competitive": "on",
        "submission_id": str(uuid.uuid4()),
    }
    url = reverse("employers:job_start", args=[client_a.uuid])
    refused = as_user(coach_a).post(url, data)
    assert refused.status_code == 200 and refused.context["form"].non_field_errors()
    assert not client_a.jobs.exists()
    ConsentFactory(client=client_a, parties=_parties("employers"))
    assert as_user(coach_a).post(url, {**data, "submission_id": str(uuid.uuid4())}).status_code == 302
    assert client_a.jobs.count() == 1


def test_an_empty_network_meeting_is_refused_with_what_it_needs(coach_a, client_a, as_user):
    response = _meeting(as_user(coach_a), client_a, outside_participants="  ", agreed="", goals=[])
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"members"}
    assert "Say who took part" in str(form.errors["members"]) or "Kerro, ketkä" in str(form.errors["members"])
    assert 'id="id_members_error"' in response.content.decode()
    assert not NetworkMeeting.objects.exists()


@pytest.mark.parametrize(
    "who",
    [{"members": "coach"}, {"outside_participants": "Liisa Lahti (Kela)"}],
    ids=["a team member", "a named outside participant"],
)
def test_one_participant_is_enough_for_a_meeting(coach_a, client_a, as_user, who):
    extra = {"members": [coach_a.pk]} if who.get("members") else {"outside_participants": who["outside_participants"]}
    response = _meeting(as_user(coach_a), client_a, **{"outside_participants": "", "agreed": "", **extra})
    assert response.status_code == 302
    assert NetworkMeeting.objects.filter(client=client_a).exists()
