from django.urls import path

from ips.views import (
    accessibility,
    admin_people,
    admin_teams,
    admin_treatment,
    caseload,
    clients,
    general,
    log,
    plan,
    referrals,
    team,
    week_grid,
)

app_name = "ips"

urlpatterns = [
    path("", general.home, name="home"),
    path("health/", general.health, name="health"),
    path("language/", general.language_set, name="language_set"),
    path("organisation/", general.org_overview, name="org_overview"),
    path("organisation/audit-log/", general.client_audit_log, name="client_audit_log"),
    # Organisation administration
    path("admin/people/", admin_people.people_list, name="people_list"),
    path("admin/people/new/", admin_people.person_create, name="person_create"),
    path("admin/people/<int:pk>/", admin_people.person_detail, name="person_detail"),
    path("admin/people/<int:pk>/edit/", admin_people.person_edit, name="person_edit"),
    path("admin/people/<int:pk>/invite/", admin_people.person_invite, name="person_invite"),
    path("admin/people/<int:pk>/deactivate/", admin_people.person_deactivate, name="person_deactivate"),
    path("admin/people/<int:pk>/reactivate/", admin_people.person_reactivate, name="person_reactivate"),
    path("admin/people/<int:pk>/roles/new/", admin_people.role_give, name="role_give"),
    path("admin/roles/<int:pk>/end/", admin_people.role_end, name="role_end"),
    path("admin/roles/<int:pk>/fte/", admin_people.fte_change, name="fte_change"),
    path("admin/teams/", admin_teams.team_list, name="team_list"),
    path("admin/teams/new/", admin_teams.team_create, name="team_create"),
    path("admin/teams/<uuid:uuid>/edit/", admin_teams.team_edit, name="team_edit"),
    path("admin/teams/<uuid:uuid>/close/", admin_teams.team_close, name="team_close"),
    path("admin/treatment-teams/", admin_treatment.treatment_team_list, name="treatment_team_list"),
    path("admin/treatment-teams/new/", admin_treatment.treatment_team_create, name="treatment_team_create"),
    path(
        "admin/treatment-teams/<int:pk>/members/new/", admin_treatment.treatment_member_add, name="treatment_member_add"
    ),
    path("admin/treatment-members/<int:pk>/end/", admin_treatment.treatment_member_end, name="treatment_member_end"),
    path("admin/client-treatment-team/", admin_treatment.client_treatment_team, name="client_treatment_team"),
    path("admin/history/", admin_teams.history, name="admin_history"),
    path("platform/organisations/", admin_teams.organisation_list, name="organisation_list"),
    path("platform/organisations/new/", admin_teams.organisation_create, name="organisation_create"),
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
    # The work-ability support team around the client
    path("clients/asiakasvastaava/", team.my_coordinated, name="my_coordinated"),
    path("clients/<uuid:uuid>/asiakasvastaava/", team.coordinator_edit, name="coordinator_edit"),
    path("clients/<uuid:uuid>/service/", team.service_edit, name="service_edit"),
    path("clients/<uuid:uuid>/network-meetings/new/", team.network_meeting_add, name="network_meeting_add"),
    path("clients/<uuid:uuid>/plan/", plan.plan_detail, name="plan_detail"),
    path("clients/<uuid:uuid>/plan/edit/", plan.plan_edit, name="plan_edit"),
    path("clients/<uuid:uuid>/plan/print/", plan.plan_print, name="plan_print"),
    path("clients/<uuid:uuid>/plan/actions/new/", plan.action_add, name="plan_action_add"),
    path("clients/<uuid:uuid>/plan/actions/<uuid:record>/", plan.action_edit, name="plan_action_edit"),
    # Referrals
    path("referrals/", referrals.referral_list, name="referral_list"),
    path("referrals/new/", referrals.referral_create, name="referral_create"),
    path("referrals/<uuid:uuid>/", referrals.referral_decide, name="referral_decide"),
    # The accessibility statement (public) and the feedback sent from it (organisation admins)
    path("accessibility/", accessibility.statement, name="accessibility"),
    path("accessibility/feedback/", accessibility.feedback_list, name="accessibility_feedback"),
]
