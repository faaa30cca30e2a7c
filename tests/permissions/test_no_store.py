"""No browser or proxy keeps what a signed-in user receives: every routed URL, asked by the coach and the supervisor
of organisation A's own objects (pages, htmx fragments, files), answers "Cache-Control: no-store, private" every
time (200s, redirects and refusals alike). The rule is one middleware (ips.middleware.NoStoreMiddleware), so a
new URL needs nothing of its own."""

import pytest

from tests.permissions.test_client_names import answers, query_variants
from tests.permissions.walker import expectation_for, fill, routes

ROUTES = {route.key: route for route in routes()}
ROLES = ["coach", "supervisor"]
NO_STORE = "no-store, private"


@pytest.mark.parametrize("key", list(ROUTES))
def test_every_answer_to_a_signed_in_user_is_not_stored(key, walk):
    world, browsers = walk
    route = ROUTES[key]
    expected = expectation_for(route)
    stored, answered = [], 0
    for role in ROLES:
        user = world.users[role]
        for extra in query_variants(key, user):
            url = fill(route, expected, world, world.own, extra)
            for how, each in answers(key, browsers[role], url, extra):
                answered += 1
                if each.get("Cache-Control") != NO_STORE:
                    stored.append(f"{role} GET {url}{how}: {each.status_code} {each.get('Cache-Control')!r}")
    assert answered
    assert not stored, "\n".join(stored)


def test_the_walk_reads_files_too(walk):
    """The check above is not vacuous for files: the supervisor's caseload export is a 200 Excel file."""
    world, browsers = walk
    route = ROUTES["ips:caseload_export"]
    response = browsers["supervisor"].get(fill(route, expectation_for(route), world, world.own))
    assert response.status_code == 200 and not response["Content-Type"].startswith("text/html")
    assert response["Cache-Control"] == NO_STORE
