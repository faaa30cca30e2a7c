import time

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect

from ips import audit
from ips.i18n import use_saved_language
from ips.sessions import SIGNED_IN_AT
from ips.sso import needs_second_factor


class UserLanguageMiddleware:
    """A signed-in user's saved language wins over the browser's: the choice sticks across devices."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            use_saved_language(request, user)
        return self.get_response(request)


class AccessLogMiddleware:
    """Collects what a request's views log with log_access_many and writes it in one insert; a refused or failed
    request (status 400 and above) writes nothing, as docs/permissions.md requires."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        setattr(request, audit.COLLECTED, [])
        response = self.get_response(request)
        collected = getattr(request, audit.COLLECTED)
        if collected and response.status_code < 400 and request.user.is_authenticated:
            audit.log_access_by(request.user, collected, address=audit.remote_addr(request))
        return response


class SessionLifetimeMiddleware:
    """Signs the user out SESSION_MAX_HOURS after they signed in, beside the idle timeout: the request goes on as
    an anonymous one, so a page sends them to sign in. A session from before this rule starts counting now."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            signed_in_at = request.session.get(SIGNED_IN_AT)
            now = int(time.time())
            if signed_in_at is None:
                request.session[SIGNED_IN_AT] = now
            elif now - signed_in_at >= settings.SESSION_MAX_HOURS * 3600:
                logout(request)
        return self.get_response(request)


class NoStoreMiddleware:
    """Every response to a signed-in user may carry client data (pages, htmx fragments, files): no browser or
    proxy may keep it. Static files never reach this middleware (WhiteNoise answers them first), so they keep
    their far-future caching; new URLs need nothing of their own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated:
            response.headers["Cache-Control"] = "no-store, private"
        return response


class RequireTwoFactorMiddleware:
    """Sends a user whose roles require two-factor sign-in to set it up (allauth.mfa) before anything else; the
    sign-in area (/accounts/: set-up, sign-out) and the accessibility statement stay open."""

    OPEN_PREFIXES = ("/accounts/", "/accessibility/", "/static/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(self.OPEN_PREFIXES) and needs_second_factor(request):
            return redirect("mfa_activate_totp")
        return self.get_response(request)
