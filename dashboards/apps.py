from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    name = "dashboards"
    verbose_name = _("Dasbor dan kemajuan")

    def ready(self):
        from mpp_portal.events import progress_changed

        from .services import progress_changed_received

        progress_changed.connect(progress_changed_received, dispatch_uid="dashboards.progress_changed")
