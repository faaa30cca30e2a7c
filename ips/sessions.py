"""Database sessions that end after 30 idle minutes, with the row written about once a minute, not per request.

SESSION_SAVE_EVERY_REQUEST would keep the idle expiry by writing the session row on every request: an UPDATE (and
a savepoint around it) per page, htmx fragment and form post. Instead the store remembers the expiry it read, and
the middleware saves the session only when that expiry is more than REFRESH_AFTER behind a full idle period from
now. A session therefore ends between 29 and 30 minutes after the last request, and a coach at work writes the row
about once a minute. Sessions stay in the database: that is what makes instances interchangeable.

Beside the idle timeout a session has an absolute lifetime: SESSION_MAX_HOURS after signing in the user is
signed out however active they were (ips.middleware.SessionLifetimeMiddleware). The time of signing in is kept
in the session itself, so every instance reads the same.

Settings: SESSION_ENGINE = "ips.sessions" and ips.sessions.SessionMiddleware in place of Django's.
"""

import time
from datetime import timedelta

from django.contrib.sessions import middleware
from django.contrib.sessions.backends import db

REFRESH_AFTER = timedelta(minutes=1)
# The session key holding when the user signed in, in seconds since the epoch.
SIGNED_IN_AT = "polku_signed_in_at"


def mark_signed_in(sender, request, user, **kwargs):
    """user_logged_in receiver: the session's absolute lifetime starts now."""
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = int(time.time())


class SessionStore(db.SessionStore):
    """Django's database store, remembering the expiry of the row it read (None before a read or without a row)."""

    read_expiry = None

    def _get_session_from_db(self):
        row = super()._get_session_from_db()
        self.read_expiry = row.expire_date if row else None
        return row

    async def _aget_session_from_db(self):
        row = await super()._aget_session_from_db()
        self.read_expiry = row.expire_date if row else None
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
