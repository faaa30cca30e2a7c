"""S1 and V6 over a period with an FTE change and with a hand-over: the FTE is weighted by the days each share
covers (share × days ÷ period days), computed here by hand. The period is START–END, 28 days (four weeks)."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from fidelity.indicators.staffing import s1_caseload
from fidelity.indicators.work import v6_employer_contacts
from ips import staff
from ips.models import Membership
from tests.employers.factories import EmployerContactFactory, EmployerFactory
from tests.factories import MembershipFactory, UserFactory
from tests.fidelity.indicators_data import clients, coach, period

pytestmark = pytest.mark.django_db

CHANGE = date(2025, 1, 15)  # the first day of the new share: Jan 1–14 is 14 days, Jan 15–28 another 14
HANDOVER = date(2025, 1, 8)  # the first day of the new coach: Jan 1–7 is 7 days, Jan 8–28 is 21


def _fte_change(team):
    """One coach, 0.6 until the change and 0.8 from it: (0.6 × 14 + 0.8 × 14) / 28 = 0.7 FTE."""
    user = UserFactory()
    for fte, started, ended in (("0.60", date(2024, 6, 1), CHANGE), ("0.80", CHANGE, None)):
        MembershipFactory(user=user, team=team, role=Membership.Role.COACH, fte=fte, started=started, ended=ended)
    return user


def _handover(team):
    """Coach A full-time until the hand-over, coach B half-time from it: (1.0 × 7 + 0.5 × 21) / 28 = 0.625 FTE."""
    leaving = coach(team, "1.00", started=date(2024, 1, 1), ended=HANDOVER)
    coach(team, "0.50", started=HANDOVER)
    return leaving


def _face_to_face(team, worker, count):
    employer = EmployerFactory(organisation=team.organisation)
    for _ in range(count):
        EmployerContactFactory(team=team, coach=worker, employer=employer, date=CHANGE, face_to_face=True)


def test_an_fte_change_mid_period_weighs_each_share_by_its_days(team_a):
    _fte_change(team_a)
    assert Membership.objects.fte_weighted([team_a.pk], period(team_a)) == Fraction(7, 10)
    clients(team_a, 14)  # 14 / 0.7 = 20 clients per FTE
    suggestion = s1_caseload(period(team_a))
    assert (suggestion.score, str(suggestion.measured_value)) == (5, "20.00")
    assert suggestion.detail["figures"][2][1] == 0.7  # not 1.4, the two shares added


def test_v6_over_an_fte_change_divides_by_the_weighted_coach_weeks(team_a):
    worker = _fte_change(team_a)
    _face_to_face(team_a, worker, 16)  # 16 / (0.7 × 4 weeks) = 5.71
    suggestion = v6_employer_contacts(period(team_a))
    assert (suggestion.score, str(suggestion.measured_value)) == (4, "5.71")
    _face_to_face(team_a, worker, 1)  # 17 / 2.8 = 6.07
    suggestion = v6_employer_contacts(period(team_a))
    assert (suggestion.score, str(suggestion.measured_value)) == (5, "6.07")


def test_a_handover_between_two_coaches_does_not_double_the_fte(team_a):
    _handover(team_a)
    assert Membership.objects.fte_weighted([team_a.pk], period(team_a)) == Fraction(5, 8)
    clients(team_a, 13)  # 13 / 0.625 = 20.8, above 20: scores 4 (the unweighted 1.5 FTE would say 8.67 and 5)
    suggestion = s1_caseload(period(team_a))
    assert (suggestion.score, str(suggestion.measured_value)) == (4, "20.80")


def test_v6_over_a_handover_counts_the_coach_weeks_once(team_a):
    leaving = _handover(team_a)
    _face_to_face(team_a, leaving, 15)  # 15 / (0.625 × 4) = 6.0 exactly
    suggestion = v6_employer_contacts(period(team_a))
    assert (suggestion.score, str(suggestion.measured_value)) == (5, "6.00")


def test_a_membership_covers_its_days_in_the_period_by_the_end_date_rule(team_a):
    coach(team_a, "1.00", started=date(2025, 1, 28))  # the period's last day only: 1 / 28
    coach(team_a, None, started=date(2024, 1, 1), ended=date(2025, 1, 1))  # ended on the first day: none
    coach(team_a, "0.50", started=date(2025, 1, 10), ended=date(2025, 1, 10))  # ends the day it starts: 1 day
    coach(team_a, None, ended=date(2025, 1, 3))  # no start, no share: full-time on Jan 1 and 2
    expected = Fraction(1, 28) + Fraction(1, 2) / 28 + Fraction(2, 28)
    assert Membership.objects.fte_weighted([team_a.pk], period(team_a)) == expected


# The same two cases with the rows written as the organisation admin writes them (ips/staff.py, behind the pages
# "Change FTE share", "End role" and "Give a role"): the admin's history must weigh exactly as the hand computation.


def _contacts(team, worker, count, day):
    employer = EmployerFactory(organisation=team.organisation)
    for _ in range(count):
        EmployerContactFactory(team=team, coach=worker, employer=employer, date=day, face_to_face=True)


def _s1_and_v6(team):
    """S1's and V6's suggested score and measured value (as shown) over the period."""
    return tuple(
        (suggestion.score, str(suggestion.measured_value))
        for suggestion in (s1_caseload(period(team)), v6_employer_contacts(period(team)))
    )


def test_the_admins_fte_change_gives_s1_and_v6_of_the_hand_computation(team_a, org_admin):
    person = UserFactory(organisation=team_a.organisation)
    share = staff.role_give(
        person=person,
        organisation=team_a.organisation,
        role=Membership.Role.COACH,
        team=team_a,
        started=date(2024, 6, 1),
        fte=Decimal("0.6"),
        by=org_admin,
    )
    staff.fte_change(membership=share, fte=Decimal("0.8"), on=CHANGE, by=org_admin)
    # By hand: 0.6 × 14 days (Jan 1–14) + 0.8 × 14 days (Jan 15–28) = 8.4 + 11.2 = 19.6 FTE-days; ÷ 28 = 0.7 FTE.
    assert Membership.objects.fte_weighted([team_a.pk], period(team_a)) == Fraction(196, 10) / 28 == Fraction(7, 10)
    clients(team_a, 14)
    _contacts(team_a, person, 8, date(2025, 1, 10))
    _contacts(team_a, person, 8, date(2025, 1, 20))
    # S1: 14 clients ÷ 0.7 FTE = 20.00 clients per FTE (at most 20: score 5). Adding the shares would say 14 ÷ 1.4.
    # V6: 16 face-to-face contacts ÷ (0.7 FTE × 4 weeks = 2.8 coach-weeks) = 5.714… → 5.71 a week (5–5.9: score 4).
    assert _s1_and_v6(team_a) == ((5, "20.00"), (4, "5.71"))


def test_the_admins_hand_over_gives_s1_and_v6_of_the_hand_computation(team_a, org_admin):
    leaving, arriving = (UserFactory(organisation=team_a.organisation) for _ in range(2))
    common = {"organisation": team_a.organisation, "role": Membership.Role.COACH, "team": team_a, "by": org_admin}
    old = staff.role_give(person=leaving, started=date(2024, 1, 1), fte=Decimal("1.0"), **common)
    staff.role_end(membership=old, ended=HANDOVER, by=org_admin)
    staff.role_give(person=arriving, started=HANDOVER, fte=Decimal("0.5"), **common)
    # By hand: 1.0 × 7 days (Jan 1–7) + 0.5 × 21 days (Jan 8–28) = 7 + 10.5 = 17.5 FTE-days; ÷ 28 = 0.625 FTE,
    # 0.25 of it the leaving coach's (7 ÷ 28) and 0.375 the arriving coach's (10.5 ÷ 28).
    by_coach = Membership.objects.fte_weighted_by_user([team_a.pk], period(team_a))
    assert by_coach == {leaving.pk: Fraction(1, 4), arriving.pk: Fraction(3, 8)}
    assert Membership.objects.fte_weighted([team_a.pk], period(team_a)) == Fraction(175, 10) / 28 == Fraction(5, 8)
    clients(team_a, 13)
    _contacts(team_a, leaving, 5, date(2025, 1, 3))
    _contacts(team_a, arriving, 10, date(2025, 1, 20))
    # S1: 13 clients ÷ 0.625 FTE = 20.80 (over 20: score 4); the two shares added, 1.5 FTE, would say 8.67 and 5.
    # V6: 15 contacts ÷ (0.625 FTE × 4 weeks = 2.5 coach-weeks) = 6.00 a week (6 or more: score 5).
    assert _s1_and_v6(team_a) == ((4, "20.80"), (5, "6.00"))
