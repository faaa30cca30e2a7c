"""A coach's work time in a week: the daily log's minutes and the employer contacts' minutes, each counted once.

A contact with an employer is recorded once, on the contact (employers app), with its minutes; it is never also a
log entry. A coach's work time is therefore the log plus the contacts: Today and the Week page both read it here, so
they show one total for one week (fidelity item S2 counts coach time the same way; the week grid, which edits the
log, shows the log's totals and says so). A face-to-face contact is time out at the employer's, in the community;
one by phone or e-mail is not. Contacts count as employment work, as in S2.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q

from ips.models import ActivityKind, TimeEntry
from ips.models.activity import KIND_COLUMNS
from ips.periods import week_days, whole_percent


@dataclass
class KindRow:
    """The log's minutes of one activity kind, per day of the week."""

    kind: ActivityKind
    cells: list[int]

    @property
    def total(self) -> int:
        return sum(self.cells)


@dataclass
class CoachWeek:
    days: list[date]
    kinds: dict[int, KindRow] = field(default_factory=dict)  # the log by kind, in the kinds' order once read
    contact_cells: list[int] = field(default_factory=lambda: [0] * 7)  # employer contacts' minutes per day
    contacts: list[dict] = field(default_factory=list)  # uuid, date, minutes, face_to_face, employer__name
    entry_counts: dict[date, int] = field(default_factory=dict)  # log entries per day
    community: int = 0
    employment: int = 0

    @property
    def by_kind(self) -> list[KindRow]:
        return sorted(self.kinds.values(), key=lambda row: (row.kind.order, row.kind.code))

    @property
    def log_cells(self) -> list[int]:
        return [sum(row.cells[n] for row in self.kinds.values()) for n in range(7)]

    @property
    def day_totals(self) -> list[int]:
        """Work time per day, Monday to Sunday: the log and the employer contacts."""
        return [logged + contacts for logged, contacts in zip(self.log_cells, self.contact_cells, strict=True)]

    @property
    def contact_minutes(self) -> int:
        return sum(self.contact_cells)

    @property
    def total(self) -> int:
        return sum(self.day_totals)

    @property
    def community_share(self) -> int | None:
        return whole_percent(self.community, self.total)


def _kind_of(row) -> ActivityKind:
    """The kind of a by_coach_day_and_kind() row, with what the pages show of it (its order, code and names)."""
    return ActivityKind(pk=row["kind"], **{column.removeprefix("kind__"): row[column] for column in KIND_COLUMNS})


def _contacts(viewer):
    """The employer contacts the viewer may see in a timesheet, by the log's own rule (TimeEntry visible_to): their
    own, and those counted for the teams they supervise. Reached through the reverse relation: ips may not import
    the employers app."""
    model = viewer._meta.get_field("employer_contacts").related_model
    return model.objects.filter(Q(coach=viewer) | Q(team__in=viewer.roles.supervisor_teams))


def work_weeks(viewer, coaches, day: date) -> dict[int, CoachWeek]:
    """The week of `day` of each coach (users or ids) as `viewer` may see it, keyed by the coach's id.

    Two queries whatever the number of coaches and rows: the log by coach, day and kind (with the kind's order and
    names), and the employer contacts of the week.
    """
    days = week_days(day)
    ids = [getattr(coach, "pk", coach) for coach in coaches]
    weeks = {coach_id: CoachWeek(days=days) for coach_id in ids}
    rows = TimeEntry.objects.visible_to(viewer).filter(coach__in=ids).between(days[0], days[-1]).by_coach_day_and_kind()
    for row in rows:
        week = weeks[row["coach"]]
        if row["kind"] not in week.kinds:
            week.kinds[row["kind"]] = KindRow(kind=_kind_of(row), cells=[0] * 7)
        week.kinds[row["kind"]].cells[days.index(row["date"])] += row["minutes_total"]
        week.entry_counts[row["date"]] = week.entry_counts.get(row["date"], 0) + row["count"]
        week.community += row["community"]
        week.employment += row["employment"]
    contacts = (
        _contacts(viewer)
        .filter(coach__in=ids, date__gte=days[0], date__lte=days[-1])
        .order_by("date", "created")
        .values("uuid", "coach", "date", "minutes", "face_to_face", "employer__name")
    )
    for contact in contacts:
        week = weeks[contact["coach"]]
        week.contacts.append(contact)
        week.contact_cells[days.index(contact["date"])] += contact["minutes"]
        week.community += contact["minutes"] if contact["face_to_face"] else 0
        week.employment += contact["minutes"]
    return weeks


def work_week(viewer, coach, day: date) -> CoachWeek:
    """One coach's week (work_weeks for one)."""
    return work_weeks(viewer, [coach], day)[getattr(coach, "pk", coach)]
