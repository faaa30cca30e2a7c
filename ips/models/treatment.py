"""Dated treatment-team memberships of coaches and each client's treatment team with dates (fidelity item O1).

Spans follow ips/periods.py: `ended` is the first day no longer covered. `TreatmentTeam.coaches` and
`Client.treatment_team` hold what is in force today (ips.staff keeps them so); these rows are the history, and
`in_force(day)` answers for any day.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ips.access import AccessQuerySet
from ips.models.clients import AuditedUnderClient, Client, TreatmentTeam
from ips.periods import one_open_span, overlapping, span_ends_after_start


class DatedQuerySet(AccessQuerySet):
    def in_force(self, on=None):
        on = on or timezone.localdate()
        return self.filter(overlapping(on, on))

    def visible_to(self, user):
        return self.filter(treatment_team__organisation__in=user.roles.admin_orgs)


class TreatmentTeamMembership(models.Model):
    """A coach's membership of a treatment team, from `started` until `ended`."""

    treatment_team = models.ForeignKey(
        TreatmentTeam, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("treatment team")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="treatment_memberships",
        verbose_name=_("coach"),
    )
    started = models.DateField(_("started"))
    ended = models.DateField(_("ended"), null=True, blank=True)

    objects = DatedQuerySet.as_manager()

    class Meta:
        ordering = ["-started", "-pk"]
        verbose_name = _("treatment-team membership")
        verbose_name_plural = _("treatment-team memberships")
        constraints = [span_ends_after_start("treatment_member_ends_after_start")]

    def __str__(self):
        return f"{self.user} · {self.treatment_team}"


class ClientTreatmentTeam(AuditedUnderClient, models.Model):
    """The client's treatment team from `started` until `ended`."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="treatment_teams")
    treatment_team = models.ForeignKey(
        TreatmentTeam, on_delete=models.PROTECT, related_name="client_spans", verbose_name=_("treatment team")
    )
    started = models.DateField(_("started"))
    ended = models.DateField(_("ended"), null=True, blank=True)

    objects = DatedQuerySet.as_manager()

    class Meta:
        ordering = ["-started", "-pk"]
        verbose_name = _("client's treatment team")
        verbose_name_plural = _("clients' treatment teams")
        constraints = [
            one_open_span(["client"], "one_open_treatment_team_per_client"),
            span_ends_after_start("client_treatment_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.client} · {self.treatment_team}"
