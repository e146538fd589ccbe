from django.core.management.base import BaseCommand

from articles import images
from articles.models import Story
from articles.tasks import build_renditions


class Command(BaseCommand):
    help = "Make every story's hero image renditions again (after changing their sizes, say)."

    def handle(self, *args, **options):
        stories = Story.objects.exclude(hero_image="").only("id", "hero_image", "hero_renditions")
        total = stories.count()
        for done, story in enumerate(stories.iterator(), start=1):
            images.delete_files(images.rendition_names(story.hero_renditions))
            Story.objects.filter(pk=story.pk).update(hero_renditions={})
            build_renditions.call(story.pk, story.hero_image.name)
            if done % 100 == 0:
                self.stderr.write(f"{done} of {total}")
        self.stdout.write(self.style.SUCCESS(f"Regenerated renditions for {total} stories."))
