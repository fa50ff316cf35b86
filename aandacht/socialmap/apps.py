from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SocialMapConfig(AppConfig):
    name = "aandacht.socialmap"
    label = "socialmap"
    verbose_name = _("Social map")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from aandacht.core.home import register_home_panel
        from aandacht.core.roles import Role
        from aandacht.socialmap.directory.home import vraagwijzer_panel

        register_home_panel(Role.VRAAGWIJZER, vraagwijzer_panel)
