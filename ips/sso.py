"""Sign-in through django-allauth: single sign-on with an organisation's OpenID Connect provider, and the rules
Polku adds to it.

Nobody signs up. A person the provider vouches for signs in only as an active Polku user of the provider's
organisation: the account linked to them before, or, on their first sign-in (an invited person), the one user of
that organisation with the provider's verified e-mail address, which is then linked. Anyone else sees a page that
says so. Roles stay Polku's; where an organisation configures `group_roles`, a group claim adds the roles it names.
Signing out of Polku after a single sign-on also ends the session at the provider (end_session_url).
"""

from urllib.parse import urlencode

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.mfa.models import Authenticator
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from django.conf import settings
from django.shortcuts import render, resolve_url
from django.utils import timezone
from django.utils.translation import get_language

from ips.i18n import use_saved_language
from ips.models import Membership, Organisation, User

# The session key Polku's password sign-in sets (ips/views/accounts.py); single sign-on never sets it.
PASSWORD_SIGN_IN = "polku_password_sign_in"
# The session key a single sign-on sets: the provider (organisation code) the person signed in through.
SSO_SIGN_IN = "polku_sso_provider"
SECOND_FACTORS = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]


def needs_second_factor(request) -> bool:
    """A user signed in with a password whose roles require two-factor sign-in (MFA_REQUIRED_ROLES) and who has not
    set a second factor up yet."""
    user = request.user
    if not user.is_authenticated or request.session.get(PASSWORD_SIGN_IN) is not True:
        return False
    roles = user.roles
    held = {
        "org_admin": roles.is_org_admin,
        "reporter": roles.is_reporter,
        "reviewer": roles.is_reviewer,
        "supervisor": roles.is_supervisor,
        "coach": roles.is_coach,
    }
    if not any(held.get(role) for role in settings.MFA_REQUIRED_ROLES):
        return False
    if Authenticator.objects.filter(user=user, type__in=SECOND_FACTORS).exists():
        request.session[PASSWORD_SIGN_IN] = "second factor set up"
        return False
    return True


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False

    def post_login(self, request, user, **kwargs):
        """Remembers a single sign-on's provider, so that signing out can end the provider's session too. The
        "signed in" message is written in the user's saved language, as every page after it is, not the browser's."""
        sociallogin = (kwargs.get("signal_kwargs") or {}).get("sociallogin")
        if sociallogin is not None:
            request.session[SSO_SIGN_IN] = sociallogin.provider.id
        use_saved_language(request, user)
        return super().post_login(request, user, **kwargs)


def provider_organisation(sociallogin) -> Organisation | None:
    code = sociallogin.provider.app.settings.get("organisation") or sociallogin.provider.app.provider_id
    return Organisation.objects.filter(code=code).first()


def refuse(request, organisation, reason):
    return ImmediateHttpResponse(
        render(request, "registration/sso_refused.html", {"organisation": organisation, "reason": reason}, status=403)
    )


def members_of(organisation):
    return User.objects.filter(is_active=True, memberships__in=Membership.objects.filter(organisation=organisation))


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin):
        return False

    def pre_social_login(self, request, sociallogin):
        organisation = provider_organisation(sociallogin)
        if organisation is None:
            raise refuse(request, None, "unknown")
        if sociallogin.is_existing:
            if not members_of(organisation).filter(pk=sociallogin.user.pk).exists():
                raise refuse(request, organisation, "inactive")
        else:
            addresses = [address.email for address in sociallogin.email_addresses if address.verified]
            candidates = (
                list(members_of(organisation).filter(email__iexact=addresses[0]).distinct()[:2]) if addresses else []
            )
            if len(candidates) != 1:
                raise refuse(request, organisation, "unknown")
            sociallogin.connect(request, candidates[0])
        grant_group_roles(sociallogin, organisation)

    def send_notification_mail(self, *args, **kwargs):
        """A linked account needs no mail: the person did it themselves, signing in."""


def grant_group_roles(sociallogin, organisation) -> None:
    """Organisation roles (reviewer, reporter, organisation admin) named by the provider's group claim, where the
    organisation maps groups to roles; team roles are always given in Polku."""
    app_settings = sociallogin.provider.app.settings
    claim, mapping = app_settings.get("groups_claim"), app_settings.get("group_roles") or {}
    if not claim or not mapping:
        return
    # The claim may come in the userinfo answer or only in the ID token (Entra ID puts groups in the token).
    data = sociallogin.account.extra_data
    groups = (data.get("userinfo") or {}).get(claim) or (data.get("id_token") or {}).get(claim) or []
    if isinstance(groups, str):
        groups = [groups]
    allowed = set(Membership.Role.values) - set(Membership.TEAM_ROLES)
    today = timezone.localdate()
    for group in groups:
        role = mapping.get(group)
        if role in allowed:
            held = Membership.objects.filter(user=sociallogin.user, organisation=organisation, role=role).active()
            if not held.exists():
                Membership.objects.create(user=sociallogin.user, organisation=organisation, role=role, started=today)


def end_session_url(request) -> str | None:
    """Where to send a person who signed in through single sign-on after Polku's own sign-out: the provider's
    end-session endpoint (OpenID Connect RP-Initiated Logout 1.0), so that the next person at the same browser is
    not signed straight back in. None after a password sign-in, or when the provider offers no such endpoint.

    django-allauth 65 reads the provider's discovery document (used here) but does not log out of the provider
    itself. It keeps no raw ID token, so no id_token_hint is sent: the provider asks the person to confirm. The
    provider must list Polku's sign-in page among the client's post-logout redirect URIs (docs/deployment.md).
    """
    provider_id = request.session.get(SSO_SIGN_IN)
    if not provider_id:
        return None
    adapter = OpenIDConnectOAuth2Adapter(request, provider_id)
    try:
        endpoint = adapter.openid_config.get("end_session_endpoint")
        app = adapter.get_provider().app
    except (OSError, ValueError, LookupError):  # requests' errors are OSErrors; a bad document a ValueError
        return None  # the provider cannot be asked now: Polku's own sign-out still happens
    if not endpoint:
        return None
    params = {
        "client_id": app.client_id,
        "post_logout_redirect_uri": request.build_absolute_uri(resolve_url(settings.LOGOUT_REDIRECT_URL)),
        "ui_locales": get_language() or settings.LANGUAGE_CODE,
    }
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{urlencode(params)}"


def sso_providers() -> list[dict]:
    """The configured providers for the sign-in page: provider id and the name its button shows."""
    apps = settings.SOCIALACCOUNT_PROVIDERS.get("openid_connect", {}).get("APPS", [])
    return [{"id": app["provider_id"], "name": app.get("name") or app["provider_id"]} for app in apps]
