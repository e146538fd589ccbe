from django.utils.functional import SimpleLazyObject

from articles.models import Section


def sections(request):
    """The sections for the site navigation, queried only if a template shows them."""
    return {"nav_sections": SimpleLazyObject(lambda: list(Section.objects.all()))}
