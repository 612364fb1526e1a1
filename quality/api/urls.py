from django.urls import path
from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("evaluation-categories", views.EvaluationCategoryViewSet, basename="evaluation-category")
router.register("evaluations", views.EvaluationViewSet, basename="evaluation")
router.register("digital-pilots", views.DigitalPilotViewSet, basename="digital-pilot")
router.register("readiness-criteria", views.ReadinessCriterionViewSet, basename="readiness-criterion")
router.register("readiness-checks", views.ReadinessCheckViewSet, basename="readiness-check")
router.register("fiscal-capacities", views.FiscalCapacityViewSet, basename="fiscal-capacity")
router.register("mpp-quality", views.MppQualityViewSet, basename="mpp-quality")
urlpatterns = [
    path("quality/summary/", views.QualitySummaryView.as_view(), name="quality-summary"),
    path("quality/stale-regions/", views.StaleRegionsView.as_view(), name="quality-stale-regions"),
    *router.urls,
]
