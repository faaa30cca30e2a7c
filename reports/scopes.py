"""Which scopes a user may report on: their own figures, their teams, their organisations, or all of those."""

from dataclasses import dataclass

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext as _

from ips import audit
from ips.models import Organisation, Team
from reports.metrics import Scope

ALL = "all"
MINE = "me"


@dataclass(frozen=True)
class ScopeChoice:
    value: str
    label: str
    scope: Scope
    # Supervisors see their own team's coaches by name; everyone else sees aggregates only.
    show_coaches: bool = False


def choices_for(user) -> list[ScopeChoice]:
    """Two queries: the organisations and the teams the user may report on."""
    roles = user.roles
    org_ids = roles.admin_orgs | roles.reporter_orgs
    result = []
    if roles.is_coach:
        result.append(
            ScopeChoice(
                MINE,
                _("My own clients and work"),
                Scope(team_ids=frozenset(roles.coach_teams), label=str(user), kind="coach", coach_id=user.pk),
            )
        )
    teams = list(
        Team.objects.filter(Q(pk__in=roles.supervisor_teams) | Q(organisation__in=org_ids))
        .select_related("organisation")
        .order_by("organisation__name", "name")
    )
    organisations = list(Organisation.objects.filter(pk__in=org_ids).order_by("name")) if org_ids else []
    teams_of = {org.pk: frozenset(t.pk for t in teams if t.organisation_id == org.pk) for org in organisations}
    if len(organisations) > 1:
        everything = frozenset().union(*teams_of.values())
        scope = Scope(everything, _("All my organisations"), "organisations", organisation_ids=frozenset(org_ids))
        result.append(ScopeChoice(ALL, scope.label, scope))
    for org in organisations:
        scope = Scope(teams_of[org.pk], org.name, "organisation", organisation_ids=frozenset({org.pk}))
        result.append(ScopeChoice(f"org:{org.uuid}", org.name, scope))
    for team in teams:
        label = f"{team.organisation.name} · {team.name}"
        scope = Scope(frozenset({team.pk}), team.name, "team", organisation_ids=frozenset({team.organisation_id}))
        result.append(ScopeChoice(f"team:{team.uuid}", label, scope, show_coaches=team.pk in roles.supervisor_teams))
    return result


def may_unsuppress(user, scope: Scope) -> bool:
    """Figures without suppression are a right of their own: the role in every organisation of the scope."""
    return bool(scope.organisation_ids) and scope.organisation_ids <= user.roles.unsuppressed_orgs


def log_unsuppressed(user, scope: Scope, period, *, address=None) -> None:
    """One access-log row per organisation of the scope: who asked for figures without suppression, for what."""
    organisations = list(Organisation.objects.filter(pk__in=scope.organisation_ids))
    content_type = ContentType.objects.get_for_model(Organisation)
    LogEntry.objects.bulk_create(
        audit.access_entry(
            user,
            address,
            organisation,
            content_type,
            {
                "unsuppressed": scope.label,
                "scope_kind": scope.kind,
                "start": period.start.isoformat(),
                "end": period.end.isoformat(),
            },
        )
        for organisation in organisations
    )
