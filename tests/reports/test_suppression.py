"""Suppression that holds: an attacker with every shown cell and every rule that ties figures together recovers
no hidden count, on 240 generated small populations (a seeded generator, so a failure can be replayed)."""

import random
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from ips.models import ESF_CHARACTERISTICS, EducationLevel, EsfAnswer, Gender, LabourMarketStatus
from ips.periods import Period
from reports.metrics import Scope
from reports.metrics.figures import Figures
from reports.metrics.suppression import (
    HIDDEN,
    QUARTER_COUNTS,
    STATUS_GROUPS,
    SUMMARY_COUNTS,
    Shown,
    participant_dimensions,
)

POPULATIONS = 240
AGE_BANDS = ["under_30", "30_54", "55_plus", "declined", "unknown"]


def population(seed: int) -> Figures:
    """A small scope's year (or quarter) with figures that add up as the real ones do."""
    rng = random.Random(seed)
    quarters_in = rng.choice([1, 2, 4])
    start = date(2025, 1, 1)
    period = Period(start, date(2025, 3 * quarters_in, 31 if quarters_in in (1, 4) else 30))
    quarters = period.quarters()
    people = []
    for _ in range(rng.randint(0, 14)):
        entered = rng.choice([None, *range(len(quarters))])  # None: entered before the period
        closed = rng.choice([None, None, *range(entered or 0, len(quarters))])
        people.append(
            {
                "entered": entered,
                "closed": closed,
                "gender": rng.choice([*Gender.values, None]),
                "age": rng.choice(AGE_BANDS),
                "status": rng.choice([*LabourMarketStatus.values, None]),
                "education": rng.choice([*EducationLevel.values, None]),
                "ips": rng.random() < 0.6,
                "grow": rng.random() < 0.7,
                "employed": rng.random() < 0.4,
                "job_starts": [q for q in range(len(quarters)) if rng.random() < 0.2],
                "satisfied": rng.random() < 0.5,
                "outcome": rng.choice(["open_market_job", "education", "other"]),
                "searching": rng.random() < 0.3,
                "qualified": rng.random() < 0.2,
                "followed": rng.random() < 0.3,
                "followup": rng.choice(["", "employed", "not_employed", "declined"]),
                **{name: rng.choice([*EsfAnswer.values, None]) for name, _label in ESF_CHARACTERISTICS},
            }
        )
    entrants = [p for p in people if p["entered"] is not None]
    leavers = [p for p in people if p["closed"] is not None]

    def active(p, q):
        return (p["entered"] is None or p["entered"] <= q) and (p["closed"] is None or p["closed"] >= q)

    quarter_rows = []
    for index, quarter in enumerate(quarters):
        here = [p for p in people if active(p, index)]
        row = {
            "quarter": quarter,
            "label": quarter.label,
            "active": len(here),
            "new": sum(1 for p in people if p["entered"] == index),
            "closed": sum(1 for p in people if p["closed"] == index),
            "employed": sum(1 for p in here if p["employed"]),
            "grow_active": sum(1 for p in here if p["grow"]),
            "grow_employed": sum(1 for p in here if p["grow"] and p["employed"]),
            "job_starts": sum(p["job_starts"].count(index) for p in people),
            "engaged": sum(1 for p in people if p["entered"] == index and p["ips"]),
            "first_job_starts": sum(1 for p in people if p["job_starts"] and p["job_starts"][0] == index),
            "in_work_at_referral": sum(1 for p in people if p["entered"] == index and not p["grow"]),
            "support_hours": Decimal("10.0"),
        }
        row["employment_rate"] = Fraction(row["employed"], row["active"]) if row["active"] else None
        row["grow_employment_rate"] = Fraction(row["grow_employed"], row["grow_active"]) if row["grow_active"] else None
        quarter_rows.append(row)

    def count(condition):
        return sum(1 for p in people if condition(p))

    summary = {
        "clients": len(people),
        "new": len(entrants),
        "closed": len(leavers),
        "employed": count(lambda p: p["employed"]),
        "employed_any_job": count(lambda p: p["employed"] or bool(p["job_starts"])),
        "ips_clients": count(lambda p: p["ips"]),
        "ips_employed": count(lambda p: p["ips"] and p["employed"]),
        "grow_clients": count(lambda p: p["grow"]),
        "grow_employed": count(lambda p: p["grow"] and p["employed"]),
        "satisfaction_count": count(lambda p: p["satisfied"]),
        "kykyviisari_count": 0,
        "kykyviisari_areas": [],
        "job_starts": sum(len(p["job_starts"]) for p in people),
        "first_job_starts": count(lambda p: bool(p["job_starts"])),
        "open_at_end": count(lambda p: p["closed"] is None),
        "engaged": count(lambda p: p["entered"] is not None and p["ips"]),
        "competitive_job_starts": sum(len(p["job_starts"]) for p in people if p["employed"]),
        "wage_subsidy_job_starts": sum(len(p["job_starts"]) for p in people if p["grow"]),
        "competitive_wage_subsidy_job_starts": sum(len(p["job_starts"]) for p in people if p["grow"] and p["employed"]),
        "in_work_at_end": count(lambda p: p["closed"] is None and p["employed"]),
        "jobs_held": sum(len(p["job_starts"]) for p in people) + rng.randint(0, 3),
        "sustained": {months: rng.randint(0, 6) for months in (3, 6, 12)},
    }
    for key, (numerator, denominator) in {
        "employment_rate": ("employed", "clients"),
        "ips_employment_rate": ("ips_employed", "ips_clients"),
        "grow_employment_rate": ("grow_employed", "grow_clients"),
    }.items():
        summary[key] = Fraction(summary[numerator], summary[denominator]) if summary[denominator] else None
    summary.update(satisfaction=Decimal("8.0"), kykyviisari_change=None, days_to_first_job=30, caseload_per_fte=None)
    summary.update(in_work_share=None, hours_per_week_median=None, hourly_wage_median=None, tenure_days_median=None)

    def breakdown(field):
        result = {}
        for p in entrants:
            key = p[field] or "unknown"
            result[key] = result.get(key, 0) + 1
        return result

    participants = {
        "entrants": len(entrants),
        "gender": breakdown("gender"),
        "age_band": breakdown("age"),
        "labour_market_status": breakdown("status"),
        "education_level": breakdown("education"),
        "leavers": len(leavers),
        "in_employment_at_exit": sum(1 for p in leavers if p["outcome"] == "open_market_job"),
        "in_education_at_exit": sum(1 for p in leavers if p["outcome"] == "education"),
        "job_searching_at_exit": sum(1 for p in leavers if p["searching"]),
        "qualification_at_exit": sum(1 for p in leavers if p["qualified"]),
        "followup_due": sum(1 for p in people if p["followed"]),
        "followup_recorded": sum(1 for p in people if p["followed"] and p["followup"]),
        "employed_six_months": sum(1 for p in people if p["followed"] and p["followup"] == "employed"),
        **{name: breakdown(name) for name, _label in ESF_CHARACTERISTICS},
    }
    scope = Scope(team_ids=frozenset({1}), label="Generated", kind="team", organisation_ids=frozenset({1}))
    return Figures(scope=scope, period=period, summary=summary, quarters=quarter_rows, participants=participants)


