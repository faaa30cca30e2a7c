"""An organisation admin adds, renames and takes out of use their organisation's own professions."""

from django.urls import reverse

from ips.models import Membership, Profession
from tests.factories import MembershipFactory, TeamFactory

LIST = reverse("ips:profession_list")
CREATE = reverse("ips:profession_create")
NAMES = {"name_fi": "Kokemusasiantuntija", "name_sv": "Erfarenhetsexpert", "name_en": "Expert by experience"}


def _own(organisation, **names):
    return Profession.objects.create(organisation=organisation, code=f"org{organisation.pk}-own", **(NAMES | names))


def test_an_org_admin_adds_a_profession_that_only_their_organisation_sees(as_user, org_admin, org_a, org_b):
    response = as_user(org_admin).post(CREATE, {"organisation": org_a.pk, **NAMES, "order": "50"})
    assert response.status_code == 302
    profession = Profession.objects.get(name_fi="Kokemusasiantuntija")
    assert (profession.organisation, profession.active, profession.code) == (
        org_a,
        True,
        f"org{org_a.pk}-expert-by-experience",
    )
    assert profession in Profession.objects.for_organisation(org_a.pk)
    assert profession not in Profession.objects.for_organisation(org_b.pk)


def test_a_second_profession_of_the_same_name_in_english_gets_its_own_code(as_user, org_admin, org_a):
    _own(org_a, name_fi="Vertaistukija", name_sv="Stödperson")
    Profession.objects.filter(organisation=org_a).update(code=f"org{org_a.pk}-expert-by-experience", active=False)
    as_user(org_admin).post(CREATE, {"organisation": org_a.pk, **NAMES, "order": "50"})
    assert (
        Profession.objects.filter(organisation=org_a, active=True).get().code == f"org{org_a.pk}-expert-by-experience-2"
    )


def test_a_name_already_in_use_gets_a_message_next_to_the_field(as_user, org_admin, org_a):
    shared = Profession.objects.filter(organisation__isnull=True, active=True).first()
    data = {"organisation": org_a.pk, **NAMES, "name_fi": shared.name_fi.upper(), "order": "50"}
    response = as_user(org_admin).post(CREATE, data)
    assert response.status_code == 200
    assert 'id="id_name_fi_error"' in response.content.decode()
    assert not Profession.objects.filter(organisation=org_a).exists()


def test_an_org_admin_renames_and_takes_a_profession_out_of_use(as_user, org_admin, org_a):
    profession = _own(org_a)
    url = reverse("ips:profession_edit", args=[profession.pk])
    data = {**NAMES, "name_fi": "Kokemusasiantuntija (vertainen)", "order": "100"}  # "active" unticked
    assert as_user(org_admin).post(url, data).status_code == 302
    profession.refresh_from_db()
    assert (profession.name_fi, profession.active, profession.code) == (
        "Kokemusasiantuntija (vertainen)",
        False,
        f"org{org_a.pk}-own",
    )
    assert profession not in Profession.objects.for_organisation(org_a.pk)


def test_the_list_shows_the_own_and_the_shared_professions(as_user, org_admin, org_a, org_b):
    mine, theirs = _own(org_a), _own(org_b, name_fi="Toisen ammatti")
    response = as_user(org_admin).get(LIST)
    assert response.status_code == 200
    assert response.context["own"] == [mine]
    assert theirs not in response.context["shared"]
    assert all(profession.organisation_id is None for profession in response.context["shared"])


def test_other_organisations_and_the_shared_list_are_404_and_others_403(
    as_user, org_admin, org_admin_b, org_a, supervisor_a, reviewer
):
    own = _own(org_a)
    shared = Profession.objects.filter(organisation__isnull=True).first()
    edit = reverse("ips:profession_edit", args=[own.pk])
    assert as_user(org_admin_b).get(edit).status_code == 404
    assert as_user(org_admin_b).post(edit, {**NAMES, "name_fi": "Kaapattu", "order": "1"}).status_code == 404
    assert as_user(org_admin).get(reverse("ips:profession_edit", args=[shared.pk])).status_code == 404
    for user in (supervisor_a, reviewer):
        assert as_user(user).get(edit).status_code == 404
        assert as_user(user).get(LIST).status_code == 403
        assert as_user(user).post(CREATE, {"organisation": org_a.pk, **NAMES, "order": "1"}).status_code == 403
    own.refresh_from_db()
    assert own.name_fi == "Kokemusasiantuntija"


def test_an_admin_cannot_add_a_profession_to_another_organisation(as_user, org_admin, org_b):
    response = as_user(org_admin).post(CREATE, {"organisation": org_b.pk, **NAMES, "order": "50"})
    assert response.status_code == 200
    assert not Profession.objects.filter(organisation=org_b).exists()


def test_a_new_profession_is_offered_when_giving_a_team_member_role(as_user, org_admin, org_a):
    profession = _own(org_a)
    team = TeamFactory(organisation=org_a)
    member = MembershipFactory(team=team, role=Membership.Role.COACH).user
    page = as_user(org_admin).get(reverse("ips:role_give", args=[member.pk])).content.decode()
    assert f'value="{profession.pk}"' in page
