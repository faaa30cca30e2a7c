"""Feedback on the accessibility of Polku, sent from the accessibility statement (a duty of a public-sector web
service under the Finnish act on the provision of digital services, 306/2019)."""

import hashlib
from datetime import timedelta
from uuid import uuid4

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ips.models.people import Organisation


def sender_digest(client_ip: str | None) -> str:
    """The table keeps no address: a digest is enough to count one sender's messages."""
    return hashlib.sha256((client_ip or "").encode()).hexdigest()


class AccessibilityFeedbackQuerySet(models.QuerySet):
    def for_admins_of(self, organisation_ids):
        """What an organisation admin reads: their organisations' feedback, and what someone sent without signing
        in (the service is the same for every organisation)."""
        return self.filter(Q(organisation__in=organisation_ids) | Q(organisation__isnull=True))

    def recent_from(self, client_ip: str | None):
        since = timezone.now() - timedelta(minutes=60)
        return self.filter(sender=sender_digest(client_ip), sent_at__gt=since)


class AccessibilityFeedback(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="accessibility_feedback",
        verbose_name=_("organisation"),
    )
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    name = models.CharField(_("your name"), max_length=200, blank=True)
    email = models.EmailField(_("your e-mail address"), blank=True)
    page = models.CharField(_("page or service"), max_length=300, blank=True)
    message = models.TextField(_("message"), max_length=5000)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, blank=True)
    sender = models.CharField(max_length=64, editable=False)
    # The form's one-time id: a repeat of the same submission finds this row instead of saving again.
    submission_id = models.UUIDField(default=uuid4, unique=True, editable=False)

    objects = AccessibilityFeedbackQuerySet.as_manager()

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")
        indexes = [models.Index(fields=["sender", "sent_at"], name="ips_a11y_sender_time")]

    sender_digest = staticmethod(sender_digest)

    def __str__(self):
        return f"{self.sent_at:%Y-%m-%d} {self.page}"
