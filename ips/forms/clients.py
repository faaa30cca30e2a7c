"""Forms of the client's record: referral intake and decision, details, stage, consent, goals, profile, closure."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ips.forms.fields import ModelMultipleChoiceField, dates_in_order, model_bounds, not_in_future, within_calendar
from ips.forms.scoped import OrganisationScopedForm, PersonChoiceField, ScopedModelChoiceField
from ips.forms.trust import TrustedForm, TrustedModelForm
from ips.models import (
    ESF_CHARACTERISTICS,
    ESF_EXIT_RESULTS,
    KYKYVIISARI_AREA_FIELDS,
    OPEN_STAGES,
    Client,
    ClientTreatmentTeam,
    Consent,
    Goal,
    KykyviisariScore,
    Membership,
    Outcome,
    Party,
    Referral,
    ReferralSource,
    SatisfactionAnswer,
    ServiceType,
    Stage,
    TargetGroup,
    Team,
    User,
    VocationalProfile,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class NamedChoiceField(forms.ModelChoiceField):
    """Choices from a three-language list, labelled in the reader's language."""

    def label_from_instance(self, obj):
        return obj.name


class NamedMultipleChoiceField(ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


def in_programme(day, client):
    """A day of the client's past in Polku: not in the future, not before the client's programme entry."""
    day = not_in_future(day)
    if client.programme_entry and day < client.programme_entry:
        raise forms.ValidationError(_("The date is before the client's programme entry."), code="before_entry")
    return day


def team_coaches(team_ids):
    return (
        User.objects.filter(
            memberships__team__in=team_ids, memberships__role=Membership.Role.COACH, memberships__ended__isnull=True
        )
        .distinct()
        .order_by("first_name", "last_name")
    )


class ReferralForm(OrganisationScopedForm, TrustedModelForm):
    class Meta:
        model = Referral
        fields = [
            "team",
            "source",
            "referred_on",
            "referrer_organisation",
            "referrer_contact",
            "first_name",
            "last_name",
            "birth_year",
            "municipality",
        ]
        widgets = {"referred_on": DATE, "birth_year": forms.NumberInput(attrs={"inputmode": "numeric"})}
        formfield_callback = model_bounds()
        # The team chosen fixes the referral's organisation: only the user's own teams are offered.
        field_classes = {"source": NamedChoiceField, "team": ScopedModelChoiceField}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.filter(pk__in=user.roles.client_team_ids)
        self.fields["team"].empty_label = None
        self.fields["source"].queryset = ReferralSource.objects.filter(active=True)
        self.limit_to_organisations(user.roles.organisations_of(user.roles.client_team_ids))
        self.fields["first_name"].required = self.fields["last_name"].required = True
        self.fields["referred_on"].initial = timezone.localdate()

    def clean_referred_on(self):
        return not_in_future(self.cleaned_data["referred_on"])


class ReferralAcceptForm(OrganisationScopedForm, TrustedForm):
    accepted_on = forms.DateField(label=_("Programme entry date"), widget=DATE, initial=timezone.localdate)
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    coach = PersonChoiceField(label=_("Coach"), queryset=User.objects.none(), required=False)
    service_type = forms.ChoiceField(label=_("Service"), choices=ServiceType.choices, initial=ServiceType.IPS)

    def __init__(self, *args, referral, **kwargs):
        super().__init__(*args, **kwargs)
        self.referral = referral
        self.fields["coach"].queryset = team_coaches([referral.team_id])
        self.limit_to_organisations([referral.team.organisation_id])

    def clean_accepted_on(self):
        day = not_in_future(self.cleaned_data["accepted_on"])
        if day < self.referral.referred_on:
            raise forms.ValidationError(_("The programme cannot start before the referral date."), code="early")
        return day


class ReferralDeclineForm(TrustedForm):
    declined_on = forms.DateField(label=_("Decision date"), widget=DATE, initial=timezone.localdate)
    reason = forms.ChoiceField(label=_("Reason for declining"), choices=Referral.DeclineReason.choices)
    note = forms.CharField(
        label=_("Note on declining"),
        max_length=200,
        required=False,
        help_text=_("Short, without a name or health details."),
    )

    def clean_declined_on(self):
        return not_in_future(self.cleaned_data["declined_on"])


class ClientForm(OrganisationScopedForm, TrustedModelForm):
    """The client's details; changing the team or coach is recorded as a new assignment."""

    class Meta:
        model = Client
        fields = [
            "first_name",
            "last_name",
            "team",
            "coach",
            "next_step",
            "birth_year",
            "birth_year_declined",
            "gender",
            "municipality",
            "language",
            "labour_market_status",
            "education_level",
            "out_of_work_at_referral",
            "target_groups",
            "treatment_team",
            *(name for name, _label in ESF_CHARACTERISTICS),
        ]
        widgets = {
            "target_groups": forms.CheckboxSelectMultiple,
            "birth_year": forms.NumberInput(attrs={"inputmode": "numeric"}),
        }
        formfield_callback = model_bounds()
        field_classes = {
            "target_groups": NamedMultipleChoiceField,
            "team": ScopedModelChoiceField,
            "coach": PersonChoiceField,
            "treatment_team": ScopedModelChoiceField,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.filter(pk__in=user.roles.client_team_ids)
        self.fields["team"].empty_label = None
        self.fields["coach"].queryset = team_coaches(user.roles.client_team_ids)
        self.fields["target_groups"].queryset = TargetGroup.objects.filter(active=True)
        # A user with roles in two organisations may not move the client into the other one's team.
        self.limit_to_organisations([self.instance.organisation_id])

    def clean(self):
        cleaned = super().clean()
        team, coach = cleaned.get("team"), cleaned.get("coach")
        if team and coach and not team_coaches([team.pk]).filter(pk=coach.pk).exists():
            self.add_error("coach", _("This coach does not work in the chosen team."))
        if cleaned.get("birth_year_declined") and cleaned.get("birth_year"):
            self.add_error("birth_year", _("Leave the birth year empty when the client does not want to say it."))
        if "treatment_team" in self.changed_data and self._treatment_team_move_ahead():
            self.add_error(
                "treatment_team",
                _("A move to another treatment team is set for a later day; the organisation admin can change it."),
            )
        return cleaned

    def _treatment_team_move_ahead(self) -> bool:
        """A change here starts today (ips.staff.client_treatment_team_move), which cannot precede a later start."""
        later = ClientTreatmentTeam.objects.filter(client=self.instance, started__gt=timezone.localdate())
        return self.instance.pk is not None and later.exists()


class StageChangeForm(TrustedForm):
    stage = forms.ChoiceField(label=_("New stage"), choices=[c for c in Stage.choices if c[0] != Stage.CLOSED])
    changed_on = forms.DateField(label=_("Date"), widget=DATE, initial=timezone.localdate)

    def __init__(self, *args, client, **kwargs):
        super().__init__(*args, **kwargs)
        self.client = client
        if client.stage in OPEN_STAGES[:-1]:
            self.fields["stage"].initial = OPEN_STAGES[OPEN_STAGES.index(client.stage) + 1]

    def clean_changed_on(self):
        day = in_programme(self.cleaned_data["changed_on"], self.client)
        if day < self.client.stage_since:
            raise forms.ValidationError(_("The date is before the current stage began."), code="before_stage")
        return day

    def clean_stage(self):
        stage = self.cleaned_data["stage"]
        if stage == self.client.stage:
            raise forms.ValidationError(_("The client is already in this stage."), code="same")
        return stage


class ClosureForm(TrustedModelForm):
    class Meta:
        model = Client
        fields = ["closed_on", "outcome", "closure_reason", "satisfaction", *(n for n, _label in ESF_EXIT_RESULTS)]
        widgets = {
            "closed_on": DATE,
            "satisfaction": forms.NumberInput(attrs={"inputmode": "numeric"}),
        }
        formfield_callback = model_bounds()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["closed_on"].required = True
        self.fields["outcome"].required = True
        self.fields["closed_on"].initial = timezone.localdate()

    def clean_closed_on(self):
        return in_programme(self.cleaned_data["closed_on"], self.instance)

    def clean(self):
        cleaned = super().clean()
        # The outcome already says so: a job in the open labour market is employment at leaving, and so on.
        implied = {Outcome.OPEN_MARKET_JOB: "exit_employed", Outcome.EDUCATION: "exit_in_education"}
        if cleaned.get("outcome") in implied:
            cleaned[implied[cleaned["outcome"]]] = True
        return cleaned


class FollowUpForm(TrustedModelForm):
    """The ESF+ six-month follow-up of a client who has left."""

    class Meta:
        model = Client
        fields = ["followup_on", "followup_result"]
        widgets = {"followup_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["followup_on"].required = self.fields["followup_result"].required = True
        self.fields["followup_on"].initial = timezone.localdate()

    def clean_followup_on(self):
        day = not_in_future(self.cleaned_data["followup_on"])
        if self.instance.closed_on and day < self.instance.closed_on:
            raise forms.ValidationError(_("The follow-up cannot be before the client left."), code="before_closure")
        return day


class SatisfactionForm(TrustedModelForm):
    """One round of the satisfaction survey."""

    class Meta:
        model = SatisfactionAnswer
        fields = ["answered_on", "score"]
        widgets = {
            "answered_on": DATE,
            "score": forms.NumberInput(attrs={"inputmode": "numeric"}),
        }
        formfield_callback = model_bounds()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answered_on"].initial = timezone.localdate()

    def clean_answered_on(self):
        return not_in_future(self.cleaned_data["answered_on"])


class ConsentForm(TrustedModelForm):
    class Meta:
        model = Consent
        fields = ["given_on", "parties", "scope", "valid_until", "withdrawn_on"]
        widgets = {
            "given_on": DATE,
            "valid_until": DATE,
            "withdrawn_on": DATE,
            "parties": forms.CheckboxSelectMultiple,
        }
        field_classes = {"parties": NamedMultipleChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["given_on"].initial = timezone.localdate()
        self.fields["parties"].queryset = Party.objects.filter(active=True)

    def clean_given_on(self):
        return not_in_future(self.cleaned_data["given_on"])

    def clean(self):
        cleaned = super().clean()
        dates_in_order(self, cleaned, "given_on", "withdrawn_on", _("Consent cannot be withdrawn before it was given."))
        dates_in_order(self, cleaned, "given_on", "valid_until", _("Consent cannot end before it was given."))
        if "parties" in self.fields and not cleaned.get("parties") and not (cleaned.get("scope") or "").strip():
            self.add_error("parties", _("Say with whom information may be exchanged."))
        return cleaned


class GoalForm(TrustedModelForm):
    class Meta:
        model = Goal
        fields = ["text", "status", "set_on", "target_date", "closed_on"]
        widgets = {"set_on": DATE, "target_date": DATE, "closed_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["set_on"].initial = timezone.localdate()
        self.fields["set_on"].validators += [within_calendar, not_in_future]
        self.fields["target_date"].validators.append(within_calendar)
        self.fields["closed_on"].validators += [within_calendar, not_in_future]

    def clean(self):
        cleaned = super().clean()
        dates_in_order(self, cleaned, "set_on", "target_date", _("The target date cannot be before the goal was set."))
        dates_in_order(self, cleaned, "set_on", "closed_on", _("A goal cannot be closed before it was set."))
        return cleaned


class VocationalProfileForm(TrustedModelForm):
    class Meta:
        model = VocationalProfile
        fields = ["preferences", "strengths", "work_history"]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in fields}


SCORE_INPUT = forms.NumberInput(attrs={"step": "0.1", "inputmode": "decimal"})


class KykyviisariForm(TrustedModelForm):
    """A measurement: the general score, and the area scores the client answered (each may stay empty)."""

    class Meta:
        model = KykyviisariScore
        fields = ["measured_on", "score", "kind", *KYKYVIISARI_AREA_FIELDS]
        widgets = {"measured_on": DATE, "score": SCORE_INPUT} | dict.fromkeys(KYKYVIISARI_AREA_FIELDS, SCORE_INPUT)
        formfield_callback = model_bounds()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measured_on"].initial = timezone.localdate()

    def clean_measured_on(self):
        return not_in_future(self.cleaned_data["measured_on"])
