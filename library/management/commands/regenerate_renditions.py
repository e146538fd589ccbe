from django.core.management.base import BaseCommand

from library import images
from library.models import Image
from library.tasks import build_renditions


class Command(BaseCommand):
    help = "Make every library image's renditions again (after changing their sizes, say)."

    def handle(self, *args, **options):
        library = Image.objects.only("id", "token", "file", "renditions", "stored_publicly")
        total = library.count()
        for done, image in enumerate(library.iterator(), start=1):
            images.delete_files(images.rendition_names(image.renditions), image.storage)
            Image.objects.filter(pk=image.pk).update(renditions={})
            build_renditions.call(image.pk, image.file)
            if done % 100 == 0:
                self.stderr.write(f"{done} of {total}")
        self.stdout.write(self.style.SUCCESS(f"Regenerated renditions for {total} images."))
