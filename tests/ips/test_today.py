"""The coach's Today page: quick add, edit and delete, the week's totals and clients without contact."""

import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ips.models import Stage, TimeEntry
from tests.factories import ClientFactory, ConsentFactory, TimeEntryFactory, activity_kind

pytestmark = pytest.mark.django_db

TODAY_URL = reverse("ips:today")
ADD_URL = reverse("ips:entry_create")


def _entry(coach, team, **extra):
    return TimeEntryFactory(coach=coach, team=team, **extra)


def _data(**overrides):
    data = {
        "date": timezone.localdate().isoformat(),
        "minutes": "45",
        "kind": activity_kind("client_meeting").pk,
        "setting": "community",
        "client": "",
        "note": "",
        "submission_id": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def test_the_home_page_sends_a_coach_to_today(coach_a, as_user):
    response = as_user(coach_a).get(reverse("ips:home"))
    assert response["Location"] == TODAY_URL


def test_the_home_page_sends_a_supervisor_to_the_week(supervisor_a, as_user):
    response = as_user(supervisor_a).get(reverse("ips:home"))
    assert response["Location"] == reverse("ips:week")


def test_today_is_for_coaches_only(reviewer, as_user):
    assert as_user(reviewer).get(TODAY_URL).status_code == 403


def test_a_coach_logs_an_entry_and_is_sent_back_to_today(coach_a, team_a, client_a, as_user):
    response = as_user(coach_a).post(ADD_URL, _data(client=client_a.pk, note="Työpaikkakäynti"))
    assert response.status_code == 302
    assert response["Location"] == TODAY_URL
    entry = TimeEntry.objects.get()
    assert (entry.coach, entry.team, entry.client, entry.minutes) == (coach_a, team_a, client_a, 45)


def test_an_htmx_save_returns_the_log_with_the_new_entry_and_a_fresh_form(coach_a, client_a, htmx):
    response = htmx(coach_a).post(ADD_URL, _data(client=client_a.pk))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="today-log"' in page
    assert "<html" not in page
    assert client_a.code in page
    assert TimeEntry.objects.count() == 1
    assert response.context["form"].initial["submission_id"] != TimeEntry.objects.get().submission_id


def test_the_form_defaults_to_the_last_entrys_values(coach_a, team_a, client_a, as_user):
    _entry(coach_a, team_a, kind=activity_kind("job_search"), setting="workplace", minutes=75, client=client_a)
    initial = as_user(coach_a).get(TODAY_URL).context["form"].initial
    assert initial["kind"] == activity_kind("job_search").pk
    assert (initial["setting"], initial["minutes"], initial["client"]) == ("workplace", 75, client_a.pk)
    assert initial["date"] == timezone.localdate()


def test_a_double_tapped_save_creates_one_entry(coach_a, as_user):
    data = _data()
    first = as_user(coach_a).post(ADD_URL, data)
    second = as_user(coach_a).post(ADD_URL, data)
    assert first.status_code == second.status_code == 302
    assert TimeEntry.objects.count() == 1


def test_another_coach_may_reuse_a_submission_id(coach_a, coach_a2, client):
    data = _data()
    client.force_login(coach_a)
    client.post(ADD_URL, data)
    client.force_login(coach_a2)
    client.post(ADD_URL, data)
    assert TimeEntry.objects.count() == 2


@pytest.mark.parametrize(
    ("minutes", "code"), [("0", "min_value"), ("-15", "min_value"), ("1441", "max_value"), ("abc", "invalid")]
)
def test_it_rejects_minutes_that_are_not_a_working_time(coach_a, as_user, minutes, code):
    response = as_user(coach_a).post(ADD_URL, _data(minutes=minutes))
    assert response.status_code == 200
    assert response.context["form"].has_error("minutes", code)
    assert not TimeEntry.objects.exists()


def test_it_rejects_a_day_over_sixteen_hours(coach_a, team_a, as_user):
    _entry(coach_a, team_a, minutes=900)
    response = as_user(coach_a).post(ADD_URL, _data(minutes="61"))
    assert response.context["form"].has_error("minutes", "day_full")
    assert TimeEntry.objects.count() == 1


def test_sixteen_hours_exactly_is_allowed(coach_a, team_a, as_user):
    _entry(coach_a, team_a, minutes=900)
    assert as_user(coach_a).post(ADD_URL, _data(minutes="60")).status_code == 302


def test_another_coachs_day_does_not_count_towards_the_limit(coach_a, coach_a2, team_a, as_user):
    _entry(coach_a2, team_a, minutes=960)
    assert as_user(coach_a).post(ADD_URL, _data(minutes="60")).status_code == 302


def test_it_rejects_a_date_in_the_future(coach_a, as_user):
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = as_user(coach_a).post(ADD_URL, _data(date=tomorrow.isoformat()))
    assert response.context["form"].has_error("date", "future")
    assert not TimeEntry.objects.exists()


def test_it_rejects_a_date_before_the_clients_programme_entry(coach_a, client_a, as_user):
    client_a.programme_entry = timezone.localdate() - timedelta(days=3)
    client_a.save()
    earlier = timezone.localdate() - timedelta(days=4)
    response = as_user(coach_a).post(ADD_URL, _data(date=earlier.isoformat(), client=client_a.pk))
    assert response.context["form"].has_error("date", "before_entry")
    assert not TimeEntry.objects.exists()


def test_it_rejects_a_client_the_coach_may_not_see(coach_a, team_b, as_user):
    other = ClientFactory(team=team_b)
    response = as_user(coach_a).post(ADD_URL, _data(client=other.pk))
    assert response.context["form"].has_error("client", "invalid_choice")
    assert not TimeEntry.objects.exists()


def test_the_error_is_shown_next_to_the_field_in_finnish(coach_a, as_user):
    page = as_user(coach_a).post(ADD_URL, _data(minutes="0"), HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    assert 'id="add_minutes_error"' in page


@pytest.mark.parametrize("kind", ["network_meeting", "treatment_team_meeting"])
def test_network_work_needs_valid_consent(coach_a, client_a, as_user, kind):
    response = as_user(coach_a).post(ADD_URL, _data(kind=activity_kind(kind).pk, client=client_a.pk))
    assert response.context["form"].has_error("client", "no_consent")
    assert not TimeEntry.objects.exists()


def test_network_work_is_allowed_with_consent(coach_a, client_a, as_user):
    ConsentFactory(client=client_a, given_on=timezone.localdate() - timedelta(days=10))
    data = _data(kind=activity_kind("network_meeting").pk, client=client_a.pk)
    assert as_user(coach_a).post(ADD_URL, data).status_code == 302


def test_a_withdrawn_consent_blocks_network_work_again(coach_a, client_a, as_user):
    today = timezone.localdate()
    ConsentFactory(client=client_a, given_on=today - timedelta(days=10), withdrawn_on=today - timedelta(days=1))
    response = as_user(coach_a).post(ADD_URL, _data(kind=activity_kind("network_meeting").pk, client=client_a.pk))
    assert response.context["form"].has_error("client", "no_consent")


def test_a_coach_edits_their_entry_in_place(coach_a, team_a, htmx):
    entry = _entry(coach_a, team_a, minutes=30)
    url = reverse("ips:entry_edit", args=[entry.uuid])
    form_html = htmx(coach_a).get(url).content.decode()
    assert f'id="entry-{entry.uuid}"' in form_html
    response = htmx(coach_a).post(url, _data(minutes="50"))
    assert response.status_code == 200
    entry.refresh_from_db()
    assert entry.minutes == 50


def test_an_invalid_edit_keeps_the_form_in_the_entrys_place(coach_a, team_a, htmx):
    entry = _entry(coach_a, team_a, minutes=30)
    response = htmx(coach_a).post(reverse("ips:entry_edit", args=[entry.uuid]), _data(minutes="2000"))
    assert response["HX-Retarget"] == f"#entry-{entry.uuid}"
    entry.refresh_from_db()
    assert entry.minutes == 30


def test_an_edit_does_not_count_the_entry_itself_towards_the_day(coach_a, team_a, as_user):
    entry = _entry(coach_a, team_a, minutes=960)
    response = as_user(coach_a).post(reverse("ips:entry_edit", args=[entry.uuid]), _data(minutes="900"))
    assert response.status_code == 302


def test_a_coach_deletes_their_entry(coach_a, team_a, as_user):
    entry = _entry(coach_a, team_a)
    url = reverse("ips:entry_delete", args=[entry.uuid])
    assert as_user(coach_a).get(url).status_code == 200
    assert as_user(coach_a).post(url).status_code == 302
    assert not TimeEntry.objects.exists()


@pytest.mark.parametrize("action", ["entry_edit", "entry_delete"])
def test_another_teams_coach_gets_404_on_an_entry(coach_a, coach_b, team_a, as_user, action):
    entry = _entry(coach_a, team_a)
    assert as_user(coach_b).post(reverse(f"ips:{action}", args=[entry.uuid]), _data()).status_code == 404
    assert TimeEntry.objects.filter(minutes=30).exists()


@pytest.mark.parametrize("action", ["entry_edit", "entry_delete"])
def test_the_supervisor_reads_but_may_not_change_a_coachs_entry(coach_a, supervisor_a, team_a, as_user, action):
    entry = _entry(coach_a, team_a)
    assert as_user(supervisor_a).post(reverse(f"ips:{action}", args=[entry.uuid]), _data()).status_code == 403
    assert TimeEntry.objects.filter(minutes=30).exists()


def test_a_teammate_may_not_change_a_coachs_entry(coach_a, coach_a2, team_a, as_user):
    entry = _entry(coach_a, team_a)
    assert as_user(coach_a2).post(reverse("ips:entry_delete", args=[entry.uuid])).status_code == 404


def test_the_week_totals_show_kinds_days_and_community_share(coach_a, team_a, as_user):
    today = timezone.localdate()
    _entry(coach_a, team_a, minutes=60, setting="workplace", kind=activity_kind("on_the_job_support"))
    _entry(coach_a, team_a, minutes=60, setting="office", kind=activity_kind("documentation"))
    _entry(coach_a, team_a, minutes=45, date=today - timedelta(days=8))  # last week: not counted
    context = as_user(coach_a).get(TODAY_URL).context
    assert context["week_totals"]["total"] == 120
    assert context["community_share"] == 50
    assert {row["kind"].code: row["minutes"] for row in context["by_kind"]} == {
        "on_the_job_support": 60,
        "documentation": 60,
    }
    assert next(day["minutes"] for day in context["days"] if day["date"] == today) == 120


def test_phone_and_video_are_not_community_time(coach_a, team_a, as_user):
    _entry(coach_a, team_a, minutes=60, setting="remote")
    assert as_user(coach_a).get(TODAY_URL).context["community_share"] == 0


def test_it_lists_my_clients_without_contact_for_two_weeks(coach_a, team_a, as_user):
    today = timezone.localdate()
    quiet = ClientFactory(team=team_a, coach=coach_a, programme_entry=today - timedelta(days=60))
    seen = ClientFactory(team=team_a, coach=coach_a, programme_entry=today - timedelta(days=60))
    new = ClientFactory(team=team_a, coach=coach_a, programme_entry=today - timedelta(days=3))
    closed = ClientFactory(
        team=team_a, coach=coach_a, programme_entry=today - timedelta(days=60), stage=Stage.CLOSED, closed_on=today
    )
    _entry(coach_a, team_a, client=quiet, date=today - timedelta(days=15))
    _entry(coach_a, team_a, client=seen, date=today - timedelta(days=2))
    # An outreach attempt is not a contact.
    _entry(coach_a, team_a, client=quiet, date=today - timedelta(days=1), kind=activity_kind("outreach_attempt"))
    overdue = as_user(coach_a).get(TODAY_URL).context["overdue"]
    assert overdue == [quiet]
    assert overdue[0].days_without_contact == 15
    assert new not in overdue and closed not in overdue


def test_the_today_page_has_a_place_for_the_employers_app(coach_a, as_user):
    assert 'id="employers-today"' in as_user(coach_a).get(TODAY_URL).content.decode()


def _fill_day(coach, team, clients, count):
    today = timezone.localdate()
    for n in range(count):
        _entry(coach, team, client=clients[n % len(clients)], date=today - timedelta(days=n % 7), minutes=5)


def test_the_today_page_query_count_is_pinned_and_flat(
    coach_a, team_a, client, count_queries, django_assert_num_queries
):
    today = timezone.localdate()
    clients = [ClientFactory(team=team_a, coach=coach_a, programme_entry=today - timedelta(days=40)) for _ in range(3)]
    _fill_day(coach_a, team_a, clients, 6)
    client.force_login(coach_a)
    few = count_queries(TODAY_URL)
    more = [ClientFactory(team=team_a, coach=coach_a, programme_entry=today - timedelta(days=40)) for _ in range(27)]
    _fill_day(coach_a, team_a, clients + more, 60)
    assert count_queries(TODAY_URL) == few
    # Session, user, roles (2), defaults, today's entries, week totals, kinds, by kind, by day, overdue clients,
    # the form's kind and client choices, the access log of the entries' clients (one insert) and the session
    # save (3).
    with django_assert_num_queries(18):
        client.get(TODAY_URL)


def test_the_edit_page_without_htmx_is_a_plain_form_that_returns_to_the_week(coach_a, team_a, as_user):
    entry = _entry(coach_a, team_a, minutes=30)
    url = reverse("ips:entry_edit", args=[entry.uuid])
    week = reverse("ips:week")
    page = as_user(coach_a).get(url, {"next": week}).content.decode()
    assert "hx-post" not in page
    response = as_user(coach_a).post(url, _data(minutes="40", next=week))
    assert response["Location"] == week