# --- the attacker: what a reader of the workbook and the dashboard knows ---------------------------------------------


def attacker_rules(figures: Figures) -> list[tuple[str, list[str]]]:
    """Every way the figures add up, written from what the sheets say (not from the suppression's own list):
    each quarter's new, closed and job starts add up to the period's; entrants are the period's new clients and
    leavers its closed ones; each ESF+ breakdown adds up to the entrants; a one-quarter period is its quarter."""
    quarters = range(len(figures.quarters))
    rules = [(total, [f"q{q}.{key}" for q in quarters]) for key, total in (("new",) * 2, ("closed",) * 2)]
    for key in ("job_starts", "engaged", "first_job_starts"):
        rules.append((key, [f"q{q}.{key}" for q in quarters]))
    rules += [("new", ["entrants"]), ("closed", ["leavers"])]
    for dimension, codes in participant_dimensions():
        rules.append(("entrants", [f"{dimension}.{code}" for code in codes]))
    # The ESF+ labour-market groups are sums of the statuses listed beside them.
    for group, statuses in STATUS_GROUPS.items():
        rules.append((f"status_group.{group}", [f"labour_market_status.{status}" for status in statuses]))
    if len(figures.quarters) == 1:
        rules += [("clients", ["q0.active"]), ("employed", ["q0.employed"]), ("grow_clients", ["q0.grow_active"])]
    return rules


SHARES = {
    "employment_rate": ("employed", "clients"),
    "ips_employment_rate": ("ips_employed", "ips_clients"),
    "grow_employment_rate": ("grow_employed", "grow_clients"),
}


def shown_cells(shown: Shown) -> tuple[dict, dict]:
    """(counts, shares) as the reader sees them: a value or HIDDEN."""
    counts = {key: shown.count(key) for key in shown.cells.counts}
    shares = {key: shown.summary(key) for key in SHARES}
    for index in range(len(shown.figures.quarters)):
        shares[f"q{index}.employment_rate"] = shown.quarter(index, "employment_rate")
        shares[f"q{index}.grow_employment_rate"] = shown.quarter(index, "grow_employment_rate")
    return counts, shares


