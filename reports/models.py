"""Funder workbooks built in the background: the request, its progress and the finished file."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ips.access import AccessQuerySet


class ExportQuerySet(AccessQuerySet):
    def visible_to(self, user):
        """An export is its requester's alone: it was built with their scopes."""
        return self.filter(requested_by=user) if user.is_authenticated else self.none()

    def expired(self):
        return self.filter(created__lt=expiry_cutoff())

    def current(self):
        return self.filter(created__gte=expiry_cutoff())


def expiry_cutoff():
    """Workbooks built before this are deleted: they may not be downloaded even while the row still exists."""
    return timezone.now() - timedelta(hours=settings.EXPORT_KEEP_HOURS)


class Export(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Being built")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exports")
    scope = models.CharField(max_length=80)
    scope_label = models.CharField(max_length=300)
    start = models.DateField()
    end = models.DateField()
    suppressed = models.BooleanField(default=True)
    language = models.CharField(max_length=8)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    # The file is kept in the database: every app instance can serve it, and it is deleted after EXPORT_KEEP_HOURS.
    content = models.BinaryField(null=True, editable=False)
    filename = models.CharField(max_length=120)
    # Clients listed by code in the file: each download is logged as access to them.
    client_ids = models.JSONField(default=list, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    finished = models.DateTimeField(null=True, blank=True)

    objects = ExportQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("export")
        verbose_name_plural = _("exports")

    def __str__(self):
        return self.filename

    @property
    def is_expired(self) -> bool:
        return self.created < expiry_cutoff()

    @property
    def is_pending(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)
