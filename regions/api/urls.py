from rest_framework.routers import SimpleRouter

from .inaugurations import InaugurationViewSet
from .views import MppViewSet, ProvinceViewSet, RegionViewSet

router = SimpleRouter()
router.register("provinces", ProvinceViewSet, basename="province")
router.register("regions", RegionViewSet, basename="region")
router.register("mpps", MppViewSet, basename="mpp")
router.register("inaugurations", InaugurationViewSet, basename="inauguration")
urlpatterns = router.urls
