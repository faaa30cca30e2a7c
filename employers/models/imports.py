"""Imports of a team's own tracker (Excel or CSV): the run, and a link to every row it created or changed.

The uploaded file stays on the run (like an export's workbook) until the run is committed or cancelled, so that a
task worker can read it and the user can download it again with an error column. Every created row is linked by
content type and primary key, so that an undo removes exactly the import's rows and a re-import finds them again.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ips.access import AccessQuerySet
from ips.models import Team

# An import can be undone as a whole for this long after it was committed.
UNDO_DAYS = 7


class ImportKind(models.TextChoices):
    CLIENTS = "clients", _("Clients")
    EMPLOYERS = "employers", _("Employers")
    CONTACTS = "contacts", _("Employer contacts")
    JOBS = "jobs", _("Jobs")
    TIME_ENTRIES = "time_entries", _("Time entries (hours)")


class ImportRunQuerySet(AccessQuerySet):
    def visible_to(self, user):
        """Supervisors see the runs of their teams, organisation admins those of their organisations."""
        roles = user.roles
        return self.filter(Q(team__in=roles.supervisor_teams) | Q(team__organisation__in=roles.admin_orgs))


class ImportRun(models.Model):
    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Uploaded: map the columns")
        CHECKING = "checking", _("Being checked")
        CHECKED = "checked", _("Checked")
        COMMITTING = "committing", _("Being imported")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Cancelled")
        UNDONE = "undone", _("Undone")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="import_runs", verbose_name=_("team"))
    kind = models.CharField(_("what is imported"), max_length=20, choices=ImportKind.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="import_runs", verbose_name=_("imported by")
    )
    language = models.CharField(max_length=8, default="fi")
    filename = models.CharField(_("file name"), max_length=200)
    checksum = models.CharField(_("checksum (SHA-256)"), max_length=64)
    # The uploaded file, deleted when the run is committed, cancelled or undone.
    content = models.BinaryField(null=True, editable=False)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.UPLOADED)
    progress = models.PositiveSmallIntegerField(default=0)
    # What reading found: the header row's number, the column names and the number of data rows.
    header_row = models.PositiveIntegerField(default=1)
    headers = models.JSONField(default=list)
    # {"columns": {field: header}, "values": {field: {raw: value}}, "key": header or ""}
    mapping = models.JSONField(default=dict)
    # Values of mapped choice columns that matched nothing: {field: [raw, ...]}
    unmatched = models.JSONField(default=dict)
    # [{"row": file row number, "column": header, "message": text}], in the language of the check
    problems = models.JSONField(default=list)
    # Why the last check or commit stopped (a file that no longer reads, a refusal), in the user's language.
    message = models.CharField(max_length=500, blank=True)
    skip_errors = models.BooleanField(_("skip the rows with errors"), default=False)
    rows_total = models.PositiveIntegerField(default=0)
    rows_error = models.PositiveIntegerField(default=0)
    rows_created = models.PositiveIntegerField(default=0)
    rows_updated = models.PositiveIntegerField(default=0)
    rows_skipped = models.PositiveIntegerField(default=0)
    created = models.DateTimeField(auto_now_add=True)
    committed = models.DateTimeField(null=True, blank=True)
    undone = models.DateTimeField(null=True, blank=True)

    objects = ImportRunQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self):
        return self.filename

    @property
    def is_pending(self) -> bool:
        return self.status in (self.Status.CHECKING, self.Status.COMMITTING)

    @property
    def is_open(self) -> bool:
        """Not yet committed, cancelled or undone: the mapping may still change."""
        return self.status in (self.Status.UPLOADED, self.Status.CHECKED, self.Status.FAILED) and not self.committed

    @property
    def undo_until(self):
        return self.committed + timedelta(days=UNDO_DAYS) if self.committed else None

    @property
    def may_undo(self) -> bool:
        return self.status == self.Status.DONE and timezone.now() < self.undo_until


class ImportedRow(models.Model):
    """A row an import created (or updated, with its values before), found again by a re-import through `key`."""

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        UPDATED = "updated", _("Updated")

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="rows")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    action = models.CharField(max_length=8, choices=Action.choices, default=Action.CREATED)
    # The key of the file's row (a client code, a business ID, a chosen column, or the row's own values), for
    # main rows only: rows made alongside (a client's stage change, assignment, referral) have none.
    key = models.CharField(max_length=200, blank=True)
    before = models.JSONField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["content_type", "object_id"]), models.Index(fields=["run", "key"])]

    def __str__(self):
        return f"{self.run_id} · {self.content_type_id}:{self.object_id}"