def attack(figures: Figures, counts: dict, shares: dict) -> dict[str, int]:
    """Every derivation tried until nothing new comes out; returns what it worked out of the hidden cells."""
    known = {key: value for key, value in counts.items() if value != HIDDEN}
    rules = attacker_rules(figures)
    share_rules = dict(SHARES)
    for index in range(len(figures.quarters)):
        share_rules[f"q{index}.employment_rate"] = (f"q{index}.employed", f"q{index}.active")
        share_rules[f"q{index}.grow_employment_rate"] = (f"q{index}.grow_employed", f"q{index}.grow_active")
    while True:
        before = len(known)
        # Percentages: a shown share with its denominator (or numerator) known gives the other back.
        for key, (numerator, denominator) in share_rules.items():
            share = shares.get(key)
            if share in (None, HIDDEN):
                continue
            if denominator in known and numerator not in known:
                known[numerator] = round(Fraction(share) * known[denominator])
            if numerator in known and denominator not in known and share:
                known[denominator] = round(known[numerator] / Fraction(share))
        # Totals minus categories; and categories that must all be zero when nothing is left for them.
        for total, parts in rules:
            unknown = [key for key in (total, *parts) if key not in known]
            if len(unknown) == 1:
                [key] = unknown
                rest = sum(known[part] for part in parts if part != key)
                known[key] = known[total] - rest if key != total else rest
            elif total in known and total not in unknown:
                left = known[total] - sum(known[part] for part in parts if part in known)
                if left == 0:
                    known.update(dict.fromkeys(unknown, 0))
        # The whole system at once: exact elimination over the unknowns.
        known.update(solve(rules, known))
        if len(known) == before:
            return {key: value for key, value in known.items() if counts.get(key) == HIDDEN}


def solve(rules, known) -> dict[str, int]:
    unknowns = sorted({key for total, parts in rules for key in (total, *parts) if key not in known})
    column = {key: index for index, key in enumerate(unknowns)}
    rows = []
    for total, parts in rules:
        row = [Fraction(0)] * (len(unknowns) + 1)
        for key, sign in ((total, 1), *((part, -1) for part in parts)):
            if key in column:
                row[column[key]] += sign
            else:
                row[-1] -= sign * known[key]
        rows.append(row)
    found, rank = {}, 0
    for col in range(len(unknowns)):
        pivot = next((r for r in range(rank, len(rows)) if rows[r][col]), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        rows[rank] = [value / rows[rank][col] for value in rows[rank]]
        for other in range(len(rows)):
            if other != rank and rows[other][col]:
                factor = rows[other][col]
                rows[other] = [a - factor * b for a, b in zip(rows[other], rows[rank], strict=True)]
        rank += 1
    for row in rows[:rank]:
        nonzero = [index for index, value in enumerate(row[:-1]) if value]
        if len(nonzero) == 1:
            found[unknowns[nonzero[0]]] = int(row[-1])
    return found


# --- the tests ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("batch", range(4))
def test_no_derivation_recovers_a_hidden_count_on_generated_small_populations(batch):
    hidden_seen = 0
    for seed in range(batch * POPULATIONS // 4, (batch + 1) * POPULATIONS // 4):
        figures = population(seed)
        shown = Shown(figures, suppressed=True)
        counts, shares = shown_cells(shown)
        hidden = {key for key, value in counts.items() if value == HIDDEN}
        hidden_seen += len(hidden)
        # Every count of 1-4 is hidden, and every share of a hidden count.
        assert all(value not in range(1, 5) for value in counts.values()), seed
        recovered = attack(figures, counts, shares)
        assert not recovered, (seed, recovered)
    assert hidden_seen > 100  # the populations are small enough to hide something


def test_the_attacker_recovers_counts_from_the_naive_rule():
    """The attack is real: with only 1-4 hidden (no complementary cells) it works counts back."""
    recovered_somewhere = 0
    for seed in range(POPULATIONS):
        figures = population(seed)
        shown = Shown(figures, suppressed=True)
        shown.hidden = {key for key, value in shown.cells.counts.items() if value in range(1, 5)}
        counts, shares = shown_cells(shown)
        recovered = attack(figures, counts, shares)
        for key, value in recovered.items():
            assert value == shown.cells.counts[key], (seed, key)
        recovered_somewhere += bool(recovered)
    assert recovered_somewhere >= 10


def test_unsuppressed_cells_are_the_figures():
    figures = population(7)
    counts, _shares = shown_cells(Shown(figures, suppressed=False))
    assert all(counts[key] == figures.summary[key] for key in SUMMARY_COUNTS)
    assert all(counts[f"q0.{key}"] == figures.quarters[0][key] for key in QUARTER_COUNTS)
