from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RosterConfig(AppConfig):
    name = "aandacht.roster"
    label = "roster"
    verbose_name = _("Rosters")

    def ready(self) -> None:
        from aandacht.roster.availability.home import register_home_panels
        from aandacht.roster.planning.home import register_planning_panels

        register_home_panels()
        register_planning_panels()
