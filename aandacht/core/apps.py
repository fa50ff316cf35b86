from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "aandacht.core"
    label = "core"
    verbose_name = _("Organisation and people")

    def ready(self) -> None:
        from django.core import checks

        from aandacht.core import receivers  # noqa: F401  (connects the receivers)
        from aandacht.core.checks import demo_mode_check

        checks.register(demo_mode_check, checks.Tags.security, deploy=True)
