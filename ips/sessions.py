"""Database sessions that end after 30 idle minutes, with the row written about once a minute, not per request.

SESSION_SAVE_EVERY_REQUEST would keep the idle expiry by writing the session row on every request: an UPDATE (and
a savepoint around it) per page, htmx fragment and form post. Instead the store remembers the expiry it read, and
the middleware saves the session only when that expiry is more than REFRESH_AFTER behind a full idle period from
now. A session therefore ends between 29 and 30 minutes after the last request, and a coach at work writes the row
about once a minute. Sessions stay in the database: that is what makes instances interchangeable.

Settings: SESSION_ENGINE = "ips.sessions" and ips.sessions.SessionMiddleware in place of Django's.
"""

from datetime import timedelta

from django.contrib.sessions import middleware
from django.contrib.sessions.backends import db

REFRESH_AFTER = timedelta(minutes=1)


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
