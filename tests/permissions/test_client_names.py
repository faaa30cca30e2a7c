"""Client names reach only the client's own team: every URL, asked by every other role about its own
organisation's objects (pages, htmx fragments, Excel exports, the funder workbook), carries no name of a client
or referred person outside the user's teams, nor the notes of another team's employer contacts (outcome, next
step) or the title of another team's client's job, where a coach may have typed a name."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.utils import timezone

from reports.scopes import choices_for
from tests.permissions.walker import expectation_for, fill, routes
from tests.reports.conftest import export_responses

ROUTES = {route.key: route for route in routes()}
EXPORT = "reports:export_start"
# Everyone but the client's own coach and supervisor; the coach of team A2 shares organisation A's employers.
OUTSIDERS = ["reviewer", "reporter", "org admin", "content editor", "coach of team A2"]


def response_text(response) -> str:
    """Everything the user receives: headers and body, with an Excel file unzipped to its XML."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    parts = [f"{name}: {value}" for name, value in response.items()]
    if body.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            parts += [archive.read(name).decode("utf-8", "replace") for name in archive.namelist()]
    else:
        parts.append(body.decode("utf-8", "replace"))
    return "\n".join(parts)


def is_page(response) -> bool:
    """An HTML page, which htmx may ask for again as a fragment (an export is the same file either way)."""
    return response.status_code == 200 and response["Content-Type"].startswith("text/html")


def answers(key, browser, url, extra) -> list:
    """(label, response) for what a GET of the URL gives the user: the funder workbook's steps for the export,
    otherwise the response and, for a page, its htmx fragment."""
    if key == EXPORT:
        return [(f" {extra}", each) for each in export_responses(browser, extra)]
    response = browser.get(url)
    responses = [("", response)]
    if is_page(response):
        responses.append((" (htmx)", browser.get(url, HTTP_HX_REQUEST="true")))
    return responses


def forbidden_names(world, user) -> set[str]:
    """First and last names of every client and referred person outside the user's teams, and the names typed into
    the notes of those teams' employer contacts and their clients' job titles."""
    teams = user.roles.team_ids
    people = [*world.clients, *world.referrals]
    names = {name for person in people if person.team_id not in teams for name in (person.first_name, person.last_name)}
    names |= {name for team, typed in world.notes.items() if team.pk not in teams for name in typed}
    assert all(len(name) > 6 for name in names), "made-up names must be long enough to be unmistakable"
    return names


def query_variants(key, user) -> list[dict]:
    """Report URLs are asked for every scope the user may choose, the workbook with and without suppression."""
    if not key.startswith("reports:"):
        return [{}]
    today = timezone.localdate()
    period = {"start": today - timedelta(days=364), "end": today}
    variants = [{"scope": choice.value, **period} for choice in choices_for(user)] or [{}]
    if key != EXPORT:
        return variants
    return variants + [{**variant, "suppress": "on"} for variant in variants if variant]


def asked(key, world, roles):
    """(role, user, url, extra): the walk's requests of one route, by each role in turn, with organisation A's
    objects in its parameters and a report URL once for every variant of its query."""
    route = ROUTES[key]
    expected = expectation_for(route)
    users = {**world.users, **world.extra_users}
    for role in roles:
        for extra in query_variants(key, users[role]):
            yield role, users[role], fill(route, expected, world, world.own, extra), extra


@pytest.mark.parametrize("key", list(ROUTES))
def test_no_outsider_receives_a_client_name(key, walk):
    world, browsers = walk
    leaks = []
    for role, user, url, extra in asked(key, world, OUTSIDERS):
        names = forbidden_names(world, user)
        for how, each in answers(key, browsers[role], url, extra):
            text = response_text(each)
            found = sorted(name for name in names if name in text)
            if found:
                leaks.append(f"{role} GET {url}{how}: {found}")
    assert not leaks, "\n".join(leaks)


def test_the_outsiders_do_read_pages_with_data(walk):
    """The check above is not vacuous: outsiders get real pages and exports that show organisation A's data."""
    world, browsers = walk
    reporter, reviewer = browsers["reporter"], browsers["reviewer"]
    for variant in query_variants(EXPORT, world.users["reporter"]):
        workbook = export_responses(reporter, variant)[-1]
        assert workbook.status_code == 200, variant
        # Aggregates only: the workbook is organisation A's, and names none of its clients, not even by code.
        text = response_text(workbook)
        assert world.own.organisation.name in text or world.own.team.name in text, variant
        codes = [client.code for client in world.clients if client.organisation_id == world.own.organisation.pk]
        assert not any(code in text for code in codes), variant
    review = fill(ROUTES["fidelity:review_xlsx"], expectation_for(ROUTES["fidelity:review_xlsx"]), world, world.own)
    assert world.own.team.name in response_text(reviewer.get(review))
    employer = fill(
        ROUTES["employers:employer_detail"], expectation_for(ROUTES["employers:employer_detail"]), world, world.own
    )
    page = response_text(browsers["coach of team A2"].get(employer))
    neighbour = next(client for client in world.clients if client.last_name == "Plumtwaddle")
    assert neighbour.code in page and world.own.client.code not in page  # their own client shows, ours is masked
