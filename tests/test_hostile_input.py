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

test_every_form_is_driven fails when a form is added to an app without a case here.
"""

import importlib
import os
import pkgutil
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cached_property
from typing import Any

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.db import transaction
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page, Site

from content.forms import DocumentForm
from content.listing import TrainingFilterForm
from content.models import TrainingHomePage
from employers import forms as employer_forms
from fidelity import forms as fidelity_forms
from fidelity import services as fidelity_services
from fidelity.models import FidelityScale, ItemRating
from ips.forms import clients as client_forms
from ips.forms.entries import TimeEntryForm
from ips.forms.general import ClientCodeForm, LanguageForm
from ips.forms.trust import TrustedForm, TrustedModelForm
from ips.models import ActivityKind, Goal, ReferralSource, TargetGroup
from reports import forms as report_forms
from reports.scopes import choices_for
from tests.employers.factories import ContactPersonFactory, EmployerFactory, JobFactory
from tests.factories import ClientFactory, OrganisationFactory, ReferralFactory, TeamFactory
from tests.hostile import assert_errors_next_to_fields, payloads, row_counts

pytestmark = pytest.mark.django_db

APPS = ["ips", "employers", "fidelity", "reports", "content"]

FUZZ = settings(
    max_examples=int(os.environ.get("POLKU_FUZZ_EXAMPLES", 25)),
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)


class World:
    """The cast and the records the forms' views need, made on first use (before any example runs)."""

    def __init__(self, request):
        self._request = request
        self.today = timezone.localdate()
        # Rows no user of team A may use: their ids are among the hostile values of every choice field.
        org_c = OrganisationFactory(name="Kainuun hyvinvointialue", code="kai")
        team_c = TeamFactory(organisation=org_c)
        self.client_b = ClientFactory(team=self.team_b, coach=self.coach_b)
        self.employer_c = EmployerFactory(organisation=org_c)
        ContactPersonFactory(employer=self.employer_c)
        ClientFactory(team=team_c)

    def __getattr__(self, name):
        """The shared cast of tests/conftest.py: coach_a, supervisor_a, reviewer, org_admin..."""
        if name.startswith("_"):
            raise AttributeError(name)
        value = self._request.getfixturevalue(name)
        setattr(self, name, value)
        return value

    @cached_property
    def client(self):
        return ClientFactory(
            team=self.team_a,
            coach=self.coach_a,
            programme_entry=self.today - timedelta(days=200),
            stage_since=self.today - timedelta(days=100),
        )

    @cached_property
    def referral(self):
        return ReferralFactory(team=self.team_a, referred_on=self.today - timedelta(days=10))

    @cached_property
    def employer(self):
        employer = EmployerFactory(organisation=self.org_a)
        ContactPersonFactory(employer=employer)
        return employer

    @cached_property
    def job(self):
        return JobFactory(client=self.client, employer=self.employer, start_date=self.today - timedelta(days=30))

    @cached_property
    def review(self):
        scale = FidelityScale.objects.get(code="IPS-25")
        start = self.today - timedelta(days=180)
        return fidelity_services.review_create(
            team=self.team_a,
            scale=scale,
            period_start=start,
            period_end=self.today,
            review_start=self.today,
            review_end=self.today + timedelta(days=1),
            reviewers=[self.reviewer],
            by=self.supervisor_a,
        )

    @cached_property
    def rating(self):
        rating = self.review.ratings.select_related("item").order_by("item__order").first()
        # A suggestion from data, so accepting it and overriding it are both possible.
        ItemRating.objects.filter(pk=rating.pk).update(suggested_score=3)
        rating.refresh_from_db()
        return rating

    @cached_property
    def training_home(self):
        home = Page.get_first_root_node().add_child(instance=TrainingHomePage(title="Koulutus", slug="koulutus"))
        Site.objects.filter(is_default_site=True).update(root_page=home)
        Site.clear_site_root_paths_cache()
        return home


@dataclass(frozen=True)
class Case:
    form: type[forms.BaseForm]
    user: str
    url: Callable[[World], str]
    # The unbound form as the view builds it: its fields, prefix and choices.
    build: Callable[[World], forms.BaseForm]
    valid: Callable[[World], dict]
    method: str = "post"
    htmx: bool = False
    fixed: dict = field(default_factory=dict)
    bound: Callable[[Any], forms.BaseForm] = lambda context: context["form"]
    # Records an invalid submission must leave untouched.
    watch: Callable[[World], list] = lambda w: []
    # For views that answer bad input with a redirect and a message (a button form with hidden fields): the oracle.
    accepts: Callable[[World, dict], bool] | None = None
    allowed_statuses: tuple = ()

    @property
    def id(self):
        return self.form.__name__


