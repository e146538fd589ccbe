"""Connect changes to the news with ``articles.changes``, which handles them."""

from django.db.models import Max
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from taggit.models import Tag

from articles import changes
from articles.models import (
    Correction,
    Download,
    GalleryPhoto,
    Redirect,
    RelatedPick,
    Section,
    Status,
    Story,
    TaggedStory,
    slug_url,
)
from library import body


@receiver(post_save, sender=Story)
def story_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    changes.story_changed(instance)
    # Every library item the story uses: who may fetch each follows the story.
    image_ids, document_ids = body.record(instance, instance.body)
    changes.files_changed(
        image_ids=image_ids
        | set(getattr(instance, "images_touched", ()))
        | set(instance.gallery.values_list("image_id", flat=True)),
        document_ids=document_ids | set(instance.downloads.values_list("document_id", flat=True)),
    )


@receiver(post_save, sender=Story)
def story_moved(sender, instance, raw=False, **kwargs):
    """A published story's old address answers 301 to its new one."""
    if raw or not getattr(instance, "slug_changed", False):
        return
    if instance.moved_from:
        Redirect.objects.update_or_create(
            old_path=slug_url("articles:story-detail", instance.moved_from),
            defaults={"story": instance, "new_path": ""},
        )
    # Moved back to an address it had: the story answers there again.
    Redirect.objects.filter(old_path=instance.get_absolute_url()).delete()


@receiver(pre_delete, sender=Story)
def story_gone(sender, instance, **kwargs):
    """A deleted story that readers could have seen answers 410 Gone, not 404."""
    if instance.status == Status.PUBLISHED:
        Redirect.objects.update_or_create(
            old_path=instance.get_absolute_url(), defaults={"story": None, "new_path": ""}
        )


@receiver(pre_delete, sender=Story)
def story_deleted(sender, instance, **kwargs):
    """A deleted story's pages go."""
    changes.story_changed(instance, deleted=True)


@receiver(post_delete, sender=Story)
def story_files_released(sender, instance, **kwargs):
    """Its images and documents stay in the library; who may fetch them is worked out again."""
    image_ids, document_ids = body.forget(Story, instance.pk)
    changes.files_changed(
        image_ids=image_ids | ({instance.hero_id} - {None}), document_ids=document_ids
    )


@receiver(post_save, sender=GalleryPhoto)
@receiver(post_delete, sender=GalleryPhoto)
def gallery_changed(sender, instance, **kwargs):
    changes.files_changed(image_ids={instance.image_id})
    changes.story_shown_differently(instance.story_id)


@receiver(post_save, sender=Download)
@receiver(post_delete, sender=Download)
def downloads_changed(sender, instance, **kwargs):
    changes.files_changed(document_ids={instance.document_id})
    changes.story_shown_differently(instance.story_id)


@receiver(m2m_changed, sender=TaggedStory)
def tags_changed(sender, instance, action, pk_set, **kwargs):
    if not isinstance(instance, Story):
        return
    if action == "pre_clear":  # the tags are still there to be named
        instance.cleared_tag_ids = set(instance.tagged_items.values_list("tag_id", flat=True))
    elif action == "post_clear":
        changes.story_changed(instance, tag_ids=getattr(instance, "cleared_tag_ids", ()))
    elif action in {"post_add", "post_remove"}:
        changes.story_changed(instance, tag_ids=pk_set or ())


@receiver(post_save, sender=RelatedPick)
@receiver(post_delete, sender=RelatedPick)
def pick_changed(sender, instance, **kwargs):
    changes.story_shown_differently(instance.story_id)


@receiver(post_save, sender=Section)
@receiver(post_delete, sender=Section)
@receiver(post_save, sender=Tag)
@receiver(post_delete, sender=Tag)
def name_changed(sender, created=False, **kwargs):
    """Section names are in every page's navigation, tag names on every story.

    A new tag is on no page yet: the story it is added to purges its pages.
    """
    if not (created and sender is Tag):
        changes.everything_changed()


@receiver(post_save, sender=Correction)
@receiver(post_delete, sender=Correction)
def correction_changed(sender, instance, **kwargs):
    """The story's latest correction date follows its notes; its pages show them."""
    latest = Correction.objects.filter(story_id=instance.story_id).aggregate(Max("made_at"))
    Story.objects.filter(pk=instance.story_id).update(corrected_at=latest["made_at__max"])
    changes.story_shown_differently(instance.story_id)
