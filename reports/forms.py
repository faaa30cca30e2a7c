from datetime import date, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ips.forms.fields import within_calendar
from ips.forms.trust import OneTimeSubmitMixin
from reports.metrics import Period, add_months
from reports.scopes import may_unsuppress

# Bounds the number of quarters, and so the size of the one-query-per-figure aggregates.
MAX_YEARS = 5


def default_period(today: date | None = None) -> Period:
    """The last twelve months, today included."""
    today = today or timezone.localdate()
    return Period(add_months(today, -12) + timedelta(days=1), today)


class PeriodForm(forms.Form):
    """A period of whole days: each end within the calendar, the end not before the start, at most five years.
    What the query string leaves out comes from `default` (a bare visit shows the default period)."""

    start = forms.DateField(
        label=_("From"), widget=forms.DateInput(attrs={"type": "date"}), validators=[within_calendar]
    )
    end = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}), validators=[within_calendar])

    def __init__(self, data, *, default: Period, other_initial=None, **kwargs):
        initial = {"start": default.start, "end": default.end, **(other_initial or {})}
        merged = {**{key: str(value) for key, value in initial.items()}, **{k: v for k, v in data.items() if v}}
        super().__init__(merged, **kwargs)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("The end date must not be before the start date."))
            elif end > add_months(start, 12 * MAX_YEARS):
                self.add_error("end", _("Choose a period of at most five years."))
        return data

    @property
    def period(self) -> Period:
        return Period(self.cleaned_data["start"], self.cleaned_data["end"])


class ReportForm(PeriodForm):
    scope = forms.ChoiceField(label=_("Whose figures"))
    field_order = ["scope", "start", "end"]

    def __init__(self, data, *, choices, **kwargs):
        scope = choices[0].value if choices else ""
        super().__init__(data, default=default_period(), other_initial={"scope": scope}, **kwargs)
        self.choices = {choice.value: choice for choice in choices}
        self.fields["scope"].choices = [(choice.value, choice.label) for choice in choices]

    @property
    def choice(self):
        return self.choices[self.cleaned_data["scope"]]


class WorkbookForm(OneTimeSubmitMixin, ReportForm):
    suppress = forms.BooleanField(
        label=_("Hide small counts (1–4) and what would give them back"),
        required=False,
        help_text=_("Keep this on for workbooks that leave the organisation."),
    )

    def __init__(self, data, *, user, **kwargs):
        # An unticked checkbox is absent from the query string, so suppression is on only for a bare request.
        if "suppress" not in data and "start" not in data:
            # .dict(): unpacking a QueryDict with ** would copy its value lists, not its values.
            data = {**(data.dict() if hasattr(data, "dict") else data), "suppress": "on"}
        super().__init__(data, **kwargs)
        self.user = user
        # Turning suppression off is a right of its own, per organisation: without it there is nothing to untick.
        if not any(may_unsuppress(user, choice.scope) for choice in self.choices.values()):
            del self.fields["suppress"]

    @property
    def suppressed(self) -> bool:
        """Suppression stays on unless the user may turn it off for the chosen scope and did."""
        if "suppress" not in self.fields or not may_unsuppress(self.user, self.choice.scope):
            return True
        return self.cleaned_data["suppress"]
