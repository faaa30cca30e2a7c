"""Every band threshold of IPS-25 is a row: each item's shipped rows, hand-computed just below, at and just above
every boundary, and the rule reader (fidelity.rules) on its own."""

from fractions import Fraction

import pytest

from fidelity.models import AnchorRule, ScaleComponent
from fidelity.rules import CutPoints, holds

pytestmark = pytest.mark.django_db

EPS = Fraction(1, 100)


def _around(bound, below, at, above):
    """(value, score) just below, at and just above a boundary."""
    bound = Fraction(bound)
    return [(bound - EPS, below), (bound, at), (bound + EPS, above)]


# Item -> (value, score), read off the anchor texts of 0002 by hand. Higher is better unless said.
BANDS = {
    # S1: clients per FTE, lower is better: 20 or fewer 5, 21-25 4, 26-30 3, 31-40 2, more 1.
    "S1": [*_around(20, 5, 5, 4), *_around(25, 4, 4, 3), *_around(30, 3, 3, 2), *_around(40, 2, 2, 1)],
    "S2": [*_around(60, 1, 2, 2), *_around(75, 2, 3, 3), *_around(90, 3, 4, 4), *_around(96, 4, 5, 5)],
    # V4: median days to the first employer contact, lower is better.
    "V4": [*_around(30, 5, 5, 4), *_around(60, 4, 4, 3), *_around(150, 3, 3, 2), *_around(270, 2, 2, 1)],
    "V5": [*_around(25, 1, 2, 2), *_around(50, 2, 3, 3), *_around(75, 3, 4, 4), *_around(90, 4, 5, 5)],
    "V6": [*_around(2, 1, 2, 2), *_around(4, 2, 3, 3), *_around(5, 3, 4, 4), *_around(6, 4, 5, 5)],
    "V8": [*_around(50, 1, 2, 2), *_around(60, 2, 3, 3), *_around(70, 3, 4, 4), *_around(85, 4, 5, 5)],
    "V9": [*_around(50, 1, 2, 2), *_around(60, 2, 3, 3), *_around(70, 3, 4, 4), *_around(85, 4, 5, 5)],
    "V12": [*_around(40, 1, 2, 2), *_around(60, 2, 3, 3), *_around(80, 3, 4, 4), *_around(95, 4, 5, 5)],
    "V13": [*_around(30, 1, 2, 2), *_around(40, 2, 3, 3), *_around(50, 3, 4, 4), *_around(65, 4, 5, 5)],
}


@pytest.mark.parametrize("code", BANDS)
def test_each_items_rows_score_just_below_at_and_just_above_every_boundary(scale, code):
    cut = CutPoints.of_scale(scale.pk)
    assert [(value, cut.score(code, value)) for value, _score in BANDS[code]] == BANDS[code]


def _with_count(count, *boundaries):
    """(share, count, score) just below, at and just above each boundary (bound, below, at, above) of a share."""
    return [(share, count, score) for boundary in boundaries for share, score in _around(*boundary)]


# V10: the share's bands (65, 75, 85, 95) with ten current jobs; fewer than ten jobs is 1 at any share.
V10 = [
    *_with_count(10, (65, 1, 2, 2), (75, 2, 3, 3), (85, 3, 4, 4), (95, 4, 5, 5)),
    (100, 9, 1),
    (100, 10, 5),
    (100, 11, 5),
    (70, 9, 1),
]


# O1: share of the caseload integrated, 90 5, 50 4, under 50 3 when a coach is in a treatment team; none is 2.
O1 = [
    *_with_count(1, (50, 3, 4, 4), (90, 4, 5, 5)),
    (0, 1, 3),
    (0, 0, 2),
    (0, 2, 3),
]


# V10 reads the count of current jobs beside the share; O1 whether a coach is in a treatment team.
@pytest.mark.parametrize(
    ("code", "count", "rows"),
    [pytest.param("V10", "current_jobs", V10, id="V10"), pytest.param("O1", "coaches_in_treatment_teams", O1, id="O1")],
)
def test_an_item_reads_the_share_and_a_count_from_rows(scale, code, count, rows):
    cut = CutPoints.of_scale(scale.pk)
    got = [(share, n, cut.score_of(code, {"": share, count: n})) for share, n, _score in rows]
    assert got == rows


def _o3(meeting_months=0, meeting_quarters=0, contact_months=0, contact_quarters=0, per_week=0):
    return {
        "meeting_months_pct": Fraction(meeting_months),
        "meeting_quarters_pct": Fraction(meeting_quarters),
        "contact_months_pct": Fraction(contact_months),
        "contact_quarters_pct": Fraction(contact_quarters),
        "contacts_per_week": Fraction(per_week),
    }


ALL = 100
O3 = [
    # 5: a meeting every month and contacts weekly (≥ 1 a week); one short of either falls to 4.
    (_o3(ALL, ALL, ALL, ALL, 1), 5),
    (_o3(ALL, ALL, ALL, ALL, 1 + EPS), 5),
    (_o3(ALL, ALL, ALL, ALL, 1 - EPS), 4),
    (_o3(ALL - EPS, ALL, ALL, ALL, 1), 4),
    # 4: a meeting every quarter, or contacts weekly (either alternative alone).
    (_o3(0, ALL, ALL, ALL, 0), 4),
    (_o3(0, ALL - EPS, ALL, ALL, 0), 3),
    (_o3(0, 0, 0, ALL, 1), 4),
    (_o3(0, 0, 0, ALL, 1 - EPS), 2),
    # 3: a contact every month; 2: every quarter; 1: less often.
    (_o3(contact_months=ALL, contact_quarters=ALL), 3),
    (_o3(contact_months=ALL - EPS, contact_quarters=ALL), 2),
    (_o3(contact_quarters=ALL), 2),
    (_o3(contact_quarters=ALL - EPS), 1),
    (_o3(), 1),
]


