"""Outcome figures for a scope (coach, team, organisation, several organisations) and a period.

Every figure is an SQL aggregate over the scope's rows, or a small computation over rows fetched once with
.values(): the number of queries depends on the number of figures, never on the number of clients. scope.py says
whose rows count, clients.py has the client and job figures, work.py the time and staff figures,
summary.py the fidelity figures and the summary of them all.
Periods, month arithmetic and ratios come from ips.periods and are importable from here as before.
"""

from ips.periods import Period, add_months, ratio
from reports.metrics.clients import (
    CLIENT_FACTS,
    client_figures,
    first_job_start,
    job_figures,
    participant_figures,
    quarterly_rates,
)
from reports.metrics.scope import (
    BENCHMARKS,
    GROW_BENCHMARK,
    SUSTAINED_MONTHS,
    Scope,
    active_in,
    held_job,
    jobs_held_in,
    open_at,
    rounded,
    scope_clients,
    scope_jobs,
    served_in,
)
from reports.metrics.summary import fidelity_figures, fidelity_reviews, summary
from reports.metrics.work import coach_rows, staff_figures, time_figures

__all__ = [
    "BENCHMARKS",
    "CLIENT_FACTS",
    "GROW_BENCHMARK",
    "SUSTAINED_MONTHS",
    "Period",
    "Scope",
    "active_in",
    "add_months",
    "client_figures",
    "coach_rows",
    "fidelity_figures",
    "fidelity_reviews",
    "first_job_start",
    "held_job",
    "job_figures",
    "jobs_held_in",
    "open_at",
    "participant_figures",
    "quarterly_rates",
    "ratio",
    "rounded",
    "scope_clients",
    "scope_jobs",
    "served_in",
    "staff_figures",
    "summary",
    "time_figures",
]
