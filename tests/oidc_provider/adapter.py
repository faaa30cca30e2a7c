"""The test provider's claims: allauth's own, plus a "groups" claim with the names of the person's groups, as an
organisation's identity provider (Entra ID and the like) sends when Polku maps groups to roles."""

from allauth.idp.oidc.adapter import DefaultOIDCAdapter


class GroupsAdapter(DefaultOIDCAdapter):
    def get_claims(self, purpose, user, client, scopes, email=None, **kwargs):
        claims = super().get_claims(purpose, user, client, scopes, email=email, **kwargs)
        if "profile" in scopes:
            claims["groups"] = sorted(user.groups.values_list("name", flat=True))
        return claims
