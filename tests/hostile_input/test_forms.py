"""Every form of Polku, driven through its real view with random and hostile values (hypothesis).

For each form a payload starts from values the form accepts and replaces a few fields with hostile ones: huge
strings, NUL bytes, bidi marks and emoji, SQL, markup and spreadsheet formulas, huge and negative numbers, dates
that do not exist or sit at the ends of the calendar, missing fields, wrong choices and other teams' object ids.
The promise checked on every example: never a server error; a rejected submission writes nothing (row counts of
every table, and the edited record itself, are unchanged) and shows each message next to its field.

How hypothesis and the database get along: pytest-django's fixtures are function-scoped, so the cast and the
objects a view needs are made once per test, before the first example. Each example then runs inside
`transaction.atomic()` and is rolled back at its end, so examples never see each other's writes; that is why the
function-scoped-fixture health check is switched off knowingly. Examples are derandomized (the same ones on every
run, so CI is stable) and their number is modest; POLKU_FUZZ_EXAMPLES=500 runs a deeper search locally.

test_every_form_is_driven fails when a form is added to an app without a case in cases.py.
"""

import os
from contextlib import contextmanager
from decimal import Decimal

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Site

from content.forms import DocumentForm
from employers.imports.forms import ImportUploadForm
from ips.forms.general import LanguageForm
from ips.forms.trust import TrustedForm, TrustedModelForm
from ips.forms.week_grid import WeekGridForm
from ips.views.accounts import PasswordSignInForm
from tests.hostile import assert_errors_next_to_fields, defined_in_apps, payloads, row_counts
from tests.hostile_input.cases import CASES
from tests.hostile_input.world import World

pytestmark = pytest.mark.django_db


FUZZ = settings(
    max_examples=int(os.environ.get("POLKU_FUZZ_EXAMPLES", 25)),
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)


# The CMS's document form takes a file, not field values: tests/content/test_uploads.py drives it with hostile files.
# TrustedForm and TrustedModelForm are the empty bases of ips/forms/trust.py: every form built on them is a case.
# The sign-in form is Django's AuthenticationForm (one added check): tests/ips/test_auth.py, test_auth_limits.py and
# tests/sso/ drive it, wrong passwords and lockout included.
# The import's upload form takes a file: tests/employers/test_import_uploads.py sends it hostile files.
DRIVEN_ELSEWHERE = {DocumentForm, TrustedForm, TrustedModelForm, PasswordSignInForm, ImportUploadForm}


def test_every_form_is_driven():
    driven = {case.form for case in CASES} | DRIVEN_ELSEWHERE
    missing = {form.__qualname__ for form in defined_in_apps(forms.BaseForm) - driven}
    assert not missing, f"add a hostile-input case for {sorted(missing)}"


@contextmanager
def rolled_back():
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def _snapshot(records):
    return [type(record).objects.filter(pk=record.pk).values().first() for record in records]


def _send(case, browser, world, data):
    headers = {"HTTP_HX_REQUEST": "true"} if case.htmx else {}
    return getattr(browser, case.method)(case.url(world), {**data, **case.fixed}, **headers)


@pytest.fixture
def world(request):
    Site.clear_site_root_paths_cache()
    yield World(request)
    Site.clear_site_root_paths_cache()


@pytest.fixture
def driven(request, world, client):
    """The case's user signed in and its records made before the first example."""
    case = request.param
    client.force_login(getattr(world, case.user))
    case.url(world), case.valid(world), case.watch(world)
    return case, world, client, case.build(world)


@pytest.mark.parametrize("driven", CASES, ids=lambda case: case.id, indirect=True)
def test_the_valid_values_are_accepted(driven):
    """The baseline the hostile payloads start from must pass, or the fuzzing never reaches the save."""
    case, world, browser, form = driven
    with rolled_back():
        before = row_counts()
        response = _send(case, browser, world, {form.add_prefix(k): v for k, v in case.valid(world).items()})
        if case.method == "get":
            assert response.status_code == 200
            assert response.context is None or not case.bound(response.context).errors
        else:
            problem = response.status_code != 302 and case.bound(response.context)
            assert response.status_code == 302 or (case.htmx and not problem.is_bound), problem.errors
            if case.form is not LanguageForm:
                assert row_counts() != before or case.watch(world)


@pytest.mark.parametrize("driven", CASES, ids=lambda case: case.id, indirect=True)
@FUZZ
@given(data=st.data())
def test_hostile_values_get_a_message_and_write_nothing(driven, data):
    case, world, browser, form = driven
    _check(case, world, browser, form, data.draw(payloads(form, case.valid(world), world.today), label="payload"))


# What the search found once, kept so it stays fixed whatever the examples of the day. None leaves a field out.
FOUND = {
    "ConsentForm": {"given_on": None, "scope": None},
    "LanguageForm": {"next": "nimi"},
    "WorkbookForm": {"start": None, "end": None},
    "JobStartForm": {"start_date": "9999-12-31"},
    "JobEndForm": {"end_date": "9999-12-31"},
    "ReportForm": {"start": "9999-12-31", "end": "9999-12-31"},
    "ReviewSettingsForm": {"reviewers": "9" * 40},
    "ActionPlanItemForm": {"items": "9" * 40},
    "ClientForm": {"target_groups": ["9" * 40]},
}


