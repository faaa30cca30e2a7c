"""The client's right of access: the team's supervisor downloads everything Polku holds about the client."""

from datetime import date
from io import BytesIO

import pytest
from auditlog.models import LogEntry
from django.apps import apps
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from openpyxl import load_workbook

from ips import audit
from ips.models import Client
from tests.ips.privacy_seed import seed_every_record

pytestmark = pytest.mark.django_db


def models_with_a_client_key():
    """Every model with a foreign key (or one-to-one) to Client, whichever app defines it."""
    return {
        (model, field.name)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is Client
    }


@pytest.fixture
def seeded(client_a, coach_a, supervisor_a):
    supervisor_a.language = "en"
    supervisor_a.save()
    texts = seed_every_record(client_a, coach_a, day=date(2025, 3, 3), name="Ville")
    return texts


def download(as_user, user, client):
    response = as_user(user).get(reverse("ips:client_export", args=[client.uuid]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(BytesIO(b"".join(response.streaming_content)))


def cells(sheet):
    return [cell for row in sheet.iter_rows(min_row=2, values_only=True) for cell in row]


def test_every_model_with_a_client_key_has_a_sheet_with_the_clients_rows(seeded, client_a, supervisor_a, as_user):
    book = download(as_user, supervisor_a, client_a)
    found = models_with_a_client_key()
    assert len(found) >= 11  # ips and employers today; a new model joins without touching the export
    for model, field in found:
        rows = model._default_manager.filter(**{field: client_a})
        assert rows.exists(), f"seed a row of {model.__name__} in tests/ips/privacy_seed.py"
        with translation.override("en"):
            title = str(capfirst(model._meta.verbose_name_plural))[:31]
        sheet = book[title]
        assert sheet.max_row - 1 == rows.count(), title
        if hasattr(model, "uuid"):
            assert {str(u) for u in rows.values_list("uuid", flat=True)} <= set(map(str, cells(sheet)))


def test_the_export_holds_the_name_the_notes_and_the_access_log(seeded, client_a, coach_a, supervisor_a, as_user):
    as_user(coach_a).get(reverse("ips:client_detail", args=[client_a.uuid]))
    book = download(as_user, supervisor_a, client_a)
    assert book.sheetnames[0] == "Client"
    assert book.sheetnames[-1] == "Access log"
    details = dict(book["Client"].iter_rows(min_row=2, values_only=True))
    assert (details["First name"], details["Last name"], details["Pseudonym code"]) == (
        "Ville",
        "Esimerkki",
        client_a.code,
    )
    assert seeded["note"] in cells(book["Log entries"])
    assert seeded["contact"] in cells(book["Employer contacts"])
    log = list(book["Access log"].iter_rows(min_row=2, values_only=True))
    assert any(who == str(coach_a) and action == "access" for _when, who, action, _record in log)
    assert any(who == str(supervisor_a) and action == "Export" for _when, who, action, _record in log)


def test_text_that_a_spreadsheet_would_run_is_neutralised(client_a, coach_a, supervisor_a, as_user):
    client_a.next_step = '=HYPERLINK("http://evil")'
    client_a.save()
    details = dict(download(as_user, supervisor_a, client_a).worksheets[0].iter_rows(min_row=2, values_only=True))
    assert '\'=HYPERLINK("http://evil")' in details.values()


def test_the_export_is_logged_as_an_export(client_a, supervisor_a, as_user):
    as_user(supervisor_a).get(reverse("ips:client_export", args=[client_a.uuid]), REMOTE_ADDR="10.9.8.7")
    export = audit.entries_for_client(client_a).get(additional_data__export="xlsx")
    assert export.action == LogEntry.Action.ACCESS
    assert export.actor == supervisor_a
    assert export.remote_addr == "10.9.8.7"


def test_the_org_admins_audit_log_page_shows_the_export(client_a, supervisor_a, org_admin, as_user):
    as_user(supervisor_a).get(reverse("ips:client_export", args=[client_a.uuid]))
    org_admin.language = "en"
    org_admin.save()
    page = as_user(org_admin).get(reverse("ips:client_audit_log"), {"code": client_a.code}).content.decode()
    assert "Export" in page


def test_a_coach_of_the_team_may_not_download(client_a, coach_a, as_user):
    assert as_user(coach_a).get(reverse("ips:client_export", args=[client_a.uuid])).status_code == 403
    assert not audit.entries_for_client(client_a).filter(additional_data__export="xlsx").exists()


@pytest.mark.parametrize("outsider", ["coach_b", "org_admin", "reviewer", "reporter"])
def test_nobody_outside_the_team_learns_the_client_exists(client_a, outsider, request, as_user):
    user = request.getfixturevalue(outsider)
    assert as_user(user).get(reverse("ips:client_export", args=[client_a.uuid])).status_code == 404


def test_the_button_is_on_the_client_page_for_the_supervisor_only(client_a, coach_a, supervisor_a, as_user):
    url = reverse("ips:client_export", args=[client_a.uuid])
    detail = reverse("ips:client_detail", args=[client_a.uuid])
    assert url in as_user(supervisor_a).get(detail).content.decode()
    assert url not in as_user(coach_a).get(detail).content.decode()
