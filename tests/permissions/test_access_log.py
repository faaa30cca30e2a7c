"""Every page, fragment and file that shows a client's name or code writes an access-log row for that client,
naming the viewer, in the same request.

Which pages show client data is found, not listed: every URL is asked by the client's own coach and supervisor and
by the reviewer, reporter and organisation admin (organisation A's objects in its parameters; report URLs for every
scope, the funder workbook built and downloaded), and every client whose name or pseudonym code a response carries
must have an ACCESS row by that user written by that request. Pickers (a form's <select>) do not count: see
docs/permissions.md.
"""

import html
import re

import pytest
from auditlog.models import LogEntry
from django.db.models import Max

from ips import audit
from tests.permissions.test_client_names import EXPORT, asked, is_page, response_text
from tests.permissions.walker import expectation_for, fill, routes
from tests.reports.conftest import export_responses

ROUTES = {route.key: route for route in routes()}
VIEWERS = ["coach", "supervisor", "reviewer", "reporter", "org admin"]
PICKER = re.compile(r"<select\b.*?</select>", re.DOTALL)


def shown_clients(world, user, text, url="") -> list:
    """The clients whose name or code the response carries outside a picker (and outside the echo of the requested
    URL, e.g. the language switcher's "next")."""
    text = PICKER.sub("", text)
    if url:
        text = text.replace(html.escape(url), "").replace(url, "")
    return [
        client
        for client in world.clients
        if any(word in text for word in (client.code, client.first_name, client.last_name))
    ]


def _newest_log_id():
    return LogEntry.objects.aggregate(newest=Max("pk"))["newest"] or 0


@pytest.mark.parametrize("key", list(ROUTES))
def test_a_page_showing_a_client_logs_the_access(key, walk):
    world, browsers = walk
    unlogged = []
    for role, user, url, extra in asked(key, world, VIEWERS):
        for how, headers in (("", {}), (" (htmx)", {"HTTP_HX_REQUEST": "true"})):
            before = _newest_log_id()
            if key == EXPORT:
                # Built, its page opened and the file downloaded: what the user receives is the workbook.
                responses = export_responses(browsers[role], extra)
            else:
                responses = [browsers[role].get(url, **headers)]
            text = "\n".join(response_text(response) for response in responses)
            for client in shown_clients(world, user, text, url):
                logged = audit.entries_for_client(client).filter(
                    action=LogEntry.Action.ACCESS, actor=user, pk__gt=before
                )
                if not logged.exists():
                    unlogged.append(f"{role} GET {url}{how} showed {client.code} without logging it")
            if key == EXPORT or not is_page(responses[-1]):
                break  # a refusal, a redirect or a file: htmx gets the same
    assert not unlogged, "\n".join(unlogged)


def test_the_team_does_see_its_clients_on_the_client_pages(walk):
    """The check above is not vacuous: the client page and the caseload carry the client's name."""
    world, browsers = walk
    for key in ("ips:client_detail", "ips:caseload"):
        route = ROUTES[key]
        text = response_text(browsers["coach"].get(fill(route, expectation_for(route), world, world.own)))
        assert world.own.client in shown_clients(world, world.users["coach"], text), key


def test_a_picker_alone_does_not_make_a_client_data_page(walk):
    world, _browsers = walk
    client = world.own.client
    picker = f'<select name="client"><option value="1">{client.short_label}</option></select>'
    assert shown_clients(world, world.users["coach"], picker) == []
    assert shown_clients(world, world.users["coach"], f"<td>{client.code}</td>") == [client]
