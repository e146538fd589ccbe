from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from articles.demo_data import DemoDataError
from pages import demo


class Command(BaseCommand):
    help = (
        "Publish the demo's pages (About, Membership, Contact, Privacy and a members' "
        "briefing) whose addresses are free; idempotent. Run by load_demo."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--i-know-this-is-production",
            action="store_true",
            dest="production",
            help="Load the demo pages with DEBUG off.",
        )

    def handle(self, *args, production=False, **options):
        if not settings.DEBUG and not production:
            raise CommandError(
                "DJANGO_DEBUG is off: this looks like production, where the demo's made-up "
                "privacy notice and contact details do not belong. Nothing was changed. Run "
                "it with --i-know-this-is-production if you really mean it."
            )
        editor = get_user_model().objects.filter(email="editor@example.org").first()
        try:
            made = demo.load(edited_by=editor)
        except DemoDataError as error:
            raise CommandError(f"{error}. Nothing was changed.") from error
        if made:
            titles = ", ".join(page.title for page in made)
            self.stdout.write(self.style.SUCCESS(f"Demo pages: published {titles}."))
        else:
            self.stdout.write("Demo pages: already present, left as they are.")
