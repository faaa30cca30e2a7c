"""The client's record beyond the basics: consent, goals, vocational profile, Kykyviisari scores, satisfaction."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ips.access import AccessQuerySet
from ips.models.clients import AuditedUnderClient, Client
from ips.models.lists import Party
from ips.periods import short_date


class ClientRecordQuerySet(AccessQuerySet):
    def visible_to(self, user):
        return self.filter(client__team__in=user.roles.client_team_ids)


class ClientOwned(AuditedUnderClient, models.Model):
    """A row that belongs to one client: audited under the client's uuid."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = ClientRecordQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.client}"


class ConsentQuerySet(ClientRecordQuerySet):
    def valid_on(self, day):
        return (
            self.filter(given_on__lte=day)
            .filter(Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=day))
            .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=day))
        )


def uncovered_parties(client, parties, day) -> list:
    """Those of `parties` that no consent of the client valid on `day` covers (one query): a write naming them is
    refused until the client's consent covers them."""
    wanted = [party.pk for party in parties]
    if not wanted:
        return []
    valid = Consent.objects.filter(client=client).valid_on(day)
    return list(Party.objects.filter(pk__in=wanted).exclude(consents__in=valid).order_by("order", "code"))


def employers_uncovered(client, day) -> list:
    """[the employers party] when no consent of the client valid on `day` lets the coach talk to employers about
    the client, else []: one query, for employer contacts and jobs that name the client."""
    valid = Consent.objects.filter(client=client).valid_on(day)
    return list(Party.objects.filter(code=Party.Code.EMPLOYERS).exclude(consents__in=valid))


def consent_missing_message(parties) -> str:
    names = ", ".join(party.name for party in parties)
    return _(
        "The client's consent does not cover %(parties)s on this day (none recorded, expired or withdrawn). "
        "Record the client's consent to exchange information with them first."
    ) % {"parties": names}


class Consent(ClientOwned):
    """Written consent (suostumus) to exchange information within the network; needed before network work."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="consents", verbose_name=_("client"))
    given_on = models.DateField(_("given on"))
    parties = models.ManyToManyField(
        Party,
        blank=True,
        related_name="consents",
        verbose_name=_("parties"),
        help_text=_("With whom information may be exchanged."),
    )
    scope = models.CharField(
        _("scope in words"),
        max_length=200,
        blank=True,
        help_text=_("Anything the parties above do not say, e.g. the name of the occupational health provider."),
    )
    # The last day the consent is valid (inclusive, as the client signs it); empty: until withdrawn.
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        ordering = ["-given_on"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = [
            models.CheckConstraint(
                condition=Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=models.F("given_on")),
                name="consent_withdrawn_after_given",
            ),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("given_on")),
                name="consent_valid_until_after_given",
            ),
        ]

    def __str__(self):
        return f"{self.client} · {short_date(self.given_on)}"

    def is_valid_on(self, day) -> bool:
        return (
            self.given_on <= day
            and (self.withdrawn_on is None or self.withdrawn_on > day)
            and (self.valid_until is None or self.valid_until >= day)
        )


class Goal(ClientOwned):
    """A goal of the work-ability support plan (työkyvyn tuen suunnitelma), set with the client."""

    class Status(models.TextChoices):
        OPEN = "open", _("In progress")
        ACHIEVED = "achieved", _("Achieved")
        CHANGED = "changed", _("Changed")
        DROPPED = "dropped", _("Dropped")

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="goals", verbose_name=_("client"))
    text = models.CharField(_("goal"), max_length=200)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    set_on = models.DateField(_("set on"))
    target_date = models.DateField(_("target date"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    class Meta:
        ordering = ["status", "-set_on"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self):
        return f"{self.client} · {self.get_status_display()}"


class VocationalProfile(ClientOwned):
    """The vocational profile, built with the client over a few meetings and updated after each job."""

    client = models.OneToOneField(Client, on_delete=models.CASCADE, related_name="profile", verbose_name=_("client"))
    preferences = models.TextField(_("work preferences"), max_length=1000, blank=True)
    strengths = models.TextField(_("strengths"), max_length=1000, blank=True)
    work_history = models.TextField(_("work and education history"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("vocational profile")
        verbose_name_plural = _("vocational profiles")

    def __str__(self):
        return f"{self.client}"


# The areas of the Kykyviisari self-assessment, each scored 0–10 beside the general score. The domain reference
# names the questionnaire ICF-based but not its areas: these are the ICF components it asks about, grouped in our
# own words. Codes are stored as the fields' names (area_<code>) and never change; names come through gettext.
KYKYVIISARI_AREAS = (
    ("physical", _("Physical functioning")),
    ("mental", _("Mental wellbeing and energy")),
    ("cognitive", _("Thinking, memory and learning")),
    ("social", _("Interaction and relationships")),
    ("daily_life", _("Coping with daily life")),
    ("work_study", _("Work and study")),
    ("environment", _("Support and surroundings")),
)
KYKYVIISARI_AREA_FIELDS = tuple(f"area_{code}" for code, _name in KYKYVIISARI_AREAS)


def _area_field(label):
    return models.DecimalField(
        label,
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(10)],
    )


def kykyviisari_comparison(scores) -> list[dict]:
    """Before and after per area for one client: the first and the latest measurement that scored the area (two
    measurements at least), from the client's scores in any order; areas never scored twice show no change."""
    ordered = sorted(scores, key=lambda score: (score.measured_on, score.pk or 0))
    rows = []
    for (code, name), field in zip(KYKYVIISARI_AREAS, KYKYVIISARI_AREA_FIELDS, strict=True):
        scored = [(score.measured_on, getattr(score, field)) for score in ordered if getattr(score, field) is not None]
        before, after = (scored[0], scored[-1]) if len(scored) > 1 else (None, None)
        rows.append(
            {
                "code": code,
                "name": name,
                "before": before[1] if before else None,
                "before_on": before[0] if before else None,
                "after": after[1] if after else None,
                "after_on": after[0] if after else None,
                "change": after[1] - before[1] if before else None,
                "only": scored[0][1] if len(scored) == 1 else None,
            }
        )
    return rows