def test_o3_ladder_is_rows_scored_just_below_and_at_each_rung(scale):
    cut = CutPoints.of_scale(scale.pk)
    assert [(figures, cut.score_of("O3", figures)) for figures, _score in O3] == O3


# Components seen -> score, for every count (below, at and above each boundary), hand-computed from the anchors:
# five-part items score the count (one or none 1); V2 (four parts) one more; V14 (six) one less; S3 counts phases
# (six 5, five 4, one to four 3); the ladders O4, V7 and V11 one point a rung.
COUNTS = {
    "O2": [1, 1, 2, 3, 4, 5],
    "O5": [1, 1, 2, 3, 4, 5],
    "O7": [1, 1, 2, 3, 4, 5],
    "O8": [1, 1, 2, 3, 4, 5],
    "V2": [1, 2, 3, 4, 5],
    "V14": [1, 1, 1, 2, 3, 4, 5],
    "S3": [1, 3, 3, 3, 3, 4, 5],
    "O4": [1, 1, 2, 3, 4, 5],
    "V7": [1, 2, 3, 4, 5],
    "V11": [1, 1, 2, 3, 4, 5],
}


@pytest.mark.parametrize("code", COUNTS)
def test_each_component_item_scores_every_count_of_components_by_its_rows(scale, code):
    cut = CutPoints.of_scale(scale.pk)
    assert [cut.score(code, count) for count in range(len(COUNTS[code]))] == COUNTS[code]
    assert ScaleComponent.objects.filter(item__scale=scale, item__code=code).count() == len(COUNTS[code]) - 1


# The components Polku's data shows, by the component rows: (item, figures, components shown).
SHOWN = [
    ("V7", {"employers_met": 0, "repeat_employers_pct": 0}, []),
    ("V7", {"employers_met": 1, "repeat_employers_pct": 0}, [1]),
    ("V7", {"employers_met": 2, "repeat_employers_pct": 50 - EPS}, [1]),
    ("V7", {"employers_met": 2, "repeat_employers_pct": 50}, [1, 2]),
    ("V7", {"employers_met": 2, "repeat_employers_pct": 50 + EPS}, [1, 2]),
    ("V11", {"supported_pct": 50, "two_kinds_pct": 50, "two_people_pct": 50, "employer_supported_pct": 50}, []),
    (
        "V11",
        {
            "supported_pct": 50 + EPS,
            "two_kinds_pct": 50 + EPS,
            "two_people_pct": 50 - EPS,
            "employer_supported_pct": 100,
        },
        [1, 2, 4],
    ),
    ("O7", {"quarters_with_rate_pct": 100 - EPS}, []),
    ("O7", {"quarters_with_rate_pct": 100}, [5]),
    ("V14", {"outreach_attempts": 0, "home_visits": 0}, []),
    ("V14", {"outreach_attempts": 1, "home_visits": 0}, [2]),
    ("V14", {"outreach_attempts": 2, "home_visits": 1}, [2, 4]),
]


def test_the_components_data_shows_come_from_rows(scale):
    cut = CutPoints.of_scale(scale.pk)
    assert [(code, figures, cut.shown(code, figures)) for code, figures, _shown in SHOWN] == SHOWN


def test_every_scored_indicator_reads_only_rows_of_measures_it_gives(scale):
    # A row naming a figure no indicator gives would never hold: the shipped measures are exactly those given.
    measures = set(AnchorRule.objects.filter(item__scale=scale).exclude(measure="").values_list("measure", flat=True))
    assert measures == {
        *_o3(),
        "coaches_in_treatment_teams",
        "current_jobs",
        "employers_met",
        "repeat_employers_pct",
        "supported_pct",
        "two_kinds_pct",
        "two_people_pct",
        "employer_supported_pct",
        "quarters_with_rate_pct",
        "outreach_attempts",
        "home_visits",
    }


COMPARISONS = [
    ("at_least", 5, 5, True),
    ("at_least", Fraction(499, 100), 5, False),
    ("at_most", 5, 5, True),
    ("at_most", Fraction(501, 100), 5, False),
    ("more_than", 5, 5, False),
    ("more_than", Fraction(501, 100), 5, True),
    ("less_than", 5, 5, False),
    ("less_than", Fraction(499, 100), 5, True),
    ("at_least", None, 0, False),
]


def test_each_comparison_holds_exactly():
    assert [(*case[:3], holds(*case[:3])) for case in COMPARISONS] == COMPARISONS


def test_a_score_holds_when_all_rows_of_any_one_alternative_hold():
    rows = [
        ("X", 4, None, 1, "a", "at_least", 10),
        ("X", 4, None, 1, "b", "at_least", 10),
        ("X", 4, None, 2, "c", "at_least", 1),
        ("X", 2, None, 1, "", "at_least", 0),
    ]
    cut = CutPoints(rows)
    assert cut.score_of("X", {"": 0, "a": 10, "b": 10}) == 4
    assert cut.score_of("X", {"": 0, "a": 10, "b": 9}) == 2  # one row of alternative 1 misses
    assert cut.score_of("X", {"": 0, "c": 1}) == 4  # alternative 2 alone
    assert cut.score_of("X", {"a": 10}) == 1  # a figure not given never holds: the lowest score
    assert cut.score_of("Y", {"": 5}) is None  # no rows: no score
