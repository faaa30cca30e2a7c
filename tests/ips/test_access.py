from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse

from ips.access import get_for_user
from ips.models import Client, Team, User

pytestmark = pytest.mark.django_db


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_it_gives_a_coach_of_the_team_their_client(client_a, coach_a):
    assert get_for_user(_request(coach_a), Client, uuid=client_a.uuid) == client_a


def test_it_gives_the_supervisor_the_teams_client(client_a, supervisor_a):
    assert get_for_user(_request(supervisor_a), Client, uuid=client_a.uuid) == client_a


@pytest.mark.parametrize("outsider", ["coach_b", "reviewer", "reporter", "org_admin", "content_editor"])
def test_it_hides_clients_of_other_teams_and_from_other_roles(client_a, outsider, request):
    user = request.getfixturevalue(outsider)
    with pytest.raises(Http404):
        get_for_user(_request(user), Client, uuid=client_a.uuid)


def test_an_outsider_gets_404_on_the_client_page(client_a, coach_b, as_user):
    response = as_user(coach_b).get(reverse("ips:client_detail", args=[client_a.uuid]))
    assert response.status_code == 404
    assert "Esimerkki" not in response.content.decode()  # the first name could be a staff member's too


def test_the_coach_sees_the_client_page(client_a, coach_a, as_user):
    response = as_user(coach_a).get(reverse("ips:client_detail", args=[client_a.uuid]))
    assert response.status_code == 200
    assert "Ville Esimerkki" in response.content.decode()


def test_anonymous_is_sent_to_login(client_a, client):
    response = client.get(reverse("ips:client_detail", args=[client_a.uuid]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_read_only_viewer_gets_403_on_write(team_a, reporter):
    # A reporter sees the teams of their organisation but may not change them.
    assert get_for_user(_request(reporter), Team, uuid=team_a.uuid) == team_a
    with pytest.raises(PermissionDenied):
        get_for_user(_request(reporter), Team, write=True, uuid=team_a.uuid)


def test_an_org_admin_of_another_organisation_gets_404_on_a_team(team_a, org_admin_b):
    with pytest.raises(Http404):
        get_for_user(_request(org_admin_b), Team, uuid=team_a.uuid)


def test_an_ended_membership_gives_no_access(client_a, coach_a):
    coach_a.memberships.update(started=date(2024, 1, 1), ended=date(2025, 1, 1))
    former_coach = User.objects.get(pk=coach_a.pk)
    with pytest.raises(Http404):
        get_for_user(_request(former_coach), Client, uuid=client_a.uuid)
