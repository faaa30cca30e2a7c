"""Every URL pattern of the project, read from the resolver, and the expectations docs/permissions.md states for it.

A new URL is walked as soon as it is routed; the tests fail until docs/permissions.md has a row for it that names
its parameters and what each role gets.
"""

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.permissions.world import FILLERS

DOC = Path(settings.BASE_DIR) / "docs" / "permissions.md"

# Areas the walker leaves out, with the reason; tests/permissions/test_excluded_areas.py checks each still refuses
# anonymous users and users without staff rights.
EXCLUDED_PREFIXES = {
    "accounts/": (
        "Sign-in views: Django's (login, password reset: public by design, or login_required) and django-allauth's "
        "(two-factor set-up and sign-in, single sign-on callbacks: login_required or part of a sign-in in progress; "
        "sign-up always closed). tests/permissions/test_excluded_areas.py checks them"
    ),
    "django-admin/": "Django admin: staff only, by Django's own admin_view check",
    "cms/": "Wagtail admin: its own permission system (wagtailadmin.access_admin)",
    "documents/": "Wagtail documents: served after Wagtail's collection view-restriction check",
    "training/": "Wagtail page serving (catch-all): the before_serve_page hook sends anonymous readers to log in",
}
# Served by Django only with DEBUG (static() in config/urls.py); whitenoise serves static files otherwise.
DEBUG_ONLY_PREFIXES = [settings.STATIC_URL.lstrip("/"), settings.MEDIA_URL.lstrip("/")]

PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


@dataclass(frozen=True)
class Route:
    key: str  # "namespace:name", or the route itself for an unnamed pattern
    route: str  # the whole route, e.g. "clients/<uuid:uuid>/edit/"
    parameters: tuple[str, ...]
    callback: object

    def url(self, values: dict, query: dict | None = None) -> str:
        path = "/" + PARAMETER.sub(lambda match: str(values[match.group("name")]), self.route)
        return f"{path}?{urlencode(query)}" if query else path


def _walk(patterns, prefix="", namespace=None):
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if any(route.startswith(excluded) for excluded in EXCLUDED_PREFIXES):
                continue
            inner = ":".join(part for part in (namespace, entry.namespace) if part) or None
            yield from _walk(entry.url_patterns, route, inner)
        elif isinstance(entry, URLPattern):
            if any(route.startswith(excluded) for excluded in [*EXCLUDED_PREFIXES, *DEBUG_ONLY_PREFIXES]):
                continue
            if "(?P" in route or route.startswith("^"):
                raise AssertionError(f"{route!r} is a regular-expression route: teach the walker to fill it")
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            parameters = tuple(match.group("name") for match in PARAMETER.finditer(route))
            yield Route(key=name or f"/{route}", route=route, parameters=parameters, callback=entry.callback)


def routes() -> list[Route]:
    """Every routed URL pattern outside the excluded areas, in URLconf order."""
    return list(_walk(get_resolver().url_patterns))


@dataclass(frozen=True)
class Expectation:
    key: str
    parameters: dict  # route parameter name -> object kind (a key of world.FILLERS)
    query: dict  # query-string parameter name -> object kind
    get: dict  # role -> expected answer to GET
    post: dict  # role -> expected answer to POST


def _cells(line: str) -> list[str]:
    return [cell.strip().strip("`").strip() for cell in line.strip().strip("|").split("|")]


def _parameters(cell: str) -> tuple[dict, dict]:
    """ "uuid=client, ?scope=report scope" -> ({"uuid": "client"}, {"scope": "report scope"})."""
    route, query = {}, {}
    if cell in {"", "-", "—"}:
        return route, query
    for part in cell.split(","):
        name, _equals, kind = (piece.strip() for piece in part.partition("="))
        if name.startswith("?"):
            query[name[1:]] = kind
        else:
            route[name] = kind
    return route, query


def expectations(text: str | None = None) -> dict[str, Expectation]:
    """The table under "## Expected answers by URL": a row per URL, a column per role.

    A cell is one answer for GET and POST alike, or "GET answer / POST answer". Answers are status codes, or
    "login" for a redirect to the sign-in page.
    """
    text = DOC.read_text() if text is None else text
    section = text.split("## Expected answers by URL", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("|")]
    header = _cells(lines[0])
    roles = header[2:]
    table = {}
    for line in lines[2:]:
        cells = _cells(line)
        assert len(cells) == len(header), f"docs/permissions.md: row {cells[0]!r} has {len(cells)} cells"
        key, (parameters, query), answers = cells[0], _parameters(cells[1]), cells[2:]
        assert key not in table, f"docs/permissions.md: {key!r} has two rows"
        get, post = {}, {}
        for role, answer in zip(roles, answers, strict=True):
            get[role], _slash, post[role] = (part.strip() for part in answer.partition("/"))
            post[role] = post[role] or get[role]
        table[key] = Expectation(key=key, parameters=parameters, query=query, get=get, post=post)
    return table


def roles_in_doc(text: str | None = None) -> list[str]:
    text = DOC.read_text() if text is None else text
    section = text.split("## Expected answers by URL", 1)[1]
    return _cells(next(line for line in section.splitlines() if line.startswith("|")))[2:]


def answer(response) -> str:
    """A response as docs/permissions.md writes it: the status code, or "login" for a redirect to sign in."""
    if response.status_code == 302 and response["Location"].startswith(reverse("login")):
        return "login"
    return str(response.status_code)


def fill(route, expected, world, side, extra_query=None) -> str:
    """The route's URL with its parameters filled from the side's objects, as the row of the doc names them."""
    unknown = {kind for kind in [*expected.parameters.values(), *expected.query.values()] if kind not in FILLERS}
    assert not unknown, (
        f"{route.key}: docs/permissions.md names {sorted(unknown)}, which tests/permissions/world.py FILLERS "
        f"cannot fill; add a filler that returns an object of the side's organisation (known: {sorted(FILLERS)})"
    )
    values = {name: FILLERS[kind](world, side) for name, kind in expected.parameters.items()}
    query = {name: FILLERS[kind](world, side) for name, kind in expected.query.items()}
    return route.url(values, {**query, **(extra_query or {})})


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
