"""My agenda: follow-along contacts, employers' next steps and clients without contact, for a coach and per coach."""

import datetime
from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ips.agenda import Kind, agenda
from ips.periods import add_months
from tests.employers.factories import EmployerContactFactory, EmployerFactory, FollowUpFactory, JobFactory
from tests.factories import ClientFactory, TimeEntryFactory, activity_kind, closed_client

pytestmark = pytest.mark.django_db

AGENDA_URL = reverse("ips:agenda")


def _today():
    return timezone.localdate()


def _quiet(team, coach, days=20):
    return ClientFactory(team=team, coach=coach, programme_entry=_today() - timedelta(days=days))


def _follow_up(client, *, due_in=0):
    job = JobFactory(client=client)
    return FollowUpFactory(
        job=job, window_start=_today() + timedelta(days=due_in - 3), due_on=_today() + timedelta(due_in)
    )


def _next_step(coach, team, *, due_in=1, org=None):
    employer = EmployerFactory(organisation=org or team.organisation)
    return EmployerContactFactory(
        coach=coach,
        team=team,
        employer=employer,
        date=_today() - timedelta(days=3),
        next_step="Soita Maijalle",
        next_step_on=_today() + timedelta(days=due_in),
    )


def _left(team, coach, *, due_in=0):
    """A client who left six months before the day `due_in` from today: the ESF+ follow-up falls due that day."""
    closed_on = add_months(_today() + timedelta(days=due_in), -6)
    return closed_client(team, coach, closed_on)


def _kinds(items):
    return sorted(item.kind for item in items)


def test_a_coachs_agenda_gathers_every_kind_of_due_work(coach_a, team_a, client_a):
    quiet = _quiet(team_a, coach_a)
    follow_up = _follow_up(client_a, due_in=-2)
    step = _next_step(coach_a, team_a)
    items = agenda(coach_a, [coach_a.pk], _today())
    # client_a joined today: not yet two weeks without contact.
    assert [item.key for item in items] == [
        f"no-contact-{quiet.uuid}",
        f"follow-up-{follow_up.uuid}",
        f"next-step-{step.uuid}",
    ]
    assert [item.due_on for item in items] == sorted(item.due_on for item in items)


def test_the_page_shows_own_clients_as_code_and_first_name_initial(coach_a, team_a, as_user):
    quiet = _quiet(team_a, coach_a)
    page = as_user(coach_a).get(AGENDA_URL).content.decode()
    assert quiet.short_label in page
    link = BeautifulSoup(page, "html.parser").find("a", href=reverse("ips:client_detail", args=[quiet.uuid]))
    assert link is not None


def test_a_line_links_to_where_it_is_done_and_disappears_when_done(coach_a, team_a, client_a, as_user):
    _follow_up(client_a)
    step = _next_step(coach_a, team_a)
    items = agenda(coach_a, [coach_a.pk], _today())
    assert reverse("employers:employer_contact_create", args=[step.employer.uuid]) in [item.url for item in items]
    # A contact with the employer is the next step done; one naming the client meets the follow-up.
    EmployerContactFactory(coach=coach_a, employer=step.employer, date=_today())
    job = client_a.jobs.get()
    EmployerContactFactory(coach=coach_a, employer=job.employer, client=client_a, purpose="workplace_support")
    assert Kind.NEXT_STEP not in _kinds(agenda(coach_a, [coach_a.pk], _today()))
    assert Kind.FOLLOW_UP not in _kinds(agenda(coach_a, [coach_a.pk], _today()))


def test_a_contact_entry_takes_the_client_off_the_no_contact_lines(coach_a, team_a):
    quiet = _quiet(team_a, coach_a)
    assert [i.client for i in agenda(coach_a, [coach_a.pk], _today())] == [quiet]
    TimeEntryFactory(coach=coach_a, team=team_a, client=quiet, kind=activity_kind("client_meeting"))
    assert agenda(coach_a, [coach_a.pk], _today()) == []


def test_steps_beyond_a_week_wait(coach_a, team_a):
    _next_step(coach_a, team_a, due_in=8)
    assert agenda(coach_a, [coach_a.pk], _today()) == []


def test_a_supervisor_sees_each_coach_of_the_team(supervisor_a, coach_a, coach_a2, team_a, as_user):
    mine, theirs = _quiet(team_a, coach_a), _quiet(team_a, coach_a2)
    response = as_user(supervisor_a).get(AGENDA_URL)
    groups = {group["coach"]: [item.client for item in group["items"]] for group in response.context["groups"]}
    assert groups[coach_a] == [mine] and groups[coach_a2] == [theirs]


def test_another_teams_work_stays_out(coach_a, coach_b, team_b, supervisor_a, as_user):
    other = _quiet(team_b, coach_b)
    _next_step(coach_b, team_b)
    page = as_user(supervisor_a).get(AGENDA_URL).content.decode()
    assert other.code not in page and "Soita Maijalle" not in page
    assert agenda(supervisor_a, [coach_b.pk], _today()) == []


