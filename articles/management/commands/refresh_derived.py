from django.core.management.base import BaseCommand
from django.db import connection

from articles import counts, related
from articles.changes import refresh_derived
from articles.models import Story
from library import access
from library.models import Image


class Command(BaseCommand):
    help = (
        "Rebuild what derives from stories: tag copies, search vectors (PostgreSQL), list "
        "counts, Similar News boxes and who may fetch each library file. Saves keep them "
        "current after commit; run this after "
        "a bulk load that bypassed save(), or if a process died between a commit and its "
        "follow-up work."
    )

    def handle(self, *args, **options):
        ids = list(Story.objects.values_list("pk", flat=True))
        for number, story_id in enumerate(ids, 1):
            refresh_derived(story_id)
            if number % 1000 == 0:
                self.stdout.write(f"{number} of {len(ids)} stories")
        counts.recount_all()
        related.refresh_all_boxes()
        image_ids = list(Image.objects.values_list("pk", flat=True))
        for start in range(0, len(image_ids), 500):
            access.refresh(Image, image_ids[start : start + 500])
        vectors = ", search vectors" if connection.vendor == "postgresql" else ""
        self.stdout.write(
            f"Refreshed tag copies{vectors} and Similar News of {len(ids)} stories, the counts, "
            f"and where the {len(image_ids)} library images' files belong."
        )
