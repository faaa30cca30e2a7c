"""Writes to fidelity reviews: creating, scoring with optimistic concurrency, suggestions from data, finalising.

A save names the version of the row it was based on. The UPDATE matches on that version; when another reviewer
saved first, no row matches and the caller gets a StaleEdit carrying the row as it now is, so the user sees the
other person's value instead of silently overwriting it.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, F, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from fidelity.models import ActionPlanItem, ComponentTick, FidelityScale, ItemRating, Review, eligible_reviewers
from ips.models import Team, User


class ReviewLocked(Exception):
    """The review is finalised: corrections go in a new review."""


class StaleEdit(Exception):
    """Someone saved the row after the editor loaded it; `current` is the row as it now is."""

    def __init__(self, current):
        super().__init__("stale edit")
        self.current = current


class DraftExists(Exception):
    """The team already has a draft review of an overlapping data period: the work goes on in that one."""

    def __init__(self, draft: Review):
        super().__init__("a draft of the period exists")
        self.draft = draft


def overlapping_draft(*, team: Team, period_start: date, period_end: date, exclude: Review | None = None):
    """The team's draft review whose data period shares a day with this one, if any (the earliest)."""
    drafts = Review.objects.filter(team=team).drafts().overlapping(period_start, period_end)
    if exclude is not None:
        drafts = drafts.exclude(pk=exclude.pk)
    return drafts.order_by("period_start", "created").first()


def _refuse_second_draft(*, team: Team, period_start: date, period_end: date) -> None:
    """One draft per team and stretch of time, so two reviewers never score the same data twice apart. Finalised
    reviews may overlap: a correction is a new review of the same period. The team's row is locked first, so two
    set-ups at once cannot both pass the check."""
    Team.objects.select_for_update().only("pk").get(pk=team.pk)
    draft = overlapping_draft(team=team, period_start=period_start, period_end=period_end)
    if draft is not None:
        raise DraftExists(draft)


class ReviewIncomplete(Exception):
    def __init__(self, unscored: list[str]):
        super().__init__("unscored items")
        self.unscored = unscored


@dataclass(frozen=True)
class Suggestion:
    """What an indicator computed from Polku's data says about one item of one review."""

    score: int | None
    measured_value: Decimal | None = None
    detail: dict = field(default_factory=dict)


def review_check_reviewers(*, team: Team, reviewers: Iterable[User]) -> None:
    """Every assigned reviewer must hold the reviewer role in the team's organisation."""
    allowed = set(eligible_reviewers(team.organisation_id).values_list("pk", flat=True))
    refused = [str(user) for user in reviewers if user.pk not in allowed]
    if refused:
        raise ValidationError(
            _("Not a reviewer in %(organisation)s: %(names)s.")
            % {"organisation": team.organisation, "names": ", ".join(refused)},
            code="not_reviewer",
        )


@transaction.atomic
def review_create(
    *,
    team: Team,
    scale: FidelityScale,
    period_start: date,
    period_end: date,
    review_start: date,
    review_end: date,
    reviewers: Iterable[User] = (),
    external_reviewers: str = "",
    by: User,
) -> Review:
    """A draft review with one empty rating per item of the scale, so every later save is an UPDATE."""
    reviewers = list(reviewers)
    review_check_reviewers(team=team, reviewers=reviewers)
    _refuse_second_draft(team=team, period_start=period_start, period_end=period_end)
    review = Review.objects.create(
        team=team,
        scale=scale,
        period_start=period_start,
        period_end=period_end,
        review_start=review_start,
        review_end=review_end,
        external_reviewers=external_reviewers,
        created_by=by,
    )
    review.reviewers.set(reviewers)
    ItemRating.objects.bulk_create(ItemRating(review=review, item=item) for item in scale.items.all())
    return review


def _source_for(score, suggested_score) -> str:
    if score is None or suggested_score is None:
        return ItemRating.Source.MANUAL
    if score == suggested_score:
        return ItemRating.Source.DATA_ACCEPTED
    return ItemRating.Source.DATA_OVERRIDDEN


def _refuse(rating: ItemRating):
    """After an UPDATE matched no row: say why (locked, or someone else saved first)."""
    current = ItemRating.objects.select_related("review", "item", "updated_by").get(pk=rating.pk)
    if current.review.is_finalised:
        raise ReviewLocked
    raise StaleEdit(current)


