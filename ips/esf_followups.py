"""The ESF+ six-month follow-ups that are due: for the coach's agenda and the Today page.

ESF+ asks whether a participant is in employment six months after leaving. The coach who had the client at
closure asks and records the answer on the client's page; until then the client is on that coach's list.
"""

from datetime import date

from ips.models import Client, Stage
from ips.models.esf import FOLLOWUP_MONTHS, FOLLOWUP_WINDOW_MONTHS
from ips.periods import add_months


def followups_due(user, today: date):
    """The user's former clients whose six-month follow-up is due on or before today and not recorded yet.

    The user's own clients (the coach at closure) of teams the user still works in, oldest due first; a follow-up
    more than FOLLOWUP_WINDOW_MONTHS overdue leaves the list. Each row has `followup_due_on`.
    """
    return due_between(viewer=user, coach_ids=[user.pk], today=today, until=today)


def due_between(*, viewer, coach_ids, today: date, until: date):
    """Follow-ups not recorded of these coaches' former clients the viewer may see, due by `until` and not more
    than FOLLOWUP_WINDOW_MONTHS overdue on `today`."""
    latest_closure = add_months(until, -FOLLOWUP_MONTHS)
    earliest_closure = add_months(today, -(FOLLOWUP_MONTHS + FOLLOWUP_WINDOW_MONTHS))
    return (
        Client.objects.visible_to(viewer)
        .filter(
            coach__in=coach_ids,
            stage=Stage.CLOSED,
            closed_on__lte=latest_closure,
            closed_on__gt=earliest_closure,
            followup_result="",
            anonymised_on__isnull=True,
        )
        .order_by("closed_on", "code")
    )
