"""The supervisor's view of reading progress: a fixed number of queries however many people, pages and marks."""

from dataclasses import dataclass, field

from content.models import ReadingMark, TrainingPage
from ips.models import Membership, Team
from ips.pages import in_reader_language


@dataclass
class ProgressTable:
    team: Team
    members: list = field(default_factory=list)
    rows: list = field(default_factory=list)  # (page, [read_at or None per member])
    totals: list = field(default_factory=list)  # pages read per member


def team_progress_tables(team_ids) -> list[ProgressTable]:
    tables = {team.pk: ProgressTable(team) for team in Team.objects.filter(pk__in=team_ids).order_by("name")}
    memberships = (
        Membership.objects.active()
        .filter(team__in=tables, role__in=Membership.TEAM_ROLES, user__is_active=True)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__username")
    )
    for membership in memberships:
        members = tables[membership.team_id].members
        if membership.user not in members:  # a person can be both coach and supervisor of a team
            members.append(membership.user)
    pages = list(in_reader_language(TrainingPage.objects.live()).order_by("path"))
    user_ids = {user.pk for table in tables.values() for user in table.members}
    read = {
        (user_id, key): read_at
        for user_id, key, read_at in ReadingMark.objects.filter(user_id__in=user_ids)
        .order_by("read_at")
        .values_list("user_id", "page__translation_key", "read_at")
    }
    for table in tables.values():
        table.rows = [(page, [read.get((user.pk, page.translation_key)) for user in table.members]) for page in pages]
        table.totals = [sum(1 for _page, cells in table.rows if cells[i]) for i in range(len(table.members))]
    return list(tables.values())
