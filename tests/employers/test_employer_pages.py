import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from employers.models import Employer
from tests.employers.factories import (
    ContactPersonFactory,
    EmployerContactFactory,
    EmployerFactory,
    JobFactory,
)
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db

LIST = reverse("employers:employer_list")
CREATE = reverse("employers:employer_create")


def _detail(employer):
    return reverse("employers:employer_detail", args=[employer.uuid])


def _valid(**extra):
    return {"name": "Vaasan Kauppahalli Oy", "business_id": "0112038-9", "status": "lead", **extra}


def test_a_coach_creates_an_employer_with_a_normalised_business_id(as_user, coach_a, org_a):
    response = as_user(coach_a).post(CREATE, _valid(business_id="112038-9", industry="G", municipality="Vaasa"))
    employer = Employer.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _detail(employer)
    assert (employer.organisation, employer.business_id) == (org_a, "0112038-9")


def test_a_duplicate_business_id_is_refused_with_the_existing_employers_name(as_user, coach_b, org_a):
    existing = EmployerFactory(organisation=org_a, name="Pohjanmaan Puu Oy", business_id="0112038-9")
    response = as_user(coach_b).post(CREATE, _valid(business_id="0112038-9"))
    assert response.status_code == 200
    assert "Pohjanmaan Puu Oy" in str(response.context["form"].errors["business_id"])
    assert _detail(existing) in response.content.decode()
    assert Employer.objects.count() == 1


def _field_box(response, name):
    """The container of a field on the page: its label, input, message and what is shown next to it."""
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return soup.find(id=f"id_{name}").find_parent("div", class_="field")


def test_a_duplicate_business_id_links_to_the_existing_employer_next_to_the_field(as_user, coach_b, org_a):
    existing = EmployerFactory(organisation=org_a, name="Pohjanmaan Puu Oy", business_id="0112038-9")
    response = as_user(coach_b).post(CREATE, _valid(business_id="0112038-9"))
    assert _field_box(response, "business_id").find("a", href=_detail(existing))


@pytest.mark.parametrize("typed", ["Vaasan Kauppahalli Oy", "  vaasan   KAUPPAHALLI oy ", "ÄÄNEKOSKEN KAUPPA Oy"])
def test_a_new_employer_whose_name_is_in_the_register_is_warned_with_a_link(as_user, coach_a, org_a, typed):
    name = "Äänekosken kauppa Oy" if typed.startswith("Ä") else "Vaasan Kauppahalli Oy"
    existing = EmployerFactory(organisation=org_a, name=name, business_id="")
    response = as_user(coach_a).post(CREATE, _valid(name=typed, business_id=""))
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"name"}
    assert name in str(response.context["form"].errors["name"])
    box = _field_box(response, "name")
    assert box.find(id="id_name_error") and box.find("a", href=_detail(existing))
    assert BeautifulSoup(response.content.decode(), "html.parser").find("input", type="checkbox", id="id_same_name")
    assert Employer.objects.count() == 1


def test_the_coach_may_create_a_second_employer_of_the_same_name_when_they_confirm(as_user, coach_a, org_a):
    EmployerFactory(organisation=org_a, name="Vaasan Kauppahalli Oy", business_id="")
    response = as_user(coach_a).post(CREATE, _valid(name="vaasan kauppahalli oy", business_id="", same_name="on"))
    assert response.status_code == 302
    assert Employer.objects.filter(name__iexact="vaasan kauppahalli oy").count() == 2


def test_the_same_name_with_two_different_business_ids_is_no_duplicate(as_user, coach_a, org_a):
    EmployerFactory(organisation=org_a, name="K-Market Keskusta", business_id="2331972-7")
    assert as_user(coach_a).post(CREATE, _valid(name="K-Market Keskusta", business_id="0112038-9")).status_code == 302


def test_the_same_name_in_another_organisation_is_no_duplicate(as_user, coach_a, org_b):
    EmployerFactory(organisation=org_b, name="Vaasan Kauppahalli Oy", business_id="")
    assert as_user(coach_a).post(CREATE, _valid(business_id="")).status_code == 302


