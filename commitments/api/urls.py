from django.urls import path
from rest_framework.routers import SimpleRouter

from .views import CommitmentViewSet, ImportView, SigningEventViewSet

router = SimpleRouter()
router.register("signing-events", SigningEventViewSet, basename="signing-event")
router.register("commitments", CommitmentViewSet, basename="commitment")
urlpatterns = [path("imports/", ImportView.as_view(), name="api-import"), *router.urls]
