"""Every model choice in every form of Polku is limited to an organisation, or lists reference data that belongs to
none: a new foreign key on a form fails here until it is a ScopedModelChoiceField (ips/forms/scoped.py)."""

import django_filters
import pytest
from django import forms
from wagtail.models import Page

from content.models import Topic
from fidelity.models import FidelityScale, ScaleItem
from ips.forms.scoped import (
    OrganisationScopedForm,
    PersonChoiceField,
    ScopedChoice,
    ScopedModelChoiceField,
    ScopedModelMultipleChoiceField,
)
from ips.models import ActivityKind, Destination, Party, ReferralSource, TargetGroup, Team, User
from tests.factories import MembershipFactory, OrganisationFactory, TeamFactory, UserFactory
from tests.hostile import defined_in_apps

# Lists the same for every organisation: offering all of their rows leaks nothing and mixes nothing.
REFERENCE_DATA = {ActivityKind, Destination, Party, ReferralSource, TargetGroup, FidelityScale, ScaleItem, Topic, Page}


def unscoped_choices(form_classes) -> list[str]:
    found = []
    for form_class in form_classes:
        for name, field in form_class.base_fields.items():
            if not isinstance(field, forms.ModelChoiceField) or isinstance(field, ScopedChoice):
                continue
            if field.queryset.model not in REFERENCE_DATA:
                found.append(f"{form_class.__module__}.{form_class.__qualname__}.{name} ({field.queryset.model})")
    return found


def test_every_model_choice_of_every_form_is_scoped_or_reference_data():
    assert not unscoped_choices(defined_in_apps(forms.BaseForm)), (
        "make these ScopedModelChoiceField (ips/forms/scoped.py) and limit them to the record's organisation"
    )


def test_every_form_with_a_scoped_choice_limits_it_to_an_organisation():
    scoped = {
        form_class
        for form_class in defined_in_apps(forms.BaseForm)
        if any(isinstance(field, ScopedChoice) for field in form_class.base_fields.values())
    }
    assert scoped and not {form.__qualname__ for form in scoped if not issubclass(form, OrganisationScopedForm)}


def test_no_filter_offers_an_organisations_rows_unscoped():
    model_filters = (django_filters.ModelChoiceFilter, django_filters.ModelMultipleChoiceFilter)
    found = [
        f"{filterset.__qualname__}.{name}"
        for filterset in defined_in_apps(django_filters.FilterSet)
        for name, item in filterset.base_filters.items()
        if isinstance(item, model_filters) and item.queryset.model not in REFERENCE_DATA
    ]
    assert not found


def test_the_check_finds_a_plain_choice_of_teams():
    class Careless(forms.Form):
        team = forms.ModelChoiceField(queryset=Team.objects.all())
        kind = forms.ModelChoiceField(queryset=ActivityKind.objects.all())

    class Careful(forms.Form):
        team = ScopedModelChoiceField(queryset=Team.objects.all())

    assert [entry.split(" ")[0].rsplit(".", 1)[1] for entry in unscoped_choices([Careless, Careful])] == ["team"]


class _Record(OrganisationScopedForm, forms.Form):
    team = ScopedModelChoiceField(queryset=Team.objects.all())
    coach = PersonChoiceField(queryset=User.objects.all(), required=False)
    helpers = ScopedModelMultipleChoiceField(
        queryset=User.objects.all(), organisation_path="memberships__organisation", required=False
    )


@pytest.fixture
def two_organisations(db):
    org_a, org_b = OrganisationFactory(code="sca"), OrganisationFactory(code="scb")
    team_a, team_b = TeamFactory(organisation=org_a), TeamFactory(organisation=org_b)
    coach_a, coach_b = UserFactory(username="scoped_a"), UserFactory(username="scoped_b")
    MembershipFactory(user=coach_a, team=team_a)
    MembershipFactory(user=coach_b, team=team_b)
    return org_a, org_b, team_a, team_b, coach_a, coach_b


def test_one_organisation_limits_every_scoped_choice(two_organisations):
    org_a, _org_b, team_a, team_b, coach_a, coach_b = two_organisations
    form = _Record({"team": team_b.pk, "coach": coach_b.pk})
    form.limit_to_organisations([org_a.pk])
    assert list(form.fields["team"].queryset) == [team_a]
    assert list(form.fields["coach"].queryset) == [coach_a]
    assert not form.is_valid() and {"team", "coach"} <= set(form.errors)


def test_with_two_organisations_the_choices_of_one_record_must_share_one(two_organisations):
    org_a, org_b, team_a, team_b, coach_a, coach_b = two_organisations
    mixed = _Record({"team": team_a.pk, "coach": coach_b.pk, "helpers": [coach_a.pk, coach_b.pk]})
    mixed.limit_to_organisations([org_a.pk, org_b.pk])
    assert not mixed.is_valid()
    assert [error.code for error in mixed.errors.as_data()["coach"]] == ["other_organisation"]
    assert "helpers" in mixed.errors
    same = _Record({"team": team_b.pk, "coach": coach_b.pk, "helpers": [coach_b.pk]})
    same.limit_to_organisations([org_a.pk, org_b.pk])
    assert same.is_valid(), same.errors
