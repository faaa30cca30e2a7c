"""Starts the test provider: `python -m tests.oidc_provider.serve PORT` with OIDC_PROVIDER_DB, OIDC_PROVIDER_KEY
(an RSA private key, PEM) and OIDC_PROVIDER_SEED (JSON: the client, and the users with their groups) in the
environment. Migrates its
own SQLite database, writes the seed, then serves until killed."""

import json
import os
import sys

import django


def seed(data: dict) -> None:
    from allauth.account.models import EmailAddress
    from allauth.idp.oidc.models import Client
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    client = data["client"]
    provider_client = Client(
        id=client["id"],
        name="Polku",
        scopes="openid\nprofile\nemail",
        redirect_uris="\n".join(client["redirect_uris"]),
        grant_types="authorization_code",
        response_types="code",
    )
    provider_client.set_secret(client["secret"])
    provider_client.set_post_logout_redirect_uris(client.get("post_logout_redirect_uris", []))
    provider_client.save()
    for person in data["users"]:
        user = get_user_model().objects.create_user(person["username"], person["email"], person["password"])
        EmailAddress.objects.create(user=user, email=person["email"], verified=True, primary=True)
        for name in person.get("groups", []):
            user.groups.add(Group.objects.get_or_create(name=name)[0])


def main() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.oidc_provider.settings"
    django.setup()
    from django.core.management import call_command
    from django.core.servers.basehttp import WSGIServer, run
    from django.core.wsgi import get_wsgi_application

    call_command("migrate", verbosity=0, interactive=False)
    seed(json.loads(os.environ["OIDC_PROVIDER_SEED"]))
    run("127.0.0.1", int(sys.argv[1]), get_wsgi_application(), threading=True, server_cls=WSGIServer)


if __name__ == "__main__":
    main()
