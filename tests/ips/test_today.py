"""The coach's Today page: quick add, edit and delete, the week's totals and clients without contact."""

import uuid
from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ips.models import Stage, TimeEntry
from tests.employers.factories import EmployerContactFactory, EmployerFactory
from tests.factories import ClientFactory, ConsentFactory, TimeEntryFactory, activity_kind

pytestmark = pytest.mark.django_db

TODAY_URL = reverse("ips:today")
ADD_URL = reverse("ips:entry_create")


def _soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def _out_of_band(soup) -> dict[str, list[str]]:
    """What an htmx answer swaps out of band: target (or the element's id) -> ids of the entry rows it carries."""
    return {
        element["hx-swap-oob"] if element["hx-swap-oob"] != "true" else element["id"]: [
            row["id"] for row in element.select("li.entry")
        ]
        for element in soup.find_all(attrs={"hx-swap-oob": True})
    }


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


def test_an_htmx_save_answers_with_a_fresh_form_and_the_parts_of_today_it_changed(coach_a, team_a, client_a, htmx):
    _entry(coach_a, team_a, minutes=30)
    response = htmx(coach_a).post(ADD_URL, _data(client=client_a.pk))
    assert response.status_code == 200
    entry = TimeEntry.objects.get(client=client_a)
    soup = _soup(response)
    assert soup.find("html") is None and soup.find(id="today-log") is None
    # The form's section is the answer's target (the first element); the rest goes out of band.
    target = soup.find()
    assert target["id"] == "log-add" and target.find(role="status") and target.find("form")
    assert response.context["form"].initial["submission_id"] != entry.submission_id
    # client_a is coach_a's own client and a client meeting is a contact: the list without contact may change.
    assert _out_of_band(soup) == {
        "entries-heading": [],
        "beforeend:#today-entries": [f"entry-{entry.uuid}"],
        "today-week": [],
        "today-overdue": [],
    }
    added = soup.find(attrs={"hx-swap-oob": "beforeend:#today-entries"})
    assert added.find("a", string=client_a.short_label)  # "CODE · First L.": the coach's own client
    assert "1 h 15 min" in soup.find(id="entries-heading").get_text()
    assert response.context["week_totals"]["total"] == 75


def test_the_days_first_entry_replaces_the_nothing_logged_line(coach_a, htmx):
    soup = _soup(htmx(coach_a).post(ADD_URL, _data()))
    entry = TimeEntry.objects.get()
    assert _out_of_band(soup) == {"today-entries": [f"entry-{entry.uuid}"], "entries-heading": [], "today-week": []}


def test_an_htmx_save_for_an_earlier_week_changes_only_the_form(coach_a, htmx):
    earlier = timezone.localdate() - timedelta(days=8)
    soup = _soup(htmx(coach_a).post(ADD_URL, _data(date=earlier.isoformat())))
    assert TimeEntry.objects.get().date == earlier
    assert soup.find()["id"] == "log-add" and soup.find(role="status")
    assert _out_of_band(soup) == {}


def test_a_contact_with_my_own_client_refreshes_the_clients_without_contact(coach_a, team_a, htmx):
    today = timezone.localdate()
    quiet = ClientFactory(team=team_a, coach=coach_a, programme_entry=today - timedelta(days=60))
    still = ClientFactory(team=team_a, coach=coach_a, programme_entry=today - timedelta(days=60))
    assert quiet in htmx(coach_a).get(TODAY_URL).context["overdue"]
    soup = _soup(htmx(coach_a).post(ADD_URL, _data(client=quiet.pk)))
    assert "today-overdue" in _out_of_band(soup)
    overdue = soup.find(id="today-overdue").get_text()
    assert quiet.code not in overdue and still.code in overdue


@pytest.mark.parametrize("kind", ["documentation", "client_meeting"])
def test_other_entries_leave_the_clients_without_contact_alone(coach_a, coach_a2, team_a, htmx, kind):
    """Documentation is not a contact; a teammate's client is not on my list of clients without contact."""
    client = ClientFactory(team=team_a, coach=coach_a if kind == "documentation" else coach_a2)
    soup = _soup(htmx(coach_a).post(ADD_URL, _data(kind=activity_kind(kind).pk, client=client.pk)))
    assert TimeEntry.objects.count() == 1
    assert "today-overdue" not in _out_of_band(soup)


