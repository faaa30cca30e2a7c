"""Forms of organisation administration: people, roles, FTE shares, teams, and the platform's organisations."""

from decimal import Decimal

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from ips.access import grantable_roles
from ips.forms.fields import DecimalField, dates_in_order, within_calendar
from ips.forms.scoped import (
    OrganisationScopedForm,
    PersonChoiceField,
    ScopedModelChoiceField,
    SharedOrOwnChoiceField,
)
from ips.forms.trust import TrustedForm, TrustedModelForm
from ips.models import Membership, Organisation, Profession, Team, TreatmentTeam, TreatmentTeamMembership, User
from ips.periods import overlapping_span, span_shown

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
FTE_HELP = _("Full-time equivalent for IPS work, e.g. 0.8 for four days a week.")


class OrganisationChoiceField(ScopedModelChoiceField):
    """One of the organisations the user administers (the row is its own organisation)."""

    organisation_path = "pk"

    def organisation_ids_of(self, values) -> set[int]:
        return {value.pk for value in values}


def _date_field(label, **kwargs):
    return forms.DateField(label=label, widget=DATE, validators=[within_calendar], **kwargs)


def _fte_field(**kwargs):
    return DecimalField(
        label=_("FTE share"),
        min_value=Decimal("0.05"),
        max_value=Decimal("1.00"),
        max_digits=3,
        decimal_places=2,
        help_text=FTE_HELP,
        **kwargs,
    )


def _offer_organisations(form, organisations):
    """The organisation picker of a new person, team or treatment team: the admin's organisations, preset when
    there is only one."""
    form.limit_to_organisations(organisations)
    if len(organisations) == 1:
        form.fields["organisation"].initial = next(iter(organisations))


def _organisation_on_create(form, organisations) -> bool:
    """A new row names its organisation (offered as above); an existing one keeps it. True for a new row."""
    if form.instance.pk:
        del form.fields["organisation"]
        return False
    _offer_organisations(form, organisations)
    return True


class _OrganisationOnCreate:
    """Mixin of a form whose new row names its organisation, one of `organisations` (see _organisation_on_create)."""

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        _organisation_on_create(self, organisations)


