from django.conf import settings


def site(request):
    """Give every template the network's name."""
    return {"site_name": settings.SITE_NAME}
