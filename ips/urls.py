from django.urls import path

from ips import views

app_name = "ips"

urlpatterns = [
    path("", views.home, name="home"),
    path("language/", views.language_set, name="language_set"),
    path("clients/<uuid:uuid>/", views.client_detail, name="client_detail"),
    path("organisation/", views.org_overview, name="org_overview"),
    path("organisation/audit-log/", views.client_audit_log, name="client_audit_log"),
]
