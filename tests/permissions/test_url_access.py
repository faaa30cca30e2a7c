"""Every URL the project routes, asked by every role about objects of another organisation, answers as
docs/permissions.md says; a refused request writes nothing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.permissions.walker import Expectation, Route, expectations, roles_in_doc, routes
from tests.permissions.world import FILLERS, ROLES

ROUTES = {route.key: route for route in routes()}
REFUSED = {"login", "400", "403", "404", "405"}
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def writes(queries) -> list[str]:
    """The statements that changed data, apart from the session (saved on every request: the idle timeout)."""
    return [
        query["sql"][:100]
        for query in queries.captured_queries
        if query["sql"].lstrip().upper().startswith(WRITES) and '"django_session"' not in query["sql"]
    ]


def answer(response) -> str:
    """A response as docs/permissions.md writes it: the status code, or "login" for a redirect to sign in."""
    if response.status_code == 302 and response["Location"].startswith(reverse("login")):
        return "login"
    return str(response.status_code)


def fill(route, expected, world, side):
    """The route's URL with its parameters filled from the side's objects, as the row of the doc names them."""
    unknown = {kind for kind in [*expected.parameters.values(), *expected.query.values()] if kind not in FILLERS}
    assert not unknown, (
        f"{route.key}: docs/permissions.md names {sorted(unknown)}, which tests/permissions/world.py FILLERS "
        f"cannot fill; add a filler that returns an object of the side's organisation (known: {sorted(FILLERS)})"
    )
    values = {name: FILLERS[kind](world, side) for name, kind in expected.parameters.items()}
    query = {name: FILLERS[kind](world, side) for name, kind in expected.query.items()}
    return route.url(values, query)


def expectation_for(route):
    table = expectations()
    assert route.key in table, (
        f"{route.key} (/{route.route}) is not in docs/permissions.md: add a row under 'Expected answers by URL' "
        f"naming what fills its parameters {list(route.parameters)} and what each role gets"
    )
    expected = table[route.key]
    assert set(expected.parameters) == set(route.parameters), (
        f"{route.key}: the route has parameters {sorted(route.parameters)}, docs/permissions.md names "
        f"{sorted(expected.parameters)}"
    )
    return expected


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
