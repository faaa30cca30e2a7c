"""The daily log: minutes by kind and setting, optionally about one client.

Coaches log their work here, and so do the team's members of other professions (their entries are marked
`coach_work=False`, so coach figures leave them out).
"""

from collections import defaultdict
from functools import reduce
from operator import or_
from uuid import uuid4

from django.conf import settings
from django.db import connection, models, transaction
from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from ips.access import AccessQuerySet
from ips.models.clients import Client
from ips.models.lists import ActivityKind
from ips.models.people import Team
from ips.periods import short_date, week_of

MAX_DAY_MINUTES = 16 * 60


class Setting(models.TextChoices):
    COMMUNITY = "community", _("Community")
    WORKPLACE = "workplace", _("Workplace")
    CLIENT_HOME = "client_home", _("Client's home")
    OFFICE = "office", _("Office")
    REMOTE = "remote", _("Phone or video")


# Fidelity item V13 counts time out of the office with people as community time; phone and video are not.
COMMUNITY_SETTINGS = [Setting.COMMUNITY, Setting.WORKPLACE, Setting.CLIENT_HOME]

# The fields of an entry that DailyMinutes sums or is keyed by: a write that changes none of them (a note, the
# client, anonymisation's blanks) leaves the summary as it is.
SUMMARISED = ("team_id", "date", "kind_id", "setting", "minutes", "coach_work")


def _minute_sums(total: str = "total") -> dict:
    """Minutes in all (named `total`), out in the community and on employment work: the log's shares."""
    return {
        total: Sum("minutes", default=0),
        "community": Sum("minutes", filter=Q(setting__in=COMMUNITY_SETTINGS), default=0),
        "employment": Sum("minutes", filter=Q(kind__is_employment_work=True), default=0),
    }


# What a page needs of an entry's kind to order it and print its name (|tr:"name"), read as kind__<column>.
KIND_COLUMNS = ("kind__order", "kind__code", "kind__name_fi", "kind__name_sv", "kind__name_en")


class TimeEntryQuerySet(AccessQuerySet):
    def visible_to(self, user):
        """A coach sees their own log; a supervisor sees the logs of their teams."""
        return self.filter(Q(coach=user) | Q(team__in=user.roles.supervisor_teams))

    def editable_by(self, user):
        # The log is the coach's own account of their time: only they change it.
        return self.filter(coach=user)

    def of_coach(self, user):
        return self.filter(coach=user)

    def coaches_work(self):
        """The coaches' entries: fidelity items (S2, V13, V14) and coach-time figures leave out the work of team
        members of other professions, logged in the same log."""
        return self.filter(coach_work=True)

    def between(self, first, last):
        return self.filter(date__gte=first, date__lte=last)

    def week_of(self, day):
        return self.between(*week_of(day))

    def totals(self) -> dict:
        """Total minutes, community minutes and employment-work minutes in one query."""
        return self.aggregate(**_minute_sums())

    def totals_per(self, field: str, total: str = "total"):
        """Per value of `field` (a date, a coach): the sums of totals() and the number of entries, in one query."""
        return self.order_by().values(field).annotate(**_minute_sums(total), count=Count("pk")).order_by(field)

    def by_day(self):
        return self.order_by().values("date").annotate(minutes_total=Sum("minutes")).order_by("date")

    # Every bulk write refreshes DailyMinutes for the (team, day) keys it touched, once, in its transaction.
    # Single rows go through TimeEntry.save() and delete(); tests/ips/test_daily_minutes.py holds the list.

    def _keys(self) -> set:
        return set(self.order_by().values_list("team_id", "date").distinct())

    def bulk_create(self, objs, *args, **kwargs):
        with transaction.atomic(savepoint=False):
            created = super().bulk_create(objs, *args, **kwargs)
            # Conflicts ignored or upserted leave rows without a pk or move existing ones: then recompute the keys.
            pks = [entry.pk for entry in created]
            if kwargs.get("update_conflicts") or len(args) > 2 or None in pks:
                refresh_daily_minutes({(entry.team_id, entry.date) for entry in created})
            else:
                add_daily_minutes(pks)
        return created

    def update(self, **kwargs):
        if not any(f"{name}_id" in SUMMARISED or name in SUMMARISED for name in kwargs):
            return super().update(**kwargs)
        with transaction.atomic(savepoint=False):
            pks = list(self.order_by().values_list("pk", flat=True))
            before = self.model._base_manager.filter(pk__in=pks)
            keys = set(before.order_by().values_list("team_id", "date").distinct())
            changed = super().update(**kwargs)
            refresh_daily_minutes(keys | set(before.order_by().values_list("team_id", "date").distinct()))
        return changed

    update.alters_data = True

    def delete(self):
        with transaction.atomic(savepoint=False):
            keys = self._keys()
            deleted = super().delete()
            refresh_daily_minutes(keys)
        return deleted

    delete.alters_data = True
    delete.queryset_only = True

    def by_coach_day_and_kind(self):
        """Per coach, date and kind: minutes_total, community, employment and the number of entries, with the kind's
        order, code and names, in one query: the log's half of a coach's work time (ips/work_time.py)."""
        return (
            self.order_by()
            .values("coach", "date", "kind", *KIND_COLUMNS)
            .annotate(**_minute_sums("minutes_total"), count=Count("pk"))
        )


