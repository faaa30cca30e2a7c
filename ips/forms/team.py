"""Forms of the work-ability support team around the client: the asiakasvastaava and the support plan."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ips.changes import shown_in_form
from ips.forms.clients import DATE, NamedMultipleChoiceField, in_programme
from ips.forms.fields import dates_in_order, not_in_future
from ips.forms.scoped import (
    OrganisationScopedForm,
    PeopleChoiceField,
    PersonChoiceField,
    ScopedModelChoiceField,
    ScopedModelMultipleChoiceField,
)
from ips.forms.trust import TrustedForm, TrustedModelForm
from ips.models import Goal, Membership, NetworkMeeting, Party, PlanAction, ServiceType, SupportPlan, User
from ips.models.record import consent_missing_message, uncovered_parties


def describe_changes(form, subject: str) -> str:
    """ "Subject: field old → new; ..." for the fields the user changed: the plan's version row."""
    parts = [
        f"{form.fields[name].label}: {shown_in_form(form.fields[name], form.initial.get(name))} → "
        f"{shown_in_form(form.fields[name], form.cleaned_data.get(name))}"
        for name in form.changed_data
        if name in form.fields
    ]
    return f"{subject}: " + "; ".join(parts) if parts else subject


class GoalChoiceField(ScopedModelChoiceField):
    organisation_path = "client__organisation"

    def label_from_instance(self, obj):
        return obj.text


def team_people(team_ids):
    """Everyone working in the teams today: coaches, supervisors and members of other professions."""
    today = timezone.localdate()
    working = Membership.objects.active(today).filter(team__in=team_ids, role__in=Membership.TEAM_ROLES)
    return User.objects.filter(pk__in=working.values("user_id"), is_active=True).order_by("first_name", "last_name")


def member_or_outsider(form, fields, *, missing, both) -> None:
    """Exactly one of (team member field, outside name field) is given; either error goes on the name field."""
    user_field, name_field = fields
    user, name = form.cleaned_data.get(user_field), (form.cleaned_data.get(name_field) or "").strip()
    if user is None and not name and user_field not in form.errors:
        form.add_error(name_field, missing)
    if user is not None and name:
        form.add_error(name_field, both)


