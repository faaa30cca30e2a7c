"""Hostile-input cases of organisation administration (ips/forms/admin.py): the org admin of organisation A."""

from django.urls import reverse

from ips.forms import admin as admin_forms
from ips.models import Membership, Profession, Team, TreatmentTeam, TreatmentTeamMembership
from tests.hostile_input.world import Case, iso, page_case


def coach_role(w):
    return Membership.objects.filter(user=w.coach_a, role=Membership.Role.COACH).order_by("pk").first()


def empty_team(w):
    return Team.objects.get_or_create(organisation=w.org_a, name="Suljettava tiimi")[0]


def treatment_team(w):
    return TreatmentTeam.objects.get_or_create(organisation=w.org_a, name="Psykoosityöryhmä")[0]


def treatment_member(w):
    return TreatmentTeamMembership.objects.get_or_create(
        treatment_team=treatment_team(w), user=w.coach_a, defaults={"started": w.today}
    )[0]


def own_profession(w):
    return Profession.objects.get_or_create(
        code=f"org{w.org_a.pk}-kokemusasiantuntija",
        defaults={
            "organisation": w.org_a,
            "name_fi": "Kokemusasiantuntija",
            "name_sv": "Erfarenhetsexpert",
            "name_en": "Expert by experience",
        },
    )[0]


def _admins(w):
    return w.org_admin.roles.admin_orgs


def _for_their_organisations(form, name, valid):
    """The org admin's form at the named URL, built for the organisations the admin runs."""
    return page_case(form, "org_admin", name, valid, build=lambda w: form(organisations=_admins(w)))


def _row_case(form, name, row, valid, key="pk"):
    """The org admin's form, built bare, on one row (`row(w)`) at the named URL that takes the row's `key`: a rejected
    submission must leave the row as it was."""
    return Case(
        form,
        "org_admin",
        lambda w: reverse(name, args=[getattr(row(w), key)]),
        lambda w: form(),
        valid,
        watch=lambda w: [row(w)],
    )


ADMIN_CASES = [
    _for_their_organisations(
        admin_forms.PersonForm,
        "ips:person_create",
        lambda w: {
            "organisation": w.org_a.pk,
            "first_name": "Saara",
            "last_name": "Suominen",
            "email": "saara.suominen@example.fi",
            "language": "fi",
            "profession": "Sosionomi",
        },
    ),
    page_case(
        admin_forms.PersonFilterForm,
        "org_admin",
        "ips:people_list",
        lambda w: {"q": "Aila", "team": str(w.team_a.uuid), "role": "coach"},
        build=lambda w: admin_forms.PersonFilterForm({}, organisations=_admins(w)),
        method="get",
    ),
    Case(
        admin_forms.RoleForm,
        "org_admin",
        lambda w: reverse("ips:role_give", args=[w.coach_a.pk]),
        lambda w: admin_forms.RoleForm(user=w.org_admin, organisation=w.org_a, person=w.coach_a),
        lambda w: {"role": "supervisor", "team": w.team_a.pk, "started": iso(w.today)},
    ),
    _row_case(admin_forms.RoleEndForm, "ips:role_end", coach_role, lambda w: {"ended": iso(w.today)}),
    _row_case(admin_forms.FteChangeForm, "ips:fte_change", coach_role, lambda w: {"fte": "0.8", "on": iso(w.today)}),
    _for_their_organisations(
        admin_forms.TeamForm, "ips:team_create", lambda w: {"organisation": w.org_a.pk, "name": "Uusi tiimi"}
    ),
    _row_case(admin_forms.TeamCloseForm, "ips:team_close", empty_team, lambda w: {"closed_on": iso(w.today)}, "uuid"),
    page_case(
        admin_forms.OrganisationForm,
        "platform_admin",
        "ips:organisation_create",
        lambda w: {
            "name": "Kainuun uusi alue",
            "code": "kan",
            "admin_first_name": "Kaisu",
            "admin_last_name": "Kainulainen",
            "admin_email": "kaisu@kainuu.example",
            "admin_language": "fi",
        },
    ),
    _for_their_organisations(
        admin_forms.TreatmentTeamForm,
        "ips:treatment_team_create",
        lambda w: {"organisation": w.org_a.pk, "name": "Nuorten hoitotiimi"},
    ),
    Case(
        admin_forms.TreatmentMemberForm,
        "org_admin",
        lambda w: reverse("ips:treatment_member_add", args=[treatment_team(w).pk]),
        lambda w: admin_forms.TreatmentMemberForm(treatment_team=treatment_team(w)),
        lambda w: {"person": w.coach_a.pk, "started": iso(w.today)},
    ),
    _row_case(admin_forms.SpanEndForm, "ips:treatment_member_end", treatment_member, lambda w: {"ended": iso(w.today)}),
    Case(
        admin_forms.ClientTreatmentTeamForm,
        "org_admin",
        lambda w: reverse("ips:client_treatment_team") + f"?code={w.client.code}",
        lambda w: admin_forms.ClientTreatmentTeamForm(organisation=w.org_a),
        lambda w: {"treatment_team": treatment_team(w).pk, "on": iso(w.today)},
        bound=lambda context: context["move"],
    ),
    _for_their_organisations(
        admin_forms.ProfessionForm,
        "ips:profession_create",
        lambda w: {
            "organisation": w.org_a.pk,
            "name_fi": "Työkykykoordinaattori (oma)",
            "name_sv": "Arbetsförmågekoordinator (egen)",
            "name_en": "Work-ability coordinator (own)",
            "order": "100",
        },
    ),
]
