from django.urls import path

from .views import ProgressHistoryView, ProgressLatestView

urlpatterns = [
    path("progress/", ProgressLatestView.as_view(), name="api-progress"),
    path("progress/history/", ProgressHistoryView.as_view(), name="api-progress-history"),
]
