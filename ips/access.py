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
    if write and not queryset.editable_by(user).filter(pk=obj.pk).exists():
        raise PermissionDenied
    audit.log_access(request, obj)
    return obj


def require_write(request) -> bool:
    """True for requests that change data (everything but GET and HEAD)."""
    return request.method not in ("GET", "HEAD", "OPTIONS")
