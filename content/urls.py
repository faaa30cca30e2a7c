from django.urls import path

from content import views

app_name = "content"

urlpatterns = [
    path("", views.home, name="home"),
    path("read/<int:page_id>/", views.mark_read, name="mark_read"),
    path("progress/", views.team_progress, name="team_progress"),
    path("for-item/<str:code>/", views.pages_for_item, name="pages_for_item"),
    path("page-link/<int:page_id>/", views.page_link, name="page_link"),
    # Images go through Django (signed URLs) so they follow the reading rule and need no /media/ server.
    path("images/<str:signature>/<int:image_id>/<str:filter_spec>/", views.image_serve, name="image_serve"),
    path("images/<str:signature>/<int:image_id>/<str:filter_spec>/<str:filename>", views.image_serve),
]
