"""The accompanied hand-over (saattaen vaihto) of a client to another service."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ips.forms.clients import DATE, NamedChoiceField, not_in_future
from ips.forms.trust import TrustedModelForm
from ips.models import ClientAssignment, Destination, HandOver, ServicePeriod

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

    def __init__(self, *args, client, **kwargs):
        super().__init__(*args, **kwargs)
        self.client = client
        self.fields["destination"].queryset = Destination.objects.filter(active=True)
        self.fields["first_meeting_on"].initial = timezone.localdate
        if self.instance.pk is not None:
            del self.fields["ending"]
            if self.instance.closes_service:
                del self.fields["first_meeting_on"]

    def clean_first_meeting_on(self):
        day = not_in_future(self.cleaned_data["first_meeting_on"])
        if self.client.programme_entry and day < self.client.programme_entry:
            raise forms.ValidationError(_("The date is before the client's programme entry."), code="before_entry")
        return day

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is not None:
            return cleaned
        if self.client.is_closed:
            raise forms.ValidationError(
                _("The client's service is already closed: reopen it before handing the client over."), code="closed"
            )
        day = cleaned.get("first_meeting_on")
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
