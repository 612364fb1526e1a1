from django.urls import path
from rest_framework.routers import SimpleRouter

from .views import AgreementPartyViewSet, AgreementViewSet, InstitutionViewSet, MouCoverageView

router = SimpleRouter()
router.register("institutions", InstitutionViewSet, basename="institution")
router.register("agreements", AgreementViewSet, basename="agreement")
router.register("agreement-parties", AgreementPartyViewSet, basename="agreement-party")
urlpatterns = router.urls + [path("mou-coverage/", MouCoverageView.as_view(), name="mou-coverage")]
