"""Changes as a person reads them, in their language: one definition of how a value reads (a date, a yes or no, a
choice's label, a related row's name), shared by the change histories and by the form that shows what someone else
saved meanwhile (ips/forms/trust.py).

django-auditlog keeps a change row's values as strings ("2026-12-06", "True", a related row's id, "None").
`readable(entries)` turns a page of rows into the action, the record and each change: a field by its verbose name,
a related row by its name. Names come in one query per related model for the whole page, so a history's query count
stays flat with its rows (auditlog's own `changes_display_dict` asks once per foreign key per row).
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from auditlog.models import LogEntry
from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

ACTIONS = {
    LogEntry.Action.CREATE: _("Created"),
    LogEntry.Action.UPDATE: _("Changed"),
    LogEntry.Action.DELETE: _("Deleted"),
    LogEntry.Action.ACCESS: _("Viewed"),
}

# Keys that Polku writes into a change row besides the model's fields (ips.staff.person_invite): label and values.
NOT_FIELDS = {"invitation": (_("Invitation to Polku"), {"sent": _("sent")})}


def shown(value, *, empty: str = "–") -> str:
    """A value as Polku shows it: a localised date, time or number, yes or no, a row by its name."""
    if value is None or value == "" or value == []:
        return empty
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, datetime):
        return date_format(timezone.localtime(value) if timezone.is_aware(value) else value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, date):
        return date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, Decimal | float):
        return number_format(value)
    if isinstance(value, list | tuple | set | models.QuerySet):
        return ", ".join(shown(item) for item in value)
    return str(value)


def _labels(choices) -> dict[str, str]:
    """{str(value): label} of a form field's or a model field's choices, groups opened."""
    labels = {}
    for key, label in choices:
        pairs = label if isinstance(label, list | tuple) else [(key, label)]
        labels.update((str(k), str(v)) for k, v in pairs)
    return labels


def shown_in_form(field: forms.Field, value, *, empty: str = "–") -> str:
    """A form field's value (initial or cleaned) as the form would show it: a choice's label, a row's name."""
    if value is None or value == "" or value == []:
        return empty
    if isinstance(field, forms.ModelMultipleChoiceField):
        return ", ".join(str(field.label_from_instance(obj)) for obj in value)
    if isinstance(field, forms.ModelChoiceField):
        # A ModelForm's initial value of a foreign key is the id; the cleaned value is the row.
        row = value if isinstance(value, models.Model) else field.queryset.model._base_manager.filter(pk=value).first()
        return str(field.label_from_instance(row)) if row is not None else gettext("(deleted)")
    if isinstance(field, forms.ChoiceField):
        labels = _labels(field.choices)
        values = value if isinstance(value, list | tuple) else [value]
        return ", ".join(labels.get(str(each), str(each)) for each in values)
    return shown(value, empty=empty)


def action_label(entry: LogEntry) -> str:
    """What happened, in the reader's language: created, changed, deleted, viewed, exported or anonymised."""
    data = entry.additional_data or {}
    if data.get("export"):
        return gettext("Export")
    if data.get("anonymised"):
        return gettext("Anonymised")
    return str(ACTIONS.get(entry.action, entry.get_action_display()))


@dataclass(frozen=True)
class Change:
    """One field of a change row: `before` is None on a created or deleted row, which show one value."""

    field: str
    before: str | None
    after: str


# The `before` of a row that shows one value: a created or deleted row's field, a many-to-many change, an event.
_ONE = object()


@dataclass(frozen=True)
class _Related:
    model: type[models.Model]
    key: str  # the field the foreign key points at: the primary key, or its to_field
    value: object


def _field(model, name):
    """The model's own field or many-to-many field of that name; None for a reverse relation or an unknown name."""
    if model is None:
        return None
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return None if field.auto_created and not field.concrete else field


