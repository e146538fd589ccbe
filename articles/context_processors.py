from django.utils.functional import SimpleLazyObject

from articles import pagecache
from articles.models import Section


def _nav_sections() -> list[dict]:
    return [
        {"pk": section.pk, "name": section.name, "url": section.get_absolute_url()}
        for section in Section.objects.all()
    ]


def sections(request):
    """The sections for the site navigation, looked up only if a template shows
    them, and kept (as plain data) until the news, sections included, changes."""
    return {
        "nav_sections": SimpleLazyObject(
            lambda: pagecache.bound_to_generation("nav-sections", _nav_sections)
        )
    }
