"""Keep derived data honest when stories or their tags change.

Similar News' cached tag weights, the search vector (which holds the tags),
and the anonymous page cache (every page that could show the change).
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from taggit.models import Tag

from articles import images, pagecache
from articles.models import RelatedPick, Section, Story, TaggedStory
from articles.related import invalidate_tag_weights
from articles.search import update_search_vector
from members.models import School


@receiver(post_save, sender=Story)
@receiver(post_delete, sender=Story)
@receiver(post_save, sender=TaggedStory)
@receiver(post_delete, sender=TaggedStory)
def story_changed(sender, **kwargs):
    invalidate_tag_weights()
    pagecache.invalidate()


@receiver(post_save, sender=Section)
@receiver(post_delete, sender=Section)
@receiver(post_save, sender=RelatedPick)
@receiver(post_delete, sender=RelatedPick)
@receiver(post_save, sender=Tag)
@receiver(post_delete, sender=Tag)
@receiver(post_save, sender=School)
@receiver(post_delete, sender=School)
def page_content_changed(sender, **kwargs):
    pagecache.invalidate()


@receiver(m2m_changed, sender=TaggedStory)
def tags_changed(sender, instance, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        invalidate_tag_weights()
        pagecache.invalidate()
        if isinstance(instance, Story):
            update_search_vector(instance)


@receiver(post_delete, sender=Story)
def delete_image_files(sender, instance, **kwargs):
    """A deleted story leaves no image files behind."""
    names = [instance.hero_image.name, *images.rendition_names(instance.hero_renditions)]
    transaction.on_commit(lambda: images.delete_files(names))
