from django.urls import path

from .views import LaggingListView, ProgressHistoryView, ProgressLatestView

urlpatterns = [
    path("progress/", ProgressLatestView.as_view(), name="api-progress"),
    path("progress/history/", ProgressHistoryView.as_view(), name="api-progress-history"),
    path("lagging/", LaggingListView.as_view(), name="api-lagging"),
]
