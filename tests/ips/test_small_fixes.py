"""Issue 16's small fixes: whole-page links in lists, the referral page's heading, labels in the user's language."""

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from employers.forms import EmployerForm
from ips.forms.entries import TimeEntryForm
from tests.factories import OrganisationFactory, TimeEntryFactory

pytestmark = pytest.mark.django_db


def _soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_the_caseload_rows_links_are_not_boosted(coach_a, client_a, as_user):
    """The list is boosted for its sorting and paging; a client's link opens the whole client page."""
    soup = _soup(as_user(coach_a).get(reverse("ips:caseload")))
    link = soup.find("a", href=reverse("ips:client_detail", args=[client_a.uuid]))
    assert link.find_parent(attrs={"hx-boost": True})["hx-boost"] == "false"


def test_the_new_referral_page_has_a_heading(coach_a, as_user):
    soup = _soup(as_user(coach_a).get(reverse("ips:referral_create")))
    assert soup.h1.get_text(strip=True)
    assert soup.title.get_text(strip=True).startswith(soup.h1.get_text(strip=True))


@override_settings(LANGUAGE_CODE="en")
def test_the_client_page_says_client_coordinator_in_the_users_language(supervisor_a, client_a, as_user):
    page = as_user(supervisor_a).get(reverse("ips:client_detail", args=[client_a.uuid])).content.decode()
    assert "Asiakasvastaava" not in page


@pytest.mark.parametrize(("language", "label"), [("en", "— choose —"), ("fi", "— valitse —"), ("sv", "— välj —")])
def test_empty_choices_say_choose_in_the_users_language(language, label):
    organisation = OrganisationFactory()
    with translation.override(language):
        html = str(EmployerForm(organisation=organisation)["responsible_coach"])
    assert label in html
    assert "---------" not in html


def test_a_time_entrys_kind_has_no_empty_choice(coach_a):
    assert "---------" not in str(TimeEntryForm(user=coach_a)["kind"])


def test_todays_entries_name_own_clients_as_code_and_first_name_initial(coach_a, team_a, client_a, as_user):
    TimeEntryFactory(coach=coach_a, team=team_a, client=client_a)
    page = as_user(coach_a).get(reverse("ips:today")).content.decode()
    assert f">{client_a.short_label}</a>" in page


def test_a_client_who_moved_to_another_team_is_shown_by_code(coach_a, team_a, team_b, client_a, as_user):
    TimeEntryFactory(coach=coach_a, team=team_a, client=client_a)
    client_a.team = team_b
    client_a.save()
    page = as_user(coach_a).get(reverse("ips:week")).content.decode()
    assert f">{client_a.code}</a>" in page and client_a.first_name not in page


def test_the_contact_forms_client_picker_shows_code_and_first_name_initial(coach_a, client_a, as_user):
    page = as_user(coach_a).get(reverse("employers:contact_create")).content.decode()
    assert client_a.short_label in page