def rating_save(
    *,
    rating: ItemRating,
    based_on_version: int,
    by: User,
    score: int | None,
    evidence: str = "",
    sources: list[str] | None = None,
    recommendation: str = "",
    override_reason: str = "",
) -> ItemRating:
    """Save one item's score and texts; refuses a stale version and a finalised review."""
    source = _source_for(score, rating.suggested_score)
    current = ItemRating.objects.filter(pk=rating.pk, version=based_on_version, review__status=Review.Status.DRAFT)
    if source == ItemRating.Source.DATA_OVERRIDDEN and not override_reason.strip():
        # A suggestion that changed since the form was loaded is a stale edit, not a missing reason.
        if not current.exists():
            _refuse(rating)
        raise ValidationError(_("Say why the score differs from the suggestion from data."), code="reason")
    if source != ItemRating.Source.DATA_OVERRIDDEN:
        override_reason = ""
    updated = current.update(
        score=score,
        evidence=evidence,
        sources=list(sources or []),
        recommendation=recommendation,
        source=source,
        override_reason=override_reason.strip(),
        updated_by=by,
        updated=timezone.now(),
        version=F("version") + 1,
    )
    if not updated:
        _refuse(rating)
    rating.refresh_from_db()
    return rating


class NeedsConfirmation(Exception):
    """Accepting the suggestion would replace the reviewer's override: the reviewer confirms first."""


def rating_accept_suggestion(
    *, rating: ItemRating, based_on_version: int, by: User, confirmed: bool = False
) -> ItemRating:
    """One action: the suggestion from data becomes the score.

    Over an override (a score the reviewer set against the suggestion, with a reason) it asks first
    (NeedsConfirmation); confirmed, the override's score and reason move to the item's history.
    """
    if rating.suggested_score is None:
        raise ValidationError(_("There is no suggestion from data for this item."), code="no_suggestion")
    overridden = rating.source == ItemRating.Source.DATA_OVERRIDDEN
    if overridden and not confirmed:
        raise NeedsConfirmation
    with transaction.atomic():
        history = list(rating.history)
        if overridden:
            history.append(
                {
                    "at": timezone.now().isoformat(timespec="minutes"),
                    "by": str(by),
                    "score": rating.score,
                    "suggested": rating.suggested_score,
                    "reason": rating.override_reason,
                }
            )
        saved = rating_save(
            rating=rating,
            based_on_version=based_on_version,
            by=by,
            score=rating.suggested_score,
            evidence=rating.evidence,
            sources=rating.sources,
            recommendation=rating.recommendation,
        )
        if overridden:
            ItemRating.objects.filter(pk=saved.pk).update(history=history)
            saved.history = history
    return saved


@transaction.atomic
def review_accept_all(*, review: Review, by: User) -> tuple[int, list[str]]:
    """Accept every suggestion from data on an item the reviewer has not scored otherwise (one UPDATE).

    Items whose score differs from their suggestion (an override, or a score given before the figures came) are
    left as they are and returned by code, in the scale's order: each is the reviewer's to accept one by one.
    """
    ratings = list(
        ItemRating.objects.select_for_update()
        .filter(review=review, review__status=Review.Status.DRAFT, suggested_score__isnull=False)
        .exclude(source=ItemRating.Source.DATA_ACCEPTED)
        .order_by("item__order")
        .values("pk", "score", "suggested_score", "item__code")
    )
    if not ratings and Review.objects.filter(pk=review.pk, status=Review.Status.FINALISED).exists():
        raise ReviewLocked
    accepted = [row["pk"] for row in ratings if row["score"] in (None, row["suggested_score"])]
    kept = [row["item__code"] for row in ratings if row["score"] not in (None, row["suggested_score"])]
    ItemRating.objects.filter(pk__in=accepted).update(
        score=F("suggested_score"),
        source=ItemRating.Source.DATA_ACCEPTED,
        override_reason="",
        updated_by=by,
        updated=timezone.now(),
        version=F("version") + 1,
    )
    return len(accepted), kept


SUGGESTION_FIELDS = [
    "suggested_score",
    "measured_value",
    "measured_detail",
    "suggested_at",
    "source",
    "override_reason",
]


def _suggestion_values(rating: ItemRating, suggestion: "Suggestion") -> dict:
    """The fields a new suggestion sets. A score accepted from an older, different suggestion goes back to manual."""
    values = {
        "suggested_score": suggestion.score,
        "measured_value": suggestion.measured_value,
        "measured_detail": suggestion.detail or {},
        "suggested_at": timezone.now(),
        "source": _source_for(rating.score, suggestion.score),
    }
    if values["source"] == ItemRating.Source.DATA_OVERRIDDEN and not rating.override_reason:
        # An earlier decision no longer matches the new figures: the reviewer decides again.
        values["source"] = ItemRating.Source.MANUAL
    if values["source"] != ItemRating.Source.DATA_OVERRIDDEN:
        values["override_reason"] = ""
    return values


