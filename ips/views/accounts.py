"""Django's sign-in views, where Polku adds to them: password reset with a limit on the mail it sends."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect

from ips.models import password_reset_allowed


def client_ip(request) -> str | None:
    """The address the request came from: behind the balancer the last X-Forwarded-For entry (the one the balancer
    appended, so a client cannot forge it), else REMOTE_ADDR."""
    if settings.CLIENT_IP_FROM_FORWARDED_FOR:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR") or None


class PasswordResetView(auth_views.PasswordResetView):
    """Sends the reset mail only within the limits per address and per client address (ips/models/security.py);
    over a limit the answer is the same "sent if the address is known" page, so the form reveals nothing."""

    def form_valid(self, form):
        if password_reset_allowed(email=form.cleaned_data["email"], client_ip=client_ip(self.request)):
            return super().form_valid(form)
        return HttpResponseRedirect(self.get_success_url())
