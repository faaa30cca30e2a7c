"""The week's timesheet: a coach's own, and the supervisor's view of each coach of the team."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from tests.employers.factories import EmployerContactFactory, EmployerFactory, bulk_contacts
from tests.factories import ClientFactory, TimeEntryFactory, activity_kind

pytestmark = pytest.mark.django_db

WEEK_URL = reverse("ips:week")


def _monday():
    today = timezone.localdate()
    return today - timedelta(days=today.weekday())


def test_a_coach_sees_their_week_by_activity_and_day(coach_a, team_a, as_user):
    monday = _monday()
    TimeEntryFactory(coach=coach_a, team=team_a, date=monday, minutes=60, kind=activity_kind("job_search"))
    TimeEntryFactory(coach=coach_a, team=team_a, date=monday, minutes=30, kind=activity_kind("job_search"))
    context = as_user(coach_a).get(WEEK_URL, {"on": monday.isoformat()}).context
    assert context["coach"] == coach_a
    assert context["grid"][0]["kind"].code == "job_search"
    assert context["grid"][0]["cells"][0] == 90
    assert context["totals"]["total"] == 90


def test_the_week_moves_back_and_forth(coach_a, team_a, as_user):
    last_week = _monday() - timedelta(days=7)
    TimeEntryFactory(coach=coach_a, team=team_a, date=last_week + timedelta(days=2), minutes=45)
    response = as_user(coach_a).get(WEEK_URL, {"on": (last_week + timedelta(days=4)).isoformat()})
    assert response.context["days"][0] == last_week
    assert response.context["totals"]["total"] == 45
    assert response.context["following"] == _monday()
    assert f"?on={_monday().isoformat()}" in response.content.decode()


def test_a_nonsense_week_falls_back_to_this_week(coach_a, as_user):
    assert as_user(coach_a).get(WEEK_URL, {"on": "yesterday"}).context["days"][0] == _monday()


def test_the_supervisor_sees_each_coach_of_the_team(coach_a, coach_a2, supervisor_a, team_a, as_user):
    TimeEntryFactory(coach=coach_a, team=team_a, date=_monday(), minutes=120, setting="workplace")
    TimeEntryFactory(coach=coach_a2, team=team_a, date=_monday(), minutes=60, setting="office")
    context = as_user(supervisor_a).get(WEEK_URL).context
    rows = {row["coach"]: row for row in context["team_rows"]}
    assert rows[coach_a]["total"] == 120 and rows[coach_a]["community_share"] == 100
    assert rows[coach_a2]["total"] == 60 and rows[coach_a2]["community_share"] == 0


def test_the_supervisor_picks_a_coach(coach_a2, coach_a, supervisor_a, team_a, as_user):
    TimeEntryFactory(coach=coach_a2, team=team_a, date=_monday(), minutes=60)
    context = as_user(supervisor_a).get(WEEK_URL, {"coach": coach_a2.username}).context
    assert context["coach"] == coach_a2
    assert context["totals"]["total"] == 60
    assert context["can_edit"] is False


def test_a_coach_may_not_open_a_teammates_week(coach_a, coach_a2, as_user):
    assert as_user(coach_a).get(WEEK_URL, {"coach": coach_a2.username}).status_code == 404


def test_a_supervisor_may_not_open_another_teams_coach(coach_b, supervisor_a, as_user):
    assert as_user(supervisor_a).get(WEEK_URL, {"coach": coach_b.username}).status_code == 404


def test_the_week_is_for_team_roles_only(reporter, as_user):
    assert as_user(reporter).get(WEEK_URL).status_code == 403


def _fill(coach, team, count):
    client = ClientFactory(team=team, coach=coach)
    for n in range(count):
        TimeEntryFactory(coach=coach, team=team, client=client, date=_monday() + timedelta(days=n % 5), minutes=5)
    employer = EmployerFactory(organisation=team.organisation)
    days = [_monday() + timedelta(days=n % 5) for n in range(count // 5)]
    bulk_contacts([{"date": day} for day in days], coach=coach, team=team, employer=employer)


def test_the_week_query_count_is_pinned_and_flat(
    coach_a, coach_a2, supervisor_a, team_a, client, count_queries, django_assert_num_queries
):
    _fill(coach_a, team_a, 5)
    _fill(coach_a2, team_a, 5)
    client.force_login(supervisor_a)
    url = f"{WEEK_URL}?coach={coach_a.username}"
    few = count_queries(url)
    _fill(coach_a, team_a, 50)
    _fill(coach_a2, team_a, 50)
    assert count_queries(url) == few
    # Session with user, roles, coaches, the week's work time of every coach shown (the log by coach, day and kind,
    # and the employer contacts: the grid, the totals and the team's rows are their sums), the coach's entries, the
    # access log of the entries' clients (one insert), teams; no session write within its minute (ips/sessions.py).
    with django_assert_num_queries(8):
        client.get(url)


def _a_week_with_an_employer_visit(coach, team):
    """90 minutes in the log (60 at a workplace, 30 at the office) and a 45-minute face-to-face employer visit,
    all today."""
    today = timezone.localdate()
    TimeEntryFactory(coach=coach, team=team, date=today, minutes=60, setting="workplace")
    TimeEntryFactory(coach=coach, team=team, date=today, minutes=30, setting="office")
    employer = EmployerFactory(organisation=team.organisation, name="Kauppahalli Oy")
    return EmployerContactFactory(coach=coach, team=team, employer=employer, date=today, minutes=45)


def test_today_and_the_week_show_one_work_time_for_the_week_employer_contacts_included(coach_a, team_a, as_user):
    _a_week_with_an_employer_visit(coach_a, team_a)
    today = as_user(coach_a).get(reverse("ips:today")).context
    week = as_user(coach_a).get(WEEK_URL).context
    assert today["week_totals"]["total"] == week["totals"]["total"] == 90 + 45
    # The visit was out at the employer's: community time on both pages alike.
    assert today["community_share"] == week["community_share"] == round(100 * (60 + 45) / (90 + 45))
    day = timezone.localdate().weekday()
    assert week["totals"]["days"][day] == 135
    assert [row["minutes"] for row in today["days"]][day] == 135


def test_the_week_shows_the_employer_contacts_as_a_row_and_an_entry(coach_a, team_a, as_user):
    contact = _a_week_with_an_employer_visit(coach_a, team_a)
    soup = BeautifulSoup(as_user(coach_a).get(WEEK_URL).content.decode(), "html.parser")
    row = soup.select_one("table.timesheet tbody tr.contacts")
    day = timezone.localdate().weekday()
    assert [cell.get_text(strip=True) for cell in row.find_all("td")][day] == "45 min"
    listed = soup.select("ul.entries li.entry")
    assert any("Kauppahalli Oy" in row.get_text() for row in listed)
    assert soup.select_one(f"a[href^='{reverse('employers:employer_contact_edit', args=[contact.uuid])}']")


def test_both_pages_say_what_the_week_total_counts(coach_a, team_a, as_user):
    _a_week_with_an_employer_visit(coach_a, team_a)
    with translation.override(coach_a.language):
        counts = gettext(
            "It counts the daily log and employer contacts together: a contact's minutes are recorded once, on the "
            "contact."
        )
    for url in (reverse("ips:today"), WEEK_URL):
        soup = BeautifulSoup(as_user(coach_a).get(url).content.decode(), "html.parser")
        total = soup.select_one(".work-total")
        assert total is not None, url
        text = " ".join(total.get_text().split())
        assert "2 h 15 min" in text and counts in text, url


def test_the_supervisor_sees_the_coachs_week_total_with_employer_contacts(coach_a, supervisor_a, team_a, as_user):
    _a_week_with_an_employer_visit(coach_a, team_a)
    context = as_user(supervisor_a).get(WEEK_URL, {"coach": coach_a.username}).context
    row = next(row for row in context["team_rows"] if row["coach"] == coach_a)
    assert row["total"] == context["totals"]["total"] == 135
