from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "aandacht.insights"
    label = "insights"
    verbose_name = _("Insights")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from aandacht.core.home import register_home_panel
        from aandacht.core.roles import Role
        from aandacht.insights.dashboard.home import dashboard_panel

        for role in (Role.COORDINATOR, Role.SUPERVISOR):
            register_home_panel(role, dashboard_panel)
