"""After an image is saved or deleted: renditions, files, who may fetch it, pages."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from httpcache.purges import purge_on_commit
from library import access, images
from library.models import Document, Image
from library.storage import protected_storage, public_storage
from library.tasks import build_renditions


@receiver(post_save, sender=Image)
def image_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if getattr(instance, "access_changed", False):
        access.changed(Image, [instance.pk])
    # Its alt text, caption or credit are on the pages that use it.
    purge_on_commit(*{use.cache_key for use in access.uses_of(instance) if use.cache_key})
    if not getattr(instance, "refocused", False) or not instance.file:
        return
    stale, storage = list(instance.stale_files), instance.storage

    def after_commit():
        images.delete_files(stale, storage)
        build_renditions.enqueue(instance.pk, instance.file)

    transaction.on_commit(after_commit, robust=True)


@receiver(post_save, sender=Document)
def document_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if getattr(instance, "access_changed", False):
        access.changed(Document, [instance.pk])
    # Its title and description are in the download lists of the pages using it.
    purge_on_commit(*{use.cache_key for use in access.uses_of(instance) if use.cache_key})


@receiver(post_delete, sender=Image)
@receiver(post_delete, sender=Document)
def file_deleted(sender, instance, **kwargs):
    """A deleted item's files go, from whichever storage holds them."""
    names = instance.file_names()

    def after_commit():
        for storage in (public_storage(), protected_storage()):
            images.delete_files([n for n in names if storage.exists(n)], storage)

    transaction.on_commit(after_commit, robust=True)
    purge_on_commit(f"file-{instance.token}")
