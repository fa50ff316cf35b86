"""The social map's search index, and pg_trgm for typos on PostgreSQL.

On PostgreSQL the vocabulary gets a GIN trigram index, which serves
``word % 'query'`` (pg_trgm's similarity operator); SQLite uses the
``SearchTrigram`` table instead and migrates without the extension.

The extension is created if missing (pg_trgm is trusted, so the database
owner may) and never dropped on the way back: other apps' indexes use it
too (``callers_0002``), so this is not Django's ``TrigramExtension``
operation, whose reverse drops it.
"""

import django.db.models.deletion
from django.db import migrations, models


def create_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS searchword_word_trgm "
            "ON socialmap_searchword USING gin (word gin_trgm_ops)"
        )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS searchword_word_trgm")


class Migration(migrations.Migration):

    dependencies = [
        ('socialmap', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchTerm',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('term', models.CharField(max_length=100, unique=True)),
                ('documents', models.PositiveIntegerField(default=0)),
            ],
        ),
        migrations.CreateModel(
            name='SearchWord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('word', models.CharField(max_length=100, unique=True)),
                ('term', models.CharField(max_length=100)),
                ('trigram_count', models.PositiveSmallIntegerField(default=0)),
            ],
        ),
        migrations.CreateModel(
            name='SearchEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('term', models.CharField(max_length=100)),
                ('weight', models.FloatField()),
                ('service', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='socialmap.service')),
            ],
            options={
                'indexes': [models.Index(fields=['term', 'service', 'weight'], name='search_entry_term')],
                'constraints': [models.UniqueConstraint(fields=('service', 'term'), name='search_entry_once')],
            },
        ),
        migrations.CreateModel(
            name='SearchTrigram',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('trigram', models.CharField(max_length=3)),
                ('word', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='socialmap.searchword')),
            ],
            options={
                'indexes': [models.Index(fields=['word'], name='search_trigram_word')],
                'constraints': [models.UniqueConstraint(fields=('trigram', 'word'), name='search_trigram_once')],
            },
        ),
        migrations.RunPython(create_trigram_index, drop_trigram_index),
    ]
