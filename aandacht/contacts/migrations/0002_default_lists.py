from django.db import migrations

from aandacht.contacts.defaults import install_defaults


def create_defaults(apps, schema_editor):
    install_defaults(
        apps.get_model("contacts", "TopicList"),
        apps.get_model("contacts", "Topic"),
        apps.get_model("contacts", "Source"),
        apps.get_model("contacts", "CrisisResource"),
    )


class Migration(migrations.Migration):
    dependencies = [("contacts", "0001_initial")]
    operations = [migrations.RunPython(create_defaults, migrations.RunPython.noop)]
