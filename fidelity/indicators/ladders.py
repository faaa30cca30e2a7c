"""Figures for ladder and component items: O3 from the log, O7's employment rate per quarter, V7 and V11.

O3's anchors are conditions on how often counsellors are met and contacted: the indicator measures each (o3_figures)
and the item's anchor rows, several figures per score, give the score. V7 and V11 are component items (the
reviewer ticks the rungs seen): the data shows some rungs by the components' rows, listed in the detail as
`data_components` [number, label msgid, value], which the tick page ticks in advance; the suggested score is what
those rungs give by the item's anchor rows, and the rungs data cannot show are the reviewer's to tick. O7 shows one
of its five components (the employment rate measured every quarter). No threshold lives here (fidelity.rules).
"""

from datetime import date, timedelta
from fractions import Fraction

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext_noop

from employers.models import EmployerContact, Job
from fidelity.indicators.common import (
    CutPoints,
    caseload,
    data_components,
    decimal,
    detail,
    no_data,
    scored,
    scored_of,
    team_contacts,
)
from fidelity.services import Suggestion
from ips.models import ActivityKind, ClientAssignment, TimeEntry
from ips.models.activity import Setting
from ips.periods import Period, TeamPeriod, add_months, overlapping, percent, span_overlaps

AGENCY_KINDS = [ActivityKind.Code.AGENCY_MEETING, ActivityKind.Code.AGENCY_CONTACT]


def months_of(period: Period) -> list[Period]:
    """Calendar months that overlap the period, each cut to the period."""
    result, first = [], date(period.start.year, period.start.month, 1)
    while first <= period.end:
        following = add_months(first, 1)
        result.append(Period(max(first, period.start), min(following - timedelta(days=1), period.end)))
        first = following
    return result


def _covered(part: Period, days: list[date]) -> bool:
    return any(day in part for day in days)


def _share_covered(parts: list[Period], days: list[date]) -> Fraction:
    """% of the parts (months, quarters) with at least one of the days."""
    return percent(sum(1 for part in parts if _covered(part, days)), len(parts))


def o3_figures(period: Period, meetings: list[date], contacts: list[date]) -> dict[str, Fraction]:
    """The figures O3's anchor rows read, from the dates of face-to-face meetings and of all contacts (meetings
    included): % of months and of quarters with a meeting, with a contact, and contacts per week of the period."""
    months, quarters = months_of(period), period.quarters()
    return {
        "meeting_months_pct": _share_covered(months, meetings),
        "meeting_quarters_pct": _share_covered(quarters, meetings),
        "contact_months_pct": _share_covered(months, contacts),
        "contact_quarters_pct": _share_covered(quarters, contacts),
        "contacts_per_week": Fraction(len(contacts)) / period.weeks,
    }


