"""Editors add corrections: the roles again, with articles.Correction."""

from django.db import migrations

from members.roles import ensure_roles


def update_roles(apps, schema_editor):
    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0004_roles_keep_redirects"),
        ("articles", "0012_corrections"),
    ]

    operations = [migrations.RunPython(update_roles, migrations.RunPython.noop)]
