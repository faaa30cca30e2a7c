"""Staffing and organisation items: S1 caseload, S2 time on employment services, O1 treatment teams, O6 referrals."""

from datetime import timedelta
from fractions import Fraction

from django.db.models import Count, Q, Sum
from django.utils import translation
from django.utils.translation import gettext_noop

from fidelity.indicators.coaches import COACH_COLUMN, by_coach, coach_rows, names_of, share_row, shown_rows, total
from fidelity.indicators.common import (
    CutPoints,
    coach_fte,
    decimal,
    detail,
    no_data,
    scored_of,
    suggested,
    team_contacts,
    team_work,
    unscored,
)
from fidelity.services import Suggestion
from ips.models import ClientAssignment, ClientTreatmentTeam, Referral, TreatmentTeamMembership, served_spans
from ips.periods import TeamPeriod, days_covered, overlapping, percent


def s1_caseload(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """S1: the mean daily caseload over the period ÷ the coach FTE over the period, both weighted by days.

    The caseload is the clients assigned to the team on each day, averaged over the period's days: a client there
    for half the period counts a half, so a client who moved between teams is not counted twice. A part-time coach
    counts with their share (0.5 FTE and 10 clients is 20 per FTE). No clients, or no coach FTE, gives no
    suggestion. The ratio is compared exactly: 20 scores 5, 20.4 and 21 score 4.
    """
    days: dict[str, int] = {}
    for _client, started, ended, code in served_spans([period.team_id], period.start, period.end, fields=["code"]):
        days[code] = days.get(code, 0) + days_covered(started, ended, period)
    fte = coach_fte(period)
    if not days or not fte:
        return no_data()
    mean_caseload = Fraction(sum(days.values()), period.days)
    ratio = mean_caseload / Fraction(fte)
    return suggested(
        cut,
        "S1",
        ratio,
        figures=[
            (gettext_noop("Clients in the caseload during the period"), len(days)),
            (gettext_noop("Mean daily caseload"), mean_caseload),
            (gettext_noop("Coach FTE (part-time coaches by their share)"), fte),
            (gettext_noop("Clients per full-time coach"), ratio),
        ],
        note=gettext_noop(
            "Active clients are the mean daily caseload: the clients assigned to the team on each day of the "
            "period, averaged over its days. A client in the team for half the period counts a half."
        ),
        columns=[gettext_noop("Client"), gettext_noop("Days in the caseload")],
        rows=[[code, days[code]] for code in sorted(days)],
    )


def s2_employment_time(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """S2: employment-work minutes ÷ all minutes, from the daily log plus employer contacts, with a row per coach.

    Daily-log minutes of kinds marked as employment work count as employment services; every employer contact's
    minutes count as employment work too. No minutes at all gives no suggestion.
    """
    log = by_coach(
        team_work(period),
        total=Sum("minutes", default=0),
        employment=Sum("minutes", filter=Q(kind__is_employment_work=True), default=0),
    )
    contacts = by_coach(team_contacts(period), minutes=Sum("minutes", default=0))
    logged, logged_employment, contact_minutes = (
        total(log, "total"),
        total(log, "employment"),
        total(contacts, "minutes"),
    )
    all_minutes = logged + contact_minutes
    if not all_minutes:
        return no_data()
    share = percent(logged_employment + contact_minutes, all_minutes)
    per_coach = {}
    for coach_id in {*log, *contacts}:
        own_log, own_contacts = log.get(coach_id, {}), contacts.get(coach_id, {}).get("minutes", 0)
        minutes = own_log.get("total", 0) + own_contacts
        per_coach[coach_id] = share_row(minutes, own_log.get("employment", 0) + own_contacts)
    return suggested(
        cut,
        "S2",
        share,
        figures=[
            (gettext_noop("Logged minutes, all"), logged),
            (gettext_noop("Logged minutes on employment work"), logged_employment),
            (gettext_noop("Employer contact minutes"), contact_minutes),
            (gettext_noop("Share of time on employment services (%)"), share),
        ],
        columns=[
            COACH_COLUMN,
            gettext_noop("Minutes, employer contacts included"),
            gettext_noop("Minutes on employment work"),
            gettext_noop("Share of time on employment services (%)"),
        ],
        rows=shown_rows(coach_rows(per_coach, names_of(log, contacts))),
    )


def _spans_meet(first: tuple, second: tuple, period: TeamPeriod) -> bool:
    """Two [started, ended) spans cover a common day of the period (ended None: still open)."""
    begins = max(first[0], second[0], period.start)
    ends = [day - timedelta(days=1) for day in (first[1], second[1]) if day is not None]
    return begins <= min([*ends, period.end])


def o1_treatment_teams(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """O1: % of the caseload with a coach who belonged to the client's treatment team, the coach in at most two.

    Read from the dated rows, as they were in the period: the client's coaches are those of their assignments to
    the team overlapping the period; a client counts as integrated when one of them was a member
    (TreatmentTeamMembership) of a treatment team the client belonged to (ClientTreatmentTeam) on a common day of
    the period, and that coach was a member of at most two treatment teams during the period. A membership that
    ended mid-period counts for the days it covered. No client with a coach gives no suggestion. The anchor rows
    read the share and `coaches_in_treatment_teams` (the caseload's coaches in any treatment team in the period):
    IPS-25's give 2 ("none") when no coach was in one, and never 1 (a separate programme cannot be told from
    data). Three queries whatever the number of clients.
    """
    assignments = list(
        ClientAssignment.objects.filter(
            overlapping(period.start, period.end), team_id=period.team_id, coach__isnull=False
        )
        .order_by()
        .values_list("client_id", "client__code", "coach_id")
    )
    if not assignments:
        return no_data()
    coaches_of: dict[int, set] = {}
    codes = {}
    for client_id, code, coach_id in assignments:
        coaches_of.setdefault(client_id, set()).add(coach_id)
        codes[client_id] = code
    memberships: dict[int, list] = {}
    for user_id, team_id, started, ended in TreatmentTeamMembership.objects.filter(
        overlapping(period.start, period.end), user_id__in={c for _cl, _co, c in assignments}
    ).values_list("user_id", "treatment_team_id", "started", "ended"):
        memberships.setdefault(user_id, []).append((team_id, (started, ended)))
    client_spans: dict[int, list] = {}
    for client_id, team_id, started, ended in ClientTreatmentTeam.objects.filter(
        overlapping(period.start, period.end), client_id__in=list(codes)
    ).values_list("client_id", "treatment_team_id", "started", "ended"):
        client_spans.setdefault(client_id, []).append((team_id, (started, ended)))
    team_count = {user_id: len({team for team, _span in rows}) for user_id, rows in memberships.items()}

    def linked(client_id, coach_id) -> bool:
        return any(
            team == client_team and _spans_meet(span, client_span, period)
            for team, span in memberships.get(coach_id, [])
            for client_team, client_span in client_spans.get(client_id, [])
        )

    rows = []
    for client_id in sorted(codes, key=codes.get):
        coaches = sorted(coaches_of[client_id])
        links = [coach for coach in coaches if linked(client_id, coach)]
        integrated = any(team_count.get(coach, 0) <= 2 for coach in links)
        teams = max(team_count.get(coach, 0) for coach in (links or coaches))
        rows.append((codes[client_id], bool(links), teams, integrated))
    integrated = sum(1 for *_rest, ok in rows if ok)
    share = percent(integrated, len(rows))
    in_teams = sum(1 for coach in {c for coaches in coaches_of.values() for c in coaches} if team_count.get(coach))
    return Suggestion(
        score=scored_of(cut, "O1", {"": share, "coaches_in_treatment_teams": in_teams}),
        measured_value=decimal(share),
        detail=detail(
            figures=[
                (gettext_noop("Clients with a coach"), len(rows)),
                (gettext_noop("Clients from a treatment team their coach belongs to"), integrated),
                (gettext_noop("Share of the caseload (%)"), share),
            ],
            note=gettext_noop(
                "Memberships as they were in the period: a coach counts for a treatment team on the days they "
                "were its member. A coach in three or more treatment teams does not count as integrated."
            ),
            columns=[
                gettext_noop("Client"),
                gettext_noop("Coach in the client's treatment team"),
                gettext_noop("Coach's treatment teams"),
            ],
            rows=[[code, "✓" if link else "–", teams] for code, link, teams, _ok in rows],
        ),
    )


def o6_referrals(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """O6 (figures only): referrals decided in the period by decision, declined ones by reason, and sources."""
    counts = list(
        Referral.objects.filter(team_id=period.team_id, referred_on__gte=period.start, referred_on__lte=period.end)
        .order_by()
        .values("decision", "decline_reason")
        .annotate(n=Count("pk"), sources=Count("source", distinct=True))
        .order_by("decision", "decline_reason")
    )
    if not counts:
        return no_data()
    total = sum(row["n"] for row in counts)
    declined = sum(row["n"] for row in counts if row["decision"] == Referral.Decision.DECLINED)
    with translation.override("en"):
        # English msgids: the page translates them into the reader's language.
        reasons = {value: str(label) for value, label in Referral.DeclineReason.choices}
    return unscored(
        percent(declined, total),
        figures=[
            (gettext_noop("Referrals in the period"), total),
            (gettext_noop("Declined referrals"), declined),
            (gettext_noop("Declined (%)"), percent(declined, total)),
        ],
        note=gettext_noop("Declined referrals by reason: check that nobody was turned away for readiness."),
        columns=[gettext_noop("Reason for declining"), gettext_noop("Referrals")],
        translated=[0],
        rows=[
            [str(reasons.get(row["decline_reason"], row["decline_reason"])), row["n"]]
            for row in counts
            if row["decision"] == Referral.Decision.DECLINED
        ],
    )