def test_an_unrenamed_employer_is_saved_without_a_warning_and_a_renamed_one_is_warned(as_user, coach_a, org_a):
    EmployerFactory(organisation=org_a, name="Vaasan Kauppahalli Oy", business_id="")
    twin = EmployerFactory(organisation=org_a, name="Vaasan Kauppahalli Oy", business_id="")
    other = EmployerFactory(organisation=org_a, name="Kauppahalli", business_id="")
    browser = as_user(coach_a)
    edit = lambda employer: reverse("employers:employer_edit", args=[employer.uuid])  # noqa: E731
    assert browser.post(edit(twin), _valid(business_id="", municipality="Vaasa")).status_code == 302
    renamed = browser.post(edit(other), _valid(business_id=""))
    assert renamed.status_code == 200 and set(renamed.context["form"].errors) == {"name"}


def test_the_same_business_id_is_allowed_in_another_organisation(as_user, coach_a, org_b):
    EmployerFactory(organisation=org_b, business_id="0112038-9")
    assert as_user(coach_a).post(CREATE, _valid()).status_code == 302


@pytest.mark.parametrize("business_id", ["0112038-8", "abc", "1000006-1"])
def test_an_invalid_business_id_is_refused_next_to_the_field(as_user, coach_a, business_id):
    response = as_user(coach_a).post(CREATE, _valid(business_id=business_id))
    assert response.status_code == 200
    assert "business_id" in response.context["form"].errors
    assert 'id="id_business_id_error"' in response.content.decode()
    assert not Employer.objects.exists()


def test_a_coach_edits_an_employer_of_the_organisation(as_user, coach_b, org_a):
    employer = EmployerFactory(organisation=org_a)
    data = _valid(name="Uusi nimi Oy", business_id=employer.business_id)
    response = as_user(coach_b).post(reverse("employers:employer_edit", args=[employer.uuid]), data)
    assert response.status_code == 302
    employer.refresh_from_db()
    assert employer.name == "Uusi nimi Oy"


def test_an_org_admin_reads_employers_but_gets_403_on_writes(as_user, org_admin, org_a):
    employer = EmployerFactory(organisation=org_a)
    client = as_user(org_admin)
    assert client.get(_detail(employer)).status_code == 200
    assert client.get(LIST).status_code == 200
    assert client.post(reverse("employers:employer_edit", args=[employer.uuid]), _valid()).status_code == 403
    assert client.post(CREATE, _valid()).status_code == 403


@pytest.mark.parametrize("role", ["reviewer", "reporter", "content_editor"])
def test_roles_without_a_team_get_403_on_the_list(as_user, role, request):
    assert as_user(request.getfixturevalue(role)).get(LIST).status_code == 403


def test_another_organisations_employer_is_404(as_user, coach_a, org_admin_b, org_b):
    employer = EmployerFactory(organisation=org_b, name="Pirkanmaan Kone Oy")
    assert as_user(coach_a).get(_detail(employer)).status_code == 404
    assert as_user(coach_a).get(reverse("employers:employer_edit", args=[employer.uuid])).status_code == 404
    assert "Pirkanmaan Kone Oy" not in as_user(coach_a).get(LIST).content.decode()


def test_a_coach_of_another_team_sees_the_employer_but_not_team_as_clients(as_user, coach_a, coach_b, client_a, org_a):
    employer = EmployerFactory(organisation=org_a, name="Vaasan Leipomo Oy")
    EmployerContactFactory(
        coach=coach_a, employer=employer, client=client_a, purpose="on_behalf_of_client", outcome="Haastattelu sovittu"
    )
    JobFactory(client=client_a, employer=employer, title="Leipurin apulainen")
    page = as_user(coach_b).get(_detail(employer)).content.decode()
    assert "Vaasan Leipomo Oy" in page
    assert "toisen tiimin asiakas" in page
    for secret in (client_a.code, client_a.first_name, client_a.last_name, str(client_a.uuid)):
        assert secret not in page
    # The team's own coach sees the code (never the name) and a link to the client.
    own = as_user(coach_a).get(_detail(employer)).content.decode()
    assert client_a.code in own
    assert client_a.last_name not in own


