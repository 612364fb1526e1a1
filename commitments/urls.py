from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("peristiwa/", views.EventListView.as_view(), name="list"),
    path("peristiwa/impor/", views.ImportView.as_view(), name="import"),
    path("peristiwa/komitmen/baru/", views.SigningEventFormView.as_view(), name="signing-create"),
    path("peristiwa/komitmen/<int:pk>/", views.SigningEventDetailView.as_view(), name="signing"),
    path("peristiwa/komitmen/<int:pk>/ubah/", views.SigningEventFormView.as_view(), name="signing-edit"),
    path("peristiwa/komitmen/<int:event_pk>/tambah/", views.CommitmentFormView.as_view(), name="commitment-create"),
    path("peristiwa/komitmen/<int:event_pk>/<int:pk>/", views.CommitmentFormView.as_view(), name="commitment-edit"),
]
