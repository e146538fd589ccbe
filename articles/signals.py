"""Keep derived data honest when stories or their tags change.

Similar News' cached tag weights, and the search vector (which holds the tags).
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from articles import images
from articles.models import Story, TaggedStory
from articles.related import invalidate_tag_weights
from articles.search import update_search_vector


@receiver(post_save, sender=Story)
@receiver(post_delete, sender=Story)
@receiver(post_save, sender=TaggedStory)
@receiver(post_delete, sender=TaggedStory)
def story_changed(sender, **kwargs):
    invalidate_tag_weights()


@receiver(m2m_changed, sender=TaggedStory)
def tags_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        invalidate_tag_weights()
        if isinstance(instance, Story):
            update_search_vector(instance)


@receiver(post_delete, sender=Story)
def delete_image_files(sender, instance, **kwargs):
    """A deleted story leaves no image files behind."""
    names = [instance.hero_image.name, *images.rendition_names(instance.hero_renditions)]
    transaction.on_commit(lambda: images.delete_files(names))
