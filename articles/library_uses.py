"""Where stories use library images and documents, for ``library.access`` and
the library's "used in": as hero, in the gallery, as a download, in the body."""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from articles.cachekeys import story_key
from articles.models import Download, GalleryPhoto, Status, Story
from library.access import Use
from library.models import BodyReference, Document, Image


def story_uses(model, ids):
    """(item id, Use) for each story using one of the library items ``ids``."""
    if model is Image:
        places = [
            ("hero image", Story.objects.filter(hero_id__in=ids).values_list("hero_id", "pk")),
            (
                "gallery",
                GalleryPhoto.objects.filter(image_id__in=ids).values_list("image_id", "story_id"),
            ),
            ("body", _in_bodies("image", ids)),
        ]
    elif model is Document:
        places = [
            (
                "downloads",
                Download.objects.filter(document_id__in=ids).values_list("document_id", "story_id"),
            ),
            ("body", _in_bodies("document", ids)),
        ]
    else:
        return
    pairs = [(place, item_id, story_id) for place, rows in places for item_id, story_id in rows]
    stories = Story.objects.only("id", "title", "status", "visibility", "published_at").in_bulk(
        {story_id for _, _, story_id in pairs}
    )
    for place, item_id, story_id in pairs:
        if story := stories.get(story_id):
            yield item_id, _use(story, place)


def _in_bodies(field: str, ids):
    return BodyReference.objects.filter(
        content_type=ContentType.objects.get_for_model(Story), **{f"{field}_id__in": ids}
    ).values_list(f"{field}_id", "object_id")


def _use(story: Story, place: str) -> Use:
    published = story.status == Status.PUBLISHED and story.published_at is not None
    return Use(
        label=f"Story: {story.title} ({place})",
        admin_url=reverse("admin:articles_story_change", args=[story.pk]),
        audience=story.visibility if published else None,
        opens_at=story.published_at if published else None,
        cache_key=story_key(story.pk),
    )
