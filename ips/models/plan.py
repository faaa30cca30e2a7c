"""The work-ability support plan (työkyvyn tuen suunnitelma) as the client's document.

The plan's goals are ips.Goal rows (set with the client); each goal has actions with who is responsible (a team
member or an outside party), a target date and a follow-up status. Every change writes a PlanChange (who changed
what, when): the plan's versions. The plan's next review date puts it on the Today of the asiakasvastaava and
the coach (`plan_reviews_due`).
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ips.models.clients import AuditedUnderClient, Client
from ips.models.record import ClientOwned, ClientRecordQuerySet, Goal
from ips.models.team import Coordinator

# A review due within this many days shows on Today.
REVIEW_NOTICE_DAYS = 7


class SupportPlan(ClientOwned):
    client = models.OneToOneField(
        Client, on_delete=models.CASCADE, related_name="support_plan", verbose_name=_("client")
    )
    agreed_on = models.DateField(_("agreed with the client on"), null=True, blank=True)
    next_review_on = models.DateField(_("next review"), null=True, blank=True)

    class Meta:
        verbose_name = _("work-ability support plan")
        verbose_name_plural = _("work-ability support plans")


class PlanAction(ClientOwned):
    """One action towards a goal: who does it (a team member or an outside party), by when, and how it went."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        NOT_DONE = "not_done", _("Not done")

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="plan_actions", verbose_name=_("client"))
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="actions", verbose_name=_("goal"))
    text = models.CharField(_("action"), max_length=200)
    responsible_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_actions",
        verbose_name=_("responsible team member"),
    )
    responsible_name = models.CharField(
        _("or responsible outside party"),
        max_length=120,
        blank=True,
        help_text=_("With their organisation, e.g. Kela, employment services, the client."),
    )
    target_date = models.DateField(_("target date"), null=True, blank=True)
    status = models.CharField(_("follow-up status"), max_length=12, choices=Status.choices, default=Status.PLANNED)
    follow_up = models.CharField(_("follow-up note"), max_length=200, blank=True)

    class Meta:
        ordering = ["target_date", "pk"]
        verbose_name = _("plan action")
        verbose_name_plural = _("plan actions")

    def __str__(self):
        return f"{self.client} · {self.get_status_display()}"

    @property
    def responsible(self) -> str:
        return str(self.responsible_user) if self.responsible_user_id else self.responsible_name

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.status in OPEN_ACTION_STATUSES and self.target_date is not None and self.target_date < today


# An action still to follow up: overdue once its target date has passed (PlanAction.is_overdue, the team report).
OPEN_ACTION_STATUSES = (PlanAction.Status.PLANNED, PlanAction.Status.IN_PROGRESS)


class PlanChangeQuerySet(ClientRecordQuerySet):
    pass


class PlanChange(AuditedUnderClient, models.Model):
    """A version of the plan: who changed what, when."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="plan_changes")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("changed by")
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)
    what = models.CharField(_("what changed"), max_length=400)

    objects = PlanChangeQuerySet.as_manager()

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("plan change")
        verbose_name_plural = _("plan changes")

    def __str__(self):
        return f"{self.client} · {self.changed_at:%Y-%m-%d}"


def plan_review_due_q(user, today=None, days=REVIEW_NOTICE_DAYS) -> Q:
    """Clients whose plan review is due within `days` (or overdue), of whom the user is the coach or the
    asiakasvastaava today."""
    today = today or timezone.localdate()
    coordinated = Coordinator.objects.in_force(today).filter(user=user).values("client_id")
    return (Q(coach=user) | Q(pk__in=coordinated)) & Q(support_plan__next_review_on__lte=review_due_by(today, days))


def review_due_by(today=None, days=REVIEW_NOTICE_DAYS) -> date:
    """The latest review date that plan_review_due_q counts as due, for a row that carries its review date."""
    return (today or timezone.localdate()) + timedelta(days=days)


def plan_reviews_due(user, today=None, days=REVIEW_NOTICE_DAYS):
    """Open clients whose plan review is due for the user (plan_review_due_q), each with plan_review_on: for
    Today and the agenda (ips/agenda.py plugs it in as a list of (client, day))."""
    return (
        Client.objects.visible_to(user)
        .active()
        .filter(plan_review_due_q(user, today, days))
        .with_plan_review()
        .order_by("plan_review_on", "code")
    )
