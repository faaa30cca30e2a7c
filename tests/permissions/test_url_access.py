"""Every URL the project routes, asked by every role about objects of another organisation, answers as
docs/permissions.md says; a refused request writes nothing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.permissions.walker import (
    Expectation,
    Route,
    answer,
    expectation_for,
    expectations,
    fill,
    roles_in_doc,
    routes,
)
from tests.permissions.world import ROLES

ROUTES = {route.key: route for route in routes()}
REFUSED = {"login", "400", "403", "404", "405"}
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def writes(queries) -> list[str]:
    """The statements that changed data, apart from the session (written when its idle expiry goes stale)."""
    return [
        query["sql"][:100]
        for query in queries.captured_queries
        if query["sql"].lstrip().upper().startswith(WRITES) and '"django_session"' not in query["sql"]
    ]


def test_the_doc_has_a_column_for_every_role():
    assert roles_in_doc() == ROLES


def test_every_row_of_the_doc_is_a_routed_url():
    assert sorted(set(expectations()) - set(ROUTES)) == []


def test_the_walk_finds_the_urls_of_every_app():
    namespaces = {key.split(":")[0] for key in ROUTES if not key.startswith("/")}
    assert namespaces == {"ips", "employers", "fidelity", "reports", "content"}
    assert len(ROUTES) > 50


@pytest.mark.parametrize("key", list(ROUTES))
def test_each_role_gets_what_the_doc_says(key, walk):
    world, browsers = walk
    route = ROUTES[key]
    expected = expectation_for(route)
    url = fill(route, expected, world, world.foreign)
    wrong = []
    for role in ROLES:
        for method, wanted in (("GET", expected.get[role]), ("POST", expected.post[role])):
            send = browsers[role].get if method == "GET" else browsers[role].post
            with CaptureQueriesContext(connection) as queries:
                got = answer(send(url))
            if got != wanted:
                wrong.append(f"{role} {method}: {got}, the doc says {wanted}")
            if wanted in REFUSED and writes(queries):
                wrong.append(f"{role} {method} was refused but wrote: {writes(queries)}")
    assert not wrong, f"{url}\n" + "\n".join(wrong)


def test_a_route_missing_from_the_doc_fails_with_a_clear_message():
    missing = Route(key="reports:export_status", route="reports/exports/<uuid:pk>/", parameters=("pk",), callback=None)
    with pytest.raises(AssertionError, match="not in docs/permissions.md"):
        expectation_for(missing)


def test_a_parameter_without_a_filler_fails_with_a_clear_message(walk):
    world, _browsers = walk
    route = ROUTES["ips:client_detail"]
    expected = expectation_for(route)
    unfillable = Expectation(
        key=expected.key, parameters={"uuid": "bank statement"}, query={}, get=expected.get, post=expected.post
    )
    with pytest.raises(AssertionError, match="cannot fill"):
        fill(route, unfillable, world, world.foreign)
