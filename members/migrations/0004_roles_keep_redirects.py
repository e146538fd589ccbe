"""Editors keep old addresses too: the roles again, with articles.Redirect."""

from django.db import migrations

from members.roles import ensure_roles


def update_roles(apps, schema_editor):
    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0003_roles"),
        ("articles", "0010_redirects"),
    ]

    operations = [migrations.RunPython(update_roles, migrations.RunPython.noop)]
