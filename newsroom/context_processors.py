import functools

from django.conf import settings
from django.urls import reverse

# The fixed addresses every page's header and footer link to.
SITE_ROUTES = {
    "home": "articles:home",
    "news": "articles:story-list",
    "search": "articles:search",
    "feed": "articles:feed",
    "feed_atom": "articles:feed-atom",
    "feeds": "articles:feeds",
    "login": "members:login",
    "logout": "members:logout",
    "member_home": "members:home",
    "schools": "members:school-list",
    "request_access": "members:request-access",
}


@functools.cache
def site_urls() -> dict[str, str]:
    """Worked out once per process: they depend only on the URLconf."""
    return {name: reverse(route) for name, route in SITE_ROUTES.items()}


def site(request):
    """Give every template the network's name and the site's fixed addresses."""
    return {"site_name": settings.SITE_NAME, "site_urls": site_urls()}