@pytest.mark.parametrize(
    "driven", [case for case in CASES if case.id in FOUND], ids=lambda case: case.id, indirect=True
)
def test_values_the_search_once_found_stay_handled(driven):
    case, world, browser, form = driven
    data = {**case.valid(world), **FOUND[case.id]}
    _check(case, world, browser, form, {form.add_prefix(k): v for k, v in data.items() if v is not None})


def _check(case, world, browser, form, payload):
    with rolled_back():
        before, watched = row_counts(), _snapshot(case.watch(world))
        response = _send(case, browser, world, payload)
        assert response.status_code < 500
        if response.status_code in case.allowed_statuses:
            assert row_counts() == before
            return
        if case.accepts is not None:
            if not case.accepts(world, payload):
                assert row_counts() == before and _snapshot(case.watch(world)) == watched
                if response.status_code == 302:
                    assert case.form is LanguageForm or list(get_messages(response.wsgi_request))
                else:
                    assert response.status_code == 200
                    assert_errors_next_to_fields(response.content, case.bound(response.context))
            return
        if response.status_code == 302:
            return  # accepted: what it writes is each view's own tests' business
        assert response.status_code == 200, response.status_code
        if case.method == "get" and (response.context is None or not case.bound(response.context).errors):
            return  # a report, a workbook or a filtered listing
        bound = case.bound(response.context)
        if case.htmx and not bound.is_bound:
            return  # accepted: htmx gets the section back with a fresh form
        assert bound.is_bound and bound.errors, "the view answered 200 to a POST without saving or an error"
        assert row_counts() == before, "a rejected submission wrote rows"
        assert _snapshot(case.watch(world)) == watched, "a rejected submission changed the record"
        assert_errors_next_to_fields(response.content, bound)


# --- number fields: the browser's min and max are the server's bounds ----------------------------------------------


def _number_fields(form) -> dict[str, forms.Field]:
    return {name: field for name, field in form.fields.items() if isinstance(field.widget, forms.NumberInput)}


def _declared_bounds(form, name, field) -> tuple:
    """The tightest bounds the server declares for a field: the form field's validators and, for a model form, the
    model field's own (not the database's integer range, which Django adds to every integer field)."""
    validators = list(field.validators)
    model = getattr(getattr(form, "_meta", None), "model", None)
    if model is not None and name in {f.name for f in model._meta.get_fields()}:
        validators += getattr(model._meta.get_field(name), "_validators", [])
    lows = [v.limit_value for v in validators if isinstance(v, MinValueValidator)]
    highs = [v.limit_value for v in validators if isinstance(v, MaxValueValidator)]
    return max(lows, default=None), min(highs, default=None)


def _number(value):
    return None if value is None else Decimal(str(value))


NUMBER_CASES = [case for case in CASES if case.method == "post"]


@pytest.mark.parametrize("driven", NUMBER_CASES, ids=lambda case: case.id, indirect=True)
def test_a_number_fields_min_and_max_are_the_bounds_the_server_declares(driven):
    _case, _world, _browser, form = driven
    for name, field in _number_fields(form).items():
        low, high = _declared_bounds(form, name, field)
        attrs = field.widget.attrs
        assert (_number(attrs.get("min")), _number(attrs.get("max"))) == (_number(low), _number(high)), name


@pytest.mark.parametrize("driven", NUMBER_CASES, ids=lambda case: case.id, indirect=True)
def test_a_number_fields_min_and_max_are_taken_and_one_step_beyond_is_refused(driven):
    """What the browser lets through at the ends of the range the server takes, and one step further it refuses,
    with a message next to the field: one rule, told once (checks in clean_<field> included)."""
    case, world, browser, form = driven
    for name, field in _number_fields(form).items():
        if field.disabled:
            continue  # the browser sends nothing of it, and the server takes nothing
        if case.form is WeekGridForm and name not in case.valid(world):
            continue  # the grid binds the rows its payload declares (r0); its other rows are the same fields
        step = Decimal(str(field.widget.attrs.get("step", 1))) if field.widget.attrs.get("step") != "any" else 1
        for bound, beyond in (("min", -step), ("max", step)):
            if field.widget.attrs.get(bound) is None:
                continue
            edge = _number(field.widget.attrs[bound])
            for value, refused in ((edge, False), (edge + beyond, True)):
                data = {**case.valid(world), name: str(value)}
                with rolled_back():
                    response = _send(case, browser, world, {form.add_prefix(k): v for k, v in data.items()})
                    errors = case.bound(response.context).errors if response.status_code == 200 else {}
                    assert (name in errors) == refused, f"{name}={value}: {errors.get(name)}"