@pytest.mark.parametrize("viewer", ["coach_b", "org_admin"])
def test_another_team_and_the_admin_see_when_and_who_of_a_contact_but_not_what_was_said(
    viewer, request, as_user, coach_a, client_a, org_a
):
    employer = EmployerFactory(organisation=org_a)
    today = datetime.date.today()
    EmployerContactFactory(
        coach=coach_a,
        employer=employer,
        date=today,
        outcome="Esimies Raimo Virtanen lupasi harjoittelupaikan",
        next_step="Soita Raimolle",
        next_step_on=today + datetime.timedelta(days=2),
    )
    JobFactory(client=client_a, employer=employer, title="Raimon apulainen")
    page = as_user(request.getfixturevalue(viewer)).get(_detail(employer)).content.decode()
    assert str(coach_a) in page and coach_a.memberships.first().team.name in page
    for said in ("Raimo Virtanen", "Soita Raimolle", "Raimon apulainen"):
        assert said not in page
    own = as_user(coach_a).get(_detail(employer)).content.decode()
    for said in ("Raimo Virtanen", "Soita Raimolle", "Raimon apulainen"):
        assert said in own


def test_the_employer_page_logs_access_only_to_clients_the_viewer_sees(as_user, coach_a, coach_b, client_a, org_a):
    from auditlog.models import LogEntry

    employer = EmployerFactory(organisation=org_a)
    EmployerContactFactory(coach=coach_a, employer=employer, client=client_a)
    as_user(coach_b).get(_detail(employer))
    assert not LogEntry.objects.filter(action=LogEntry.Action.ACCESS, actor=coach_b).exists()
    as_user(coach_a).get(_detail(employer))
    entry = LogEntry.objects.get(action=LogEntry.Action.ACCESS, actor=coach_a)
    assert entry.additional_data == {"client": str(client_a.uuid)}


def test_the_list_shows_last_contact_contacts_this_year_jobs_and_people_working_now(as_user, coach_a, client_a, org_a):
    today = datetime.date.today()
    employer = EmployerFactory(organisation=org_a, name="Kvarken Logistics Ab")
    EmployerContactFactory(coach=coach_a, employer=employer, date=today - datetime.timedelta(days=2))
    EmployerContactFactory(coach=coach_a, employer=employer, date=today - datetime.timedelta(days=400))
    JobFactory(client=client_a, employer=employer)
    JobFactory(client=client_a, employer=employer, end_date=today - datetime.timedelta(days=1))
    row = as_user(coach_a).get(LIST).context["table"].page.object_list.data[0]
    assert row.last_contact == today - datetime.timedelta(days=2)
    assert row.contacts_this_year == (2 if (today - datetime.timedelta(days=400)).year == today.year else 1)
    assert (row.jobs_count, row.working_now) == (2, 1)


def test_the_list_filters_by_not_contacted_for_n_days(as_user, coach_a, org_a):
    today = datetime.date.today()
    recent = EmployerFactory(organisation=org_a, name="Recent Oy")
    stale = EmployerFactory(organisation=org_a, name="Stale Oy")
    EmployerFactory(organisation=org_a, name="Never Oy")
    EmployerContactFactory(coach=coach_a, employer=recent, date=today - datetime.timedelta(days=3))
    EmployerContactFactory(coach=coach_a, employer=stale, date=today - datetime.timedelta(days=40))
    names = {e.name for e in as_user(coach_a).get(LIST, {"not_contacted_days": 30}).context["filter"].qs}
    assert names == {"Stale Oy", "Never Oy"}


def test_the_list_searches_and_filters_by_status_industry_and_municipality(as_user, coach_a, org_a):
    EmployerFactory(organisation=org_a, name="Vaasan Kauppa Oy", municipality="Vaasa", industry="G", status="lead")
    EmployerFactory(organisation=org_a, name="Mustasaaren Rakennus", municipality="Mustasaari", industry="F")
    client = as_user(coach_a)

    def names(**query):
        return {e.name for e in client.get(LIST, query).context["filter"].qs}

    assert names(q="kauppa") == {"Vaasan Kauppa Oy"}
    assert names(status="lead") == {"Vaasan Kauppa Oy"}
    assert names(industry="F") == {"Mustasaaren Rakennus"}
    assert names(municipality="Mustasaari") == {"Mustasaaren Rakennus"}


def test_the_list_answers_htmx_with_the_results_fragment(as_user, coach_a, org_a):
    EmployerFactory(organisation=org_a, name="Fragment Oy")
    page = as_user(coach_a).get(LIST, {"q": "Fragment"}, HTTP_HX_REQUEST="true").content.decode()
    assert "Fragment Oy" in page
    assert "<html" not in page


