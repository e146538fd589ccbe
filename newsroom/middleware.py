from django.utils.csp import CSP, build_policy


class AdminContentSecurityPolicy:
    """Let the admin's rich-text editor load: it declares its modules in an inline import map.

    The admin is for signed-in staff only; every other page keeps the strict
    policy in settings.SECURE_CSP. Placed after Django's CSP middleware, so
    its response hook runs first and Django leaves this header alone.
    """

    policy = build_policy(
        {
            "default-src": [CSP.SELF],
            "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
            "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
            "img-src": [CSP.SELF, "data:", "blob:"],
            "object-src": [CSP.NONE],
            "base-uri": [CSP.SELF],
            "form-action": [CSP.SELF],
            "frame-ancestors": [CSP.NONE],
        }
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            response.headers[str(CSP.HEADER_ENFORCE)] = self.policy
        return response