def _value(field, raw):
    """The stored string as the field's Python value: a date, a boolean, a Decimal, a related row to be named."""
    if raw is None or raw == "None":
        return None
    if field.choices:
        return _labels(field.flatchoices).get(str(raw), raw)
    if field.many_to_one or field.one_to_one:
        try:
            return _Related(field.related_model, field.target_field.attname, field.target_field.to_python(raw))
        except ValidationError:
            return raw
    try:
        value = field.to_python(raw)
    except ValidationError:
        return raw
    if isinstance(value, datetime) and timezone.is_naive(value):
        value = timezone.make_aware(value, UTC)  # auditlog keeps a timestamp naive, in UTC
    return value


def _default(field, value) -> bool:
    """A created row's value that nobody gave: the field's default (a generated one such as the time of joining)."""
    if not field.has_default():
        return False
    return callable(field.default) or value == field.default


def _order(model):
    return {field.name: index for index, field in enumerate(model._meta.get_fields())} if model else {}


def _parsed(entry):
    """(label, before, after) of each change of the row, values parsed but related rows not yet named; `before` is
    _ONE where the row shows one value."""
    model = entry.content_type.model_class()
    order = _order(model)
    rows = []
    for name, values in sorted(entry.changes_dict.items(), key=lambda item: order.get(item[0], len(order))):
        field = _field(model, name)
        if isinstance(values, dict):  # a many-to-many change: the rows' names as they were
            rows.append(_m2m(field, name, values))
        elif name in NOT_FIELDS:
            label, words = NOT_FIELDS[name]
            rows.append((str(label), _ONE, str(words.get(values[1], values[1]))))
        elif field is None:
            if model is None or name not in order:  # a field since removed; reverse relations are no change
                rows.append((name, values[0], values[1]))
        elif not field.primary_key and field.editable:
            before, after = (_value(field, value) for value in values)
            label = capfirst(field.verbose_name)
            if entry.action == LogEntry.Action.CREATE:
                if after not in (None, "") and not _default(field, after):
                    rows.append((label, _ONE, after))
            elif entry.action == LogEntry.Action.DELETE:
                if before not in (None, ""):
                    rows.append((label, _ONE, before))
            else:
                rows.append((label, before, after))
    return rows


def _m2m(field, name, values):
    label = capfirst(field.verbose_name) if field is not None else name
    names = ", ".join(values.get("objects", []))
    if values.get("operation") == "delete":
        return label, _ONE, gettext("removed %(names)s") % {"names": names}
    return label, _ONE, gettext("added %(names)s") % {"names": names}


def _names(parsed) -> dict:
    """{related: name} of every related row the changes mention: one query per related model.

    A client reads as `str(client)`, the pseudonym code, like everywhere outside the client's own team."""
    wanted: dict[tuple[type[models.Model], str], set] = {}
    for rows in parsed:
        for _label, *values in rows:
            for value in values:
                if isinstance(value, _Related):
                    wanted.setdefault((value.model, value.key), set()).add(value.value)
    return {
        _Related(model, key, getattr(row, key)): str(row)
        for (model, key), values in wanted.items()
        for row in model._base_manager.filter(**{f"{key}__in": values}).order_by()
    }


def readable(entries) -> list[LogEntry]:
    """The rows with `shown_changes` (a list of Change) and `shown_record` (the model's verbose name and the row)."""
    entries = list(entries)
    parsed = [_parsed(entry) for entry in entries]
    names = _names(parsed)

    def read(value):
        if isinstance(value, _Related):
            return names.get(value, gettext("(deleted)"))
        return shown(value)

    for entry, rows in zip(entries, parsed, strict=True):
        entry.shown_changes = [
            Change(str(label), None if before is _ONE else read(before), read(after)) for label, before, after in rows
        ]
        model = entry.content_type.model_class()
        kind = capfirst(model._meta.verbose_name) if model else entry.content_type.model
        entry.shown_record = f"{kind} · {entry.object_repr}"
    return entries