def _iso(day):
    return day.isoformat()


def _kind(code="client_meeting"):
    return ActivityKind.objects.get(code=code).pk


def _as_sent(payload) -> QueryDict:
    """The payload as the view reads it: a list is a repeated key."""
    query = QueryDict(mutable=True)
    for key, value in payload.items():
        query.setlist(key, [str(v) for v in value] if isinstance(value, list) else [str(value)])
    return query


def _is_current_version(data, version):
    form = fidelity_forms.VersionForm(_as_sent(data))
    return form.is_valid() and form.cleaned_data["version"] == version


def _bound_rating_form(context):
    return next(row["form"] for section in context["sections"] for row in section["rows"] if row["form"].is_bound)


CASES = [
    Case(
        client_forms.ReferralForm,
        "coach_a",
        lambda w: reverse("ips:referral_create"),
        lambda w: client_forms.ReferralForm(user=w.coach_a),
        lambda w: {
            "team": w.team_a.pk,
            "source": ReferralSource.objects.get(code="kela").pk,
            "referred_on": _iso(w.today),
            "first_name": "Outi",
            "last_name": "Ohjattava",
            "birth_year": "1990",
            "municipality": "Vaasa",
        },
    ),
    Case(
        client_forms.ReferralAcceptForm,
        "coach_a",
        lambda w: reverse("ips:referral_decide", args=[w.referral.uuid]),
        lambda w: client_forms.ReferralAcceptForm(referral=w.referral, auto_id="accept_%s"),
        lambda w: {
            "accepted_on": _iso(w.today),
            "first_name": "Outi",
            "last_name": "Ohjattava",
            "coach": w.coach_a.pk,
            "service_type": "ips",
        },
        fixed={"decision": "accept"},
        bound=lambda context: context["accept_form"],
        watch=lambda w: [w.referral],
    ),
    Case(
        client_forms.ReferralDeclineForm,
        "coach_a",
        lambda w: reverse("ips:referral_decide", args=[w.referral.uuid]),
        lambda w: client_forms.ReferralDeclineForm(auto_id="decline_%s"),
        lambda w: {"declined_on": _iso(w.today), "reason": "client_declined", "note": ""},
        fixed={"decision": "decline"},
        bound=lambda context: context["decline_form"],
        watch=lambda w: [w.referral],
    ),
    Case(
        client_forms.ClientForm,
        "coach_a",
        lambda w: reverse("ips:client_edit", args=[w.client.uuid]),
        lambda w: client_forms.ClientForm(instance=w.client, user=w.coach_a),
        lambda w: {
            "first_name": "Ville",
            "last_name": "Esimerkki",
            "team": w.team_a.pk,
            "coach": w.coach_a2.pk,
            "service_type": "ips",
            "gender": "male",
            "language": "fi",
            "target_groups": [TargetGroup.objects.filter(active=True).first().pk],
        },
        watch=lambda w: [w.client],
    ),
    Case(
        client_forms.StageChangeForm,
        "coach_a",
        lambda w: reverse("ips:client_stage", args=[w.client.uuid]),
        lambda w: client_forms.StageChangeForm(client=w.client),
        lambda w: {"stage": "profile", "changed_on": _iso(w.today)},
        watch=lambda w: [w.client],
    ),
    Case(
        client_forms.ClosureForm,
        "coach_a",
        lambda w: reverse("ips:client_close", args=[w.client.uuid]),
        lambda w: client_forms.ClosureForm(instance=w.client),
        lambda w: {"closed_on": _iso(w.today), "outcome": "education", "satisfaction": "8"},
        watch=lambda w: [w.client],
    ),
    Case(
        client_forms.ConsentForm,
        "coach_a",
        lambda w: reverse("ips:consent_add", args=[w.client.uuid]),
        lambda w: client_forms.ConsentForm(),
        lambda w: {"given_on": _iso(w.today), "scope": "Kela, TE-palvelut"},
    ),
    Case(
        client_forms.GoalForm,
        "coach_a",
        lambda w: reverse("ips:goal_add", args=[w.client.uuid]),
        lambda w: client_forms.GoalForm(),
        lambda w: {"text": "Kesätyö", "status": Goal.Status.OPEN, "set_on": _iso(w.today)},
    ),
    Case(
        client_forms.VocationalProfileForm,
        "coach_a",
        lambda w: reverse("ips:profile_edit", args=[w.client.uuid]),
        lambda w: client_forms.VocationalProfileForm(),
        lambda w: {"preferences": "Ulkotyö", "strengths": "Täsmällinen", "work_history": ""},
    ),
    Case(
        client_forms.KykyviisariForm,
        "coach_a",
        lambda w: reverse("ips:score_add", args=[w.client.uuid]),
        lambda w: client_forms.KykyviisariForm(),
        lambda w: {"measured_on": _iso(w.today), "score": "6.5", "kind": "follow_up"},
    ),
    Case(
        TimeEntryForm,
        "coach_a",
        lambda w: reverse("ips:entry_create"),
        lambda w: TimeEntryForm(user=w.coach_a, auto_id="add_%s"),
        lambda w: {
            "date": _iso(w.today),
            "minutes": "45",
            "kind": _kind(),
            "setting": "office",
            "client": w.client.pk,
            "note": "",
        },
        htmx=True,
    ),
    Case(
        LanguageForm,
        "coach_a",
        lambda w: reverse("ips:language_set"),
        lambda w: LanguageForm(),
        lambda w: {"language": "sv", "next": "/"},
        # The language menu has no room for messages: a forged value changes nothing and the page reloads.
        accepts=lambda w, data: LanguageForm(_as_sent(data)).is_valid(),
    ),
    Case(
        ClientCodeForm,
        "org_admin",
        lambda w: reverse("ips:client_audit_log"),
        lambda w: ClientCodeForm(),
        lambda w: {"code": w.client.code},
        method="get",
    ),
    Case(
        employer_forms.EmployerForm,
        "coach_a",
        lambda w: reverse("employers:employer_create"),
        lambda w: employer_forms.EmployerForm(organisation=w.org_a),
        lambda w: {"name": "Vaasan Kone Oy", "business_id": "", "status": "lead", "responsible_coach": w.coach_a.pk},
    ),
    Case(
        employer_forms.ContactPersonForm,
        "coach_a",
        lambda w: reverse("employers:contact_person_create", args=[w.employer.uuid]),
        lambda w: employer_forms.ContactPersonForm(),
        lambda w: {"name": "Maija Mehiläinen", "role": "HR", "phone": "040 123 4567", "email": "maija@example.fi"},
    ),
    Case(
        employer_forms.EmployerContactForm,
        "coach_a",
        lambda w: reverse("employers:employer_contact_create", args=[w.employer.uuid]),
        lambda w: employer_forms.EmployerContactForm(user=w.coach_a, employer=w.employer),
        lambda w: {
            "date": _iso(w.today),
            "face_to_face": "on",
            "minutes": "60",
            "purpose": "first_meeting",
            "contact_person": w.employer.contact_persons.first().pk,
            "client": w.client.pk,
            "matches_client_preferences": "true",
        },
    ),
    Case(
        employer_forms.QuickContactForm,
        "coach_a",
        lambda w: reverse("employers:today_panel"),
        lambda w: employer_forms.QuickContactForm(user=w.coach_a, prefix="employer-contact"),
        lambda w: {"employer": w.employer.pk, "date": _iso(w.today), "minutes": "30", "purpose": "first_meeting"},
    ),
    Case(
        employer_forms.JobStartForm,
        "coach_a",
        lambda w: reverse("employers:job_start", args=[w.client.uuid]),
        lambda w: employer_forms.JobStartForm(user=w.coach_a, client=w.client),
        lambda w: {
            "employer": w.employer.pk,
            "title": "Varastotyöntekijä",
            "occupation_code": "93",
            "start_date": _iso(w.today),
            "hours_per_week": "20",
            "hourly_wage": "12.50",
            "contract_type": "permanent",
            "competitive": "on",
        },
        watch=lambda w: [w.client, w.employer],
    ),
    Case(
        employer_forms.JobEndForm,
        "coach_a",
        lambda w: reverse("employers:job_end", args=[w.job.uuid]),
        lambda w: employer_forms.JobEndForm(instance=w.job),
        lambda w: {"end_date": _iso(w.today), "end_reason": "better_job"},
        watch=lambda w: [w.job],
    ),
    Case(
        fidelity_forms.ReviewCreateForm,
        "supervisor_a",
        lambda w: reverse("fidelity:review_create"),
        lambda w: fidelity_forms.ReviewCreateForm(teams=w.team_a.__class__.objects.filter(pk=w.team_a.pk)),
        lambda w: {
            "team": w.team_a.pk,
            "scale": FidelityScale.objects.get(code="IPS-25").pk,
            "period_start": _iso(w.today - timedelta(days=180)),
            "period_end": _iso(w.today),
            "review_start": _iso(w.today),
            "review_end": _iso(w.today + timedelta(days=1)),
            "reviewers": [w.reviewer.pk],
        },
    ),
    Case(
        fidelity_forms.ReviewSettingsForm,
        "supervisor_a",
        lambda w: reverse("fidelity:review_settings", args=[w.review.uuid]),
        lambda w: fidelity_forms.ReviewSettingsForm(instance=w.review),
        lambda w: {
            "period_start": _iso(w.today - timedelta(days=90)),
            "period_end": _iso(w.today),
            "review_start": _iso(w.today),
            "review_end": _iso(w.today + timedelta(days=2)),
            "reviewers": [w.reviewer.pk],
            "external_reviewers": "Pirkko Arvioija",
        },
        watch=lambda w: [w.review],
    ),
    Case(
        fidelity_forms.RatingForm,
        "reviewer",
        lambda w: reverse("fidelity:rating_save", args=[w.review.uuid, w.rating.item.code]),
        lambda w: fidelity_forms.RatingForm(rating=w.rating),
        lambda w: {"score": "4", "evidence": "Arviointi", "override_reason": "Havainnot", "version": w.rating.version},
        htmx=True,
        bound=lambda context: context["row"]["form"],
        watch=lambda w: [w.rating],
    ),
    Case(
        fidelity_forms.VersionForm,
        "reviewer",
        lambda w: reverse("fidelity:rating_accept", args=[w.review.uuid, w.rating.item.code]),
        lambda w: fidelity_forms.VersionForm(),
        lambda w: {"version": w.rating.version},
        watch=lambda w: [w.rating],
        # A stale version shows the item again with the other person's save explained.
        bound=lambda context: _bound_rating_form(context),
        accepts=lambda w, data: _is_current_version(data, w.rating.version),
    ),
    Case(
        fidelity_forms.ReviewTextsForm,
        "reviewer",
        lambda w: reverse("fidelity:review_texts", args=[w.review.uuid]),
        lambda w: fidelity_forms.ReviewTextsForm(),
        lambda w: {"strengths": "Vahva tiimi", "summary": "Hyvä", "version": w.review.version},
        bound=lambda context: context["texts_form"],
        watch=lambda w: [w.review],
    ),
    Case(
        fidelity_forms.ActionPlanItemForm,
        "reviewer",
        lambda w: reverse("fidelity:plan_item_create", args=[w.review.uuid]),
        lambda w: fidelity_forms.ActionPlanItemForm(review=w.review),
        lambda w: {"text": "Lisää työnantajakäyntejä", "owner_name": "Tiimi", "status": "open"},
    ),
    Case(
        report_forms.ReportForm,
        "org_admin",
        lambda w: reverse("reports:dashboard"),
        lambda w: report_forms.ReportForm({}, choices=choices_for(w.org_admin)),
        lambda w: {"scope": choices_for(w.org_admin)[0].value, "start": "2025-01-01", "end": "2025-12-31"},
        method="get",
        # A scope that is not the user's is a 404, as if it did not exist.
        allowed_statuses=(404,),
    ),
    Case(
        report_forms.WorkbookForm,
        "org_admin",
        lambda w: reverse("reports:export_start"),
        lambda w: report_forms.WorkbookForm({}, choices=choices_for(w.org_admin)),
        lambda w: {"scope": choices_for(w.org_admin)[0].value, "start": "2025-01-01", "end": "2025-12-31"},
        allowed_statuses=(400, 404),
    ),
    Case(
        TrainingFilterForm,
        "coach_a",
        lambda w: w.training_home.url,
        lambda w: TrainingFilterForm(),
        lambda w: {"q": "työ"},
        method="get",
        bound=lambda context: context["filter_form"],
    ),
]


def discovered_forms() -> set[type]:
    """Every Form and ModelForm class defined in a Polku app."""
    found = set()
    for app in APPS:
        package = importlib.import_module(app)
        for info in pkgutil.walk_packages(package.__path__, f"{app}."):
            if ".migrations" in info.name:
                continue
            module = importlib.import_module(info.name)
            for value in vars(module).values():
                if isinstance(value, type) and issubclass(value, forms.BaseForm) and value.__module__ == info.name:
                    found.add(value)
    return found


# The CMS's document form takes a file, not field values: tests/content/test_uploads.py drives it with hostile files.
# TrustedForm and TrustedModelForm are the empty bases of ips/forms/trust.py: every form built on them is a case.
DRIVEN_ELSEWHERE = {DocumentForm, TrustedForm, TrustedModelForm}


def test_every_form_is_driven():
    driven = {case.form for case in CASES} | DRIVEN_ELSEWHERE
    missing = {form.__qualname__ for form in discovered_forms() - driven}
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
