from django.urls import path

from . import views

app_name = "regions"
urlpatterns = [
    path("wilayah/", views.RegionListView.as_view(), name="list"),
    path("wilayah/<str:code>/", views.RegionDetailView.as_view(), name="detail"),
]
