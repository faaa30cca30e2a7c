"""Clients of IPS job coaching. Names stay on the client's own pages; everywhere else the pseudonym code stands."""

import secrets
import uuid
from datetime import date, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction
from django.db.models import Case, F, IntegerField, Max, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ips.access import AccessQuerySet
from ips.models.esf import DECLINED, EsfParticipant
from ips.models.lists import TargetGroup
from ips.models.people import Organisation, Team
from ips.periods import one_open_span, overlapping, short_date, span_ends_after_start

# Crockford-style alphabet: no I, L, O or U, so a code read aloud or copied by hand stays unambiguous.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# IPS practice: a client not seen for two weeks needs outreach.
OVERDUE_DAYS = 14
# The ESF+ age bands at programme entry: code, the first age above the band (None: no limit), and an age in the
# middle of the band (anonymisation keeps a birth year there, so past age-band counts stay the same).
AGE_BANDS = (("under_30", 30, 25), ("30_54", 55, 42), ("55_plus", None, 60))


def age_band(entry, birth_year) -> str:
    """The ESF+ age band at programme entry, or "unknown"."""
    if entry is None or birth_year is None:
        return "unknown"
    age = entry.year - birth_year
    return next(code for code, above, _middle in AGE_BANDS if above is None or age < above)


class Stage(models.TextChoices):
    """The EUSE five stages (THL's Finnish names in the catalogue), then closure."""

    ENGAGEMENT = "engagement", _("Engagement")
    PROFILE = "profile", _("Vocational profile")
    JOB_FINDING = "job_finding", _("Job finding")
    EMPLOYER_ENGAGEMENT = "employer_engagement", _("Employer engagement")
    SUPPORT = "support", _("On- and off-the-job support")
    CLOSED = "closed", _("Closed")


OPEN_STAGES = [s for s in Stage.values if s != Stage.CLOSED]


def path_order(field: str = "stage") -> Case:
    """A stage's place on the path (engagement first, closure last) in SQL, for ordering: the stage codes sort
    alphabetically, which is not the path's order."""
    places = (When(**{field: stage}, then=Value(place)) for place, stage in enumerate(Stage.values))
    return Case(*places, output_field=IntegerField())


class ServiceType(models.TextChoices):
    IPS = "ips", _("IPS job coaching")
    ASSESSMENT = "assessment", _("Work-ability assessment only")


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Other")
    DECLINED = DECLINED, _("Does not want to say")
    UNKNOWN = "unknown", _("Not known")


class ClientLanguage(models.TextChoices):
    FINNISH = "fi", _("Finnish")
    SWEDISH = "sv", _("Swedish")
    OTHER = "other", _("Other language")


class LabourMarketStatus(models.TextChoices):
    UNEMPLOYED = "unemployed", _("Unemployed")
    LONG_TERM_UNEMPLOYED = "long_term_unemployed", _("Long-term unemployed")
    INACTIVE = "inactive", _("Outside the labour force")
    EMPLOYED = "employed", _("Employed")
    STUDENT = "student", _("Student")
    REHABILITATION = "rehabilitation", _("In rehabilitation or on sick leave")
    PENSION = "pension", _("On a disability pension")
    DECLINED = DECLINED, _("Does not want to say")


class EducationLevel(models.TextChoices):
    ISCED_0_2 = "isced_0_2", _("Basic education at most (ISCED 0–2)")
    ISCED_3_4 = "isced_3_4", _("Upper secondary (ISCED 3–4)")
    ISCED_5_8 = "isced_5_8", _("Tertiary (ISCED 5–8)")
    DECLINED = DECLINED, _("Does not want to say")


class Outcome(models.TextChoices):
    OPEN_MARKET_JOB = "open_market_job", _("Job in the open labour market")
    EDUCATION = "education", _("Education")
    REHABILITATION = "rehabilitation", _("Rehabilitation")
    OTHER_SERVICES = "other_services", _("Other services")
    PENSION = "pension", _("Pension")
    MOVED_AWAY = "moved_away", _("Moved away")
    DECLINED_OR_STOPPED = "declined_or_stopped", _("Declined or stopped")


