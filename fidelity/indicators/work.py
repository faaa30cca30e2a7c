"""Job-search items from the daily log and the employer contacts: V4, V5, V6, V13, and the V2, V3, V14 figures."""

from fractions import Fraction

from django.db.models import Count, DateField, OuterRef, Q, Subquery, Sum
from django.utils.translation import gettext_noop

from employers.models import EmployerContact
from fidelity.indicators.common import (
    NO_DATA_NOTE,
    CutPoints,
    caseload,
    coach_fte,
    decimal,
    detail,
    no_data,
    scored,
)
from fidelity.services import Suggestion
from ips.models import TimeEntry, VocationalProfile
from ips.models.activity import COMMUNITY_SETTINGS
from ips.periods import TeamPeriod, percent


def _contacts(period: TeamPeriod):
    return EmployerContact.objects.filter(team_id=period.team_id, date__gte=period.start, date__lte=period.end)


def v4_rapid_search(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """V4: mean days from programme entry to the first face-to-face employer contact naming the client.

    Counted over clients of the caseload with programme entry on or before the last day of the period whose first
    such contact (on or after entry, by any team) falls in the period; clients still waiting are listed in the
    figures but not in the mean. Simplification: contacts carry no "competitive job" flag, so every face-to-face
    contact about the client counts. The mean (not the median) is compared exactly with the anchors.
    """
    # `ORDER BY date LIMIT 1`, not `MIN(date)`: the (client, date) index read stops at the first contact.
    first_contact = (
        EmployerContact.objects.filter(client=OuterRef("pk"), face_to_face=True, date__gte=OuterRef("programme_entry"))
        .order_by("date")
        .values("date")[:1]
    )
    rows = list(
        caseload(period)
        .filter(programme_entry__isnull=False, programme_entry__lte=period.end)
        .annotate(first_contact=Subquery(first_contact, output_field=DateField()))
        .order_by("code")
        .values_list("code", "programme_entry", "first_contact")
    )
    counted = [
        (code, entry, first, (first - entry).days)
        for code, entry, first in rows
        if first is not None and period.start <= first <= period.end
    ]
    waiting = sum(1 for _code, _entry, first in rows if first is None)
    if not counted:
        return no_data(NO_DATA_NOTE)
    mean = Fraction(sum(days for *_rest, days in counted), len(counted))
    return Suggestion(
        score=scored(cut, "V4", mean),
        measured_value=decimal(mean),
        detail=detail(
            figures=[
                (gettext_noop("Clients with a first face-to-face employer contact in the period"), len(counted)),
                (gettext_noop("Mean days from programme entry to the first contact"), mean),
                (gettext_noop("Clients still without a face-to-face employer contact"), waiting),
            ],
            note=gettext_noop("Every face-to-face employer contact about the client counts as job search."),
            columns=[
                gettext_noop("Client"),
                gettext_noop("Programme entry"),
                gettext_noop("First contact"),
                gettext_noop("Days"),
            ],
            rows=counted,
        ),
    )


def v5_individualised(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """V5: % of client-specific employer contacts marked as matching the client's preferences.

    Contacts that name a client are the denominator; an unmarked contact counts as not matching (it is listed
    separately so the reviewer sees how much is simply unrecorded). No client-specific contact: no suggestion.
    """
    rows = list(
        _contacts(period)
        .filter(client__isnull=False)
        .order_by("date", "pk")
        .values_list("date", "client__code", "employer__name", "matches_client_preferences")
    )
    if not rows:
        return no_data(NO_DATA_NOTE)
    matching = sum(1 for *_rest, match in rows if match is True)
    unmarked = sum(1 for *_rest, match in rows if match is None)
    share = percent(matching, len(rows))
    return Suggestion(
        score=scored(cut, "V5", share),
        measured_value=decimal(share),
        detail=detail(
            figures=[
                (gettext_noop("Employer contacts about one client"), len(rows)),
                (gettext_noop("Marked as matching the client's preferences"), matching),
                (gettext_noop("Not marked either way"), unmarked),
                (gettext_noop("Share matching preferences (%)"), share),
            ],
            columns=[
                gettext_noop("Date"),
                gettext_noop("Client"),
                gettext_noop("Employer"),
                gettext_noop("Matches preferences"),
            ],
            rows=[[*row[:3], "–" if row[3] is None else row[3]] for row in rows],
        ),
    )


def v6_employer_contacts(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """V6: face-to-face employer contacts in the period ÷ (sum of coach FTE × weeks in the period).

    Weeks = days of the period / 7, so a 182-day period is 26 weeks. Exact comparison: 5.99 scores 4, 6 scores 5.
    No coach FTE, or no contacts at all, gives no suggestion.
    """
    figures = _contacts(period).aggregate(face_to_face=Count("pk", filter=Q(face_to_face=True)), contacts=Count("pk"))
    fte = coach_fte(period)
    if not figures["contacts"] or not fte:
        return no_data(NO_DATA_NOTE)
    rate = Fraction(figures["face_to_face"]) / (Fraction(fte) * period.weeks)
    return Suggestion(
        score=scored(cut, "V6", rate),
        measured_value=decimal(rate),
        detail=detail(
            figures=[
                (gettext_noop("Face-to-face employer contacts"), figures["face_to_face"]),
                (gettext_noop("All employer contacts"), figures["contacts"]),
                (gettext_noop("Coach FTE (part-time coaches by their share)"), fte),
                (gettext_noop("Weeks in the period"), period.weeks),
                (gettext_noop("Face-to-face contacts per coach per week"), rate),
            ]
        ),
    )


def v13_community(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """V13: daily-log minutes in the community (community, workplace, client's home) ÷ all logged minutes.

    Phone and video count as not in the community. Exact comparison: 64.9 % scores 4, 65 % scores 5.
    """
    figures = (
        TimeEntry.objects.coaches_work()
        .filter(team_id=period.team_id, date__gte=period.start, date__lte=period.end)
        .aggregate(
            total=Sum("minutes", default=0),
            community=Sum("minutes", filter=Q(setting__in=COMMUNITY_SETTINGS), default=0),
        )
    )
    if not figures["total"]:
        return no_data(NO_DATA_NOTE)
    share = percent(figures["community"], figures["total"])
    return Suggestion(
        score=scored(cut, "V13", share),
        measured_value=decimal(share),
        detail=detail(
            figures=[
                (gettext_noop("Logged minutes, all"), figures["total"]),
                (gettext_noop("Minutes in the community, at workplaces or in clients' homes"), figures["community"]),
                (gettext_noop("Share in the community (%)"), share),
            ]
        ),
    )


def _caseload_log_counts(period: TeamPeriod, kind_code: str):
    """Per client of the caseload: entries of one activity kind in the period (one query, codes only)."""
    entries = (
        TimeEntry.objects.filter(
            client=OuterRef("pk"), kind__code=kind_code, date__gte=period.start, date__lte=period.end
        )
        .order_by()
        .values("client")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return caseload(period).annotate(entries=Subquery(entries)).filter(entries__gt=0).order_by("code")


def v2_disclosure(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """V2 (figures only): clients with disclosure discussions logged in the period, and with more than one."""
    clients = caseload(period).count()
    rows = list(_caseload_log_counts(period, "disclosure_discussion").values_list("code", "entries"))
    if not clients:
        return no_data(NO_DATA_NOTE)
    return Suggestion(
        score=None,
        measured_value=decimal(percent(len(rows), clients)),
        detail=detail(
            figures=[
                (gettext_noop("Clients in the caseload during the period"), clients),
                (gettext_noop("Clients with a disclosure discussion"), len(rows)),
                (gettext_noop("Clients with the discussion revisited"), sum(1 for _c, n in rows if n > 1)),
            ],
            columns=[gettext_noop("Client"), gettext_noop("Discussions")],
            rows=rows,
        ),
    )


def v3_profiles(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """V3 (figures only): clients of the caseload with a vocational profile, and with it updated in the period."""
    profiles = VocationalProfile.objects.filter(client__in=caseload(period)).aggregate(
        with_profile=Count("pk"),
        updated=Count("pk", filter=Q(updated__date__gte=period.start, updated__date__lte=period.end)),
    )
    clients = caseload(period).count()
    if not clients:
        return no_data(NO_DATA_NOTE)
    return Suggestion(
        score=None,
        measured_value=decimal(percent(profiles["with_profile"], clients)),
        detail=detail(
            figures=[
                (gettext_noop("Clients in the caseload during the period"), clients),
                (gettext_noop("Clients with a vocational profile"), profiles["with_profile"]),
                (gettext_noop("Profiles updated in the period"), profiles["updated"]),
            ]
        ),
    )


def v14_outreach(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """V14 (figures only): outreach attempts logged in the period, clients reached out to, and home visits."""
    log = TimeEntry.objects.coaches_work().filter(team_id=period.team_id, date__gte=period.start, date__lte=period.end)
    figures = log.aggregate(
        outreach=Count("pk", filter=Q(kind__code="outreach_attempt")),
        outreach_clients=Count("client", filter=Q(kind__code="outreach_attempt"), distinct=True),
        home_visits=Count("pk", filter=Q(setting="client_home")),
        entries=Count("pk"),
    )
    if not figures["entries"]:
        return no_data(NO_DATA_NOTE)
    return Suggestion(
        score=None,
        measured_value=None,
        detail=detail(
            figures=[
                (gettext_noop("Outreach attempts logged"), figures["outreach"]),
                (gettext_noop("Clients reached out to"), figures["outreach_clients"]),
                (gettext_noop("Entries in clients' homes"), figures["home_visits"]),
            ]
        ),
    )
