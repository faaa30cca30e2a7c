"""The participant-level list: a separate export, only with its own right per organisation, access-logged."""

from io import BytesIO

from auditlog.models import LogEntry
from django.urls import reverse
from openpyxl import load_workbook

from ips import audit
from ips.models import Membership
from tests.reports.test_views import org_value, team_value

URL = reverse("reports:participant_list")
YEAR = {"start": "2025-01-01", "end": "2025-12-31"}


def test_a_reporter_without_the_right_is_refused(outcomes, as_user, reporter, org_a):
    response = as_user(reporter).get(URL, {"scope": org_value(org_a), **YEAR})
    assert response.status_code == 403
    assert "participant_list" not in str(as_user(reporter).get(reverse("reports:dashboard")).content)


def test_the_right_gives_the_list_with_its_purpose_first_and_logs_each_client(outcomes, as_user, reporter, org_a):
    Membership.objects.create(user=reporter, organisation=org_a, role=Membership.Role.PARTICIPANT_LIST)
    http = as_user(reporter)
    assert reverse("reports:participant_list") in http.get(reverse("reports:dashboard")).content.decode()
    response = http.get(URL, {"scope": org_value(org_a), **YEAR})
    assert response.status_code == 200
    book = load_workbook(BytesIO(b"".join(response.streaming_content)))
    purpose, listed = book.worksheets
    # The first sheet says what the list is, of whom and for what (in the user's language).
    purpose_text = " ".join(str(cell) for row in purpose.iter_rows(values_only=True) for cell in row)
    assert org_a.name in purpose_text
    assert purpose.max_row == 5  # the header, what it is, the period, what it is for, how to keep it
    codes = {row[0] for row in listed.iter_rows(min_row=2, values_only=True)}
    assert codes == {outcomes[key].code for key in ("c1", "c2", "c3", "c5", "c6")}
    for key in ("c1", "c2", "c3", "c5", "c6"):
        rows = audit.entries_for_client(outcomes[key]).filter(action=LogEntry.Action.ACCESS, actor=reporter)
        assert rows.exists(), key
    text = " ".join(str(cell) for row in listed.iter_rows(values_only=True) for cell in row)
    assert outcomes["c1"].last_name not in text


def test_a_team_scope_or_another_organisation_is_not_offered(outcomes, as_user, reporter, org_a, team_a):

    Membership.objects.create(user=reporter, organisation=org_a, role=Membership.Role.PARTICIPANT_LIST)
    assert as_user(reporter).get(URL, {"scope": team_value(team_a), **YEAR}).status_code == 404
