"""Accompanied hand-over (saattaen vaihto) to another service: closing or continuing the client's service, its
dates, who may record it, and the client's list of them."""

from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from ips.models import (
    MAX_DAY_MINUTES,
    ActivityKind,
    ClientAssignment,
    Destination,
    HandOver,
    Outcome,
    ServicePeriod,
    Setting,
    Stage,
    StageChange,
    TimeEntry,
)
from ips.services import client_close
from tests.factories import ClientFactory, ConsentFactory, TimeEntryFactory

pytestmark = pytest.mark.django_db


def _payload(**changes):
    today = timezone.localdate()
    return {
        "destination": Destination.objects.get(code=Destination.Code.VOCATIONAL_REHABILITATION).pk,
        "receiver_name": "Kaisa Kuntoutus",
        "receiver_organisation": "Kuntoutuskeskus Aalto",
        "first_meeting_on": (today - timedelta(days=2)).isoformat(),
        "attended": HandOver.Attended.COORDINATOR,
        "ending": "continue",
        **changes,
    }


@pytest.fixture
def entered(team_a, coach_a):
    """A client in the programme for a hundred days, in IPS coaching all that time."""
    return ClientFactory(
        team=team_a,
        coach=coach_a,
        first_name="Ville",
        last_name="Esimerkki",
        programme_entry=timezone.localdate() - timedelta(days=100),
        stage_since=timezone.localdate() - timedelta(days=100),
    )


def _add(user_client, client, **changes):
    return user_client.post(reverse("ips:hand_over_add", args=[client.uuid]), _payload(**changes))


def test_destinations_ship_from_the_service_map_in_three_languages(db):
    rehabilitation = Destination.objects.get(code=Destination.Code.VOCATIONAL_REHABILITATION)
    assert (rehabilitation.name_fi, rehabilitation.name_sv, rehabilitation.name_en) == (
        "Ammatillinen kuntoutus",
        "Yrkesinriktad rehabilitering",
        "Vocational rehabilitation",
    )
    codes = set(Destination.objects.values_list("code", flat=True))
    assert {
        "social_rehabilitation",
        "rehabilitative_work_activity",
        "education",
        "employment_services",
        "occupational_health",
        "pension",
    } <= codes
    assert Destination.objects.get(code="pension").outcome == Outcome.PENSION
    assert Destination.objects.get(code="employment_services").outcome == Outcome.OTHER_SERVICES


def test_a_continuing_hand_over_leaves_the_service_open(coach_a, entered, as_user):
    response = _add(as_user(coach_a), entered)
    assert response.status_code == 302
    assert response.url.endswith("#hand-overs")
    hand_over = HandOver.objects.get(client=entered)
    assert (hand_over.team, hand_over.recorded_by, hand_over.closes_service) == (entered.team, coach_a, False)
    entered.refresh_from_db()
    assert entered.stage != Stage.CLOSED and entered.closed_on is None
    assert ServicePeriod.objects.filter(client=entered, ended__isnull=True).count() == 1
    assert ClientAssignment.objects.filter(client=entered, ended__isnull=True).count() == 1


def test_a_closing_hand_over_closes_the_client_as_closing_does(coach_a, entered, as_user):
    day = timezone.localdate() - timedelta(days=2)
    response = _add(as_user(coach_a), entered, ending="close")
    assert response.status_code == 302
    entered.refresh_from_db()
    assert (entered.stage, entered.closed_on, entered.outcome) == (Stage.CLOSED, day, Outcome.REHABILITATION)
    assert "Ammatillinen kuntoutus" in entered.closure_reason or "Vocational" in entered.closure_reason
    assert StageChange.objects.filter(client=entered, stage=Stage.CLOSED, changed_on=day).count() == 1
    # The first meeting day is still a day of service: the spans end the day after it.
    assert list(ServicePeriod.objects.filter(client=entered).values_list("ended", flat=True)) == [
        day + timedelta(days=1)
    ]
    assert list(ClientAssignment.objects.filter(client=entered).values_list("ended", flat=True)) == [
        day + timedelta(days=1)
    ]
    assert HandOver.objects.get(client=entered).closes_service is True


