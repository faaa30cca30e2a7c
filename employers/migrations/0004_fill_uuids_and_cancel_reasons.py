"""Data for the new columns: a uuid for each contact person, a reason for each cancelled follow-up, and the open
follow-ups of clients closed before closing cancelled them, cancelled as of the closure."""

import uuid

from django.db import migrations
from django.db.models import Exists, OuterRef, Subquery
from django.db.models.functions import Coalesce

# A frozen copy of employers.services.FOLLOW_UP_TIME_ENTRY_KINDS: the daily-log kinds that meet a follow-up.
MEETING_KINDS = ("on_the_job_support", "off_the_job_support", "client_meeting")


def forwards(apps, schema_editor):
    ContactPerson = apps.get_model("employers", "ContactPerson")
    FollowUp = apps.get_model("employers", "FollowUp")
    EmployerContact = apps.get_model("employers", "EmployerContact")
    Client = apps.get_model("ips", "Client")
    TimeEntry = apps.get_model("ips", "TimeEntry")

    people = list(ContactPerson.objects.filter(uuid__isnull=True).only("pk"))
    for person in people:
        person.uuid = uuid.uuid4()
    ContactPerson.objects.bulk_update(people, ["uuid"], batch_size=1000)

    # Until now only a job's end cancelled follow-ups.
    FollowUp.objects.filter(cancelled_on__isnull=False, cancel_reason="").update(cancel_reason="job_ended")

    # What FollowUpQuerySet.with_state calls met: a contact naming the client or a support entry in the window.
    met_by_contact = EmployerContact.objects.filter(client=OuterRef("client"), date__gte=OuterRef("window_start"))
    met_by_entry = TimeEntry.objects.filter(
        client=OuterRef("client"), date__gte=OuterRef("window_start"), kind__code__in=MEETING_KINDS
    )
    closure = Client.objects.filter(pk=OuterRef("client")).values("closed_on")
    since = Client.objects.filter(pk=OuterRef("client")).values("stage_since")
    closed_clients = Client.objects.filter(stage="closed").values("pk")
    FollowUp.objects.filter(
        client__in=closed_clients, cancelled_on__isnull=True, done_on__isnull=True
    ).exclude(Exists(met_by_contact)).exclude(Exists(met_by_entry)).update(
        cancelled_on=Coalesce(Subquery(closure), Subquery(since)), cancel_reason="service_closed"
    )


def backwards(apps, schema_editor):
    FollowUp = apps.get_model("employers", "FollowUp")
    FollowUp.objects.filter(cancel_reason="service_closed").update(cancelled_on=None, cancel_reason="")
    FollowUp.objects.update(cancel_reason="")


class Migration(migrations.Migration):

    dependencies = [
        ('employers', '0003_contact_person_uuid_active_follow_up_cancel_reason'),
        ('ips', '0004_performance_indexes'),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
