"""Fidelity reviews: a team scored on a scale for a data period, item by item, with an action plan."""

import uuid
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from fidelity.models.scales import EVIDENCE_SOURCES, FidelityScale, ScaleBand, ScaleComponent, ScaleItem
from ips.access import AccessQuerySet
from ips.models import Membership, Team, User
from ips.models.people import TeamQuerySet
from ips.periods import overlapping, short_date


def eligible_reviewers(organisation):
    """Users who may be assigned to a review of a team of this organisation: active reviewer role there."""
    memberships = Membership.objects.active().filter(role=Membership.Role.REVIEWER, organisation=organisation)
    return User.objects.filter(is_active=True, pk__in=memberships.values("user")).order_by("last_name", "first_name")


@dataclass(frozen=True)
class Totals:
    """A review's score so far. The total and band exist only when every item is scored."""

    scored: int
    item_count: int
    score_sum: int
    band: ScaleBand | None = None

    @property
    def complete(self) -> bool:
        return self.item_count > 0 and self.scored == self.item_count

    @property
    def total(self) -> int | None:
        return self.score_sum if self.complete else None

    @property
    def mean(self) -> Decimal | None:
        """Mean of the scored items, two decimals (Finnish reviews report it beside the total)."""
        if not self.scored:
            return None
        return (Decimal(self.score_sum) / self.scored).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    @property
    def minimum(self) -> int:
        return self.item_count

    @property
    def maximum(self) -> int:
        return self.item_count * 5


def band_for(total: int | None, bands) -> ScaleBand | None:
    """The band with the highest minimum the total reaches; bands come from the scale's rows."""
    if total is None:
        return None
    reached = [band for band in bands if total >= band.min_total]
    return max(reached, key=lambda band: band.min_total) if reached else None


class ReviewQuerySet(AccessQuerySet):
    def visible_to(self, user):
        """Assigned reviewers (while they hold the reviewer role), the team's supervisors and the org's admins."""
        roles = user.roles
        assigned = Review.reviewers.through.objects.filter(user=user).values("review_id")
        return self.filter(
            Q(pk__in=assigned, team__organisation__in=roles.reviewer_orgs)
            | Q(team__in=roles.supervisor_teams)
            | Q(team__organisation__in=roles.admin_orgs)
        )

    def editable_by(self, user):
        """Only assigned reviewers change scores, texts and the action plan; the others read."""
        assigned = Review.reviewers.through.objects.filter(user=user).values("review_id")
        return self.filter(pk__in=assigned, team__organisation__in=user.roles.reviewer_orgs)

    def with_totals(self):
        """Progress and sum of scores in SQL: one query however many reviews and ratings."""
        return self.annotate(
            item_count=Count("ratings"),
            scored_count=Count("ratings", filter=Q(ratings__score__isnull=False)),
            score_sum=Sum("ratings__score", default=0),
        )

    def finalised(self):
        return self.filter(status=Review.Status.FINALISED)

    def drafts(self):
        return self.filter(status=Review.Status.DRAFT)

    def overlapping(self, start, end):
        """Reviews whose data period shares a day with start–end (both periods include their last day)."""
        return self.filter(overlapping(start, end, started="period_start", ended="period_end", last_day=True))


class ReviewTeamQuerySet(TeamQuerySet):
    """Teams as fidelity sees them: `ReviewTeamQuerySet(Team)`, fetched with ips.access.get_for_user."""

    def visible_to(self, user):
        """Whose fidelity history the user may see: the teams they manage (TeamQuerySet.managed_by) and those with
        a review they may see (assigned reviewers included). Any other team is a 404, as if it did not exist."""
        return self.managed_by(user) | self.filter(pk__in=Review.objects.visible_to(user).values("team"))