def o3_agencies(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """O3: meetings and contacts with employment-services and Kela counsellors, from the team's daily log.

    A meeting entry in any setting but phone or video is face to face; contact entries and remote meetings are
    contacts. No such entry in the period gives no suggestion (the team may not log them yet), never a 1.
    """
    entries = list(
        TimeEntry.objects.filter(
            team_id=period.team_id, date__gte=period.start, date__lte=period.end, kind__code__in=AGENCY_KINDS
        )
        .order_by("date")
        .values_list("date", "kind__code", "setting")
    )
    if not entries:
        return no_data(gettext_noop("No meetings or contacts with employment services or Kela logged in the period."))
    meetings = [
        day for day, kind, setting in entries if kind == ActivityKind.Code.AGENCY_MEETING and setting != Setting.REMOTE
    ]
    contacts = [day for day, _kind, _setting in entries]
    months = months_of(period)
    figures = o3_figures(period, meetings, contacts)
    return Suggestion(
        score=scored_of(cut, "O3", figures),
        measured_value=decimal(figures["contacts_per_week"]),
        detail=detail(
            figures=[
                (gettext_noop("Face-to-face meetings"), len(meetings)),
                (gettext_noop("Contacts, meetings included"), len(contacts)),
                (gettext_noop("Contacts per week"), figures["contacts_per_week"]),
                (gettext_noop("Months with a face-to-face meeting"), sum(_covered(m, meetings) for m in months)),
                (gettext_noop("Months in the period"), len(months)),
                (gettext_noop("Months with a face-to-face meeting (%)"), figures["meeting_months_pct"]),
                (gettext_noop("Quarters with a face-to-face meeting (%)"), figures["meeting_quarters_pct"]),
                (gettext_noop("Months with a contact (%)"), figures["contact_months_pct"]),
                (gettext_noop("Quarters with a contact (%)"), figures["contact_quarters_pct"]),
            ],
            note=gettext_noop(
                "5: face-to-face meetings every month and contacts weekly; 4: meetings every quarter or contacts "
                "weekly; 3: contact every month; 2: every quarter; 1: less often."
            ),
            columns=[gettext_noop("Month"), gettext_noop("Face-to-face meetings"), gettext_noop("Contacts")],
            rows=[
                [
                    f"{month.start:%Y-%m}",
                    sum(1 for day in meetings if day in month),
                    sum(1 for day in contacts if day in month),
                ]
                for month in months
            ],
        ),
    )


def o7_employment_rate(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """O7 (figures): the employment rate of each calendar quarter of the period, as Polku measures it.

    Rate = clients who worked in a competitive job at any time in the quarter ÷ clients in the team's caseload in
    the quarter. Component 5 ("the employment rate is measured at least quarterly") shows by its row on the % of
    quarters with a caseload (IPS-25: all of them); sharing the rate is for the reviewer to check. Two queries
    whatever the length of the period.
    """
    spans = list(
        ClientAssignment.objects.filter(overlapping(period.start, period.end), team_id=period.team_id)
        .order_by()
        .values_list("client_id", "started", "ended")
    )
    if not spans:
        return no_data()
    jobs = list(
        Job.objects.filter(
            overlapping(period.start, period.end, started="start_date", ended="end_date", last_day=True),
            client_id__in={client_id for client_id, *_rest in spans},
            competitive=True,
        )
        .order_by()
        .values_list("client_id", "start_date", "end_date")
    )
    rows = []
    for quarter in period.quarters():
        active = {client_id for client_id, began, ended in spans if span_overlaps(began, ended, quarter)}
        working = {
            client_id
            for client_id, began, ended in jobs
            if client_id in active and span_overlaps(began, ended, quarter, last_day=True)
        }
        rate = percent(len(working), len(active)) if active else None
        rows.append([quarter.label, len(active), len(working), rate if rate is not None else "–"])
    with_rate = sum(1 for row in rows if row[1])
    figures = {"quarters_with_rate_pct": percent(with_rate, len(rows))}
    labelled = {5: (gettext_noop("Quarters with an employment rate"), len(rows))}
    return Suggestion(
        score=None,
        measured_value=None,
        detail={
            **detail(
                figures=[
                    (gettext_noop("Quarters in the period"), len(rows)),
                    (gettext_noop("Quarters with an employment rate"), with_rate),
                ],
                note=gettext_noop(
                    "Employment rate: clients in a competitive job at any time in the quarter ÷ clients in the "
                    "caseload in the quarter."
                ),
                columns=[
                    gettext_noop("Quarter"),
                    gettext_noop("Clients in the caseload"),
                    gettext_noop("Clients working"),
                    gettext_noop("Employment rate (%)"),
                ],
                rows=rows,
            ),
            "data_components": data_components(cut, "O7", figures, labelled),
        },
    )


def _component_suggestion(cut, code, measures, labelled, **shown) -> Suggestion:
    """A component item's suggestion from the rungs the measures show, read against the item's anchor rows."""
    components = data_components(cut, code, measures, labelled)
    return Suggestion(
        score=scored(cut, code, len(components)),
        measured_value=len(components),
        detail={**detail(**shown), "data_components": components},
    )


def v7_employer_relationships(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """V7: face-to-face visits per employer in the period, with the employers visited more than once.

    The figures the component rows read: `employers_met` (employers met face to face) and `repeat_employers_pct`
    (% of them met twice or more); IPS-25's rows show rung 1 (employers are met in person) with any face-to-face
    contact and rung 2 (the same employer is visited more than once) when at least half were met twice or more.
    Planned visits and introducing clients to match (rungs 3 and 4) are the reviewer's to tick.
    """
    employers = list(
        team_contacts(period)
        .order_by()
        .values("employer_id", "employer__name")
        .annotate(visits=Count("pk", filter=Q(face_to_face=True)), contacts=Count("pk"))
        .order_by("-visits", "employer__name")
    )
    if not employers:
        return no_data()
    met = [row for row in employers if row["visits"]]
    repeated = [row for row in met if row["visits"] >= 2]
    visits = sum(row["visits"] for row in met)
    repeat_visits = visits - len(met)
    repeated_share = percent(len(repeated), len(met)) if met else Fraction(0)
    labelled = {
        1: (gettext_noop("Employers met face to face"), len(met)),
        2: (gettext_noop("Employers met face to face twice or more (%)"), repeated_share),
    }
    measures = {"employers_met": len(met), "repeat_employers_pct": repeated_share}
    return _component_suggestion(
        cut,
        "V7",
        measures,
        labelled,
        figures=[
            (gettext_noop("Employers contacted"), len(employers)),
            (gettext_noop("Employers met face to face"), len(met)),
            (gettext_noop("Employers met face to face twice or more"), len(repeated)),
            (gettext_noop("Employers met face to face twice or more (%)"), repeated_share),
            (
                gettext_noop("Share of face-to-face visits that are repeat visits (%)"),
                percent(repeat_visits, visits) if visits else "–",
            ),
        ],
        note=gettext_noop(
            "The data shows rungs 1 and 2; planned visits and clients introduced to match are for the reviewer to tick."
        ),
        columns=[gettext_noop("Employer"), gettext_noop("Face-to-face visits"), gettext_noop("All contacts")],
        rows=[[row["employer__name"], row["visits"], row["contacts"]] for row in employers],
    )


def v11_follow_along_variety(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """V11: for each client working in the period, the kinds of support logged, the people giving it and the
    supports to their employer.

    Working: a job of the client ran at some time in the period. Kinds: distinct log kinds of entries with the
    client in the period; people: distinct Polku workers in those entries and in employer contacts naming the
    client; employer supports: employer contacts naming the client with the purpose "support at the workplace".
    The component rows read the % of working clients with 1 any support, 2 two kinds or more, 3 two people or more,
    4 employer support (IPS-25's rows: the rung shows for more than half). Career development (rung 5) is the
    reviewer's to tick.
    """
    working = list(
        caseload(period)
        .filter(
            Exists(
                Job.objects.filter(
                    overlapping(period.start, period.end, started="start_date", ended="end_date", last_day=True),
                    client=OuterRef("pk"),
                )
            )
        )
        .order_by("code")
        .values_list("pk", "code")
    )
    if not working:
        return no_data()
    ids = [pk for pk, _code in working]
    kinds: dict[int, set] = {}
    people: dict[int, set] = {}
    employer: dict[int, int] = {}
    for client_id, coach_id, kind_id in (
        TimeEntry.objects.filter(client_id__in=ids, date__gte=period.start, date__lte=period.end)
        .order_by()
        .values_list("client_id", "coach_id", "kind_id")
        .distinct()
    ):
        kinds.setdefault(client_id, set()).add(kind_id)
        people.setdefault(client_id, set()).add(coach_id)
    for client_id, coach_id, purpose in (
        EmployerContact.objects.filter(client_id__in=ids, date__gte=period.start, date__lte=period.end)
        .order_by()
        .values_list("client_id", "coach_id", "purpose")
    ):
        people.setdefault(client_id, set()).add(coach_id)
        if purpose == EmployerContact.Purpose.WORKPLACE_SUPPORT:
            employer[client_id] = employer.get(client_id, 0) + 1
    rows = [[code, len(kinds.get(pk, ())), len(people.get(pk, ())), employer.get(pk, 0)] for pk, code in working]
    # (component, the measure its rows read as % of the working clients, label, whether it holds for a row)
    rungs = [
        (1, "supported_pct", gettext_noop("Working clients with any support logged"), lambda r: r[1] or r[3]),
        (2, "two_kinds_pct", gettext_noop("Working clients with two kinds of support or more"), lambda r: r[1] >= 2),
        (3, "two_people_pct", gettext_noop("Working clients supported by two people or more"), lambda r: r[2] >= 2),
        (4, "employer_supported_pct", gettext_noop("Working clients whose employer was supported"), lambda r: r[3]),
    ]
    counts = [(number, measure, label, sum(1 for row in rows if holds(row))) for number, measure, label, holds in rungs]
    measures = {measure: percent(count, len(rows)) for _no, measure, _label, count in counts}
    labelled = {number: (label, count) for number, _measure, label, count in counts}
    return _component_suggestion(
        cut,
        "V11",
        measures,
        labelled,
        figures=[
            (gettext_noop("Clients working in the period"), len(rows)),
            *((label, n) for _no, _measure, label, n in counts),
        ],
        note=gettext_noop(
            "A rung shows when it holds for more than half of the working clients. People are Polku users; support "
            "from the treatment team or family, and career development, are for the reviewer to tick."
        ),
        columns=[
            gettext_noop("Client"),
            gettext_noop("Kinds of support"),
            gettext_noop("People"),
            gettext_noop("Employer supports"),
        ],
        rows=rows,
    )
