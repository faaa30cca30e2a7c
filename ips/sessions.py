"""Database sessions that end after 30 idle minutes, with the row written about once a minute, not per request.

SESSION_SAVE_EVERY_REQUEST would keep the idle expiry by writing the session row on every request: an UPDATE (and
a savepoint around it) per page, htmx fragment and form post. Instead the store remembers the expiry it read, and
the middleware saves the session only when that expiry is more than REFRESH_AFTER behind a full idle period from
now. A session therefore ends between 29 and 30 minutes after the last request, and a coach at work writes the row
about once a minute. Sessions stay in the database: that is what makes instances interchangeable.

Beside the idle timeout a session has an absolute lifetime: SESSION_MAX_HOURS after signing in the user is
signed out however active they were (ips.middleware.SessionLifetimeMiddleware). The time of signing in is kept
in the session itself, so every instance reads the same.

One query reads the session and its user: the row carries the signed-in user's id in a column of its own
(ips.models.Session), the store reads the user's row in the same SELECT, and AuthenticationMiddleware hands it to
the request instead of Django's auth fetching it again. Every check of Django's get_user still holds: anything
but an active user whose session hash matches goes through Django's own get_user.

Settings: SESSION_ENGINE = "ips.sessions", and this module's SessionMiddleware and AuthenticationMiddleware in
place of Django's.
"""

import time
from datetime import timedelta

from django.conf import settings
from django.contrib import auth
from django.contrib.auth import middleware as auth_middleware
from django.contrib.auth.backends import ModelBackend
from django.contrib.sessions import middleware
from django.contrib.sessions.backends import db
from django.core.exceptions import ValidationError
from django.utils.crypto import constant_time_compare
from django.utils.functional import SimpleLazyObject

from ips.models import Session, User

REFRESH_AFTER = timedelta(minutes=1)
# The session key holding when the user signed in, in seconds since the epoch.
SIGNED_IN_AT = "polku_signed_in_at"


def mark_signed_in(sender, request, user, **kwargs):
    """user_logged_in receiver: the session's absolute lifetime starts now."""
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = int(time.time())


class SessionStore(db.SessionStore):
    """Django's database store, remembering the expiry and the user of the row it read (None before a read, without
    a row or without a user), and writing the user's id beside the data."""

    read_expiry = None
    read_user = None

    @classmethod
    def get_model_class(cls):
        return Session

    def _get_session_from_db(self):
        row = super()._get_session_from_db()
        self._remember(row)
        return row

    async def _aget_session_from_db(self):
        row = await super()._aget_session_from_db()
        self._remember(row)
        return row

    def _remember(self, row):
        self.read_expiry = row.expire_date if row else None
        self.read_user = row.user if row else None

    def create_model_instance(self, data):
        row = super().create_model_instance(data)
        try:
            row.user_id = User._meta.pk.to_python(data.get(auth.SESSION_KEY))
        except ValidationError:
            row.user_id = None
        return row

    def expiry_is_stale(self) -> bool:
        """Whether the stored expiry is more than REFRESH_AFTER short of a whole idle period from now."""
        return self.read_expiry is not None and self.read_expiry < self.get_expiry_date() - REFRESH_AFTER


class SessionMiddleware(middleware.SessionMiddleware):
    """Django's, saving a session it would otherwise leave alone when its idle expiry has gone stale."""

    def process_response(self, request, response):
        session = getattr(request, "session", None)
        if session is not None and not session.modified and session.expiry_is_stale():
            session.modified = True
        return super().process_response(request, response)


class AuthenticationMiddleware(auth_middleware.AuthenticationMiddleware):
    """Django's, with request.user taken from the session's own query (signed_in_user)."""

    def process_request(self, request):
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: signed_in_user(request))


def signed_in_user(request):
    """django.contrib.auth.get_user without its query for the user when the session's row brought the user along.

    The shortcut is taken only where get_user would return that same row: the session names a ModelBackend (whose
    get_user fetches the user by primary key and keeps them if user_can_authenticate), the row is that user, active,
    and the session's hash matches the user's password. Anything else (no row, a deactivated user, a changed
    password, a hash of a fallback secret, another backend) is get_user's own business, with its flush or cycle."""
    session = request.session
    user_id, backend_path, session_hash = (
        session.get(key) for key in (auth.SESSION_KEY, auth.BACKEND_SESSION_KEY, auth.HASH_SESSION_KEY)
    )
    user = getattr(session, "read_user", None)
    if user is not None and session_hash and backend_path in settings.AUTHENTICATION_BACKENDS:
        backend = auth.load_backend(backend_path)
        if (
            type(backend).get_user is ModelBackend.get_user
            and user_id == user._meta.pk.value_to_string(user)
            and backend.user_can_authenticate(user)
            and constant_time_compare(session_hash, user.get_session_auth_hash())
        ):
            return user
    return auth.get_user(request)
