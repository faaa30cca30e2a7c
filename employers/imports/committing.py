"""Writing a checked import all or nothing, and undoing it as a whole.

The file is checked again when it is committed (the data may have changed since the preview), then every row is
written in one transaction: a failure anywhere leaves nothing behind. Each row made is linked to the run
(ImportedRow), the main rows with the key a re-import finds them by. Time entries, contacts and jobs go in with
bulk_create; clients one by one, because each one allocates its pseudonym code.
"""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.utils import timezone
from django.utils.translation import gettext as _

from employers.imports.checking import CREATE, MODELS, SKIP, UPDATE, Checker, Result
from employers.models import ImportedRow, ImportKind, ImportRun
from ips import audit
from ips.models import (
    ClientAssignment,
    Consent,
    Referral,
    ServicePeriod,
    Stage,
    StageChange,
    TimeEntry,
    refresh_daily_minutes,
)

BATCH = 1000
# A row changed later than this after the commit counts as changed by someone (the commit's own saves are earlier).
CHANGED_AFTER = timedelta(minutes=1)


class CommitRefused(Exception):
    """The import cannot be committed or undone; the message says why, in the user's language."""


class _Links:
    def __init__(self, run):
        self.run = run
        self.rows = []
        self.types = {}

    def add(self, obj, *, key="", action=ImportedRow.Action.CREATED, before=None):
        model = type(obj)
        if model not in self.types:
            self.types[model] = ContentType.objects.get_for_model(model)
        self.rows.append(
            ImportedRow(
                run=self.run, content_type=self.types[model], object_id=obj.pk, key=key, action=action, before=before
            )
        )

    def save(self):
        ImportedRow.objects.bulk_create(self.rows, batch_size=BATCH)


def _before(obj, form) -> dict:
    """The saved values of the fields the import changes, as text (an undo puts them back)."""
    fields = {f.name: f for f in obj._meta.concrete_fields}
    saved = type(obj)._default_manager.get(pk=obj.pk)
    return {
        name: None if fields[name].value_from_object(saved) is None else fields[name].value_to_string(saved)
        for name in form.changed_data
        if name in fields
    }


def commit(run: ImportRun, result: Result, *, progress=lambda percent: None) -> None:
    """Write the checked rows; refused (nothing written) while rows have errors, unless the user chose to skip them."""
    if result.bad and not run.skip_errors:
        raise CommitRefused(_("The file still has rows with errors. Correct them, or choose to skip those rows."))
    rows = [row for row in result.rows if not row.errors]
    links = _Links(run)
    created = updated = skipped = 0
    with transaction.atomic():
        fresh = []
        for row in rows:
            if row.action == SKIP:
                skipped += 1
            elif row.action == UPDATE:
                before = _before(row.existing, row.form)
                obj = row.form.save()
                links.add(obj, key=row.key, action=ImportedRow.Action.UPDATED, before=before)
                updated += 1
            elif row.action == CREATE:
                fresh.append(row)
        progress(50)
        writer = _WRITERS[run.kind]
        writer(run, fresh, links)
        created = len(fresh)
        progress(80)
        links.save()
        _log_clients_read(run, rows)
        ImportRun.objects.filter(pk=run.pk).update(
            status=ImportRun.Status.DONE,
            progress=100,
            rows_created=created,
            rows_updated=updated,
            rows_skipped=skipped,
            rows_error=len(result.bad),
            committed=timezone.now(),
            content=None,
        )


def _log_clients_read(run, rows) -> None:
    """The import read these clients' records (to match or to attach rows): one access row each, naming the importer."""
    clients = {}
    for row in rows:
        client = row.extra.get("client") or (row.existing if run.kind == ImportKind.CLIENTS else None)
        if client is None and row.form is not None:
            client = row.form.cleaned_data.get("client")
        if client is not None:
            clients[client.pk] = client
    audit.log_access_by(run.created_by, clients.values())


def _bulk(run, rows, links, build) -> None:
    objects = [build(row) for row in rows]
    model = MODELS[run.kind]
    for start in range(0, len(objects), BATCH):
        model.objects.bulk_create(objects[start : start + BATCH])
    for row, obj in zip(rows, objects, strict=True):
        links.add(obj, key=row.key)


def _time_entry(row):
    entry = row.form.save(commit=False)
    entry.coach = row.extra["coach"]
    entry.team_id = row.form.instance.team_id
    return entry


def _contact(row):
    return row.form.save(commit=False)


def _job(row):
    job = row.form.save(commit=False)
    job.client = row.extra["client"]
    end = row.extra.get("end")
    if end:
        job.end_date, job.end_reason = end["end_date"], end["end_reason"]
    return job


def _write_time_entries(run, rows, links):
    _bulk(run, rows, links, _time_entry)


def _write_contacts(run, rows, links):
    _bulk(run, rows, links, _contact)


def _write_jobs(run, rows, links):
    def build(row):
        job = _job(row)
        job.created_by = run.created_by
        return job

    # Historic jobs plan no follow-along contacts: those are planned for jobs recorded as they start.
    _bulk(run, rows, links, build)


def _write_employers(run, rows, links):
    for row in rows:
        links.add(row.form.save(), key=row.key)


