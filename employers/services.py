"""Writes that touch several models: starting and ending a job, and the bridge to the ips side.

The functions under "ips integration" are the only places that know how ips records a client's stage, so a
change on the ips side is mended here and nowhere else (the daily-log entries that meet a follow-up are read in
employers.models.jobs, FollowUpQuerySet.with_state).
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from employers.models import Employer, FollowUp, Job
from ips.models import Stage
from ips.periods import add_months
from ips.services import client_stage_change

# --- follow-along plan (IPS fidelity V12) ---------------------------------------------------------------------

FOLLOW_UP_MONTHS = 12


@dataclass(frozen=True)
class PlannedFollowUp:
    kind: str
    window_start: datetime.date
    due_on: datetime.date


def follow_up_plan(start: datetime.date) -> list[PlannedFollowUp]:
    """Within 3 days of the start, weekly in the first month, then monthly until 12 months.

    Windows do not overlap: each opens the day after the previous one is due, so one visit meets one follow-up
    on time.
    """
    due_dates = [(FollowUp.Kind.AFTER_START, start + datetime.timedelta(days=3))]
    due_dates += [(FollowUp.Kind.WEEKLY, start + datetime.timedelta(weeks=week)) for week in range(1, 5)]
    due_dates += [(FollowUp.Kind.MONTHLY, add_months(start, month)) for month in range(2, FOLLOW_UP_MONTHS + 1)]
    plan, window_start = [], start
    for kind, due_on in due_dates:
        plan.append(PlannedFollowUp(kind, window_start, due_on))
        window_start = due_on + datetime.timedelta(days=1)
    return plan


@transaction.atomic
def job_start_record(
    *,
    client,
    employer: Employer,
    title: str,
    occupation_code: str,
    start_date: datetime.date,
    hours_per_week: Decimal,
    contract_type: str,
    hourly_wage: Decimal | None = None,
    competitive: bool = True,
    wage_subsidy: bool = False,
    by,
) -> Job:
    """Record a job start: the job, the follow-along plan, and the client's move to the support stage."""
    job = Job(
        client=client,
        employer=employer,
        title=title,
        occupation_code=occupation_code,
        start_date=start_date,
        hours_per_week=hours_per_week,
        hourly_wage=hourly_wage,
        contract_type=contract_type,
        competitive=competitive,
        wage_subsidy=wage_subsidy,
        created_by=by,
    )
    job.full_clean()
    job.save()
    FollowUp.objects.bulk_create(
        FollowUp(client=client, job=job, kind=p.kind, window_start=p.window_start, due_on=p.due_on)
        for p in follow_up_plan(start_date)
    )
    if employer.status != Employer.Status.HIRING_PARTNER:
        employer.status = Employer.Status.HIRING_PARTNER
        employer.save(update_fields=["status", "updated"])
    client_move_to_support(client=client, on=start_date, by=by)
    return job


@transaction.atomic
def job_end_record(*, job: Job, end_date: datetime.date, end_reason: str, by) -> Job:
    """End a job: plan a contact within 3 days and cancel the follow-ups planned after the end."""
    job.end_date, job.end_reason = end_date, end_reason
    job.full_clean()
    job.save(update_fields=["end_date", "end_reason"])
    job.follow_ups.filter(cancelled_on__isnull=True, done_on__isnull=True, due_on__gt=end_date).exclude(
        kind=FollowUp.Kind.AFTER_END
    ).update(cancelled_on=end_date, cancel_reason=FollowUp.CancelReason.JOB_ENDED)
    # Ending twice (a corrected date) replaces the earlier after-end contact rather than adding a second one.
    job.follow_ups.filter(kind=FollowUp.Kind.AFTER_END).delete()
    # A closed client's service has ended: nobody is to follow them along, so nothing is planned.
    if not job.client.is_closed:
        FollowUp.objects.create(
            client=job.client,
            job=job,
            kind=FollowUp.Kind.AFTER_END,
            window_start=end_date,
            due_on=end_date + datetime.timedelta(days=3),
        )
    return job


def follow_up_mark_done(*, follow_up: FollowUp, on: datetime.date, by) -> FollowUp:
    """Mark a follow-up met by hand (e.g. a phone call recorded elsewhere)."""
    follow_up.done_on, follow_up.done_by = on, by
    follow_up.save(update_fields=["done_on", "done_by"])
    return follow_up


# --- ips integration -------------------------------------------------------------------------------------------


def client_move_to_support(*, client, on: datetime.date, by) -> None:
    """Move the client to EUSE stage 5 (on- and off-the-job support) through ips's stage-change service.

    A client already in support keeps their stage date; a closed client is not reopened by a job record.
    """
    if client.stage in (Stage.SUPPORT, Stage.CLOSED):
        return
    client_stage_change(client=client, stage=Stage.SUPPORT, changed_on=on, by=by)


def on_client_stage_changed(*, client, stage, previous, changed_on, **kwargs) -> None:
    """ips's client_stage_changed signal (connected in EmployersConfig.ready), inside the stage change's
    transaction: closing cancels the client's open follow-ups, reopening plans the ones still ahead again."""
    if stage == Stage.CLOSED:
        follow_ups_cancel_for_closure(client=client, on=changed_on)
    elif previous == Stage.CLOSED:
        follow_ups_restore_after_reopening(client=client, on=changed_on)


def follow_ups_cancel_for_closure(*, client, on: datetime.date) -> int:
    """Cancel the client's follow-ups that are neither met nor cancelled yet, as of the closure date; the rows
    stay, so the client page can tell what was planned. Returns how many were cancelled.

    A corrected closure date moves the earlier closure's cancellations to the new date.
    """
    closed = FollowUp.CancelReason.SERVICE_CLOSED
    client.follow_ups.filter(cancel_reason=closed).update(cancelled_on=on)
    # Met ones are done (by a contact, a log entry or by hand), not cancelled: V12 and the client page count them.
    unmet = client.follow_ups.open().with_state(on).exclude(state=FollowUp.State.DONE).values_list("pk", flat=True)
    return FollowUp.objects.filter(pk__in=list(unmet)).update(cancelled_on=on, cancel_reason=closed)


def follow_ups_restore_after_reopening(*, client, on: datetime.date) -> int:
    """Plan again the follow-ups the closure cancelled that fall due on or after the reopening; those due while
    the service was closed stay cancelled. Returns how many were restored."""
    return client.follow_ups.filter(cancel_reason=FollowUp.CancelReason.SERVICE_CLOSED, due_on__gte=on).update(
        cancelled_on=None, cancel_reason=""
    )
