"""A coach's week as the week grid sees it: minutes per activity and setting per day, read in one query.

The grid owns the entries it made (`TimeEntry.from_grid`): one row per activity and setting, no client, at most
one entry per day and row (it tolerates more and shows their sum). What Today logged stays Today's; the grid shows
it per day beside its own rows so the day's total is in view, and never changes it.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta

from ips.models import ActivityKind, TimeEntry
from ips.periods import week_days

GridKey = tuple[int, str]  # (activity kind id, setting)


@dataclass
class WeekSheet:
    days: list[date]
    grid: dict[GridKey, list[int]] = field(default_factory=dict)  # grid-made minutes per row and day
    entries: dict[tuple[GridKey, date], list[TimeEntry]] = field(default_factory=dict)  # grid-made rows per cell
    others: list[int] = field(default_factory=list)  # minutes logged elsewhere (Today), per day
    fingerprint: str = ""

    @classmethod
    def load(cls, coach, day: date, *, lock: bool = False) -> "WeekSheet":
        """The coach's week of `day`; `lock` holds its entries until the transaction ends (a save reads with it)."""
        days = week_days(day)
        rows = TimeEntry.objects.of_coach(coach).between(days[0], days[-1]).order_by("pk")
        if lock:
            rows = rows.select_for_update()
        rows = list(rows)
        sheet = cls(days=days, others=[0] * 7)
        for entry in rows:
            index = (entry.date - days[0]).days
            if not entry.from_grid:
                sheet.others[index] += entry.minutes
                continue
            key = (entry.kind_id, entry.setting)
            sheet.grid.setdefault(key, [0] * 7)[index] += entry.minutes
            sheet.entries.setdefault((key, entry.date), []).append(entry)
        # Any save, deletion or addition in the week changes it: Today's entries count towards the day's total.
        state = ";".join(f"{e.pk}:{e.date}:{e.kind_id}:{e.setting}:{e.minutes}:{e.updated.isoformat()}" for e in rows)
        sheet.fingerprint = hashlib.sha256(f"{days[0]}|{state}".encode()).hexdigest()[:32]
        return sheet

    def minutes(self, key: GridKey, day: date) -> int:
        """The grid-made minutes of one row on one day, as saved."""
        row = self.grid.get(key)
        return row[(day - self.days[0]).days] if row else 0

    def rows(self, kinds: dict[int, ActivityKind]) -> list[tuple[GridKey, list[int]]]:
        """The grid's rows in the order of the activity kinds, then settings."""
        return sorted(self.grid.items(), key=lambda item: (kinds[item[0][0]].order, kinds[item[0][0]].code, item[0][1]))


def last_week_keys(coach, day: date) -> list[GridKey]:
    """The activities and settings the coach logged the week before (anywhere), for "copy last week's rows"."""
    monday = week_days(day)[0] - timedelta(days=7)
    rows = (
        TimeEntry.objects.of_coach(coach)
        .between(monday, monday + timedelta(days=6))
        .order_by("kind__order", "kind__code", "setting")
        .values_list("kind_id", "setting")
        .distinct()
    )
    return list(rows)
