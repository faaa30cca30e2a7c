"""The client page and the forms of the client's record: access, stage history, consent, goals, closure."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ips.models import (
    Client,
    ClientAssignment,
    Consent,
    Goal,
    KykyviisariScore,
    Stage,
    StageChange,
    VocationalProfile,
)
from tests.factories import ClientFactory, ConsentFactory, TimeEntryFactory

pytestmark = pytest.mark.django_db


def _url(name, client, *extra):
    return reverse(f"ips:{name}", args=[client.uuid, *extra])


def close_today(browser, client, **data):
    """Closes the client today through the closure page and reads it back; the closing day."""
    day = timezone.localdate()
    response = browser.post(_url("client_close", client), {"closed_on": day.isoformat(), **data})
    assert response.status_code == 302
    client.refresh_from_db()
    return day


CLIENT_URLS = [
    "client_detail",
    "client_edit",
    "client_stage",
    "client_close",
    "consent_add",
    "goal_add",
    "profile_edit",
    "score_add",
]


@pytest.mark.parametrize("name", CLIENT_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_coach_of_another_team_gets_404_on_every_client_url(client_a, coach_b, as_user, name, method):
    response = getattr(as_user(coach_b), method)(_url(name, client_a))
    assert response.status_code == 404
    assert "Esimerkki" not in response.content.decode()


@pytest.mark.parametrize("name", ["consent_edit", "goal_edit"])
def test_a_coach_of_another_team_gets_404_on_a_clients_record(client_a, coach_b, as_user, name):
    record = ConsentFactory(client=client_a) if name == "consent_edit" else _goal(client_a)
    assert as_user(coach_b).post(_url(name, client_a, record.uuid), {"scope": "x"}).status_code == 404


@pytest.mark.parametrize("role", ["reviewer", "reporter", "org_admin"])
def test_reviewers_and_reporters_never_see_a_client(client_a, request, as_user, role):
    response = as_user(request.getfixturevalue(role)).get(_url("client_detail", client_a))
    assert response.status_code == 404


def test_the_supervisor_reads_and_writes_the_teams_client(client_a, supervisor_a, as_user):
    assert as_user(supervisor_a).get(_url("client_detail", client_a)).status_code == 200
    response = as_user(supervisor_a).post(_url("goal_add", client_a), _goal_data())
    assert response.status_code == 302


def _goal(client):
    return Goal.objects.create(client=client, text="Työkokeilu kaupassa", set_on=timezone.localdate())


def _goal_data(**extra):
    return {"text": "Osa-aikatyö", "status": "open", "set_on": timezone.localdate().isoformat(), **extra}


def test_the_client_page_shows_everything_on_one_page(client_a, coach_a, team_a, as_user):
    ConsentFactory(client=client_a, scope="Työllisyyspalvelut")
    _goal(client_a)
    KykyviisariScore.objects.create(client=client_a, measured_on=timezone.localdate(), score="6.5", kind="entry")
    TimeEntryFactory(coach=coach_a, team=team_a, client=client_a, note="Ensitapaaminen")
    page = as_user(coach_a).get(_url("client_detail", client_a)).content.decode()
    for text in ("Ville Esimerkki", "Työllisyyspalvelut", "6,5", "Ensitapaaminen"):
        assert text in page
    assert 'id="employers-client"' in page
    # The goals live in the work-ability support plan, one link away.
    assert _url("plan_detail", client_a) in page
    assert "Työkokeilu kaupassa" in as_user(coach_a).get(_url("plan_detail", client_a)).content.decode()


def test_the_timeline_lists_entries_and_stage_changes_newest_first(client_a, coach_a, team_a, as_user):
    today = timezone.localdate()
    TimeEntryFactory(coach=coach_a, team=team_a, client=client_a, date=today - timedelta(days=5))
    StageChange.objects.create(
        client=client_a, stage="profile", changed_on=today - timedelta(days=2), changed_by=coach_a
    )
    TimeEntryFactory(coach=coach_a, team=team_a, client=client_a, date=today)
    timeline = as_user(coach_a).get(_url("client_detail", client_a)).context["timeline"]
    assert [row["type"] for row in timeline] == ["entry", "stage", "entry"]
    assert [row["date"] for row in timeline] == sorted((row["date"] for row in timeline), reverse=True)


def test_a_stage_change_is_kept_with_date_and_who(client_a, coach_a, as_user):
    day = timezone.localdate()
    response = as_user(coach_a).post(
        _url("client_stage", client_a), {"stage": "profile", "changed_on": day.isoformat()}
    )
    assert response.status_code == 302
    client_a.refresh_from_db()
    assert (client_a.stage, client_a.stage_since) == ("profile", day)
    change = StageChange.objects.get(client=client_a)
    assert (change.stage, change.changed_on, change.changed_by) == ("profile", day, coach_a)


def test_every_stage_change_stays_in_the_history(client_a, coach_a, as_user):
    for stage in ("profile", "job_finding", "employer_engagement", "support"):
        as_user(coach_a).post(
            _url("client_stage", client_a), {"stage": stage, "changed_on": timezone.localdate().isoformat()}
        )
    assert list(StageChange.objects.filter(client=client_a).order_by("created").values_list("stage", flat=True)) == [
        "profile",
        "job_finding",
        "employer_engagement",
        "support",
    ]


def test_a_stage_change_may_not_predate_the_current_stage(client_a, coach_a, as_user):
    client_a.stage_since = timezone.localdate()
    client_a.save()
    yesterday = timezone.localdate() - timedelta(days=1)
    response = as_user(coach_a).post(
        _url("client_stage", client_a), {"stage": "profile", "changed_on": yesterday.isoformat()}
    )
    assert response.context["form"].has_error("changed_on", "before_stage")
    assert not StageChange.objects.exists()


def test_a_stage_change_may_not_be_in_the_future(client_a, coach_a, as_user):
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = as_user(coach_a).post(
        _url("client_stage", client_a), {"stage": "profile", "changed_on": tomorrow.isoformat()}
    )
    assert response.context["form"].has_error("changed_on", "future")


def test_closing_records_outcome_satisfaction_and_the_closed_stage(client_a, coach_a, as_user):
    day = close_today(as_user(coach_a), client_a, outcome="open_market_job", closure_reason="", satisfaction="9")
    assert (client_a.stage, client_a.closed_on, client_a.outcome, client_a.satisfaction) == (
        Stage.CLOSED,
        day,
        "open_market_job",
        9,
    )
    assert StageChange.objects.get(client=client_a).stage == Stage.CLOSED
    assert ClientAssignment.objects.get(client=client_a).last_day == day  # the closing day is still served


@pytest.mark.parametrize("satisfaction", ["0", "11"])
def test_satisfaction_is_between_one_and_ten(client_a, coach_a, as_user, satisfaction):
    response = as_user(coach_a).post(
        _url("client_close", client_a),
        {"closed_on": timezone.localdate().isoformat(), "outcome": "education", "satisfaction": satisfaction},
    )
    assert response.context["form"].has_error("satisfaction")
    client_a.refresh_from_db()
    assert client_a.stage != Stage.CLOSED


def test_recording_consent_unblocks_network_work(client_a, coach_a, as_user):
    response = as_user(coach_a).post(
        _url("consent_add", client_a), {"given_on": timezone.localdate().isoformat(), "scope": "Kela"}
    )
    assert response.status_code == 302
    assert Consent.objects.filter(client=client_a).valid_on(timezone.localdate()).exists()


def test_consent_withdrawal_is_recorded(client_a, coach_a, as_user):
    consent = ConsentFactory(client=client_a, given_on=timezone.localdate() - timedelta(days=5))
    response = as_user(coach_a).post(
        _url("consent_edit", client_a, consent.uuid),
        {
            "given_on": consent.given_on.isoformat(),
            "scope": consent.scope,
            "withdrawn_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302
    assert not Consent.objects.filter(client=client_a).valid_on(timezone.localdate()).exists()


def test_a_consent_cannot_be_withdrawn_before_it_was_given(client_a, coach_a, as_user):
    today = timezone.localdate()
    response = as_user(coach_a).post(
        _url("consent_add", client_a),
        {"given_on": today.isoformat(), "scope": "Kela", "withdrawn_on": (today - timedelta(days=1)).isoformat()},
    )
    assert response.context["form"].has_error("withdrawn_on")
    assert not Consent.objects.exists()


def test_a_goal_is_added_and_its_status_changed(client_a, coach_a, as_user):
    as_user(coach_a).post(_url("goal_add", client_a), _goal_data())
    goal = Goal.objects.get(client=client_a)
    as_user(coach_a).post(_url("goal_edit", client_a, goal.uuid), _goal_data(status="achieved"))
    goal.refresh_from_db()
    assert goal.status == "achieved"


@pytest.mark.parametrize(
    ("days", "field"),
    [
        ({"set_on": 1}, "set_on"),  # a goal is not set ahead
        ({"set_on": -10, "target_date": -11}, "target_date"),  # nor aimed before it was set
        ({"set_on": -10, "closed_on": -11, "status": "achieved"}, "closed_on"),  # nor closed before it
        ({"closed_on": 1, "status": "achieved"}, "closed_on"),  # nor closed ahead
        ({"target_date": 2_900_000}, "target_date"),  # the year 9966
    ],
)
def test_a_goal_with_dates_out_of_order_is_refused_next_to_the_field(client_a, coach_a, as_user, days, field):
    today = timezone.localdate()
    dates = {name: (today + timedelta(days=offset)).isoformat() for name, offset in days.items() if name != "status"}
    data = _goal_data(**dates, **({"status": days["status"]} if "status" in days else {}))
    response = as_user(coach_a).post(_url("goal_add", client_a), data)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    assert not Goal.objects.filter(client=client_a).exists()


def test_a_goal_of_another_client_is_not_found_through_this_client(client_a, coach_a, team_a, as_user):
    other = ClientFactory(team=team_a)
    goal = _goal(other)
    assert as_user(coach_a).post(_url("goal_edit", client_a, goal.uuid), _goal_data()).status_code == 404


def test_the_vocational_profile_is_created_then_updated(client_a, coach_a, as_user):
    url = _url("profile_edit", client_a)
    as_user(coach_a).post(url, {"preferences": "Ulkotyöt", "strengths": "Täsmällinen", "work_history": ""})
    as_user(coach_a).post(url, {"preferences": "Ulkotyöt, varasto", "strengths": "Täsmällinen", "work_history": ""})
    assert VocationalProfile.objects.get(client=client_a).preferences == "Ulkotyöt, varasto"


def test_a_kykyviisari_score_is_between_zero_and_ten(client_a, coach_a, as_user):
    url = _url("score_add", client_a)
    today = timezone.localdate().isoformat()
    assert as_user(coach_a).post(url, {"measured_on": today, "score": "10.5", "kind": "entry"}).status_code == 200
    assert as_user(coach_a).post(url, {"measured_on": today, "score": "4.5", "kind": "entry"}).status_code == 302
    assert KykyviisariScore.objects.get().recorded_by == coach_a


def test_changing_the_coach_keeps_the_assignment_history(client_a, coach_a, coach_a2, team_a, as_user):
    entry = timezone.localdate() - timedelta(days=30)
    client_a.assignments.update(started=entry)
    data = {
        "first_name": "Ville",
        "last_name": "Esimerkki",
        "team": team_a.pk,
        "coach": coach_a2.pk,
        "service_type": "ips",
        "gender": "male",
        "language": "fi",
        "out_of_work_at_referral": "on",
    }
    response = as_user(coach_a).post(_url("client_edit", client_a), data)
    assert response.status_code == 302
    client_a.refresh_from_db()
    assert client_a.coach == coach_a2
    history = list(ClientAssignment.objects.filter(client=client_a).order_by("started"))
    assert [(a.coach, a.ended) for a in history] == [(coach_a, timezone.localdate()), (coach_a2, None)]


def test_the_coach_must_work_in_the_clients_team(client_a, coach_a, coach_b, team_a, as_user):
    data = {
        "first_name": "V",
        "last_name": "E",
        "team": team_a.pk,
        "coach": coach_b.pk,
        "service_type": "ips",
        "gender": "male",
        "language": "fi",
    }
    response = as_user(coach_a).post(_url("client_edit", client_a), data)
    assert response.context["form"].has_error("coach")
    assert Client.objects.get(pk=client_a.pk).coach == coach_a


def _fill(client, coach, team, count):
    today = timezone.localdate()
    for n in range(count):
        TimeEntryFactory(coach=coach, team=team, client=client, date=today - timedelta(days=n % 30))
        StageChange.objects.create(client=client, stage="profile", changed_on=today, changed_by=coach)
        ConsentFactory(client=client)
        _goal(client)
        KykyviisariScore.objects.create(client=client, measured_on=today, score="5.0")


def test_the_client_page_query_count_is_pinned_and_flat(
    client_a, coach_a, team_a, client, count_queries, django_assert_num_queries
):
    _fill(client_a, coach_a, team_a, 2)
    client.force_login(coach_a)
    url = _url("client_detail", client_a)
    few = count_queries(url)
    _fill(client_a, coach_a, team_a, 20)
    assert count_queries(url) == few
    # Session with user, roles, client, access log, consents, entries, stage changes, profile, target groups,
    # goals, scores, assignments; no session write within its minute (ips/sessions.py).
    with django_assert_num_queries(12):
        client.get(url)
