import datetime

import pytest
from django.urls import reverse

from employers.models import EmployerContact
from ips.models import Membership
from ips.periods import week_of
from tests.employers.factories import EmployerContactFactory, EmployerFactory, FollowUpFactory, JobFactory
from tests.factories import ClientFactory, MembershipFactory

pytestmark = pytest.mark.django_db

PANEL = reverse("employers:today_panel")
WEEK = reverse("employers:team_contacts_week")


def _this_week():
    return week_of(datetime.date.today())


def test_the_today_panel_counts_this_weeks_face_to_face_contacts_against_six(as_user, coach_a, coach_a2, org_a):
    monday, _sunday = _this_week()
    employer = EmployerFactory(organisation=org_a)
    EmployerContactFactory.create_batch(2, coach=coach_a, employer=employer, date=monday, minutes=30)
    EmployerContactFactory(coach=coach_a, employer=employer, date=monday, face_to_face=False, minutes=15)
    EmployerContactFactory(coach=coach_a, employer=employer, date=monday - datetime.timedelta(days=1))  # last week
    EmployerContactFactory(coach=coach_a2, employer=employer, date=monday)  # a colleague's
    response = as_user(coach_a).get(PANEL)
    assert response.context["totals"] == {"face_to_face": 2, "contacts": 3, "minutes": 75}
    assert response.context["remaining"] == 4
    assert 'max="6"' in response.content.decode()


def _quick_entry(employer, **fields) -> dict:
    """The panel's quick entry for a 40-minute first meeting with the employer today (not face to face unless
    fields say so)."""
    return {
        "employer-contact-employer": employer.pk,
        "employer-contact-date": datetime.date.today().isoformat(),
        "employer-contact-minutes": "40",
        "employer-contact-purpose": "first_meeting",
        **fields,
    }


def test_the_quick_entry_saves_a_contact_and_returns_the_panel_to_htmx(as_user, coach_a, org_a):
    data = _quick_entry(EmployerFactory(organisation=org_a), **{"employer-contact-face_to_face": "on"})
    response = as_user(coach_a).post(PANEL, data, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in page
    assert 'id="employer-panel"' in page
    assert "1 / 6 kasvokkaista kontaktia" in page
    assert EmployerContact.objects.get().minutes == 40


def test_the_quick_entry_without_htmx_redirects(as_user, coach_a, org_a):
    data = _quick_entry(EmployerFactory(organisation=org_a))
    response = as_user(coach_a).post(PANEL, data)
    assert response.status_code == 302
    assert EmployerContact.objects.get().face_to_face is False


def test_the_quick_entry_shows_errors_in_the_panel(as_user, coach_a, org_a):
    response = as_user(coach_a).post(PANEL, {"employer-contact-minutes": "0"}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_employer-contact-employer_error"' in page
    assert 'id="id_employer-contact-minutes_error"' in page
    assert '<details class="quick-add" open>' in page
    assert not EmployerContact.objects.exists()


def test_the_panel_without_htmx_is_a_whole_page(as_user, coach_a):
    page = as_user(coach_a).get(PANEL).content.decode()
    assert "<html" in page and 'id="employer-panel"' in page


def test_the_today_panel_query_count_does_not_grow(as_user, coach_a, team_a, org_a, flat_queries):
    today = datetime.date.today()

    def populate(count):
        for _ in range(count):
            patient = ClientFactory(team=team_a, coach=coach_a)
            job = JobFactory(client=patient)
            FollowUpFactory(job=job, window_start=today - datetime.timedelta(2), due_on=today)
            EmployerContactFactory(coach=coach_a, employer=job.employer, date=today)

    # Follow-along contacts moved to My agenda (two queries fewer).
    flat_queries(as_user(coach_a), PANEL, populate, 5)


def test_client_jobs_lists_the_clients_jobs_and_follow_ups(as_user, coach_a, client_a):
    today = datetime.date.today()
    job = JobFactory(client=client_a, title="Siivooja")
    FollowUpFactory(job=job, window_start=today, due_on=today + datetime.timedelta(3))
    response = as_user(coach_a).get(reverse("employers:client_jobs", args=[client_a.uuid]), HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert "Siivooja" in page
    assert "<html" not in page
    assert reverse("employers:job_end", args=[job.uuid]) in page
    assert page.count('class="follow-up state-due"') == 1


def test_client_jobs_is_404_for_a_coach_of_another_team(as_user, coach_b, client_a):
    JobFactory(client=client_a, title="Siivooja")
    response = as_user(coach_b).get(reverse("employers:client_jobs", args=[client_a.uuid]))
    assert response.status_code == 404
    assert "Siivooja" not in response.content.decode()


def test_the_supervisor_sees_each_coachs_face_to_face_contacts_this_week(
    as_user, supervisor_a, coach_a, coach_a2, coach_b, team_a, org_a
):
    monday, _ = _this_week()
    employer = EmployerFactory(organisation=org_a)
    EmployerContactFactory.create_batch(3, coach=coach_a, employer=employer, date=monday)
    EmployerContactFactory(coach=coach_a, employer=employer, date=monday, face_to_face=False, minutes=10)
    EmployerContactFactory(coach=coach_b, employer=employer, date=monday)  # another team
    response = as_user(supervisor_a).get(WEEK)
    rows = {row.user: (row.face_to_face, row.contacts) for row in response.context["rows"]}
    assert rows == {coach_a: (3, 4), coach_a2: (0, 0)}


def test_the_team_week_is_forbidden_to_a_coach(as_user, coach_a):
    assert as_user(coach_a).get(WEEK).status_code == 403


def test_the_team_week_query_count_does_not_grow(as_user, supervisor_a, team_a, org_a, flat_queries):
    employer = EmployerFactory(organisation=org_a)

    def populate(count):
        for _ in range(count):
            coach = MembershipFactory(team=team_a, role=Membership.Role.COACH).user
            EmployerContactFactory(coach=coach, employer=employer, team=team_a)

    flat_queries(as_user(supervisor_a), WEEK, populate, 3)
