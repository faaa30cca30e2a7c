"""The session row with the signed-in user's id beside its data, so that one query reads both (ips/sessions.py)."""

from django.conf import settings
from django.contrib.sessions.base_session import AbstractBaseSession, BaseSessionManager
from django.db import models


class SessionManager(BaseSessionManager):
    def get_queryset(self):
        # The store reads a session by its key through this manager: the user comes in the same SELECT.
        return super().get_queryset().select_related("user")


class Session(AbstractBaseSession):
    """django.contrib.sessions' table (`django_session`, created by that app's migration) with a `user` column that
    the ips migration `perfmw_session_user` adds: the user the session's data names, written with the data.
    Unmanaged, so the table stays Django's and its own Session model keeps working on the same rows.

    No foreign-key constraint and nothing done on delete: a session naming a deleted user joins no row, and the
    auth layer then fetches (and misses) the user as it always did."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )

    objects = SessionManager()

    class Meta(AbstractBaseSession.Meta):
        managed = False
        db_table = "django_session"