class TreatmentTeamQuerySet(AccessQuerySet):
    def visible_to(self, user):
        """Managed by the admins of its organisation."""
        return self.filter(organisation__in=user.roles.admin_orgs)


class TreatmentTeam(models.Model):
    """A health or social care team that coaches are members of; fidelity item O1 counts clients per team."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="treatment_teams", verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=200)
    coaches = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="treatment_teams", verbose_name=_("coach members")
    )

    objects = TreatmentTeamQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("treatment team")
        verbose_name_plural = _("treatment teams")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="treatment_team_unique_in_organisation")
        ]

    def __str__(self):
        return self.name


def served(team_ids, start, end, *, coach_id=None) -> Q:
    """The client was served by one of the teams (by one coach, if given) at some time from start to end.

    The one definition of "whose client, when" that caseloads, fidelity items and outcome reports share: a
    ClientAssignment to the team overlaps the period (a client who moved teams mid-period counts for both). Every
    client has assignment rows from programme entry on (ips.services writes them; migration 0005 backfilled older
    records); an assignment's end day already belongs to the next one (ips.periods).
    """
    return Q(pk__in=served_assignments(team_ids, start, end, coach_id=coach_id).values("client_id"))


def served_assignments(team_ids, start, end, *, coach_id=None):
    """The teams' (or one coach's) assignments overlapping start to end, read through the team index."""
    assigned = ClientAssignment.objects.filter(overlapping(start, end), team__in=team_ids)
    if coach_id:
        assigned = assigned.filter(coach=coach_id)
    return assigned.order_by()


def served_spans(team_ids, start, end, *, coach_id=None, fields=()):
    """Rows (client id, from, to, *fields) of the assignments in which served() holds, overlapping start to end.

    A client who moved between the teams, or left and came back, has several; `to` is None while the assignment
    is open. `fields` are the client's own fields to carry along. For figures over sub-periods (quarters): one read
    gives every sub-period's clients, where served() would be one subquery each.
    """
    return served_assignments(team_ids, start, end, coach_id=coach_id).values_list(
        "client_id", "started", "ended", *(f"client__{name}" for name in fields)
    )


class ClientQuerySet(AccessQuerySet):
    def served_by(self, team_ids, start, end, *, coach_id=None):
        """Clients the teams (or one coach) served at some time from start to end: see served()."""
        return self.filter(served(team_ids, start, end, coach_id=coach_id))

    def visible_to(self, user):
        """The client's team (coaches, supervisors, members of other professions); nobody else sees a client."""
        return self.filter(team__in=user.roles.client_team_ids)

    def editable_by(self, user):
        """An anonymised client stays as it is: editing would bring personal data back."""
        return self.visible_to(user).filter(anonymised_on__isnull=True)

    def active(self):
        return self.exclude(stage=Stage.CLOSED)

    def of_coach(self, user):
        return self.filter(coach=user)

    def due_for_anonymisation(self, closed_before):
        """Closed clients whose closure date is before the given day and who are not anonymised yet."""
        return self.filter(stage=Stage.CLOSED, closed_on__lt=closed_before, anonymised_on__isnull=True)

    def with_current_job(self, today=None):
        """current_job: the title of the client's newest running job.

        Jobs belong to the employers app, which ips may not import: the model is reached through the reverse
        relation "jobs" instead.
        """
        today = today or timezone.localdate()
        job_model = self.model._meta.get_field("jobs").related_model
        running = (
            job_model.objects.filter(
                overlapping(today, today, started="start_date", ended="end_date", last_day=True), client=OuterRef("pk")
            )
            .order_by("-start_date")
            .values("title")[:1]
        )
        return self.annotate(current_job=Subquery(running))

    def with_coordinator(self, today=None):
        """coordinator_label: the name of the client's asiakasvastaava today (a team member or an outside person).

        ips.models.team imports this module, so Coordinator is reached through the reverse relation.
        """
        today = today or timezone.localdate()
        coordinator_model = self.model._meta.get_field("coordinators").related_model
        label = (
            coordinator_model.objects.in_force(today)
            .filter(client=OuterRef("pk"))
            .with_label()
            .order_by("-started")
            .values("label")[:1]
        )
        return self.annotate(coordinator_label=Subquery(label))

    def with_plan_review(self):
        """plan_review_on: the next review date of the client's work-ability support plan (None without one)."""
        return self.annotate(plan_review_on=F("support_plan__next_review_on"))

    def with_last_contact(self):
        """last_contact: the date of the newest log entry with the client of a kind that counts as contact.

        ips.models.activity imports this module, so TimeEntry is reached through the reverse relation.
        """
        entry_model = self.model._meta.get_field("time_entries").related_model
        newest = (
            entry_model.objects.filter(client=OuterRef("pk"), kind__is_client_contact=True)
            .order_by()
            .values("client")
            .annotate(newest=Max("date"))
            .values("newest")
        )
        return self.annotate(last_contact=Subquery(newest, output_field=models.DateField()))

    def overdue(self, today=None, days=OVERDUE_DAYS):
        """Open clients not contacted for `days` days (a client never contacted counts from programme entry)."""
        return self.with_contact_reference().active().filter(overdue_q(today, days))

    def with_contact_reference(self):
        """contact_reference: the last contact, else programme entry, else the day the record was made."""
        qs = self if "last_contact" in self.query.annotations else self.with_last_contact()
        return qs.annotate(
            contact_reference=Coalesce(
                F("last_contact"), F("programme_entry"), TruncDate("created"), output_field=models.DateField()
            )
        )


