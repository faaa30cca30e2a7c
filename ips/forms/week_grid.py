"""The week grid: a week's minutes as rows of activity and setting by day, each bad cell told next to it.

A row is (activity, setting) without a client; a cell is that row's minutes on one day, and the save makes the
coach's grid-made entries say so (ips.services.time_entry_grid_save). Each field carries its loaded value in a
hidden twin (`show_hidden_initial`): the save knows which rows the page showed (a row whose activity was changed
gives its old cells up) and, when someone changed the week meanwhile, which cells are theirs.
"""

from datetime import date

from django import forms
from django.http import QueryDict
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ips.forms.trust import STALE_MESSAGE, TrustedForm
from ips.forms.widgets import PlainSelect
from ips.models import MAX_DAY_MINUTES, Setting
from ips.templatetags.polku import duration
from ips.week_sheet import GridKey, WeekSheet

MAX_ROWS = 60
BLANK_ROWS = 3
ROWS_FIELD = "rows"
FINGERPRINT_FIELD = "week_fingerprint"


def posted_row_count(data) -> int:
    """How many rows a POST carries, bounded: a forged count cannot build a huge form."""
    try:
        count = int(data.get(ROWS_FIELD, 0))
    except (TypeError, ValueError):
        return 0
    return max(0, min(count, MAX_ROWS))


def _kind(i):
    return f"r{i}-kind"


def _setting(i):
    return f"r{i}-setting"


def _cell(i, j):
    return f"r{i}-d{j}"


