"""The scale's cut points are rows: changing a row changes the suggested score with no change of code."""

from decimal import Decimal

import pytest
from django.db.models import F

from fidelity import indicators
from fidelity.indicators.common import CutPoints
from fidelity.models import AnchorRule
from tests.fidelity.conftest import make_review
from tests.fidelity.indicators_data import clients, coach

pytestmark = pytest.mark.django_db


def test_changing_a_threshold_row_changes_the_suggested_score(team_a, scale, reviewer):
    coach(team_a, "1.00")
    clients(team_a, 20)  # 20 clients per FTE: score 5 under IPS-25's "20 or fewer"
    review = make_review(team_a, scale, [reviewer])
    assert indicators.compute_all(review)["S1"].score == 5
    # A stricter scale version: 5 only for 15 or fewer (a data change, as a migration of rows would make it).
    AnchorRule.objects.filter(item__scale=scale, item__code="S1", score=5).update(bound=15)
    assert indicators.compute_all(review)["S1"].score == 4
    AnchorRule.objects.filter(item__scale=scale, item__code="S1").update(bound=F("bound") + 100)
    assert indicators.compute_all(review)["S1"].score == 5


def test_every_item_with_a_data_score_has_rules_and_component_items_have_count_rules(scale):
    coded = set(AnchorRule.objects.filter(item__scale=scale).values_list("item__code", flat=True))
    # O3's ladder moved to rows in fidelity3_thresholds: every item with a suggested score now has them.
    assert coded == {"S1", "S2", "O1", "O3", "V4", "V5", "V6", "V8", "V9", "V10", "V12", "V13"} | {
        "S3",
        "O4",
        "V7",
        "V11",
    } | {
        "O2",
        "O5",
        "O7",
        "O8",
        "V2",
        "V14",
    }


@pytest.mark.parametrize(("value", "score"), [(20, 5), ("20.01", 4), (25, 4), (26, 3), (30, 3), (40, 2), ("40.5", 1)])
def test_cut_points_compare_the_exact_value_with_the_rows(scale, value, score):
    assert CutPoints.of_scale(scale.pk).score("S1", Decimal(str(value))) == score


def test_an_item_without_rules_gets_no_score_from_cut_points(scale):
    assert CutPoints.of_scale(scale.pk).score("V1", 3) is None  # V1 shows figures only
