import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _menu(client, user):
    client.force_login(user)
    return [item["url"] for item in client.get(reverse("ips:home"), follow=True).context["menu"]]


def test_the_org_admin_sees_the_organisation_pages(client, org_admin):
    assert reverse("ips:org_overview") in _menu(client, org_admin)


def test_a_coach_does_not_see_admin_or_cms(client, coach_a):
    menu = _menu(client, coach_a)
    assert reverse("ips:org_overview") not in menu
    assert reverse("wagtailadmin_home") not in menu


def test_the_content_editor_sees_the_cms(client, content_editor):
    assert reverse("wagtailadmin_home") in _menu(client, content_editor)


def test_the_org_overview_lists_the_teams_people(client, org_admin, coach_a, team_a):
    client.force_login(org_admin)
    page = client.get(reverse("ips:org_overview")).content.decode()
    assert team_a.name in page
    assert str(coach_a) in page


def test_the_org_overview_is_forbidden_to_a_coach(client, coach_a):
    client.force_login(coach_a)
    assert client.get(reverse("ips:org_overview")).status_code == 403
