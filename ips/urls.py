from django.urls import path

from ips.views import caseload, clients, general, log, referrals, week_grid

app_name = "ips"

urlpatterns = [
    path("", general.home, name="home"),
    path("health/", general.health, name="health"),
    path("language/", general.language_set, name="language_set"),
    path("organisation/", general.org_overview, name="org_overview"),
    path("organisation/audit-log/", general.client_audit_log, name="client_audit_log"),
    # The daily log
    path("today/", log.today, name="today"),
    path("today/entries/new/", log.entry_create, name="entry_create"),
    path("today/entries/<uuid:uuid>/edit/", log.entry_edit, name="entry_edit"),
    path("today/entries/<uuid:uuid>/delete/", log.entry_delete, name="entry_delete"),
    path("week/", log.week, name="week"),
    path("week/grid/", week_grid.week_grid, name="week_grid"),
    # Caseload and clients
    path("clients/", caseload.caseload, name="caseload"),
    path("clients/export.xlsx", caseload.caseload_export, name="caseload_export"),
    path("clients/<uuid:uuid>/", clients.client_detail, name="client_detail"),
    path("clients/<uuid:uuid>/edit/", clients.client_edit, name="client_edit"),
    path("clients/<uuid:uuid>/export.xlsx", clients.client_export, name="client_export"),
    path("clients/<uuid:uuid>/stage/", clients.client_stage, name="client_stage"),
    path("clients/<uuid:uuid>/close/", clients.client_close_view, name="client_close"),
    path("clients/<uuid:uuid>/consents/new/", clients.consent_add, name="consent_add"),
    path("clients/<uuid:uuid>/consents/<uuid:record>/", clients.consent_edit, name="consent_edit"),
    path("clients/<uuid:uuid>/goals/new/", clients.goal_add, name="goal_add"),
    path("clients/<uuid:uuid>/goals/<uuid:record>/", clients.goal_edit, name="goal_edit"),
    path("clients/<uuid:uuid>/profile/", clients.profile_edit, name="profile_edit"),
    path("clients/<uuid:uuid>/kykyviisari/new/", clients.score_add, name="score_add"),
    # Referrals
    path("referrals/", referrals.referral_list, name="referral_list"),
    path("referrals/new/", referrals.referral_create, name="referral_create"),
    path("referrals/<uuid:uuid>/", referrals.referral_decide, name="referral_decide"),
]