def rating_set_suggestion(
    *, rating: ItemRating, suggested_score: int | None, measured_value=None, measured_detail: dict | None = None
) -> ItemRating:
    """Store what an indicator (or the component ticks) computed for one item.

    The version moves on, so a reviewer whose form still shows the old suggestion gets a stale-edit message
    rather than an override judged against numbers they never saw.
    """
    rating.refresh_from_db()
    if rating.review.is_finalised:
        raise ReviewLocked
    suggestion = Suggestion(score=suggested_score, measured_value=measured_value, detail=measured_detail or {})
    ItemRating.objects.filter(pk=rating.pk).update(version=F("version") + 1, **_suggestion_values(rating, suggestion))
    rating.refresh_from_db()
    return rating


@transaction.atomic
def review_apply_suggestions(*, review: Review, suggestions: Mapping[str, Suggestion]) -> int:
    """Store suggestions keyed by item code (what fidelity indicators compute); returns how many items got one.

    The ratings are read once, locked, and written in one bulk UPDATE: the refresh costs the same few queries
    however many items have indicators. A component item the reviewer has ticked keeps the suggestion of the ticks
    (fidelity.components): the data only pre-ticks an item nobody has ticked yet.
    """
    if review.is_finalised:
        raise ReviewLocked
    ratings = list(
        ItemRating.objects.select_for_update()
        .filter(review=review, item__code__in=list(suggestions))
        .annotate(ticked=Exists(ComponentTick.objects.filter(rating=OuterRef("pk"))))
        .values("pk", "score", "override_reason", "item__code", "review__status", "ticked")
    )
    if any(row["review__status"] != Review.Status.DRAFT for row in ratings):
        raise ReviewLocked
    changed = []
    for row in ratings:
        if row["ticked"]:
            continue
        rating = ItemRating(pk=row["pk"], score=row["score"], override_reason=row["override_reason"])
        values = _suggestion_values(rating, suggestions[row["item__code"]])
        values.setdefault("override_reason", row["override_reason"])
        changed.append(ItemRating(pk=row["pk"], version=F("version") + 1, **values))
    if changed:
        ItemRating.objects.bulk_update(changed, [*SUGGESTION_FIELDS, "version"])
    return len(ratings)


def review_texts_save(*, review: Review, based_on_version: int, by: User, strengths: str, summary: str) -> Review:
    updated = Review.objects.filter(pk=review.pk, version=based_on_version, status=Review.Status.DRAFT).update(
        strengths=strengths, summary=summary, version=F("version") + 1
    )
    if not updated:
        current = Review.objects.get(pk=review.pk)
        if current.is_finalised:
            raise ReviewLocked
        raise StaleEdit(current)
    review.refresh_from_db()
    return review


@transaction.atomic
def review_finalise(*, review: Review, by: User) -> Review:
    """Lock the review. Only a complete review (every item scored) can be finalised."""
    review = Review.objects.select_for_update().get(pk=review.pk)
    if review.is_finalised:
        raise ReviewLocked
    unscored = list(review.ratings.filter(score__isnull=True).values_list("item__code", flat=True))
    if unscored or not review.ratings.exists():
        raise ReviewIncomplete(unscored)
    review.status = Review.Status.FINALISED
    review.finalised_at = timezone.now()
    review.finalised_by = by
    review.save(update_fields=["status", "finalised_at", "finalised_by"])
    return review


# What a copied review takes over from the one it is based on; its own dates, author and reviewers are new.
COPIED_REVIEW_FIELDS = ["team", "scale", "period_start", "period_end", "external_reviewers", "strengths", "summary"]
COPIED_RATING_FIELDS = ["score", "evidence", "sources", "recommendation", *SUGGESTION_FIELDS, "history"]
COPIED_PLAN_FIELDS = ["text", "owner_user_id", "owner_name", "due_date", "status", "training_page_id"]


def _values(row, fields: list[str]) -> dict:
    return {field: getattr(row, field) for field in fields}


@transaction.atomic
def review_copy(*, review: Review, by: User) -> Review:
    """Start a new review from this one: a draft with the same period, scores, texts and action plan."""
    _refuse_second_draft(team=review.team, period_start=review.period_start, period_end=review.period_end)
    reviewers = list(review.reviewers.all())
    allowed = set(eligible_reviewers(review.team.organisation_id).values_list("pk", flat=True))
    copy = Review.objects.create(
        **_values(review, COPIED_REVIEW_FIELDS),
        review_start=timezone.localdate(),
        review_end=max(timezone.localdate(), review.review_end),
        based_on=review,
        created_by=by,
    )
    copy.reviewers.set([user for user in reviewers if user.pk in allowed])
    ItemRating.objects.bulk_create(
        ItemRating(review=copy, item_id=rating.item_id, updated_by=by, **_values(rating, COPIED_RATING_FIELDS))
        for rating in review.ratings.all()
    )
    for plan_item in review.plan_items.prefetch_related("items"):
        items = list(plan_item.items.all())
        new = ActionPlanItem.objects.create(review=copy, **_values(plan_item, COPIED_PLAN_FIELDS))
        new.items.set(items)
    return copy
