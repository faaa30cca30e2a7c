"""All validation of what coaches type about employers, contacts and jobs, in the user's language."""

from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from employers.models import ContactPerson, Employer, EmployerContact, Job
from employers.models.jobs import MAX_HOURS_PER_WEEK
from employers.validators import normalise_business_id, normalise_phone
from ips.forms.client_picker import ClientPickerField
from ips.forms.fields import check_recent, dates_in_order, model_bounds, not_in_future, within_calendar
from ips.forms.scoped import OrganisationScopedForm, PersonChoiceField, ScopedModelChoiceField
from ips.forms.trust import TrustedModelForm
from ips.forms.widgets import use_plain_inputs, use_plain_select
from ips.models import Client, Membership, Stage, User
from ips.models.record import consent_missing_message, employers_uncovered


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _coaches_of(organisation):
    return (
        User.objects.filter(
            memberships__organisation=organisation,
            memberships__role__in=[Membership.Role.COACH, Membership.Role.SUPERVISOR],
            memberships__ended__isnull=True,
        )
        .distinct()
        .order_by("first_name", "last_name")
    )


def _link_to(field, employer) -> None:
    """Show a link to an employer already in the register next to the field (includes/field.html)."""
    field.see_also = {
        "url": reverse("employers:employer_detail", args=[employer.uuid]),
        "label": gettext("Open %(name)s") % {"name": employer.name},
    }


