from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    name = "opendata"
    verbose_name = _("Data terbuka")

    def ready(self):
        from mpp_portal.events import progress_recomputed

        from .receivers import release_publish_queue

        progress_recomputed.connect(release_publish_queue, dispatch_uid="opendata.release_publish_queue")
