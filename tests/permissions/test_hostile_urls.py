"""Every routed URL, asked by every role with hostile query strings and path parameters, never answers 500.

Which query parameters a view reads is found, not declared: a first request per role wraps `request.GET` in a
QueryDict that records every name asked for (by our views, by forms and filters bound to it, by django-tables2), so
a new view's parameters are walked as soon as it reads them. The parameters docs/permissions.md names are walked too.
Then hypothesis sends each parameter values from tests/hostile.py: NUL bytes, huge numbers, dates like 99999-01-01,
markup, repeated keys, and path parameters of the right shape but hostile content.

The walk runs with DEBUG off and `raise_request_exception=False`, so a crash is seen as the 500 a user would get.
Each example is rolled back. POLKU_FUZZ_EXAMPLES raises the number of examples per URL for a deeper local run.
"""

import os
import re
from contextlib import contextmanager
from pathlib import Path
from unittest import mock
from urllib.parse import quote, urlencode

import django_filters
import pytest
from django import forms
from django.conf import settings as django_settings
from django.db import transaction
from django.http import QueryDict
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile import HOSTILE_STRINGS
from tests.permissions.walker import FILLERS, PARAMETER, expectation_for, fill, routes
from tests.permissions.world import ROLES

APPS = ["ips", "employers", "fidelity", "reports", "content", "config"]
ROUTES = {route.key: route for route in routes()}
PROBED = {}  # route key -> what query_parameters() found
EXAMPLES = max(4, int(os.environ.get("POLKU_FUZZ_EXAMPLES", 25)) // 4)

WALK = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

PROBE = "polku-probe"
HUGE_NUMBERS = ["-1", "0", str(2**31), str(2**63), str(10**30), "-" + "9" * 30, "1e400", "99999-01-01", "9999-12-31"]


class RecordingQueryDict(QueryDict):
    """A QueryDict that notes every name read from it (copies note into the same set)."""

    asked: set = set()

    def __getitem__(self, key):
        RecordingQueryDict.asked.add(key)
        return super().__getitem__(key)

    def _getlist(self, key, *args, **kwargs):
        RecordingQueryDict.asked.add(key)
        return super()._getlist(key, *args, **kwargs)

    def __contains__(self, key):
        RecordingQueryDict.asked.add(key)
        return super().__contains__(key)


@contextmanager
def recording():
    RecordingQueryDict.asked = set()
    # WSGIRequest.GET builds its QueryDict from this module's name at first access.
    with mock.patch("django.core.handlers.wsgi.QueryDict", RecordingQueryDict):
        yield RecordingQueryDict.asked


@contextmanager
def rolled_back():
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def quiet_browsers(world, django_db_blocker):
    """A client per role that returns a server error as a 500 response instead of raising it."""
    with django_db_blocker.unblock():
        result = {}
        for role, user in world.users.items():
            browser = Client(raise_request_exception=False)
            if user is not None:
                browser.force_login(user)
            result[role] = browser
        return result


def query_parameters(route, expected, world, browsers) -> dict[str, set]:
    """The names the view reads from request.GET, asked as each role about the roles' own objects: for each name,
    the (role, method) pairs whose request read it."""
    # A parameter of no meaning, so that views reading `request.GET or None` bind their forms and read every field.
    url = fill(route, expected, world, world.own, {PROBE: "1"})
    readers = {name: set() for name in expected.query}
    for role in ROLES[1:]:
        for method in ("get", "post"):
            with recording() as asked, rolled_back():
                response = getattr(browsers[role], method)(url)
            if method == "get":
                asked |= bound_form_fields(response)
            for name in asked - {PROBE}:
                readers.setdefault(name, set()).add((role, method))
    return readers


def bound_form_fields(response) -> set[str]:
    """The fields of the forms a GET page bound: a form that copies the query string (`data.items()`) reads
    names the recording cannot see."""
    contexts = response.context if isinstance(response.context, list) else [response.context]
    names = set()
    for context in filter(None, contexts):
        for value in context.flatten().values():
            form = value.form if isinstance(value, django_filters.FilterSet) else value
            if isinstance(form, forms.BaseForm) and form.is_bound:
                names |= {form.add_prefix(name) for name in form.fields}
    return names


def _converter(route, name) -> str:
    for match in PARAMETER.finditer(route.route):
        if match.group("name") == name:
            return match.group("converter") or "str"
    raise AssertionError(name)


hostile_text = st.one_of(
    st.sampled_from(HOSTILE_STRINGS + HUGE_NUMBERS),
    st.text(max_size=30),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)


def _path_values(route, expected, world, name):
    own, foreign = (FILLERS[expected.parameters[name]](world, side) for side in (world.own, world.foreign))
    valid = st.sampled_from([own, own, foreign])
    converter = _converter(route, name)
    if converter == "uuid":
        hostile = st.uuids()
    elif converter == "int":
        hostile = st.one_of(st.integers(min_value=0, max_value=2**80), st.sampled_from([0, 2**31, 2**63]))
    elif converter == "slug":
        hostile = st.from_regex(r"\A[-a-zA-Z0-9_]{1,60}\Z")
    else:
        hostile = hostile_text.filter(lambda value: value and "/" not in value)
    return st.one_of(valid, hostile)


def _query_values(expected, world, name):
    kind = expected.query.get(name)
    valid = [FILLERS[kind](world, world.own)] if kind else []
    single = st.one_of(st.sampled_from(valid), hostile_text) if valid else hostile_text
    return st.one_of(single, st.lists(single, min_size=2, max_size=3))


@pytest.fixture
def walked(request, walk, quiet_browsers, settings):
    settings.DEBUG = False
    world, _browsers = walk
    route = ROUTES[request.param]
    expected = expectation_for(route)
    if route.key not in PROBED:  # both tests below walk the same parameters: probe once per module run
        PROBED[route.key] = query_parameters(route, expected, world, quiet_browsers)
    return route, expected, world, quiet_browsers, PROBED[route.key]


def test_the_recording_query_dict_notes_what_a_view_reads(walk, quiet_browsers):
    world, _browsers = walk
    route = ROUTES["ips:week"]
    readers = query_parameters(route, expectation_for(route), world, quiet_browsers)
    assert {"on", "coach"} <= set(readers)
    assert ("coach", "get") in readers["on"]


def test_the_fields_of_a_form_bound_to_a_copy_of_the_query_string_are_walked(walk, quiet_browsers):
    world, _browsers = walk
    route = ROUTES["reports:dashboard"]
    assert {"scope", "start", "end"} <= set(query_parameters(route, expectation_for(route), world, quiet_browsers))


@pytest.mark.parametrize("walked", list(ROUTES), indirect=True)
@WALK
@given(data=st.data())
def test_no_hostile_url_gets_a_server_error(walked, data):
    route, expected, world, browsers, readers = walked
    names = sorted(readers)
    role = data.draw(st.sampled_from(ROLES), label="role")
    method = data.draw(st.sampled_from(["get", "post"]), label="method")
    path = {name: data.draw(_path_values(route, expected, world, name), label=name) for name in route.parameters}
    chosen = data.draw(st.lists(st.sampled_from(names), unique=True), label="parameters") if names else []
    query = {name: data.draw(_query_values(expected, world, name), label=name) for name in chosen}
    url = route.url({name: quote(str(value), safe="") for name, value in path.items()})
    if query:
        url += "?" + urlencode(query, doseq=True)
    with rolled_back():
        response = getattr(browsers[role], method)(url)
    assert response.status_code < 500, f"{role} {method.upper()} {url}: {response.status_code}"


# The values that broke a view somewhere once, sent one parameter at a time to each request that reads it.
SWEEP = [
    "\x00",
    " ",
    "-1",
    "0",
    str(2**63),
    "9" * 40,
    "1e400",
    "99999-01-01",
    "9999-12-31",
    "0001-01-01",
    "2025-02-30",
    "' OR '1'='1",
    "😀" * 30,
    "a" * 3000,
]


@pytest.mark.parametrize("walked", list(ROUTES), indirect=True)
def test_each_query_parameter_survives_each_hostile_value(walked):
    route, expected, world, browsers, readers = walked
    path = fill(route, expected, world, world.own)
    wrong = []
    for name, asked_by in readers.items():
        # One request that reads it is enough to show the parsing holds; GET first, the walk above mixes the rest.
        for role, method in sorted(asked_by, key=lambda pair: (pair[1] != "get", ROLES.index(pair[0])))[:1]:
            for value in [*SWEEP, [SWEEP[0], SWEEP[7]]]:
                url = f"{path}?{urlencode({name: value}, doseq=True)}"
                with rolled_back():
                    response = getattr(browsers[role], method)(url)
                if response.status_code >= 500:
                    wrong.append(f"{role} {method.upper()} {url[:120]}: {response.status_code}")
    assert not wrong, "\n".join(wrong)


# Reading request.GET whole is fine where a form or filter validates it, or to pass the query string on; picking
# a value out of it by hand is not.
PICKED = re.compile(r"request\.GET(\.(get|getlist|pop|dict|items|values|lists|keys|copy)\b|\[)")


def test_views_read_query_parameters_only_through_a_form_or_ips_params():
    """A value picked out of request.GET by hand (`.get(...)`, `[...]`) skips the parsing the walk relies on."""
    found = []
    for app in APPS:
        for path in sorted((Path(django_settings.BASE_DIR) / app).rglob("*.py")):
            if path.name == "params.py" and app == "ips":
                continue
            for number, line in enumerate(path.read_text().splitlines(), 1):
                if PICKED.search(line):
                    found.append(f"{path.relative_to(django_settings.BASE_DIR)}:{number}: {line.strip()}")
    assert not found, "read these with ips/params.py (query_int, query_date, query_uuid...):\n" + "\n".join(found)


def test_the_check_catches_a_parameter_picked_by_hand():
    assert PICKED.search('day = request.GET.get("on")')
    assert PICKED.search('uuid=request.GET["compare"]')
    assert not PICKED.search("form = ReportForm(request.GET or None, choices=choices)")
