from django.urls import path

from . import views

app_name = "opendata"
urlpatterns = [
    path("data/", views.index, name="index"),
    path("data/catalog.jsonld", views.catalog, name="catalog"),
    path("data/rilis/<str:tag>/", views.release_detail, name="release"),
    path("data/rilis/<str:tag>/SHA256SUMS", views.release_checksums, name="release-checksums"),
    path("data/rilis/<str:tag>/<str:name>", views.release_file, name="release-file"),
    path("data/<str:name>", views.current_file, name="file"),
]
