from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommitmentsConfig(AppConfig):
    name = "commitments"
    verbose_name = _("Komitmen kepala daerah")

    def ready(self):
        from mpp_portal.extensions import region_events_register

        from .selectors import region_commitments

        region_events_register(template="commitments/partials/region_commitment.html", items=region_commitments)
