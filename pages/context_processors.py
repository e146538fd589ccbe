from django.utils.functional import SimpleLazyObject

from pages import navigation


def page_links(request):
    """Links to pages for the header and footer, looked up only if a template shows them."""
    user = getattr(request, "user", None)
    return {"page_links": SimpleLazyObject(lambda: navigation.links_for(user))}
