"""Suppression of small counts that holds: nothing hidden can be worked back from what is shown.

Every count of people (or their jobs) of one scope and period is a cell with a key; the same figure in two places
(the Summary's new clients and the ESF+ entrants, a one-quarter period's quarter and the whole period) is one cell,
or two cells tied by an equation, so it is hidden in both or in neither. The sheets and the dashboard render the
cells through Shown, never the raw figures.

1. Primary: counts of 1–4 are hidden (0 stays 0: nobody can be recognised in an empty group).
2. Complementary: in every equation (a total and the categories that add up to it) either no cell is hidden or at
   least two are; when one is, the smallest other category (else the total) is hidden too. Hidden categories of
   a shown total that are all 0 would be known to be 0 (counts are never negative): a category that is not 0
   (else the total) is hidden beside them. A final check solves
   the whole system of equations exactly and hides more while any hidden cell is still determined by it.
3. Derived: a share or mean is hidden when one of the counts it comes from is hidden.

All hidden cells show the same marker, HIDDEN: a complementary cell may hold any number, so a marker that said
"1–4" would be untrue for it, and two markers would tell a reader which cells are small.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction

from ips.models import (
    ESF_CHARACTERISTICS,
    KYKYVIISARI_AREAS,
    EducationLevel,
    EsfAnswer,
    Gender,
    LabourMarketStatus,
)
from reports.metrics.figures import Figures
from reports.metrics.scope import SUSTAINED_MONTHS

HIDDEN = "x"
AREA_NAMES = dict(KYKYVIISARI_AREAS)
SMALL = range(1, 5)

# The headline counts of people and jobs, and the shares and means computed from them.
SUMMARY_COUNTS = (
    "clients",
    "new",
    "closed",
    "employed",
    "employed_any_job",
    "ips_clients",
    "ips_employed",
    "grow_clients",
    "grow_employed",
    "satisfaction_count",
    "kykyviisari_count",
    "job_starts",
    "first_job_starts",
    "open_at_end",
    "engaged",
    "competitive_job_starts",
    "wage_subsidy_job_starts",
    "competitive_wage_subsidy_job_starts",
    "in_work_at_end",
    "jobs_held",
)
SUMMARY_DERIVED = {
    "employment_rate": ("employed", "clients"),
    "ips_employment_rate": ("ips_employed", "ips_clients"),
    "grow_employment_rate": ("grow_employed", "grow_clients"),
    "satisfaction": ("satisfaction_count",),
    "kykyviisari_change": ("kykyviisari_count",),
    "days_to_first_job": ("first_job_starts",),
    "caseload_per_fte": ("open_at_end",),
    "in_work_share": ("in_work_at_end", "open_at_end"),
    "hours_per_week_median": ("job_starts",),
    "hourly_wage_median": ("job_starts",),
    "tenure_days_median": ("jobs_held",),
}
QUARTER_COUNTS = (
    "active",
    "new",
    "closed",
    "employed",
    "grow_active",
    "grow_employed",
    "job_starts",
    "engaged",
    "first_job_starts",
    "in_work_at_referral",
)
QUARTER_DERIVED = {
    "employment_rate": ("employed", "active"),
    "grow_employment_rate": ("grow_employed", "grow_active"),
}
# A one-quarter period: the quarter's figures are the period's.
SAME_AS_PERIOD = {"active": "clients", "employed": "employed", "grow_active": "grow_clients"}
# The quarters' counts that add up to the period's.
QUARTERS_ADD_UP = {
    "new": "new",
    "closed": "closed",
    "job_starts": "job_starts",
    "engaged": "engaged",
    "first_job_starts": "first_job_starts",
}
UNKNOWN = "unknown"


# ESF+ counts labour-market status in four groups (Annex I); Polku's finer statuses add up to them. The employed
# and the long-term unemployed are statuses of their own, so only the two sums are cells of their own.
STATUS_GROUPS = {
    "unemployed": (LabourMarketStatus.UNEMPLOYED, LabourMarketStatus.LONG_TERM_UNEMPLOYED),
    "inactive": (
        LabourMarketStatus.INACTIVE,
        LabourMarketStatus.STUDENT,
        LabourMarketStatus.REHABILITATION,
        LabourMarketStatus.PENSION,
    ),
}
# Counts of leavers and of former clients, none of which adds up with another shown cell.
RESULT_COUNTS = (
    "in_employment_at_exit",
    "in_education_at_exit",
    "job_searching_at_exit",
    "qualification_at_exit",
    "followup_due",
    "followup_recorded",
    "employed_six_months",
)


def participant_dimensions() -> list[tuple[str, list[str]]]:
    """The ESF+ breakdowns of the entrants: (field, category codes), each with "unknown" last."""
    dimensions = [
        ("gender", Gender.values),
        ("age_band", ["under_30", "30_54", "55_plus", EsfAnswer.DECLINED]),
        ("labour_market_status", LabourMarketStatus.values),
        ("education_level", EducationLevel.values),
        *((name, EsfAnswer.values) for name, _label in ESF_CHARACTERISTICS),
    ]
    # A choice list may have its own "unknown": then it is that category, not a second one.
    return [(name, list(dict.fromkeys([*codes, UNKNOWN]))) for name, codes in dimensions]


def participant_cells(participants: dict) -> list[tuple[str, str, int]]:
    """(dimension, category, count) for every breakdown; codes outside the choices count as unknown."""
    cells = []
    for dimension, codes in participant_dimensions():
        counts = participants[dimension]
        known = set(codes) - {UNKNOWN}
        for code in codes:
            if code == UNKNOWN:
                value = sum(value for other, value in counts.items() if other not in known)
            else:
                value = counts.get(code, 0)
            cells.append((dimension, code, value))
    return cells


@dataclass
class Grid:
    """The cells of one scope and period, the equations between them and what is derived from them."""

    counts: dict[str, int] = field(default_factory=dict)
    equations: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    derived: dict[str, tuple[str, ...]] = field(default_factory=dict)


def grid(figures: Figures) -> Grid:
    result = Grid()
    summary = figures.summary
    result.counts.update({key: summary[key] for key in SUMMARY_COUNTS})
    result.counts.update({f"sustained.{months}": summary["sustained"][months] for months in SUSTAINED_MONTHS})
    result.derived.update(SUMMARY_DERIVED)
    for index, quarter in enumerate(figures.quarters):
        result.counts.update({f"q{index}.{key}": quarter[key] for key in QUARTER_COUNTS})
        result.derived.update(
            {
                f"q{index}.{key}": tuple(f"q{index}.{count}" for count in counts)
                for key, counts in QUARTER_DERIVED.items()
            }
        )
    for key, total in QUARTERS_ADD_UP.items():
        result.equations.append((total, tuple(f"q{index}.{key}" for index in range(len(figures.quarters)))))
    if len(figures.quarters) == 1:
        result.equations += [(total, (f"q0.{key}",)) for key, total in SAME_AS_PERIOD.items()]
    # Kykyviisari by area: the clients measured twice and those who improved are counts of people; the means and
    # the share come from them.
    for area in summary["kykyviisari_areas"]:
        key = f"kyky_area.{area['code']}"
        result.counts.update({f"{key}.clients": area["clients"], f"{key}.improved": area["improved"]})
        result.derived.update(
            {
                f"{key}.before": (f"{key}.clients",),
                f"{key}.after": (f"{key}.clients",),
                f"{key}.improved_share": (f"{key}.improved", f"{key}.clients"),
            }
        )
    participants = figures.participants
    result.counts.update(entrants=participants["entrants"], leavers=participants["leavers"])
    result.counts.update({key: participants[key] for key in RESULT_COUNTS})
    # The entrants are the period's new clients and the leavers its closed ones, counted the same way.
    result.equations += [("new", ("entrants",)), ("closed", ("leavers",))]
    parts: dict[str, list[str]] = {}
    for dimension, code, value in participant_cells(participants):
        key = f"{dimension}.{code}"
        result.counts[key] = value
        parts.setdefault(dimension, []).append(key)
    result.equations += [("entrants", tuple(keys)) for keys in parts.values()]
    for group, statuses in STATUS_GROUPS.items():
        key = f"status_group.{group}"
        result.counts[key] = sum(result.counts[f"labour_market_status.{status}"] for status in statuses)
        result.equations.append((key, tuple(f"labour_market_status.{status}" for status in statuses)))
    return result


def protect(cells: Grid) -> set[str]:
    """The keys to hide: primary, then complementary until no equation and no combination of them gives one back."""
    hidden = {key for key, value in cells.counts.items() if value in SMALL}
    order = {key: index for index, key in enumerate(cells.counts)}

    def cheapest(candidates):
        return min(candidates, key=lambda key: (cells.counts[key], order[key]))

    while True:
        changed = False
        for total, parts in cells.equations:
            members = (total, *parts)
            hidden_parts = [key for key in parts if key in hidden]
            if hidden_parts and total not in hidden and not any(cells.counts[key] for key in hidden_parts):
                # Hidden zeros only: a shown total minus the shown parts leaves 0, and counts are never negative,
                # so each hidden part is 0. Hide a part that is not 0 beside them, or else the total.
                candidates = [key for key in parts if key not in hidden and cells.counts[key]] or [total]
                hidden.add(cheapest(candidates))
                changed = True
                continue
            if sum(1 for key in members if key in hidden) != 1:
                continue
            candidates = [key for key in parts if key not in hidden] or [key for key in members if key not in hidden]
            hidden.add(cheapest(candidates))
            changed = True
        if changed:
            continue
        solved = determined(cells, hidden)
        if not solved:
            return hidden
        # A hidden cell the equations still pin down: hide the smallest shown cell of an equation it is in.
        key = sorted(solved, key=order.get)[0]
        shown = [
            other
            for total, parts in cells.equations
            if key in (total, *parts)
            for other in (total, *parts)
            if other not in hidden
        ]
        if not shown:
            return hidden
        hidden.add(cheapest(shown))


def determined(cells: Grid, hidden: Iterable[str]) -> set[str]:
    """Hidden cells whose value the equations fix, whatever the shown cells hold: exact Gaussian elimination."""
    unknowns = sorted(set(hidden), key=list(cells.counts).index)
    column = {key: index for index, key in enumerate(unknowns)}
    rows = []
    for total, parts in cells.equations:
        row = [Fraction(0)] * len(unknowns)
        for key, sign in ((total, 1), *((part, -1) for part in parts)):
            if key in column:
                row[column[key]] += sign
        if any(row):
            rows.append(row)
    pivots = []
    for col in range(len(unknowns)):
        pivot = next((r for r in range(len(pivots), len(rows)) if rows[r][col]), None)
        if pivot is None:
            continue
        rank = len(pivots)
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        lead = rows[rank][col]
        rows[rank] = [value / lead for value in rows[rank]]
        for other in range(len(rows)):
            if other != rank and rows[other][col]:
                factor = rows[other][col]
                rows[other] = [a - factor * b for a, b in zip(rows[other], rows[rank], strict=True)]
        pivots.append(col)
    return {unknowns[col] for rank, col in enumerate(pivots) if sum(1 for value in rows[rank] if value) == 1}


class Shown:
    """The cells as a reader sees them: a hidden count or a share of one is HIDDEN when suppression is on."""

    def __init__(self, figures: Figures, *, suppressed: bool = True):
        self.figures = figures
        self.suppressed = suppressed
        self.cells = grid(figures)
        self.hidden = protect(self.cells) if suppressed else set()

    def is_hidden(self, key: str) -> bool:
        if key in self.cells.derived:
            return any(count in self.hidden for count in self.cells.derived[key])
        return key in self.hidden

    def show(self, key: str, value):
        """The value, or HIDDEN (a missing value, None, stays None: nothing to hide)."""
        if value is None or not self.is_hidden(key):
            return value
        return HIDDEN

    def count(self, key: str):
        return self.show(key, self.cells.counts[key])

    def summary(self, key: str):
        value = self.figures.summary[key]
        return self.show(key, value)

    def kykyviisari_areas(self) -> list[dict]:
        """Kykyviisari by area as shown: each count, mean and share, or HIDDEN."""
        rows = []
        for area in self.figures.summary["kykyviisari_areas"]:
            key = f"kyky_area.{area['code']}"
            rows.append(
                {"code": area["code"], "name": AREA_NAMES[area["code"]]}
                | {name: self.show(f"{key}.{name}", area[name]) for name in area if name != "code"}
            )
        return rows

    def quarter(self, index: int, key: str):
        return self.show(f"q{index}.{key}", self.figures.quarters[index][key])
