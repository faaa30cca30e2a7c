"""The week grid: a week's minutes as activities and settings by day, saved as the coach's grid-made entries."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ips.forms.trust import SUBMISSION_FIELD
from ips.models import TimeEntry
from tests.employers.factories import EmployerContactFactory
from tests.factories import TimeEntryFactory, activity_kind
from tests.trust.cases import form_data

pytestmark = pytest.mark.django_db

GRID_URL = reverse("ips:week_grid")


def _last_monday():
    today = timezone.localdate()
    return today - timedelta(days=today.weekday() + 7)


def _url(monday, **query):
    extra = "".join(f"&{key}={value}" for key, value in query.items())
    return f"{GRID_URL}?on={monday.isoformat()}{extra}"


def _load(browser, monday, **query):
    response = browser.get(_url(monday, **query))
    assert response.status_code == 200
    return response, {key: values[0] for key, values in form_data(response.content, "rows").items() if values}


def _post(browser, monday, data):
    return browser.post(_url(monday), data)


def _grid(coach):
    return {
        (entry.date, entry.kind.code, entry.setting): entry.minutes
        for entry in TimeEntry.objects.filter(coach=coach, from_grid=True).select_related("kind")
    }


def _grid_entry(coach, team, day, minutes, code="job_search", setting="office"):
    return TimeEntryFactory(
        coach=coach, team=team, date=day, minutes=minutes, kind=activity_kind(code), setting=setting, from_grid=True
    )


def test_the_week_view_and_today_link_to_the_grid(coach_a, as_user):
    browser = as_user(coach_a)
    assert f'href="{GRID_URL}"' in browser.get(reverse("ips:today")).text
    monday = _last_monday()
    assert _url(monday) in browser.get(reverse("ips:week"), {"on": monday.isoformat()}).text.replace("&amp;", "&")


def test_an_empty_week_offers_blank_rows(coach_a, as_user):
    response, data = _load(as_user(coach_a), _last_monday())
    assert data["rows"] == "3"
    assert [data.get(f"r{i}-kind", "") for i in range(3)] == ["", "", ""]
    assert SUBMISSION_FIELD in data and data["week_fingerprint"]


def test_cells_are_saved_as_one_entry_each_and_the_week_view_shows_the_totals(coach_a, team_a, as_user):
    browser = as_user(coach_a)
    monday = _last_monday()
    _response, data = _load(browser, monday)
    data.update({"r0-kind": activity_kind("job_search").pk, "r0-setting": "community", "r0-d0": "90", "r0-d2": "30"})
    data.update({"r1-kind": activity_kind("client_meeting").pk, "r1-setting": "office", "r1-d0": "45"})
    response = _post(browser, monday, data)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('ips:week')}?on={monday.isoformat()}"
    assert _grid(coach_a) == {
        (monday, "job_search", "community"): 90,
        (monday + timedelta(days=2), "job_search", "community"): 30,
        (monday, "client_meeting", "office"): 45,
    }
    assert set(TimeEntry.objects.filter(coach=coach_a).values_list("team", "client")) == {(team_a.pk, None)}
    week = browser.get(response["Location"]).context
    assert week["totals"]["total"] == 165 and week["totals"]["days"][0] == 135


def test_the_grid_shows_its_rows_and_changing_a_cell_updates_or_deletes_only_grid_entries(coach_a, team_a, as_user):
    browser = as_user(coach_a)
    monday = _last_monday()
    _grid_entry(coach_a, team_a, monday, 60)
    _grid_entry(coach_a, team_a, monday + timedelta(days=1), 30)
    today_entry = TimeEntryFactory(
        coach=coach_a, team=team_a, date=monday, minutes=20, kind=activity_kind("job_search")
    )
    response, data = _load(browser, monday)
    assert (data["r0-kind"], data["r0-d0"], data["r0-d1"]) == (str(activity_kind("job_search").pk), "60", "30")
    assert "Logged on Today" in response.text or "Kirjattu Tänään-sivulla" in response.text
    data.update({"r0-d0": "75", "r0-d1": "", "r0-d4": "15"})
    assert _post(browser, monday, data).status_code == 302
    assert _grid(coach_a) == {
        (monday, "job_search", "office"): 75,
        (monday + timedelta(days=4), "job_search", "office"): 15,
    }
    today_entry.refresh_from_db()
    assert today_entry.minutes == 20 and not today_entry.from_grid


def test_changing_a_rows_activity_moves_its_minutes(coach_a, team_a, as_user):
    browser = as_user(coach_a)
    monday = _last_monday()
    _grid_entry(coach_a, team_a, monday, 60)
    _response, data = _load(browser, monday)
    data["r0-kind"] = activity_kind("client_meeting").pk
    assert _post(browser, monday, data).status_code == 302
    assert _grid(coach_a) == {(monday, "client_meeting", "office"): 60}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-5", "Anna minuutit lukuna 0 tai enemmän."),
        ("961", "Päivään mahtuu enintään 16 tuntia (960 minuuttia); anna enintään sen verran."),
        ("puoli tuntia", "Anna aika kokonaisina minuutteina."),
    ],
)
def test_a_bad_cell_gets_its_message_next_to_it_and_nothing_is_saved(coach_a, as_user, value, message):
    browser = as_user(coach_a)
    monday = _last_monday()
    _response, data = _load(browser, monday)
    data.update({"r0-kind": activity_kind("job_search").pk, "r0-d0": "30", "r0-d1": value})
    response = _post(browser, monday, data)
    assert response.status_code == 200
    error = BeautifulSoup(response.text, "html.parser").find(id="id_r0-d1_error")
    assert error is not None and message in error.get_text()
    assert TimeEntry.objects.filter(coach=coach_a).count() == 0


def test_a_day_over_sixteen_hours_with_todays_entries_is_refused(coach_a, team_a, as_user):
    browser = as_user(coach_a)
    monday = _last_monday()
    TimeEntryFactory(coach=coach_a, team=team_a, date=monday, minutes=600)
    _response, data = _load(browser, monday)
    data.update({"r0-kind": activity_kind("job_search").pk, "r0-d0": "400"})
    response = _post(browser, monday, data)
    assert response.status_code == 200
    assert "16 h 40 min" in response.context["form"].errors["r0-d0"][0]
    assert not _grid(coach_a)


def test_minutes_need_an_activity_and_a_row_is_not_given_twice(coach_a, as_user):
    browser = as_user(coach_a)
    monday = _last_monday()
    _response, data = _load(browser, monday)
    kind = activity_kind("job_search").pk
    data.update({"r0-kind": kind, "r0-d0": "30", "r1-kind": kind, "r1-d1": "30", "r2-d2": "30"})
    errors = _post(browser, monday, data).context["form"].errors
    assert errors["r1-kind"][0].startswith("Tällä toiminnolla ja paikalla on jo rivi")
    assert errors["r2-kind"] == ["Valitse, mihin nämä minuutit kuluivat."]
    assert not _grid(coach_a)


def test_days_still_ahead_cannot_be_filled(coach_a, as_user):
    browser = as_user(coach_a)
    next_monday = _last_monday() + timedelta(days=14)
    response, data = _load(browser, next_monday)
    assert response.context["form"].fields["r0-d0"].disabled
    data.update({"r0-kind": activity_kind("job_search").pk, "r0-d0": "30"})
    _post(browser, next_monday, data)
    assert not TimeEntry.objects.filter(coach=coach_a).exists()


def test_copying_last_weeks_rows_fills_the_rows_not_the_minutes(coach_a, team_a, as_user):
    browser = as_user(coach_a)
    monday = _last_monday() + timedelta(days=7)
    TimeEntryFactory(coach=coach_a, team=team_a, date=monday - timedelta(days=6), kind=activity_kind("job_search"))
    _grid_entry(coach_a, team_a, monday - timedelta(days=5), 40, code="client_meeting", setting="community")
    response, data = _load(browser, monday, copy="rows")
    rows = {(data[f"r{i}-kind"], data[f"r{i}-setting"]) for i in range(2)}
    assert rows == {
        (str(activity_kind("job_search").pk), "office"),
        (str(activity_kind("client_meeting").pk), "community"),
    }
    assert not any(data.get(f"r{i}-d{j}") for i in range(2) for j in range(7))
    assert data["rows"] == "5"
    assert "the minutes stay empty" in response.text or "minuutit jäävät tyhjiksi" in response.text


def test_a_stale_save_is_refused_showing_what_was_saved_meanwhile_and_saving_again_wins(coach_a, team_a, client):
    monday = _last_monday()
    entry = _grid_entry(coach_a, team_a, monday, 60)
    client.force_login(coach_a)
    _response, mine = _load(client, monday)
    _response, theirs = _load(client, monday)  # another tab
    theirs["r0-d0"] = "90"
    assert _post(client, monday, theirs).status_code == 302

    mine["r0-d0"] = "120"
    refused = _post(client, monday, mine)
    assert refused.status_code == 200
    entry.refresh_from_db()
    assert entry.minutes == 90
    soup = BeautifulSoup(refused.text, "html.parser")
    assert soup.select(".form-errors")
    assert "90" in soup.find(id="id_r0-d0_meanwhile").get_text()
    again = {key: values[0] for key, values in form_data(refused.content, "rows").items() if values}
    assert again["r0-d0"] == "120" and again["week_fingerprint"] != mine["week_fingerprint"]

    assert _post(client, monday, again).status_code == 302
    entry.refresh_from_db()
    assert entry.minutes == 120


def test_a_row_added_meanwhile_is_shown_on_refusal_and_kept(coach_a, team_a, client):
    monday = _last_monday()
    client.force_login(coach_a)
    _response, mine = _load(client, monday)
    _grid_entry(coach_a, team_a, monday + timedelta(days=1), 50, code="client_meeting")  # saved in another tab
    mine.update({"r0-kind": activity_kind("job_search").pk, "r0-d0": "30"})
    refused = _post(client, monday, mine)
    assert refused.status_code == 200 and not _grid(coach_a).get((monday, "job_search", "office"))
    again = {key: values[0] for key, values in form_data(refused.content, "rows").items() if values}
    added = next(
        i for i in range(int(again["rows"])) if again.get(f"r{i}-kind") == str(activity_kind("client_meeting").pk)
    )
    assert again[f"r{added}-d1"] == "50"
    assert _post(client, monday, again).status_code == 302
    assert _grid(coach_a) == {
        (monday, "job_search", "office"): 30,
        (monday + timedelta(days=1), "client_meeting", "office"): 50,
    }


def test_only_coaches_use_the_grid_and_it_changes_only_their_own_entries(
    supervisor_a, coach_a, coach_a2, team_a, as_user
):
    assert as_user(supervisor_a).get(GRID_URL).status_code == 403
    monday = _last_monday()
    theirs = _grid_entry(coach_a2, team_a, monday, 60)
    browser = as_user(coach_a)
    _response, data = _load(browser, monday)
    assert data.get("r0-kind", "") == ""
    data.update({"r0-kind": activity_kind("job_search").pk, "r0-d0": ""})
    assert _post(browser, monday, data).status_code == 302
    assert TimeEntry.objects.filter(pk=theirs.pk).exists()


def test_the_grid_page_costs_the_same_queries_however_many_rows(coach_a, team_a, as_user):
    browser = as_user(coach_a)
    monday = _last_monday()
    _load(browser, monday)

    def count():
        with CaptureQueriesContext(connection) as queries:
            _load(browser, monday, copy="rows")
        return len(queries)

    _grid_entry(coach_a, team_a, monday, 30)
    TimeEntryFactory(coach=coach_a, team=team_a, date=monday - timedelta(days=3))
    few = count()
    for n, code in enumerate(["client_meeting", "job_search", "benefits_counselling"]):
        for setting in ["office", "community", "workplace"]:
            for day in range(3):
                _grid_entry(coach_a, team_a, monday + timedelta(days=day), 10 + n, code=code, setting=setting)
            TimeEntryFactory(
                coach=coach_a, team=team_a, date=monday - timedelta(days=2), kind=activity_kind(code), setting=setting
            )
    assert count() == few
    # Session with user, roles, the week's entries, last week's rows, the activities.
    assert few == 5


def test_saving_an_unchanged_week_costs_the_same_queries_however_many_rows(coach_a, team_a, as_user):
    browser = as_user(coach_a)
    monday = _last_monday()

    def count():
        _response, data = _load(browser, monday)
        with CaptureQueriesContext(connection) as queries:
            assert _post(browser, monday, data).status_code == 302
        return len(queries)

    _grid_entry(coach_a, team_a, monday, 30)
    few = count()
    for code in ["client_meeting", "benefits_counselling"]:
        for setting in ["office", "community", "workplace"]:
            for day in range(5):
                _grid_entry(coach_a, team_a, monday + timedelta(days=day), 20, code=code, setting=setting)
    assert count() == few
    # The POST's session with user, roles, the one-time submission, the locked week and what saving it unchanged
    # reads and writes (no row per cell).
    assert few == 15


def test_the_grid_says_its_totals_are_the_logs_and_points_to_the_weeks_work_time(coach_a, team_a, as_user):
    """The grid edits the daily log, so its totals are the log's; the week's work time (employer contacts included)
    is on the Week page, which the note under the grid links to."""
    monday = _last_monday()
    _grid_entry(coach_a, team_a, monday, 60)
    EmployerContactFactory(coach=coach_a, team=team_a, date=monday, minutes=45)
    soup = BeautifulSoup(_load(as_user(coach_a), monday)[0].content.decode(), "html.parser")
    assert soup.select_one("table.week-grid tfoot tr.log-total td").get_text(strip=True) == "1 h"
    note = soup.select_one(".grid-total-note")
    assert note.a["href"] == f"{reverse('ips:week')}?on={monday.isoformat()}"
