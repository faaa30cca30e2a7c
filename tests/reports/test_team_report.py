"""The team report against arithmetic done by hand, who may read it, and its pinned query budget.

Team A, period 2025 Q1 (1.1.–31.3.2025):
  s1 IPS since 6/2024 · s2 assessment from 10/2024, IPS from 15.2.2025 (both in Q1) · s3 assessment from 10.1.2025
  · s4 assessment until 31.3.2025, IPS from 1.4.2025 (assessment only in Q1) · s5 closed 30.11.2024 (not served)
  · team B's client (not the team's).
  IPS: s1, s2 = 2; assessment: s2, s3, s4 = 3; both: s2 = 1; clients served: s1–s4 = 4.
Network meetings in Q1: 15.1. s1 with Kela and employment services; 20.1. s2 with Kela; 5.2. s3 team only;
  2.4. s1 with Kela (after Q1); team B's client 10.1. with Kela (not the team's).
  January: 2 meetings, Kela 2, employment services 1, team only 0; February: 1, team only 1. Total 3.
Plans today: s1 has two actions past their target dates (planned 10 days ago, in progress 3 days ago), one done
  20 days ago and one due in 5 days: 2 overdue, the oldest 10 days ago. s2's plan review was yesterday. s3's only
  action is "not done" (followed up) and its review is today: not overdue. s4 has no plan. The closed s5 and team
  B's client have overdue actions but are not the team's open clients.
"""

from datetime import date, timedelta

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from ips.models import Goal, Membership, NetworkMeeting, Party, PlanAction, ServicePeriod, ServiceType, SupportPlan
from ips.periods import Period, quarter_of
from reports.team import clients_by_service, network_meetings, overdue_plans
from tests.factories import MembershipFactory, closed_client, entrant

URL = reverse("reports:team")
Q1 = Period(date(2025, 1, 1), date(2025, 3, 31))


def action(client, days, status=PlanAction.Status.PLANNED):
    goal = Goal.objects.create(client=client, text="Työkokeilu", set_on=date(2025, 1, 1))
    target = timezone.localdate() + timedelta(days=days)
    return PlanAction.objects.create(client=client, goal=goal, text="Soita", target_date=target, status=status)


def meeting(client, day, *codes, by):
    held = NetworkMeeting.objects.create(client=client, held_on=day, recorded_by=by)
    held.parties.set(Party.objects.filter(code__in=codes))
    return held


@pytest.fixture
def team_work(team_a, team_b, coach_a, coach_b):
    today = timezone.localdate()
    s1 = entrant(team_a, coach_a, date(2024, 6, 1))
    s2 = entrant(
        team_a, coach_a, date(2024, 10, 1), service_type=ServiceType.ASSESSMENT, service_ended=date(2025, 2, 14)
    )
    ServicePeriod.objects.create(client=s2, service=ServiceType.IPS, started=date(2025, 2, 15))
    s3 = entrant(team_a, coach_a, date(2025, 1, 10), service_type=ServiceType.ASSESSMENT)
    s4 = entrant(
        team_a, coach_a, date(2024, 12, 1), service_type=ServiceType.ASSESSMENT, service_ended=date(2025, 3, 31)
    )
    ServicePeriod.objects.create(client=s4, service=ServiceType.IPS, started=date(2025, 4, 1))
    s5 = closed_client(team_a, coach_a, date(2024, 11, 30))
    other = entrant(team_b, coach_b, date(2024, 6, 1))

    meeting(s1, date(2025, 1, 15), Party.Code.KELA, Party.Code.EMPLOYMENT_SERVICES, by=coach_a)
    meeting(s2, date(2025, 1, 20), Party.Code.KELA, by=coach_a)
    meeting(s3, date(2025, 2, 5), by=coach_a)
    meeting(s1, date(2025, 4, 2), Party.Code.KELA, by=coach_a)
    meeting(other, date(2025, 1, 10), Party.Code.KELA, by=coach_b)

    SupportPlan.objects.create(client=s1, next_review_on=today + timedelta(days=30))
    action(s1, -10)
    action(s1, -3, PlanAction.Status.IN_PROGRESS)
    action(s1, -20, PlanAction.Status.DONE)
    action(s1, 5)
    SupportPlan.objects.create(client=s2, next_review_on=today - timedelta(days=1))
    SupportPlan.objects.create(client=s3, next_review_on=today)
    action(s3, -5, PlanAction.Status.NOT_DONE)
    action(s5, -10)
    action(other, -10)
    return {"s1": s1, "s2": s2, "s3": s3, "s4": s4, "s5": s5, "other": other}


def test_it_counts_clients_by_the_services_their_periods_give_in_the_period(team_work, team_a):
    services = clients_by_service(team_a, Q1)
    assert {row["service"]: row["clients"] for row in services["rows"]} == {"ips": 2, "assessment": 3}
    assert (services["both"], services["total"]) == (1, 4)


def test_a_later_period_counts_the_move_to_ips(team_work, team_a):
    # 2025 Q2: s1, s2 and s4 in IPS (s4 from 1.4.), s3 in assessment; nobody in both.
    services = clients_by_service(team_a, Period(date(2025, 4, 1), date(2025, 6, 30)))
    assert {row["service"]: row["clients"] for row in services["rows"]} == {"ips": 3, "assessment": 1}
    assert (services["both"], services["total"]) == (0, 4)


