from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MouConfig(AppConfig):
    name = "mou"
    verbose_name = _("Nota kesepahaman dan PKS")

    def ready(self):
        from mpp_portal.demo_events import demo_mpps_replacing

        from .demo import demo_agreements_remove

        demo_mpps_replacing.connect(demo_agreements_remove, dispatch_uid="mou.demo_agreements_remove")
