import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from employers.models import EmployerContact
from ips.models import VocationalProfile
from tests.employers.factories import ContactPersonFactory, EmployerFactory
from tests.factories import ClientFactory, ConsentFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today


def _url(employer):
    return reverse("employers:employer_contact_create", args=[employer.uuid])


def _data(**extra):
    return {
        "date": TODAY().isoformat(),
        "face_to_face": "on",
        "minutes": "45",
        "purpose": "relationship_visit",
        **extra,
    }


def test_a_coach_records_a_face_to_face_visit_from_the_employer_page(as_user, coach_a, team_a, org_a):
    employer = EmployerFactory(organisation=org_a)
    person = ContactPersonFactory(employer=employer)
    response = as_user(coach_a).post(_url(employer), _data(contact_person=person.pk, next_step_on=TODAY().isoformat()))
    assert response.status_code == 302
    contact = EmployerContact.objects.get()
    assert (contact.coach, contact.team, contact.employer, contact.face_to_face) == (coach_a, team_a, employer, True)


def test_a_client_specific_contact_records_the_client_and_preference_match(as_user, coach_a, client_a, org_a):
    employer = EmployerFactory(organisation=org_a)
    ConsentFactory(client=client_a)  # the client's consent to talk to employers about them
    data = _data(purpose="on_behalf_of_client", client=client_a.pk, matches_client_preferences="true")
    assert as_user(coach_a).post(_url(employer), data).status_code == 302
    contact = EmployerContact.objects.get()
    assert (contact.client, contact.matches_client_preferences) == (client_a, True)


def test_a_client_the_coach_may_not_see_is_refused_next_to_the_field(as_user, coach_b, client_a, org_a):
    employer = EmployerFactory(organisation=org_a)
    response = as_user(coach_b).post(_url(employer), _data(client=client_a.pk))
    assert response.status_code == 200
    assert "client" in response.context["form"].errors
    assert not EmployerContact.objects.exists()
    assert client_a.code not in response.content.decode()


def test_the_client_list_offers_only_visible_clients_by_code(as_user, coach_b, client_a, team_b, org_a):
    # The select offers the coach's own clients (the search, tests/ips/test_client_picker.py, the team's).
    own = ClientFactory(team=team_b, coach=coach_b, first_name="Oma", last_name="Testinen-Ylitalo")
    page = as_user(coach_b).get(_url(EmployerFactory(organisation=org_a))).content.decode()
    assert own.code in page
    assert "Testinen-Ylitalo" not in page
    assert client_a.code not in page


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"date": (TODAY() + datetime.timedelta(days=1)).isoformat()}, "date"),
        ({"minutes": "0"}, "minutes"),
        ({"minutes": "481"}, "minutes"),
        ({"matches_client_preferences": "true"}, "matches_client_preferences"),
        ({"next_step_on": (TODAY() - datetime.timedelta(days=1)).isoformat()}, "next_step_on"),
        ({"purpose": "coffee"}, "purpose"),
    ],
)
def test_bad_contact_input_is_refused_next_to_the_field(as_user, coach_a, org_a, extra, field):
    response = as_user(coach_a).post(_url(EmployerFactory(organisation=org_a)), _data(**extra))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not EmployerContact.objects.exists()


def test_the_general_contact_page_offers_the_organisations_employers(as_user, coach_a, org_a, org_b):
    EmployerFactory(organisation=org_a, name="Oma Työnantaja Oy")
    EmployerFactory(organisation=org_b, name="Vieras Työnantaja Oy")
    page = as_user(coach_a).get(reverse("employers:contact_create")).content.decode()
    assert "Oma Työnantaja Oy" in page
    assert "Vieras Työnantaja Oy" not in page


def test_the_client_is_preselected_from_the_client_page_with_their_work_preferences(as_user, coach_a, client_a):
    VocationalProfile.objects.create(client=client_a, preferences="Ulkotyöt, ei asiakaspalvelua")
    response = as_user(coach_a).get(reverse("employers:contact_create"), {"client": str(client_a.uuid)})
    assert response.context["form"].initial["client"] == client_a
    assert "Ulkotyöt, ei asiakaspalvelua" in response.content.decode()


def _from_the_client_page(browser, client):
    """Follow the client page's "Record an employer contact" link: the contact form it opens, as soup."""
    jobs = BeautifulSoup(browser.get(reverse("employers:client_jobs", args=[client.uuid])).content, "html.parser")
    link = jobs.select_one(f"#client-jobs a[href^='{reverse('employers:contact_create')}']")["href"]
    return link, BeautifulSoup(browser.get(link).content, "html.parser")


def test_a_contact_recorded_from_the_client_page_returns_to_the_client_page(as_user, coach_a, client_a, org_a):
    employer = EmployerFactory(organisation=org_a)
    ConsentFactory(client=client_a)
    browser = as_user(coach_a)
    link, form = _from_the_client_page(browser, client_a)
    client_page = reverse("ips:client_detail", args=[client_a.uuid])
    assert form.select_one("main form input[name=next]")["value"] == client_page
    assert form.select_one(f"main a[href='{client_page}']"), "Cancel goes back to the client page too"
    data = _data(employer=employer.pk, purpose="on_behalf_of_client", client=client_a.pk, next=client_page)
    refused = browser.post(link, {**data, "minutes": "0"})  # a mistake keeps the way back
    assert (
        BeautifulSoup(refused.content, "html.parser").select_one("main form input[name=next]")["value"] == client_page
    )
    response = browser.post(link, data)
    assert response.status_code == 302
    assert response["Location"] == client_page
    assert EmployerContact.objects.get().client == client_a


def test_a_next_leading_off_the_site_falls_back_to_the_employer_page(as_user, coach_a, org_a):
    employer = EmployerFactory(organisation=org_a)
    response = as_user(coach_a).post(_url(employer), _data(next="https://evil.example/"))
    assert response["Location"] == reverse("employers:employer_detail", args=[employer.uuid])


def test_a_client_of_another_team_is_not_preselected(as_user, coach_b, client_a):
    response = as_user(coach_b).get(reverse("employers:contact_create"), {"client": str(client_a.uuid)})
    assert "client" not in response.context["form"].initial
    assert client_a.code not in response.content.decode()


def test_an_org_admin_cannot_record_contacts(as_user, org_admin, org_a):
    employer = EmployerFactory(organisation=org_a)
    assert as_user(org_admin).post(_url(employer), _data()).status_code == 403
    assert not EmployerContact.objects.exists()


def test_another_organisations_employer_is_404_for_contacts(as_user, coach_a, org_b):
    assert as_user(coach_a).get(_url(EmployerFactory(organisation=org_b))).status_code == 404
