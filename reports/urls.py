from django.urls import path

from reports import hand_over_views, team, views

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("exports/", views.export_start, name="export_start"),
    path("exports/<uuid:pk>/", views.export_detail, name="export"),
    path("exports/<uuid:pk>/workbook.xlsx", views.export_download, name="export_download"),
    path("participants.xlsx", views.participant_list, name="participant_list"),
    path("team/", team.team_report, name="team"),
    path("hand-overs/", hand_over_views.hand_overs, name="hand_overs"),
]