def test_a_contact_person_is_added_from_the_employer_page(as_user, coach_a, org_a):
    employer = EmployerFactory(organisation=org_a)
    url = reverse("employers:contact_person_create", args=[employer.uuid])
    response = as_user(coach_a).post(url, {"name": "Maija Myymälä", "role": "Myymäläpäällikkö", "email": "x"})
    assert "email" in response.context["form"].errors
    response = as_user(coach_a).post(url, {"name": "Maija Myymälä", "phone": "040 123 4567"})
    assert response.status_code == 302
    assert "Maija Myymälä" in as_user(coach_a).get(_detail(employer)).content.decode()


def _person(browser, employer, **fields):
    url = reverse("employers:contact_person_create", args=[employer.uuid])
    return browser.post(url, {"name": "Maija Myymälä", **fields})


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("040 123 4567", "040 123 4567"),
        ("0401234567", "0401234567"),
        ("+358 40 123 4567", "+358 40 123 4567"),
        ("+358 (0)40 123 4567", "+358 (0)40 123 4567"),
        ("(06) 317 1111", "(06) 317 1111"),
        ("06-317 1111", "06-317 1111"),
        ("+46 8 123 456 78", "+46 8 123 456 78"),
        ("  040  123 4567 ", "040 123 4567"),
        ("", ""),
    ],
)
def test_a_contact_persons_phone_takes_finnish_and_international_numbers(as_user, coach_a, org_a, typed, kept):
    employer = EmployerFactory(organisation=org_a)
    assert _person(as_user(coach_a), employer, phone=typed).status_code == 302
    assert employer.contact_persons.get().phone == kept


@pytest.mark.parametrize(
    "typed",
    [
        "soita Maijalle",
        "040 123 4567 tai 050 765 4321",
        "040-CALL-NOW",
        "12 34",
        "1234567890123456",
        "+358+40 123 4567",
        "040 123 4567 +",
        "040) 123 (4567",
        "040 123 4567 #2",
        "=HYPERLINK(1)",
    ],
)
def test_a_phone_with_letters_or_garbage_is_refused_next_to_the_field(as_user, coach_a, org_a, typed):
    employer = EmployerFactory(organisation=org_a)
    response = _person(as_user(coach_a), employer, phone=typed)
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"phone"}
    assert 'id="id_phone_error"' in response.content.decode()
    assert not employer.contact_persons.exists()


def test_a_contact_persons_email_is_checked_next_to_the_field(as_user, coach_a, org_a):
    employer = EmployerFactory(organisation=org_a)
    response = _person(as_user(coach_a), employer, email="maija@kauppahalli")
    assert set(response.context["form"].errors) == {"email"}
    assert 'id="id_email_error"' in response.content.decode()
    assert _person(as_user(coach_a), employer, email="maija@kauppahalli.fi").status_code == 302


def _populate(org, coach, team, count):
    for i in range(count):
        employer = EmployerFactory(organisation=org)
        person = ContactPersonFactory(employer=employer)
        client = ClientFactory(team=team, coach=coach)
        EmployerContactFactory(coach=coach, employer=employer, client=client, contact_person=person)
        EmployerContactFactory(
            coach=coach, employer=employer, next_step_on=datetime.date.today() + datetime.timedelta(i)
        )
        JobFactory(client=client, employer=employer)


def test_the_employer_list_query_count_does_not_grow_with_rows(as_user, coach_a, org_a, team_a, flat_queries):
    # Three fewer since the session row is written at most once a minute (ips/sessions.py).
    flat_queries(as_user(coach_a), LIST, lambda count: _populate(org_a, coach_a, team_a, count), 5, many=20)


def test_the_employer_page_query_count_does_not_grow_with_rows(as_user, coach_a, org_a, team_a, flat_queries):
    employer = EmployerFactory(organisation=org_a)

    def populate(count):
        for i in range(count):
            person = ContactPersonFactory(employer=employer)
            patient = ClientFactory(team=team_a, coach=coach_a)
            EmployerContactFactory(coach=coach_a, employer=employer, client=patient, contact_person=person)
            EmployerContactFactory(coach=coach_a, employer=employer, next_step_on=datetime.date.today())
            JobFactory(client=patient, employer=employer, title=f"Työ {i}")
            ContactPersonFactory(employer=employer, active=False)  # a former one, listed apart

    flat_queries(as_user(coach_a), _detail(employer), populate, 9, many=20)
