"""The accompanied hand-over (saattaen vaihto) of a client to another service."""

from django import forms
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ips.forms.clients import DATE, NamedChoiceField, in_programme
from ips.forms.fields import check_recent
from ips.forms.trust import TrustedModelForm
from ips.models import MAX_DAY_MINUTES, ClientAssignment, Consent, Destination, HandOver, ServicePeriod, TimeEntry

CONTINUES, CLOSES = "continue", "close"


class HandOverForm(TrustedModelForm):
    """A new hand-over says whether it closes the client's service with Polku; an edit changes its details only
    (the dates of a closed service follow the first meeting, so a closing hand-over keeps its date)."""

    ending = forms.ChoiceField(
        label=_("The client's service with Polku"),
        choices=[
            (CONTINUES, _("Continues beside the new service")),
            (CLOSES, _("Closes on the day of the first meeting")),
        ],
        widget=forms.RadioSelect,
        initial=CONTINUES,
    )

    class Meta:
        model = HandOver
        fields = ["destination", "receiver_name", "receiver_organisation", "first_meeting_on", "attended"]
        widgets = {"first_meeting_on": DATE, "attended": forms.RadioSelect}
        field_classes = {"destination": NamedChoiceField}

    def __init__(self, *args, client, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.client, self.user = client, user
        self.fields["destination"].queryset = Destination.objects.filter(active=True)
        self.fields["first_meeting_on"].initial = timezone.localdate
        if self.instance.pk is not None:
            del self.fields["ending"]
            if self.instance.closes_service:
                del self.fields["first_meeting_on"]
        elif user is not None and client.team_id in user.roles.log_teams:
            # Those who log their work in the client's team (coaches, members) log the hand-over's time with it.
            self.fields["minutes"] = forms.IntegerField(
                label=_("Your time for the hand-over (minutes)"),
                required=False,
                min_value=1,
                max_value=MAX_DAY_MINUTES,
                help_text=_("Logged in your daily log as an accompanied hand-over on the day of the first meeting."),
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            )

    def clean_first_meeting_on(self):
        return in_programme(self.cleaned_data["first_meeting_on"], self.client)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is not None:
            return cleaned
        day, minutes = cleaned.get("first_meeting_on"), cleaned.get("minutes")
        if day is not None and minutes:
            self._check_log(day, minutes)
        if self.client.is_closed:
            raise forms.ValidationError(
                _("The client's service is already closed: reopen it before handing the client over."), code="closed"
            )
        if cleaned.get("ending") == CLOSES and day is not None:
            started = latest_start(self.client)
            if started is not None and day < started:
                self.add_error(
                    "first_meeting_on",
                    forms.ValidationError(
                        _("The client's current service or team started later; closing needs a date from then on."),
                        code="before_service",
                    ),
                )
        return cleaned

    def _check_log(self, day, minutes):
        """The daily log's own rules for the entry the minutes make: recent enough, within the day's hours, and
        (the hand-over kind is network work) the client's valid consent on the day."""
        try:
            check_recent(day)
        except forms.ValidationError as error:
            self.add_error("minutes", error)
            return
        logged = TimeEntry.objects.filter(coach=self.user, date=day).aggregate(total=Sum("minutes", default=0))
        if logged["total"] + minutes > MAX_DAY_MINUTES:
            left = max(MAX_DAY_MINUTES - logged["total"], 0)
            message = ngettext(
                "A day may hold at most 16 hours. You can still log %(left)d minute that day.",
                "A day may hold at most 16 hours. You can still log %(left)d minutes that day.",
                left,
            )
            self.add_error("minutes", forms.ValidationError(message, code="day_full", params={"left": left}))
        if not Consent.objects.filter(client=self.client).valid_on(day).exists():
            self.add_error(
                "minutes",
                forms.ValidationError(
                    _(
                        "Logging the hand-over needs the client's valid consent to exchange information on the day. "
                        "Record it first, or leave the time empty."
                    ),
                    code="no_consent",
                ),
            )

    def save(self, commit=True):
        if self.instance.pk is None:
            self.instance.closes_service = self.cleaned_data["ending"] == CLOSES
        return super().save(commit=commit)


def latest_start(client):
    """The latest start of the client's open service periods and team assignment: closing ends them the day after,
    so it cannot come before it."""
    starts = [
        *ServicePeriod.objects.filter(client=client, ended__isnull=True).values_list("started", flat=True),
        *ClientAssignment.objects.filter(client=client, ended__isnull=True).values_list("started", flat=True),
    ]
    return max(starts, default=None)
