"""A user's reminders outside Polku: the private calendar feed of their agenda and the daily e-mail digest."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class ReminderSettings(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_settings", verbose_name=_("user")
    )
    # The feed URL is the only credential a calendar app can keep: whoever has it reads the agenda (codes and
    # employer names, no person's names). Regenerating it makes every earlier URL answer 404.
    feed_token = models.CharField(_("calendar feed token"), max_length=64, unique=True, null=True, blank=True)
    daily_digest = models.BooleanField(_("daily e-mail digest"), default=False)
    digest_sent_on = models.DateField(_("digest last sent on"), null=True, blank=True)

    class Meta:
        verbose_name = _("reminder settings")
        verbose_name_plural = _("reminder settings")

    def __str__(self):
        return str(self.user)

    def regenerate_feed(self) -> None:
        self.feed_token = new_feed_token()