def overdue_q(today=None, days=OVERDUE_DAYS) -> Q:
    """On a queryset with_contact_reference(): not contacted for `days` days."""
    return Q(contact_reference__lte=overdue_since(today, days))


def overdue_since(today=None, days=OVERDUE_DAYS) -> date:
    """The latest contact reference of a client who is overdue (overdue_q), for a row that carries it already."""
    return (today or timezone.localdate()) - timedelta(days=days)


class Client(EsfParticipant):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="clients", verbose_name=_("organisation")
    )
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="clients", verbose_name=_("team"))
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="clients",
        verbose_name=_("coach"),
    )
    code = models.CharField(_("pseudonym code"), max_length=20, editable=False)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)

    stage = models.CharField(_("stage"), max_length=24, choices=Stage.choices, default=Stage.ENGAGEMENT)
    stage_since = models.DateField(_("in this stage since"), default=timezone.localdate)
    programme_entry = models.DateField(
        _("programme entry"), null=True, blank=True, help_text=_("The date the referral was accepted.")
    )
    service_type = models.CharField(_("service"), max_length=12, choices=ServiceType.choices, default=ServiceType.IPS)
    service_started = models.DateField(_("service started"), null=True, blank=True)
    service_ended = models.DateField(_("service ended"), null=True, blank=True)

    birth_year = models.PositiveSmallIntegerField(
        _("birth year"), null=True, blank=True, validators=[MinValueValidator(1920), MaxValueValidator(2015)]
    )
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, default=Gender.UNKNOWN)
    municipality = models.CharField(_("municipality"), max_length=80, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=ClientLanguage.choices, default="fi")
    labour_market_status = models.CharField(
        _("labour-market status at entry"), max_length=24, choices=LabourMarketStatus.choices, blank=True
    )
    education_level = models.CharField(
        _("education level at entry"), max_length=12, choices=EducationLevel.choices, blank=True
    )
    out_of_work_at_referral = models.BooleanField(_("out of work at referral"), default=True)
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="clients", verbose_name=_("target groups")
    )
    treatment_team = models.ForeignKey(
        TreatmentTeam,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="clients",
        verbose_name=_("treatment team"),
    )
    next_step = models.CharField(_("next step"), max_length=200, blank=True)

    closed_on = models.DateField(_("closure date"), null=True, blank=True)
    closure_reason = models.CharField(_("closure reason"), max_length=200, blank=True)
    outcome = models.CharField(_("outcome"), max_length=24, choices=Outcome.choices, blank=True)
    satisfaction = models.PositiveSmallIntegerField(
        _("satisfaction (1–10)"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )

    # Set by `manage.py anonymise_closed` once the retention period is over: names and free text are gone.
    anonymised_on = models.DateField(_("anonymised on"), null=True, blank=True, editable=False)

    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = ClientQuerySet.as_manager()

    # Free text that anonymisation keeps (ips/privacy.py clears every other text field): the pseudonym code,
    # which funder workbooks of past periods carry.
    anonymise_keep = ("code",)

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("client")
        verbose_name_plural = _("clients")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="client_code_unique_in_organisation"),
            models.CheckConstraint(
                condition=Q(satisfaction__isnull=True) | Q(satisfaction__gte=1, satisfaction__lte=10),
                name="client_satisfaction_1_to_10",
            ),
            models.CheckConstraint(
                condition=Q(stage="closed", closed_on__isnull=False) | (~Q(stage="closed") & Q(closed_on__isnull=True)),
                name="client_closed_has_closure_date",
            ),
        ]
        indexes = [models.Index(fields=["team", "stage"]), models.Index(fields=["coach", "stage"])]

    def __str__(self):
        # The code, not the name: __str__ reaches audit logs, admin lists and error pages.
        return self.code

    def save(self, *args, **kwargs):
        if self.team_id and not self.organisation_id:
            self.organisation_id = self.team.organisation_id
        if self.code:
            return super().save(*args, **kwargs)
        prefix = self.organisation.code.upper()
        for _attempt in range(5):
            self.code = f"{prefix}-" + "".join(secrets.choice(CODE_ALPHABET) for _ in range(5))
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                if not Client.objects.filter(organisation_id=self.organisation_id, code=self.code).exists():
                    raise
        raise IntegrityError("Could not allocate a unique pseudonym code.")

    @property
    def full_name(self) -> str:
        if self.anonymised_on:
            return str(_("Anonymised client"))
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def short_label(self) -> str:
        """Code and first name with an initial: enough for the coach to pick from a list, little to leak."""
        if self.anonymised_on:
            return f"{self.code} · {self.full_name}"
        initial = f" {self.last_name[:1]}." if self.last_name else ""
        return f"{self.code} · {self.first_name}{initial}"

    @property
    def is_closed(self) -> bool:
        return self.stage == Stage.CLOSED

    @property
    def days_in_stage(self) -> int:
        return (timezone.localdate() - self.stage_since).days

    def get_additional_data(self) -> dict:
        """Stored with every audit-log row, so the log of one client can be listed."""
        return {"client": str(self.uuid)}


