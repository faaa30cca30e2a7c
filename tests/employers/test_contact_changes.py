"""Correcting and deleting employer contacts, and editing or removing an employer's contact persons."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.contrib.messages import get_messages
from django.urls import reverse

from employers.models import ContactPerson, EmployerContact
from ips.models import Client
from tests.employers.factories import ContactPersonFactory, EmployerContactFactory, EmployerFactory
from tests.factories import ClientFactory, ConsentFactory, MembershipFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today


def _edit(contact):
    return reverse("employers:employer_contact_edit", args=[contact.uuid])


def _delete(contact):
    return reverse("employers:employer_contact_delete", args=[contact.uuid])


def _detail(employer):
    return reverse("employers:employer_detail", args=[employer.uuid])


def _data(contact, **changes):
    """The contact as its edit form would post it, with some fields changed."""
    data = {
        "date": contact.date.isoformat(),
        "minutes": str(contact.minutes),
        "purpose": contact.purpose,
        "contact_person": contact.contact_person_id or "",
        "client": contact.client_id or "",
        "matches_client_preferences": "",
        "outcome": contact.outcome,
        "next_step": contact.next_step,
        "next_step_on": contact.next_step_on.isoformat() if contact.next_step_on else "",
    }
    if contact.face_to_face:
        data["face_to_face"] = "on"
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def _changes(contact) -> int:
    return LogEntry.objects.get_for_object(contact).exclude(action=LogEntry.Action.ACCESS).count()


@pytest.fixture
def employer(org_a):
    return EmployerFactory(organisation=org_a)


@pytest.fixture
def contact(coach_a, client_a, employer):
    return EmployerContactFactory(
        coach=coach_a, employer=employer, client=client_a, purpose="on_behalf_of_client", outcome="Haastattelu"
    )


# Editing a contact ---------------------------------------------------------------------------------------------


def test_the_coach_who_recorded_a_contact_corrects_it(as_user, coach_a, team_a, contact, employer):
    response = as_user(coach_a).post(_edit(contact), _data(contact, minutes="90", outcome="Haastattelu maanantaina"))
    assert response.status_code == 302
    assert response["Location"] == _detail(employer)
    contact.refresh_from_db()
    assert (contact.minutes, contact.outcome) == (90, "Haastattelu maanantaina")
    assert (contact.coach, contact.team, contact.employer) == (coach_a, team_a, employer)
    assert [str(m) for m in get_messages(response.wsgi_request)]


def test_the_edit_is_in_the_clients_audit_log(as_user, coach_a, client_a, contact):
    as_user(coach_a).post(_edit(contact), _data(contact, minutes="90"))
    row = LogEntry.objects.get_for_object(contact).get(action=LogEntry.Action.UPDATE)
    assert row.changes["minutes"] == ["45", "90"]
    assert row.additional_data == {"client": str(client_a.uuid)}


def test_the_teams_supervisor_corrects_a_coachs_contact_and_it_stays_the_coachs(
    as_user, supervisor_a, coach_a, team_a, contact
):
    assert as_user(supervisor_a).post(_edit(contact), _data(contact, minutes="30")).status_code == 302
    contact.refresh_from_db()
    assert (contact.minutes, contact.coach, contact.team) == (30, coach_a, team_a)


def test_a_colleague_reads_a_contact_but_gets_403_on_changing_it(as_user, coach_a2, contact, employer):
    client = as_user(coach_a2)
    assert "Haastattelu" in client.get(_detail(employer)).content.decode()
    assert client.get(_edit(contact)).status_code == 403
    assert client.post(_edit(contact), _data(contact, minutes="90")).status_code == 403
    assert client.post(_delete(contact)).status_code == 403
    contact.refresh_from_db()
    assert contact.minutes == 45
    assert _changes(contact) == 1  # the creation only


def test_a_coach_of_another_team_gets_404_for_a_contact_naming_a_client_they_may_not_see(as_user, coach_b, contact):
    client = as_user(coach_b)
    assert client.get(_edit(contact)).status_code == 404
    assert client.post(_edit(contact), _data(contact, minutes="90")).status_code == 404
    assert client.get(_delete(contact)).status_code == 404
    assert client.post(_delete(contact)).status_code == 404
    assert EmployerContact.objects.filter(pk=contact.pk, minutes=45).exists()


def test_another_organisations_contact_is_404(as_user, coach_a, org_b):
    foreign = EmployerContactFactory(coach=coach_a, employer=EmployerFactory(organisation=org_b))
    assert as_user(coach_a).get(_edit(foreign)).status_code == 404
    assert as_user(coach_a).post(_delete(foreign)).status_code == 404
    assert EmployerContact.objects.filter(pk=foreign.pk).exists()


def test_an_org_admin_reads_a_contact_without_a_client_but_gets_403_on_changing_it(
    as_user, org_admin, coach_a, employer
):
    general = EmployerContactFactory(coach=coach_a, employer=employer)
    assert as_user(org_admin).get(_edit(general)).status_code == 403
    assert as_user(org_admin).post(_delete(general)).status_code == 403
    assert EmployerContact.objects.filter(pk=general.pk).exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"date": (TODAY() + datetime.timedelta(days=1)).isoformat()}, "date"),
        ({"date": (TODAY() - datetime.timedelta(days=400)).isoformat()}, "date"),
        ({"minutes": "0"}, "minutes"),
        ({"minutes": "481"}, "minutes"),
        ({"client": "", "matches_client_preferences": "true"}, "matches_client_preferences"),
        ({"next_step_on": (TODAY() - datetime.timedelta(days=1)).isoformat()}, "next_step_on"),
        ({"purpose": "coffee"}, "purpose"),
    ],
)
def test_a_bad_correction_is_refused_next_to_the_field_and_changes_nothing(as_user, coach_a, contact, changes, field):
    response = as_user(coach_a).post(
        _edit(contact), _data(contact, **{"minutes": "90", "outcome": "Muutettu", **changes})
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert f'id="id_{field}_error"' in response.content.decode()
    contact.refresh_from_db()
    assert (contact.minutes, contact.outcome) == (45, "Haastattelu")
    assert _changes(contact) == 1


def test_a_client_of_another_team_is_refused_next_to_the_field(as_user, coach_a, contact, team_b):
    elsewhere = ClientFactory(team=team_b)
    response = as_user(coach_a).post(_edit(contact), _data(contact, client=elsewhere.pk))
    assert "client" in response.context["form"].errors
    contact.refresh_from_db()
    assert contact.client_id != elsewhere.pk


def test_a_contact_older_than_a_year_keeps_its_date_when_corrected(as_user, coach_a, employer):
    old = EmployerContactFactory(coach=coach_a, employer=employer, date=TODAY() - datetime.timedelta(days=500))
    assert as_user(coach_a).post(_edit(old), _data(old, minutes="30")).status_code == 302
    old.refresh_from_db()
    assert (old.minutes, old.date) == (30, TODAY() - datetime.timedelta(days=500))


def test_a_closed_clients_contact_keeps_its_client_when_corrected(as_user, coach_a, client_a, contact):
    Client.objects.filter(pk=client_a.pk).update(stage="closed", closed_on=TODAY())
    form = as_user(coach_a).get(_edit(contact)).context["form"]
    assert client_a in form.fields["client"].queryset
    assert as_user(coach_a).post(_edit(contact), _data(contact, minutes="30")).status_code == 302
    contact.refresh_from_db()
    assert (contact.client, contact.minutes) == (client_a, 30)


def test_a_new_client_moves_the_contact_to_the_clients_team(as_user, supervisor_a, coach_a, team_a, team_b, employer):
    MembershipFactory(user=coach_a, team=team_b, role="coach")
    general = EmployerContactFactory(coach=coach_a, team=team_a, employer=employer)
    other = ClientFactory(team=team_b, coach=coach_a)
    ConsentFactory(client=other)
    assert as_user(coach_a).post(_edit(general), _data(general, client=other.pk)).status_code == 302
    general.refresh_from_db()
    assert (general.client, general.team) == (other, team_b)


def test_an_anonymised_clients_contact_can_be_neither_edited_nor_deleted(as_user, coach_a, client_a, contact):
    Client.objects.filter(pk=client_a.pk).update(stage="closed", closed_on=TODAY(), anonymised_on=TODAY())
    assert as_user(coach_a).post(_edit(contact), _data(contact, outcome="Ville Esimerkki")).status_code == 403
    assert as_user(coach_a).post(_delete(contact)).status_code == 403
    contact.refresh_from_db()
    assert contact.outcome == "Haastattelu"


# Deleting a contact --------------------------------------------------------------------------------------------


def test_deleting_asks_first_and_a_get_deletes_nothing(as_user, coach_a, client_a, contact):
    response = as_user(coach_a).get(_delete(contact))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'method="post"' in page
    assert client_a.code in page
    assert EmployerContact.objects.filter(pk=contact.pk).exists()


def test_the_coach_deletes_a_contact_and_the_log_keeps_it_under_the_client(
    as_user, coach_a, client_a, contact, employer
):
    response = as_user(coach_a).post(_delete(contact))
    assert response.status_code == 302
    assert response["Location"] == _detail(employer)
    assert not EmployerContact.objects.filter(pk=contact.pk).exists()
    row = LogEntry.objects.get(action=LogEntry.Action.DELETE, object_pk=str(contact.pk))
    assert row.additional_data == {"client": str(client_a.uuid)}


def test_the_teams_supervisor_deletes_a_coachs_contact(as_user, supervisor_a, contact):
    assert as_user(supervisor_a).post(_delete(contact)).status_code == 302
    assert not EmployerContact.objects.exists()


def test_a_delete_goes_back_to_a_safe_next_page_only(as_user, coach_a, contact, employer):
    response = as_user(coach_a).post(_delete(contact), {"next": "https://evil.example/"})
    assert response["Location"] == _detail(employer)


# The employer page --------------------------------------------------------------------------------------------


def test_the_employer_page_offers_edit_and_delete_only_on_rows_the_user_may_change(
    as_user, coach_a, coach_a2, supervisor_a, contact, employer
):
    colleagues = EmployerContactFactory(coach=coach_a2, employer=employer)
    own_page = as_user(coach_a).get(_detail(employer)).content.decode()
    assert _edit(contact) in own_page
    assert _delete(contact) in own_page
    assert _edit(colleagues) not in own_page
    supervisors_page = as_user(supervisor_a).get(_detail(employer)).content.decode()
    assert _edit(contact) in supervisors_page
    assert _edit(colleagues) in supervisors_page


def test_the_employer_page_does_not_offer_changes_to_another_teams_contacts(as_user, coach_b, contact, employer):
    page = as_user(coach_b).get(_detail(employer)).content.decode()
    assert _edit(contact) not in page
    assert _delete(contact) not in page


# Contact persons ----------------------------------------------------------------------------------------------


def _person_edit(person):
    return reverse("employers:contact_person_edit", args=[person.uuid])


def _person_remove(person):
    return reverse("employers:contact_person_remove", args=[person.uuid])


def test_a_coach_of_the_organisation_edits_a_contact_person(as_user, coach_b, employer):
    person = ContactPersonFactory(employer=employer, name="Maija Myymälä")
    data = {"name": "Maija Myymälä-Koski", "role": "HR", "phone": "040 123 4567", "email": "maija@example.fi"}
    response = as_user(coach_b).post(_person_edit(person), {**data, "active": "on"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.name, person.email, person.active) == ("Maija Myymälä-Koski", "maija@example.fi", True)


def test_a_bad_email_is_refused_next_to_the_field_and_changes_nothing(as_user, coach_a, employer):
    person = ContactPersonFactory(employer=employer, name="Maija Myymälä")
    response = as_user(coach_a).post(
        _person_edit(person), {"name": "Toinen Nimi", "email": "ei-osoite", "active": "on"}
    )
    assert response.status_code == 200
    assert 'id="id_email_error"' in response.content.decode()
    person.refresh_from_db()
    assert person.name == "Maija Myymälä"


def test_a_new_contact_person_form_has_no_active_choice(as_user, coach_a, employer):
    form = as_user(coach_a).get(reverse("employers:contact_person_create", args=[employer.uuid])).context["form"]
    assert "active" not in form.fields


def test_a_person_no_contact_names_is_removed(as_user, coach_a, employer):
    person = ContactPersonFactory(employer=employer)
    response = as_user(coach_a).get(_person_remove(person))
    assert response.status_code == 200
    assert ContactPerson.objects.filter(pk=person.pk).exists()  # GET only asks
    response = as_user(coach_a).post(_person_remove(person))
    assert response.status_code == 302
    assert response["Location"] == _detail(employer)
    assert not ContactPerson.objects.filter(pk=person.pk).exists()


def test_a_person_named_in_contacts_is_kept_as_a_former_contact_person(as_user, coach_a, employer):
    person = ContactPersonFactory(employer=employer, name="Kalle Kassapää")
    met = EmployerContactFactory(coach=coach_a, employer=employer, contact_person=person)
    as_user(coach_a).post(_person_remove(person))
    person.refresh_from_db()
    met.refresh_from_db()
    assert person.active is False
    assert met.contact_person == person
    page = as_user(coach_a).get(_detail(employer)).content.decode()
    assert "Kalle Kassapää" in page  # in the contact history and among the former contact persons
    new_contact = as_user(coach_a).get(reverse("employers:employer_contact_create", args=[employer.uuid]))
    assert person not in new_contact.context["form"].fields["contact_person"].queryset
    # The contact that names them still offers them when corrected.
    assert person in as_user(coach_a).get(_edit(met)).context["form"].fields["contact_person"].queryset


def test_a_former_contact_person_is_made_current_again_by_editing(as_user, coach_a, employer):
    person = ContactPersonFactory(employer=employer, active=False)
    as_user(coach_a).post(_person_edit(person), {"name": person.name, "role": person.role, "active": "on"})
    person.refresh_from_db()
    assert person.active is True


def test_an_org_admin_gets_403_on_changing_contact_persons(as_user, org_admin, employer):
    person = ContactPersonFactory(employer=employer, name="Maija Myymälä")
    assert as_user(org_admin).post(_person_edit(person), {"name": "Muutettu"}).status_code == 403
    assert as_user(org_admin).post(_person_remove(person)).status_code == 403
    person.refresh_from_db()
    assert (person.name, person.active) == ("Maija Myymälä", True)


def test_another_organisations_contact_person_is_404(as_user, coach_a, org_b):
    person = ContactPersonFactory(employer=EmployerFactory(organisation=org_b))
    client = as_user(coach_a)
    assert client.get(_person_edit(person)).status_code == 404
    assert client.post(_person_edit(person), {"name": "Muutettu"}).status_code == 404
    assert client.post(_person_remove(person)).status_code == 404
    assert ContactPerson.objects.filter(pk=person.pk, active=True).exists()


def test_the_employer_page_offers_person_changes_only_to_those_who_keep_the_register(
    as_user, coach_a, org_admin, employer
):
    person = ContactPersonFactory(employer=employer)
    assert _person_edit(person) in as_user(coach_a).get(_detail(employer)).content.decode()
    assert _person_edit(person) not in as_user(org_admin).get(_detail(employer)).content.decode()
