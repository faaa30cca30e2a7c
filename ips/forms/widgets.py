"""Pickers of the forms on Today (the quick-add form, the employers panel's quick contact), rendered on every view.

Django renders a <select> through a template that includes two more templates per option; the client pickers list
the whole team's clients (a hundred or more), which made them the most expensive thing on Today. PlainSelect writes
the very same markup in Python (tests/ips/test_widgets.py compares it with Django's own), and so does PlainInput
for the other fields of those two forms (input.html and its attrs.html, a template pair per field and view).
"""

from functools import cache
from html import escape

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.safestring import mark_safe


def _text(value) -> str:
    """Django's conditional_escape without its lazy-string wrapper, which costs more than the escaping here."""
    return value.__html__() if hasattr(value, "__html__") else escape(str(value))


def flat_attrs(attrs: dict) -> str:
    """Django's widgets/attrs.html: False leaves an attribute out, True writes it bare, the rest as name="value"."""
    return "".join(
        f" {_text(name)}" if value is True else f' {_text(name)}="{_text(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _option(option: dict) -> str:
    # select_option.html ends with a newline, hence the blank line after each option in Django's output too.
    value, attrs, label = _text(option["value"]), flat_attrs(option["attrs"]), _text(option["label"])
    return f'\n  <option value="{value}"{attrs}>{label}</option>\n'


class PlainSelect(forms.Select):
    """forms.Select, written out in Python instead of through select.html and its per-option includes."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<select name="{_text(widget["name"])}"{flat_attrs(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{_text(group_name)}">')
            parts.extend(_option(option) for option in options)
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))


class PlainInput:
    """Mixed in before an Input widget (text, number, date, checkbox, hidden): input.html written in Python."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        shown = "" if widget["value"] is None else f' value="{_text(widget["value"])}"'
        html = (
            f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"{shown}{flat_attrs(widget["attrs"])}>'
        )
        return mark_safe(html)


@cache
def _plain_input_class(widget_class: type) -> type:
    return type(f"Plain{widget_class.__name__}", (PlainInput, widget_class), {})


def use_plain_inputs(form: forms.BaseForm) -> None:
    """Give every Input widget of a form (its own copies, made per form) the PlainInput rendering."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.widgets.Input) and not isinstance(widget, PlainInput):
            widget.__class__ = _plain_input_class(type(widget))


def use_plain_select(field: forms.ChoiceField) -> None:
    """Give a field of a form built elsewhere a PlainSelect in place of its Select: same attributes and choices."""
    select = field.widget
    field.widget = PlainSelect(select.attrs, select.choices)
    field.widget.is_required = select.is_required


class OneSelectChoices(ModelChoiceIterator):
    """Django's model choices, read with one plain SELECT.

    Django's iterator reads them through queryset.iterator(), which on PostgreSQL is a server-side cursor:
    DECLARE ... WITH HOLD, FETCH, an empty FETCH and CLOSE, four round trips (and a result the server copies aside)
    for the few dozen rows of a picker, on every form a page shows.
    """

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset.all():  # a fresh queryset: the rows are not kept on the field's
            yield self.choice(obj)


class ModelChoices(OneSelectChoices):
    """Model choices read once per form, and only the columns their labels need (the field's label_columns).

    A Select goes through its choices twice, for the first one (whether to write `required`) and to write them
    all, and Django's iterator runs the query each time.
    """

    def __init__(self, field):
        super().__init__(field)
        if columns := getattr(field, "label_columns", None):
            self.queryset = self.queryset.only(*columns)
        self._read = None

    def __iter__(self):
        if self._read is None:
            self._read = list(super().__iter__())
        return iter(self._read)
