"""The client picker of Today's quick add and the employer contact forms: search as you type, a select without JS.

A team has a hundred clients or more; writing each as an option on every Today was the page's largest cost
(issue 20), and scrolling them on a phone the coach's. The page now writes a `<select>` of the coach's own
clients only (and the client already chosen), which is all a browser without JavaScript gets. static/js/polku.js
turns it into a combobox: a search field that asks `ips:client_search` for a short list of the own and team's
clients as the coach types (the listbox pattern, keyboard operable, the number of matches announced), and
choosing a match sets the select, which stays the form's real field. The field itself still offers every client
the form allows, so the server takes a choice from either and validates it as before.
"""

import copy

from django.db.models import Q
from django.urls import reverse_lazy
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from ips.forms.scoped import ScopedModelChoiceField
from ips.forms.widgets import ModelChoices, PlainSelect, flat_attrs

# Primary keys beyond this many digits are no row of ours (and would not fit the database's integer).
_MAX_PK_DIGITS = 9


def _picked_pks(values) -> list[int]:
    return [int(value) for value in values if str(value).isdigit() and len(str(value)) <= _MAX_PK_DIGITS]


class PickerChoices(ModelChoices):
    """The choices the select writes: the field's own offer (the coach's clients) and what is already chosen."""

    def for_values(self, values):
        narrowed = copy.copy(self)
        narrowed.queryset = self.queryset.filter(self.field.offered | Q(pk__in=_picked_pks(values)))
        narrowed._read = None
        return narrowed


class ClientPicker(PlainSelect):
    search_url = reverse_lazy("ips:client_search")

    def use_required_attribute(self, initial):
        # Select reads the first choice for this (whether it is the empty one), which would read every client the
        # field accepts: the empty label alone answers it.
        if isinstance(self.choices, PickerChoices):
            return not self.is_hidden and self.choices.field.empty_label is not None
        return super().use_required_attribute(initial)

    def get_context(self, name, value, attrs):
        every = self.choices
        if isinstance(every, PickerChoices):
            self.choices = every.for_values(self.format_value(value))
        try:
            return super().get_context(name, value, attrs)
        finally:
            self.choices = every

    def render(self, name, value, attrs=None, renderer=None):
        select = super().render(name, value, attrs, renderer)
        base = (attrs or {}).get("id") or self.attrs.get("id") or name
        search = {
            "type": "search",
            "id": f"{base}_search",
            "name": "q",
            "role": "combobox",
            "aria-autocomplete": "list",
            "aria-expanded": "false",
            "aria-controls": f"{base}_results",
            "autocomplete": "off",
            "placeholder": gettext("Code or first name"),
            "hx-get": str(self.search_url),
            "hx-trigger": "input changed delay:250ms, search",
            "hx-target": f"#{base}_results",
            "hx-swap": "innerHTML",
            "hx-sync": "this:replace",
            # Today's form disables its save button while it posts; the search inherits nothing of that.
            "hx-disabled-elt": "unset",
        }
        results = {
            "id": f"{base}_results",
            "role": "listbox",
            "class": "client-picker-results",
            "hidden": True,
            "aria-label": gettext("Matching clients"),
        }
        # Hidden until polku.js takes the picker over; the select alone is the field without JavaScript.
        return mark_safe(
            f'<div class="client-picker" data-client-picker>{select}'
            f'<div class="client-picker-search" hidden><input{flat_attrs(search)}>'
            f"<ul{flat_attrs(results)}></ul>"
            f'<p id="{base}_status" class="visually-hidden" aria-live="polite"></p></div></div>'
        )


class ClientPickerField(ScopedModelChoiceField):
    """A client of the form's queryset, picked by search or, without JavaScript, from the select of `offered`."""

    widget = ClientPicker
    iterator = PickerChoices
    label_columns = ("pk", "code", "first_name", "last_name", "anonymised_on")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.offered = Q(pk__in=[])

    def offer_in_select(self, condition: Q) -> None:
        """The clients the select writes as options (the coach's own): the search finds the others."""
        self.offered = condition

    def label_from_instance(self, obj):
        return obj.short_label
