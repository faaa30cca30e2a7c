"""Sign-in through django-allauth: single sign-on with an organisation's OpenID Connect provider, and the rules
Polku adds to it.

Nobody signs up. A person the provider vouches for signs in only as an active Polku user of the provider's
organisation: the account linked to them before, or, on their first sign-in (an invited person), the one user of
that organisation with the provider's verified e-mail address, which is then linked. Anyone else sees a page that
says so. Roles stay Polku's; where an organisation configures `group_roles`, a group claim adds the roles it names.
"""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.mfa.models import Authenticator
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.shortcuts import render
from django.utils import timezone

from ips.models import Membership, Organisation, User

# The session key Polku's password sign-in sets (ips/views/accounts.py); single sign-on never sets it.
PASSWORD_SIGN_IN = "polku_password_sign_in"
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
    groups = sociallogin.account.extra_data.get("userinfo", sociallogin.account.extra_data).get(claim) or []
    allowed = set(Membership.Role.values) - set(Membership.TEAM_ROLES)
    today = timezone.localdate()
    for group in groups:
        role = mapping.get(group)
        if role in allowed:
            held = Membership.objects.filter(user=sociallogin.user, organisation=organisation, role=role).active()
            if not held.exists():
                Membership.objects.create(user=sociallogin.user, organisation=organisation, role=role, started=today)


def sso_providers() -> list[dict]:
    """The configured providers for the sign-in page: provider id and the name its button shows."""
    apps = settings.SOCIALACCOUNT_PROVIDERS.get("openid_connect", {}).get("APPS", [])
    return [{"id": app["provider_id"], "name": app.get("name") or app["provider_id"]} for app in apps]
