"""Foreign keys a form accepts, limited to the organisation of the record being written.

A user may hold roles in two organisations. What they may see then spans both, but a record belongs to one: a
client of organisation A cannot move into a team of organisation B, a contact with A's employer cannot be about a
client of B. Every choice of a row that belongs to an organisation is a ScopedModelChoiceField (or the multiple
one), naming the lookup from its model to the organisation; a form that mixes in OrganisationScopedForm calls
`limit_to_organisations()` with the record's organisation, or, for a new record that takes its organisation from a
choice (a time entry from its client, a contact from its employer), with those the user may write in. Then every
scoped choice of one submission must belong to the same organisation.

Reference lists that belong to no organisation (activity kinds, referral sources, target groups, fidelity scales,
training topics and pages) stay plain ModelChoiceFields; tests/ips/test_scoped_choices.py holds that allow-list
and fails on any other unscoped model choice in any form.
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ips.forms.fields import ModelMultipleChoiceField
from ips.forms.widgets import OneSelectChoices


class ScopedChoice:
    """A model choice whose rows belong to an organisation through `organisation_path` (a queryset lookup)."""

    organisation_path = "organisation"
    iterator = OneSelectChoices

    def __init__(self, *args, organisation_path=None, **kwargs):
        if organisation_path is not None:
            self.organisation_path = organisation_path
        super().__init__(*args, **kwargs)

    def in_organisations(self, organisation_ids):
        rows = self.queryset.filter(**{f"{self.organisation_path}__in": list(organisation_ids)})
        return rows.distinct() if "__" in self.organisation_path else rows

    def organisation_ids_of(self, values) -> set[int]:
        """The organisations the chosen rows belong to: read from the row when it holds the key, else one query."""
        if "__" not in self.organisation_path:
            owners = {getattr(value, f"{self.organisation_path}_id") for value in values}
            return owners if len(owners) == 1 else set()
        path = self.organisation_path
        rows = self.queryset.model._default_manager.filter(pk__in=[value.pk for value in values])
        owned = rows.values_list("pk", path)
        found = {}
        for pk, organisation_id in owned:
            found.setdefault(pk, set()).add(organisation_id)
        # A row that belongs to several organisations (a person with roles in two) fits any of them.
        return set.intersection(*found.values()) if found else set()


class ScopedModelChoiceField(ScopedChoice, forms.ModelChoiceField):
    pass


class ScopedModelMultipleChoiceField(ScopedChoice, ModelMultipleChoiceField):
    pass


class SharedOrOwnChoiceField(ScopedModelChoiceField):
    """A row of a list that every organisation shares (organisation empty) or that one organisation added for
    itself (professions): the shared rows fit any organisation."""

    offered: frozenset = frozenset()

    def in_organisations(self, organisation_ids):
        self.offered = frozenset(organisation_ids)
        return self.queryset.filter(Q(organisation__isnull=True) | Q(organisation__in=list(organisation_ids)))

    def organisation_ids_of(self, values) -> set[int]:
        owners = {value.organisation_id for value in values if value.organisation_id is not None}
        return owners if owners else set(self.offered)


class PersonChoiceField(ScopedModelChoiceField):
    """A Polku user, who belongs to every organisation they hold a role in."""

    organisation_path = "memberships__organisation"


class PeopleChoiceField(ScopedModelMultipleChoiceField):
    organisation_path = "memberships__organisation"


OTHER_ORGANISATION = _("This choice belongs to another organisation than the rest of this record.")


class OrganisationScopedForm:
    """Mixed into a form (before forms.Form or forms.ModelForm) whose record belongs to one organisation."""

    organisation_ids: frozenset = frozenset()

    def scoped_fields(self):
        return {name: field for name, field in self.fields.items() if isinstance(field, ScopedChoice)}

    def limit_to_organisations(self, organisation_ids):
        """Offer only rows of these organisations (ids) in every scoped choice."""
        self.organisation_ids = frozenset(organisation_ids)
        for field in self.scoped_fields().values():
            field.queryset = field.in_organisations(self.organisation_ids)

    def clean(self):
        cleaned = super().clean()
        if len(self.organisation_ids) > 1:
            self._check_one_organisation(cleaned)
        return cleaned

    def _check_one_organisation(self, cleaned):
        """With several organisations on offer, the first choice fixes the record's; the others must share it."""
        common = None
        for name, field in self.scoped_fields().items():
            value = cleaned.get(name)
            values = list(value or []) if isinstance(field, forms.ModelMultipleChoiceField) else [value] * bool(value)
            if not values:
                continue
            owners = field.organisation_ids_of(values)
            if not owners or (common is not None and not owners & common):
                self.add_error(name, forms.ValidationError(OTHER_ORGANISATION, code="other_organisation"))
            else:
                common = owners if common is None else common & owners
