"""Limits on password-reset mail, counted in the database every instance shares."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone


def email_digest(email: str) -> str:
    """The table keeps no address: a digest of the normalised address is enough to count requests for it."""
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


def _window_start():
    return timezone.now() - timedelta(minutes=settings.PASSWORD_RESET_WINDOW_MINUTES)


class PasswordResetRequestQuerySet(models.QuerySet):
    def recent(self):
        return self.filter(requested_at__gt=_window_start())


class PasswordResetRequest(models.Model):
    """One row per password-reset request (whether the address exists or not), kept for the counting window."""

    email_digest = models.CharField(max_length=64)
    client_ip = models.GenericIPAddressField(null=True, blank=True)
    requested_at = models.DateTimeField(default=timezone.now)

    objects = PasswordResetRequestQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["email_digest", "requested_at"], name="ips_reset_email_time"),
            models.Index(fields=["client_ip", "requested_at"], name="ips_reset_ip_time"),
            models.Index(fields=["requested_at"], name="ips_reset_time"),
        ]

    def __str__(self):
        return f"{self.requested_at:%Y-%m-%d %H:%M} {self.client_ip or ''}"


def password_reset_allowed(*, email: str, client_ip: str | None) -> bool:
    """Record a request and say whether a mail may go out: at most PASSWORD_RESET_PER_ADDRESS requests per address
    and PASSWORD_RESET_PER_IP per client address within the window (refused requests count too)."""
    PasswordResetRequest.objects.filter(requested_at__lte=_window_start()).delete()
    digest = email_digest(email)
    recent = PasswordResetRequest.objects.recent()
    allowed = recent.filter(email_digest=digest).count() < settings.PASSWORD_RESET_PER_ADDRESS and (
        client_ip is None or recent.filter(client_ip=client_ip).count() < settings.PASSWORD_RESET_PER_IP
    )
    PasswordResetRequest.objects.create(email_digest=digest, client_ip=client_ip)
    return allowed
