import re

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ips import audit
from ips.middleware import AccessLogMiddleware
from tests.factories import ClientFactory, TimeEntryFactory

pytestmark = pytest.mark.django_db


def test_reading_a_client_writes_an_access_row(client_a, coach_a, as_user):
    as_user(coach_a).get(reverse("ips:client_detail", args=[client_a.uuid]), REMOTE_ADDR="10.1.2.3")
    entry = audit.entries_for_client(client_a).filter(action=LogEntry.Action.ACCESS).get()
    assert entry.actor == coach_a
    assert entry.remote_addr == "10.1.2.3"
    assert entry.object_repr == client_a.code


def test_an_outsiders_attempt_is_not_logged_as_a_read(client_a, coach_b, as_user):
    as_user(coach_b).get(reverse("ips:client_detail", args=[client_a.uuid]))
    assert not audit.entries_for_client(client_a).filter(action=LogEntry.Action.ACCESS).exists()


def test_changes_are_logged_without_the_name_in_clear(client_a):
    client_a.first_name = "Veikko"
    client_a.save()
    change = audit.entries_for_client(client_a).filter(action=LogEntry.Action.UPDATE).get()
    assert "Veikko" not in str(change.changes)
    assert "kko" not in str(change.changes)  # not even the half that auditlog's default mask keeps
    assert "first_name" in str(change.changes)


def test_the_org_admin_lists_the_log_of_one_client(client_a, coach_a, org_admin, as_user, client):
    as_user(coach_a).get(reverse("ips:client_detail", args=[client_a.uuid]))
    response = as_user(org_admin).get(reverse("ips:client_audit_log"), {"code": client_a.code.lower()})
    assert response.status_code == 200
    page = response.content.decode()
    assert client_a.code in page
    assert str(coach_a) in page
    assert "Ville" not in page


def test_the_client_log_names_each_action_in_finnish(client_a, coach_a, org_admin, as_user):
    as_user(coach_a).get(reverse("ips:client_detail", args=[client_a.uuid]))
    client_a.next_step = "Työkokeilu"
    client_a.save()
    response = as_user(org_admin).get(reverse("ips:client_audit_log"), {"code": client_a.code})
    rows = response.content.decode().split("<tbody>")[1].split("</tr>")[:-1]
    actions = {re.findall(r"<td>(.*?)</td>", row, re.S)[2] for row in rows}
    assert {"Luotu", "Muutettu", "Katsottu"} <= actions
    assert not actions & {"create", "update", "access"}


def test_the_audit_log_page_is_for_org_admins_only(coach_a, as_user):
    assert as_user(coach_a).get(reverse("ips:client_audit_log")).status_code == 403


def test_an_admin_of_another_organisation_cannot_find_the_client(client_a, org_admin_b, as_user):
    response = as_user(org_admin_b).get(reverse("ips:client_audit_log"), {"code": client_a.code})
    assert response.status_code == 200
    assert response.context["client"] is None
    assert response.context["form"].errors["code"]


def test_the_today_page_logs_the_clients_its_entries_name(client_a, coach_a, team_a, as_user):
    TimeEntryFactory(coach=coach_a, team=team_a, client=client_a)
    as_user(coach_a).get(reverse("ips:today"))
    assert audit.entries_for_client(client_a).filter(action=LogEntry.Action.ACCESS, actor=coach_a).exists()


def test_the_week_logs_the_clients_its_entries_name(client_a, coach_a, supervisor_a, team_a, as_user):
    TimeEntryFactory(coach=coach_a, team=team_a, client=client_a)
    as_user(supervisor_a).get(reverse("ips:week"), {"coach": coach_a.username})
    assert audit.entries_for_client(client_a).filter(action=LogEntry.Action.ACCESS, actor=supervisor_a).exists()


def _through_middleware(user, view):
    request = RequestFactory().get("/", REMOTE_ADDR="10.9.8.7")
    request.user = user
    return AccessLogMiddleware(view)(request)


def test_a_request_writes_what_its_views_collect_in_one_insert(client_a, coach_a, team_a):
    second = ClientFactory(team=team_a, coach=coach_a)

    def view(request):
        audit.log_access_many(request, [client_a])
        audit.log_access_many(request, [client_a, second])
        assert not LogEntry.objects.filter(action=LogEntry.Action.ACCESS).exists()  # collected, not yet written
        return HttpResponse()

    with CaptureQueriesContext(connection) as queries:
        _through_middleware(coach_a, view)
    assert sum(query["sql"].startswith("INSERT") for query in queries.captured_queries) == 1
    rows = LogEntry.objects.filter(action=LogEntry.Action.ACCESS, actor=coach_a, remote_addr="10.9.8.7")
    assert sorted(rows.values_list("object_repr", flat=True)) == sorted([client_a.code, second.code])


@pytest.mark.parametrize("status", [400, 403, 404, 500])
def test_a_refused_or_failed_request_writes_no_access_row(status, client_a, coach_a):
    def view(request):
        audit.log_access_many(request, [client_a])
        return HttpResponse(status=status)

    _through_middleware(coach_a, view)
    assert not LogEntry.objects.filter(action=LogEntry.Action.ACCESS).exists()


def test_behind_the_balancer_an_access_row_names_the_client_ip_the_balancer_appended(coach_a, client_a, settings):
    settings.CLIENT_IP_FROM_FORWARDED_FOR = True
    request = RequestFactory().get("/", REMOTE_ADDR="192.168.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    request.user = coach_a
    AccessLogMiddleware(lambda request: audit.log_access_many(request, [client_a]) or HttpResponse())(request)
    assert LogEntry.objects.get(action=LogEntry.Action.ACCESS).remote_addr == "203.0.113.7"


@pytest.mark.django_db(transaction=True)
def test_the_access_rows_are_one_statement_without_a_transaction_around_it(client_a, coach_a, team_a, monkeypatch):
    # bulk_create would BEGIN and COMMIT around its INSERT: two round trips more on every page that shows a client.
    second = ClientFactory(team=team_a, coach=coach_a)
    commits = []
    monkeypatch.setattr(connection, "commit", lambda: commits.append("commit"))
    with CaptureQueriesContext(connection) as queries:
        audit.log_access_by(coach_a, [client_a, second], address="10.9.8.7")
    assert [query["sql"].split()[0] for query in queries.captured_queries] == ["INSERT"]
    assert commits == []
    rows = LogEntry.objects.filter(action=LogEntry.Action.ACCESS, actor=coach_a, remote_addr="10.9.8.7")
    assert sorted(rows.values_list("object_repr", flat=True)) == sorted([client_a.code, second.code])
    assert {row.additional_data["client"] for row in rows} == {str(client_a.uuid), str(second.uuid)}
    assert all(row.timestamp is not None for row in rows)


def test_more_access_rows_than_one_statement_holds_go_through_bulk_create(client_a, coach_a, team_a, monkeypatch):
    clients = [client_a, *ClientFactory.create_batch(2, team=team_a, coach=coach_a)]
    monkeypatch.setattr(connection.ops, "bulk_batch_size", lambda fields, objs: 2)
    with CaptureQueriesContext(connection) as queries:
        audit.log_access_by(coach_a, clients)
    assert sum(query["sql"].startswith("INSERT") for query in queries.captured_queries) == 2
    assert LogEntry.objects.filter(action=LogEntry.Action.ACCESS, actor=coach_a).count() == 3
