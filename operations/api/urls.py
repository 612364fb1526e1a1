from django.urls import path
from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("operations-reports", views.OperationsReportViewSet, basename="operations-report")
router.register("operations-flags", views.OperationsFlagViewSet, basename="operations-flag")
urlpatterns = [
    path("operations/figures/", views.OperationsFigureListView.as_view(), name="operations-figures"),
    path("operations/visitors/", views.VisitorExtremesView.as_view(), name="operations-visitors"),
    path("operations/missing/", views.MissingReportsView.as_view(), name="operations-missing"),
    path("operations/import/", views.OperationsImportView.as_view(), name="operations-import"),
    *router.urls,
]
