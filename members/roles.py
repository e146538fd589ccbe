"""The staff roles: groups of permissions, made by the migration
``members/0003_roles`` and again by ``load_demo`` should they be missing (after a
``flush``, say).

Code asks for permissions, never for role names, except to give the demo
accounts their roles.
"""

from django.apps import apps as installed_apps
from django.contrib.auth.management import create_permissions

WRITER = "Writer"
EDITOR = "Editor"
MEMBERSHIP_MANAGER = "Membership manager"

CRUD = ["add", "change", "delete", "view"]

ROLES = {
    # Drafts stories and submits them; cannot publish, schedule, feature,
    # choose who sees a story or edit a live one (articles.admin enforces it).
    WRITER: [
        "articles.add_story",
        "articles.change_story",
        "articles.view_story",
        # A draft's gallery and downloads, from the media library, which they add to.
        *(f"articles.{verb}_galleryphoto" for verb in CRUD),
        *(f"articles.{verb}_download" for verb in CRUD),
        *(f"library.{verb}_image" for verb in ["add", "change", "view"]),
        *(f"library.{verb}_document" for verb in ["add", "change", "view"]),
    ],
    # Everything about stories, sections, tags and picks.
    EDITOR: [
        *(f"articles.{verb}_story" for verb in CRUD),
        "articles.publish_story",
        *(f"articles.{verb}_section" for verb in CRUD),
        *(f"articles.{verb}_relatedpick" for verb in CRUD),
        *(f"articles.{verb}_redirect" for verb in CRUD),
        *(f"articles.{verb}_correction" for verb in CRUD),
        *(f"articles.{verb}_galleryphoto" for verb in CRUD),
        *(f"articles.{verb}_download" for verb in CRUD),
        *(f"library.{verb}_image" for verb in CRUD),
        *(f"library.{verb}_document" for verb in CRUD),
        *(f"taggit.{verb}_tag" for verb in CRUD),
        "httpcache.view_purge",
        "jobs.view_job",
        "jobs.change_job",  # retries failed jobs
        # The Weekly Update: issues and their stories, subscribers, who is not mailed.
        *(f"newsletter.{verb}_issue" for verb in CRUD),
        *(f"newsletter.{verb}_issueitem" for verb in CRUD),
        *(f"newsletter.{verb}_subscriber" for verb in CRUD),
        *(f"newsletter.{verb}_suppression" for verb in CRUD),
        "newsletter.view_delivery",
        # The site's pages: About, Membership, Contact, Privacy…
        *(f"pages.{verb}_page" for verb in CRUD),
    ],
    # Schools, people, invitations and access requests.
    MEMBERSHIP_MANAGER: [
        *(f"members.{verb}_school" for verb in CRUD),
        *(f"members.{verb}_user" for verb in ["add", "change", "view"]),
        *(f"members.{verb}_accessrequest" for verb in ["change", "delete", "view"]),
        "jobs.view_job",
        "jobs.change_job",
    ],
}


def ensure_roles(apps=installed_apps) -> None:
    """Make each role's group with its permissions (``apps``: a migration's, or
    the installed ones)."""
    # Permissions are normally made after migrating; the roles need them now.
    for app_config in apps.get_app_configs():
        stub = getattr(app_config, "models_module", None) is None  # a migration's app state
        if stub:
            app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        if stub:
            app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        # In an early migration's state a later model's permissions do not exist
        # yet: the migration that adds the model runs this again.
        group.permissions.set(
            [
                permission
                for app_label, codename in (permission.split(".") for permission in permissions)
                for permission in Permission.objects.filter(
                    content_type__app_label=app_label, codename=codename
                )
            ]
        )
