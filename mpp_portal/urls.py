from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from . import schema, views  # noqa: F401  (schema registers the token scheme)
from .login_guard import GuardedAuthenticationForm
from .token_api import TokenView

api_patterns = [
    path("auth/token/", TokenView.as_view(), name="api-token"),
    path("schema/", SpectacularAPIView.as_view(permission_classes=[]), name="api-schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema", permission_classes=[]), name="api-docs"),
    path("", include("regions.api.urls")),
    path("", include("commitments.api.urls")),
    path("", include("mou.api.urls")),
    path("", include("dashboards.api.urls")),
    path("", include("quality.api.urls")),
    path("", include("operations.api.urls")),
    path("", include("taskforce.api.urls")),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("ping", views.ping, name="ping"),
    path("masuk/", auth_views.LoginView.as_view(
        redirect_authenticated_user=True, authentication_form=GuardedAuthenticationForm
    ), name="login"),
    path("keluar/", views.LogoutView.as_view(), name="logout"),
    # No CSRF token is needed to switch language: the worst a forged switch does is change a visitor's
    # language, and a token in the form would make every public page different per visitor, so no proxy
    # could cache it.
    path("bahasa/", csrf_exempt(login_not_required(set_language)), name="set_language"),
    path("api/", include(api_patterns)),
    path("admin/", admin.site.urls),
    path("", include("regions.urls")),
    path("", include("commitments.urls")),
    path("", include("dashboards.urls")),
    path("", include("mou.urls")),
    path("", include("quality.urls")),
    path("", include("operations.urls")),
    path("", include("taskforce.urls")),
    path("", include("opendata.urls")),
]

handler400 = "mpp_portal.error_pages.bad_request"
handler403 = "mpp_portal.error_pages.forbidden"
handler404 = "mpp_portal.error_pages.not_found"
handler500 = "mpp_portal.error_pages.server_error"
