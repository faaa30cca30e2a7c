"""Access logging of client data (django-auditlog's ACCESS entries).

Changes (create, update, delete) are logged by auditlog's registry; reads are logged here. Any model whose
instances belong to a client has get_additional_data() returning {"client": "<uuid>"}: that is how the log of
one client is found, whatever record was touched.
"""

from auditlog.context import set_actor
from auditlog.models import LogEntry
from auditlog.signals import accessed
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q


def mask_all(value: str) -> str:
    """Auditlog's mask for names: nothing of the value is kept."""
    return "***"


def _is_client_data(obj) -> bool:
    return callable(getattr(obj, "get_additional_data", None))


def _remote_addr(request) -> str | None:
    return request.META.get("REMOTE_ADDR")


def log_access(request, obj) -> None:
    """Write an ACCESS row for one object that belongs to a client; other objects are not logged."""
    if not _is_client_data(obj):
        return
    with set_actor(request.user, remote_addr=_remote_addr(request)):
        accessed.send(sender=type(obj), instance=obj)


def _access_row(request, obj, content_type, **extra) -> LogEntry:
    return LogEntry(
        content_type=content_type,
        object_pk=str(obj.pk),
        object_id=obj.pk,
        object_repr=str(obj),
        action=LogEntry.Action.ACCESS,
        actor=request.user,
        remote_addr=_remote_addr(request),
        additional_data={**obj.get_additional_data(), **extra},
    )


def log_access_many(request, objects) -> None:
    """One insert for a page that shows many clients (a list), so the query count does not grow with rows."""
    objects = [obj for obj in objects if _is_client_data(obj)]
    if not objects:
        return
    content_types = ContentType.objects.get_for_models(*{type(obj) for obj in objects})
    LogEntry.objects.bulk_create(_access_row(request, obj, content_types[type(obj)]) for obj in objects)


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
        LogEntry(
            content_type=content_type,
            object_pk=str(client.pk),
            object_id=client.pk,
            object_repr=str(client),
            action=LogEntry.Action.UPDATE,
            changes={"anonymised_on": ["None", str(client.anonymised_on)]},
            additional_data={**client.get_additional_data(), "anonymised": True},
        )
        for client in clients
    )
