"""Access logging of client data (django-auditlog's ACCESS entries).

Changes (create, update, delete) are logged by auditlog's registry; reads are logged here. Any model whose
instances belong to a client has get_additional_data() returning {"client": "<uuid>"}: that is how the log of
one client is found, whatever record was touched.

Within a request, `log_access_many` only collects: ips.middleware.AccessLogMiddleware writes what a request collected
in one insert after the view has answered, and nothing when the answer is a refusal or an error. Every view, fragment
and file that shows a client's name or code calls it with the rows it shows (tests/permissions/test_access_log.py
walks every URL and fails on a client shown without a row).
"""

from auditlog.context import set_actor
from auditlog.models import LogEntry
from auditlog.signals import accessed
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.db.models import Q

# The request attribute under which AccessLogMiddleware collects what the request's views show.
COLLECTED = "_polku_shown_client_data"


def mask_all(value: str) -> str:
    """Auditlog's mask for names: nothing of the value is kept."""
    return "***"


def _is_client_data(obj) -> bool:
    return callable(getattr(obj, "get_additional_data", None))


def remote_addr(request) -> str | None:
    """The address the request came from: behind the balancer (CLIENT_IP_FROM_FORWARDED_FOR) the last
    X-Forwarded-For entry, the one the balancer appended, which a client cannot forge; else REMOTE_ADDR."""
    if settings.CLIENT_IP_FROM_FORWARDED_FOR:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR") or None


def log_access(request, obj) -> None:
    """Write an ACCESS row for one object that belongs to a client; other objects are not logged."""
    if not _is_client_data(obj):
        return
    with set_actor(request.user, remote_addr=remote_addr(request)):
        accessed.send(sender=type(obj), instance=obj)


def _access_row(request, obj, content_type, **extra) -> LogEntry:
    return access_entry(request.user, remote_addr(request), obj, content_type, {**obj.get_additional_data(), **extra})


def _entry(obj, content_type, action, **fields) -> LogEntry:
    return LogEntry(
        content_type=content_type,
        object_pk=str(obj.pk),
        object_id=obj.pk,
        object_repr=str(obj),
        action=action,
        **fields,
    )


def access_entry(actor, address, obj, content_type, data: dict) -> LogEntry:
    """An unsaved ACCESS row: `actor` saw `obj` from `address`; `data` is the row's additional data."""
    return _entry(obj, content_type, LogEntry.Action.ACCESS, actor=actor, remote_addr=address, additional_data=data)


def log_access_by(actor, objects, *, address=None, **extra) -> None:
    """One insert of ACCESS rows naming `actor`, for every object that belongs to a client (each object once).

    `actor` is the person who saw the data: the request's user, or the user a management command runs as."""
    unique = {(type(obj), obj.pk): obj for obj in objects if _is_client_data(obj)}
    data = {key: obj.get_additional_data() for key, obj in unique.items()}
    rows = [(key, obj) for key, obj in unique.items() if data[key]]  # e.g. a contact about no client
    if not rows:
        return
    content_types = ContentType.objects.get_for_models(*{model for (model, _pk), _obj in rows})
    _insert([access_entry(actor, address, obj, content_types[key[0]], {**data[key], **extra}) for key, obj in rows])


def _insert(entries: list[LogEntry]) -> None:
    """Write the rows. bulk_create wraps its INSERT in a transaction: outside one (a request's access log, written
    after the view) that is a BEGIN and a COMMIT, two more round trips to the database. Rows that fit in one
    INSERT statement need neither, a single statement being atomic by itself; more go through bulk_create."""
    manager = LogEntry.objects
    fields = [field for field in LogEntry._meta.concrete_fields if not field.primary_key]
    if len(entries) > connections[manager.db].ops.bulk_batch_size(fields, entries):
        manager.bulk_create(entries)
    else:
        manager._insert(entries, fields=fields)


def log_access_many(request, objects) -> None:
    """Log the rows a page, fragment or file shows. Within AccessLogMiddleware the rows are collected and written
    in one insert when the response is sent, so neither the rows nor the calls make the query count grow."""
    collected = getattr(request, COLLECTED, None)
    if collected is not None:
        collected.extend(objects)
    else:
        log_access_by(request.user, objects, address=remote_addr(request))


def entries_for_client(client):
    """Every log row about the client or any record of theirs, newest first."""
    client_type = ContentType.objects.get_for_model(client)
    return (
        LogEntry.objects.filter(
            Q(content_type=client_type, object_pk=str(client.pk)) | Q(additional_data__client=str(client.uuid))
        )
        .select_related("actor", "content_type")
        .order_by("-timestamp")
    )


def log_export(request, obj, file_format: str) -> None:
    """An ACCESS row that says the client's data left Polku as a file (the right of access), and in what format."""
    _access_row(request, obj, ContentType.objects.get_for_model(obj), export=file_format).save()


def log_anonymisation(clients) -> None:
    """One UPDATE row per anonymised client, without the values that were removed."""
    content_type = ContentType.objects.get_for_model(type(clients[0])) if clients else None
    LogEntry.objects.bulk_create(
        _entry(
            client,
            content_type,
            LogEntry.Action.UPDATE,
            changes={"anonymised_on": ["None", str(client.anonymised_on)]},
            additional_data={**client.get_additional_data(), "anonymised": True},
        )
        for client in clients
    )
