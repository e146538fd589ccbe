"""The staff roles, as groups: Writer, Editor, Membership manager.

The roles are defined in ``members.roles``, which this migration runs:
migrating again after a role changes there brings the groups up to date.
"""

from django.db import migrations

from members.roles import ROLES, ensure_roles


def create_roles(apps, schema_editor):
    ensure_roles(apps)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=list(ROLES)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("members", "0002_accessrequest"),
        ("articles", "0007_publish_permission"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("httpcache", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
