"""API tokens expire and end with a password change (#14).

Existing tokens keep working: they expire a year after they were made (at
the earliest a week from now), and are tied to the owner's current password.
"""

from datetime import timedelta

from django.db import migrations, models
from django.utils import timezone
from django.utils.crypto import salted_hmac


def fill(apps, schema_editor):
    ApiToken = apps.get_model("core", "ApiToken")
    soonest = timezone.now() + timedelta(days=7)
    for token in ApiToken.objects.select_related("user"):
        token.expires_at = max(token.created_at + timedelta(days=365), soonest)
        token.password_check = salted_hmac(
            "aandacht.api-token", token.user.password
        ).hexdigest()
        token.save(update_fields=["expires_at", "password_check"])


class Migration(migrations.Migration):
    dependencies = [("core", "0007_unknown_user_names")]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(default=timezone.now, verbose_name="expires"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="apitoken",
            name="password_check",
            field=models.CharField(default="", editable=False, max_length=64),
            preserve_default=False,
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
