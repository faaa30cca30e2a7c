"""The main menu: each role sees what it may use and nothing else.

Entries name URLs by their name only, so ips needs no import from the apps above it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ips.models import Roles


@dataclass(frozen=True)
class NavEntry:
    label: str
    url_name: str
    shown_to: Callable[[Roles], bool]


MENU = [
    NavEntry(_("Home"), "ips:home", lambda roles: not roles.client_team_ids),
    NavEntry(_("Today"), "ips:today", lambda roles: bool(roles.log_teams)),
    NavEntry(_("Agenda"), "ips:agenda", lambda roles: bool(roles.team_ids)),
    NavEntry(_("Caseload"), "ips:caseload", lambda roles: bool(roles.client_team_ids)),
    NavEntry(_("Week"), "ips:week", lambda roles: bool(roles.team_ids)),
    NavEntry(_("Employers"), "employers:employer_list", lambda roles: bool(roles.team_ids or roles.admin_orgs)),
    NavEntry(_("Import"), "employers:import_list", lambda roles: bool(roles.supervisor_teams or roles.admin_orgs)),
    NavEntry(_("Organisation"), "ips:org_overview", lambda roles: roles.is_org_admin),
    NavEntry(_("People"), "ips:people_list", lambda roles: roles.is_org_admin),
    NavEntry(_("Organisations"), "ips:organisation_list", lambda roles: roles.platform_admin),
    NavEntry(
        _("Fidelity reviews"),
        "fidelity:review_list",
        lambda roles: roles.is_reviewer or roles.is_supervisor or roles.is_org_admin,
    ),
    NavEntry(
        _("Reports"),
        "reports:dashboard",
        lambda roles: bool(roles.team_ids or roles.reporter_orgs or roles.admin_orgs),
    ),
    NavEntry(_("Training"), "content:home", lambda roles: True),
    NavEntry(_("Content admin"), "wagtailadmin_home", lambda roles: roles.content_editor),
]


def menu_for(user, current_path: str) -> list[dict]:
    roles = user.roles
    items = []
    for entry in MENU:
        if not entry.shown_to(roles):
            continue
        url = reverse(entry.url_name)
        current = current_path == url if url == "/" else current_path.startswith(url)
        items.append({"label": entry.label, "url": url, "current": current})
    return items
