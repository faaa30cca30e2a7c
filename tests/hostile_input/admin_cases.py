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


ADMIN_CASES = [
    page_case(
        admin_forms.PersonForm,
        "org_admin",
        "ips:person_create",
        lambda w: {
            "organisation": w.org_a.pk,
            "first_name": "Saara",
            "last_name": "Suominen",
            "email": "saara.suominen@example.fi",
            "language": "fi",
            "profession": "Sosionomi",
        },
        build=lambda w: admin_forms.PersonForm(organisations=_admins(w)),
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
        lambda w: admin_forms.RoleForm(user=w.org_admin, organisation=w.org_a),
        lambda w: {"role": "supervisor", "team": w.team_a.pk, "started": iso(w.today)},
    ),
    Case(
        admin_forms.RoleEndForm,
        "org_admin",
        lambda w: reverse("ips:role_end", args=[coach_role(w).pk]),
        lambda w: admin_forms.RoleEndForm(),
        lambda w: {"ended": iso(w.today)},
        watch=lambda w: [coach_role(w)],
    ),
    Case(
        admin_forms.FteChangeForm,
        "org_admin",
        lambda w: reverse("ips:fte_change", args=[coach_role(w).pk]),
        lambda w: admin_forms.FteChangeForm(),
        lambda w: {"fte": "0.8", "on": iso(w.today)},
        watch=lambda w: [coach_role(w)],
    ),
    page_case(
        admin_forms.TeamForm,
        "org_admin",
        "ips:team_create",
        lambda w: {"organisation": w.org_a.pk, "name": "Uusi tiimi"},
        build=lambda w: admin_forms.TeamForm(organisations=_admins(w)),
    ),
    Case(
        admin_forms.TeamCloseForm,
        "org_admin",
        lambda w: reverse("ips:team_close", args=[empty_team(w).uuid]),
        lambda w: admin_forms.TeamCloseForm(),
        lambda w: {"closed_on": iso(w.today)},
        watch=lambda w: [empty_team(w)],
    ),
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
    page_case(
        admin_forms.TreatmentTeamForm,
        "org_admin",
        "ips:treatment_team_create",
        lambda w: {"organisation": w.org_a.pk, "name": "Nuorten hoitotiimi"},
        build=lambda w: admin_forms.TreatmentTeamForm(organisations=_admins(w)),
    ),
    Case(
        admin_forms.TreatmentMemberForm,
        "org_admin",
        lambda w: reverse("ips:treatment_member_add", args=[treatment_team(w).pk]),
        lambda w: admin_forms.TreatmentMemberForm(organisation=w.org_a),
        lambda w: {"person": w.coach_a.pk, "started": iso(w.today)},
    ),
    Case(
        admin_forms.SpanEndForm,
        "org_admin",
        lambda w: reverse("ips:treatment_member_end", args=[treatment_member(w).pk]),
        lambda w: admin_forms.SpanEndForm(),
        lambda w: {"ended": iso(w.today)},
        watch=lambda w: [treatment_member(w)],
    ),
    Case(
        admin_forms.ClientTreatmentTeamForm,
        "org_admin",
        lambda w: reverse("ips:client_treatment_team") + f"?code={w.client.code}",
        lambda w: admin_forms.ClientTreatmentTeamForm(organisation=w.org_a),
        lambda w: {"treatment_team": treatment_team(w).pk, "on": iso(w.today)},
        bound=lambda context: context["move"],
    ),
    page_case(
        admin_forms.ProfessionForm,
        "org_admin",
        "ips:profession_create",
        lambda w: {
            "organisation": w.org_a.pk,
            "name_fi": "Työkykykoordinaattori (oma)",
            "name_sv": "Arbetsförmågekoordinator (egen)",
            "name_en": "Work-ability coordinator (own)",
            "order": "100",
        },
        build=lambda w: admin_forms.ProfessionForm(organisations=_admins(w)),
    ),
]
