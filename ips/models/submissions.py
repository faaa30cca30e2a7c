"""One row per form POST that saved something: a repeat of the same POST (a double click) saves nothing more."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Submission(models.Model):
    """A form's one-time submission id, claimed in the same transaction as what the POST saved.

    ips.submissions.OneTimeSubmissionMiddleware writes it; a second POST with the same id finds it and answers with
    the first one's result instead of saving again. Rows are kept for a day (SUBMISSION_KEEP there): each save
    deletes everyone's older rows, so a result URL naming a client does not outlive its use.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token = models.UUIDField()
    created_at = models.DateTimeField(auto_now_add=True)
    # Where the first POST sent the browser (its redirect); empty for an htmx answer rendered in place.
    result_url = models.CharField(max_length=2000, blank=True)

    class Meta:
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")
        constraints = [models.UniqueConstraint(fields=["user", "token"], name="submission_once_per_user")]
        indexes = [models.Index(fields=["created_at"], name="submission_created_idx")]

    def __str__(self):
        return f"{self.token} ({self.created_at:%Y-%m-%d %H:%M})"