def test_other_roles_have_no_agenda(reviewer, as_user):
    assert as_user(reviewer).get(AGENDA_URL).status_code == 403


def test_todays_part_is_the_coachs_own_without_the_no_contact_lines(coach_a, team_a, client_a, htmx):
    _quiet(team_a, coach_a)
    follow_up = _follow_up(client_a)
    response = htmx(coach_a).get(AGENDA_URL, {"part": "today"})
    assert [item.key for item in response.context["mine"]] == [f"follow-up-{follow_up.uuid}"]
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.find().get("id") == "today-agenda-part" and soup.find("h1") is None


def test_showing_the_agenda_logs_access_to_its_clients(coach_a, team_a, as_user):
    quiet = _quiet(team_a, coach_a)
    as_user(coach_a).get(AGENDA_URL)
    assert LogEntry.objects.filter(action=LogEntry.Action.ACCESS, additional_data__client=str(quiet.uuid)).exists()


def test_today_reloads_the_agenda_after_a_save(coach_a, htmx):
    data = {
        "date": _today().isoformat(),
        "minutes": "30",
        "kind": activity_kind("documentation").pk,
        "setting": "office",
        "client": "",
        "note": "",
    }
    response = htmx(coach_a).post(reverse("ips:entry_create"), data)
    assert response["HX-Trigger"] == "polku:agenda-changed"


def _fill(coach, team, count):
    for _n in range(count):
        client = _quiet(team, coach)
        _follow_up(client, due_in=-1)
        _next_step(coach, team)
        _left(team, coach)


def test_the_agenda_query_count_is_pinned_and_flat(coach_a, team_a, client, count_queries, django_assert_num_queries):
    _fill(coach_a, team_a, 1)
    client.force_login(coach_a)
    few = count_queries(AGENDA_URL)
    _fill(coach_a, team_a, 9)
    assert count_queries(AGENDA_URL) == few
    # Session with user, roles, clients without contact, follow-ups, next steps, six-month follow-ups, the access-log
    # insert.
    with django_assert_num_queries(few):
        client.get(AGENDA_URL)
    assert few == 7


def test_the_supervisors_agenda_query_count_is_flat(supervisor_a, coach_a, coach_a2, team_a, client, count_queries):
    _fill(coach_a, team_a, 1)
    client.force_login(supervisor_a)
    few = count_queries(AGENDA_URL)
    _fill(coach_a, team_a, 5)
    _fill(coach_a2, team_a, 5)
    assert count_queries(AGENDA_URL) == few
    assert few == 8  # and the supervisor's teams' coaches


def test_the_todays_part_query_count_is_flat(coach_a, team_a, client, django_assert_num_queries):
    _fill(coach_a, team_a, 1)
    client.force_login(coach_a)
    client.get(AGENDA_URL, {"part": "today"}, HTTP_HX_REQUEST="true")
    with CaptureQueriesContext(connection) as few:
        client.get(AGENDA_URL, {"part": "today"}, HTTP_HX_REQUEST="true")
    _fill(coach_a, team_a, 9)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(AGENDA_URL, {"part": "today"}, HTTP_HX_REQUEST="true")


def test_the_follow_up_lines_moved_from_the_employer_panel(coach_a, client_a, as_user):
    today = datetime.date.today()
    _follow_up(client_a, due_in=2)
    assert "follow_ups" not in as_user(coach_a).get(reverse("employers:today_panel")).context
    assert _kinds(agenda(coach_a, [coach_a.pk], today)) == [Kind.FOLLOW_UP]


def test_a_six_month_follow_up_is_on_the_leaving_coachs_agenda_until_recorded(coach_a, coach_a2, team_a, as_user):
    due = _left(team_a, coach_a, due_in=-2)
    soon = _left(team_a, coach_a, due_in=5)
    _left(team_a, coach_a, due_in=10)  # beyond the week ahead
    _left(team_a, coach_a2)  # the colleague's leaver
    items = [item for item in agenda(coach_a, [coach_a.pk], _today()) if item.kind == Kind.ESF_FOLLOW_UP]
    assert [(item.client.pk, item.due_on) for item in items] == [
        (due.pk, _today() - timedelta(days=2)),
        (soon.pk, _today() + timedelta(days=5)),
    ]
    assert items[0].url == reverse("ips:client_followup", args=[due.uuid])
    assert due.first_name not in items[0].title  # the feed's text: the code only
    as_user(coach_a).post(items[0].url, {"followup_on": _today().isoformat(), "followup_result": "employed"})
    left = [item.client.pk for item in agenda(coach_a, [coach_a.pk], _today()) if item.kind == Kind.ESF_FOLLOW_UP]
    assert left == [soon.pk]
