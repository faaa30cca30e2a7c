from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from ips.models import (
    ActivityKind,
    Client,
    ClientAssignment,
    Consent,
    Membership,
    Organisation,
    Party,
    Referral,
    ReferralSource,
    ServicePeriod,
    Stage,
    Team,
    TimeEntry,
    User,
)

PASSWORD = "correct-horse-battery"


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("code",)

    name = factory.Sequence(lambda n: f"Hyvinvointialue {n}")
    code = factory.Sequence(lambda n: f"org{n}")


class TeamFactory(DjangoModelFactory):
    class Meta:
        model = Team

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Tiimi {n}")


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    # Staff names from a fixed list no client fixture uses: a random Finnish name could be a client's ("Ville") and
    # make a test that checks a page for the client's name fail by chance.
    first_name = factory.Iterator(["Aila", "Berit", "Eino", "Hilkka", "Kaarlo", "Raili", "Tauno", "Wilhelmiina"])
    last_name = factory.Iterator(["Halme", "Kivelä", "Nurmio", "Palosaari", "Rautio", "Tanskanen", "Vuorela"])
    email = factory.LazyAttribute(lambda u: f"{u.username}@polku.example")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    team = factory.SubFactory(TeamFactory)
    organisation = factory.LazyAttribute(lambda m: m.team.organisation if m.team else OrganisationFactory())
    role = Membership.Role.COACH
    fte = factory.LazyAttribute(lambda m: Decimal("1.00") if m.role == Membership.Role.COACH else None)


class ClientFactory(DjangoModelFactory):
    class Meta:
        model = Client
        skip_postgeneration_save = True

    team = factory.SubFactory(TeamFactory)
    organisation = factory.LazyAttribute(lambda c: c.team.organisation)
    first_name = factory.Faker("first_name", locale="fi_FI")
    last_name = factory.Faker("last_name", locale="fi_FI")

    @factory.post_generation
    def assignment(obj, create, extracted, **kwargs):
        """The assignment ips.services writes with the client: the client's team and coach from programme entry
        (else from the day the record was made) to closure. `assignment=False` makes none; `assignment__started`
        and `assignment__ended` set the span."""
        if not create or extracted is False:
            return
        started = kwargs.get("started", obj.programme_entry or timezone.localtime(obj.created).date())
        ClientAssignment.objects.create(
            client=obj, team=obj.team, coach=obj.coach, started=started, ended=kwargs.get("ended", obj.closed_on)
        )

    @factory.post_generation
    def service_period(obj, create, extracted, **kwargs):
        """The client's service as a dated period, as ips.services writes it: the client's service type from
        its start (else programme entry, else the day the record was made) to the day after closure.
        `service_period=False` makes none."""
        if not create or extracted is False:
            return
        started = obj.service_started or obj.programme_entry or timezone.localtime(obj.created).date()
        last = obj.service_ended or obj.closed_on
        ServicePeriod.objects.create(
            client=obj, service=obj.service_type, started=started, ended=last + timedelta(days=1) if last else None
        )


def closed_client(team, coach, closed_on, **fields):
    """A client whose service closed on a day, after 200 days in the programme."""
    return ClientFactory(
        team=team,
        coach=coach,
        programme_entry=closed_on - timedelta(days=200),
        stage=Stage.CLOSED,
        closed_on=closed_on,
        stage_since=closed_on,
        **fields,
    )


def entrant(team, coach, entry, name=None, **fields):
    """A client of the coach's team who entered the programme on `entry`; `name` ("First Last") where it matters."""
    if name:
        fields["first_name"], fields["last_name"] = name.split(" ", 1)
    return ClientFactory(team=team, coach=coach, programme_entry=entry, **fields)


def activity_kind(code: str):
    """Activity kinds ship in a data migration: tests look them up by their stable code."""
    return ActivityKind.objects.get(code=code)


class TimeEntryFactory(DjangoModelFactory):
    class Meta:
        model = TimeEntry

    date = factory.LazyFunction(timezone.localdate)
    coach = factory.SubFactory(UserFactory)
    team = factory.SubFactory(TeamFactory)
    minutes = 30
    kind = factory.LazyFunction(lambda: activity_kind("client_meeting"))
    setting = "office"


class ConsentFactory(DjangoModelFactory):
    class Meta:
        model = Consent
        skip_postgeneration_save = True

    client = factory.SubFactory(ClientFactory)
    given_on = factory.LazyFunction(timezone.localdate)
    scope = "Työllisyyspalvelut, Kela"

    @factory.post_generation
    def parties(obj, create, extracted, **kwargs):
        """Every party of the shipped list unless given (`parties=[...]`): a consent that covers the whole network."""
        if create:
            obj.parties.set(Party.objects.all() if extracted is None else extracted)


class ReferralFactory(DjangoModelFactory):
    class Meta:
        model = Referral

    team = factory.SubFactory(TeamFactory)
    source = factory.LazyFunction(lambda: ReferralSource.objects.get(code="kela"))
    referred_on = factory.LazyFunction(timezone.localdate)
    first_name = "Outi"
    last_name = "Ohjattava"
    birth_year = 1990
    municipality = "Vaasa"

    class Params:
        # Declined on the day of the referral: a declined referral keeps its reason but no name.
        declined = factory.Trait(
            decision=Referral.Decision.DECLINED,
            decided_on=factory.SelfAttribute("referred_on"),
            decline_reason=Referral.DeclineReason.OTHER,
            first_name="",
            last_name="",
        )