def _write_clients(run, rows, links):
    """A client met before Polku: the client, the path's stage changes, the assignment, the referral and consent."""
    changes, assignments, services, referrals, consents = [], [], [], [], []
    for row in rows:
        client = row.form.save(commit=False)
        extra = row.extra
        entry, stage, closed_on = extra["entry"], extra["stage"], extra["closed_on"]
        client.programme_entry = entry
        client.service_type = extra["service_type"]
        client.service_started, client.service_ended = extra["service_started"], extra["service_ended"]
        client.stage = stage
        client.stage_since = closed_on or entry
        client.closed_on = closed_on
        client.outcome = extra["outcome"]
        client.save()
        row.form.save_m2m()
        links.add(client, key=row.key)
        changes.append(StageChange(client=client, stage=Stage.ENGAGEMENT, changed_on=entry, changed_by=run.created_by))
        if stage not in (Stage.ENGAGEMENT, Stage.CLOSED):
            changes.append(StageChange(client=client, stage=stage, changed_on=entry, changed_by=run.created_by))
        if closed_on:
            changes.append(
                StageChange(client=client, stage=Stage.CLOSED, changed_on=closed_on, changed_by=run.created_by)
            )
        assignments.append(
            ClientAssignment(
                client=client,
                team=client.team,
                coach=client.coach,
                started=entry,
                ended=closed_on + timedelta(days=1) if closed_on else None,
            )
        )
        # The service as a dated period (what the funder figures count by): `ended` is the first day not covered.
        services.append(
            ServicePeriod(
                client=client,
                service=client.service_type,
                started=client.service_started,
                ended=client.service_ended + timedelta(days=1) if client.service_ended else None,
            )
        )
        if extra["source"] is not None:
            referrals.append(
                Referral(
                    team=client.team,
                    source=extra["source"],
                    referred_on=entry,
                    decision=Referral.Decision.ACCEPTED,
                    decided_on=entry,
                    client=client,
                )
            )
        if extra["consent"] is not None:
            consents.append(
                Consent(client=client, given_on=extra["consent"], scope=_("Recorded in the imported tracker"))
            )
    for model, objects in (
        (StageChange, changes),
        (ClientAssignment, assignments),
        (ServicePeriod, services),
        (Referral, referrals),
        (Consent, consents),
    ):
        model.objects.bulk_create(objects)
        for obj in objects:
            links.add(obj)


_WRITERS = {
    ImportKind.TIME_ENTRIES: _write_time_entries,
    ImportKind.CONTACTS: _write_contacts,
    ImportKind.JOBS: _write_jobs,
    ImportKind.EMPLOYERS: _write_employers,
    ImportKind.CLIENTS: _write_clients,
}


def run_check(run, sheet, *, progress=lambda percent: None) -> Result:
    return Checker(run, sheet, progress=progress).check()


# --- undo -------------------------------------------------------------------------------------------------------------


def undo(run: ImportRun) -> int:
    """Remove the rows the import created and put back what it updated; refused when anything was built on them.

    Returns the number of rows removed. Refused (CommitRefused, nothing changed) after UNDO_DAYS, when a created
    row was changed after the import, or when other rows now refer to the created ones (a contact with an imported
    employer, a log entry for an imported client)."""
    if not run.may_undo:
        raise CommitRefused(_("This import can no longer be undone: imports can be undone for 7 days."))
    with transaction.atomic():
        links = list(run.rows.select_related("content_type"))
        created, updated = {}, []
        for link in links:
            if link.action == ImportedRow.Action.CREATED:
                created.setdefault(link.content_type.model_class(), set()).add(link.object_id)
            else:
                updated.append(link)
        objects = []
        changed_after = run.committed + CHANGED_AFTER
        for model, pks in created.items():
            rows = list(model._default_manager.filter(pk__in=pks))
            if any(getattr(obj, "updated", None) and obj.updated > changed_after for obj in rows):
                raise CommitRefused(_("Rows of this import have been changed since, so it cannot be undone."))
            objects.extend(rows)
        collector = Collector(using="default")
        try:
            collector.collect(objects)
        except (ProtectedError, RestrictedError) as error:
            raise CommitRefused(_("Other records now refer to rows of this import, so it cannot be undone.")) from error
        for model, instances in collector.data.items():
            if model is ImportedRow:
                continue
            if any(obj.pk not in created.get(model, ()) for obj in instances):
                raise CommitRefused(_("Other records now refer to rows of this import, so it cannot be undone."))
        for link in updated:
            model = link.content_type.model_class()
            model._default_manager.filter(pk=link.object_id).update(**_restored(model, link.before or {}))
        collector.delete()
        # The collector deletes past TimeEntry.delete(): the summary of the removed entries' days is refreshed here.
        refresh_daily_minutes({(entry.team_id, entry.date) for entry in collector.data.get(TimeEntry, ())})
        ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.UNDONE, undone=timezone.now())
        return sum(len(pks) for pks in created.values())


def _restored(model, before: dict) -> dict:
    values = {}
    for name, value in before.items():
        field = model._meta.get_field(name)
        values[field.attname] = field.to_python(value) if value is not None else None
    return values