class CoordinatorForm(OrganisationScopedForm, TrustedForm):
    """Name the client's asiakasvastaava: a member of the team, or someone outside Polku with their organisation."""

    user = PersonChoiceField(label=_("Team member"), queryset=User.objects.none(), required=False)
    name = forms.CharField(
        label=_("Or someone outside Polku: name"),
        max_length=120,
        required=False,
        help_text=_("E.g. a social instructor of the municipality."),
    )
    organisation_name = forms.CharField(label=_("Their organisation"), max_length=120, required=False)
    on = forms.DateField(label=_("From"), widget=DATE, initial=timezone.localdate)
    reason = forms.CharField(
        label=_("Reason for the change"),
        max_length=200,
        required=False,
        help_text=_("Short, without health details: e.g. the client moved to rehabilitation."),
    )

    def __init__(self, *args, client, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.client, self.current = client, current
        self.fields["user"].queryset = team_people([client.team_id])
        self.fields["user"].empty_label = _("Someone outside Polku")
        self.limit_to_organisations([client.organisation_id])

    def clean_on(self):
        day = not_in_future(self.cleaned_data["on"])
        if self.current is not None and day < self.current.started:
            raise forms.ValidationError(
                _("The current asiakasvastaava started later; give a date from then on."), code="before_current"
            )
        return day

    def clean(self):
        cleaned = super().clean()
        member_or_outsider(
            self,
            ("user", "name"),
            missing=_("Choose a team member or give the name of someone outside Polku."),
            both=_("Choose a team member or give a name, not both."),
        )
        if self.current is not None and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Say why the asiakasvastaava changes: the hand-over is recorded."))
        return cleaned


class SupportPlanForm(TrustedModelForm):
    class Meta:
        model = SupportPlan
        fields = ["agreed_on", "next_review_on"]
        widgets = {"agreed_on": DATE, "next_review_on": DATE}

    def clean_agreed_on(self):
        return not_in_future(self.cleaned_data["agreed_on"])

    def clean(self):
        cleaned = super().clean()
        dates_in_order(
            self, cleaned, "agreed_on", "next_review_on", _("The review cannot be before the plan was agreed.")
        )
        return cleaned


class PlanActionForm(OrganisationScopedForm, TrustedModelForm):
    class Meta:
        model = PlanAction
        fields = ["goal", "text", "responsible_user", "responsible_name", "target_date", "status", "follow_up"]
        widgets = {"target_date": DATE}
        field_classes = {"goal": GoalChoiceField, "responsible_user": PersonChoiceField}

    def __init__(self, *args, client, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = Goal.objects.filter(client=client)
        self.fields["goal"].empty_label = None
        self.fields["responsible_user"].queryset = team_people([client.team_id])
        self.fields["responsible_user"].empty_label = _("An outside party")
        self.limit_to_organisations([client.organisation_id])

    def clean(self):
        cleaned = super().clean()
        member_or_outsider(
            self,
            ("responsible_user", "responsible_name"),
            missing=_("Say who is responsible: a team member or an outside party."),
            both=_("Choose a team member or name an outside party, not both."),
        )
        return cleaned


class GoalsChoiceField(ScopedModelMultipleChoiceField):
    organisation_path = "client__organisation"

    def label_from_instance(self, obj):
        return obj.text


class NetworkMeetingForm(OrganisationScopedForm, TrustedModelForm):
    """A network meeting: refused unless a consent valid on the day covers every outside party named."""

    class Meta:
        model = NetworkMeeting
        fields = ["held_on", "members", "parties", "outside_participants", "agreed", "goals"]
        widgets = {
            "held_on": DATE,
            "members": forms.CheckboxSelectMultiple,
            "parties": forms.CheckboxSelectMultiple,
            "goals": forms.CheckboxSelectMultiple,
        }
        field_classes = {"members": PeopleChoiceField, "parties": NamedMultipleChoiceField, "goals": GoalsChoiceField}

    def __init__(self, *args, client, **kwargs):
        super().__init__(*args, **kwargs)
        self.client = client
        self.fields["held_on"].initial = timezone.localdate
        self.fields["members"].queryset = team_people([client.team_id])
        self.fields["parties"].queryset = Party.objects.filter(active=True)
        self.fields["goals"].queryset = Goal.objects.filter(client=client)
        self.limit_to_organisations([client.organisation_id])

    def clean_held_on(self):
        return not_in_future(self.cleaned_data["held_on"])

    def clean(self):
        cleaned = super().clean()
        day, parties = cleaned.get("held_on"), cleaned.get("parties") or []
        # A meeting is its participants; a date alone records nothing. Fields refused on their own (a member or a
        # party not offered) have their own message and leave no cleaned value: they are not "nobody".
        named = cleaned.get("members") or parties or cleaned.get("outside_participants")
        if not named and not {"members", "parties", "outside_participants"} & set(self.errors):
            message = _("Say who took part: tick a team member or an outside party, or name the outside participants.")
            self.add_error("members", forms.ValidationError(message, code="no_participants"))
        if day and parties:
            missing = uncovered_parties(self.client, parties, day)
            if missing:
                self.add_error("parties", forms.ValidationError(consent_missing_message(missing), code="no_consent"))
        return cleaned


class ServiceChangeForm(TrustedForm):
    """The client's service from a date: work-ability assessment and support, IPS job coaching, or both."""

    BOTH = "both"
    service = forms.ChoiceField(
        label=_("Service"), choices=[*ServiceType.choices, (BOTH, _("Both: assessment and support, and IPS coaching"))]
    )
    on = forms.DateField(label=_("From"), widget=DATE, initial=timezone.localdate)

    def __init__(self, *args, client, **kwargs):
        super().__init__(*args, **kwargs)
        self.client = client

    def clean_on(self):
        day = in_programme(self.cleaned_data["on"], self.client)
        latest = self.client.service_periods.filter(ended__isnull=True).order_by("-started").first()
        if latest is not None and day < latest.started:
            raise forms.ValidationError(_("The current service started later; give a date from then on."))
        return day

    @property
    def services(self) -> list[str]:
        chosen = self.cleaned_data["service"]
        return [ServiceType.ASSESSMENT, ServiceType.IPS] if chosen == self.BOTH else [chosen]
