"""A user with roles in two organisations tries to carry a record of one into the other, and is refused.

Organisation A's client is in team A, which the user supervises; the user also coaches team B of organisation B.
They may work with both, but a record belongs to one organisation: no client moves into the other's team, no time
entry, employer contact or job mixes the two. A reporter who moved from A to B no longer gets A's workbooks.
"""

from datetime import date, timedelta
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from employers.models import EmployerContact, Job
from ips.models import ActivityKind, Client, Membership, TimeEntry
from reports.models import Export
from tests.employers.factories import EmployerFactory
from tests.factories import (
    ClientFactory,
    ConsentFactory,
    MembershipFactory,
    OrganisationFactory,
    TeamFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast():
    org_a, org_b = OrganisationFactory(code="cra"), OrganisationFactory(code="crb")
    team_a, team_b = TeamFactory(organisation=org_a), TeamFactory(organisation=org_b)
    both = UserFactory(username="two_organisations")
    MembershipFactory(user=both, team=team_a, role=Membership.Role.SUPERVISOR)
    MembershipFactory(user=both, team=team_b, role=Membership.Role.COACH)
    coach_a = UserFactory(username="coach_of_a")
    MembershipFactory(user=coach_a, team=team_a, role=Membership.Role.COACH)
    entry_day = timezone.localdate() - timedelta(days=100)
    client_a = ClientFactory(team=team_a, coach=coach_a, programme_entry=entry_day)
    client_b = ClientFactory(team=team_b, coach=both, programme_entry=entry_day)
    return {
        "user": both,
        "team_a": team_a,
        "team_b": team_b,
        "client_a": client_a,
        "client_b": client_b,
        "employer_a": EmployerFactory(organisation=org_a),
        "employer_b": EmployerFactory(organisation=org_b),
        "org_a": org_a,
        "org_b": org_b,
    }


@pytest.fixture
def signed_in(client, cast):
    client.force_login(cast["user"])
    return client


def _entry(client):
    kind = ActivityKind.objects.get(code="client_meeting")
    today = timezone.localdate().isoformat()
    return {"date": today, "minutes": "30", "kind": kind.pk, "setting": "office", "client": client.pk, "note": ""}


def test_a_client_is_not_moved_into_a_team_of_the_other_organisation(signed_in, cast):
    client = cast["client_a"]
    data = {"first_name": "Ville", "last_name": "Esimerkki", "team": cast["team_b"].pk, "service_type": "ips"}
    response = signed_in.post(reverse("ips:client_edit", args=[client.uuid]), data)
    assert response.status_code == 200 and "team" in response.context["form"].errors
    client.refresh_from_db()
    assert client.team == cast["team_a"]


def test_no_time_entry_about_a_client_of_the_other_organisation(signed_in, cast):
    response = signed_in.post(reverse("ips:entry_create"), _entry(cast["client_a"]))
    assert "client" in response.context["form"].errors
    assert not TimeEntry.objects.exists()


def test_a_time_entry_about_a_client_of_the_coachs_own_organisation_is_filed(signed_in, cast):
    signed_in.post(reverse("ips:entry_create"), _entry(cast["client_b"]))
    assert TimeEntry.objects.get().team == cast["team_b"]


def _contact(**extra):
    today = timezone.localdate().isoformat()
    return {"date": today, "minutes": "30", "purpose": "on_behalf_of_client", **extra}


def test_no_contact_with_an_employer_of_one_organisation_about_a_client_of_the_other(signed_in, cast):
    url = reverse("employers:employer_contact_create", args=[cast["employer_b"].uuid])
    response = signed_in.post(url, _contact(client=cast["client_a"].pk))
    assert "client" in response.context["form"].errors
    quick = {f"employer-contact-{key}": value for key, value in _contact(client=cast["client_a"].pk).items()}
    quick["employer-contact-employer"] = cast["employer_b"].pk
    response = signed_in.post(reverse("employers:today_panel"), quick)
    assert response.context["form"].errors["client"]
    assert not EmployerContact.objects.exists()


def test_a_client_of_the_other_organisation_is_not_preselected_for_an_employer(signed_in, cast):
    url = reverse("employers:employer_contact_create", args=[cast["employer_b"].uuid])
    response = signed_in.get(url, {"client": cast["client_a"].uuid})
    assert response.status_code == 200 and response.context["form"].initial.get("client") is None
    response = signed_in.get(url, {"client": cast["client_b"].uuid})
    assert response.context["form"].initial["client"] == cast["client_b"]


def test_a_quick_contact_within_one_organisation_counts_for_its_team(signed_in, cast):
    quick = {f"employer-contact-{key}": value for key, value in _contact(client=cast["client_b"].pk).items()}
    quick["employer-contact-employer"] = cast["employer_b"].pk
    ConsentFactory(client=cast["client_b"])  # the client's consent to talk to employers about them
    signed_in.post(reverse("employers:today_panel"), quick)
    assert EmployerContact.objects.get().team == cast["team_b"]


def test_no_job_with_an_employer_of_the_other_organisation(signed_in, cast):
    data = {
        "employer": cast["employer_b"].pk,
        "title": "Varastotyöntekijä",
        "start_date": timezone.localdate().isoformat(),
        "contract_type": "permanent",
        "competitive": "on",
    }
    response = signed_in.post(reverse("employers:job_start", args=[cast["client_a"].uuid]), data)
    assert "employer" in response.context["form"].errors
    assert not Job.objects.exists()


def _workbook(user, scope, **extra):
    content = BytesIO()
    Workbook().save(content)
    return Export.objects.create(
        requested_by=user,
        scope=scope,
        scope_label="A",
        start=date(2025, 1, 1),
        end=date(2025, 12, 31),
        language="fi",
        filename="polku.xlsx",
        status=Export.Status.DONE,
        content=content.getvalue(),
        **extra,
    )


@pytest.fixture
def moved_reporter(cast):
    """A reporter of organisation A who built a workbook there, then moved to organisation B."""
    reporter = UserFactory(username="moved_reporter")
    membership = MembershipFactory(user=reporter, team=None, organisation=cast["org_a"], role=Membership.Role.REPORTER)
    export = _workbook(reporter, f"org:{cast['org_a'].uuid}")
    membership.delete()
    MembershipFactory(user=reporter, team=None, organisation=cast["org_b"], role=Membership.Role.REPORTER)
    return reporter, export


def test_a_reporter_who_moved_no_longer_downloads_or_sees_the_old_organisations_workbook(client, cast, moved_reporter):
    reporter, export = moved_reporter
    client.force_login(reporter)
    assert client.get(reverse("reports:export_download", args=[export.pk])).status_code == 404
    dashboard = client.get(
        reverse("reports:dashboard"), {"scope": f"org:{cast['org_b'].uuid}", "start": "2025-01-01", "end": "2025-12-31"}
    )
    assert dashboard.status_code == 200 and list(dashboard.context["exports"]) == []
    page = client.get(reverse("reports:export", args=[export.pk]))
    assert reverse("reports:export_download", args=[export.pk]) not in page.content.decode()


def test_a_workbook_past_its_keep_time_is_gone(client, cast, settings):
    reporter = UserFactory(username="reporter_b")
    MembershipFactory(user=reporter, team=None, organisation=cast["org_b"], role=Membership.Role.REPORTER)
    export = _workbook(reporter, f"org:{cast['org_b'].uuid}")
    client.force_login(reporter)
    url = reverse("reports:export_download", args=[export.pk])
    assert client.get(url).status_code == 200
    Export.objects.filter(pk=export.pk).update(created=timezone.now() - timedelta(hours=settings.EXPORT_KEEP_HOURS + 1))
    response = client.get(url)
    assert response.status_code == 410
    assert "poistettu" in response.content.decode()  # "Työkirja on poistettu" in the user's Finnish
    dashboard = client.get(
        reverse("reports:dashboard"), {"scope": f"org:{cast['org_b'].uuid}", "start": "2025-01-01", "end": "2025-12-31"}
    )
    assert list(dashboard.context["exports"]) == []


def test_the_cast_is_in_two_organisations(cast):
    roles = cast["user"].roles
    assert roles.organisations_of(roles.team_ids) == {cast["org_a"].pk, cast["org_b"].pk}
    assert Client.objects.visible_to(cast["user"]).count() == 2