class TimeEntry(models.Model):
    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    date = models.DateField(_("date"))
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="time_entries", verbose_name=_("coach")
    )
    # The coach's team when the entry was made: a coach who changes teams keeps their history where it was.
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="time_entries", verbose_name=_("team"))
    minutes = models.PositiveSmallIntegerField(_("minutes"))
    kind = models.ForeignKey(
        ActivityKind, on_delete=models.PROTECT, related_name="time_entries", verbose_name=_("activity")
    )
    setting = models.CharField(_("setting"), max_length=12, choices=Setting.choices, default=Setting.OFFICE)
    client = models.ForeignKey(
        Client,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="time_entries",
        verbose_name=_("client"),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    # False for the work of a team member of another profession (set from the author's role when logged).
    coach_work = models.BooleanField(_("coach's work"), default=True, editable=False)
    # Made in the week grid (ips/week_sheet.py): the grid changes and deletes only these, never what Today logged.
    from_grid = models.BooleanField(_("from the week grid"), default=False, editable=False)
    # The add form carries a fresh uuid; a second POST with the same one (a double tap) finds this row instead.
    submission_id = models.UUIDField(default=uuid4, editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = TimeEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-created"]
        verbose_name = _("log entry")
        verbose_name_plural = _("log entries")
        constraints = [
            models.UniqueConstraint(fields=["coach", "submission_id"], name="time_entry_submission_unique"),
            models.CheckConstraint(condition=Q(minutes__gt=0, minutes__lte=1440), name="time_entry_minutes_in_day"),
        ]
        indexes = [
            models.Index(fields=["coach", "date"]),
            # Covering: dashboards and workbooks sum a team's minutes by kind and setting over a period from the
            # index alone, without visiting a table row per entry (docs/performance.md).
            models.Index(
                fields=["team", "date", "kind", "setting", "minutes", "coach_work"], name="ips_timeentry_team_covering"
            ),
            models.Index(fields=["client", "date"]),
        ]

    def __str__(self):
        return f"{short_date(self.date)} · {self.minutes} min · {self.kind}"

    def save(self, *args, update_fields=None, **kwargs):
        named = set(update_fields or ())
        if update_fields is not None and not (named | {f"{name}_id" for name in named}) & set(SUMMARISED):
            return super().save(*args, update_fields=update_fields, **kwargs)
        with transaction.atomic(savepoint=False):
            keys = {(self.team_id, self.date)}
            if self.pk is not None:
                remembered = getattr(self, "_summarised", None)
                if remembered is None:
                    keys |= set(TimeEntry._base_manager.filter(pk=self.pk).values_list("team_id", "date"))
                elif remembered == tuple(getattr(self, name) for name in SUMMARISED):
                    keys = set()
                else:
                    keys.add((remembered[0], remembered[1]))
            adding = self.pk is None
            super().save(*args, update_fields=update_fields, **kwargs)
            if adding:
                add_daily_minutes([self.pk])
            else:
                refresh_daily_minutes(keys)
        self._remember_summarised()

    def delete(self, *args, **kwargs):
        with transaction.atomic(savepoint=False):
            key = (self.team_id, self.date)
            deleted = super().delete(*args, **kwargs)
            refresh_daily_minutes({key})
        return deleted

    def get_additional_data(self) -> dict:
        return {"client": str(self.client.uuid)} if self.client_id else {}

    # DailyMinutes follows every save and delete in the same transaction. The values an entry was read with are
    # kept, so an edit that moves it to another team or day refreshes the key it left as well as the new one.

    @classmethod
    def from_db(cls, db, field_names, values):
        entry = super().from_db(db, field_names, values)
        entry._remember_summarised()
        return entry

    def refresh_from_db(self, *args, **kwargs):
        super().refresh_from_db(*args, **kwargs)
        self._remember_summarised()

    def _remember_summarised(self) -> None:
        deferred = self.get_deferred_fields()
        if not any(name.removesuffix("_id") in deferred or name in deferred for name in SUMMARISED):
            self._summarised = tuple(getattr(self, name) for name in SUMMARISED)
        else:
            self.__dict__.pop("_summarised", None)


class DailyMinutes(models.Model):
    """The coaches' logged minutes per team, day, kind and setting: the sums of TimeEntry rows (coach_work only).

    The organisation dashboard and the workbook read a period's time figures here: PIR's year is ~40,000 rows
    instead of ~78,000 entries (docs/performance.md). Never written but by refresh_daily_minutes() and
    rebuild_daily_minutes(), in the transaction of the log write that changed the sums.
    """

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="+")
    date = models.DateField()
    kind = models.ForeignKey(ActivityKind, on_delete=models.CASCADE, related_name="+")
    setting = models.CharField(max_length=12, choices=Setting.choices)
    minutes = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["team", "date", "kind", "setting"], name="daily_minutes_key"),
        ]
        indexes = [
            # Covering: a period's sums by kind and setting come from the index alone.
            models.Index(fields=["team", "date", "kind", "setting", "minutes"], name="ips_dailyminutes_covering"),
        ]

    def __str__(self):
        return f"{self.team_id} {self.date} {self.kind_id} {self.setting}: {self.minutes} min"