class PersonForm(_OrganisationOnCreate, OrganisationScopedForm, TrustedModelForm):
    """A person's own details; a new person also names the organisation that adds them."""

    organisation = OrganisationChoiceField(label=_("Organisation"), queryset=Organisation.objects.all())

    class Meta:
        model = User
        fields = ["first_name", "last_name", "email", "language", "profession"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name", "email"):
            self.fields[name].required = True

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        taken = User.objects.filter(username__iexact=email) | User.objects.filter(email__iexact=email)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Someone in Polku already has this e-mail address."), code="taken")
        return email


class PersonFilterForm(OrganisationScopedForm, forms.Form):
    """Search and filters of the people list, bound to the query string."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    team = ScopedModelChoiceField(
        label=_("Team"), queryset=Team.objects.all(), required=False, to_field_name="uuid", empty_label=_("All teams")
    )
    role = forms.ChoiceField(label=_("Role"), required=False, choices=[("", _("All roles")), *Membership.Role.choices])

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_to_organisations(organisations)


class RoleForm(OrganisationScopedForm, TrustedForm):
    """Give a person a role from a date, in a team (coach, supervisor) or in the organisation: at least one day long,
    and not overlapping a role of the same kind they have in the same place (Membership.objects.same_role_overlapping).
    """

    role = forms.ChoiceField(label=_("Role"))
    team = ScopedModelChoiceField(
        label=_("Team"),
        queryset=Team.objects.filter(closed_on__isnull=True),
        required=False,
        help_text=_("Coaches, supervisors and team members work in a team."),
    )
    profession = SharedOrOwnChoiceField(
        label=_("Profession"),
        queryset=Profession.objects.filter(active=True),
        required=False,
        help_text=_("A team member's profession: nurse, physiotherapist, Kela expert..."),
    )
    fte = _fte_field(required=False)
    started = _date_field(_("From"), initial=timezone.localdate)
    ended = _date_field(_("Until (first day without the role)"), required=False)

    def __init__(self, *args, user, organisation, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.person = person
        allowed = grantable_roles(user, organisation.pk)
        self.fields["role"].choices = [(value, label) for value, label in Membership.Role.choices if value in allowed]
        self.limit_to_organisations([organisation.pk])

    def clean(self):
        cleaned = super().clean()
        role, team = cleaned.get("role"), cleaned.get("team")
        if role in Membership.TEAM_ROLES and team is None:
            self.add_error("team", _("Choose the team for this role."))
        if role and role not in Membership.TEAM_ROLES:
            cleaned["team"] = None
            cleaned["profession"] = None
        if role == Membership.Role.MEMBER and cleaned.get("profession") is None:
            self.add_error("profession", _("Choose the team member's profession."))
        if role != Membership.Role.COACH:
            cleaned["fte"] = None
        elif cleaned.get("fte") is None and "fte" not in self.errors:
            self.add_error("fte", _("Give the coach's FTE share."))
        dates_in_order(self, cleaned, "started", "ended", _("The end cannot be before the start."))
        started, ended = cleaned.get("started"), cleaned.get("ended")
        if started and started == ended:
            self.add_error(
                "ended", _("The end is the first day without the role: the day after the start at the earliest.")
            )
        if role and started and not self.has_error("team") and not self.has_error("ended"):
            self._refuse_overlap(role, cleaned.get("team"), started, ended)
        return cleaned

    def _refuse_overlap(self, role, team, started, ended):
        same = Membership.objects.same_role_overlapping(
            user=self.person, role=role, organisation=self.organisation, team=team, started=started, ended=ended
        )
        if clash := same.order_by("started").first():
            # Starting inside the other role is the start's fault; starting before it, the end runs into it.
            field = "ended" if clash.started and clash.started > started else "started"
            self.add_error(field, clash.overlap_error())


class RoleEndForm(TrustedForm):
    ended = _date_field(_("First day without the role"), initial=timezone.localdate)


class FteChangeForm(TrustedForm):
    fte = _fte_field()
    on = _date_field(_("From"), initial=timezone.localdate, help_text=_("The first day of the new share."))


class TeamForm(_OrganisationOnCreate, OrganisationScopedForm, TrustedModelForm):
    organisation = OrganisationChoiceField(label=_("Organisation"), queryset=Organisation.objects.all())

    class Meta:
        model = Team
        fields = ["organisation", "name"]

    def clean(self):
        cleaned = super().clean()
        organisation = cleaned.get("organisation") or getattr(self.instance, "organisation", None)
        name = cleaned.get("name")
        if organisation and name:
            clash = Team.objects.filter(organisation=organisation, name__iexact=name).exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error("name", _("The organisation already has a team of this name."))
        return cleaned


class TeamCloseForm(TrustedForm):
    closed_on = _date_field(
        _("Closing day"),
        initial=timezone.localdate,
        help_text=_("Roles in force end on this day; roles that would begin on it or later are removed."),
    )


class OrganisationForm(TrustedModelForm):
    """A new organisation with its first organisation admin, who is invited at once."""

    admin_first_name = forms.CharField(label=_("Admin's first name"), max_length=150)
    admin_last_name = forms.CharField(label=_("Admin's last name"), max_length=150)
    admin_email = forms.EmailField(label=_("Admin's e-mail"))
    admin_language = forms.ChoiceField(label=_("Admin's language"), choices=User._meta.get_field("language").choices)

    class Meta:
        model = Organisation
        fields = ["name", "code", "password_sign_in"]

    def clean_admin_email(self):
        email = self.cleaned_data["admin_email"].strip().lower()
        if User.objects.filter(username__iexact=email).exists() or User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Someone in Polku already has this e-mail address."), code="taken")
        return email


class TreatmentTeamForm(_OrganisationOnCreate, OrganisationScopedForm, TrustedModelForm):
    organisation = OrganisationChoiceField(label=_("Organisation"), queryset=Organisation.objects.all())

    class Meta:
        model = TreatmentTeam
        fields = ["organisation", "name"]

    def clean(self):
        cleaned = super().clean()
        organisation = cleaned.get("organisation") or getattr(self.instance, "organisation", None)
        name = cleaned.get("name")
        if organisation and name:
            clash = TreatmentTeam.objects.filter(organisation=organisation, name__iexact=name)
            if clash.exclude(pk=self.instance.pk).exists():
                self.add_error("name", _("The organisation already has a treatment team of this name."))
        return cleaned


class TreatmentMemberForm(OrganisationScopedForm, TrustedForm):
    """A coach joins the treatment team from a day: not while they are a member already."""

    person = PersonChoiceField(label=_("Coach"), queryset=User.objects.filter(is_active=True))
    started = _date_field(_("From"), initial=timezone.localdate)

    def __init__(self, *args, treatment_team, **kwargs):
        super().__init__(*args, **kwargs)
        self.treatment_team = treatment_team
        self.fields["person"].queryset = (
            self.fields["person"]
            .queryset.filter(memberships__role=Membership.Role.COACH)
            .order_by("last_name", "first_name")
        )
        self.limit_to_organisations([treatment_team.organisation_id])

    def clean(self):
        cleaned = super().clean()
        person, started = cleaned.get("person"), cleaned.get("started")
        if person and started:
            memberships = TreatmentTeamMembership.objects.filter(treatment_team=self.treatment_team, user=person)
            if clash := memberships.filter(overlapping_span(started, None)).order_by("started").first():
                self.add_error(
                    "person",
                    forms.ValidationError(
                        _("%(coach)s is already a member of this treatment team (%(dates)s)."),
                        code="member",
                        params={"coach": person, "dates": span_shown(clash.started, clash.ended)},
                    ),
                )
        return cleaned


class SpanEndForm(TrustedForm):
    ended = _date_field(_("First day without the membership"), initial=timezone.localdate)


class ClientTreatmentTeamForm(OrganisationScopedForm, TrustedForm):
    treatment_team = ScopedModelChoiceField(label=_("Treatment team"), queryset=TreatmentTeam.objects.all())
    on = _date_field(_("From"), initial=timezone.localdate)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_to_organisations([organisation.pk])


class ProfessionForm(OrganisationScopedForm, TrustedModelForm):
    """An organisation's own profession: its names in three languages, its place in lists, and whether it is in
    use (a profession no longer in use stays on the roles that name it but is no longer offered)."""

    organisation = OrganisationChoiceField(label=_("Organisation"), queryset=Organisation.objects.all())

    class Meta:
        model = Profession
        fields = ["organisation", "name_fi", "name_sv", "name_en", "order", "active"]

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        if _organisation_on_create(self, organisations):
            del self.fields["active"]

    def clean(self):
        cleaned = super().clean()
        organisation = cleaned.get("organisation") or getattr(self.instance, "organisation", None)
        if organisation is None:
            return cleaned
        offered = Profession.objects.filter(
            Q(organisation__isnull=True) | Q(organisation=organisation), active=True
        ).exclude(pk=self.instance.pk)
        # Compared in Python: SQLite's case-insensitive match folds ASCII letters only, not ä, ö or å.
        fields = ("name_fi", "name_sv", "name_en")
        taken = {field: set() for field in fields}
        for names in offered.values_list(*fields):
            for field, name in zip(fields, names, strict=True):
                taken[field].add(name.strip().casefold())
        for field in fields:
            name = (cleaned.get(field) or "").strip()
            if name and name.casefold() in taken[field]:
                self.add_error(field, _("A profession of this name is already in use in the organisation."))
        return cleaned

    def save(self, commit=True):
        profession = super().save(commit=False)
        if not profession.code:
            profession.code = _free_code(profession.organisation_id, profession.name_en or profession.name_fi)
        if commit:
            profession.save()
        return profession


def _free_code(organisation_id, name) -> str:
    """A code no profession has yet: the organisation's number and the name as a slug (codes are unique across
    Polku and never change, so a renamed profession keeps its first one)."""
    base = f"org{organisation_id}-{slugify(name)}"[:34] or f"org{organisation_id}"
    taken = set(Profession.objects.filter(code__startswith=base).values_list("code", flat=True))
    code, number = base, 1
    while code in taken:
        number += 1
        code = f"{base}-{number}"
    return code
