from django.urls import path

from . import views

app_name = "operations"
urlpatterns = [
    path("operasional/", views.DashboardView.as_view(), name="dashboard"),
    path("operasional/laporan/", views.ReportListView.as_view(), name="reports"),
    path("operasional/laporan/baru/", views.ReportCreateView.as_view(), name="report-create"),
    path("operasional/laporan/<int:pk>/", views.ReportDetailView.as_view(), name="report"),
    path("operasional/impor/", views.ReportImportView.as_view(), name="import"),
    path("operasional/tanda/", views.FlagListView.as_view(), name="flags"),
    path("operasional/tanda/<int:pk>/selesai/", views.FlagResolveView.as_view(), name="flag-resolve"),
    path("operasional/belum-melapor/", views.MissingListView.as_view(), name="missing"),
    path("operasional/mpp/<int:pk>/", views.MppOperationsView.as_view(), name="mpp"),
]
