"""A team's fidelity over time, and a scale item on its own page."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Sum
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from fidelity.cadence import next_review, next_reviews
from fidelity.models import ItemRating, Review, ReviewTeamQuerySet, ScaleItem, ScaleSection
from ips.access import get_for_user, require_role
from ips.models import Team
from ips.params import query_uuid


def _compare(current, previous):
    """Item by item: previous score, current score and the direction of change, by item code."""
    pair = [review for review in (current, previous) if review is not None]
    ratings = ItemRating.objects.filter(review__in=pair).select_related("item").order_by("item__order")
    scores: dict[str, dict] = {}
    for rating in ratings:
        row = scores.setdefault(rating.item.code, {"item": rating.item, "current": None, "previous": None})
        row["current" if rating.review_id == current.pk else "previous"] = rating.score
        if rating.review_id == current.pk:
            row["item"] = rating.item
    rows = []
    for row in scores.values():
        before, now = row["previous"], row["current"]
        if before is None or now is None:
            row["direction"] = "none"
        else:
            row["direction"] = "up" if now > before else "down" if now < before else "same"
        rows.append(row)
    return rows


@login_required
def team_history(request, team_uuid):
    """Every review of the team the user may see, the trend of the finalised ones, and one review vs the previous."""
    user = request.user
    team = get_for_user(request, ReviewTeamQuerySet(Team).select_related("organisation"), uuid=team_uuid)
    reviews = list(
        Review.objects.visible_to(user)
        .filter(team=team)
        .select_related("scale")
        .with_totals()
        .prefetch_related("scale__bands")
        .order_by("review_end", "created")
    )
    finalised = [review for review in reviews if review.is_finalised]
    section_names = {
        section.code: section for section in ScaleSection.objects.filter(scale__in={r.scale_id for r in reviews})
    }
    per_section: dict[int, dict[str, tuple[int, int]]] = {}
    for row in (
        ItemRating.objects.filter(review__in=[review.pk for review in finalised])
        .values("review_id", "item__section__code")
        .annotate(total=Sum("score"), count=Count("pk"))
    ):
        per_section.setdefault(row["review_id"], {})[row["item__section__code"]] = (row["total"], row["count"])
    section_codes = sorted(section_names, key=lambda code: section_names[code].order)
    history = []
    for review in reviews:
        totals = review.totals()
        sections = []
        for code in section_codes:
            total, count = per_section.get(review.pk, {}).get(code, (None, 0))
            sections.append({"code": code, "total": total, "mean": round(total / count, 2) if count else None})
        history.append({"review": review, "totals": totals, "sections": sections})
    chart = {
        "labels": [
            date_format(entry["review"].review_end, "SHORT_DATE_FORMAT")
            for entry in history
            if entry["review"].is_finalised
        ],
        "total": [entry["totals"].total for entry in history if entry["review"].is_finalised],
        "totalLabel": _("Total"),
        "meanLabel": _("Item mean by section (1–5)"),
        "sections": [
            {
                "label": f"{code} {section_names[code].name}",
                "data": [
                    float(section["mean"]) if section["mean"] is not None else None
                    for entry in history
                    if entry["review"].is_finalised
                    for section in entry["sections"]
                    if section["code"] == code
                ],
            }
            for code in section_codes
        ],
    }
    last = finalised[-1] if finalised else None
    if last is not None:
        last.team = team  # already fetched: no query for it
    upcoming = next_review(last, last.totals()) if last else None
    current = previous = None
    if compare := query_uuid(request, "compare"):
        current = get_for_user(request, Review.objects.filter(team=team), uuid=compare)
    elif finalised:
        current = finalised[-1]
    if current is not None:
        earlier = [
            review
            for review in finalised
            if (review.review_end, review.created) < (current.review_end, current.created) and review.pk != current.pk
        ]
        previous = earlier[-1] if earlier else None
    return render(
        request,
        "fidelity/team_history.html",
        {
            "team": team,
            "history": history,
            "sections": [section_names[code] for code in section_codes],
            "chart": chart,
            "current": current,
            "previous": previous,
            "comparison": _compare(current, previous) if current else [],
            "next_review": upcoming,
        },
    )


@login_required
def item_detail(request, code):
    """One item of the scale in use: what it measures, its anchors, and training material about it."""
    item = (
        ScaleItem.objects.select_related("scale", "section")
        .filter(code=code, scale__active=True)
        .order_by("-scale__version")
        .first()
    )
    if item is None:
        raise Http404
    return render(request, "fidelity/item_detail.html", {"item": item})


@login_required
def reviews_due(request):
    """Fragment for a supervisor's week page: reviews of their teams due within 30 days (or overdue)."""
    user = request.user
    require_role(user, "supervisor")
    today = timezone.localdate()
    due = [entry for entry in next_reviews(user.roles.supervisor_teams) if entry.is_near(today)]
    return render(request, "fidelity/reviews_due.html", {"due": due, "today": today})
