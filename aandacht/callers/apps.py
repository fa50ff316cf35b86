from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallersConfig(AppConfig):
    name = "aandacht.callers"
    label = "callers"
    verbose_name = _("Regular callers")

    def ready(self) -> None:
        from aandacht.callers.home import supervisor_panel
        from aandacht.core.home import register_home_panel
        from aandacht.core.roles import Role

        register_home_panel(Role.SUPERVISOR, supervisor_panel)
