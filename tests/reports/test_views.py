"""The dashboard and the workbook download: who sees what, bad input, and a pinned query budget."""

from datetime import date
from io import BytesIO

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from openpyxl import load_workbook

from fidelity.models import FidelityScale
from ips.models import Membership
from reports.metrics.suppression import HIDDEN
from tests.employers.factories import JobFactory
from tests.factories import ClientFactory, MembershipFactory, UserFactory
from tests.fidelity.conftest import finalise, make_review, score_all
from tests.reports.conftest import download_workbook

URL = reverse("reports:dashboard")
WORKBOOK = reverse("reports:export_start")
YEAR = {"start": "2025-01-01", "end": "2025-12-31"}


def team_value(team):
    return f"team:{team.uuid}"


def org_value(org):
    return f"org:{org.uuid}"


def test_a_supervisor_sees_the_team_with_coaches_by_name(outcomes, as_user, supervisor_a, coach_a, team_a):
    response = as_user(supervisor_a).get(URL, {"scope": team_value(team_a), **YEAR})
    assert response.status_code == 200
    page = response.content.decode()
    assert "reports-employment-chart" in page
    assert 'id="reports-chart-data"' in page
    assert str(coach_a) in page
    assert response.context["figures"]["clients"] == 4
    assert outcomes["c1"].last_name not in page


def test_a_reporter_sees_aggregates_of_the_organisation_and_no_names(outcomes, as_user, reporter, org_a, coach_a):
    response = as_user(reporter).get(URL, {"scope": org_value(org_a), **YEAR})
    assert response.status_code == 200
    page = response.content.decode()
    assert response.context["figures"]["clients"] == 5
    assert response.context["coaches"] is None
    assert str(coach_a) not in page
    for client in outcomes.values():
        if hasattr(client, "last_name"):
            assert client.last_name not in page
            assert client.code not in page


def test_a_coach_sees_only_their_own_figures(outcomes, as_user, coach_a2, team_a):
    response = as_user(coach_a2).get(URL, YEAR)
    assert response.status_code == 200
    assert response.context["choice"].value == "me"
    assert response.context["figures"]["clients"] == 0
    assert [choice.value for choice in response.context["choices"]] == ["me"]


def test_an_outsider_gets_404_on_another_teams_scope(outcomes, as_user, coach_b, team_a):
    assert as_user(coach_b).get(URL, {"scope": team_value(team_a), **YEAR}).status_code == 404
    assert as_user(coach_b).post(WORKBOOK, {"scope": team_value(team_a), **YEAR}).status_code == 404


def test_an_admin_of_another_organisation_gets_404(outcomes, as_user, org_admin_b, org_a):
    assert as_user(org_admin_b).get(URL, {"scope": org_value(org_a), **YEAR}).status_code == 404


def test_a_reviewer_without_a_reporting_role_is_refused(as_user, reviewer):
    assert as_user(reviewer).get(URL).status_code == 403


def test_an_admin_of_two_organisations_can_report_on_both(outcomes, as_user, org_admin, org_b):
    MembershipFactory(user=org_admin, role=Membership.Role.ORG_ADMIN, organisation=org_b, team=None, fte=None)
    response = as_user(org_admin).get(URL, {"scope": "all", **YEAR})
    assert response.status_code == 200
    assert response.context["figures"]["clients"] == 5


def test_it_explains_an_end_before_the_start(as_user, supervisor_a, team_a):
    response = as_user(supervisor_a).get(URL, {"scope": team_value(team_a), "start": "2025-06-01", "end": "2025-01-01"})
    assert response.status_code == 200
    assert "figures" not in response.context
    assert response.context["form"].errors["end"]


def test_a_bare_visit_shows_the_last_twelve_months(as_user, supervisor_a):
    response = as_user(supervisor_a).get(URL)
    assert response.status_code == 200
    assert (response.context["period"].end - response.context["period"].start).days in (364, 365)