class WeekGridForm(TrustedForm):
    """`rows` are the rows an unbound form shows: (kind id or None, setting, minutes per day)."""

    def __init__(self, data=None, *, sheet: WeekSheet, kinds: list, today: date, rows=()):
        self.sheet, self.kinds, self.today = sheet, {kind.pk: kind for kind in kinds}, today
        self.row_total = posted_row_count(data) if data is not None else min(len(rows), MAX_ROWS)
        initial = {ROWS_FIELD: self.row_total, FINGERPRINT_FIELD: sheet.fingerprint}
        for i, (kind_id, setting, minutes) in enumerate(rows[: self.row_total]):
            initial.update({_kind(i): kind_id, _setting(i): setting})
            initial.update({_cell(i, j): value or None for j, value in enumerate(minutes)})
        super().__init__(data, initial=initial)
        self.fields[ROWS_FIELD] = forms.CharField(widget=forms.HiddenInput, required=False)
        self.fields[FINGERPRINT_FIELD] = forms.CharField(widget=forms.HiddenInput, required=False)
        choices = [("", _("— choose —")), *((kind.pk, kind.name) for kind in kinds)]
        for i in range(self.row_total):
            self.fields[_kind(i)] = forms.TypedChoiceField(
                label=_("Activity, row %(row)d") % {"row": i + 1},
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                show_hidden_initial=True,
                widget=PlainSelect,
            )
            self.fields[_setting(i)] = forms.ChoiceField(
                label=_("Setting, row %(row)d") % {"row": i + 1},
                choices=Setting.choices,
                initial=Setting.OFFICE,
                show_hidden_initial=True,
                widget=PlainSelect,
            )
            for j, day in enumerate(sheet.days):
                self.fields[_cell(i, j)] = forms.IntegerField(
                    label=_("Minutes on %(day)s, row %(row)d") % {"day": date_format(day, "D j.n."), "row": i + 1},
                    required=False,
                    min_value=0,
                    max_value=MAX_DAY_MINUTES,  # written as the input's min and max too
                    # Work is logged once it is done: later days of this week wait for their day.
                    disabled=day > today,
                    show_hidden_initial=True,
                    widget=forms.NumberInput(attrs={"inputmode": "numeric", "size": 4}),
                    error_messages={
                        "min_value": _("Give the minutes as 0 or more."),
                        "max_value": _("A day may hold at most 16 hours (960 minutes); give at most that."),
                        "invalid": _("Give the time as a whole number of minutes."),
                    },
                )

    # --- what the page shows --------------------------------------------------------------------------------

    def grid_rows(self) -> list[dict]:
        return [
            {
                "kind": self[_kind(i)],
                "setting": self[_setting(i)],
                "cells": [self[_cell(i, j)] for j in range(len(self.sheet.days))],
            }
            for i in range(self.row_total)
        ]

    # --- validation -----------------------------------------------------------------------------------------

    def clean(self):
        cleaned = super().clean()
        seen = set()
        day_totals = list(self.sheet.others)
        counted = []  # (row, day) of the cells that count towards a day
        for i in range(self.row_total):
            kind, setting = cleaned.get(_kind(i)), cleaned.get(_setting(i))
            minutes = [cleaned.get(_cell(i, j)) for j in range(len(self.sheet.days))]
            if kind is None:
                if any(minutes):
                    self.add_error(
                        _kind(i), forms.ValidationError(_("Choose the activity of these minutes."), "no_kind")
                    )
                continue
            if setting is None:
                continue  # its own message is next to it
            if (kind, setting) in seen:
                message = _("This activity and setting already have a row above: add the minutes there.")
                self.add_error(_kind(i), forms.ValidationError(message, code="duplicate_row"))
                continue
            seen.add((kind, setting))
            for j, value in enumerate(minutes):
                if value:
                    day_totals[j] += value
                    counted.append((i, j))
        for i, j in counted:
            if day_totals[j] > MAX_DAY_MINUTES:
                message = _("A day may hold at most 16 hours; with the day's other entries this day has %(total)s.")
                self.add_error(
                    _cell(i, j),
                    forms.ValidationError(message, code="day_full", params={"total": duration(day_totals[j])}),
                )
        return cleaned

    # --- what the save does ---------------------------------------------------------------------------------

    def _loaded(self, name):
        """The value the page showed in this field when it was loaded (its hidden twin), cleaned; None if forged."""
        bound = self[name]
        raw = self._widget_data_value(bound.field.hidden_widget(), bound.html_initial_name)
        try:
            return bound.field.clean(raw)
        except forms.ValidationError:
            return None

    def _loaded_key(self, i) -> GridKey | None:
        kind, setting = self._loaded(_kind(i)), self._loaded(_setting(i))
        return (kind, setting) if kind in self.kinds and setting else None

    def _key(self, i) -> GridKey | None:
        kind, setting = self.cleaned_data.get(_kind(i)), self.cleaned_data.get(_setting(i))
        return (kind, setting) if kind is not None and setting else None

    def wanted(self) -> dict[tuple[GridKey, date], int]:
        """The minutes each cell of the rows on the page should hold, for the days that may be logged.

        A row's old activity and setting (when the coach changed them) want nothing: its entries move to the new
        row. Rows the page did not show (added meanwhile elsewhere) are not touched.
        """
        open_days = [(j, day) for j, day in enumerate(self.sheet.days) if day <= self.today]
        wanted = {}
        for i in range(self.row_total):
            if (loaded := self._loaded_key(i)) is not None:
                for _j, day in open_days:
                    wanted.setdefault((loaded, day), 0)
            if (key := self._key(i)) is not None:
                for j, day in open_days:
                    wanted[(key, day)] = self.cleaned_data.get(_cell(i, j)) or 0
        return wanted

    def is_stale(self) -> bool:
        """The week changed since the page was loaded and the save would change it differently."""
        sent = self.cleaned_data.get(FINGERPRINT_FIELD)
        if not sent or sent == self.sheet.fingerprint:
            return False  # no fingerprint (a form not from Polku's pages) or the week as the page showed it
        return any(self.sheet.minutes(key, day) != minutes for (key, day), minutes in self.wanted().items())

    def refused_as_stale(self) -> "WeekGridForm":
        """The form again, on the week as it is now: the coach's input kept, what was saved meanwhile shown next
        to each cell it differs in, rows added meanwhile appended, and a fresh fingerprint (saving again wins)."""
        data = QueryDict(mutable=True)
        data.update(self.data)
        sheet, meanwhile, shown = self.sheet, {}, set()
        for i in range(self.row_total):
            theirs = self._loaded_key(i) or self._key(i)
            shown.update(key for key in (self._loaded_key(i), self._key(i)) if key)
            for j, day in enumerate(sheet.days):
                now = sheet.minutes(theirs, day) if theirs else 0
                if now != (self._loaded(_cell(i, j)) or 0):
                    meanwhile[_cell(i, j)] = now
                data[self.add_initial_prefix(_cell(i, j))] = str(now or "")
        row = self.row_total
        for key, minutes in sheet.grid.items():
            if key in shown or row >= MAX_ROWS:
                continue
            for name, value in ((_kind(row), key[0]), (_setting(row), key[1])):
                data[name] = data[self.add_initial_prefix(name)] = str(value)
            for j, value in enumerate(minutes):
                data[_cell(row, j)] = data[self.add_initial_prefix(_cell(row, j))] = str(value or "")
                if value:
                    meanwhile[_cell(row, j)] = value
            row += 1
        data[ROWS_FIELD] = str(row)
        data[FINGERPRINT_FIELD] = sheet.fingerprint
        form = WeekGridForm(data, sheet=sheet, kinds=list(self.kinds.values()), today=self.today)
        form.full_clean()
        form.add_error(None, forms.ValidationError(STALE_MESSAGE, code="stale"))
        form.saved_meanwhile = {}
        for name, value in meanwhile.items():
            if name in form.fields:
                form.saved_meanwhile[name] = form.fields[name].saved_meanwhile = (
                    str(value) if value else gettext("(empty)")
                )
        return form
