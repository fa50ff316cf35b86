from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallbacksConfig(AppConfig):
    name = "aandacht.callbacks"
    label = "callbacks"
    verbose_name = _("Call-back requests")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.core import checks

        from aandacht.callbacks.checks import callback_key_check
        from aandacht.callbacks.home import volunteer_panel, vraagwijzer_panel
        from aandacht.core.home import register_home_panel
        from aandacht.core.roles import Role

        checks.register(callback_key_check)
        register_home_panel(Role.VRAAGWIJZER, vraagwijzer_panel)
        register_home_panel(Role.VOLUNTEER, volunteer_panel)
