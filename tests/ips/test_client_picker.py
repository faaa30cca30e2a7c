"""The client picker: a search over the own and team's clients, a select of the coach's own without JavaScript."""

import uuid

import pytest
from auditlog.models import LogEntry
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from ips.models import Stage, TimeEntry
from tests.employers.factories import EmployerFactory
from tests.factories import ClientFactory, ConsentFactory, activity_kind

pytestmark = pytest.mark.django_db

SEARCH_URL = reverse("ips:client_search")
TODAY_URL = reverse("ips:today")


def _soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def _matches(response) -> list[str]:
    return [option.get_text(strip=True) for option in _soup(response).select("[role=option]")]


def _select_options(soup, name) -> list[str]:
    return [option["value"] for option in soup.select(f"select[name={name}] option") if option["value"]]


def test_it_finds_own_and_team_clients_by_code_first_or_last_name(coach_a, coach_a2, team_a, as_user):
    mine = ClientFactory(team=team_a, coach=coach_a, first_name="Matti", last_name="Virtanen")
    theirs = ClientFactory(team=team_a, coach=coach_a2, first_name="Maija", last_name="Mäkelä")
    ClientFactory(team=team_a, coach=coach_a2, first_name="Pekka", last_name="Korhonen")
    client = as_user(coach_a)
    assert _matches(client.get(SEARCH_URL, {"q": "ma"})) == [mine.short_label, theirs.short_label]  # own first
    assert _matches(client.get(SEARCH_URL, {"q": "virt"})) == [mine.short_label]
    assert _matches(client.get(SEARCH_URL, {"q": theirs.code.lower()})) == [theirs.short_label]
    assert _matches(client.get(SEARCH_URL, {"q": "matti v"})) == [mine.short_label]


def test_it_shows_codes_and_initials_never_whole_names(coach_a, team_a, as_user):
    ClientFactory(team=team_a, coach=coach_a, first_name="Matti", last_name="Virtanen")
    html = as_user(coach_a).get(SEARCH_URL, {"q": "matti"}).content.decode()
    assert "Matti V." in html
    assert "Virtanen" not in html


def test_it_never_finds_another_teams_clients(coach_a, coach_b, team_b, as_user):
    other = ClientFactory(team=team_b, coach=coach_b, first_name="Matti", last_name="Virtanen")
    client = as_user(coach_a)
    assert _matches(client.get(SEARCH_URL, {"q": "matti"})) == []
    response = client.get(SEARCH_URL, {"q": other.code})
    assert _matches(response) == [] and other.code not in response.content.decode()


def test_it_leaves_closed_clients_out(coach_a, team_a, as_user):
    ClientFactory(team=team_a, coach=coach_a, first_name="Matti", stage=Stage.CLOSED, closed_on=timezone.localdate())
    assert _matches(as_user(coach_a).get(SEARCH_URL, {"q": "matti"})) == []


def test_it_says_how_many_match_for_the_screen_reader(coach_a, team_a, as_user):
    ClientFactory(team=team_a, coach=coach_a, first_name="Matti")
    client = as_user(coach_a)
    status = _soup(client.get(SEARCH_URL, {"q": "matti"})).select_one("[data-picker-status]")
    with translation.override(coach_a.language):
        found = ngettext("%(counter)s client found.", "%(counter)s clients found.", 1) % {"counter": 1}
        none = gettext("No client matches.")
    assert status.get_text(strip=True) == found
    status = _soup(client.get(SEARCH_URL, {"q": "zzz"})).select_one("[data-picker-status]")
    assert status.get_text(strip=True) == none
    assert _soup(client.get(SEARCH_URL)).select("li") == []


def test_it_logs_the_access_to_the_clients_it_shows(coach_a, team_a, as_user):
    shown = ClientFactory(team=team_a, coach=coach_a, first_name="Matti")
    as_user(coach_a).get(SEARCH_URL, {"q": "matti"})
    assert LogEntry.objects.filter(action=LogEntry.Action.ACCESS, object_pk=str(shown.pk)).exists()


