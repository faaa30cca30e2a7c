"""The quick-add form's Python-rendered select and inputs write exactly what Django's select.html and input.html
would."""

import copy
import datetime

import pytest
from django import forms
from django.db import connection
from django.db.models import QuerySet
from django.test.utils import CaptureQueriesContext
from django.utils.safestring import mark_safe

from employers.forms import QuickContactForm
from ips.forms.client_picker import ClientPicker
from ips.forms.entries import TimeEntryForm
from ips.forms.widgets import PlainInput, PlainSelect
from ips.models import ActivityKind
from tests.employers.factories import EmployerFactory
from tests.factories import ClientFactory

CHOICES = [
    ("", "No client"),
    (1, 'Aino <b>"A"</b> & co'),
    ("2", "Eero · É."),
    ("Group <x>", [("3", "Helmi"), (4, "Ilmari's")]),
]


def _both(value, attrs=None, choices=CHOICES, widget_attrs=None):
    django, plain = forms.Select(widget_attrs, choices), PlainSelect(widget_attrs, choices)
    return str(django.render("client", value, attrs)), str(plain.render("client", value, attrs))


@pytest.mark.parametrize("value", [None, "", 1, "2", "3", 4, "99", ["2"]])
def test_it_writes_the_same_options_and_selection_as_django(value):
    django, plain = _both(value, {"id": "add_client"})
    assert plain == django


def test_it_writes_the_same_attributes_as_django():
    attrs = {"id": "x", "required": True, "disabled": False, "aria-describedby": 'x_error "q"', "aria-invalid": "true"}
    django, plain = _both("2", attrs, widget_attrs={"data-autofocus": "", "class": "a&b"})
    assert plain == django
    assert ' required aria-describedby="x_error &quot;q&quot;"' in plain
    assert "disabled" not in plain


def test_an_empty_select_is_the_same_as_djangos():
    assert _both(None, choices=[])[0] == _both(None, choices=[])[1]


def _as_with_djangos_select(form, names):
    for name in names:
        field = form[name]
        widget, plain = field.field.widget, str(field)
        assert "<select" in plain
        choices, count = widget.choices, len(field.field.choices)
        if isinstance(widget, ClientPicker):
            # The client picker writes its select (of the choices it offers there) and then its search field.
            plain = plain[plain.index("<select") : plain.index("</select>") + len("</select>")]
            choices = list(choices.for_values(widget.format_value(field.value())))
            count = len(choices)
        field.field.widget = forms.Select(widget.attrs, choices)
        field.field.widget.is_required = field.field.required
        assert plain == str(field), name
        assert plain.count("<option") == count


@pytest.mark.django_db
@pytest.mark.parametrize("bound", [False, True])
def test_the_entry_forms_pickers_are_the_same_as_with_djangos_select(coach_a, team_a, bound):
    for n in range(3):
        ClientFactory(team=team_a, coach=coach_a, first_name=f"<Aino {n}>", last_name="Öst & Väst")
    form = TimeEntryForm(user=coach_a, auto_id="add_%s", data={"minutes": "0", "client": "x"} if bound else None)
    assert form.errors if bound else not form.is_bound
    _as_with_djangos_select(form, ["kind", "client", "setting"])


@pytest.mark.django_db
@pytest.mark.parametrize("bound", [False, True])
def test_the_quick_contact_forms_pickers_are_the_same_as_with_djangos_select(coach_a, team_a, org_a, bound):
    for n in range(3):
        ClientFactory(team=team_a, coach=coach_a)
        EmployerFactory(organisation=org_a, name=f"Kone & <Tehdas> {n}")
    data = {"employer-contact-employer": "x", "employer-contact-client": "y"} if bound else None
    form = QuickContactForm(data, user=coach_a, prefix="employer-contact")
    assert form.errors if bound else not form.is_bound
    assert isinstance(form.fields["client"].widget, PlainSelect)
    _as_with_djangos_select(form, ["employer", "client"])


@pytest.mark.django_db
def test_model_choices_are_one_plain_select_not_a_server_side_cursor(coach_a, team_a, org_a, monkeypatch):
    # queryset.iterator() is a server-side cursor on PostgreSQL: DECLARE, FETCH, FETCH, CLOSE for a picker.
    for n in range(3):
        ClientFactory(team=team_a, coach=coach_a)
        EmployerFactory(organisation=org_a, name=f"Kone {n}")
    monkeypatch.setattr(QuerySet, "iterator", lambda *args, **kwargs: pytest.fail("choices read through iterator()"))
    forms_html = str(TimeEntryForm(user=coach_a)) + str(QuickContactForm(user=coach_a, prefix="employer-contact"))
    assert forms_html.count("Kone ") == 3
    entry_form = TimeEntryForm(user=coach_a)
    with CaptureQueriesContext(connection) as queries:
        kinds = [choice for choice in entry_form.fields["kind"].widget.choices]  # noqa: C416 (list() asks its len)
        assert [choice for choice in entry_form.fields["kind"].widget.choices] == kinds  # noqa: C416 (read once)
    assert len(queries.captured_queries) == 1
    assert len(kinds) == ActivityKind.objects.filter(active=True).count()  # required: no empty choice


INPUTS = [
    forms.TextInput(attrs={"maxlength": 200, "autocomplete": "off"}),
    forms.NumberInput(attrs={"inputmode": "numeric", "min": 1, "max": 1440}),
    forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    forms.CheckboxInput(),
    forms.HiddenInput(),
]


@pytest.mark.parametrize("widget", INPUTS, ids=lambda widget: type(widget).__name__)
@pytest.mark.parametrize("value", [None, "", 0, 30, True, False, 'Aino <b>"A"</b> & co', mark_safe("<i>x</i>")])
def test_a_plain_input_writes_what_djangos_input_html_writes(widget, value):
    attrs = {"id": "add_x", "required": True, "disabled": False, "aria-describedby": 'x_error "q"'}
    if isinstance(widget, forms.DateInput) and value not in (None, ""):
        value = datetime.date(2026, 12, 6)
    plain = copy.deepcopy(widget)
    plain.__class__ = type(f"Plain{type(widget).__name__}", (PlainInput, type(widget)), {})
    assert str(plain.render("x", value, attrs)) == str(widget.render("x", value, attrs))


def _with_djangos_inputs(form):
    """The form's fields as Django writes them, with its inputs' own classes back in place of the plain ones."""
    for field in form.fields.values():
        if isinstance(field.widget, PlainInput):
            field.widget.__class__ = type(field.widget).__mro__[2]
    return [str(field) for field in form]


@pytest.mark.django_db
@pytest.mark.parametrize("bound", [False, True])
def test_the_entry_and_contact_forms_inputs_are_the_same_as_djangos(coach_a, team_a, bound):
    entry_data = {"minutes": "0", "date": "x", "note": '<b>"n"</b>'} if bound else None
    contact_data = {"employer-contact-minutes": "-1", "employer-contact-face_to_face": "on"} if bound else None
    for form in (
        TimeEntryForm(entry_data, user=coach_a, auto_id="add_%s"),
        QuickContactForm(contact_data, user=coach_a, prefix="employer-contact"),
    ):
        assert form.errors if bound else not form.is_bound
        plain = [str(field) for field in form]
        assert sum(isinstance(field.widget, PlainInput) for field in form.fields.values()) >= 3
        assert plain == _with_djangos_inputs(form)
