from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidanceConfig(AppConfig):
    name = "aandacht.guidance"
    label = "guidance"
    verbose_name = _("Guidance and training")

    def ready(self) -> None:
        from aandacht.core.home import register_home_panel
        from aandacht.core.roles import Role
        from aandacht.guidance.home import coaching_panel, learn_panel

        register_home_panel(Role.VOLUNTEER, learn_panel)
        register_home_panel(Role.SUPERVISOR, coaching_panel)
