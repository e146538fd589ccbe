"""Editors run the Weekly Update: the roles again, with the newsletter's models."""

from django.db import migrations

from members.roles import ensure_roles


def update_roles(apps, schema_editor):
    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0006_roles_see_jobs"),
        ("newsletter", "0001_initial"),
    ]

    operations = [migrations.RunPython(update_roles, migrations.RunPython.noop)]
