from django.urls import path

from fidelity import views

app_name = "fidelity"

urlpatterns = [
    path("", views.review_list, name="review_list"),
    path("new/", views.review_create, name="review_create"),
    path("reviews/<uuid:uuid>/", views.review_detail, name="review_detail"),
    path("reviews/<uuid:uuid>/settings/", views.review_settings, name="review_settings"),
    path("reviews/<uuid:uuid>/items/<str:code>/", views.rating_save, name="rating_save"),
    path("reviews/<uuid:uuid>/items/<str:code>/accept/", views.rating_accept, name="rating_accept"),
    path("reviews/<uuid:uuid>/items/<str:code>/components/", views.rating_components, name="rating_components"),
    path("reviews/<uuid:uuid>/items/<str:code>/rows.xlsx", views.rating_rows_xlsx, name="rating_rows_xlsx"),
    path("reviews/<uuid:uuid>/refresh/", views.review_refresh, name="review_refresh"),
    path("reviews/<uuid:uuid>/accept-all/", views.review_accept_all, name="review_accept_all"),
    path("reviews/<uuid:uuid>/texts/", views.review_texts, name="review_texts"),
    path("reviews/<uuid:uuid>/plan/new/", views.plan_item_create, name="plan_item_create"),
    path("reviews/<uuid:uuid>/plan/<uuid:item_uuid>/", views.plan_item_edit, name="plan_item_edit"),
    path("reviews/<uuid:uuid>/plan/<uuid:item_uuid>/delete/", views.plan_item_delete, name="plan_item_delete"),
    path("reviews/<uuid:uuid>/finalise/", views.review_finalise, name="review_finalise"),
    path("reviews/<uuid:uuid>/copy/", views.review_copy, name="review_copy"),
    path("reviews/<uuid:uuid>/report/", views.review_report, name="review_report"),
    path("reviews/<uuid:uuid>/review.xlsx", views.review_xlsx, name="review_xlsx"),
    path("teams/<uuid:team_uuid>/history/", views.team_history, name="team_history"),
    path("due/", views.reviews_due, name="reviews_due"),
    path("items/<str:code>/", views.item_detail, name="item_detail"),
]
