from django.urls import path

from . import views

app_name = "dashboards"
urlpatterns = [
    path("ringkasan/", views.public_summary, name="public"),
]
