"""Background work for the library: renditions (files following a go-live: library.access)."""

from django.tasks import task

from httpcache.purges import purge_on_commit
from jobs.retries import with_retries
from library import access, images


@task
@with_retries(attempts=3)
def build_renditions(image_id: int, master_name: str) -> None:
    """Make every rendition of an image and record them on it.

    If the image's file or focal point changed again before this ran, that
    change queued its own job: this one removes what it made and leaves the
    image alone. A failure leaves no files (``images.make_renditions``); the
    last failure is recorded on the image, where staff see it.
    """
    from library.models import Image

    image = Image.objects.filter(pk=image_id).first()
    if image is None or image.file != master_name:
        return
    try:
        record = images.make_renditions(
            master_name, image.focal_x, image.focal_y, storage=image.storage, stem=image.stem
        )
    except Exception as error:
        Image.objects.filter(pk=image_id).update(
            rendition_error=f"{type(error).__name__}: {error}"[:1000]
        )
        raise
    updated = Image.objects.filter(
        pk=image_id, file=master_name, focal_x=image.focal_x, focal_y=image.focal_y
    ).update(renditions=record, rendition_error="")
    if not updated:
        images.delete_files(images.rendition_names(record), image.storage)
        return
    image.renditions = record
    if image.stored_publicly != Image.objects.get(pk=image_id).stored_publicly:
        access.refresh(Image, [image_id])  # moved while rendering: move the new files too
    # Its pages can now use the renditions.
    purge_on_commit(*{use.cache_key for use in access.uses_of(image) if use.cache_key})
