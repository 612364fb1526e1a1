from rest_framework.routers import SimpleRouter

from .views import ProvinceViewSet, RegionViewSet

router = SimpleRouter()
router.register("provinces", ProvinceViewSet, basename="province")
router.register("regions", RegionViewSet, basename="region")
urlpatterns = router.urls