class Review(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        FINALISED = "finalised", _("Finalised")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="fidelity_reviews", verbose_name=_("team"))
    scale = models.ForeignKey(FidelityScale, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("scale"))
    period_start = models.DateField(_("data period starts"))
    period_end = models.DateField(_("data period ends"))
    review_start = models.DateField(_("review starts"))
    review_end = models.DateField(_("review ends"))
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="fidelity_reviews", blank=True, verbose_name=_("reviewers")
    )
    external_reviewers = models.CharField(
        _("external reviewers"),
        max_length=300,
        blank=True,
        help_text=_("Names of reviewers who do not use Polku, separated by commas."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    finalised_at = models.DateTimeField(_("finalised"), null=True, blank=True)
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("finalised by"),
    )
    strengths = models.TextField(_("strengths"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    based_on = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("based on")
    )
    # Optimistic concurrency for the review's own texts (strengths, summary), as for item ratings.
    version = models.PositiveIntegerField(default=0, editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("created by")
    )

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-review_end", "-created"]
        verbose_name = _("fidelity review")
        verbose_name_plural = _("fidelity reviews")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")), name="fidelity_review_period_order"
            ),
            models.CheckConstraint(
                condition=Q(review_end__gte=models.F("review_start")), name="fidelity_review_dates_order"
            ),
            models.CheckConstraint(
                condition=Q(status="draft", finalised_at__isnull=True)
                | Q(status="finalised", finalised_at__isnull=False),
                name="fidelity_review_finalised_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.team} · {short_date(self.period_start)}–{short_date(self.period_end)}"

    @property
    def data_period(self) -> str:
        """The data period in the reader's date format (d.m.yyyy in Finnish)."""
        return f"{short_date(self.period_start)}–{short_date(self.period_end)}"

    @property
    def is_finalised(self) -> bool:
        return self.status == self.Status.FINALISED

    def totals(self) -> Totals:
        """From the with_totals() annotations when present, else one aggregate query."""
        if hasattr(self, "scored_count"):
            scored, count, score_sum = self.scored_count, self.item_count, self.score_sum
        else:
            figures = self.ratings.aggregate(
                count=Count("pk"), scored=Count("pk", filter=Q(score__isnull=False)), total=Sum("score", default=0)
            )
            scored, count, score_sum = figures["scored"], figures["count"], figures["total"]
        totals = Totals(scored=scored, item_count=count, score_sum=score_sum)
        if totals.complete:
            totals = Totals(scored, count, score_sum, band_for(score_sum, self.scale.bands.all()))
        return totals


class ItemRating(models.Model):
    """One item of one review. Indicators computed from data fill the suggestion fields; the reviewer decides."""

    class Source(models.TextChoices):
        MANUAL = "manual", _("Reviewer's judgement")
        DATA_ACCEPTED = "data_accepted", _("Suggestion from data accepted")
        DATA_OVERRIDDEN = "data_overridden", _("Suggestion from data overridden")

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="ratings", verbose_name=_("review"))
    item = models.ForeignKey(ScaleItem, on_delete=models.PROTECT, related_name="ratings", verbose_name=_("item"))
    score = models.PositiveSmallIntegerField(
        _("score"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    evidence = models.TextField(_("evidence"), blank=True)
    sources = models.JSONField(_("evidence sources used"), default=list, blank=True)
    recommendation = models.TextField(_("recommendation"), blank=True)
    # Filled by the indicators computed from Polku's data (fidelity.services.rating_set_suggestion).
    suggested_score = models.PositiveSmallIntegerField(
        _("suggested score"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    measured_value = models.DecimalField(_("measured value"), max_digits=12, decimal_places=4, null=True, blank=True)
    measured_detail = models.JSONField(_("figures behind the suggestion"), default=dict, blank=True)
    suggested_at = models.DateTimeField(_("suggestion computed"), null=True, blank=True)
    source = models.CharField(_("source of the score"), max_length=20, choices=Source.choices, default=Source.MANUAL)
    override_reason = models.TextField(_("reason for overriding the suggestion"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )
    updated = models.DateTimeField(_("updated"), null=True, blank=True)
    # Decisions replaced later, oldest first: [{"at", "by", "score", "suggested", "reason"}]. An override given up
    # for the suggestion keeps its reason here (fidelity.services.rating_accept_suggestion), read with the row.
    history = models.JSONField(_("history"), default=list, blank=True)
    # Optimistic concurrency: a save names the version it was based on; a stale one changes no row.
    version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["review", "item__order"]
        verbose_name = _("item rating")
        verbose_name_plural = _("item ratings")
        constraints = [
            models.UniqueConstraint(fields=["review", "item"], name="fidelity_rating_one_per_item"),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=1, score__lte=5), name="fidelity_rating_score_1_5"
            ),
            models.CheckConstraint(
                condition=Q(suggested_score__isnull=True) | Q(suggested_score__gte=1, suggested_score__lte=5),
                name="fidelity_rating_suggestion_1_5",
            ),
            models.CheckConstraint(
                condition=~Q(source="data_overridden") | ~Q(override_reason=""),
                name="fidelity_rating_override_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(source="manual") | Q(suggested_score__isnull=False, score__isnull=False),
                name="fidelity_rating_data_source_has_suggestion",
            ),
        ]

    def __str__(self):
        return f"{self.item.code}: {self.score or '–'}"

    def source_labels(self) -> list[str]:
        labels = dict(EVIDENCE_SOURCES)
        return [str(labels.get(code, code)) for code in self.sources]


class ComponentTick(models.Model):
    """A component the reviewer saw present, with where the evidence came from and a note.

    A component item's suggested score is the count of its ticks read against the item's anchor rules.
    """

    rating = models.ForeignKey(ItemRating, on_delete=models.CASCADE, related_name="ticks", verbose_name=_("rating"))
    component = models.ForeignKey(
        ScaleComponent, on_delete=models.PROTECT, related_name="ticks", verbose_name=_("component")
    )
    source = models.CharField(_("evidence source"), max_length=3, choices=EVIDENCE_SOURCES)
    note = models.CharField(_("note"), max_length=500, blank=True)
    ticked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("ticked by")
    )
    ticked = models.DateTimeField(_("ticked"), auto_now=True)

    class Meta:
        ordering = ["rating", "component__number"]
        verbose_name = _("component seen")
        verbose_name_plural = _("components seen")
        constraints = [
            models.UniqueConstraint(fields=["rating", "component"], name="fidelity_tick_one_per_component"),
        ]

    def __str__(self):
        return f"{self.component} ({self.source})"


class ActionPlanItem(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="plan_items", verbose_name=_("review"))
    text = models.TextField(_("action"))
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner in Polku"),
    )
    owner_name = models.CharField(
        _("owner"), max_length=200, blank=True, help_text=_("A person or role, if not a Polku user.")
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    items = models.ManyToManyField(ScaleItem, related_name="plan_items", blank=True, verbose_name=_("scale items"))
    training_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("training page"),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["review", "due_date", "created"]
        verbose_name = _("action plan item")
        verbose_name_plural = _("action plan items")

    def __str__(self):
        return self.text[:60]

    @property
    def owner(self) -> str:
        return str(self.owner_user) if self.owner_user_id else self.owner_name


def totals_from_ratings(ratings, bands) -> Totals:
    """Totals from ratings already loaded for a page, so the page spends no extra query on them."""
    scores = [rating.score for rating in ratings if rating.score is not None]
    totals = Totals(scored=len(scores), item_count=len(ratings), score_sum=sum(scores))
    if totals.complete:
        totals = Totals(totals.scored, totals.item_count, totals.score_sum, band_for(totals.score_sum, bands))
    return totals
