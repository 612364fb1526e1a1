from rest_framework.routers import SimpleRouter

from .inaugurations import InaugurationViewSet
from .reports import ReportBatchViewSet, ReportViewSet
from .views import MppViewSet, ProvinceViewSet, RegionViewSet

router = SimpleRouter()
router.register("provinces", ProvinceViewSet, basename="province")
router.register("regions", RegionViewSet, basename="region")
router.register("mpps", MppViewSet, basename="mpp")
router.register("inaugurations", InaugurationViewSet, basename="inauguration")
router.register("reports", ReportViewSet, basename="report")
router.register("report-batches", ReportBatchViewSet, basename="report-batch")
urlpatterns = router.urls