class KykyviisariScore(ClientOwned):
    """A Kykyviisari self-assessment of work and functional ability (0–10), at entry and later: the general score
    and, each optional, the scores of its areas (KYKYVIISARI_AREAS)."""

    class Kind(models.TextChoices):
        ENTRY = "entry", _("At entry")
        FOLLOW_UP = "follow_up", _("Follow-up")

    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="kykyviisari_scores", verbose_name=_("client")
    )
    measured_on = models.DateField(_("measured on"))
    score = models.DecimalField(
        _("score (0–10)"),
        max_digits=3,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(10)],
    )
    kind = models.CharField(_("measurement"), max_length=10, choices=Kind.choices, default=Kind.FOLLOW_UP)
    area_physical = _area_field(_("Physical functioning"))
    area_mental = _area_field(_("Mental wellbeing and energy"))
    area_cognitive = _area_field(_("Thinking, memory and learning"))
    area_social = _area_field(_("Interaction and relationships"))
    area_daily_life = _area_field(_("Coping with daily life"))
    area_work_study = _area_field(_("Work and study"))
    area_environment = _area_field(_("Support and surroundings"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("recorded by")
    )

    objects = ClientRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-measured_on"]
        verbose_name = _("Kykyviisari score")
        verbose_name_plural = _("Kykyviisari scores")
        constraints = [
            models.CheckConstraint(condition=Q(score__gte=0, score__lte=10), name="kykyviisari_score_0_to_10"),
            models.CheckConstraint(
                condition=Q(
                    *(
                        Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0, f"{field}__lte": 10})
                        for field in KYKYVIISARI_AREA_FIELDS
                    )
                ),
                name="kykyviisari_areas_0_to_10",
            ),
        ]

    def __str__(self):
        return f"{self.client} · {short_date(self.measured_on)}"


class SatisfactionAnswer(ClientOwned):
    """One round of the client satisfaction survey (1–10), recorded at any time, not only at closure.

    Reports take the latest answer per client in the period; the answers themselves stay on the client's page.
    """

    client = models.ForeignKey(
        Client, on_delete=models.CASCADE, related_name="satisfaction_answers", verbose_name=_("client")
    )
    answered_on = models.DateField(_("answered on"))
    score = models.PositiveSmallIntegerField(
        _("satisfaction (1–10)"), validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("recorded by")
    )

    objects = ClientRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-answered_on", "-created"]
        verbose_name = _("satisfaction survey answer")
        verbose_name_plural = _("satisfaction survey answers")
        constraints = [
            models.CheckConstraint(condition=Q(score__gte=1, score__lte=10), name="satisfaction_answer_1_to_10"),
        ]
        indexes = [models.Index(fields=["client", "answered_on"])]

    def __str__(self):
        return f"{self.client} · {short_date(self.answered_on)}"
