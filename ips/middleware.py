from django.utils import translation

from ips import audit


class UserLanguageMiddleware:
    """A signed-in user's saved language wins over the browser's: the choice sticks across devices."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
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
