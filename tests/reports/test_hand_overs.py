"""Hand-overs by destination: hand-computed counts, suppression of small counts, who sees the page, its queries."""

from datetime import date
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from ips.models import Destination, HandOver
from ips.periods import Period
from reports.hand_overs import hand_over_report
from reports.metrics import Scope
from reports.metrics.suppression import HIDDEN
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db

Q1 = Period(date(2025, 1, 1), date(2025, 3, 31))
A = HandOver.Attended


def _hand_over(team, coach, code, day, *, closes=False, attended=A.COORDINATOR):
    client = ClientFactory(team=team, coach=coach, programme_entry=date(2024, 6, 1))
    return HandOver.objects.create(
        client=client,
        team=team,
        destination=Destination.objects.get(code=code),
        receiver_organisation="Vastaanottaja",
        first_meeting_on=day,
        attended=attended,
        closes_service=closes,
        recorded_by=coach,
    )


@pytest.fixture
def hand_overs(team_a, team_b, coach_a, coach_b):
    """Team A in Q1 2025: vocational rehabilitation 5 (2 closing, 1 unaccompanied), education 6 (all accompanied,
    none closing), pension 1 (closing). Outside: two days either side of Q1, and one of team B."""
    rehab, education, pension = "vocational_rehabilitation", "education", "pension"
    for n in range(5):
        attended = A.NEITHER if n == 0 else (A.COACH, A.BOTH, A.COORDINATOR, A.COACH)[n - 1]
        _hand_over(team_a, coach_a, rehab, date(2025, 1, 1 + n), closes=n < 2, attended=attended)
    for n in range(6):
        _hand_over(team_a, coach_a, education, date(2025, 3, 31 - n))
    _hand_over(team_a, coach_a, pension, date(2025, 2, 14), closes=True, attended=A.BOTH)
    _hand_over(team_a, coach_a, rehab, date(2024, 12, 31))
    _hand_over(team_a, coach_a, rehab, date(2025, 4, 1))
    _hand_over(team_b, coach_b, education, date(2025, 2, 1))


def _team(team):
    return Scope(team_ids=frozenset({team.pk}), label=team.name, kind="team")


def _by_code(rows):
    return {(row.destination.code if row.destination else "all"): row for row in rows}


def _cells(row):
    return (row.hand_overs, row.closing, row.accompanied)


def test_the_counts_are_the_hand_computed_ones(hand_overs, team_a, team_b):
    rows = _by_code(hand_over_report(_team(team_a), Q1, suppressed=False))
    assert _cells(rows["vocational_rehabilitation"]) == (5, 2, 4)
    assert _cells(rows["education"]) == (6, 0, 6)
    assert _cells(rows["pension"]) == (1, 1, 1)
    assert _cells(rows["social_rehabilitation"]) == (0, 0, 0)
    assert _cells(rows["all"]) == (12, 3, 11)
    # The organisation's two teams: team B's education hand-over counts too.
    both = Scope(team_ids=frozenset({team_a.pk, team_b.pk}), label="A", kind="organisation")
    rows = _by_code(hand_over_report(both, Q1, suppressed=False))
    assert _cells(rows["education"]) == (7, 0, 7)
    assert _cells(rows["all"]) == (13, 3, 12)


def test_small_counts_and_what_gives_them_back_are_hidden(hand_overs, team_a):
    rows = hand_over_report(_team(team_a), Q1)
    by_code = _by_code(rows)
    assert _cells(by_code["pension"]) == (HIDDEN, HIDDEN, HIDDEN)
    assert _cells(by_code["education"]) == (6, 0, 6)
    assert _cells(by_code["vocational_rehabilitation"]) == (5, HIDDEN, HIDDEN)
    assert by_code["all"].hand_overs == 12 and by_code["all"].accompanied == 11
    assert by_code["all"].closing == HIDDEN  # 3 is itself a small count
    # No column has exactly one hidden cell: the total minus the shown cells would give it back.
    for column in ("hand_overs", "closing", "accompanied"):
        hidden = sum(1 for row in rows if getattr(row, column) == HIDDEN)
        assert hidden != 1, column


def test_a_supervisor_sees_the_report_of_their_team(hand_overs, as_user, supervisor_a, team_a):
    query = urlencode({"scope": f"team:{team_a.uuid}", "start": "2025-01-01", "end": "2025-03-31"})
    response = as_user(supervisor_a).get(reverse("reports:hand_overs") + "?" + query)
    assert response.status_code == 200
    rows = _by_code(response.context["rows"])
    assert _cells(rows["education"]) == (6, 0, 6)
    assert "Ammatillinen kuntoutus" in response.content.decode()
    # Reached from the dashboard of the same scope and period.
    dashboard = as_user(supervisor_a).get(reverse("reports:dashboard") + "?" + query).content.decode()
    assert reverse("reports:hand_overs") + "?" + query.replace("&", "&amp;") in dashboard


def test_a_reporter_sees_the_organisation(hand_overs, as_user, reporter, org_a):
    query = urlencode({"scope": f"org:{org_a.uuid}", "start": "2025-01-01", "end": "2025-03-31"})
    response = as_user(reporter).get(reverse("reports:hand_overs") + "?" + query)
    assert _cells(_by_code(response.context["rows"])["all"]) == (13, HIDDEN, 12)


def test_coaches_and_reviewers_are_refused_and_other_scopes_are_404(
    hand_overs, as_user, coach_a, reviewer, supervisor_a, org_admin_b, team_b, org_a
):
    url = reverse("reports:hand_overs")
    assert as_user(coach_a).get(url).status_code == 403
    assert as_user(reviewer).get(url).status_code == 403
    assert as_user(supervisor_a).get(url + f"?scope=team:{team_b.uuid}").status_code == 404
    assert as_user(org_admin_b).get(url + f"?scope=org:{org_a.uuid}").status_code == 404


def test_the_report_query_count_is_flat(as_user, supervisor_a, team_a, coach_a, flat_queries):
    def populate(count):
        for n in range(count):
            _hand_over(team_a, coach_a, ("education", "pension", "work_trial")[n % 3], date(2025, 2, 1 + n % 20))

    url = reverse("reports:hand_overs") + f"?scope=team:{team_a.uuid}&start=2025-01-01&end=2025-03-31"
    # Session with user, roles, the teams of the report scopes (no organisations to ask for), the counts, the
    # destinations.
    flat_queries(as_user(supervisor_a), url, populate, 5)
