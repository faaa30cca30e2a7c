"""Job-search items from the daily log and the employer contacts: V4, V5, V6, V13, and the V2, V3, V14 figures."""

from fractions import Fraction

from django.db.models import Count, DateField, OuterRef, Q, Subquery, Sum
from django.utils.translation import gettext_noop

from employers.models import EmployerContact
from fidelity.indicators.coaches import (
    COACH_COLUMN,
    by_coach,
    coach_names,
    coach_rows,
    names_of,
    share_row,
    shown_rows,
    total,
)
from fidelity.indicators.common import (
    CutPoints,
    caseload,
    data_components,
    detail,
    no_data,
    suggested,
    team_contacts,
    team_work,
    unscored,
)
from fidelity.services import Suggestion
from ips.models import ActivityKind, Membership, TimeEntry
from ips.models.activity import COMMUNITY_SETTINGS, Setting
from ips.periods import TeamPeriod, on_days_of, percent


def v4_rapid_search(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """V4: median days from programme entry to the first face-to-face employer contact about a competitive job
    for the client (the contact's "about a competitive job for this client" flag).

    Counted over clients of the caseload with programme entry on or before the last day of the period whose first
    such contact (on or after entry, by any team) falls in the period; clients still waiting are listed in the
    figures but not in the median. The median (the mean of the middle two for an even count) is compared exactly
    with the anchors; each client's days are in the rows.
    """
    # `ORDER BY date LIMIT 1`, not `MIN(date)`: the (client, date) index read stops at the first contact.
    first_contact = (
        EmployerContact.objects.filter(
            client=OuterRef("pk"),
            face_to_face=True,
            about_competitive_job=True,
            date__gte=OuterRef("programme_entry"),
        )
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
        return no_data()
    median = median_of([days for *_rest, days in counted])
    return suggested(
        cut,
        "V4",
        median,
        figures=[
            (gettext_noop("Clients with a first face-to-face employer contact in the period"), len(counted)),
            (gettext_noop("Median days from programme entry to the first contact"), median),
            (gettext_noop("Clients still without a face-to-face employer contact"), waiting),
        ],
        note=gettext_noop(
            "Only face-to-face employer contacts marked as about a competitive job for the client count."
        ),
        columns=[
            gettext_noop("Client"),
            gettext_noop("Programme entry"),
            gettext_noop("First contact"),
            gettext_noop("Days"),
        ],
        rows=counted,
    )


def median_of(values: list[int]) -> Fraction:
    """The exact median: the middle value, or the mean of the two middle values."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return Fraction(ordered[middle])
    return Fraction(ordered[middle - 1] + ordered[middle], 2)


def v5_individualised(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """V5: % of client-specific employer contacts marked as matching the client's preferences.

    Contacts that name a client are the denominator; an unmarked contact counts as not matching (it is listed
    separately so the reviewer sees how much is simply unrecorded). No client-specific contact: no suggestion.
    """
    rows = list(
        team_contacts(period)
        .filter(client__isnull=False)
        .order_by("date", "pk")
        .values_list("date", "client__code", "employer__name", "matches_client_preferences")
    )
    if not rows:
        return no_data()
    matching = sum(1 for *_rest, match in rows if match is True)
    unmarked = sum(1 for *_rest, match in rows if match is None)
    share = percent(matching, len(rows))
    return suggested(
        cut,
        "V5",
        share,
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
    )


def v6_employer_contacts(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """V6: face-to-face employer contacts in the period ÷ (sum of coach FTE × weeks in the period), and per coach.

    Weeks = days of the period / 7, so a 182-day period is 26 weeks. Exact comparison: 5.99 scores 4, 6 scores 5.
    No coach FTE, or no contacts at all, gives no suggestion. A coach's own rate divides their contacts by their
    own day-weighted FTE; contacts of someone without a coach share in the team show no rate.
    """
    face_to_face_count = Count("pk", filter=Q(face_to_face=True))
    contacts = by_coach(team_contacts(period), face_to_face=face_to_face_count, contacts=Count("pk"))
    shares = Membership.objects.fte_weighted_by_user([period.team_id], period)
    face_to_face, all_contacts = total(contacts, "face_to_face"), total(contacts, "contacts")
    fte = sum(shares.values(), Fraction(0))
    if not all_contacts or not fte:
        return no_data()
    rate = Fraction(face_to_face) / (Fraction(fte) * period.weeks)
    per_coach = {}
    for coach_id in {*contacts, *shares}:
        share, seen = shares.get(coach_id, Fraction(0)), contacts.get(coach_id, {}).get("face_to_face", 0)
        per_coach[coach_id] = [share, seen, Fraction(seen) / (share * period.weeks) if share else None]
    return suggested(
        cut,
        "V6",
        rate,
        figures=[
            (gettext_noop("Face-to-face employer contacts"), face_to_face),
            (gettext_noop("All employer contacts"), all_contacts),
            (gettext_noop("Coach FTE (part-time coaches by their share)"), fte),
            (gettext_noop("Weeks in the period"), period.weeks),
            (gettext_noop("Face-to-face contacts per coach per week"), rate),
        ],
        columns=[
            COACH_COLUMN,
            gettext_noop("FTE"),
            gettext_noop("Face-to-face employer contacts"),
            gettext_noop("Face-to-face contacts per week"),
        ],
        rows=shown_rows(coach_rows(per_coach, {**coach_names(shares), **names_of(contacts)})),
    )


def v13_community(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """V13: daily-log minutes in the community (community, workplace, client's home) ÷ all logged minutes, and per
    coach.

    Phone and video count as not in the community. Exact comparison: 64.9 % scores 4, 65 % scores 5.
    """
    log = by_coach(
        team_work(period),
        total=Sum("minutes", default=0),
        community=Sum("minutes", filter=Q(setting__in=COMMUNITY_SETTINGS), default=0),
    )
    minutes, community = total(log, "total"), total(log, "community")
    if not minutes:
        return no_data()
    share = percent(community, minutes)
    per_coach = {coach_id: share_row(row["total"], row["community"]) for coach_id, row in log.items()}
    return suggested(
        cut,
        "V13",
        share,
        figures=[
            (gettext_noop("Logged minutes, all"), minutes),
            (gettext_noop("Minutes in the community, at workplaces or in clients' homes"), community),
            (gettext_noop("Share in the community (%)"), share),
        ],
        columns=[
            COACH_COLUMN,
            gettext_noop("Logged minutes, all"),
            gettext_noop("Minutes in the community"),
            gettext_noop("Share in the community (%)"),
        ],
        rows=shown_rows(coach_rows(per_coach, names_of(log))),
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
        return no_data()
    return unscored(
        percent(len(rows), clients),
        figures=[
            (gettext_noop("Clients in the caseload during the period"), clients),
            (gettext_noop("Clients with a disclosure discussion"), len(rows)),
            (gettext_noop("Clients with the discussion revisited"), sum(1 for _c, n in rows if n > 1)),
        ],
        columns=[gettext_noop("Client"), gettext_noop("Discussions")],
        rows=rows,
    )


def v3_profiles(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """V3 (figures only): clients of the caseload with a vocational profile, and with it updated in the period; per
    coach by the client's coach."""
    updated = on_days_of("profile__updated", period)
    per_coach = by_coach(
        caseload(period),
        clients=Count("pk"),
        with_profile=Count("profile"),
        updated=Count("profile", filter=updated),
    )
    clients = total(per_coach, "clients")
    if not clients:
        return no_data()
    with_profile = total(per_coach, "with_profile")
    return unscored(
        percent(with_profile, clients),
        figures=[
            (gettext_noop("Clients in the caseload during the period"), clients),
            (gettext_noop("Clients with a vocational profile"), with_profile),
            (gettext_noop("Profiles updated in the period"), total(per_coach, "updated")),
        ],
        columns=[
            COACH_COLUMN,
            gettext_noop("Clients"),
            gettext_noop("Profiles updated in the period"),
            gettext_noop("Clients with a vocational profile (%)"),
        ],
        rows=shown_rows(
            coach_rows(
                {
                    coach_id: [row["clients"], row["updated"], percent(row["with_profile"], row["clients"])]
                    for coach_id, row in per_coach.items()
                },
                names_of(per_coach),
            )
        ),
    )


def v14_outreach(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """V14 (figures, no score): outreach attempts logged in the period, clients reached out to, and home visits; the
    same per coach. The component rows read `outreach_attempts` and `home_visits`: IPS-25's pre-tick component 2
    (outreach attempts documented) and 4 (clients met at home) when any is logged; the others are the reviewer's."""
    log = team_work(period)
    counts = {
        "outreach": Count("pk", filter=Q(kind__code=ActivityKind.Code.OUTREACH_ATTEMPT)),
        "outreach_clients": Count("client", filter=Q(kind__code=ActivityKind.Code.OUTREACH_ATTEMPT), distinct=True),
        "home_visits": Count("pk", filter=Q(setting=Setting.CLIENT_HOME)),
        "entries": Count("pk"),
    }
    figures = log.aggregate(**counts)
    if not figures["entries"]:
        return no_data()
    per_coach = by_coach(log, **counts)
    labelled = {
        2: (gettext_noop("Outreach attempts logged"), figures["outreach"]),
        4: (gettext_noop("Entries in clients' homes"), figures["home_visits"]),
    }
    measures = {"outreach_attempts": figures["outreach"], "home_visits": figures["home_visits"]}
    return Suggestion(
        score=None,
        measured_value=None,
        detail={
            **detail(
                figures=[
                    (gettext_noop("Outreach attempts logged"), figures["outreach"]),
                    (gettext_noop("Clients reached out to"), figures["outreach_clients"]),
                    (gettext_noop("Entries in clients' homes"), figures["home_visits"]),
                ],
                columns=[
                    COACH_COLUMN,
                    gettext_noop("Entries in clients' homes"),
                    gettext_noop("Clients reached out to"),
                    gettext_noop("Outreach attempts logged"),
                ],
                rows=coach_rows(
                    {
                        coach_id: [row["home_visits"], row["outreach_clients"], row["outreach"]]
                        for coach_id, row in per_coach.items()
                    },
                    names_of(per_coach),
                ),
            ),
            "data_components": data_components(cut, "V14", measures, labelled),
        },
    )
