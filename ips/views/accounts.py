"""Django's sign-in views, where Polku adds to them: password reset with a limit on the mail it sends, and sign-in
through allauth's login flow (two-factor sign-in) with a link to each organisation's single sign-on."""

from allauth.account.internal.flows.login import perform_password_login
from allauth.account.models import Login
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ips.audit import remote_addr
from ips.models import Membership, password_reset_allowed
from ips.sso import PASSWORD_SIGN_IN, end_session_url, sso_providers


class PasswordResetView(auth_views.PasswordResetView):
    """Sends the reset mail only within the limits per address and per client address (ips/models/security.py);
    over a limit the answer is the same "sent if the address is known" page, so the form reveals nothing."""

    def form_valid(self, form):
        if password_reset_allowed(email=form.cleaned_data["email"], client_ip=remote_addr(self.request)):
            return super().form_valid(form)
        return HttpResponseRedirect(self.get_success_url())


class PasswordSignInForm(AuthenticationForm):
    """Django's sign-in form, refusing a password where the user's organisation signs its staff in through single
    sign-on only."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "sso_only": _("Your organisation signs you in through its own sign-in service. Use the button below."),
    }

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if Membership.objects.filter(user=user, organisation__password_sign_in=False).active().exists():
            raise ValidationError(self.error_messages["sso_only"], code="sso_only")


class LoginView(auth_views.LoginView):
    """Polku's sign-in page: a checked password goes on through allauth's login flow, which asks for the second
    factor (allauth.mfa) when the user has set one up. The session remembers that a password signed the user in:
    RequireTwoFactorMiddleware then sends organisation admins and reporters to set up two-factor sign-in."""

    form_class = PasswordSignInForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        self.request.session[PASSWORD_SIGN_IN] = True
        user = form.get_user()
        # What allauth's own LoginForm.login() does: records the password sign-in (so setting up two-factor
        # sign-in right after needs no second password), then runs the login stages (the second factor).
        login = Login(user=user, redirect_url=self.get_success_url())
        return perform_password_login(self.request, {"username": user.get_username()}, login)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"sso_providers": sso_providers()}


def not_offered(request, *args, **kwargs):
    """django-allauth pages Polku does not offer: a user's e-mail address is what single sign-on links an account
    by, so nobody changes it themselves; accounts are connected to a provider only at an invited first sign-in."""
    raise Http404


class InviteAcceptView(auth_views.PasswordResetConfirmView):
    """The one-time link of an invitation (ips.staff.person_invite): the person sets their password, then signs in."""

    template_name = "registration/invite_accept.html"
    success_url = reverse_lazy("login")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, gettext("Your password is set. Sign in with your e-mail address."))
        return response


class LogoutView(auth_views.LogoutView):
    """Django's sign-out; after a single sign-on the browser then goes on to the provider's end-session endpoint,
    which ends the provider's session too and sends the person back to Polku's sign-in page."""

    def post(self, request, *args, **kwargs):
        provider_logout = end_session_url(request)  # read before the session is gone
        response = super().post(request, *args, **kwargs)
        return HttpResponseRedirect(provider_logout) if provider_logout else response
