from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactsConfig(AppConfig):
    name = "aandacht.contacts"
    label = "contacts"
    verbose_name = _("Contact reports")

    def ready(self) -> None:
        from aandacht.contacts.home import supervisor_panel, volunteer_panel
        from aandacht.core.home import register_home_panel
        from aandacht.core.roles import Role

        register_home_panel(Role.VOLUNTEER, volunteer_panel)
        register_home_panel(Role.SUPERVISOR, supervisor_panel)
