"""Referral intake and decision: accepting starts the path, declining keeps the reason and no name."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ips.models import Client, ClientAssignment, Referral, ReferralSource, StageChange
from tests.factories import ReferralFactory

pytestmark = pytest.mark.django_db


def _decide(referral):
    return reverse("ips:referral_decide", args=[referral.uuid])


def test_a_coach_records_a_referral(coach_a, team_a, as_user):
    data = {
        "team": team_a.pk,
        "source": ReferralSource.objects.get(code="self_referral").pk,
        "referred_on": timezone.localdate().isoformat(),
        "referrer_organisation": "",
        "referrer_contact": "",
        "first_name": "Outi",
        "last_name": "Ohjattava",
        "birth_year": "1991",
        "municipality": "Vaasa",
    }
    response = as_user(coach_a).post(reverse("ips:referral_create"), data)
    referral = Referral.objects.get()
    assert response["Location"] == _decide(referral)
    assert (referral.decision, referral.team) == ("pending", team_a)


def test_a_referral_may_not_be_dated_in_the_future(coach_a, team_a, as_user):
    data = {"team": team_a.pk, "source": ReferralSource.objects.first().pk, "first_name": "O", "last_name": "O"}
    data["referred_on"] = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = as_user(coach_a).post(reverse("ips:referral_create"), data)
    assert response.context["form"].has_error("referred_on", "future")


def test_accepting_creates_the_client_with_its_first_stage_and_assignment(coach_a, team_a, as_user):
    referral = ReferralFactory(team=team_a, referred_on=timezone.localdate() - timedelta(days=3))
    day = timezone.localdate()
    response = as_user(coach_a).post(
        _decide(referral),
        {
            "decision": "accept",
            "accepted_on": day.isoformat(),
            "first_name": "Outi",
            "last_name": "Ohjattava",
            "coach": coach_a.pk,
            "service_type": "ips",
        },
    )
    client = Client.objects.get()
    assert response["Location"] == reverse("ips:client_detail", args=[client.uuid])
    assert (client.programme_entry, client.stage, client.coach, client.birth_year) == (day, "engagement", coach_a, 1990)
    assert StageChange.objects.get(client=client).changed_by == coach_a
    assert ClientAssignment.objects.get(client=client).started == day
    referral.refresh_from_db()
    assert (referral.decision, referral.client, referral.first_name) == ("accepted", client, "")


def test_the_programme_cannot_start_before_the_referral(coach_a, team_a, as_user):
    referral = ReferralFactory(team=team_a)
    early = referral.referred_on - timedelta(days=1)
    response = as_user(coach_a).post(
        _decide(referral),
        {
            "decision": "accept",
            "accepted_on": early.isoformat(),
            "first_name": "O",
            "last_name": "O",
            "service_type": "ips",
        },
    )
    assert response.context["accept_form"].has_error("accepted_on", "early")
    assert not Client.objects.exists()


def test_declining_keeps_the_reason_but_not_the_name(coach_a, team_a, as_user):
    referral = ReferralFactory(team=team_a)
    response = as_user(coach_a).post(
        _decide(referral),
        {"decision": "decline", "declined_on": timezone.localdate().isoformat(), "reason": "client_declined"},
    )
    assert response["Location"] == reverse("ips:referral_list")
    referral.refresh_from_db()
    assert (referral.decision, referral.decline_reason) == ("declined", "client_declined")
    assert (referral.first_name, referral.last_name) == ("", "")
    assert (referral.birth_year, referral.municipality) == (1990, "Vaasa")
    assert not Client.objects.exists()


def test_declining_needs_a_reason(coach_a, team_a, as_user):
    referral = ReferralFactory(team=team_a)
    response = as_user(coach_a).post(
        _decide(referral), {"decision": "decline", "declined_on": timezone.localdate().isoformat(), "reason": ""}
    )
    assert response.context["decline_form"].has_error("reason")
    referral.refresh_from_db()
    assert referral.decision == "pending"


def test_the_referral_list_shows_pending_and_decided(coach_a, team_a, as_user):
    pending = ReferralFactory(team=team_a)
    context = as_user(coach_a).get(reverse("ips:referral_list")).context
    assert context["pending"] == [pending]


@pytest.mark.parametrize("method", ["get", "post"])
def test_another_team_gets_404_on_a_referral(coach_b, team_a, as_user, method):
    referral = ReferralFactory(team=team_a)
    assert getattr(as_user(coach_b), method)(_decide(referral), {"decision": "decline"}).status_code == 404


def test_the_referral_pages_are_for_team_roles(reporter, as_user):
    assert as_user(reporter).get(reverse("ips:referral_list")).status_code == 403
    assert as_user(reporter).get(reverse("ips:referral_create")).status_code == 403
