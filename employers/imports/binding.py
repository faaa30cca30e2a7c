"""Binding a file's row to one of the UI's forms: the data a user would have posted, and the shortcuts that let
one form and one read of its choices serve thousands of rows with the same answers."""

from dataclasses import dataclass
from datetime import date

from django import forms
from django.db import models
from django.forms.models import model_to_dict


def as_posted(form_class, instance) -> dict:
    """An existing row as the form's POST would carry it, so an update changes only the file's columns."""
    names = [name for name in form_class._meta.fields if name in {f.name for f in instance._meta.get_fields()}]
    data = {}
    for name, value in model_to_dict(instance, fields=names).items():
        if isinstance(value, list):
            data[name] = [getattr(item, "pk", item) for item in value]
        elif isinstance(value, models.Model):
            data[name] = value.pk
        elif isinstance(value, bool):
            data[name] = "on" if value else ""
        elif value is None:
            data[name] = ""
        else:
            data[name] = value.isoformat() if isinstance(value, date) else value
    return data


def prefetch_choices(field) -> None:
    """Read a model choice field's queryset once; each row then finds its choice in memory, with the same answer
    (and the same "not one of the available choices" message) as the field's own query would give."""
    rows = {str(obj.pk): obj for obj in field.queryset}

    def to_python(value):
        if value in field.empty_values:
            return None
        try:
            return rows[str(value)]
        except KeyError:
            raise forms.ValidationError(
                field.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
            ) from None

    field.to_python = to_python


def without_repeat_queries(instance, prefetched: set[str]):
    """The instance's own full_clean() without the checks that would ask the database again, row by row, what
    is already known: that the prefetched choices exist (they were read from it) and the check constraints (the
    form's clean methods hold the same rules). The database still enforces both when the import is committed, in
    its one transaction, so a row that slipped through would undo the whole import, never half of it."""
    full_clean = instance.full_clean

    def checked(exclude=None, validate_unique=True, validate_constraints=True):
        return full_clean(
            exclude={*(exclude or ()), *prefetched}, validate_unique=validate_unique, validate_constraints=False
        )

    instance.full_clean = checked
    return instance


def rebind(form, data: dict, instance):
    """The form bound to another row: its fields and querysets are built once for thousands of rows."""
    form.data, form.is_bound, form.instance = data, True, instance
    form._errors, form.cleaned_data = None, {}
    form._bound_fields_cache = {}
    return form


@dataclass
class _Saved:
    """What committing needs of a form that is rebound to the next row: its cleaned data and its instance."""

    cleaned_data: dict
    instance: object
    changed_data: list

    def save(self, commit=True):
        if commit:
            self.instance.save()
        return self.instance


def form_snapshot(form) -> _Saved:
    return _Saved(dict(form.cleaned_data), form.instance, list(form.changed_data))


def flag(value, default: bool) -> str:
    if value is None:
        return "on" if default else ""
    return "on" if value == "true" else ""
