from django.utils.functional import SimpleLazyObject

from articles.models import Section


def _nav_sections() -> list[dict]:
    return [
        {"pk": section.pk, "name": section.name, "url": section.get_absolute_url()}
        for section in Section.objects.all()
    ]


def sections(request):
    """The sections for the site navigation, looked up only if a template shows them."""
    return {"nav_sections": SimpleLazyObject(_nav_sections)}