class EmployerForm(OrganisationScopedForm, TrustedModelForm):
    # Shown only with the warning about an employer of the same name: a chain's two shops may share one.
    same_name = forms.BooleanField(
        label=_("This is another employer with the same name: save it anyway"), required=False, widget=forms.HiddenInput
    )

    class Meta:
        model = Employer
        fields = [
            "name",
            "same_name",
            "business_id",
            "industry",
            "municipality",
            "address",
            "status",
            "responsible_coach",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        field_classes = {"responsible_coach": PersonChoiceField}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["responsible_coach"].queryset = _coaches_of(organisation)
        self.limit_to_organisations([organisation.pk])

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def _same_name(self, name, business_id):
        """An employer of the organisation with this name (but for case and spacing), unless both have a business
        ID and they differ: then they are two legal persons, not one typed twice."""
        others = Employer.objects.filter(organisation=self.organisation).named_like(name)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if business_id:
            others = others.filter(Q(business_id="") | Q(business_id=business_id))
        return others.only("uuid", "name").order_by("pk").first()

    def clean(self):
        cleaned = super().clean()
        name = cleaned.get("name")
        if not name or cleaned.get("same_name") or not self._renamed(name):
            return cleaned
        if existing := self._same_name(name, cleaned.get("business_id")):
            message = _(
                "%(name)s is already in your organisation's employer register. Open it, or tick the box below if this "
                "is another employer with the same name."
            )
            self.add_error("name", forms.ValidationError(message, code="same_name", params={"name": existing.name}))
            _link_to(self.fields["name"], existing)
            self.fields["same_name"].widget = forms.CheckboxInput()
        return cleaned

    def _renamed(self, name) -> bool:
        """A new employer, or a name changed by more than case and spacing (two already alike stay as they are)."""
        return self.instance.pk is None or name.casefold() != " ".join(self.instance.name.split()).casefold()

    def clean_business_id(self):
        value = self.cleaned_data["business_id"].strip()
        if not value:
            return ""
        value = normalise_business_id(value)
        existing = Employer.objects.filter(organisation=self.organisation, business_id=value)
        if self.instance.pk:
            existing = existing.exclude(pk=self.instance.pk)
        if duplicate := existing.first():
            _link_to(self.fields["business_id"], duplicate)
            raise forms.ValidationError(
                _("%(name)s already has this business ID in your organisation's employer register."),
                code="duplicate",
                params={"name": duplicate.name},
            )
        return value

    def save(self, commit=True):
        self.instance.organisation = self.organisation
        return super().save(commit)


class ContactPersonForm(TrustedModelForm):
    class Meta:
        model = ContactPerson
        fields = ["name", "role", "phone", "email", "active"]
        widgets = {"phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            del self.fields["active"]  # a new person is a current one; the choice is for correcting later

    def clean_phone(self):
        phone = self.cleaned_data["phone"]
        return normalise_phone(phone) if phone else ""


class ContactPersonChoiceField(ScopedModelChoiceField):
    organisation_path = "employer__organisation"


PREFERENCE_CHOICES = [("", _("Not stated")), ("true", _("Yes")), ("false", _("No"))]


class EmployerContactForm(OrganisationScopedForm, TrustedModelForm):
    """A contact with an employer; the client list holds only clients the coach may see.

    With an instance it corrects a recorded contact: the employer stays, and so do the coach who recorded it and
    the team it counts for (unless the client changes); the contact's own client and person stay choosable even
    when the client has since closed or the person is no longer a contact.
    """

    client = ClientPickerField(
        queryset=Client.objects.none(),
        required=False,
        label=_("Client"),
        help_text=_("Only when the contact was about one client."),
    )
    matches_client_preferences = forms.TypedChoiceField(
        label=_("Matches the client's preferences"),
        choices=PREFERENCE_CHOICES,
        coerce=lambda value: value in (True, "true"),
        empty_value=None,
        required=False,
        help_text=_("Was this employer chosen because of the client's own job preferences?"),
    )

    class Meta:
        model = EmployerContact
        fields = [
            "employer",
            "date",
            "face_to_face",
            "minutes",
            "purpose",
            "contact_person",
            "client",
            "matches_client_preferences",
            "about_competitive_job",
            "outcome",
            "next_step",
            "next_step_on",
        ]
        widgets = {
            "date": DateInput(),
            "next_step_on": DateInput(),
            "minutes": forms.NumberInput(attrs={"inputmode": "numeric"}),
        }
        field_classes = {"employer": ScopedModelChoiceField, "contact_person": ContactPersonChoiceField}
        formfield_callback = model_bounds()

    def __init__(self, *args, user, employer=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fixed_employer = employer
        current = self.instance
        offered_clients, offered_persons = ~Q(stage=Stage.CLOSED), Q(active=True)
        if current.client_id:
            offered_clients |= Q(pk=current.client_id)
        if current.contact_person_id:
            offered_persons |= Q(pk=current.contact_person_id)
        self.fields["client"].queryset = (
            Client.objects.visible_to(user)
            .filter(offered_clients)
            .order_by("code")
            .only("pk", "code", "uuid", "organisation_id", "team_id", "first_name", "last_name", "anonymised_on")
        )
        # "CODE · First L." of the user's own teams' clients: the coach's own in the select, the team's by search.
        self.fields["client"].offer_in_select(Q(coach=user))
        if employer is not None:
            del self.fields["employer"]
            self.fields["contact_person"].queryset = employer.contact_persons.filter(offered_persons)
        else:
            self.fields["employer"].queryset = Employer.objects.visible_to(user).only("pk", "name", "organisation_id")
            # Without a known employer the contact person list would mix every employer's people.
            self.fields.pop("contact_person", None)
        # The contact belongs to the employer's organisation; without a fixed employer the one chosen decides, and
        # its client must be of the same organisation (a user may work in teams of two).
        roles = user.roles
        self.limit_to_organisations(
            [employer.organisation_id] if employer is not None else roles.organisations_of(roles.team_ids)
        )
        self.fields["date"].initial = timezone.localdate
        self.fields["minutes"].initial = 60

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("A contact cannot be in the future. Plan it as a next step instead."))
        # An old contact being corrected keeps its date; only a date typed now is checked for a wrong year.
        check_recent(day, kept=self.instance.date)
        return day

    def clean(self):
        data = super().clean()
        if data.get("matches_client_preferences") is not None and not data.get("client"):
            self.add_error(
                "matches_client_preferences", _("Choose the client first: this only applies to a client's contact.")
            )
        if data.get("about_competitive_job") and not data.get("client"):
            self.add_error(
                "about_competitive_job", _("Choose the client first: this only applies to a client's contact.")
            )
        dates_in_order(self, data, "date", "next_step_on", _("The next step cannot be before the contact."))
        day = data.get("date")
        client = data.get("client")
        # An IPS coach talks to employers about a client only with the client's consent to do so.
        # (Checked when the contact is recorded or its client or date changes: an old contact is not re-judged.)
        recorded_now = not self.instance.pk or {"client", "date"} & set(self.changed_data)
        if client is not None and day and recorded_now:
            missing = employers_uncovered(client, day)
            if missing:
                self.add_error("client", forms.ValidationError(consent_missing_message(missing), code="no_consent"))
        return data

    def save(self, commit=True):
        contact = super().save(commit=False)
        if self.fixed_employer is not None:
            contact.employer = self.fixed_employer
        if contact.coach_id is None:
            contact.coach = self.user
            contact.team_id = contact_team_id(self.user, contact.client, contact.employer.organisation_id)
        elif "client" in self.changed_data:
            # A correction of the client follows the rule of recording: the team of the coach who recorded it.
            contact.team_id = (
                contact_team_id(contact.coach, contact.client, contact.employer.organisation_id) or contact.team_id
            )
        if commit:
            contact.save()
        return contact


class QuickContactForm(EmployerContactForm):
    """The Today page's short version: what a coach types on a phone between two visits."""

    class Meta(EmployerContactForm.Meta):
        fields = ["employer", "date", "face_to_face", "minutes", "purpose", "client", "matches_client_preferences"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Rendered with every Today: the selects written out in Python, not with two includes per option (the
        # client picker is a search: ips/forms/client_picker.py).
        for name in ("employer", "purpose", "matches_client_preferences"):
            use_plain_select(self.fields[name])
        use_plain_inputs(self)


def contact_team_id(user, client=None, organisation_id=None) -> int | None:
    """The team a contact counts for: the client's team when the user works in it, else the user's coach team (of
    the employer's organisation, when given)."""
    roles = user.roles
    if client is not None and client.team_id in roles.team_ids:
        return client.team_id
    for teams in (roles.coach_teams, roles.supervisor_teams):
        if organisation_id is not None:
            teams = roles.teams_in(organisation_id, teams)
        if teams:
            return min(teams)
    return None


class JobStartForm(OrganisationScopedForm, TrustedModelForm):
    class Meta:
        model = Job
        fields = [
            "employer",
            "title",
            "occupation_code",
            "start_date",
            "hours_per_week",
            "hourly_wage",
            "contract_type",
            "competitive",
            "wage_subsidy",
        ]
        widgets = {
            "start_date": DateInput(),
            "occupation_code": forms.TextInput(attrs={"inputmode": "numeric", "pattern": "[0-9]{2,5}"}),
            "hours_per_week": forms.NumberInput(attrs={"step": "0.5"}),
            "hourly_wage": forms.NumberInput(attrs={"step": "0.01"}),
        }
        field_classes = {"employer": ScopedModelChoiceField}
        formfield_callback = model_bounds()

    def __init__(self, *args, user, client, **kwargs):
        super().__init__(*args, **kwargs)
        self.client = client
        self.fields["employer"].queryset = Employer.objects.visible_to(user).only("pk", "name", "organisation_id")
        self.limit_to_organisations([client.organisation_id])
        self.fields["start_date"].initial = timezone.localdate
        # The start moves the client to support on that day: a stage is never dated ahead (as a stage change is not).
        self.fields["start_date"].validators += [within_calendar, not_in_future]

    def clean_hours_per_week(self):
        hours = self.cleaned_data["hours_per_week"]
        if hours is not None and not (0 <= hours <= MAX_HOURS_PER_WEEK):
            raise forms.ValidationError(_("Hours per week must be between 0 and 60."))
        return hours

    def clean_hourly_wage(self):
        wage = self.cleaned_data["hourly_wage"]
        if wage is not None and wage < 0:
            raise forms.ValidationError(_("The hourly wage cannot be negative."))
        return wage

    def clean(self):
        data = super().clean()
        if self.client.is_closed:
            raise forms.ValidationError(_("This client's service has been closed. Reopen it before recording a job."))
        # Recording the job names the client to Polku's employer records now: the consent must hold today.
        missing = employers_uncovered(self.client, timezone.localdate())
        if missing:
            raise forms.ValidationError(consent_missing_message(missing), code="no_consent")
        return data


class JobEndForm(TrustedModelForm):
    class Meta:
        model = Job
        fields = ["end_date", "end_reason"]
        widgets = {"end_date": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["end_date"].required = True
        self.fields["end_reason"].required = True
        self.fields["end_date"].initial = timezone.localdate
        self.fields["end_date"].validators.append(within_calendar)

    def clean_end_date(self):
        end = self.cleaned_data["end_date"]
        if end < self.instance.start_date:
            raise forms.ValidationError(
                _("The job cannot end before it started (%(start)s)."),
                params={"start": date_format(self.instance.start_date, "SHORT_DATE_FORMAT")},
            )
        return end
