"""Writes that touch several records at once: referral decisions, stage moves, reassignment, closure, the week grid."""

from datetime import date, timedelta

from django.db import IntegrityError, transaction

from ips.models import (
    Client,
    ClientAssignment,
    Referral,
    SatisfactionAnswer,
    ServicePeriod,
    ServiceType,
    Stage,
    StageChange,
    Team,
    TimeEntry,
    User,
)
from ips.signals import client_stage_changed


@transaction.atomic
def referral_accept(
    *,
    referral: Referral,
    by: User,
    accepted_on: date,
    first_name: str,
    last_name: str,
    coach: User | None,
    service_type: str = ServiceType.IPS,
) -> Client:
    """Accepting a referral starts the client's programme: client, first stage and first assignment."""
    client = Client.objects.create(
        team=referral.team,
        coach=coach,
        first_name=first_name,
        last_name=last_name,
        birth_year=referral.birth_year,
        municipality=referral.municipality,
        programme_entry=accepted_on,
        service_type=service_type,
        service_started=accepted_on,
        stage=Stage.ENGAGEMENT,
        stage_since=accepted_on,
    )
    StageChange.objects.create(client=client, stage=Stage.ENGAGEMENT, changed_on=accepted_on, changed_by=by)
    ClientAssignment.objects.create(client=client, team=client.team, coach=coach, started=accepted_on)
    ServicePeriod.objects.create(client=client, service=service_type, started=accepted_on)
    referral.decision = Referral.Decision.ACCEPTED
    referral.decided_on = accepted_on
    referral.client = client
    referral.first_name = referral.last_name = ""
    referral.save()
    return client


def referral_decline(*, referral: Referral, declined_on: date, reason: str, note: str = "") -> Referral:
    """A declined referral keeps its source, dates and reason for the zero-exclusion item, but no name."""
    referral.decision = Referral.Decision.DECLINED
    referral.decided_on = declined_on
    referral.decline_reason = reason
    referral.decline_note = note
    referral.first_name = referral.last_name = ""
    referral.save()
    return referral


@transaction.atomic
def client_stage_change(*, client: Client, stage: str, changed_on: date, by: User) -> StageChange:
    """Move the client to a stage; the apps above ips follow through the client_stage_changed signal."""
    previous = client.stage
    change = StageChange.objects.create(client=client, stage=stage, changed_on=changed_on, changed_by=by)
    client.stage = stage
    client.stage_since = changed_on
    if stage != Stage.CLOSED:
        client.closed_on = None
    client.save()
    client_stage_changed.send(
        sender=Client, client=client, stage=stage, previous=previous, changed_on=changed_on, by=by
    )
    return change


@transaction.atomic
def client_close(
    *, client: Client, closed_on: date, outcome: str, reason: str, satisfaction: int | None, by: User
) -> Client:
    client.closed_on = closed_on
    client.outcome = outcome
    client.closure_reason = reason
    client.satisfaction = satisfaction
    client.service_ended = client.service_ended or closed_on
    client_stage_change(client=client, stage=Stage.CLOSED, changed_on=closed_on, by=by)
    if satisfaction is not None:
        # The closing survey is one round of the satisfaction survey like any other.
        SatisfactionAnswer.objects.create(client=client, answered_on=closed_on, score=satisfaction, recorded_by=by)
    # The closing day is still a day of service (the client is in the programme on it): the span ends after it.
    ClientAssignment.objects.filter(client=client, ended__isnull=True).update(ended=closed_on + timedelta(days=1))
    ServicePeriod.objects.filter(client=client, ended__isnull=True).update(ended=closed_on + timedelta(days=1))
    return client


@transaction.atomic
def client_assign(*, client: Client, team: Team, coach: User | None, on: date) -> ClientAssignment | None:
    """Record a change of team or coach; the open assignment ends the day the new one starts."""
    if client.team_id == team.pk and client.coach_id == (coach.pk if coach else None):
        return None
    current = ClientAssignment.objects.filter(client=client, ended__isnull=True).first()
    if current is not None:
        if current.started >= on:
            current.delete()  # a same-day correction replaces the assignment instead of leaving a zero-day one
        else:
            current.ended = on
            current.save(update_fields=["ended"])
    client.team = team
    client.coach = coach
    client.save(update_fields=["team", "coach", "updated"])
    return ClientAssignment.objects.create(client=client, team=team, coach=coach, started=on)


def time_entry_find_submitted(*, coach: User, submission_id) -> TimeEntry | None:
    """The entry an earlier POST with this submission id created (a double tap), if any."""
    if not submission_id:
        return None
    return TimeEntry.objects.filter(coach=coach, submission_id=submission_id).first()


def time_entry_record(*, form, coach: User, team_id: int) -> TimeEntry:
    """Save a new entry; a concurrent double tap that slipped past the form's check returns the first entry."""
    entry = form.save(commit=False)
    entry.coach = coach
    entry.team_id = team_id
    entry.coach_work = team_id in coach.roles.coach_teams
    try:
        with transaction.atomic():
            entry.save()
    except IntegrityError:
        existing = time_entry_find_submitted(coach=coach, submission_id=entry.submission_id)
        if existing is None:
            raise
        return existing
    return entry


@transaction.atomic
def time_entry_grid_save(*, coach: User, team_id: int, sheet, wanted: dict) -> int:
    """Make the coach's grid-made entries hold the minutes `wanted` per (row, day): create, update or delete.

    `sheet` is the week as read (locked) in this transaction (ips.week_sheet.WeekSheet). Entries are saved one by
    one so that each change gets its audit row; a cell left with two entries (a race of two first saves) becomes
    one. Returns how many entries changed.
    """
    changed = 0
    for ((kind_id, setting), day), minutes in wanted.items():
        existing = sheet.entries.get(((kind_id, setting), day), [])
        keep, extra = (existing[0], existing[1:]) if existing and minutes else (None, existing)
        for entry in extra:
            entry.delete()
            changed += 1
        if keep is not None and keep.minutes != minutes:
            keep.minutes = minutes
            keep.save(update_fields=["minutes", "updated"])
            changed += 1
        elif keep is None and minutes:
            TimeEntry.objects.create(
                coach=coach,
                team_id=team_id,
                date=day,
                kind_id=kind_id,
                setting=setting,
                minutes=minutes,
                from_grid=True,
            )
            changed += 1
    return changed
