"""The client's privacy rights: a copy of everything Polku holds about them, and anonymisation after retention.

Both walk the client's reverse relations (Client._meta.related_objects) instead of a list of models: a record
that an app higher up adds with a foreign key to Client (employer contacts, jobs, follow-ups) is exported and
anonymised without ips importing that app, and so is any model added later.
"""

import uuid
from datetime import date, datetime

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from ips import audit, xlsx
from ips.models import AGE_BANDS, Client, Referral, age_band

# Fields that identify nothing and would only puzzle the reader of an export (a double-submit guard).
TECHNICAL_FIELDS = {"submission_id"}
# Anonymised values in the change history of the audit log.
MASK = "***"
# Clients per round of anonymisation: keeps the number of query parameters well inside every database's limit.
BATCH_SIZE = 500


def client_relations() -> list:
    """Every reverse relation of Client that holds records about the client (one-to-many or one-to-one)."""
    return [
        relation
        for relation in Client._meta.related_objects
        if (relation.one_to_many or relation.one_to_one) and relation.field.concrete
    ]


def records_of(relation, clients):
    """The rows of one relation that belong to the given client(s)."""
    lookup = relation.field.name if isinstance(clients, Client) else f"{relation.field.name}__in"
    return relation.related_model._default_manager.filter(**{lookup: clients})


# Right of access ------------------------------------------------------------------------------------------------


def _export_fields(model, *, skip=()) -> list:
    return [
        field
        for field in model._meta.concrete_fields
        if not field.primary_key and field.name not in TECHNICAL_FIELDS and field.name not in skip
    ]


def _cell(obj, field):
    if field.choices:
        return str(getattr(obj, f"get_{field.name}_display")())
    value = getattr(obj, field.name)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, datetime):
        # Spreadsheets have no time zones: local time, as the user saw it on the page.
        return timezone.localtime(value).replace(tzinfo=None)
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def _log_rows(client):
    actions = dict(LogEntry.Action.choices)
    for entry in audit.entries_for_client(client):
        extra = entry.additional_data or {}
        if extra.get("export"):
            action = _("Export")
        elif extra.get("anonymised"):
            action = _("Anonymised")
        else:
            action = str(actions[entry.action])
        record = f"{capfirst(entry.content_type.name)} {entry.object_repr}"
        yield timezone.localtime(entry.timestamp).replace(tzinfo=None), str(entry.actor or "–"), action, record


def client_export(client):
    """A workbook of everything about the client: their details, one sheet per kind of record, and the access log."""
    book = xlsx.new_workbook()
    details = [(str(capfirst(field.verbose_name)), _cell(client, field)) for field in _export_fields(Client)]
    details.append((_("Target groups"), ", ".join(str(group) for group in client.target_groups.all())))
    xlsx.add_sheet(book, _("Client"), [xlsx.Column(_("Field"), 32), xlsx.Column(_("Value"), 60)], details)
    for relation in client_relations():
        model = relation.related_model
        fields = _export_fields(model, skip={relation.field.name})
        related = [field.name for field in fields if field.is_relation]
        rows = records_of(relation, client).select_related(*related)
        columns = [xlsx.Column(capfirst(field.verbose_name), 20) for field in fields]
        xlsx.add_sheet(
            book,
            str(capfirst(model._meta.verbose_name_plural)),
            columns,
            ([_cell(row, field) for field in fields] for row in rows),
        )
    log_columns = [
        xlsx.Column(_("When"), 18, "yyyy-mm-dd hh:mm"),
        xlsx.Column(_("Who"), 24),
        xlsx.Column(_("Action"), 12),
        xlsx.Column(_("Record"), 40),
    ]
    xlsx.add_sheet(book, _("Access log"), log_columns, _log_rows(client))
    return book


# Anonymisation after the retention period -----------------------------------------------------------------------


def anonymised_text_fields(model) -> list[str]:
    """The free text of a model that anonymisation clears: every text field without choices, unless the model
    names it in `anonymise_keep` (a deliberate, reviewed exception)."""
    keep = getattr(model, "anonymise_keep", ())
    return [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField) and not field.choices and field.name not in keep
    ]


def _blanks(model) -> dict:
    return {name: None if model._meta.get_field(name).null else "" for name in anonymised_text_fields(model)}


def _other_personal_fields(model) -> dict:
    """Values beyond free text: the referral's birth year (the client keeps a banded one, set separately)."""
    return {"birth_year": None} if model is Referral else {}