def test_a_closing_hand_over_to_education_records_education_upon_leaving(coach_a, entered, as_user):
    education = Destination.objects.get(code=Destination.Code.EDUCATION).pk
    _add(as_user(coach_a), entered, ending="close", destination=education)
    entered.refresh_from_db()
    assert (entered.outcome, entered.exit_in_education) == (Outcome.EDUCATION, True)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        # Days from today as numbers: a date computed at collection goes stale across midnight.
        ({"first_meeting_on": 1}, "first_meeting_on"),
        ({"first_meeting_on": -101}, "first_meeting_on"),
        ({"receiver_organisation": ""}, "receiver_organisation"),
        ({"attended": "the_neighbour"}, "attended"),
        ({"ending": "maybe"}, "ending"),
        ({"destination": "999999"}, "destination"),
    ],
)
def test_it_refuses_bad_dates_and_choices(coach_a, entered, as_user, changes, field):
    if "first_meeting_on" in changes:
        changes = {"first_meeting_on": (timezone.localdate() + timedelta(days=changes["first_meeting_on"])).isoformat()}
    response = _add(as_user(coach_a), entered, **changes)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not HandOver.objects.exists()


def test_closing_needs_a_day_from_the_current_service_on(coach_a, entered, as_user):
    today = timezone.localdate()
    ServicePeriod.objects.filter(client=entered).update(started=today - timedelta(days=1))
    response = _add(as_user(coach_a), entered, ending="close")
    assert "first_meeting_on" in response.context["form"].errors
    # Continuing leaves the service alone, so the same day is fine.
    assert _add(as_user(coach_a), entered).status_code == 302


def test_a_closed_client_is_not_handed_over(coach_a, entered, as_user):
    client_close(
        client=entered,
        closed_on=timezone.localdate() - timedelta(days=5),
        outcome=Outcome.OTHER_SERVICES,
        reason="",
        satisfaction=None,
        by=coach_a,
    )
    response = _add(as_user(coach_a), entered)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not HandOver.objects.exists()


def test_a_member_of_another_profession_hands_over(nurse_a, entered, as_user):
    assert _add(as_user(nurse_a), entered, attended=HandOver.Attended.BOTH).status_code == 302
    assert HandOver.objects.get(client=entered).recorded_by == nurse_a


def test_other_teams_and_roles_get_404(coach_b, reviewer, reporter, org_admin, entered, coach_a, as_user):
    _add(as_user(coach_a), entered)
    hand_over = HandOver.objects.get()
    urls = [
        reverse("ips:hand_over_add", args=[entered.uuid]),
        reverse("ips:hand_over_edit", args=[entered.uuid, hand_over.uuid]),
        reverse("ips:client_hand_overs", args=[entered.uuid]),
    ]
    for user in (coach_b, reviewer, reporter, org_admin):
        browser = as_user(user)
        for url in urls:
            assert browser.get(url).status_code == 404
            assert browser.post(url, _payload(receiver_name="Ulkopuolinen")).status_code == 404
    assert HandOver.objects.count() == 1
    assert HandOver.objects.get().receiver_name == "Kaisa Kuntoutus"


def test_a_hand_over_of_another_client_is_404_under_this_client(coach_a, entered, team_a, as_user):
    other = ClientFactory(team=team_a, coach=coach_a, programme_entry=entered.programme_entry)
    _add(as_user(coach_a), other)
    foreign = HandOver.objects.get(client=other)
    url = reverse("ips:hand_over_edit", args=[entered.uuid, foreign.uuid])
    assert as_user(coach_a).get(url).status_code == 404


