"""One client's way through the service: stages, jobs and closure, drawn from the generator's random source."""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

MAX_JOBS = 5


@dataclass
class Path:
    entry: date
    closed_on: date | None
    jobs: list[tuple[date, date | None]] = field(default_factory=list)
    changes: list[tuple[str, date]] = field(default_factory=list)
    outcome: str = ""

    @property
    def stage(self) -> str:
        return self.changes[-1][0]

    @property
    def stage_since(self) -> date:
        return self.changes[-1][1]

    @property
    def end(self) -> date:
        return self.closed_on or date.max

    def reached(self, stage: str) -> bool:
        return any(s == stage for s, _d in self.changes)


def draw(rng: random.Random, entry: date, today: date, outcomes: list[tuple[str, int]]) -> Path:
    """Seven in ten clients find work, many several short jobs; the service lasts 3 to 30 months."""
    length = rng.randint(90, 900)
    closed_on = entry + timedelta(days=length) if entry + timedelta(days=length) < today else None
    last_day = closed_on or today
    path = Path(entry=entry, closed_on=closed_on)
    if rng.random() < 0.72:
        start = entry + timedelta(days=rng.randint(20, 200))
        while start <= last_day and len(path.jobs) < MAX_JOBS:
            end = start + timedelta(days=rng.randint(30, 330))
            if end >= last_day:
                path.jobs.append((start, None))
                break
            path.jobs.append((start, end))
            start = end + timedelta(days=rng.randint(7, 90))
    first_job = path.jobs[0][0] if path.jobs else date.max
    changes = [("engagement", entry)]
    day = entry
    for stage, low, high in (("profile", 10, 35), ("job_finding", 14, 40), ("employer_engagement", 20, 60)):
        day += timedelta(days=rng.randint(low, high))
        if day < first_job and day <= last_day:
            changes.append((stage, day))
    for start, end in path.jobs:
        changes.append(("support", start))
        if end is not None and end + timedelta(days=1) <= last_day:
            changes.append(("job_finding", end + timedelta(days=1)))
    if closed_on:
        working = bool(path.jobs) and path.jobs[-1][1] is None
        path.outcome = "open_market_job" if working else rng.choices(*zip(*outcomes, strict=True))[0]
        changes.append(("closed", closed_on))
    path.changes = sorted(changes, key=lambda change: change[1])
    return path
