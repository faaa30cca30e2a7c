from django.urls import path

from bench.admin import site
from config.urls import urlpatterns as polku_urls

urlpatterns = [path("bench-admin/", site.urls), *polku_urls]
