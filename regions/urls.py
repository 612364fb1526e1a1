from django.urls import path

from . import report_views, views

app_name = "regions"
urlpatterns = [
    path("wilayah/", views.RegionListView.as_view(), name="list"),
    path("wilayah-saya/", views.OfficerHomeView.as_view(), name="mine"),
    path("wilayah/<str:code>/", views.RegionDetailView.as_view(), name="detail"),
    path("wilayah/<str:code>/mpp-baru/", views.MppCreateView.as_view(), name="mpp-create"),
    path("mpp/<int:pk>/", views.MppDetailView.as_view(), name="mpp-detail"),
    path("mpp/<int:pk>/instansi/", views.MppTenantsView.as_view(), name="mpp-tenants"),
    path("mpp/<int:pk>/instansi.csv", views.mpp_tenants_csv, name="mpp-tenants-csv"),
    path("mpp/<int:pk>/ubah/", views.MppUpdateView.as_view(), name="mpp-update"),
    path("mpp/<int:pk>/status/", views.MppStatusView.as_view(), name="mpp-status"),
    path("mpp/<int:pk>/bukti/<int:update_pk>/", views.mpp_evidence, name="mpp-evidence"),
    path("verifikasi/", report_views.ReportQueueView.as_view(), name="report-queue"),
    path("verifikasi/laporan/<int:pk>/", report_views.ReportDetailView.as_view(), name="report-detail"),
    path("verifikasi/laporan/<int:pk>/bukti/", report_views.report_evidence, name="report-evidence"),
    path("verifikasi/massal/<int:pk>/", report_views.ReportBatchView.as_view(), name="report-batch"),
    path("peristiwa/peresmian/baru/", views.InaugurationFormView.as_view(), name="inauguration-create"),
    path("peristiwa/peresmian/<int:pk>/", views.InaugurationDetailView.as_view(), name="inauguration"),
    path("peristiwa/peresmian/<int:pk>/ubah/", views.InaugurationFormView.as_view(), name="inauguration-edit"),
]
