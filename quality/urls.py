from django.urls import path

from . import views

app_name = "quality"
urlpatterns = [
    path("kualitas/", views.QualityDashboardView.as_view(), name="dashboard"),
    path("kualitas/evaluasi/", views.EvaluationListView.as_view(), name="evaluations"),
    path("kualitas/evaluasi/impor/", views.EvaluationImportView.as_view(), name="evaluation-import"),
    path("kualitas/mpp/", views.MppQualityListView.as_view(), name="mpps"),
    path("kualitas/mpp/<int:pk>/", views.MppQualityDetailView.as_view(), name="mpp"),
    path("kualitas/mpp/<int:pk>/digital/", views.DigitalStatusView.as_view(), name="mpp-digital"),
    path("kualitas/mpp/<int:pk>/oss/", views.OssIntegrationView.as_view(), name="mpp-oss"),
    path("kualitas/mpp/<int:pk>/kesiapan/<slug:criterion>/", views.ReadinessCheckView.as_view(),
         name="readiness-check"),
    path("kualitas/kesiapan/<int:pk>/verifikasi/", views.ReadinessVerifyView.as_view(), name="readiness-verify"),
]
