"""Accompanied hand-over (saattaen vaihto): the client leaves for another service with someone from Polku at the
first meeting there. The destinations are a three-language list (seed 001's service map); the hand-over either
closes the client's service with Polku or lets it continue beside the new one."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ips.i18n import TranslatedName
from ips.models.clients import Client, Outcome
from ips.models.people import Team
from ips.models.record import ClientOwned, ClientRecordQuerySet
from ips.periods import short_date


class Destination(TranslatedName):
    """A service a client is handed over to. Rows ship in a data migration; admins add others."""

    class Code:
        MEDICAL_REHABILITATION = "medical_rehabilitation"
        VOCATIONAL_REHABILITATION = "vocational_rehabilitation"
        SOCIAL_REHABILITATION = "social_rehabilitation"
        REHABILITATIVE_WORK_ACTIVITY = "rehabilitative_work_activity"
        EDUCATION = "education"
        EMPLOYMENT_SERVICES = "employment_services"
        OCCUPATIONAL_HEALTH = "occupational_health"
        PENSION = "pension"

    outcome = models.CharField(
        _("outcome when the service closes"),
        max_length=24,
        choices=Outcome.choices,
        default=Outcome.OTHER_SERVICES,
        help_text=_("The outcome a hand-over that closes the client's service with Polku records."),
    )

    class Meta(TranslatedName.Meta):
        verbose_name = _("destination service")
        verbose_name_plural = _("destination services")


class HandOverQuerySet(ClientRecordQuerySet):
    def in_period(self, start, end):
        """Hand-overs whose first meeting at the new service falls within start..end (both included)."""
        return self.filter(first_meeting_on__gte=start, first_meeting_on__lte=end)


class HandOver(ClientOwned):
    """The client handed over to another service: who receives them, when the first meeting there was and who
    from Polku went along. `team` is the client's team on the day, so reports count it for the team that did it."""

    class Attended(models.TextChoices):
        COORDINATOR = "coordinator", _("The asiakasvastaava")
        COACH = "coach", _("The IPS coach")
        BOTH = "both", _("Both the asiakasvastaava and the coach")
        NEITHER = "neither", _("Neither")

    ATTENDED_BY_SOMEONE = (Attended.COORDINATOR, Attended.COACH, Attended.BOTH)

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="hand_overs", verbose_name=_("client"))
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+", verbose_name=_("team"))
    destination = models.ForeignKey(
        Destination, on_delete=models.PROTECT, related_name="hand_overs", verbose_name=_("destination service")
    )
    receiver_name = models.CharField(
        _("receiving person"),
        max_length=120,
        blank=True,
        help_text=_("The person who receives the client there, e.g. the rehabilitation counsellor."),
    )
    receiver_organisation = models.CharField(_("receiving organisation"), max_length=120)
    first_meeting_on = models.DateField(_("first meeting there"))
    attended = models.CharField(_("who went along to the first meeting"), max_length=12, choices=Attended.choices)
    closes_service = models.BooleanField(_("closes the service with Polku"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )

    objects = HandOverQuerySet.as_manager()

    class Meta:
        ordering = ["-first_meeting_on", "-pk"]
        verbose_name = _("hand-over")
        verbose_name_plural = _("hand-overs")
        indexes = [models.Index(fields=["team", "first_meeting_on"])]

    def __str__(self):
        return f"{self.client} · {short_date(self.first_meeting_on)}"
