"""The records the hostile-input cases need, and how a case describes driving one form through its view."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cached_property
from typing import Any

from django import forms
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Site

from content.models import TrainingHomePage
from employers.models import ImportRun
from fidelity import forms as fidelity_forms
from fidelity import services as fidelity_services
from fidelity.models import FidelityScale, ItemRating
from ips.models import ActivityKind
from tests.employers.factories import ContactPersonFactory, EmployerFactory, JobFactory
from tests.factories import ClientFactory, ConsentFactory, OrganisationFactory, ReferralFactory, TeamFactory


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
        client = ClientFactory(
            team=self.team_a,
            coach=self.coach_a,
            programme_entry=self.today - timedelta(days=200),
            stage_since=self.today - timedelta(days=100),
        )
        # Consent to exchange information with the whole network, employers included: contacts and jobs naming
        # the client need it.
        ConsentFactory(client=client, given_on=self.today - timedelta(days=200))
        return client

    @cached_property
    def closed_client(self):
        """A client of team A who left seven months ago: the ESF+ six-month follow-up is due."""
        return ClientFactory(
            team=self.team_a,
            coach=self.coach_a,
            programme_entry=self.today - timedelta(days=400),
            stage="closed",
            closed_on=self.today - timedelta(days=210),
            stage_since=self.today - timedelta(days=210),
        )

    @cached_property
    def import_run(self):
        """An uploaded employer file of team A whose relationship column holds a value Polku does not know."""
        return ImportRun.objects.create(
            team=self.team_a,
            kind="employers",
            created_by=self.supervisor_a,
            filename="tyonantajat.csv",
            checksum="0" * 64,
            content="Nimi;Y-tunnus;Suhde\r\nKahvila Oy;0112038-9;Kontakti\r\n".encode("cp1252"),
            headers=["Nimi", "Y-tunnus", "Suhde"],
            header_row=1,
            mapping={"columns": {"name": "Nimi"}, "values": {}, "key": ""},
            unmatched={"status": ["Kontakti"]},
            rows_total=1,
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


def on_client(name: str) -> Callable[[World], str]:
    """The URL of the named page of the world's client."""
    return lambda w: reverse(name, args=[w.client.uuid])


def client_case(form: type[forms.BaseForm], name: str, valid: Callable[[World], dict], **options) -> Case:
    """coach_a's form on the named page of the world's client; the view builds it bare unless `build` says how."""
    build = options.pop("build", lambda w: form())
    return Case(form, "coach_a", on_client(name), build, valid, **options)


def page_case(form: type[forms.BaseForm], user: str, name: str, valid: Callable[[World], dict], **options) -> Case:
    """The user's form at the named URL (one without arguments); the view builds it bare unless `build` says how."""
    build = options.pop("build", lambda w: form())
    return Case(form, user, lambda w: reverse(name), build, valid, **options)


def client_change_case(form: type[forms.BaseForm], name: str, valid: Callable[[World], dict]) -> Case:
    """coach_a's form that changes the world's client on its named page: the view builds it for the client, and a
    rejected submission must leave the client as it was."""
    return client_case(form, name, valid, build=lambda w: form(client=w.client), watch=lambda w: [w.client])


def edit_case(form: type[forms.BaseForm], name: str, row: str, valid: Callable[[World], dict]) -> Case:
    """coach_a's form on the world's `row` (an attribute) at the named URL that takes the row's uuid: the view builds
    it on the row, and a rejected submission must leave the row as it was."""
    return Case(
        form,
        "coach_a",
        lambda w: reverse(name, args=[getattr(w, row).uuid]),
        lambda w: form(instance=getattr(w, row)),
        valid,
        watch=lambda w: [getattr(w, row)],
    )


def iso(day):
    return day.isoformat()


def activity_kind(code="client_meeting"):
    return ActivityKind.objects.get(code=code).pk


def as_sent(payload) -> QueryDict:
    """The payload as the view reads it: a list is a repeated key."""
    query = QueryDict(mutable=True)
    for key, value in payload.items():
        query.setlist(key, [str(v) for v in value] if isinstance(value, list) else [str(value)])
    return query


def is_current_version(data, version):
    form = fidelity_forms.VersionForm(as_sent(data))
    return form.is_valid() and form.cleaned_data["version"] == version


def bound_rating_form(context):
    return next(row["form"] for section in context["sections"] for row in section["rows"] if row["form"].is_bound)
