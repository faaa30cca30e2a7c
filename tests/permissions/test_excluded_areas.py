"""The areas the URL walk leaves out (tests/permissions/walker.py EXCLUDED_PREFIXES) still refuse anonymous
visitors and users without the right to them."""

import pytest
from django.core.files.base import ContentFile
from django.urls import get_resolver, reverse
from wagtail.documents.models import Document

from tests.factories import UserFactory
from tests.permissions.walker import EXCLUDED_PREFIXES, routes

pytestmark = pytest.mark.django_db


def _to_login(response, login_url=None) -> bool:
    login_url = login_url or reverse("login")
    return response.status_code == 302 and response["Location"].startswith(login_url)


def test_every_excluded_prefix_is_routed_and_left_out_of_the_walk():
    routed = {str(entry.pattern) for entry in get_resolver().url_patterns}
    assert set(EXCLUDED_PREFIXES) <= routed
    assert not [route.route for route in routes() if route.route.startswith(tuple(EXCLUDED_PREFIXES))]


def test_accounts_password_change_needs_a_signed_in_user(client):
    assert _to_login(client.get(reverse("password_change")))


def test_accounts_a_made_up_reset_link_offers_no_form(client, coach_a):
    response = client.get(reverse("password_reset_confirm", args=["MQ", "made-up-token"]))
    assert response.status_code == 200
    assert response.context["validlink"] is False
    assert 'type="password"' not in response.text


@pytest.mark.parametrize(
    "path",
    ["/accounts/2fa/", "/accounts/2fa/totp/activate/", "/accounts/2fa/recovery-codes/", "/accounts/reauthenticate/"],
)  # fmt: skip
def test_allauth_account_pages_need_a_signed_in_user(client, path):
    assert _to_login(client.get(path)), path


def test_allauth_second_factor_step_without_a_password_first_signs_nobody_in(client, coach_a):
    response = client.post(reverse("mfa_authenticate"), {"code": "123456"})
    assert response.status_code in (302, 200)
    assert not client.get(reverse("login")).wsgi_request.user.is_authenticated


def test_allauth_sign_up_is_closed(client, django_user_model):
    before = django_user_model.objects.count()
    client.post(reverse("account_signup"), {"username": "new", "email": "new@example.org", "password1": "x" * 12})
    assert django_user_model.objects.count() == before


def _assert_sent_to_login(client, path, login_url, *, users):
    """Anonymous and each of the users asking for path are sent to login_url."""
    assert _to_login(client.get(path), login_url)
    for user in users:
        client.force_login(user)
        assert _to_login(client.get(path), login_url), user


@pytest.mark.parametrize("path", ["/django-admin/", "/django-admin/ips/client/", "/django-admin/auth/user/"])
def test_django_admin_refuses_anonymous_and_non_staff_users(client, coach_a, org_admin, path):
    admin_login = reverse("admin:login")
    _assert_sent_to_login(client, path, admin_login, users=(coach_a, org_admin))


@pytest.mark.parametrize("path", ["/cms/", "/cms/pages/", "/cms/images/", "/cms/documents/", "/cms/users/"])
def test_wagtail_admin_refuses_anonymous_and_users_who_are_not_editors(client, coach_a, org_admin, path):
    wagtail_login = reverse("wagtailadmin_login")
    _assert_sent_to_login(client, path, wagtail_login, users=(coach_a, org_admin))


def test_the_admins_let_a_superuser_in(client):
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    assert client.get("/cms/").status_code == 200
    assert client.get("/django-admin/").status_code == 200


def test_documents_need_a_signed_in_reader(client, coach_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = Document.objects.create(title="Moniste", file=ContentFile(b"data", name="moniste.pdf"))
    assert _to_login(client.get(document.url))
    client.force_login(coach_a)
    assert client.get(document.url).status_code == 200


def test_training_pages_need_a_signed_in_reader(client):
    assert _to_login(client.get("/training/"))


@pytest.mark.parametrize("path", ["/accounts/email/", "/accounts/3rdparty/", "/accounts/password/set/"])
def test_allauth_pages_polku_does_not_offer_answer_404(path, coach_a, as_user):
    """An e-mail address is what single sign-on links by: nobody changes it or connects a provider themselves."""
    assert as_user(coach_a).get(path).status_code == 404
    assert as_user(coach_a).post(path, {"email": "someone@example.org", "action_add": "1"}).status_code == 404