def test_an_htmx_save_logs_the_access_to_the_entrys_client(coach_a, client_a, htmx):
    htmx(coach_a).post(ADD_URL, _data(client=client_a.pk))
    entry = TimeEntry.objects.get()
    assert LogEntry.objects.filter(
        action=LogEntry.Action.ACCESS, object_pk=str(entry.pk), additional_data__client=str(client_a.uuid)
    ).exists()


def test_an_invalid_htmx_save_answers_with_the_form_and_its_messages_only(coach_a, htmx):
    response = htmx(coach_a).post(ADD_URL, _data(minutes="0"))
    assert response.status_code == 200
    assert response.context["form"].has_error("minutes", "min_value")
    soup = _soup(response)
    assert soup.find()["id"] == "log-add" and soup.find(role="status") is None
    assert soup.find(id="add_minutes").find_parent(class_="field").find(id="add_minutes_error")
    assert _out_of_band(soup) == {}
    assert not TimeEntry.objects.exists()


def test_a_double_tapped_htmx_save_answers_with_the_whole_log(coach_a, htmx):
    data = _data()
    htmx(coach_a).post(ADD_URL, data)
    response = htmx(coach_a).post(ADD_URL, data)
    assert TimeEntry.objects.count() == 1
    assert response["HX-Retarget"] == "#today-log"
    soup = _soup(response)
    assert soup.find()["id"] == "today-log" and len(soup.select("li.entry")) == 1
    assert _out_of_band(soup) == {}


def test_the_form_defaults_to_the_last_entrys_values_but_not_its_client(coach_a, team_a, client_a, as_user):
    _entry(coach_a, team_a, kind=activity_kind("job_search"), setting="workplace", minutes=75, client=client_a)
    initial = as_user(coach_a).get(TODAY_URL).context["form"].initial
    assert initial["kind"] == activity_kind("job_search").pk
    assert (initial["setting"], initial["minutes"]) == ("workplace", 75)
    assert "client" not in initial
    assert initial["date"] == timezone.localdate()


def test_after_a_save_the_client_picker_is_empty(coach_a, client_a, htmx):
    """An entry about no one, typed next, must not be saved on the previous entry's client."""
    soup = _soup(htmx(coach_a).post(ADD_URL, _data(client=client_a.pk, setting="workplace")))
    picker = soup.select_one("#log-add select[name=client]")
    assert picker.select_one("option[selected]") is None or picker.select_one("option[selected]")["value"] == ""
    assert soup.select_one("#log-add select[name=setting] option[selected]")["value"] == "workplace"


@pytest.mark.parametrize("days_ago", [367, 365 * 126])
def test_it_asks_to_check_a_date_more_than_a_year_ago(coach_a, as_user, days_ago):
    day = timezone.localdate() - timedelta(days=days_ago)
    response = as_user(coach_a).post(ADD_URL, _data(date=day.isoformat()))
    assert response.context["form"].has_error("date", "too_old")
    assert not TimeEntry.objects.exists()


def test_it_refuses_the_first_of_january_1900(coach_a, as_user):
    response = as_user(coach_a).post(ADD_URL, _data(date="1900-01-01"))
    assert response.context["form"].has_error("date")
    assert not TimeEntry.objects.exists()


def test_a_date_within_the_year_is_taken(coach_a, as_user):
    day = timezone.localdate() - timedelta(days=300)
    as_user(coach_a).post(ADD_URL, _data(date=day.isoformat()))
    assert TimeEntry.objects.get().date == day


def test_the_floor_is_the_clients_programme_entry(coach_a, team_a, as_user):
    today = timezone.localdate()
    client = ClientFactory(team=team_a, coach=coach_a, programme_entry=today - timedelta(days=10))
    response = as_user(coach_a).post(ADD_URL, _data(client=client.pk, date=(today - timedelta(days=11)).isoformat()))
    assert response.context["form"].has_error("date", "before_entry")


