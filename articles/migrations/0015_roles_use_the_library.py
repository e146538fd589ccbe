"""Writers and editors use the media library, galleries and downloads: the roles again."""

from django.db import migrations

from members.roles import ensure_roles


def update_roles(apps, schema_editor):
    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0014_gallery_and_downloads"),
        ("library", "0002_document_bodyreference"),
        ("members", "0008_email_unique_any_case"),
    ]

    operations = [migrations.RunPython(update_roles, migrations.RunPython.noop)]
