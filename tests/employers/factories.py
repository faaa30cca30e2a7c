import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from employers.models import ContactPerson, Employer, EmployerContact, FollowUp, Job
from employers.validators import business_id_from
from tests.factories import ClientFactory, OrganisationFactory, UserFactory


def business_id(n: int) -> str:
    """A valid business ID derived from n (bodies whose remainder is 1 have no check digit: skip them)."""
    return business_id_from(1000000 + n * 7)


class EmployerFactory(DjangoModelFactory):
    class Meta:
        model = Employer

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Työnantaja {n} Oy")
    business_id = factory.Sequence(business_id)
    industry = "G"
    municipality = "Vaasa"
    status = Employer.Status.IN_CONTACT


class ContactPersonFactory(DjangoModelFactory):
    class Meta:
        model = ContactPerson

    employer = factory.SubFactory(EmployerFactory)
    name = factory.Faker("name", locale="fi_FI")
    role = "Myymäläpäällikkö"


class EmployerContactFactory(DjangoModelFactory):
    class Meta:
        model = EmployerContact

    date = factory.LazyFunction(datetime.date.today)
    coach = factory.SubFactory(UserFactory)
    team = factory.LazyAttribute(lambda c: c.client.team if c.client else c.coach.memberships.first().team)
    employer = factory.SubFactory(EmployerFactory)
    face_to_face = True
    minutes = 45
    purpose = EmployerContact.Purpose.RELATIONSHIP_VISIT
    client = None
    # A contact about one client is, unless a test says otherwise, about a competitive job for them (V4).
    about_competitive_job = factory.LazyAttribute(lambda c: c.client is not None)


def bulk_contacts(rows, **fields):
    """Half-hour face-to-face relationship visits in one insert, a contact a row (a dict of its own fields, e.g. its
    date): hundreds of contacts for boundary cases without hundreds of factory round trips."""
    common = {"face_to_face": True, "minutes": 30, "purpose": EmployerContact.Purpose.RELATIONSHIP_VISIT, **fields}
    EmployerContact.objects.bulk_create(EmployerContact(**{**common, **row}) for row in rows)


class JobFactory(DjangoModelFactory):
    class Meta:
        model = Job

    client = factory.SubFactory(ClientFactory)
    employer = factory.SubFactory(EmployerFactory, organisation=factory.SelfAttribute("..client.organisation"))
    title = "Myyjä"
    occupation_code = "5223"
    start_date = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=30))
    hours_per_week = Decimal("20.0")
    hourly_wage = Decimal("12.50")
    contract_type = Job.ContractType.FIXED_TERM


class FollowUpFactory(DjangoModelFactory):
    class Meta:
        model = FollowUp

    job = factory.SubFactory(JobFactory)
    client = factory.SelfAttribute("job.client")
    kind = FollowUp.Kind.WEEKLY
    window_start = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=3))
    due_on = factory.LazyFunction(datetime.date.today)
    cancelled_on = None
    cancel_reason = factory.LazyAttribute(lambda f: FollowUp.CancelReason.JOB_ENDED if f.cancelled_on else "")
