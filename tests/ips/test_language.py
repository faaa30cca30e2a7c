from datetime import date

import pytest
from django import forms
from django.urls import reverse
from django.utils import translation

from ips.models import User
from tests.employers.factories import EmployerContactFactory, JobFactory
from tests.factories import PASSWORD, ConsentFactory, TimeEntryFactory

pytestmark = pytest.mark.django_db


def _home_page(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("ips:home"), follow=True).content.decode()


def test_finnish_is_the_default(client, coach_a):
    page = _home_page(client, coach_a)
    assert 'lang="fi"' in page
    assert "Tervetuloa" in page


def test_the_chosen_language_sticks_to_the_user(client, coach_a):
    client.force_login(coach_a)
    response = client.post(reverse("ips:language_set"), {"language": "sv", "next": reverse("ips:home")})
    assert response.status_code == 302
    assert User.objects.get(pk=coach_a.pk).language == "sv"
    # A new device (no cookie) still gets Swedish after login.
    client.cookies.clear()
    page = _home_page(client, coach_a)
    assert 'lang="sv"' in page
    assert "Välkommen" in page


def test_an_unknown_language_is_ignored(client, coach_a):
    client.force_login(coach_a)
    client.post(reverse("ips:language_set"), {"language": "xx"})
    assert User.objects.get(pk=coach_a.pk).language == ""


def test_the_switch_never_redirects_off_site(client):
    response = client.post(reverse("ips:language_set"), {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/"


@pytest.mark.parametrize(("saved", "signed_in"), [("fi", "Kirjauduttiin sisään"), ("sv", "Du har loggat in som")])
def test_the_signed_in_message_is_in_the_users_language_not_the_browsers(client, coach_a, saved, signed_in):
    User.objects.filter(pk=coach_a.pk).update(language=saved)
    response = client.post(
        reverse("login"), {"username": "coach_a", "password": PASSWORD}, HTTP_ACCEPT_LANGUAGE="en", follow=True
    )
    page = response.content.decode()
    assert signed_in in page
    assert "Successfully signed in" not in page


@pytest.mark.parametrize("reading", ["fi", "sv", "en"])
def test_the_switcher_names_each_language_in_itself_whatever_the_page_language(client, coach_a, reading):
    User.objects.filter(pk=coach_a.pk).update(language=reading)
    page = _home_page(client, coach_a)
    for code, own_name in (("fi", "suomi"), ("sv", "svenska"), ("en", "English")):
        assert f'{code.upper()}<span class="visually-hidden"> {own_name}</span>' in page


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_dates_read_the_finnish_way_in_every_language(client, coach_a, client_a, language):
    """Finland-Swedish and English readers in a Finnish county write 26.11.2026, not 2026-11-26 or 11/26/2026."""
    TimeEntryFactory(coach=coach_a, client=client_a, team=client_a.team, date=date(2026, 11, 26))
    coach_a.language = language
    coach_a.save(update_fields=["language"])
    client.force_login(coach_a)
    page = client.get(reverse("ips:client_detail", args=[client_a.uuid])).content.decode()
    assert "26.11.2026" in page
    assert "2026-11-26" not in page.split("<main", 1)[1].replace('datetime="2026-11-26"', "")
    with translation.override(language):
        assert forms.DateField().clean("3.4.2026") == date(2026, 4, 3)  # typed day first, as in Finland


def test_rows_name_their_day_as_the_pages_do(coach_a, client_a):
    """A row's name (the audit log's record column, pickers) reads 26.11.2026, not 2026-11-26."""
    day = date(2026, 11, 26)
    rows = [
        TimeEntryFactory(coach=coach_a, client=client_a, team=client_a.team, date=day),
        ConsentFactory(client=client_a, given_on=day),
        EmployerContactFactory(coach=coach_a, client=client_a, date=day),
        JobFactory(client=client_a, start_date=day),
    ]
    for row in rows:
        assert "26.11.2026" in str(row) and "2026-11-26" not in str(row), str(row)