def test_correcting_keeps_the_decision_and_the_date_of_a_closing_hand_over(coach_a, entered, as_user):
    _add(as_user(coach_a), entered, ending="close")
    hand_over = HandOver.objects.get()
    url = reverse("ips:hand_over_edit", args=[entered.uuid, hand_over.uuid])
    form = as_user(coach_a).get(url).context["form"]
    assert "ending" not in form.fields and "first_meeting_on" not in form.fields
    later = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = as_user(coach_a).post(url, _payload(receiver_name="Kalle Kuntoutus", first_meeting_on=later))
    assert response.status_code == 302
    hand_over.refresh_from_db()
    assert hand_over.receiver_name == "Kalle Kuntoutus"
    assert hand_over.first_meeting_on == timezone.localdate() - timedelta(days=2)
    assert hand_over.closes_service is True


def test_the_client_page_loads_the_hand_overs_and_the_list_is_access_logged(coach_a, entered, as_user, htmx):
    _add(as_user(coach_a), entered, receiver_organisation="Kuntoutuskeskus Aalto")
    page = as_user(coach_a).get(reverse("ips:client_detail", args=[entered.uuid])).content.decode()
    assert reverse("ips:client_hand_overs", args=[entered.uuid]) in page
    before = LogEntry.objects.filter(action=LogEntry.Action.ACCESS).count()
    fragment = htmx(coach_a).get(reverse("ips:client_hand_overs", args=[entered.uuid]))
    text = fragment.content.decode()
    assert "<html" not in text
    assert "Kuntoutuskeskus Aalto" in text and "Ammatillinen kuntoutus" in text
    assert LogEntry.objects.filter(action=LogEntry.Action.ACCESS).count() > before


def test_the_hand_over_list_query_count_is_flat(coach_a, entered, as_user, flat_queries):
    destination = Destination.objects.get(code=Destination.Code.EDUCATION)

    def populate(count):
        HandOver.objects.bulk_create(
            HandOver(
                client=entered,
                team=entered.team,
                destination=destination,
                receiver_organisation=f"Opisto {n}",
                first_meeting_on=timezone.localdate(),
                attended=HandOver.Attended.COACH,
                recorded_by=coach_a,
            )
            for n in range(count)
        )

    # Session with user, roles, client, access log, may-edit, hand-overs.
    flat_queries(as_user(coach_a), reverse("ips:client_hand_overs", args=[entered.uuid]), populate, 6)


def test_the_time_goes_to_the_daily_log_as_a_hand_over_with_consent(coach_a, nurse_a, entered, as_user):
    day = timezone.localdate() - timedelta(days=2)
    refused = _add(as_user(coach_a), entered, minutes="90")
    assert "minutes" in refused.context["form"].errors  # the hand-over kind is network work: consent first
    assert not HandOver.objects.exists() and not TimeEntry.objects.exists()
    ConsentFactory(client=entered, given_on=day - timedelta(days=30))
    assert _add(as_user(nurse_a), entered, minutes="90").status_code == 302
    entry = TimeEntry.objects.get(client=entered)
    assert (entry.coach, entry.kind.code, entry.date, entry.minutes) == (nurse_a, ActivityKind.Code.HAND_OVER, day, 90)
    assert (entry.team, entry.setting, entry.coach_work) == (entered.team, Setting.COMMUNITY, False)


def test_a_supervisor_who_logs_no_work_records_the_hand_over_without_time(supervisor_a, entered, as_user):
    url = reverse("ips:hand_over_add", args=[entered.uuid])
    assert "minutes" not in as_user(supervisor_a).get(url).context["form"].fields
    assert _add(as_user(supervisor_a), entered, minutes="90").status_code == 302
    assert HandOver.objects.filter(client=entered).exists() and not TimeEntry.objects.exists()


def test_the_time_must_fit_the_day_like_any_logged_work(coach_a, entered, as_user):
    day = timezone.localdate() - timedelta(days=2)
    ConsentFactory(client=entered, given_on=day - timedelta(days=30))
    TimeEntryFactory(coach=coach_a, team=entered.team, date=day, minutes=MAX_DAY_MINUTES - 30)
    response = _add(as_user(coach_a), entered, minutes="60")
    assert "minutes" in response.context["form"].errors
    assert not HandOver.objects.exists()
