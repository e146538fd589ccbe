"""The page admin's history: every version, a comparison of any two, and restore
(the story admin's, ``articles.admin_history``, for pages)."""

import reversion
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from articles.publishing import uk_time
from pages import revisions
from pages.models import Page


class PageHistoryMixin:
    """Keeps a version at every save and gives the "History" button its pages."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method != "POST":
            return super().changeform_view(request, object_id, form_url, extra_context)
        with reversion.create_revision():
            reversion.set_user(request.user)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def history_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/history/compare/",
                view(self.compare_view),
                name="pages_page_compare",
            ),
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                view(require_POST(self.restore_view)),
                name="pages_page_restore",
            ),
        ]

    def _page_or_404(self, request, object_id) -> Page:
        page = self.get_object(request, unquote(object_id))
        if page is None or not self.has_view_permission(request, page):
            raise Http404("No such page.")
        return page

    def _context(self, request, page, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "title": title,
            "subtitle": None,
            "opts": self.opts,
            "original": page,
            "can_restore": self.has_change_permission(request, page),
            **extra,
        }

    def history_view(self, request, object_id, extra_context=None):
        """Every version of the page, newest first, to compare or restore."""
        page = self._page_or_404(request, object_id)
        context = self._context(
            request,
            page,
            f"History of “{page.title}”",
            versions=list(revisions.versions_of(page)),
        )
        return TemplateResponse(request, "admin/pages/page/history.html", context)

    def compare_view(self, request, object_id):
        """What changed between two versions, field by field, word by word."""
        page = self._page_or_404(request, object_id)
        chosen = [request.GET.get("older"), request.GET.get("newer")]
        if not all(v and v.isdigit() for v in chosen):
            messages.error(request, "Choose two versions to compare.")
            return HttpResponseRedirect(reverse("admin:pages_page_history", args=[page.pk]))
        found = {
            v.pk: v for v in revisions.versions_of(page).filter(pk__in=[int(v) for v in chosen])
        }
        if len(found) != len(set(chosen)):
            raise Http404("No such version of this page.")
        older, newer = sorted(
            (found[int(v)] for v in chosen), key=lambda v: (v.revision.date_created, v.pk)
        )
        changes, same = revisions.compare(revisions.snapshot(older), revisions.snapshot(newer))
        context = self._context(
            request,
            page,
            f"Compare versions of “{page.title}”",
            older=older,
            newer=newer,
            changes=changes,
            same=same,
        )
        return TemplateResponse(request, "admin/pages/page/compare.html", context)

    def restore_view(self, request, object_id, version_id):
        """Make the chosen version's words the page's current ones, as a new version."""
        page = self._page_or_404(request, object_id)
        if not self.has_change_permission(request, page):
            raise PermissionDenied
        version = get_object_or_404(revisions.versions_of(page), pk=version_id)
        revisions.restore(page=page, version=version, user=request.user)
        messages.success(
            request,
            f"Restored the version of {uk_time(version.revision.date_created, year=True)}: it "
            "is now the current version, and the one it replaced is kept in the history.",
        )
        return HttpResponseRedirect(reverse("admin:pages_page_change", args=[page.pk]))
