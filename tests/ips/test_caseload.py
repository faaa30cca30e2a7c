"""The caseload: my clients or the team's, filters, search, sorting, paging, htmx and the supervisor's export."""

from datetime import timedelta
from io import BytesIO

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from ips.models import ReferralSource, Stage, TargetGroup
from tests.employers.factories import EmployerFactory, JobFactory
from tests.factories import ClientFactory, ReferralFactory, TimeEntryFactory, activity_kind

pytestmark = pytest.mark.django_db

URL = reverse("ips:caseload")
EXPORT_URL = reverse("ips:caseload_export")


def _codes(response):
    return {row.record.code for row in response.context["table"].paginated_rows}


@pytest.fixture
def mine(team_a, coach_a):
    return ClientFactory(team=team_a, coach=coach_a, first_name="Ville", last_name="Esimerkki")


@pytest.fixture
def teammates(team_a, coach_a2):
    return ClientFactory(team=team_a, coach=coach_a2, first_name="Kaisa", last_name="Kokeilu")


@pytest.fixture
def outsiders(team_b, coach_b):
    return ClientFactory(team=team_b, coach=coach_b, first_name="Marja", last_name="Malli")


def test_a_coach_sees_their_own_clients_by_default(coach_a, mine, teammates, outsiders, as_user):
    assert _codes(as_user(coach_a).get(URL)) == {mine.code}


def test_a_coach_may_show_the_whole_team(coach_a, mine, teammates, outsiders, as_user):
    assert _codes(as_user(coach_a).get(URL, {"scope": "team"})) == {mine.code, teammates.code}


def test_the_supervisor_sees_the_team_by_default(supervisor_a, mine, teammates, outsiders, as_user):
    assert _codes(as_user(supervisor_a).get(URL)) == {mine.code, teammates.code}


def test_closed_clients_show_only_when_asked(coach_a, mine, team_a, as_user):
    closed = ClientFactory(team=team_a, coach=coach_a, stage=Stage.CLOSED, closed_on=timezone.localdate())
    assert _codes(as_user(coach_a).get(URL)) == {mine.code}
    assert _codes(as_user(coach_a).get(URL, {"stage": "closed"})) == {closed.code}


def test_it_filters_by_stage_and_coach(supervisor_a, coach_a2, mine, teammates, as_user):
    teammates.stage = Stage.JOB_FINDING
    teammates.save()
    assert _codes(as_user(supervisor_a).get(URL, {"stage": "job_finding"})) == {teammates.code}
    assert _codes(as_user(supervisor_a).get(URL, {"coach": coach_a2.pk})) == {teammates.code}


def test_it_filters_by_referral_source_and_target_group(supervisor_a, team_a, mine, teammates, as_user):
    ReferralFactory(team=team_a, client=mine, decision="accepted", decided_on=timezone.localdate(), first_name="")
    young = TargetGroup.objects.get(code="young_people")
    teammates.target_groups.add(young)
    kela = ReferralSource.objects.get(code="kela")
    assert _codes(as_user(supervisor_a).get(URL, {"source": kela.pk})) == {mine.code}
    assert _codes(as_user(supervisor_a).get(URL, {"target_group": young.pk})) == {teammates.code}


def test_it_filters_clients_without_contact(supervisor_a, coach_a, team_a, mine, teammates, as_user):
    today = timezone.localdate()
    for client in (mine, teammates):
        client.programme_entry = today - timedelta(days=30)
        client.save()
    TimeEntryFactory(coach=coach_a, team=team_a, client=mine, date=today - timedelta(days=3))
    assert _codes(as_user(supervisor_a).get(URL, {"overdue": "on"})) == {teammates.code}


def test_the_filter_offers_the_teams_coaches_and_every_source_and_target_group_in_the_readers_language(
    supervisor_a, coach_a, coach_a2, coach_b, as_user
):
    supervisor_a.language = "sv"
    supervisor_a.save()
    fields = as_user(supervisor_a).get(URL).context["filter"].form.fields
    coaches = sorted([coach_a, coach_a2], key=lambda user: (user.first_name, user.last_name))
    assert list(fields["coach"].choices)[1:] == [(user.pk, str(user)) for user in coaches]
    assert list(fields["source"].choices)[1:] == [(s.pk, s.name_sv) for s in ReferralSource.objects.all()]
    assert list(fields["target_group"].choices)[1:] == [(g.pk, g.name_sv) for g in TargetGroup.objects.all()]


def test_a_coach_of_another_team_is_refused_next_to_the_field(supervisor_a, coach_b, mine, outsiders, as_user):
    response = as_user(supervisor_a).get(URL, {"coach": coach_b.pk})
    assert "coach" in response.context["filter"].form.errors
    page = response.content.decode()
    assert 'id="id_coach_error"' in page and outsiders.code not in page
    assert _codes(response) == {mine.code}


@pytest.mark.parametrize("query", ["esimerk", "VILLE", "ville esim"])
def test_it_finds_a_client_by_name(supervisor_a, mine, teammates, as_user, query):
    assert _codes(as_user(supervisor_a).get(URL, {"q": query})) == {mine.code}


def test_it_finds_a_client_by_code(supervisor_a, mine, teammates, as_user):
    assert _codes(as_user(supervisor_a).get(URL, {"q": mine.code.lower()})) == {mine.code}


def test_it_shows_last_contact_and_days_in_stage(coach_a, team_a, mine, as_user):
    today = timezone.localdate()
    mine.stage_since = today - timedelta(days=12)
    mine.save()
    TimeEntryFactory(coach=coach_a, team=team_a, client=mine, date=today - timedelta(days=4))
    TimeEntryFactory(coach=coach_a, team=team_a, client=mine, date=today - timedelta(days=9))
    TimeEntryFactory(
        coach=coach_a, team=team_a, client=mine, date=today - timedelta(days=1), kind=activity_kind("travel")
    )
    row = next(iter(as_user(coach_a).get(URL).context["table"].paginated_rows))
    assert row.record.last_contact == today - timedelta(days=4)
    assert row.get_cell("days_in_stage") == 12


