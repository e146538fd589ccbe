"""Connect changes to the news with ``articles.changes``, which handles them."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from taggit.models import Tag

from articles import changes, images
from articles.models import RelatedPick, Section, Story, TaggedStory


@receiver(post_save, sender=Story)
def story_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    changes.story_changed(
        instance,
        stale_files=getattr(instance, "stale_files", ()),
        renditions_from=instance.hero_image.name
        if getattr(instance, "needs_renditions", False)
        else None,
    )


@receiver(pre_delete, sender=Story)
def story_deleted(sender, instance, **kwargs):
    """A deleted story's pages go, and so do its image files."""
    changes.story_changed(
        instance,
        stale_files=[
            instance.hero_image.name,
            *images.rendition_names(instance.hero_renditions),
        ],
        deleted=True,
    )


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
