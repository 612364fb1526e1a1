from django.urls import path

from . import views

app_name = "taskforce"
urlpatterns = [
    path("pendampingan/", views.AssistanceListView.as_view(), name="list"),
    path("pendampingan/baru/", views.AssistanceFormView.as_view(), name="create"),
    path("pendampingan/<int:pk>/", views.AssistanceDetailView.as_view(), name="detail"),
    path("pendampingan/<int:pk>/ubah/", views.AssistanceFormView.as_view(), name="update"),
    path("pendampingan/<int:pk>/tindak-lanjut/", views.FollowUpCreateView.as_view(), name="follow-up-create"),
    path("tindak-lanjut/", views.FollowUpListView.as_view(), name="follow-ups"),
    path("tindak-lanjut/<int:pk>/tutup/", views.FollowUpCloseView.as_view(), name="follow-up-close"),
]
