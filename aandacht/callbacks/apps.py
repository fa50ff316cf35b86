from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallbacksConfig(AppConfig):
    name = "aandacht.callbacks"
    label = "callbacks"
    verbose_name = _("Call-back requests")
    default_auto_field = "django.db.models.BigAutoField"