def test_correcting_an_old_entry_keeps_its_own_date(coach_a, team_a, as_user):
    old = timezone.localdate() - timedelta(days=400)
    entry = _entry(coach_a, team_a, date=old, minutes=30)
    url = reverse("ips:entry_edit", args=[entry.uuid])
    as_user(coach_a).post(url, _data(date=old.isoformat(), minutes="40"))
    entry.refresh_from_db()
    assert entry.minutes == 40


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
    # Session with user, roles, defaults, today's entries, the week by day and kind (the day totals, the kinds and
    # the week's total are its sums), the week's employer contacts, overdue clients, the form's kind and client
    # choices (each read once) and the access log of the entries' clients (one insert). No session write: the row
    # is written at most once a minute (ips/sessions.py).
    with django_assert_num_queries(10):
        client.get(TODAY_URL)


def test_the_edit_page_without_htmx_is_a_plain_form_that_returns_to_the_week(coach_a, team_a, as_user):
    entry = _entry(coach_a, team_a, minutes=30)
    url = reverse("ips:entry_edit", args=[entry.uuid])
    week = reverse("ips:week")
    page = as_user(coach_a).get(url, {"next": week}).content.decode()
    assert "hx-post" not in page
    response = as_user(coach_a).post(url, _data(minutes="40", next=week))
    assert response["Location"] == week


def test_the_quick_add_answer_query_count_is_pinned_and_flat(coach_a, team_a, client, django_assert_num_queries):
    today = timezone.localdate()
    clients = [ClientFactory(team=team_a, coach=coach_a, programme_entry=today - timedelta(days=40)) for _ in range(3)]
    _fill_day(coach_a, team_a, clients, 6)
    client.force_login(coach_a)

    def add():
        data = _data(minutes="5")
        with CaptureQueriesContext(connection) as context:
            response = client.post(ADD_URL, data, HTTP_HX_REQUEST="true")
        assert 'role="status"' in response.content.decode()
        return len(context.captured_queries)

    add()
    few = add()
    more = [ClientFactory(team=team_a, coach=coach_a, programme_entry=today - timedelta(days=40)) for _ in range(27)]
    _fill_day(coach_a, team_a, clients + more, 60)
    assert add() == few
    # Session with user, roles, the double-submit check; the form's checks (kind, day total: the model's own
    # checks of the kind reference and the minutes constraint repeat them and are left out); the insert and its
    # audit row in a savepoint (4); the entry's minutes added to the daily summary (one statement); the week
    # (entries by day and kind, which also give today's total; the week's employer contacts); the fresh form's
    # kind and client choices. No overdue list (not a contact with an own client), no client to log, no session
    # write.
    data = _data(minutes="5")
    with django_assert_num_queries(14):
        client.post(ADD_URL, data, HTTP_HX_REQUEST="true")


def test_an_employer_contacts_minutes_count_once_in_the_days_log(coach_a, team_a, as_user):
    _entry(coach_a, team_a, minutes=30)
    employer = EmployerFactory(organisation=team_a.organisation, name="Kauppahalli Oy")
    contact = EmployerContactFactory(coach=coach_a, team=team_a, employer=employer, minutes=45)
    response = as_user(coach_a).get(TODAY_URL)
    assert response.context["today_minutes"] == 75
    assert response.context["week_totals"]["total"] == 75
    soup = _soup(response)
    rows = soup.select("#today-entries li.entry")
    assert len(rows) == 2 and "Kauppahalli Oy" in rows[1].get_text()
    assert rows[1].find("a")["href"].startswith(reverse("employers:employer_contact_edit", args=[contact.uuid]))


def test_a_day_with_only_an_employer_contact_is_not_empty(coach_a, team_a, as_user):
    EmployerContactFactory(coach=coach_a, team=team_a, minutes=45)
    page = as_user(coach_a).get(TODAY_URL).content.decode()
    assert "Nothing logged yet today." not in page


def test_saving_a_contact_in_the_panel_reloads_todays_log(coach_a, team_a, htmx):
    employer = EmployerFactory(organisation=team_a.organisation)
    data = {
        "employer-contact-employer": employer.pk,
        "employer-contact-date": timezone.localdate().isoformat(),
        "employer-contact-minutes": "30",
        "employer-contact-purpose": "first_meeting",
        "employer-contact-face_to_face": "on",
    }
    response = htmx(coach_a).post(reverse("employers:today_panel"), data)
    assert "polku:contact-saved" in response["HX-Trigger"]
    log = _soup(htmx(coach_a).get(TODAY_URL)).find(id="today-log")
    assert log["hx-trigger"] == "polku:contact-saved from:body" and log["hx-get"] == TODAY_URL