def test_it_counts_network_meetings_by_month_and_party(team_work, team_a):
    meetings = network_meetings(team_a, Q1)
    kela, employment = Party.objects.get(code="kela"), Party.objects.get(code="employment_services")
    columns = [*meetings["columns"], "team only"]
    table = {
        row["month"]: dict(zip(columns, row["cells"], strict=True)) | {"total": row["total"]}
        for row in meetings["rows"]
    }
    assert table == {
        date(2025, 1, 1): {kela.name: 2, employment.name: 1, "team only": 0, "total": 2},
        date(2025, 2, 1): {kela.name: 0, employment.name: 0, "team only": 1, "total": 1},
    }
    assert meetings["total"] == 3
    assert dict(zip(columns, meetings["column_totals"], strict=True)) == {
        kela.name: 2,
        employment.name: 1,
        "team only": 1,
    }


def test_it_lists_the_plans_with_overdue_follow_ups(team_work, team_a):
    today = timezone.localdate()
    plans = overdue_plans(team_a, today)
    assert [client.code for client in plans] == [team_work["s1"].code, team_work["s2"].code]
    s1, s2 = plans
    assert (s1.overdue_actions, s1.first_overdue) == (2, today - timedelta(days=10))
    assert (s2.overdue_actions, s2.first_overdue, s2.review_on) == (0, None, today - timedelta(days=1))


def test_the_supervisor_reads_the_page_and_the_listed_clients_are_logged(team_work, as_user, supervisor_a, team_a):
    # A surname no staff member's name contains (a generated "Nurmi" stood inside the coach "Nurmio" on the page).
    team_work["s1"].last_name = "Ylijääskeläinen"
    team_work["s1"].save(update_fields=["last_name"])
    response = as_user(supervisor_a).get(URL, {"team": str(team_a.uuid), "start": "2025-01-01", "end": "2025-03-31"})
    assert response.status_code == 200
    assert response.context["services"]["total"] == 4
    assert response.context["meetings"]["total"] == 3
    page = response.content.decode()
    assert reverse("ips:plan_detail", args=[team_work["s1"].uuid]) in page
    assert team_work["s1"].last_name not in page
    logged = set(
        LogEntry.objects.filter(actor=supervisor_a, action=LogEntry.Action.ACCESS).values_list(
            "additional_data__client", flat=True
        )
    )
    assert logged == {str(team_work["s1"].uuid), str(team_work["s2"].uuid)}


def test_a_bare_visit_shows_the_current_quarter_of_the_users_team(as_user, supervisor_a, team_a):
    response = as_user(supervisor_a).get(URL)
    assert response.status_code == 200
    assert response.context["team"] == team_a
    assert response.context["period"].start.day == 1
    assert response.context["period"].start.month in (1, 4, 7, 10)


@pytest.mark.parametrize(
    ("asked", "field"),
    [
        ({"start": "2025-03-31", "end": "2025-01-01"}, "end"),  # once quietly swapped
        ({"start": "2026-02-30"}, "start"),
        ({"start": "abc"}, "start"),
        ({"start": "1800-01-01"}, "start"),
        ({"end": "9999-12-31"}, "end"),
        ({"start": "2015-01-01", "end": "2025-12-31"}, "end"),  # over five years
    ],
)
def test_a_period_it_cannot_show_is_refused_next_to_the_field_as_typed(as_user, supervisor_a, asked, field):
    response = as_user(supervisor_a).get(URL, asked)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    page = response.content.decode()
    assert f'id="team-report-{field}_error"' in page
    for value in asked.values():
        assert f'value="{value}"' in page  # what was typed stays in the field
    # Meanwhile the report shows the current quarter, as a bare visit does.
    assert response.context["period"] == quarter_of(timezone.localdate())


def test_the_organisation_admin_reads_codes_without_plan_links(team_work, as_user, org_admin, team_a):
    response = as_user(org_admin).get(URL, {"team": str(team_a.uuid)})
    assert response.status_code == 200
    page = response.content.decode()
    assert team_work["s1"].code in page
    assert reverse("ips:plan_detail", args=[team_work["s1"].uuid]) not in page


def test_the_reports_page_links_to_it_for_a_supervisor(as_user, supervisor_a, coach_a):
    assert URL in as_user(supervisor_a).get(reverse("reports:dashboard")).content.decode()
    assert URL not in as_user(coach_a).get(reverse("reports:dashboard")).content.decode()


def test_others_get_404_for_the_team_and_403_without_one(
    team_work, as_user, team_a, team_b, coach_a, coach_b, reviewer, org_admin_b
):
    supervisor_b = MembershipFactory(team=team_b, role=Membership.Role.SUPERVISOR).user
    for user in (coach_a, coach_b, supervisor_b, reviewer, org_admin_b):
        assert as_user(user).get(URL, {"team": str(team_a.uuid)}).status_code == 404, user
    for user in (coach_a, reviewer):
        assert as_user(user).get(URL).status_code == 403
    # A supervisor of team B reads team B.
    assert as_user(supervisor_b).get(URL).context["team"] == team_b
    assert not LogEntry.objects.filter(action=LogEntry.Action.ACCESS, actor__in=[coach_a, coach_b, reviewer]).exists()


def test_the_query_count_does_not_grow_with_rows(as_user, supervisor_a, team_a, coach_a, flat_queries):
    def populate(count):
        for _ in range(count):
            client = entrant(team_a, coach_a, date(2025, 1, 5))
            ServicePeriod.objects.create(client=client, service=ServiceType.ASSESSMENT, started=date(2025, 1, 5))
            SupportPlan.objects.create(client=client, next_review_on=date(2025, 1, 1))
            action(client, -4)
            meeting(client, date(2025, 2, 3), Party.Code.KELA, Party.Code.EMPLOYMENT_SERVICES, by=coach_a)

    url = f"{URL}?team={team_a.uuid}&start=2025-01-01&end=2025-03-31"
    flat_queries(as_user(supervisor_a), url, populate, 9)
