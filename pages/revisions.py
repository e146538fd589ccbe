"""A page's versions: kept by django-reversion at every admin save, compared
field by field, and restored as a new version (as stories' are, ``articles.revisions``)."""

import reversion
from django.db import transaction
from reversion.models import Version

from articles.publishing import uk_time
from articles.revisions import Change, Snapshot, body_text, compare_fields
from pages.models import Page, Status, Visibility


def register() -> None:
    """Tell reversion what a page's version holds (called once, from the app's ready())."""
    if not reversion.is_registered(Page):
        reversion.register(Page, exclude=["updated_at"])


def versions_of(page: Page):
    """The page's versions, newest first, with who saved each."""
    return (
        Version.objects.get_for_object(page)
        .select_related("revision", "revision__user")
        .order_by("-revision__date_created", "-pk")
    )


# The fields a comparison shows, in the form's order, with their labels.
COMPARED = {
    "title": "Title",
    "summary": "Summary",
    "body": "Body",
    "slug": "Address",
    "status": "Status",
    "visibility": "Who sees it",
    "in_navigation": "In the header navigation",
    "in_footer": "In the footer",
    "order": "Order",
}

# Fields shown as text diffs word by word; the rest are compared whole.
TEXT_FIELDS = {"title", "summary", "body"}


def snapshot(version: Version) -> Snapshot:
    data = version.field_dict
    yes_no = {True: "Yes", False: "No"}
    return Snapshot(
        version=version,
        fields={
            "title": data.get("title", ""),
            "summary": data.get("summary", ""),
            "body": body_text(data.get("body", "")),
            "slug": data.get("slug", ""),
            "status": Status(data["status"]).label if data.get("status") in Status else "",
            "visibility": Visibility(data["visibility"]).label
            if data.get("visibility") in Visibility
            else "",
            "in_navigation": yes_no[bool(data.get("in_navigation"))],
            "in_footer": yes_no[bool(data.get("in_footer"))],
            "order": str(data.get("order", "")),
        },
    )


def compare(older: Snapshot, newer: Snapshot) -> tuple[list[Change], list[str]]:
    """The fields that differ between two versions, and the labels of those that don't."""
    return compare_fields(older, newer, compared=COMPARED, text_fields=TEXT_FIELDS)


# What restoring brings back: the words. The address, the state, who sees the
# page and where it is linked stay as they are: restoring an old version never
# unpublishes a page, moves it or shows it to readers it was hidden from.
RESTORED = ["title", "summary", "body"]


@transaction.atomic
def restore(*, page: Page, version: Version, user) -> None:
    """Bring back ``version``'s title, summary and body as a new version."""
    page = Page.objects.select_for_update().get(pk=page.pk)
    data = version.field_dict
    for name in RESTORED:
        setattr(page, name, data[name])
    page.edited_by = user
    when = uk_time(version.revision.date_created, year=True)
    with reversion.create_revision():
        page.save()
        reversion.set_user(user)
        reversion.set_comment(f"Restored the version of {when}.")
