from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("workbook.xlsx", views.workbook_download, name="workbook"),
]
