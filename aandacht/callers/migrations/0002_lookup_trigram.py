"""A trigram index for the profile lookup on PostgreSQL (SQLite scans; it is small).

`icontains` becomes `UPPER(col) LIKE UPPER('%word%')`, which this GIN index
serves; pg_trgm is a trusted extension, so the database owner can create it.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS callerprofile_lookup_trgm "
            "ON callers_callerprofile USING gin "
            "(upper(alias::text) gin_trgm_ops, upper(cues) gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS callerprofile_lookup_trgm")


class Migration(migrations.Migration):
    dependencies = [("callers", "0001_initial")]
    operations = [TrigramExtension(), migrations.RunPython(create, drop)]
