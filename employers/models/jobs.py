"""Jobs clients hold and the follow-along support planned around them."""

import uuid
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Least
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from employers.models.contacts import ClientShownQuerySet, EmployerContact
from employers.models.employers import Employer
from employers.validators import validate_occupation_code
from ips.models import ActivityKind, AuditedUnderClient, Client, TimeEntry
from ips.periods import overlapping, short_date

MAX_HOURS_PER_WEEK = Decimal("60")
DUE_SOON_DAYS = 7


class ClientOwnedQuerySet(ClientShownQuerySet):
    def visible_to(self, user):
        """Rows about a client are seen by the coaches and supervisors of the client's team, like the client."""
        return self.filter(client__team__in=user.roles.team_ids)


class JobQuerySet(ClientOwnedQuerySet):
    def with_client_shown_to(self, user):
        """As for any client's row, and the job title (free text that may name a person) only with the client."""
        return (
            super()
            .with_client_shown_to(user)
            .annotate(shown_title=Case(When(client__team__in=user.roles.team_ids, then=F("title")), default=Value("")))
        )

    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(overlapping(on, on, started="start_date", ended="end_date", last_day=True))


class Job(AuditedUnderClient, models.Model):
    class ContractType(models.TextChoices):
        PERMANENT = "permanent", _("Permanent")
        FIXED_TERM = "fixed_term", _("Fixed-term")
        ON_CALL = "on_call", _("On call / zero hours")
        APPRENTICESHIP = "apprenticeship", _("Apprenticeship")
        SELF_EMPLOYED = "self_employed", _("Self-employed")
        OTHER = "other", _("Other")

    class EndReason(models.TextChoices):
        CONTRACT_ENDED = "contract_ended", _("Fixed-term contract ended")
        BETTER_JOB = "better_job", _("Moved to a better job")
        RESIGNED = "resigned", _("Client resigned")
        DISMISSED = "dismissed", _("Dismissed by the employer")
        LAID_OFF = "laid_off", _("Laid off or production reasons")
        HEALTH = "health", _("Health reasons")
        STUDIES = "studies", _("Started studies")
        OTHER = "other", _("Other reason")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="jobs", verbose_name=_("client"))
    employer = models.ForeignKey(Employer, on_delete=models.PROTECT, related_name="jobs", verbose_name=_("employer"))
    title = models.CharField(_("job title"), max_length=200)
    occupation_code = models.CharField(
        _("occupation code"),
        max_length=5,
        validators=[validate_occupation_code],
        help_text=_("ISCO-08 / Ammattiluokitus 2010, at least 2 digits, e.g. 5223 for shop sales assistants."),
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    hours_per_week = models.DecimalField(
        _("hours per week"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(MAX_HOURS_PER_WEEK)],
    )
    hourly_wage = models.DecimalField(
        _("hourly wage (€)"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    contract_type = models.CharField(_("contract type"), max_length=20, choices=ContractType.choices)
    competitive = models.BooleanField(
        _("competitive job"),
        default=True,
        help_text=_(
            "Open to anyone on the open labour market, paid at least the collective-agreement wage "
            "and not reserved for disabled people."
        ),
    )
    wage_subsidy = models.BooleanField(_("wage subsidy (palkkatuki)"), default=False)
    end_reason = models.CharField(_("end reason"), max_length=20, choices=EndReason.choices, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)

    objects = JobQuerySet.as_manager()

    # Anonymisation (ips/privacy.py) clears the job's free text but keeps the occupation code: the funder
    # workbook's Jobs sheet reports it, and a code is not about the person.
    anonymise_keep = ("occupation_code",)

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("job")
        verbose_name_plural = _("jobs")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")), name="job_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(hours_per_week__gte=0, hours_per_week__lte=MAX_HOURS_PER_WEEK),
                name="job_hours_per_week_0_to_60",
            ),
            models.CheckConstraint(
                condition=Q(hourly_wage__isnull=True) | Q(hourly_wage__gte=0), name="job_wage_not_negative"
            ),
        ]

    def __str__(self):
        # Not the title: __str__ goes into audit rows, which the organisation admin reads, and a title is free text.
        return f"{short_date(self.start_date)} · {self.occupation_code}"


# Daily-log kinds that count as follow-along support.
FOLLOW_UP_TIME_ENTRY_KINDS = (
    ActivityKind.Code.ON_THE_JOB_SUPPORT,
    ActivityKind.Code.OFF_THE_JOB_SUPPORT,
    ActivityKind.Code.CLIENT_MEETING,
)


def _first_support_entry_date():
    """A subquery: the date of the first daily-log entry that meets a follow-up (same client, a support kind,
    on or after its window start)."""
    return Subquery(
        TimeEntry.objects.filter(
            client=OuterRef("client"),
            date__gte=OuterRef("window_start"),
            kind__code__in=FOLLOW_UP_TIME_ENTRY_KINDS,
        )
        .order_by("date")
        .values("date")[:1]
    )


class FollowUpQuerySet(ClientOwnedQuerySet):
    def open(self):
        return self.filter(cancelled_on__isnull=True)

    def with_state(self, today=None):
        """Annotate `met_on` and `state` (planned, due, overdue, done, cancelled), computed in SQL.

        A follow-up is met by the first employer contact naming the client, or the first matching daily-log entry,
        on or after the start of its window; a coach can also mark it done by hand (done_on). Nothing is stored
        when a contact is recorded, so the state cannot go stale.
        """
        today = today or timezone.localdate()
        contact_on = Subquery(
            EmployerContact.objects.filter(client=OuterRef("client"), date__gte=OuterRef("window_start"))
            .order_by("date")
            .values("date")[:1]
        )
        entry_on = _first_support_entry_date()
        # LEAST() with a NULL differs between SQLite and PostgreSQL: coalesce each side with the other first.
        met = Least(Coalesce(contact_on, entry_on), Coalesce(entry_on, contact_on))
        return self.annotate(met_on=Coalesce(F("done_on"), met)).annotate(
            state=Case(
                When(met_on__isnull=False, then=Value(FollowUp.State.DONE)),
                When(cancelled_on__isnull=False, then=Value(FollowUp.State.CANCELLED)),
                When(window_start__gt=today, then=Value(FollowUp.State.PLANNED)),
                # A monthly window is a month long; it shows as due in its last week, not for the whole month.
                When(due_on__gt=today + timedelta(days=DUE_SOON_DAYS), then=Value(FollowUp.State.PLANNED)),
                When(due_on__gte=today, then=Value(FollowUp.State.DUE)),
                default=Value(FollowUp.State.OVERDUE),
                output_field=models.CharField(),
            )
        )

    def pending(self, today=None):
        """Due now or overdue, oldest first: what the coach should do next."""
        states = [FollowUp.State.DUE, FollowUp.State.OVERDUE]
        return self.open().with_state(today).filter(state__in=states).order_by("due_on")


class FollowUp(AuditedUnderClient, models.Model):
    """A planned follow-along contact (IPS fidelity V12): after a job starts, weekly, monthly, after it ends."""

    class Kind(models.TextChoices):
        AFTER_START = "after_start", _("Within 3 days of the start")
        WEEKLY = "weekly", _("Weekly, first month")
        MONTHLY = "monthly", _("Monthly")
        AFTER_END = "after_end", _("Within 3 days of the end")

    class CancelReason(models.TextChoices):
        JOB_ENDED = "job_ended", _("The job ended")
        SERVICE_CLOSED = "service_closed", _("The service was closed")

    class State(models.TextChoices):
        PLANNED = "planned", _("Planned")
        DUE = "due", _("Due")
        OVERDUE = "overdue", _("Overdue")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("client"))
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("job"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    window_start = models.DateField(_("from"))
    due_on = models.DateField(_("due"))
    done_on = models.DateField(_("marked done on"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("marked done by"),
    )
    cancelled_on = models.DateField(_("cancelled on"), null=True, blank=True)
    cancel_reason = models.CharField(_("cancelled because"), max_length=20, choices=CancelReason.choices, blank=True)

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        ordering = ["due_on"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        constraints = [
            models.CheckConstraint(condition=Q(window_start__lte=F("due_on")), name="follow_up_window_before_due"),
            models.CheckConstraint(
                condition=Q(cancelled_on__isnull=True, cancel_reason="")
                | (Q(cancelled_on__isnull=False) & ~Q(cancel_reason="")),
                name="follow_up_cancelled_with_reason",
            ),
        ]
        indexes = [models.Index(fields=["client", "due_on"])]

    def __str__(self):
        return f"{self.get_kind_display()} · {short_date(self.due_on)}"

    @property
    def state_label(self) -> str:
        """The label of the `state` annotation (FollowUpQuerySet.with_state)."""
        return FollowUp.State(self.state).label
