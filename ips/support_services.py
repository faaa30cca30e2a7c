"""Writes of the work-ability support team around the client (issue 15): asiakasvastaava hand-overs, plan versions."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext

from ips.models import ActivityKind, Client, HandOver, Outcome, ServicePeriod, ServiceType, Setting, TimeEntry, User
from ips.models.plan import PlanChange
from ips.models.team import Coordinator
from ips.services import client_close


@transaction.atomic
def coordinator_change(
    *,
    client: Client,
    on: date,
    by: User,
    user: User | None = None,
    name: str = "",
    organisation_name: str = "",
    reason: str = "",
) -> Coordinator:
    """Name the client's asiakasvastaava from `on`: the one in charge until then hands over that day.

    A change on the day the current one started replaces it (a same-day correction, not a zero-day assignment).
    """
    current = Coordinator.objects.select_for_update().filter(client=client, ended__isnull=True).first()
    if current is not None:
        if current.started >= on:
            current.delete()
        else:
            current.ended = on
            current.save(update_fields=["ended", "updated"])
    return Coordinator.objects.create(
        client=client,
        user=user,
        name="" if user else name,
        organisation_name=organisation_name,
        started=on,
        reason=reason,
        recorded_by=by,
    )


def plan_change_record(*, client: Client, by: User, what: str) -> PlanChange:
    """A version of the plan: who changed what, when (the plan page lists them)."""
    return PlanChange.objects.create(client=client, changed_by=by, what=what[:400])


@transaction.atomic
def service_change(*, client: Client, services: list[str], on: date) -> list[ServicePeriod]:
    """From `on` the client is in these services (assessment and support, IPS coaching, or both): the open periods
    of other services end that day, those of the same service carry on. The client's current service follows
    (IPS when both), for the lists that show one."""
    open_periods = {
        period.service: period
        for period in ServicePeriod.objects.select_for_update().filter(client=client, ended__isnull=True)
    }
    for service, period in open_periods.items():
        if service in services:
            continue
        if period.started >= on:
            period.delete()  # a same-day correction
        else:
            period.ended = on
            period.save(update_fields=["ended", "updated"])
    created = [
        ServicePeriod.objects.create(client=client, service=service, started=on)
        for service in services
        if service not in open_periods
    ]
    client.service_type = ServiceType.IPS if ServiceType.IPS in services else services[0]
    client.service_ended = None
    client.save(update_fields=["service_type", "service_ended", "updated"])
    return created


@transaction.atomic
def hand_over_record(*, hand_over: HandOver, client: Client, by: User, minutes: int | None = None) -> HandOver:
    """Save an accompanied hand-over made with the client's team of the day. One that closes the service closes the
    client the way closing does (stage, outcome from the destination, open assignment and service periods end after
    the first meeting day); one that continues leaves the client's service as it is. `minutes` go to the recorder's
    daily log as the hand-over kind, on the first meeting's day, out in the community."""
    hand_over.client, hand_over.team_id, hand_over.recorded_by = client, client.team_id, by
    hand_over.save()
    if minutes:
        TimeEntry.objects.create(
            coach=by,
            team_id=client.team_id,
            client=client,
            date=hand_over.first_meeting_on,
            kind=ActivityKind.objects.get(code=ActivityKind.Code.HAND_OVER),
            setting=Setting.COMMUNITY,
            minutes=minutes,
            coach_work=client.team_id in by.roles.coach_teams,
        )
    if hand_over.closes_service:
        outcome = hand_over.destination.outcome
        if outcome == Outcome.EDUCATION:
            client.exit_in_education = True  # as the closure form reads the outcome (ESF+ result upon leaving)
        reason = gettext("Accompanied hand-over: %(destination)s") % {"destination": hand_over.destination.name}
        client_close(
            client=client,
            closed_on=hand_over.first_meeting_on,
            outcome=outcome,
            reason=reason[:200],
            satisfaction=None,
            by=by,
        )
    return hand_over
