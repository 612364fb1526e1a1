from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaskforceConfig(AppConfig):
    name = "taskforce"
    verbose_name = _("Pendampingan Tim Kerja Percepatan")

    def ready(self):
        from mpp_portal.extensions import region_panels_register

        from .selectors import region_panel

        region_panels_register(template="taskforce/partials/region_panel.html", context=region_panel)
