"""The daily-log form: every rule a coach can break gets a message next to the field, in their language."""

from django import forms
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ips.forms.client_picker import ClientPicker, ClientPickerField
from ips.forms.clients import NamedChoiceField
from ips.forms.fields import check_recent, model_bounds
from ips.forms.scoped import OrganisationScopedForm
from ips.forms.trust import TrustedModelForm
from ips.forms.widgets import ModelChoices, PlainSelect, use_plain_inputs
from ips.models import MAX_DAY_MINUTES, OPEN_STAGES, ActivityKind, Client, Consent, TimeEntry


class KindChoiceField(NamedChoiceField):
    iterator = ModelChoices


class TimeEntryForm(OrganisationScopedForm, TrustedModelForm):
    class Meta:
        model = TimeEntry
        fields = ["date", "minutes", "kind", "setting", "client", "note"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "minutes": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "note": forms.TextInput(attrs={"maxlength": 200, "autocomplete": "off"}),
            "kind": PlainSelect,
            "setting": PlainSelect,
            "client": ClientPicker,
        }
        field_classes = {"client": ClientPickerField, "kind": KindChoiceField}
        # One entry holds what a day may: the field's bounds are also the input's min and max.
        formfield_callback = model_bounds(minutes=(1, MAX_DAY_MINUTES))
        error_messages = {
            "minutes": {
                "min_value": _("Give the time in minutes, at least 1."),
                "max_value": _("A day may hold at most 16 hours (960 minutes); give at most that."),
                "invalid": _("Give the time as a whole number of minutes."),
            },
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["kind"].queryset = ActivityKind.objects.filter(active=True)
        self.fields["kind"].empty_label = None
        # Only clients the coach may see are valid choices: anything else is "not one of the available choices".
        clients = Client.objects.visible_to(user)
        current = Q(pk=self.instance.client_id) if self.instance.client_id else Q(pk__in=[])
        self.fields["client"].queryset = clients.filter(Q(stage__in=OPEN_STAGES) | current).order_by("code")
        self.fields["client"].empty_label = _("No client")
        # The select (what a browser without JavaScript offers) holds the coach's own clients; the search the team's.
        self.fields["client"].offer_in_select(Q(coach=user))
        # An entry counts for a team the coach works in, so its client is of that team's organisation: the entry's
        # own when it is corrected, else one where the coach has a team (a supervisor of another organisation's
        # team sees its clients, but cannot file work about them under their own team).
        roles = user.roles
        teams = {self.instance.team_id} if self.instance.team_id else roles.log_teams
        self.limit_to_organisations(roles.organisations_of(teams) or self._organisation_of_team())
        use_plain_inputs(self)  # rendered with every Today and quick add

    def _get_validation_exclusions(self):
        """The model's own checks of these fields repeat the form's, a query each, on every quick add: the kind and
        the client come from the fields' (narrower) querysets, and the minutes field's own bounds are narrower than
        the time_entry_minutes_in_day constraint, which the database still enforces."""
        return super()._get_validation_exclusions() | {"kind", "client", "minutes"}

    def logged_on(self, day) -> int:
        """Minutes the coach has already logged that day (other than this entry). An import of many rows answers
        from one read of the file's days instead (employers/imports/checking.py)."""
        return (
            TimeEntry.objects.filter(coach=self.user, date=day)
            .exclude(pk=self.instance.pk)
            .aggregate(total=Sum("minutes", default=0))["total"]
        )

    def has_consent(self, client, day) -> bool:
        return Consent.objects.filter(client=client).valid_on(day).exists()

    def _organisation_of_team(self):
        return [self.instance.team.organisation_id] if self.instance.team_id else []

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date is in the future. Log work once it is done."), code="future")
        # The same rule as employer contacts: a correction keeps an old entry's own date.
        check_recent(day, kept=self.instance.date if self.instance.pk else None)
        return day

    def clean(self):
        cleaned = super().clean()
        day, minutes, client, kind = (cleaned.get(k) for k in ("date", "minutes", "client", "kind"))
        if day and client and client.programme_entry and day < client.programme_entry:
            self.add_error(
                "date",
                forms.ValidationError(
                    _("The client entered the programme on %(entry)s; log work from that day on."),
                    code="before_entry",
                    params={"entry": date_format(client.programme_entry, "SHORT_DATE_FORMAT")},
                ),
            )
        if day and minutes:
            logged = self.logged_on(day)
            if logged + minutes > MAX_DAY_MINUTES:
                left = max(MAX_DAY_MINUTES - logged, 0)
                self.add_error(
                    "minutes",
                    forms.ValidationError(
                        ngettext(
                            "A day may hold at most 16 hours. You can still log %(left)d minute that day.",
                            "A day may hold at most 16 hours. You can still log %(left)d minutes that day.",
                            left,
                        ),
                        code="day_full",
                        params={"left": left},
                    ),
                )
        needs_consent = kind and kind.needs_consent and client and day
        if needs_consent and not self.has_consent(client, day):
            self.add_error(
                "client",
                forms.ValidationError(
                    _("Network work needs the client's valid consent to exchange information. Record it first."),
                    code="no_consent",
                ),
            )
        return cleaned
