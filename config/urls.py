from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from ips.views.accounts import InviteAcceptView, LoginView, LogoutView, PasswordResetView, not_offered

auth_patterns = [
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", LogoutView.as_view(), name="logout"),
    path("password/change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("password/change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("password/reset/", PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("invite/<uidb64>/<token>/", InviteAcceptView.as_view(), name="invite_accept"),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("", include("ips.urls")),
    path("accounts/", include(auth_patterns)),
    # django-allauth after Polku's own: two-factor set-up and sign-in (/accounts/2fa/), single sign-on
    # (/accounts/oidc/<organisation>/login/). Its login and logout names resolve to Polku's pages above.
    *(
        path(f"accounts/{route}", not_offered)
        for route in (
            "email/",
            "confirm-email/",
            "password/set/",
            "password/reset/done/",
            "login/code/confirm/",
            "3rdparty/",
            "3rdparty/signup/",
            "social/connections/",
            "social/signup/",
        )
    ),
    path("accounts/", include("allauth.urls")),
    path("employers/", include("employers.urls")),
    path("fidelity/", include("fidelity.urls")),
    path("reports/", include("reports.urls")),
    path("learning/", include("content.urls")),
    path("django-admin/", admin.site.urls),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("training/", include(wagtail_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
