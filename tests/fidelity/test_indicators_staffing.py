"""S1, S2, O1 and O6 from data, hand-computed on small made-up teams."""

from datetime import date

import pytest

from fidelity.indicators.staffing import o1_treatment_teams, o6_referrals, s1_caseload, s2_employment_time
from ips.models import ClientAssignment, ClientTreatmentTeam, Referral, TreatmentTeam, TreatmentTeamMembership
from tests.employers.factories import EmployerContactFactory, EmployerFactory
from tests.factories import ReferralFactory, TimeEntryFactory, activity_kind
from tests.fidelity.indicators_data import END, START, client, clients, coach, period

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("count", "score"), [(20, 5), (21, 4), (25, 4), (26, 3), (30, 3), (31, 2), (40, 2), (41, 1)])
def test_caseload_per_full_time_coach_scores_by_the_anchors(team_a, count, score):
    coach(team_a, "1.00")
    clients(team_a, count)
    suggestion = s1_caseload(period(team_a))
    assert (suggestion.score, suggestion.measured_value) == (score, count)


def test_a_part_time_coach_counts_with_their_share(team_a):
    coach(team_a, "1.00")
    coach(team_a, "0.50")
    clients(team_a, 30)
    assert s1_caseload(period(team_a)).score == 5  # 30 / 1.5 = 20
    clients(team_a, 1)
    suggestion = s1_caseload(period(team_a))
    assert (suggestion.score, str(suggestion.measured_value)) == (4, "20.67")


def test_a_fractional_caseload_is_compared_exactly_so_20_4_scores_4(team_a):
    coach(team_a, "1.00")
    coach(team_a, "1.00")
    coach(team_a, "0.50")
    clients(team_a, 51)  # 51 / 2.5 = 20.4
    suggestion = s1_caseload(period(team_a))
    assert (suggestion.score, str(suggestion.measured_value)) == (4, "20.40")


def test_a_client_who_moves_teams_mid_period_counts_in_each_team_for_the_days_there(team_a, team_b):
    coach(team_a)
    coach(team_b)
    moved = client(team_a, started=date(2024, 6, 1), ended=date(2025, 1, 15))
    ClientAssignment.objects.create(client=moved, team=team_b, started=date(2025, 1, 15))
    # The 28-day period: 1–14 January in team A (the move day is the new team's), 15–28 in team B: half a client each,
    # the mean daily caseload, so the move does not count the client twice.
    for team in (team_a, team_b):
        suggestion = s1_caseload(period(team))
        assert suggestion.detail["rows"] == [[moved.code, 14]]
        assert str(suggestion.measured_value) == "0.50"
    # A later period: the client is team B's only.
    later = (date(2025, 2, 1), date(2025, 2, 28))
    assert s1_caseload(period(team_a, *later)).score is None
    assert s1_caseload(period(team_b, *later)).measured_value == 1


def test_s1_counts_the_mean_daily_caseload_a_client_who_joined_mid_period_by_days(team_a):
    """Issue 17: S1's active clients are the mean daily caseload over the period, stated on the page."""
    coach(team_a, "0.50")
    clients(team_a, 10)
    joined = client(team_a, started=date(2025, 1, 15))  # 15–28 January: 14 of the 28 days
    suggestion = s1_caseload(period(team_a))
    # (10 × 28 + 14) / 28 = 10.5 clients a day; ÷ 0.5 FTE = 21 per FTE, above 20: 4 (counting heads, 11 / 0.5 = 22).
    figures = dict(suggestion.detail["figures"])
    assert figures["Clients in the caseload during the period"] == 11
    assert figures["Mean daily caseload"] == 10.5
    assert (suggestion.score, str(suggestion.measured_value)) == (4, "21.00")
    assert [joined.code, 14] in suggestion.detail["rows"]
    assert "mean daily caseload" in suggestion.detail["note"]


def test_clients_closed_before_the_period_and_coaches_who_left_do_not_count(team_a):
    coach(team_a, "1.00")
    coach(team_a, "1.00", started=date(2023, 1, 1), ended=date(2024, 12, 31))
    clients(team_a, 10)
    client(team_a, started=date(2024, 1, 1), ended=date(2024, 12, 31))
    suggestion = s1_caseload(period(team_a))
    assert suggestion.measured_value == 10
    assert suggestion.detail["figures"][2][1] == 1.0


def test_the_caseload_detail_lists_pseudonym_codes_never_names(team_a):
    coach(team_a)
    made = clients(team_a, 3)
    detail = s1_caseload(period(team_a)).detail
    assert sorted(row[0] for row in detail["rows"]) == sorted(c.code for c in made)
    assert detail["row_count"] == 3
    assert not any(c.last_name in str(detail) for c in made)


def test_every_caseload_row_is_kept_for_the_download(team_a):
    # Issue 17: the page shows the first 50 rows, the stored detail (and its Excel download) all of them.
    coach(team_a, "1.00")
    coach(team_a, "1.00")
    clients(team_a, 55)
    detail = s1_caseload(period(team_a)).detail
    assert (len(detail["rows"]), detail["row_count"]) == (55, 55)


def test_a_team_without_clients_gets_no_caseload_suggestion_not_a_zero(team_a):
    coach(team_a)
    suggestion = s1_caseload(period(team_a))
    assert suggestion.score is None
    assert suggestion.measured_value is None


