"""The shared cast, named by role: team A is ours, team B (same organisation) is the outsider."""

import pytest
from django.contrib.auth.models import Group

from ips.models import CONTENT_EDITORS_GROUP, Membership, Profession
from tests.factories import ClientFactory, MembershipFactory, OrganisationFactory, TeamFactory, UserFactory


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings):
    """Exports are built inside the request in tests; tests/reports/test_exports.py runs the real worker."""
    immediate = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    settings.TASKS = {"default": immediate, "exports": immediate}


@pytest.fixture
def org_a(db):
    return OrganisationFactory(name="Pohjanmaan hyvinvointialue", code="poh")


@pytest.fixture
def org_b(db):
    return OrganisationFactory(name="Pirkanmaan hyvinvointialue", code="pir")


@pytest.fixture
def team_a(org_a):
    return TeamFactory(organisation=org_a, name="Tiimi A")


@pytest.fixture
def team_b(org_a):
    return TeamFactory(organisation=org_a, name="Tiimi B")


def _member(username, role, *, team=None, organisation=None, **extra):
    user = UserFactory(username=username)
    MembershipFactory(user=user, role=role, team=team, organisation=organisation or team.organisation, **extra)
    return user


@pytest.fixture
def coach_a(team_a):
    return _member("coach_a", Membership.Role.COACH, team=team_a)


@pytest.fixture
def coach_a2(team_a):
    return _member("coach_a2", Membership.Role.COACH, team=team_a)


@pytest.fixture
def supervisor_a(team_a):
    return _member("supervisor_a", Membership.Role.SUPERVISOR, team=team_a, fte=None)


@pytest.fixture
def nurse_a(team_a):
    """A team member of another profession (a nurse) in team A: the team's clients, not its employer work."""
    nurse = Profession.objects.get(code="nurse")
    return _member("nurse_a", Membership.Role.MEMBER, team=team_a, fte=None, profession=nurse)


@pytest.fixture
def coach_b(team_b):
    return _member("coach_b", Membership.Role.COACH, team=team_b)


@pytest.fixture
def reviewer(org_a):
    return _member("reviewer", Membership.Role.REVIEWER, organisation=org_a, team=None, fte=None)


@pytest.fixture
def reporter(org_a):
    return _member("reporter", Membership.Role.REPORTER, organisation=org_a, team=None, fte=None)


@pytest.fixture
def org_admin(org_a):
    return _member("org_admin", Membership.Role.ORG_ADMIN, organisation=org_a, team=None, fte=None)


@pytest.fixture
def org_admin_b(org_b):
    return _member("org_admin_b", Membership.Role.ORG_ADMIN, organisation=org_b, team=None, fte=None)


@pytest.fixture
def platform_admin(db):
    """Manages organisations (ips.access.is_platform_admin); holds no role in any."""
    return UserFactory(username="platform_admin", is_platform_admin=True)


@pytest.fixture
def content_editor(db):
    user = UserFactory(username="content_editor")
    user.groups.add(Group.objects.get_or_create(name=CONTENT_EDITORS_GROUP)[0])
    return user


@pytest.fixture
def client_a(team_a, coach_a):
    return ClientFactory(team=team_a, coach=coach_a, first_name="Ville", last_name="Esimerkki")


@pytest.fixture
def as_user(client):
    """Log the test client in as a user: `as_user(coach_a).get(url)`."""

    def login(user):
        client.force_login(user)
        return client

    return login


@pytest.fixture
def htmx(client):
    """The test client as htmx would call: `htmx(coach_a).post(url, data)` gets the fragment."""

    def login(user):
        client.force_login(user)
        client.defaults["HTTP_HX_REQUEST"] = "true"
        return client

    return login


@pytest.fixture
def flat_queries(django_assert_num_queries):
    """Pin a page's query count and prove it does not grow with rows: `flat_queries(browser, url, populate, 9)`
    adds a few rows, warms up (content types, sessions), pins the count, adds many more and pins it again."""

    def check(browser, url, populate, queries, *, few=2, many=15):
        populate(few)
        browser.get(url)
        # No session write within its minute (ips/sessions.py).
        with django_assert_num_queries(queries):
            browser.get(url)
        populate(many)
        with django_assert_num_queries(queries):
            browser.get(url)

    return check


@pytest.fixture
def count_queries(client):
    """The number of queries one GET of url makes (after a warm-up request), for query-budget tests."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(url):
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200
        return len(context.captured_queries)

    return count
