"""Work and staff figures: support hours, community share, coaches, FTE and caseloads per coach."""

from decimal import Decimal
from fractions import Fraction

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Subquery, Sum, Value, When

from employers.models import EmployerContact, Job
from ips.models import ActivityKind, ClientAssignment, DailyMinutes, Membership, TimeEntry
from ips.models.activity import COMMUNITY_SETTINGS
from ips.periods import Period, overlapping, ratio
from reports.metrics.scope import Scope, jobs_held_in, open_at, per_week, rounded


def _minutes_of(scope: Scope):
    """The rows whose minutes a scope's time figures sum: the teams' DailyMinutes (half as many rows as entries,
    kept equal to them in each log write's transaction), or for one coach's own figures their entries."""
    if scope.coach_id:
        return TimeEntry.objects.coaches_work().filter(scope.q())
    return DailyMinutes.objects.filter(team__in=scope.team_ids)


def time_figures(scope: Scope, period: Period) -> dict:
    """Support hours by kind and by quarter, and the community share of all logged time.

    One pass over the period's minutes, grouped by kind id and quarter: the totals, the kinds' rows and the
    quarters' hours are sums of its rows. The kinds' names come from their own small table afterwards; joined to
    every entry and grouped by name, the pass cost three times as much (docs/performance.md).
    """
    quarters = period.quarters()
    quarter_of = Case(
        *[When(date__lte=quarter.end, then=Value(index)) for index, quarter in enumerate(quarters[:-1])],
        default=Value(len(quarters) - 1),
        output_field=IntegerField(),
    )
    sums = (
        _minutes_of(scope)
        .filter(date__gte=period.start, date__lte=period.end)
        .order_by()
        .values("kind_id", quarter=quarter_of)
        .annotate(
            all_minutes=Sum("minutes"),
            community_minutes=Sum("minutes", filter=Q(setting__in=COMMUNITY_SETTINGS), default=0),
        )
    )
    kinds, by_quarter = {}, [0] * len(quarters)
    for row in sums:
        kind = kinds.setdefault(row["kind_id"], {"minutes_total": 0, "community_minutes": 0})
        kind["minutes_total"] += row["all_minutes"]
        kind["community_minutes"] += row["community_minutes"]
        by_quarter[row["quarter"]] += row["all_minutes"]
    # An empty id list asks the database nothing.
    names = ActivityKind.objects.filter(pk__in=list(kinds)).order_by("order", "code")
    by_kind = [
        {
            "kind__code": kind.code,
            "kind__name_fi": kind.name_fi,
            "kind__name_sv": kind.name_sv,
            "kind__name_en": kind.name_en,
            "kind__order": kind.order,
            **kinds[kind.pk],
        }
        for kind in names.only("code", "name_fi", "name_sv", "name_en", "order")
    ]
    total = sum(row["minutes_total"] for row in by_kind)
    community = sum(row["community_minutes"] for row in by_kind)
    return {
        "support_hours": rounded(Decimal(total) / 60),
        "community_share": ratio(community, total),
        "by_kind": by_kind,
        "hours_by_quarter": [rounded(Decimal(minutes) / 60) for minutes in by_quarter],
    }


def scope_fte(scope: Scope, period: Period) -> Fraction | None:
    """The coach FTE of the scope's teams in the period, each share weighted by the days it covers: the read fidelity
    items S1 and V6 use (`Membership.objects.fte_weighted`, one query for all the teams).

    A coach's own figures have no FTE of a team to divide by: None.
    """
    if scope.coach_id:
        return None
    return Membership.objects.fte_weighted(sorted(scope.team_ids), period)


def staff_figures(scope: Scope, period: Period) -> dict:
    """Face-to-face employer contacts per FTE per week (fidelity V6) and open clients per FTE (as S1 divides).

    Both divide by the one FTE read of the fidelity items (scope_fte), so a half-time coach counts as half a coach
    in the dashboard, the workbook and the review alike.
    """
    face_to_face = EmployerContact.objects.filter(
        scope.q(), face_to_face=True, date__range=(period.start, period.end)
    ).count()
    # In-work clients of the caseload at the end: IPS Grow's guidance keeps them at most 15 % of a caseload.
    working = Exists(Job.objects.filter(jobs_held_in(Period(period.end, period.end)), client=OuterRef("pk")))
    caseload = open_at(scope, period.end).aggregate(open=Count("pk"), in_work=Count("pk", filter=Q(working)))
    open_at_end = caseload["open"]
    fte = scope_fte(scope, period)
    return {
        "fte": rounded(fte, "0.01"),
        "face_to_face_contacts": face_to_face,
        "contacts_per_fte_week": rounded(Fraction(face_to_face) / (Fraction(fte) * period.weeks)) if fte else None,
        "open_at_end": open_at_end,
        "in_work_at_end": caseload["in_work"],
        "in_work_share": ratio(caseload["in_work"], open_at_end),
        "caseload_per_fte": rounded(Fraction(open_at_end) / Fraction(fte)) if fte else None,
    }


def coach_rows(scope: Scope, period: Period) -> list[dict]:
    """Per coach of the scope's teams: open caseload, FTE, hours, community share, face-to-face contacts a week.

    Four grouped queries, however many coaches and rows; shown only to the team's supervisors.
    """
    memberships = (
        Membership.objects.coaches()
        .filter(team__in=scope.team_ids)
        .filter(overlapping(period.start, period.end, open_start=True))
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    )
    # The coach of the client's assignment to the scope's teams on the period's last day.
    coach_at_end = (
        ClientAssignment.objects.filter(
            overlapping(period.end, period.end), client=OuterRef("pk"), team__in=scope.team_ids
        )
        .order_by("-started", "-pk")
        .values("coach")[:1]
    )
    caseloads = dict(
        open_at(scope, period.end)
        .annotate(owner=Subquery(coach_at_end, output_field=IntegerField()))
        .values("owner")
        .annotate(n=Count("pk"))
        .values_list("owner", "n")
    )
    time = {
        row["coach"]: row
        for row in TimeEntry.objects.coaches_work()
        .filter(scope.q(), date__range=(period.start, period.end))
        .order_by()
        .values("coach")
        .annotate(total=Sum("minutes"), community=Sum("minutes", filter=Q(setting__in=COMMUNITY_SETTINGS), default=0))
    }
    contacts = dict(
        EmployerContact.objects.filter(scope.q(), face_to_face=True, date__range=(period.start, period.end))
        .order_by()
        .values("coach")
        .annotate(n=Count("pk"))
        .values_list("coach", "n")
    )
    rows = []
    for membership in memberships:
        coach_id = membership.user_id
        if any(row["coach"].pk == coach_id for row in rows):
            continue
        logged = time.get(coach_id, {"total": 0, "community": 0})
        rows.append(
            {
                "coach": membership.user,
                "fte": membership.fte,
                "caseload": caseloads.get(coach_id, 0),
                "hours": rounded(Decimal(logged["total"]) / 60),
                "community_share": ratio(logged["community"], logged["total"]),
                "contacts_per_week": rounded(per_week(contacts.get(coach_id, 0), period)),
            }
        )
    return rows
