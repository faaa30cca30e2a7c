"""The role rules beside get_for_user (ips.access) and the htmx/redirect helpers every app's views use (ips.http)."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import reverse

from ips.access import can_edit, has_role, manages_team, require_role
from ips.http import redirect_next, safe_next
from ips.models import CONTENT_EDITORS_GROUP, User

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("user", "roles", "allowed"),
    [
        ("coach_a", ("coach",), True),
        ("supervisor_a", ("coach",), False),
        ("supervisor_a", ("coach", "supervisor"), True),
        ("reviewer", ("coach", "supervisor"), False),
        ("reviewer", ("reviewer", "supervisor", "org_admin"), True),
        ("content_editor", ("coach", "supervisor", "reviewer", "reporter", "org_admin"), False),
    ],
)
def test_require_role_lets_in_only_holders_of_one_of_the_roles(user, roles, allowed, request):
    person = request.getfixturevalue(user)
    assert has_role(person, *roles) is allowed
    if allowed:
        require_role(person, *roles)
    else:
        with pytest.raises(PermissionDenied):
            require_role(person, *roles)


def test_the_roles_and_the_content_editors_group_are_read_in_one_query(
    coach_a, team_a, content_editor, django_assert_num_queries
):
    coach_a.groups.add(Group.objects.get(name=CONTENT_EDITORS_GROUP))
    coach = User.objects.get(pk=coach_a.pk)
    editor = User.objects.get(pk=content_editor.pk)
    with django_assert_num_queries(1):
        roles = coach.roles
    assert roles.coach_teams == {team_a.pk} and roles.content_editor
    with django_assert_num_queries(1):
        roles = editor.roles
    assert roles.content_editor and not roles.coach_teams and not roles.team_organisations
    coach_a.groups.clear()
    assert not User.objects.get(pk=coach_a.pk).roles.content_editor


def test_a_misspelt_role_is_an_error_not_a_refusal(coach_a):
    with pytest.raises(ValueError, match="caoch"):
        require_role(coach_a, "caoch")


def test_can_edit_follows_the_models_editable_by(client_a, coach_a, coach_b, org_admin):
    assert can_edit(coach_a, client_a)
    assert not can_edit(coach_b, client_a)


def test_the_teams_supervisor_and_the_organisations_admin_manage_it(
    team_a, supervisor_a, org_admin, coach_a, org_admin_b
):
    assert manages_team(supervisor_a, team_a)
    assert manages_team(org_admin, team_a)
    assert not manages_team(coach_a, team_a)
    assert not manages_team(org_admin_b, team_a)


@pytest.mark.parametrize(
    ("posted", "expected"),
    [
        ("/clients/", "/clients/"),
        ("https://evil.example/", "/today/"),
        ("//evil.example/", "/today/"),
        ("", "/today/"),
    ],
)
def test_safe_next_keeps_only_urls_of_this_site(posted, expected):
    request = RequestFactory().post("/x/", {"next": posted})
    assert safe_next(request, "/today/") == expected
    assert redirect_next(request, "/today/")["Location"] == expected


def test_safe_next_reads_the_query_string_too():
    assert safe_next(RequestFactory().get("/x/", {"next": "/week/"}), None) == "/week/"
    assert safe_next(RequestFactory().get("/x/"), None) is None


@pytest.mark.parametrize("htmx", [True, False])
def test_render_page_or_fragment_gives_htmx_only_the_fragment(htmx, client_a, coach_a, as_user):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = as_user(coach_a).get(reverse("ips:caseload"), **headers)
    html = response.content.decode()
    assert response.status_code == 200
    assert client_a.code in html
    assert ("<html" in html) is not htmx
