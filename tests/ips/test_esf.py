"""The client's ESF+ record: characteristics with "does not want to say", results upon leaving, the six-month
follow-up and its due list, and the satisfaction survey rounds."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ips.esf_followups import followups_due
from ips.models import Client, SatisfactionAnswer
from tests.factories import ClientFactory, closed_client
from tests.ips.test_clients import close_today

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english(coach_a):
    """The pages in English, whatever the catalogues say: the assertions read the English texts."""
    coach_a.language = "en"
    coach_a.save()


def _url(name, client):
    return reverse(f"ips:{name}", args=[client.uuid])


def _details(team, coach, **fields):
    return {
        "first_name": "Ville",
        "last_name": "Esimerkki",
        "team": team.pk,
        "coach": coach.pk,
        "service_type": "ips",
        "gender": "declined",
        "language": "fi",
        "labour_market_status": "declined",
        "education_level": "isced_5_8",
        **fields,
    }


def test_the_client_form_keeps_each_characteristic_and_does_not_want_to_say(client_a, coach_a, team_a, as_user):
    data = _details(team_a, coach_a, birth_year_declined="on", disability="declined", minority="no", rural_area="yes")
    response = as_user(coach_a).post(_url("client_edit", client_a), data)
    assert response.status_code == 302
    client_a.refresh_from_db()
    assert (client_a.gender, client_a.labour_market_status, client_a.birth_year_declined) == (
        "declined",
        "declined",
        True,
    )
    assert (client_a.disability, client_a.minority, client_a.rural_area, client_a.homeless) == (
        "declined",
        "no",
        "yes",
        "",
    )
    page = as_user(coach_a).get(_url("client_detail", client_a)).content.decode()
    assert "Participant with a disability" in page
    assert page.count("Does not want to say") >= 4  # birth year, gender, status, disability


def test_a_declined_birth_year_cannot_have_a_birth_year(client_a, coach_a, team_a, as_user):
    data = _details(team_a, coach_a, birth_year_declined="on", birth_year="1980")
    response = as_user(coach_a).post(_url("client_edit", client_a), data)
    assert response.context["form"].has_error("birth_year")


def test_closing_records_the_results_upon_leaving_and_a_survey_answer(client_a, coach_a, as_user):
    day = close_today(as_user(coach_a), client_a, outcome="open_market_job", satisfaction="7", exit_qualification="on")
    # The outcome implies employment upon leaving; the qualification was ticked.
    assert (client_a.exit_employed, client_a.exit_qualification, client_a.exit_in_education) == (True, True, False)
    assert list(SatisfactionAnswer.objects.filter(client=client_a).values_list("answered_on", "score")) == [(day, 7)]


def test_followups_due_are_the_coachs_leavers_of_six_months_ago_not_yet_followed_up(team_a, coach_a, coach_a2):
    today = date(2026, 12, 6)
    due = closed_client(team_a, coach_a, date(2026, 6, 6))  # due today
    overdue = closed_client(team_a, coach_a, date(2026, 1, 10))
    closed_client(team_a, coach_a, date(2026, 6, 7))  # due tomorrow
    closed_client(team_a, coach_a, date(2026, 3, 1), followup_on=date(2026, 9, 2), followup_result="employed")
    closed_client(team_a, coach_a, date(2025, 6, 1))  # over six months overdue: off the list
    closed_client(team_a, coach_a2, date(2026, 5, 1))  # another coach's
    ClientFactory(team=team_a, coach=coach_a, programme_entry=date(2025, 1, 1))  # still in the service
    assert list(followups_due(coach_a, today)) == [overdue, due]
    assert due.followup_due_on == today
    assert list(followups_due(coach_a2, today).values_list("closed_on", flat=True)) == [date(2026, 5, 1)]


def test_followups_due_leave_out_clients_of_a_team_the_coach_left(team_a, team_b, coach_a):
    closed_client(team_b, coach_a, date(2026, 5, 1))  # coach_a has no role in team B
    assert not followups_due(coach_a, date(2026, 12, 6)).exists()


def test_the_coach_records_the_six_month_follow_up(team_a, coach_a, as_user):
    client = closed_client(team_a, coach_a, timezone.localdate() - timedelta(days=190))
    page = as_user(coach_a).get(_url("client_detail", client)).content.decode()
    assert "Record the six-month follow-up" in page
    response = as_user(coach_a).post(
        _url("client_followup", client),
        {"followup_on": timezone.localdate().isoformat(), "followup_result": "employed"},
    )
    assert response.status_code == 302
    client.refresh_from_db()
    assert (client.followup_on, client.followup_result) == (timezone.localdate(), "employed")
    assert not followups_due(coach_a, timezone.localdate()).exists()


def test_the_follow_up_cannot_be_before_leaving(team_a, coach_a, as_user):
    client = closed_client(team_a, coach_a, timezone.localdate() - timedelta(days=190))
    early = client.closed_on - timedelta(days=1)
    response = as_user(coach_a).post(
        _url("client_followup", client), {"followup_on": early.isoformat(), "followup_result": "employed"}
    )
    assert response.context["form"].has_error("followup_on", "before_closure")


def test_a_client_still_in_the_service_has_no_follow_up(client_a, coach_a, as_user):
    response = as_user(coach_a).post(
        _url("client_followup", client_a),
        {"followup_on": timezone.localdate().isoformat(), "followup_result": "employed"},
    )
    assert response.status_code == 302
    assert Client.objects.get(pk=client_a.pk).followup_result == ""


@pytest.mark.parametrize("name", ["client_followup", "satisfaction_add"])
@pytest.mark.parametrize("role", ["coach_b", "reviewer", "reporter", "org_admin"])
def test_nobody_outside_the_team_reaches_the_esf_and_survey_forms(client_a, as_user, request, name, role):
    response = as_user(request.getfixturevalue(role)).post(_url(name, client_a), {"score": "8"})
    assert response.status_code == 404
    assert not SatisfactionAnswer.objects.exists()


def test_survey_rounds_are_recorded_at_any_time_and_the_page_shows_the_latest(client_a, coach_a, as_user):
    http = as_user(coach_a)
    for day, score in ((date(2026, 1, 5), 6), (date(2026, 3, 5), 9)):
        response = http.post(_url("satisfaction_add", client_a), {"answered_on": day.isoformat(), "score": score})
        assert response.status_code == 302
    assert SatisfactionAnswer.objects.filter(client=client_a).count() == 2
    page = http.get(_url("client_detail", client_a)).content.decode()
    assert "Latest answer 9 on" in page
    assert "2 answers in all" in page


@pytest.mark.parametrize("score", ["0", "11"])
def test_a_survey_answer_is_between_one_and_ten(client_a, coach_a, as_user, score):
    response = as_user(coach_a).post(
        _url("satisfaction_add", client_a), {"answered_on": timezone.localdate().isoformat(), "score": score}
    )
    assert response.context["form"].has_error("score")
