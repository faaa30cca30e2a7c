"""Per-coach rows of S2, V3, V6, V13 and V14, hand-computed: the reviewer sees who pulls the team figure down.

Coaches are staff and are named; no client is named in these rows (docs/permissions.md)."""

import pytest
from django.urls import reverse

from employers.models import EmployerContact
from fidelity.indicators.staffing import s2_employment_time
from fidelity.indicators.work import v3_profiles, v6_employer_contacts, v13_community, v14_outreach
from fidelity.models import ItemRating
from ips.models import VocationalProfile
from tests.employers.factories import EmployerContactFactory, EmployerFactory
from tests.factories import TimeEntryFactory, activity_kind
from tests.fidelity.indicators_data import START, client, coach, period

pytestmark = pytest.mark.django_db


def _named(team, first, fte="1.00"):
    worker = coach(team, fte)
    worker.first_name, worker.last_name = first, "Valmentaja"
    worker.save(update_fields=["first_name", "last_name"])
    return worker


def _log(team, worker, minutes, *, setting="office", kind="client_meeting", person=None):
    TimeEntryFactory(
        team=team, coach=worker, minutes=minutes, setting=setting, kind=activity_kind(kind), client=person, date=START
    )


def test_s2_per_coach_shares_lowest_first(team_a):
    anna, pekka = _named(team_a, "Anna"), _named(team_a, "Pekka")
    _log(team_a, anna, 90)
    _log(team_a, anna, 10, kind="other_duties")
    _log(team_a, pekka, 40)
    _log(team_a, pekka, 60, kind="other_duties")
    EmployerContactFactory(coach=pekka, team=team_a, date=START, minutes=100)
    suggestion = s2_employment_time(period(team_a))
    # Team: (90 + 40 + 100) ÷ (100 + 100 + 100) = 76.67 %. Pekka (40 + 100) ÷ 200 = 70 %, Anna 90 %.
    assert str(suggestion.measured_value) == "76.67"
    assert suggestion.detail["rows"] == [["Pekka Valmentaja", 200, 140, 70], ["Anna Valmentaja", 100, 90, 90]]


def test_v6_per_coach_rates_use_each_coachs_own_fte(team_a):
    full, half = _named(team_a, "Anna"), _named(team_a, "Pekka", "0.50")
    employer = EmployerFactory(organisation=team_a.organisation)
    EmployerContact.objects.bulk_create(
        EmployerContact(
            coach=worker,
            team=team_a,
            employer=employer,
            date=START,
            face_to_face=True,
            minutes=30,
            purpose="first_meeting",
        )
        for worker, count in ((full, 16), (half, 12))
        for _ in range(count)
    )
    suggestion = v6_employer_contacts(period(team_a))
    # 28 days = 4 weeks. Team: 28 ÷ (1.5 × 4) = 4.67; Anna 16 ÷ 4 = 4, Pekka 12 ÷ (0.5 × 4) = 6.
    assert (str(suggestion.measured_value), suggestion.score) == ("4.67", 3)
    assert suggestion.detail["rows"] == [["Anna Valmentaja", 1, 16, 4], ["Pekka Valmentaja", 0.5, 12, 6]]


def test_v13_per_coach_community_shares(team_a):
    anna, pekka = _named(team_a, "Anna"), _named(team_a, "Pekka")
    _log(team_a, anna, 60, setting="community")
    _log(team_a, anna, 40)
    _log(team_a, pekka, 20, setting="client_home")
    _log(team_a, pekka, 80, setting="remote")
    suggestion = v13_community(period(team_a))
    assert suggestion.measured_value == 40  # 80 of 200 minutes
    assert suggestion.detail["rows"] == [["Pekka Valmentaja", 100, 20, 20], ["Anna Valmentaja", 100, 60, 60]]


def test_v14_and_v3_per_coach_rows_name_coaches_never_clients(team_a):
    anna, pekka = _named(team_a, "Anna"), _named(team_a, "Pekka")
    hers = client(team_a, coach=anna, first_name="Outi", last_name="Asiakas")
    his = client(team_a, coach=pekka)
    VocationalProfile.objects.create(client=hers)
    _log(team_a, anna, 30, kind="outreach_attempt", person=hers)
    _log(team_a, anna, 30, kind="outreach_attempt", person=hers)
    _log(team_a, pekka, 30, setting="client_home", person=his)
    outreach = v14_outreach(period(team_a))
    # Columns: home visits, clients reached out to, outreach attempts; fewest attempts first.
    assert outreach.detail["rows"] == [["Pekka Valmentaja", 1, 0, 0], ["Anna Valmentaja", 0, 1, 2]]
    profiles = v3_profiles(period(team_a))
    # Clients, profiles updated in the period (this one was made today, after the period), share with a profile.
    assert profiles.detail["rows"] == [["Pekka Valmentaja", 1, 0, 0], ["Anna Valmentaja", 1, 0, 100]]
    assert "Outi" not in str(outreach.detail) + str(profiles.detail)


def test_the_review_page_shows_the_coach_rows_to_the_assigned_reviewer(client, review, reviewer):
    detail = {"figures": [["Share in the community (%)", 40]], "columns": ["Coach", "Share in the community (%)"]}
    detail["rows"], detail["row_count"] = [["Pekka Valmentaja", 20]], 1
    ItemRating.objects.filter(review=review, item__code="V13").update(suggested_score=1, measured_detail=detail)
    client.force_login(reviewer)
    assert "Pekka Valmentaja" in client.get(reverse("fidelity:review_detail", args=[review.uuid])).content.decode()