def refresh_daily_minutes(keys) -> None:
    """Recompute the DailyMinutes rows of these (team id, day) keys from the log: after edits and deletes.

    The keys' rows are deleted (a group can vanish), then one statement inserts their sums from one aggregate over
    the keys' entries. Runs inside the caller's transaction (or its own). On PostgreSQL the keys' teams are locked
    first (FOR NO KEY UPDATE, which does not wait for the log's foreign-key locks), so two transactions refreshing
    one team take turns and the second one's aggregate sees the first one's entries; SQLite lets one writer in at
    a time anyway.
    """
    days_of = defaultdict(set)
    for team_id, day in keys:
        days_of[team_id].add(day)
    if not days_of:
        return
    where = reduce(or_, (Q(team_id=team, date__in=sorted(days)) for team, days in sorted(days_of.items())))
    with transaction.atomic(savepoint=False):
        if connection.features.has_select_for_update:
            list(Team.objects.select_for_update(no_key=True).filter(pk__in=days_of).order_by("pk").values("pk"))
        DailyMinutes.objects.filter(where).delete()
        _insert_sums(TimeEntry.objects.filter(where), add=False)


def add_daily_minutes(entry_pks) -> None:
    """Add new entries' minutes to their DailyMinutes rows: one statement, their sums from the log added to the rows
    they meet. New entries only make groups grow, and the database adds one transaction's minutes after another's
    (ON CONFLICT waits for the other's row), so no lock is needed."""
    entry_pks = list(entry_pks)
    for start in range(0, len(entry_pks), ADD_BATCH):
        _insert_sums(TimeEntry.objects.filter(pk__in=entry_pks[start : start + ADD_BATCH]), add=True)


# Entries per statement: additions are sums, so batches add up; and every database takes this many parameters.
ADD_BATCH = 5000
# The summary's key, the same columns in both tables; the log's aggregate selects them, then the sum.
KEY_COLUMNS = ("team_id", "date", "kind_id", "setting")


def _insert_sums(entries, *, add: bool) -> None:
    """INSERT … SELECT the entries' sums by key … ON CONFLICT: replace the row's minutes, or add to them."""
    sums = entries.coaches_work().order_by().values_list(*KEY_COLUMNS).annotate(total=Sum("minutes"))
    select, params = sums.query.sql_with_params()
    quote = connection.ops.quote_name
    table, minutes = quote(DailyMinutes._meta.db_table), quote("minutes")
    columns = ", ".join(quote(name) for name in KEY_COLUMNS)
    value = f"{table}.{minutes} + EXCLUDED.{minutes}" if add else f"EXCLUDED.{minutes}"
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({columns}, {minutes}) {select} "
            f"ON CONFLICT ({columns}) DO UPDATE SET {minutes} = {value}",
            params,
        )


def rebuild_daily_minutes() -> int:
    """Replace the whole table with the sums of the log (manage.py rebuild_daily_minutes); returns its rows."""
    summary, log = DailyMinutes._meta, TimeEntry._meta
    quote = connection.ops.quote_name
    columns = ", ".join(quote(name) for name in ("team_id", "date", "kind_id", "setting"))
    with transaction.atomic():
        DailyMinutes.objects.all().delete()
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {quote(summary.db_table)} ({columns}, {quote('minutes')}) "
                f"SELECT {columns}, SUM({quote('minutes')}) FROM {quote(log.db_table)} "
                f"WHERE {quote('coach_work')} = %s GROUP BY {columns}",
                [True],
            )
        return DailyMinutes.objects.count()