def test_the_reporter_downloads_a_suppressed_workbook_and_the_download_is_logged(outcomes, as_user, reporter, org_a):
    response = download_workbook(as_user(reporter), {"scope": org_value(org_a), **YEAR, "suppress": "on"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    assert response.streaming
    # Aggregates only: the file names no client, so no client's access log gains a row.
    assert not LogEntry.objects.filter(action=LogEntry.Action.ACCESS, actor=reporter).exists()


# Session with user, roles, the scope (1), the figures (10: reviews, clients, Kykyviisari by area, jobs, first jobs,
# minutes, kinds, contacts, caseload, FTE), the quarters (1: the served spans; the jobs are the job figures' read),
# the ESF+ participants (1), the coaches (4), the user's recent exports (1); no session write within its minute
# (ips/sessions.py).
QUERIES = 20


def _more_rows(team, coach, n):
    for index in range(n):
        client = ClientFactory(team=team, coach=coach, programme_entry=date(2025, 1, 1 + index % 28))
        JobFactory(client=client, start_date=date(2025, 3, 1))


@pytest.mark.parametrize("more", [0, 20])
def test_the_dashboard_query_count_does_not_grow_with_rows(
    more, outcomes, client, supervisor_a, team_a, coach_a, django_assert_num_queries
):
    _more_rows(team_a, coach_a, more)
    client.force_login(supervisor_a)
    params = {"scope": team_value(team_a), **YEAR}
    client.get(URL, params)
    with django_assert_num_queries(QUERIES):
        assert client.get(URL, params).status_code == 200


def test_a_user_without_roles_is_refused(client, db):
    client.force_login(UserFactory())
    assert client.get(URL).status_code == 403


def test_the_fidelity_trend_and_sheet_show_finalised_reviews(outcomes, as_user, supervisor_a, team_a, reviewer):
    review = make_review(
        team_a,
        FidelityScale.objects.get(code="IPS-25"),
        [reviewer],
        period_start=date(2025, 1, 1),
        period_end=date(2025, 6, 30),
    )
    score_all(review, 4)
    finalise(review, reviewer)
    response = as_user(supervisor_a).get(URL, {"scope": team_value(team_a), **YEAR})
    assert response.context["charts"]["fidelity"]["totals"] == [100]
    assert "reports-fidelity-chart" in response.content.decode()
    download = download_workbook(as_user(supervisor_a), {"scope": team_value(team_a), **YEAR})

    book = load_workbook(BytesIO(b"".join(download.streaming_content)))
    sheet = book.worksheets[4]  # Fidelity, in the user's language
    assert sheet.max_row == 26  # the header and 25 items


def _new_clients(http, org, params):
    download = download_workbook(http, {"scope": org_value(org), **YEAR, **params})
    rows = list(load_workbook(BytesIO(b"".join(download.streaming_content))).worksheets[0].iter_rows(values_only=True))
    return rows[6][1]  # header, scope, start, end, suppression, clients in the project, new clients


def test_unticking_suppression_is_a_right_of_its_own_and_is_logged(outcomes, as_user, reporter, org_a):
    http = as_user(reporter)
    assert "suppress" not in http.get(URL, {"scope": org_value(org_a), **YEAR}).context["workbook_form"].fields
    assert _new_clients(http, org_a, {}) == HIDDEN  # unticked, but not theirs to untick
    assert not LogEntry.objects.filter(action=LogEntry.Action.ACCESS, actor=reporter).exists()

    Membership.objects.create(user=reporter, organisation=org_a, role=Membership.Role.UNSUPPRESSED)
    http = as_user(reporter)
    assert _new_clients(http, org_a, {"suppress": "on"}) == HIDDEN
    assert _new_clients(http, org_a, {}) == 2
    [entry] = LogEntry.objects.filter(action=LogEntry.Action.ACCESS, actor=reporter)
    assert (entry.object_id, entry.additional_data["start"]) == (org_a.pk, "2025-01-01")


def test_the_dashboard_shows_the_workbooks_cells(outcomes, as_user, reporter, org_a):
    """Same scope and period: every Summary, Quarters and Participants cell of the workbook is on the dashboard."""

    http = as_user(reporter)
    page = http.get(URL, {"scope": org_value(org_a), **YEAR}).context
    download = download_workbook(http, {"scope": org_value(org_a), **YEAR})
    book = load_workbook(BytesIO(b"".join(download.streaming_content)))

    def cells(sheet, skip):
        return [tuple(row) for row in book.worksheets[sheet].iter_rows(min_row=2 + skip, values_only=True)]

    def plain(rows):
        return [tuple(float(v) if hasattr(v, "as_tuple") else (v or None) for v in row) for row in rows]

    summary = [row[:4] for row in cells(0, 4)]
    assert plain(summary) == plain([(str(label), *row[:3]) for label, *row in page["rows"]])
    quarters = [(row[0], *row[3:12]) for row in cells(1, 0)]
    assert plain(quarters) == plain([(row[0], *row[3:12]) for row in page["quarters"]])
    assert plain(cells(2, 0)) == plain(
        [tuple(str(v) if i < 2 else v for i, v in enumerate(row)) for row in page["participants"]]
    )


def test_the_presets_offer_quarters_and_years(as_user, supervisor_a):
    presets = as_user(supervisor_a).get(URL).context["presets"]
    assert len(presets) == 7
    assert all(href.startswith("?scope=team%3A") for _label, href in presets)