class AuditedUnderClient:
    """A row of one client's: every audit-log row about it is stored under the client's uuid, so the log of one
    client can be listed. A list that annotated `shown_client_uuid` (employers' with_client_shown_to) spares the
    query for the client."""

    def get_additional_data(self) -> dict:
        return {"client": str(getattr(self, "shown_client_uuid", None) or self.client.uuid)}


class StageChange(AuditedUnderClient, models.Model):
    """Every move along the client's path, kept for the client page and for outcome figures."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="stage_changes")
    stage = models.CharField(_("stage"), max_length=24, choices=Stage.choices)
    changed_on = models.DateField(_("date"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("changed by")
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-changed_on", "-created"]
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")

    def __str__(self):
        return f"{self.client} · {self.stage} · {short_date(self.changed_on)}"


class ClientAssignment(AuditedUnderClient, models.Model):
    """Who had the client when: fidelity items count caseloads over a period, and clients move between teams."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="assignments")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("team"))
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assignments",
        verbose_name=_("coach"),
    )
    started = models.DateField(_("started"))
    ended = models.DateField(_("ended"), null=True, blank=True)

    class Meta:
        ordering = ["-started", "-pk"]
        verbose_name = _("client assignment")
        verbose_name_plural = _("client assignments")
        constraints = [
            one_open_span(["client"], "one_open_assignment_per_client"),
            span_ends_after_start("assignment_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.client} · {self.team} · {self.coach or '–'}"

    @property
    def last_day(self):
        """The last day the assignment covered (`ended` is the first day it no longer does), as people read it."""
        return max(self.ended - timedelta(days=1), self.started) if self.ended else None
