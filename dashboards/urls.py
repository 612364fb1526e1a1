from django.urls import path

from . import exports, views

app_name = "dashboards"
urlpatterns = [
    path("dasbor/", views.NationalDashboardView.as_view(), name="national"),
    path("dasbor/provinsi/<str:code>/", views.ProvinceDashboardView.as_view(), name="province"),
    path("ringkasan/", views.public_summary, name="public"),
    path("wilayah/ekspor.<str:fmt>", exports.region_export, name="region-export"),
]
