"""Staffing and organisation items: S1 caseload, S2 time on employment services, O1 treatment teams, O6 referrals."""

from fractions import Fraction

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import translation
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
from ips.models import Referral, TimeEntry, TreatmentTeam
from ips.periods import TeamPeriod, percent


def s1_caseload(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """S1: clients in the caseload at any time in the period ÷ sum of coach FTE shares in the period.

    A part-time coach counts with their share (0.5 FTE and 10 clients is 20 per FTE). No clients, or no coach
    FTE, gives no suggestion. The ratio is compared exactly: 20 scores 5, 20.4 and 21 score 4.
    """
    clients = list(caseload(period).order_by("code").values_list("code", flat=True))
    fte = coach_fte(period)
    if not clients or not fte:
        return no_data(NO_DATA_NOTE)
    ratio = Fraction(len(clients)) / Fraction(fte)
    return Suggestion(
        score=scored(cut, "S1", ratio),
        measured_value=decimal(ratio),
        detail=detail(
            figures=[
                (gettext_noop("Clients in the caseload during the period"), len(clients)),
                (gettext_noop("Coach FTE (part-time coaches by their share)"), fte),
                (gettext_noop("Clients per full-time coach"), ratio),
            ],
            note=gettext_noop(
                "A client counts when assigned to the team at any time in the period, so a client who moved "
                "between teams counts in both."
            ),
            columns=[gettext_noop("Client")],
            rows=[[code] for code in clients],
        ),
    )


def s2_employment_time(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """S2: employment-work minutes ÷ all minutes, from the daily log plus employer contacts.

    Daily-log minutes of kinds marked as employment work count as employment services; every employer contact's
    minutes count as employment work too. No minutes at all gives no suggestion.
    """
    log = (
        TimeEntry.objects.coaches_work()
        .filter(team_id=period.team_id, date__gte=period.start, date__lte=period.end)
        .aggregate(
            total=Sum("minutes", default=0),
            employment=Sum("minutes", filter=Q(kind__is_employment_work=True), default=0),
        )
    )
    contacts = EmployerContact.objects.filter(
        team_id=period.team_id, date__gte=period.start, date__lte=period.end
    ).aggregate(minutes=Sum("minutes", default=0))
    total = log["total"] + contacts["minutes"]
    if not total:
        return no_data(NO_DATA_NOTE)
    employment = log["employment"] + contacts["minutes"]
    share = percent(employment, total)
    return Suggestion(
        score=scored(cut, "S2", share),
        measured_value=decimal(share),
        detail=detail(
            figures=[
                (gettext_noop("Logged minutes, all"), log["total"]),
                (gettext_noop("Logged minutes on employment work"), log["employment"]),
                (gettext_noop("Employer contact minutes"), contacts["minutes"]),
                (gettext_noop("Share of time on employment services (%)"), share),
            ]
        ),
    )


def o1_treatment_teams(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """O1: % of the caseload whose treatment team is one their coach belongs to, the coach in at most two teams.

    Uses each client's current coach and treatment team. No client with a coach gives no suggestion; when no
    coach of these clients belongs to any treatment team the item scores 2 ("none"). Score 1 (a separate
    programme) cannot be told from data.
    """
    coach_in_client_team = Exists(
        TreatmentTeam.coaches.through.objects.filter(
            treatmentteam_id=OuterRef("treatment_team_id"), user_id=OuterRef("coach_id")
        )
    )
    coach_teams = (
        TreatmentTeam.coaches.through.objects.filter(user_id=OuterRef("coach_id"))
        .order_by()
        .values("user_id")
        .annotate(n=Count("treatmentteam_id"))
        .values("n")
    )
    rows = list(
        caseload(period)
        .filter(coach__isnull=False)
        .annotate(linked=coach_in_client_team, coach_team_count=Coalesce(Subquery(coach_teams, IntegerField()), 0))
        .order_by("code")
        .values_list("code", "linked", "coach_team_count")
    )
    if not rows:
        return no_data(NO_DATA_NOTE)
    integrated = sum(1 for _code, linked, teams in rows if linked and teams <= 2)
    share = percent(integrated, len(rows))
    in_any_team = any(teams for _code, _linked, teams in rows)
    score = scored(cut, "O1", share) if in_any_team else 2
    return Suggestion(
        score=score,
        measured_value=decimal(share),
        detail=detail(
            figures=[
                (gettext_noop("Clients with a coach"), len(rows)),
                (gettext_noop("Clients from a treatment team their coach belongs to"), integrated),
                (gettext_noop("Share of the caseload (%)"), share),
            ],
            note=gettext_noop("A coach in three or more treatment teams does not count as integrated."),
            columns=[
                gettext_noop("Client"),
                gettext_noop("Coach in the client's treatment team"),
                gettext_noop("Coach's treatment teams"),
            ],
            rows=[[code, "✓" if linked else "–", teams] for code, linked, teams in rows],
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
        return no_data(NO_DATA_NOTE)
    total = sum(row["n"] for row in counts)
    declined = sum(row["n"] for row in counts if row["decision"] == Referral.Decision.DECLINED)
    with translation.override("en"):
        # English msgids: the page translates them into the reader's language.
        reasons = {value: str(label) for value, label in Referral.DeclineReason.choices}
    return Suggestion(
        score=None,
        measured_value=decimal(percent(declined, total)),
        detail=detail(
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
        ),
    )
