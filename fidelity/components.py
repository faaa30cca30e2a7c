"""Component items scored from ticks: the reviewer ticks each component seen, with its evidence source and a note.

The count of ticks read against the item's anchor rules (rows, fidelity.models.AnchorRule) is the item's suggested
score, stored like a suggestion from data: accepted as the score unless the reviewer overrode it with a reason.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_noop

from fidelity.models import AnchorRule, ComponentTick, ItemRating, Review, ScaleComponent
from fidelity.rules import CutPoints
from fidelity.services import ReviewLocked, StaleEdit, Suggestion
from ips.models import User


@dataclass(frozen=True)
class Tick:
    number: int
    source: str
    note: str = ""


def count_score(rating: ItemRating, count: int) -> int | None:
    """The score the item's anchor rows give for `count` components seen (the lowest score when none holds)."""
    cut = CutPoints.of_rows(AnchorRule.objects.filter(item_id=rating.item_id), lowest=rating.review.scale.min_score)
    return cut.score(rating.item.code, count)


def ticks_suggestion(rating: ItemRating, components: list[ScaleComponent], ticks: list[Tick]) -> Suggestion:
    """The suggestion the ticks make: the score, the count, and one row per component (seen or not)."""
    seen = {tick.number: tick for tick in ticks}
    rows = []
    for component in components:
        tick = seen.get(component.number)
        rows.append(
            [component.number, component.text, bool(tick), tick.source if tick else "", tick.note if tick else ""]
        )
    return Suggestion(
        score=count_score(rating, len(seen)),
        measured_value=len(seen),
        detail={
            "figures": [[gettext_noop("Components seen"), len(seen)], [gettext_noop("Components"), len(components)]],
            "note": gettext_noop("Ticked by the reviewer; the score follows from the item's anchors."),
            "columns": [
                gettext_noop("Component"),
                gettext_noop("Description"),
                gettext_noop("Seen"),
                gettext_noop("Evidence source"),
                gettext_noop("Note"),
            ],
            "rows": [[number, text, "✓" if ok else "✗", source, note] for number, text, ok, source, note in rows],
            "row_count": len(rows),
        },
    )


@transaction.atomic
def rating_ticks_save(*, rating: ItemRating, based_on_version: int, by: User, ticks: list[Tick]) -> ItemRating:
    """Replace the item's ticks and store the score they give; refuses a stale version and a finalised review.

    The score follows the ticks unless the reviewer overrode the earlier suggestion with a reason: then the score
    and the reason stay, and the page shows the new suggestion beside them.
    """
    current = (
        ItemRating.objects.select_for_update()
        .select_related("review__scale", "item")
        .filter(pk=rating.pk, review__status=Review.Status.DRAFT)
        .first()
    )
    if current is None:
        raise ReviewLocked
    if current.version != based_on_version:
        raise StaleEdit(current)
    components = list(ScaleComponent.objects.filter(item_id=current.item_id).order_by("number"))
    numbers = {component.number: component for component in components}
    ticks = [tick for tick in ticks if tick.number in numbers]
    ComponentTick.objects.filter(rating=current).delete()
    ComponentTick.objects.bulk_create(
        ComponentTick(rating=current, component=numbers[t.number], source=t.source, note=t.note, ticked_by=by)
        for t in ticks
    )
    suggestion = ticks_suggestion(current, components, ticks)
    values = {
        "suggested_score": suggestion.score,
        "measured_value": suggestion.measured_value,
        "measured_detail": suggestion.detail,
        "suggested_at": timezone.now(),
        "sources": sorted({tick.source for tick in ticks}),
        "updated_by": by,
        "updated": timezone.now(),
    }
    overridden = current.source == ItemRating.Source.DATA_OVERRIDDEN and current.score != suggestion.score
    if overridden:
        values["source"] = ItemRating.Source.DATA_OVERRIDDEN
    else:
        values.update(score=suggestion.score, source=ItemRating.Source.DATA_ACCEPTED, override_reason="")
    ItemRating.objects.filter(pk=current.pk).update(version=F("version") + 1, **values)
    current.refresh_from_db()
    return current
