"""Reading a scale's anchor rules (fidelity.models.AnchorRule rows): the one place a score is derived from a value.

Indicators and component ticks hand over figures by name (`measure`; "" is the item's measured value, or the
count of components seen) and get the score, or the components the data shows, that the rows give. No threshold
of the scale lives in code: a new scale version is new rows, and changing a row changes the suggestion.
"""

from fractions import Fraction

from fidelity.models import AnchorRule, FidelityScale

Compare = AnchorRule.Compare
COMPARE = {
    Compare.AT_LEAST: lambda value, bound: value >= bound,
    Compare.AT_MOST: lambda value, bound: value <= bound,
    Compare.MORE_THAN: lambda value, bound: value > bound,
    Compare.LESS_THAN: lambda value, bound: value < bound,
}
COLUMNS = ("item__code", "score", "component__number", "alternative", "measure", "compare", "bound")


def holds(compare: str, value, bound) -> bool:
    """One row's condition on an exact value; a figure the indicator did not give (None) never holds."""
    return value is not None and COMPARE[compare](Fraction(value), Fraction(bound))


class CutPoints:
    """The anchor rules of a scale's items, read from its rows in one query.

    `score(code, value)` / `score_of(code, figures)` try the item's scores from the best down: a score holds when
    all rows of one of its alternatives hold; none holding gives the lowest score. `shown(code, figures)` lists
    the components whose rows all hold.
    """

    def __init__(self, rules, lowest: int = 1):
        self.lowest = lowest
        # code -> score -> alternative -> [(measure, compare, bound)]
        self.scores: dict[str, dict[int, dict[int, list]]] = {}
        # code -> component number -> [(measure, compare, bound)]
        self.components: dict[str, dict[int, list]] = {}
        for code, score, component, alternative, measure, compare, bound in rules:
            row = (measure, compare, Fraction(bound))
            if score is not None:
                self.scores.setdefault(code, {}).setdefault(score, {}).setdefault(alternative, []).append(row)
            else:
                self.components.setdefault(code, {}).setdefault(component, []).append(row)

    @classmethod
    def of_rows(cls, queryset, lowest: int = 1) -> "CutPoints":
        return cls(list(queryset.values_list(*COLUMNS)), lowest)

    @classmethod
    def of_scale(cls, scale_id: int) -> "CutPoints":
        return cls.of_rows(AnchorRule.objects.filter(item__scale_id=scale_id))

    @classmethod
    def default(cls) -> "CutPoints":
        """The rules of the newest active IPS-25 scale, for an indicator computed outside a review."""
        scale = FidelityScale.objects.active().filter(code="IPS-25").order_by("-version").values("pk")[:1]
        return cls.of_rows(AnchorRule.objects.filter(item__scale__in=scale))

    @staticmethod
    def _all(rows, figures: dict) -> bool:
        return all(holds(compare, figures.get(measure), bound) for measure, compare, bound in rows)

    def score_of(self, code: str, figures: dict) -> int | None:
        """The item's score for its named figures; None when the scale has no score rows for the item."""
        if code not in self.scores:
            return None
        for score in sorted(self.scores[code], reverse=True):
            if any(self._all(rows, figures) for rows in self.scores[code][score].values()):
                return score
        return self.lowest

    def score(self, code: str, value) -> int | None:
        """The item's score for its one measured value (the exact value, never a rounded one)."""
        return self.score_of(code, {"": value})

    def shown(self, code: str, figures: dict) -> list[int]:
        """Numbers of the item's components that the figures show, by the components' rows."""
        return sorted(number for number, rows in self.components.get(code, {}).items() if self._all(rows, figures))