def test_it_sorts_by_a_column(supervisor_a, mine, teammates, as_user):
    rows = as_user(supervisor_a).get(URL, {"sort": "-name"}).context["table"].paginated_rows
    assert [row.record for row in rows] == [teammates, mine]


def _one_in_each_open_stage(team, coach):
    """A client in each stage of the path, created in an order that is neither the path's nor the codes'."""
    stages = [Stage.SUPPORT, Stage.ENGAGEMENT, Stage.JOB_FINDING, Stage.EMPLOYER_ENGAGEMENT, Stage.PROFILE]
    return {stage: ClientFactory(team=team, coach=coach, stage=stage) for stage in stages}


@pytest.mark.parametrize("sort", ["stage", "-stage"])
def test_sorting_by_stage_follows_the_path_not_the_stage_codes(coach_a, team_a, as_user, sort):
    _one_in_each_open_stage(team_a, coach_a)
    rows = as_user(coach_a).get(URL, {"sort": sort}).context["table"].paginated_rows
    path = [stage for stage in Stage.values if stage != Stage.CLOSED]
    assert [row.record.stage for row in rows] == (path if sort == "stage" else path[::-1])


def test_sorting_by_stage_costs_no_more_queries(coach_a, team_a, client, count_queries):
    _one_in_each_open_stage(team_a, coach_a)
    client.force_login(coach_a)
    assert count_queries(f"{URL}?sort=stage") == count_queries(f"{URL}?sort=code")


def test_it_pages_the_list(supervisor_a, team_a, as_user):
    for _ in range(30):
        ClientFactory(team=team_a)
    first = as_user(supervisor_a).get(URL)
    assert len(_codes(first)) == 25
    assert len(_codes(as_user(supervisor_a).get(URL, {"page": 2}))) == 5
    assert "page=2" in first.content.decode()


def test_htmx_gets_only_the_results(supervisor_a, mine, htmx):
    page = htmx(supervisor_a).get(URL, {"q": "ville"}).content.decode()
    assert 'id="caseload-results"' in page
    assert "<html" not in page and "<form" not in page
    assert mine.code in page


def test_plain_links_still_work_without_htmx(supervisor_a, mine, as_user):
    page = as_user(supervisor_a).get(URL, {"q": "ville"}).content.decode()
    assert "<html" in page and mine.code in page


def test_the_list_writes_one_access_row_per_client_shown(coach_a, mine, as_user):
    as_user(coach_a).get(URL)
    assert LogEntry.objects.filter(action=LogEntry.Action.ACCESS, additional_data__client=str(mine.uuid)).exists()


@pytest.mark.parametrize("outsider", ["reviewer", "reporter", "org_admin"])
def test_roles_outside_the_team_may_not_see_the_caseload(outsider, request, as_user, mine):
    response = as_user(request.getfixturevalue(outsider)).get(URL)
    assert response.status_code == 403
    assert "Ville" not in response.content.decode()


def test_the_supervisor_downloads_the_caseload(supervisor_a, mine, teammates, outsiders, as_user):
    response = as_user(supervisor_a).get(EXPORT_URL)
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    codes = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert codes == {mine.code, teammates.code}


def test_the_export_carries_no_free_text(supervisor_a, mine, as_user):
    mine.next_step = "Soita perjantaina"
    mine.save()
    response = as_user(supervisor_a).get(EXPORT_URL)
    values = [
        v
        for row in load_workbook(BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True)
        for v in row
    ]
    assert "Soita perjantaina" not in values


def test_a_coach_may_not_download_the_caseload(coach_a, mine, as_user):
    assert as_user(coach_a).get(EXPORT_URL).status_code == 403


def _clients(team, coach, count):
    today = timezone.localdate()
    for n in range(count):
        client = ClientFactory(team=team, coach=coach, programme_entry=today - timedelta(days=40))
        TimeEntryFactory(coach=coach, team=team, client=client, date=today - timedelta(days=n % 20))


def test_the_caseload_query_count_is_pinned_and_flat(
    supervisor_a, coach_a, team_a, client, count_queries, django_assert_num_queries
):
    _clients(team_a, coach_a, 3)
    client.force_login(supervisor_a)
    few = count_queries(URL)
    _clients(team_a, coach_a, 30)
    assert count_queries(URL) == few
    # Session with user, roles, count, page, the filter's coach, source and target-group lists (one UNION ALL),
    # access log; no session write within its minute (ips/sessions.py). The three lists were three queries until
    # they were read as one.
    with django_assert_num_queries(6):
        client.get(URL)


def test_the_caseload_shows_the_current_job_but_not_an_ended_one(client, coach_a, team_a):
    working = ClientFactory(team=team_a, coach=coach_a)
    former = ClientFactory(team=team_a, coach=coach_a)
    employer = EmployerFactory(organisation=team_a.organisation)
    JobFactory(client=working, employer=employer, title="Varastotyöntekijä", start_date=timezone.localdate())
    JobFactory(
        client=former,
        employer=employer,
        title="Kokki",
        start_date=timezone.localdate() - timedelta(days=100),
        end_date=timezone.localdate() - timedelta(days=10),
    )
    client.force_login(coach_a)
    rows = {
        row.record.code: row.record.current_job for row in client.get(reverse("ips:caseload")).context["table"].rows
    }
    assert rows[working.code] == "Varastotyöntekijä"
    assert rows[former.code] is None
