from django.conf import settings
from django.middleware.csp import get_nonce
from django.utils.csp import CSP, build_policy


class AdminContentSecurityPolicy:
    """The admin's policy: the rich-text editor declares its modules in an inline
    import map, which runs by this request's nonce (Django's admin templates and
    django-js-asset put it on every script tag); no other inline script runs.

    Styles stay 'unsafe-inline': the admin and its widgets set style attributes.
    The admin is for signed-in staff only; every other page keeps the stricter
    policy in settings.SECURE_CSP. Placed after Django's CSP middleware, so its
    response hook runs first and Django leaves this header alone.
    """

    config = {
        "default-src": [CSP.SELF],
        "script-src": [CSP.SELF, CSP.NONCE],
        "style-src": [CSP.SELF, CSP.UNSAFE_INLINE, *settings.ASSET_HOSTS],
        "img-src": [CSP.SELF, "data:", "blob:", *settings.ASSET_HOSTS],
        # Frames were 'self' (default-src) and stay so; the staff preview of a
        # story (/admin/…/preview/) plays its videos as the public page does.
        "frame-src": [CSP.SELF, *settings.VIDEO_EMBED_HOSTS],
        "object-src": [CSP.NONE],
        "base-uri": [CSP.SELF],
        "form-action": [CSP.SELF],
        "frame-ancestors": [CSP.NONE],
    }

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            policy = build_policy(self.config, get_nonce(request))
            response.headers[str(CSP.HEADER_ENFORCE)] = policy
        return response
