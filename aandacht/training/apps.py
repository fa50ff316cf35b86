from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "aandacht.training"
    label = "training"
    verbose_name = _("Further training")

    def ready(self) -> None:
        from aandacht.core.home import register_home_panel
        from aandacht.core.roles import Role
        from aandacht.training.home import (
            coordinator_panel,
            supervisor_panel,
            volunteer_panel,
        )

        register_home_panel(Role.VOLUNTEER, volunteer_panel)
        register_home_panel(Role.SUPERVISOR, supervisor_panel)
        register_home_panel(Role.COORDINATOR, coordinator_panel)
