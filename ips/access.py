"""The one way Polku views fetch objects for a user.

Every model that holds team or client data has a queryset built on AccessQuerySet, which answers two questions:
which rows may this user see (visible_to) and which may they change (editable_by). Views call get_for_user();
outsiders get 404 (they never learn the row exists) and read-only viewers get 403 on writes. Reading an object
that belongs to a client writes an access-log row, as Finnish client-data law requires.
"""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404

from ips import audit

# The roles require_role() knows, each read from user.roles (ips.models.Roles).
ROLES = ("coach", "supervisor", "member", "reviewer", "reporter", "org_admin")


class AccessQuerySet(models.QuerySet):
    def visible_to(self, user):
        raise NotImplementedError(f"{self.model.__name__} must say who may see it")

    def editable_by(self, user):
        """By default whoever may see a row may change it; read-only roles narrow this."""
        return self.visible_to(user)


def get_for_user(request, queryset, *, write=False, **lookup):
    """Fetch one object the request's user may see (404 otherwise); with write=True they must be able to change it."""
    if isinstance(queryset, type) and issubclass(queryset, models.Model):
        queryset = queryset._default_manager.all()
    user = request.user
    if not user.is_authenticated:
        raise Http404
    obj = get_object_or_404(queryset.visible_to(user), **lookup)
    if write and not can_edit(user, obj, queryset):
        raise PermissionDenied
    audit.log_access(request, obj)
    return obj


def can_edit(user, obj, queryset=None) -> bool:
    """May the user change this row (its model's editable_by)? One EXISTS query."""
    if queryset is None:
        queryset = type(obj)._default_manager.all()
    return queryset.editable_by(user).filter(pk=obj.pk).exists()


def has_role(user, *roles: str) -> bool:
    """Does the user hold any of the named roles (ROLES) in some team or organisation?"""
    unknown = set(roles) - set(ROLES)
    if unknown:
        raise ValueError(f"Unknown roles: {sorted(unknown)}")
    held = user.roles
    return any(getattr(held, f"is_{role}") for role in roles)


def require_role(user, *roles: str) -> None:
    """PermissionDenied unless the user holds one of the roles: require_role(user, "coach", "supervisor")."""
    if not has_role(user, *roles):
        raise PermissionDenied


def manages_team(user, team) -> bool:
    """Supervisors of the team and admins of its organisation set up its reviews and see its history."""
    roles = user.roles
    return team.pk in roles.supervisor_teams or team.organisation_id in roles.admin_orgs


# --- administration ------------------------------------------------------------------------------------------------

# Roles given within one organisation. The content-editor role opens the training pages' CMS, which all
# organisations share: only someone who edits content, or a platform admin, may hand it on.
ORGANISATION_ROLES = ("coach", "supervisor", "member", "reviewer", "reporter", "org_admin")
CONTENT_EDITOR_ROLE = "content_editor"


def is_platform_admin(user) -> bool:
    """Manages organisations (not their people's work): the platform flag or a superuser."""
    return user.is_authenticated and user.roles.platform_admin


def require_platform_admin(user) -> None:
    if not is_platform_admin(user):
        raise PermissionDenied


def grantable_roles(user, organisation_id) -> tuple[str, ...]:
    """The roles the user may give or end in the organisation: none unless they administer it."""
    if organisation_id not in user.roles.admin_orgs:
        return ()
    if user.roles.content_editor or is_platform_admin(user):
        return (*ORGANISATION_ROLES, CONTENT_EDITOR_ROLE)
    return ORGANISATION_ROLES
