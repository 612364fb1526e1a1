from rest_framework.routers import SimpleRouter

from .views import MppViewSet, ProvinceViewSet, RegionViewSet

router = SimpleRouter()
router.register("provinces", ProvinceViewSet, basename="province")
router.register("regions", RegionViewSet, basename="region")
router.register("mpps", MppViewSet, basename="mpp")
urlpatterns = router.urls
