"""Editors and membership managers see failed jobs and retry them: the roles again."""

from django.db import migrations

from members.roles import ensure_roles


def update_roles(apps, schema_editor):
    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0005_roles_keep_corrections"),
        ("jobs", "0001_initial"),
    ]

    operations = [migrations.RunPython(update_roles, migrations.RunPython.noop)]
