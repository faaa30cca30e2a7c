"""The daily log: minutes by kind and setting, optionally about one client.

Coaches log their work here, and so do the team's members of other professions (their entries are marked
`coach_work=False`, so coach figures leave them out).
"""

from uuid import uuid4

from django.conf import settings
from django.db import models
from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from ips.access import AccessQuerySet
from ips.models.clients import Client
from ips.models.lists import ActivityKind
from ips.models.people import Team
from ips.periods import week_of

MAX_DAY_MINUTES = 16 * 60


class Setting(models.TextChoices):
    COMMUNITY = "community", _("Community")
    WORKPLACE = "workplace", _("Workplace")
    CLIENT_HOME = "client_home", _("Client's home")
    OFFICE = "office", _("Office")
    REMOTE = "remote", _("Phone or video")


# Fidelity item V13 counts time out of the office with people as community time; phone and video are not.
COMMUNITY_SETTINGS = [Setting.COMMUNITY, Setting.WORKPLACE, Setting.CLIENT_HOME]

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
        return self.aggregate(
            total=Sum("minutes", default=0),
            community=Sum("minutes", filter=Q(setting__in=COMMUNITY_SETTINGS), default=0),
            employment=Sum("minutes", filter=Q(kind__is_employment_work=True), default=0),
        )

    def by_kind(self):
        """The kinds of these entries, each with their minutes (kind.minutes), in the kinds' order: one query."""
        return (
            ActivityKind.objects.filter(time_entries__in=self.order_by().values("pk"))
            .annotate(minutes=Sum("time_entries__minutes"))
            .order_by("order", "code")
        )

    def by_day_totals(self):
        """Per date: minutes_total, community, employment and the number of entries, in one query."""
        return (
            self.order_by()
            .values("date")
            .annotate(
                minutes_total=Sum("minutes", default=0),
                community=Sum("minutes", filter=Q(setting__in=COMMUNITY_SETTINGS), default=0),
                employment=Sum("minutes", filter=Q(kind__is_employment_work=True), default=0),
                count=Count("pk"),
            )
            .order_by("date")
        )

    def by_day(self):
        return self.order_by().values("date").annotate(minutes_total=Sum("minutes")).order_by("date")

    def by_day_and_kind(self):
        """Per date and kind: minutes_total, community and the number of entries, with the kind's order, code and
        names, in one query, for a page that shows both the days and the kinds (Today's week: one query where
        by_day_totals and by_kind are two)."""
        return (
            self.order_by()
            .values("date", "kind", *KIND_COLUMNS)
            .annotate(
                minutes_total=Sum("minutes", default=0),
                community=Sum("minutes", filter=Q(setting__in=COMMUNITY_SETTINGS), default=0),
                count=Count("pk"),
            )
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
        return f"{self.date} · {self.minutes} min · {self.kind}"

    def get_additional_data(self) -> dict:
        return {"client": str(self.client.uuid)} if self.client_id else {}
