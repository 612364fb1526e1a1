from django.apps import AppConfig


class MppPortalConfig(AppConfig):
    name = "mpp_portal"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .limits import integer_columns_bound

        integer_columns_bound()
