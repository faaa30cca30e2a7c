"""The employers app's part of My agenda (ips/agenda.py): follow-along contacts due and employers' next steps.

Registered in EmployersConfig.ready. Each source is one query for all the coaches asked about.
"""

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext

from employers.models import EmployerContact, FollowUp
from ips.agenda import AgendaItem, Kind
from ips.models import Stage


def follow_ups_due(*, viewer, coach_ids, today, until):
    """Follow-along contacts (IPS V12) due or overdue for the coaches' open clients; met ones are not found."""
    rows = (
        FollowUp.objects.visible_to(viewer)
        .filter(client__coach__in=coach_ids)
        .exclude(client__stage=Stage.CLOSED)
        .pending(today)
        .select_related("client", "job__employer")
    )
    for follow_up in rows:
        client = follow_up.client
        yield AgendaItem.of(
            Kind.FOLLOW_UP,
            follow_up,
            due_on=follow_up.due_on,
            coach_id=client.coach_id,
            title=gettext("%(code)s: follow-along contact, %(employer)s")
            % {"code": client.code, "employer": follow_up.job.employer.name},
            url=reverse("ips:client_detail", args=[client.uuid]),
            client=client,
        )


def next_steps_due(*, viewer, coach_ids, today, until):
    """Next steps the coaches planned with an employer, due by `until`, until a later contact with that employer."""
    later = EmployerContact.objects.filter(employer=OuterRef("employer"), date__gt=OuterRef("date"))
    rows = (
        EmployerContact.objects.filter(
            coach__in=coach_ids, team__in=viewer.roles.team_ids, next_step_on__isnull=False, next_step_on__lte=until
        )
        .exclude(Exists(later))
        .with_notes_for(viewer)
        .select_related("employer")
        .order_by("next_step_on")
    )
    for contact in rows:
        yield AgendaItem.of(
            Kind.NEXT_STEP,
            contact,
            due_on=contact.next_step_on,
            coach_id=contact.coach_id,
            title=gettext("Next step with %(employer)s") % {"employer": contact.employer.name},
            url=reverse("employers:employer_contact_create", args=[contact.employer.uuid]),
            detail=contact.shown_next_step,
        )
