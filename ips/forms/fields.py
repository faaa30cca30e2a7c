"""Form pieces every app uses against input no person means: ids past the database's range, years like 9999."""

from datetime import date, timedelta

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection, models
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

EARLIEST_DATE = date(1900, 1, 1)
YEARS_AHEAD = 20
# A date typed this long ago is more likely a wrong year than late paperwork: the form asks to check it.
CHECK_DATE_AFTER_DAYS = 366

# The empty choice of every select, in the user's language, instead of Django's "---------".
EMPTY_CHOICE_LABEL = _("— choose —")


def use_choose_label() -> None:
    """Make EMPTY_CHOICE_LABEL the default empty choice of model choice fields and of model fields' choices.

    Called once from IpsConfig.ready: Django has no setting for it, and the alternative is an empty_label on every
    field of every form (django-filter's own default is FILTERS_EMPTY_CHOICE_LABEL in the settings).
    """
    forms.ModelChoiceField.__init__.__kwdefaults__["empty_label"] = EMPTY_CHOICE_LABEL
    # Field.get_choices and formfield() default to this very list object.
    models.BLANK_CHOICE_DASH[0] = ("", EMPTY_CHOICE_LABEL)


def model_bounds(**bounds):
    """A ModelForm's `formfield_callback` that holds each number field to the model field's declared bounds (or the
    (low, high) given here by field name) on the form field itself.

    Django writes the form field's min_value and max_value as the input's min and max, so the browser and the
    server then tell one rule. Without it, a PositiveSmallIntegerField says min 0 to the browser (and updates any
    min given in Meta.widgets to it) while its model validators refuse 0 with another message.
    """

    def formfield(db_field, **kwargs):
        if isinstance(db_field, (models.IntegerField, models.DecimalField, models.FloatField)):
            declared = db_field._validators  # the model's own, not the database's integer range
            low = next((v.limit_value for v in declared if isinstance(v, MinValueValidator)), None)
            high = next((v.limit_value for v in declared if isinstance(v, MaxValueValidator)), None)
            low, high = bounds.get(db_field.name, (low, high))
            if low is not None:
                kwargs.setdefault("min_value", low)
            if high is not None:
                kwargs.setdefault("max_value", high)
        return db_field.formfield(**kwargs)

    return formfield


def check_recent(day, *, kept=None):
    """Refuse a date more than CHECK_DATE_AFTER_DAYS ago, unless it is the one a corrected record already has."""
    if day is not None and day != kept and day < timezone.localdate() - timedelta(days=CHECK_DATE_AFTER_DAYS):
        raise forms.ValidationError(_("The date is more than a year ago. Check the year."), code="too_old")


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


def not_in_future(day):
    if day and day > timezone.localdate():
        raise forms.ValidationError(_("The date cannot be in the future."), code="future")
    return day


def dates_in_order(form, cleaned, earlier: str, later: str, message) -> None:
    """The date in `later` may not be before the one in `earlier` (either may be empty): else `message` on `later`."""
    first, then = cleaned.get(earlier), cleaned.get(later)
    if first and then and then < first:
        form.add_error(later, message)


class DecimalField(forms.DecimalField):
    """Django's field, its limits said in the user's number format ("at least 0,05" in Finnish and Swedish): Django's
    range validators put the limit into the message as Python writes it."""

    def run_validators(self, value):
        try:
            super().run_validators(value)
        except forms.ValidationError as error:
            for each in error.error_list:
                if each.params and "limit_value" in each.params:
                    each.params["limit_value"] = number_format(each.params["limit_value"])
            raise


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
