"""Where pages use library images and documents (in their bodies), for
``library.access`` and the library's "used in"."""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from library.access import Use
from library.models import BodyReference, Document, Image
from pages.cachekeys import page_key
from pages.models import Page


def page_uses(model, ids):
    """(item id, Use) for each page whose body uses one of the library items ``ids``."""
    field = {Image: "image", Document: "document"}.get(model)
    if field is None:
        return
    rows = BodyReference.objects.filter(
        content_type=ContentType.objects.get_for_model(Page), **{f"{field}_id__in": ids}
    ).values_list(f"{field}_id", "object_id")
    rows = list(rows)
    pages = Page.objects.only("id", "title", "status", "visibility", "updated_at").in_bulk(
        {page_id for _, page_id in rows}
    )
    for item_id, page_id in rows:
        if page := pages.get(page_id):
            yield (
                item_id,
                Use(
                    label=f"Page: {page.title}",
                    admin_url=reverse("admin:pages_page_change", args=[page.pk]),
                    # A page is live as soon as it is published: it has no schedule.
                    audience=page.visibility if page.is_live else None,
                    opens_at=page.updated_at if page.is_live else None,
                    cache_key=page_key(page.pk),
                ),
            )
