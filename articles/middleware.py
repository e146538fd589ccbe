from django.http import HttpResponseGone, HttpResponsePermanentRedirect
from django.template.loader import render_to_string

from articles.models import Redirect

WORDPRESS_QUERIES = {"p", "page_id"}


class RedirectFallbackMiddleware:
    """Where an address would answer 404, answer an editor's or an old slug's
    redirect instead: 301 to where it went, or 410 when its page is gone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # WordPress's own short addresses (/?p=123, /?page_id=7) are the front
        # page's address to us, which never answers 404: look them up first.
        if request.path == "/" and WORDPRESS_QUERIES & request.GET.keys():
            if (redirect := self._redirect(request)) is not None:
                return redirect
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        return self._redirect(request) or response

    def _redirect(self, request):
        paths = {request.get_full_path(), request.path}
        redirect = (
            Redirect.objects.filter(old_path__in=paths)
            .select_related("story")
            .order_by("-old_path")  # the full path, query and all, before the bare one
            .first()
        )
        if redirect is None or (redirect.story and not redirect.story.is_live):
            return None
        if redirect.target:
            return HttpResponsePermanentRedirect(redirect.target)
        return HttpResponseGone(render_to_string("410.html", request=request))