def _log(team, minutes, *, kind="client_meeting", setting="office", day=START):
    return TimeEntryFactory(
        team=team, coach=coach(team), minutes=minutes, kind=activity_kind(kind), setting=setting, date=day
    )


@pytest.mark.parametrize(
    ("employment", "other", "score"),
    [
        (960, 40, 5),
        (959, 41, 4),
        (900, 100, 4),
        (899, 101, 3),
        (750, 250, 3),
        (749, 251, 2),
        (600, 400, 2),
        (599, 401, 1),
    ],
)
def test_share_of_employment_work_scores_by_the_anchors(team_a, employment, other, score):
    _log(team_a, employment)
    _log(team_a, other, kind="other_duties")
    assert s2_employment_time(period(team_a)).score == score


def test_employer_contact_minutes_count_as_employment_work(team_a):
    _log(team_a, 50)
    _log(team_a, 50, kind="other_duties")
    employer = EmployerFactory(organisation=team_a.organisation)
    EmployerContactFactory(coach=coach(team_a), team=team_a, employer=employer, minutes=100, date=START)
    suggestion = s2_employment_time(period(team_a))
    assert (suggestion.measured_value, suggestion.score) == (75, 3)  # 150 / 200


def test_time_outside_the_period_or_of_another_team_is_not_counted(team_a, team_b):
    _log(team_a, 100)
    _log(team_a, 100, kind="other_duties", day=END.replace(day=29))
    _log(team_b, 100, kind="other_duties")
    assert s2_employment_time(period(team_a)).measured_value == 100


def test_a_period_with_no_logged_time_gets_no_suggestion(team_a):
    assert s2_employment_time(period(team_a)).score is None


def _treatment_team(team, name, *coaches, started=date(2024, 1, 1), ended=None):
    """A treatment team with the coaches as dated members (what O1 reads) and as current members."""
    made = TreatmentTeam.objects.create(organisation=team.organisation, name=name)
    made.coaches.set(coaches)
    for person in coaches:
        TreatmentTeamMembership.objects.create(treatment_team=made, user=person, started=started, ended=ended)
    return made


def test_o1_counts_clients_whose_treatment_team_their_coach_belongs_to(team_a):
    worker = coach(team_a)
    own = _treatment_team(team_a, "Psykiatrian poliklinikka", worker)
    other = _treatment_team(team_a, "Päihdepalvelut")
    clients(team_a, 9, coach=worker, treatment_team=own)
    client(team_a, coach=worker, treatment_team=other)
    suggestion = o1_treatment_teams(period(team_a))
    assert (suggestion.measured_value, suggestion.score) == (90, 5)
    client(team_a, coach=worker, treatment_team=other)
    assert o1_treatment_teams(period(team_a)).score == 4  # 9 / 11 = 81.8 %


def test_o1_a_coach_in_three_treatment_teams_does_not_count_as_integrated(team_a):
    worker = coach(team_a)
    first = _treatment_team(team_a, "Tiimi 1", worker)
    _treatment_team(team_a, "Tiimi 2", worker)
    _treatment_team(team_a, "Tiimi 3", worker)
    clients(team_a, 2, coach=worker, treatment_team=first)
    suggestion = o1_treatment_teams(period(team_a))
    assert (suggestion.measured_value, suggestion.score) == (0, 3)


def test_o1_coaches_in_no_treatment_team_score_2(team_a):
    clients(team_a, 3, coach=coach(team_a))
    assert o1_treatment_teams(period(team_a)).score == 2


def test_o6_shows_declined_referrals_by_reason_without_a_score(team_a):
    ReferralFactory(team=team_a, referred_on=START)
    ReferralFactory(team=team_a, referred_on=START, declined=True, decline_reason=Referral.DeclineReason.NOT_REACHED)
    suggestion = o6_referrals(period(team_a))
    assert suggestion.score is None
    assert suggestion.measured_value == 50
    assert suggestion.detail["rows"] == [["The person could not be reached", 1]]
    assert "Outi" not in str(suggestion.detail)


def test_o1_reads_a_membership_that_ended_mid_period_for_the_days_it_covered(team_a):
    """Period 1–28 January. The coach left "Poliklinikka" on 15 January (the first day not covered): a client of
    that team since December counts as integrated; a client who joined it on 20 January, after the coach had left,
    does not; a third team that ended in 2024 does not count among the coach's teams."""
    worker = coach(team_a)
    left = _treatment_team(team_a, "Poliklinikka", worker, ended=date(2025, 1, 15))
    _treatment_team(team_a, "Kuntoutus", worker)
    _treatment_team(team_a, "Vanha tiimi", worker, ended=date(2024, 12, 1))
    early = client(team_a, coach=worker, treatment_team=left)
    late = client(team_a, coach=worker)
    ClientTreatmentTeam.objects.create(client=late, treatment_team=left, started=date(2025, 1, 20))
    suggestion = o1_treatment_teams(period(team_a))
    rows = {row[0]: row[1:] for row in suggestion.detail["rows"]}
    assert rows == {early.code: ["✓", 2], late.code: ["–", 2]}
    assert (suggestion.measured_value, suggestion.score) == (50, 4)  # 1 of 2 clients


def test_o1_a_membership_ended_before_the_period_does_not_count(team_a):
    worker = coach(team_a)
    gone = _treatment_team(team_a, "Poliklinikka", worker, ended=date(2024, 12, 31))
    clients(team_a, 2, coach=worker, treatment_team=gone)
    assert o1_treatment_teams(period(team_a)).score == 2  # no coach in any treatment team during the period
