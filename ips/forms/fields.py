"""Form pieces every app uses against input no person means: ids past the database's range, years like 9999."""

from datetime import date

from django import forms
from django.db import connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

EARLIEST_DATE = date(1900, 1, 1)
YEARS_AHEAD = 20


def latest_date() -> date:
    return date(timezone.localdate().year + YEARS_AHEAD, 12, 31)


def within_calendar(day):
    """Refuse years such as 0001 and 9999: follow-up plans and report periods count days and months from a date."""
    latest = latest_date()
    if day is not None and not EARLIEST_DATE <= day <= latest:
        raise forms.ValidationError(
            _("Check the year: give a date between %(first)s and %(last)s."),
            code="out_of_range",
            params={"first": EARLIEST_DATE.year, "last": latest.year},
        )


def refuse_end_before_start(form, data, start: str, end: str, message) -> None:
    """Put `message` on the `end` field when both dates are given and the end falls before the start."""
    if data.get(start) and data.get(end) and data[end] < data[start]:
        form.add_error(end, message)


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, refusing ids beyond the database's integer range (the `in` lookup would crash on them)."""

    def _check_values(self, value):
        meta = self.queryset.model._meta
        key = meta.get_field(self.to_field_name) if self.to_field_name else meta.pk
        if isinstance(key, models.IntegerField):
            low, high = connection.ops.integer_field_range(key.get_internal_type())
            for item in value:
                try:
                    number = int(item)
                except (TypeError, ValueError):
                    continue  # Django's own check refuses it with its message
                if not (low is None or low <= number) or not (high is None or number <= high):
                    raise forms.ValidationError(
                        self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": item}
                    )
        return super()._check_values(value)