def test_it_is_for_coaches_and_supervisors(reviewer, supervisor_a, coach_a, team_a, as_user):
    ClientFactory(team=team_a, coach=coach_a, first_name="Matti")
    assert as_user(reviewer).get(SEARCH_URL, {"q": "matti"}).status_code == 403
    assert len(_matches(as_user(supervisor_a).get(SEARCH_URL, {"q": "matti"}))) == 1


def test_the_search_query_count_is_pinned_and_flat(coach_a, coach_a2, team_a, client, django_assert_num_queries):
    for n in range(2):
        ClientFactory(team=team_a, coach=coach_a if n % 2 else coach_a2, first_name="Matti")
    client.force_login(coach_a)
    client.get(SEARCH_URL, {"q": "matti"})
    # Session with user, roles, the matches, the access-log insert.
    with django_assert_num_queries(4):
        assert len(_matches(client.get(SEARCH_URL, {"q": "matti"}))) == 2
    for n in range(13):
        ClientFactory(team=team_a, coach=coach_a if n % 2 else coach_a2, first_name="Matti")
    with django_assert_num_queries(4):
        assert len(_matches(client.get(SEARCH_URL, {"q": "matti"}))) == 8  # at most eight matches


def test_todays_select_holds_only_the_coachs_own_clients(coach_a, coach_a2, team_a, as_user):
    own = [ClientFactory(team=team_a, coach=coach_a) for _ in range(3)]
    [ClientFactory(team=team_a, coach=coach_a2) for _ in range(20)]
    soup = _soup(as_user(coach_a).get(TODAY_URL))
    assert sorted(_select_options(soup, "client")) == sorted(str(c.pk) for c in own)
    picker = soup.select_one("[data-client-picker]")
    search = picker.select_one("input[role=combobox]")
    assert search["hx-get"] == SEARCH_URL and search["aria-controls"] == picker.select_one("[role=listbox]")["id"]


def test_the_employer_panels_select_holds_only_the_coachs_own_clients(coach_a, coach_a2, team_a, as_user):
    own = ClientFactory(team=team_a, coach=coach_a)
    ClientFactory(team=team_a, coach=coach_a2)
    soup = _soup(as_user(coach_a).get(reverse("employers:today_panel")))
    assert _select_options(soup, "employer-contact-client") == [str(own.pk)]


def test_a_team_client_found_by_search_is_saved_and_stays_chosen_after_an_error(coach_a, coach_a2, team_a, as_user):
    theirs = ClientFactory(team=team_a, coach=coach_a2, programme_entry=None)
    data = {
        "date": timezone.localdate().isoformat(),
        "minutes": "",
        "kind": activity_kind("client_meeting").pk,
        "setting": "community",
        "client": str(theirs.pk),
        "note": "",
        "submission_id": str(uuid.uuid4()),
    }
    client = as_user(coach_a)
    refused = _soup(client.post(reverse("ips:entry_create"), data))
    assert _select_options(refused, "client") == [str(theirs.pk)]  # kept, though not the coach's own
    assert refused.select_one(f"select[name=client] option[value='{theirs.pk}']").has_attr("selected")
    client.post(reverse("ips:entry_create"), {**data, "minutes": "30"})
    assert TimeEntry.objects.get(coach=coach_a).client == theirs


def test_the_contact_form_takes_a_team_client_found_by_search(coach_a, coach_a2, team_a, org_a, as_user):
    employer = EmployerFactory(organisation=org_a)
    theirs = ClientFactory(team=team_a, coach=coach_a2)
    ConsentFactory(client=theirs)  # a contact naming a client needs the client's consent covering employers
    data = {
        "date": timezone.localdate().isoformat(),
        "minutes": "30",
        "face_to_face": "on",
        "purpose": "on_behalf_of_client",
        "client": str(theirs.pk),
        "submission_id": str(uuid.uuid4()),
    }
    response = as_user(coach_a).post(reverse("employers:employer_contact_create", args=[employer.uuid]), data)
    assert response.status_code == 302
    assert employer.contacts.get().client == theirs


def test_a_hostile_client_value_is_refused_as_before(coach_a, team_a, as_user):
    response = as_user(coach_a).post(
        reverse("ips:entry_create"),
        {"date": timezone.localdate().isoformat(), "minutes": "30", "client": "99999999999999", "note": ""},
    )
    assert response.status_code == 200
    assert not TimeEntry.objects.exists()
