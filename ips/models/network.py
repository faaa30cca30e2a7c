"""Network meetings (verkostopalaveri) around the client: who took part, what was agreed, which plan goals."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ips.models.clients import Client
from ips.models.lists import Party
from ips.models.record import ClientOwned, Goal
from ips.periods import short_date


class NetworkMeeting(ClientOwned):
    """A meeting of the client's network: team members, and outside parties (Kela, employment services,
    occupational health...) that the client's consent must cover on the day."""

    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="network_meetings", verbose_name=_("client")
    )
    held_on = models.DateField(_("date"))
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="network_meetings", verbose_name=_("team members")
    )
    parties = models.ManyToManyField(
        Party, blank=True, related_name="network_meetings", verbose_name=_("outside parties")
    )
    outside_participants = models.CharField(
        _("outside participants"),
        max_length=300,
        blank=True,
        help_text=_("Names with their organisation, e.g. Liisa Lahti (Kela)."),
    )
    agreed = models.CharField(_("what was agreed"), max_length=300, blank=True)
    goals = models.ManyToManyField(Goal, blank=True, related_name="network_meetings", verbose_name=_("plan goals"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("network meeting")
        verbose_name_plural = _("network meetings")

    def __str__(self):
        return f"{self.client} · {short_date(self.held_on)}"
