import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from employers.models import FollowUp, Job
from ips.models import Stage
from tests.employers.factories import EmployerFactory, JobFactory
from tests.factories import ConsentFactory

pytestmark = pytest.mark.django_db


def _start_url(client):
    return reverse("employers:job_start", args=[client.uuid])


def _data(employer, **extra):
    return {
        "employer": employer.pk,
        "title": "Varastotyöntekijä",
        "occupation_code": "9333",
        "start_date": "2026-01-15",
        "hours_per_week": "25",
        "hourly_wage": "13.20",
        "contract_type": "permanent",
        "competitive": "on",
        **extra,
    }


def test_a_coach_records_a_job_start_from_the_client_context(as_user, coach_a, client_a, org_a):
    employer = EmployerFactory(organisation=org_a)
    ConsentFactory(client=client_a)  # the client's consent to talk to employers about them
    response = as_user(coach_a).post(_start_url(client_a), _data(employer))
    assert response.status_code == 302
    assert response["Location"] == reverse("ips:client_detail", args=[client_a.uuid])
    job = Job.objects.get()
    assert (job.client, job.employer, job.competitive, job.wage_subsidy) == (client_a, employer, True, False)
    assert job.follow_ups.count() == 16
    client_a.refresh_from_db()
    assert client_a.stage == Stage.SUPPORT


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"hours_per_week": "61"}, "hours_per_week"),
        ({"hours_per_week": "-1"}, "hours_per_week"),
        ({"hourly_wage": "-0.01"}, "hourly_wage"),
        ({"occupation_code": "5"}, "occupation_code"),
        ({"occupation_code": "52a"}, "occupation_code"),
        ({"title": ""}, "title"),
        ({"contract_type": ""}, "contract_type"),
        # A job recorded ahead would date the client's move to support in the future (-1121 days in the stage).
        ({"start_date": "tomorrow"}, "start_date"),
    ],
)
def test_bad_job_input_is_refused_next_to_the_field(as_user, coach_a, client_a, org_a, extra, field):
    if extra == {"start_date": "tomorrow"}:
        extra = {"start_date": (timezone.localdate() + datetime.timedelta(days=1)).isoformat()}
    response = as_user(coach_a).post(_start_url(client_a), _data(EmployerFactory(organisation=org_a), **extra))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert f'id="id_{field}_error"' in response.content.decode()
    assert not Job.objects.exists()
    assert not FollowUp.objects.exists()


def test_an_employer_of_another_organisation_is_refused(as_user, coach_a, client_a, org_b):
    response = as_user(coach_a).post(_start_url(client_a), _data(EmployerFactory(organisation=org_b)))
    assert "employer" in response.context["form"].errors
    assert not Job.objects.exists()


def test_a_coach_of_another_team_gets_404_for_a_job_start(as_user, coach_b, client_a, org_a):
    response = as_user(coach_b).post(_start_url(client_a), _data(EmployerFactory(organisation=org_a)))
    assert response.status_code == 404
    assert not Job.objects.exists()


def test_an_org_admin_gets_403_on_a_job_start(as_user, org_admin, client_a):
    assert as_user(org_admin).get(_start_url(client_a)).status_code == 403


def test_ending_a_job_before_it_started_is_refused(as_user, coach_a, client_a):
    job = JobFactory(client=client_a, start_date=datetime.date(2026, 1, 15))
    url = reverse("employers:job_end", args=[job.uuid])
    response = as_user(coach_a).post(url, {"end_date": "2026-01-14", "end_reason": "resigned"})
    assert "end_date" in response.context["form"].errors
    job.refresh_from_db()
    assert job.end_date is None
    response = as_user(coach_a).post(url, {"end_date": "2026-02-20", "end_reason": "resigned"})
    assert response.status_code == 302
    job.refresh_from_db()
    assert (job.end_date, job.end_reason) == (datetime.date(2026, 2, 20), "resigned")
    assert job.follow_ups.filter(kind=FollowUp.Kind.AFTER_END, due_on=datetime.date(2026, 2, 23)).exists()


def test_a_coach_of_another_team_gets_404_on_ending_a_job(as_user, coach_b, client_a):
    job = JobFactory(client=client_a)
    assert as_user(coach_b).get(reverse("employers:job_end", args=[job.uuid])).status_code == 404


def test_a_follow_up_can_be_marked_done_by_hand(as_user, coach_a, client_a):
    job = JobFactory(client=client_a)
    follow_up = FollowUp.objects.create(
        client=client_a, job=job, kind="weekly", window_start=datetime.date.today(), due_on=datetime.date.today()
    )
    response = as_user(coach_a).post(reverse("employers:follow_up_done", args=[follow_up.uuid]))
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert (follow_up.done_on, follow_up.done_by) == (datetime.date.today(), coach_a)


def test_jobs_and_follow_ups_are_audited_with_the_clients_uuid(as_user, coach_a, client_a, org_a):
    from auditlog.models import LogEntry

    ConsentFactory(client=client_a)
    as_user(coach_a).post(_start_url(client_a), _data(EmployerFactory(organisation=org_a)))
    job = Job.objects.get()
    entry = LogEntry.objects.get_for_object(job).get(action=LogEntry.Action.CREATE)
    assert entry.additional_data == {"client": str(client_a.uuid)}
