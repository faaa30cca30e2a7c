"""Django's sign-in views, where Polku adds to them: password reset with a limit on the mail it sends."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect
from django.urls import reverse_lazy
from django.utils.translation import gettext

from ips.audit import remote_addr
from ips.models import password_reset_allowed


class PasswordResetView(auth_views.PasswordResetView):
    """Sends the reset mail only within the limits per address and per client address (ips/models/security.py);
    over a limit the answer is the same "sent if the address is known" page, so the form reveals nothing."""

    def form_valid(self, form):
        if password_reset_allowed(email=form.cleaned_data["email"], client_ip=remote_addr(self.request)):
            return super().form_valid(form)
        return HttpResponseRedirect(self.get_success_url())


class InviteAcceptView(auth_views.PasswordResetConfirmView):
    """The one-time link of an invitation (ips.staff.person_invite): the person sets their password, then signs in."""

    template_name = "registration/invite_accept.html"
    success_url = reverse_lazy("login")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, gettext("Your password is set. Sign in with your e-mail address."))
        return response
