"""Connect changes to pages with ``pages.changes``, and keep old addresses working."""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from django.urls import reverse

from articles.models import Redirect
from library import access, body
from library.models import Document, Image
from pages import changes
from pages.models import Page


@receiver(post_save, sender=Page)
def page_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    changes.page_changed(
        instance, shown_elsewhere=getattr(instance, "shown_elsewhere_changed", True)
    )
    # Its body's images and documents: who may fetch them follows the page.
    image_ids, document_ids = body.record(instance, instance.body)
    access.changed(Image, image_ids)
    access.changed(Document, document_ids)


@receiver(post_save, sender=Page)
def page_moved(sender, instance, raw=False, **kwargs):
    """A published page's old address answers 301 to its new one (``articles.Redirect``)."""
    if raw or not getattr(instance, "moved_from", ""):
        return
    old = reverse("pages:page-detail", kwargs={"slug": instance.moved_from})
    new = instance.get_absolute_url()
    # Earlier addresses go straight to the new one, not through the old.
    Redirect.objects.filter(story=None, new_path=old).update(new_path=new)
    Redirect.objects.update_or_create(old_path=old, defaults={"story": None, "new_path": new})
    # Moved back to an address it had: the page answers there again.
    Redirect.objects.filter(old_path=new).delete()


@receiver(pre_delete, sender=Page)
def page_deleted(sender, instance, **kwargs):
    """A deleted page's responses go; one readers could see answers 410 Gone, not 404."""
    changes.page_changed(instance, shown_elsewhere=instance.is_live)
    if instance.is_live:
        Redirect.objects.update_or_create(
            old_path=instance.get_absolute_url(), defaults={"story": None, "new_path": ""}
        )


@receiver(post_delete, sender=Page)
def page_files_released(sender, instance, **kwargs):
    """Its body's library items stay in the library; who may fetch them is worked out again."""
    image_ids, document_ids = body.forget(Page, instance.pk)
    access.changed(Image, image_ids)
    access.changed(Document, document_ids)
