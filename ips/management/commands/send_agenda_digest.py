"""Send each user who asked for it a short e-mail of their agenda's numbers: run once a day (docs/operations.md)."""

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext

from ips.agenda import Kind, agenda, counts
from ips.models import ReminderSettings


class Command(BaseCommand):
    help = (
        "E-mail every user with the daily digest turned on the numbers of their agenda (overdue, due today, coming "
        "up) with links to Polku: counts only, never a name or a code. A user gets at most one digest a day, and "
        "none when nothing is due."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        subscribers = (
            ReminderSettings.objects.filter(daily_digest=True, user__is_active=True)
            .exclude(user__email="")
            .filter(Q(digest_sent_on__isnull=True) | Q(digest_sent_on__lt=today))
            .select_related("user")
        )
        sent = 0
        for reminder in subscribers:
            user = reminder.user
            if not (user.roles.is_coach or user.roles.is_supervisor):
                continue
            with translation.override(user.language or settings.LANGUAGE_CODE):
                message = _digest(user, today)
                if message is None:
                    continue
                send_mail(*message, settings.DEFAULT_FROM_EMAIL, [user.email])
            reminder.digest_sent_on = today
            reminder.save(update_fields=["digest_sent_on"])
            sent += 1
        self.stdout.write(f"Sent {sent} agenda digest(s).")


def _digest(user, today):
    """(subject, body) in the active language, or None when nothing is due."""
    items = agenda(user, [user.pk], today)
    if not items:
        return None
    numbers = counts(items, today)
    by_kind = dict.fromkeys(Kind, 0)
    for item in items:
        by_kind[Kind(item.kind)] += 1
    total = len(items)
    subject = ngettext("Polku: %(count)d thing on your agenda", "Polku: %(count)d things on your agenda", total) % {
        "count": total
    }
    body = render_to_string(
        "ips/agenda_digest.txt",
        {
            "numbers": numbers,
            "kinds": [(kind.label, count) for kind, count in by_kind.items() if count],
            "agenda_url": settings.SITE_URL.rstrip("/") + reverse("ips:agenda"),
            "settings_url": settings.SITE_URL.rstrip("/") + reverse("ips:reminders"),
        },
    )
    return subject, body
