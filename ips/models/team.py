"""The work-ability support team around the client: the asiakasvastaava (the client's coordinating professional)
as a dated assignment with history, and the client's services as dated periods.

Spans follow ips/periods.py: `ended` is the first day no longer covered, so a hand-over ends one assignment on
the day the next starts.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Coalesce, Concat, NullIf
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ips.models.clients import Client, ServiceType
from ips.models.record import ClientOwned, ClientRecordQuerySet
from ips.periods import one_open_span, overlapping, short_date, span_ends_after_start


class CoordinatorQuerySet(ClientRecordQuerySet):
    def in_force(self, on=None):
        on = on or timezone.localdate()
        return self.filter(overlapping(on, on))

    def with_label(self):
        """label: the Polku user's full name (or username), else the outside person's name."""
        full_name = NullIf(Concat(F("user__first_name"), Value(" "), F("user__last_name")), Value(" "))
        return self.annotate(label=Coalesce(full_name, NullIf(F("user__username"), Value("")), F("name")))


class Coordinator(ClientOwned):
    """The client's asiakasvastaava from `started` until `ended`: a Polku user (a team member) or someone outside
    Polku, named with their organisation (the form asks for one or the other; anonymisation clears the name).
    A change is a hand-over, recorded with its date and reason."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="coordinators", verbose_name=_("client"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coordinator_assignments",
        verbose_name=_("team member"),
    )
    name = models.CharField(_("name (outside Polku)"), max_length=120, blank=True)
    organisation_name = models.CharField(_("organisation"), max_length=120, blank=True)
    started = models.DateField(_("from"))
    ended = models.DateField(_("until"), null=True, blank=True)
    reason = models.CharField(_("reason for the change"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    objects = CoordinatorQuerySet.as_manager()

    class Meta:
        ordering = ["-started", "-pk"]
        verbose_name = _("asiakasvastaava")
        verbose_name_plural = _("asiakasvastaavat")
        constraints = [
            one_open_span(["client"], "one_open_coordinator_per_client"),
            span_ends_after_start("coordinator_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.client} · {short_date(self.started)}"

    @property
    def display_name(self) -> str:
        return str(self.user) if self.user_id else self.name


class ServicePeriodQuerySet(ClientRecordQuerySet):
    def overlapping(self, start, end):
        return self.filter(overlapping(start, end))

    def ips(self):
        return self.filter(service=ServiceType.IPS)


class ServicePeriod(ClientOwned):
    """The client's service from `started` until `ended`: work-ability assessment and support only, or IPS job
    coaching (both at once: two periods that overlap). Reports count "clients in IPS coaching in a period" by
    these dates, so a client who moved from assessment to IPS counts as IPS only from the move on."""

    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="service_periods", verbose_name=_("client")
    )
    service = models.CharField(_("service"), max_length=12, choices=ServiceType.choices)
    started = models.DateField(_("from"))
    ended = models.DateField(_("until"), null=True, blank=True)

    objects = ServicePeriodQuerySet.as_manager()

    class Meta:
        ordering = ["-started", "-pk"]
        verbose_name = _("service period")
        verbose_name_plural = _("service periods")
        constraints = [
            one_open_span(["client", "service"], "one_open_period_per_service"),
            span_ends_after_start("service_period_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.client} · {self.service} · {short_date(self.started)}"

    @property
    def last_day(self):
        """The last day covered (`ended` is the first day no longer covered), as people read it."""
        return max(self.ended - timedelta(days=1), self.started) if self.ended else None
