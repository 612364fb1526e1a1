from django.urls import path

from . import export_views, views

app_name = "dashboards"
urlpatterns = [
    path("dasbor/", views.NationalDashboardView.as_view(), name="national"),
    path("dasbor/provinsi/<str:code>/", views.ProvinceDashboardView.as_view(), name="province"),
    path("dasbor/provinsi.<str:fmt>", export_views.province_export, name="province-export"),
    path("dasbor/unduh.pdf", views.dashboard_pdf, name="dashboard-pdf"),
    path("dasbor/ringkasan-mingguan/", views.DigestSubscriptionView.as_view(), name="digest"),
    path("ringkasan/", views.public_summary, name="public"),
    path("tertinggal/", views.LaggingView.as_view(), name="lagging"),
    path("tertinggal/ekspor.<str:fmt>", export_views.lagging_export, name="lagging-export"),
    path("wilayah/ekspor.<str:fmt>", export_views.region_export, name="region-export"),
    path("mpp/ekspor.<str:fmt>", export_views.mpp_export, name="mpp-export"),
    # The operations app's lists, in the one export writer (dashboards builds on operations).
    path("operasional/ekspor/angka.<str:fmt>", export_views.operations_figure_export,
         name="operations-figure-export"),
    path("operasional/ekspor/laporan.<str:fmt>", export_views.operations_report_export,
         name="operations-report-export"),
    # The task force's assistance and follow-ups (dashboards builds on taskforce).
    path("pendampingan/ekspor.<str:fmt>", export_views.assistance_export, name="assistance-export"),
    path("tindak-lanjut/ekspor.<str:fmt>", export_views.follow_up_export, name="follow-up-export"),
]
