"""Small made-up data for the indicator tests: a team, coaches with FTE shares, clients with assignments."""

from datetime import date
from decimal import Decimal

from employers.models import EmployerContact
from ips.models import ClientTreatmentTeam, Membership
from ips.periods import TeamPeriod
from tests.employers.factories import EmployerContactFactory
from tests.factories import ClientFactory, MembershipFactory, UserFactory

START = date(2025, 1, 1)
# 28 days: exactly four weeks, so contacts per week are easy to count by hand.
END = date(2025, 1, 28)


def period(team, start=START, end=END) -> TeamPeriod:
    return TeamPeriod(team_id=team.pk, start=start, end=end)


def coach(team, fte="1.00", *, started=None, ended=None):
    user = UserFactory()
    MembershipFactory(
        user=user,
        team=team,
        role=Membership.Role.COACH,
        fte=Decimal(fte) if fte else None,
        started=started,
        ended=ended,
    )
    return user


def client(team, *, coach=None, started=date(2024, 6, 1), ended=None, **extra):
    """A client assigned to the team from `started` (to `ended`), entered into the programme on that day."""
    extra.setdefault("programme_entry", started)
    made = ClientFactory(team=team, coach=coach, assignment__started=started, assignment__ended=ended, **extra)
    if made.treatment_team_id:
        # The dated row O1 reads, as ips.staff writes it beside Client.treatment_team.
        ClientTreatmentTeam.objects.create(client=made, treatment_team=made.treatment_team, started=started)
    return made


def clients(team, count, **extra):
    return [client(team, **extra) for _ in range(count)]


def workplace_support(team, worker, person, day):
    """A visit to the working client's employer to support them at work: V11's employer rung."""
    return EmployerContactFactory(
        coach=worker, team=team, client=person, date=day, purpose=EmployerContact.Purpose.WORKPLACE_SUPPORT
    )


def shown_rungs(suggestion):
    """The numbers of the ladder's rungs the data shows."""
    return [number for number, *_rest in suggestion.detail["data_components"]]
