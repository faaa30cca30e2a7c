"""The Fidelity sheet: the item scores of the scope's finalised reviews (teams, not clients)."""

from django.utils.translation import gettext as _

from fidelity.models import ItemRating, Review
from ips import xlsx
from ips.i18n import translated
from reports.metrics import Period, Scope


def fidelity_sheet(book, scope: Scope, period: Period) -> None:
    ratings = (
        ItemRating.objects.filter(
            review__status=Review.Status.FINALISED,
            review__team__in=scope.team_ids if not scope.coach_id else [],
            review__period_start__lte=period.end,
            review__period_end__gte=period.start,
        )
        .select_related("review__team", "item")
        .order_by("review__team__name", "review__period_end", "item__order")
    )
    columns = [
        xlsx.Column(_("Team"), 24),
        xlsx.Column(_("Data period starts"), 12),
        xlsx.Column(_("Data period ends"), 12),
        xlsx.Column(_("Item code"), 8),
        xlsx.Column(_("Item"), 50),
        xlsx.Column(_("Score"), 8),
    ]
    rows = (
        (
            rating.review.team.name,
            rating.review.period_start,
            rating.review.period_end,
            rating.item.code,
            translated(rating.item, "name"),
            rating.score,
        )
        for rating in ratings.iterator(chunk_size=500)
    )
    xlsx.add_sheet(book, _("Fidelity"), columns, rows)