def _band_birth_year(programme_entry: date | None, birth_year: int | None) -> int | None:
    """A birth year in the middle of the client's ESF+ age band at entry: past age-band counts stay the same."""
    band = age_band(programme_entry, birth_year)
    if band == "unknown":
        return None
    return programme_entry.year - next(middle for code, _above, middle in AGE_BANDS if code == band)


def _log_entries(clients, relations):
    """Audit-log rows about the clients or any of their records, including rows written before a record was
    linked to the client (a referral is logged under its own uuid until it is accepted).

    Returns the rows and, for each (content type, object pk), the code of the client the record belongs to.
    """
    codes = {("client", str(c.uuid)): c.code for c in clients}
    condition = Q(additional_data__client__in=[str(c.uuid) for c in clients])
    sources = [(Client, Client.objects.filter(pk__in=[c.pk for c in clients]), "code")]
    sources += [(r.related_model, records_of(r, clients), f"{r.field.name}__code") for r in relations]
    for model, queryset, code_path in sources:
        content_type = ContentType.objects.get_for_model(model)
        codes.update(((content_type.pk, str(pk)), code) for pk, code in queryset.values_list("pk", code_path))
        pks_as_text = queryset.order_by().annotate(pk_text=Cast("pk", CharField())).values("pk_text")
        condition |= Q(content_type=content_type, object_pk__in=pks_as_text)
    return LogEntry.objects.filter(condition), codes


def _batches(clients):
    clients = list(clients)
    for start in range(0, len(clients), BATCH_SIZE):
        yield clients[start : start + BATCH_SIZE]


def anonymisation_counts(clients) -> dict[str, int]:
    """What anonymise_clients() would change, by model label (ips.Client: 3, auditlog.LogEntry: 120): the dry run."""
    relations = client_relations()
    labels = [Client._meta.label, *(r.related_model._meta.label for r in relations), LogEntry._meta.label]
    counts = dict.fromkeys(labels, 0)
    for batch in _batches(clients):
        counts[Client._meta.label] += len(batch)
        for relation in relations:
            counts[relation.related_model._meta.label] += records_of(relation, batch).count()
        counts[LogEntry._meta.label] += _log_entries(batch, relations)[0].count()
    return counts


@transaction.atomic
def anonymise_clients(*, clients, today: date) -> dict[str, int]:
    """Replace the clients' personal data with nothing identifying; keep what aggregate figures count.

    Kept: the pseudonym code, team, dates, stages, outcome, gender, entry status, hours, jobs' dates and terms,
    scores. Cleared: names, free text, the referrer's contact, municipality; the birth year becomes the middle of
    the client's age band at entry. Queryset updates bypass auditlog's signals (which would copy the old values
    into the log) and leave `updated` timestamps alone (the V3 fidelity figures count profiles updated in a period).
    All of it happens in one transaction: a failure leaves every client as it was.
    """
    clients = list(clients)
    counts = anonymisation_counts(clients)
    relations = client_relations()
    client_values = _blanks(Client)
    masked = {Client: {*client_values, "birth_year"}}
    for relation in relations:
        masked[relation.related_model] = {
            *_blanks(relation.related_model),
            *_other_personal_fields(relation.related_model),
        }

    for batch in _batches(clients):
        for client in batch:
            client.birth_year = _band_birth_year(client.programme_entry, client.birth_year)
            client.anonymised_on = today
            for name, value in client_values.items():
                setattr(client, name, value)
        Client.objects.bulk_update(batch, [*client_values, "birth_year", "anonymised_on"])
        for relation in relations:
            model = relation.related_model
            values = {**_blanks(model), **_other_personal_fields(model)}
            if values:
                records_of(relation, batch).update(**values)
        _scrub_log(batch, relations, masked)
        audit.log_anonymisation(batch)
    return counts


def _scrub_log(clients, relations, masked: dict) -> None:
    """Mask the old and new values of cleared fields in the change history; the log keeps who did what when.

    A row's description becomes the client's code, since a description can quote free text (a job's title).
    """
    fields_of = {ContentType.objects.get_for_model(model).pk: fields for model, fields in masked.items()}
    entries, codes = _log_entries(clients, relations)
    entries = list(entries)
    for entry in entries:
        fields = fields_of.get(entry.content_type_id, set())
        if entry.changes:
            entry.changes = {
                name: [MASK, MASK] if name in fields and isinstance(change, list) else change
                for name, change in entry.changes.items()
            }
        entry.changes_text = ""
        entry.serialized_data = None
        owner = ("client", (entry.additional_data or {}).get("client"))
        entry.object_repr = codes.get((entry.content_type_id, entry.object_pk)) or codes.get(owner, "")
    LogEntry.objects.bulk_update(entries, ["changes", "changes_text", "serialized_data", "object_repr"], batch_size=500)
