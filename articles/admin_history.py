"""An admin's history: every version, a comparison of any two, and restore.

Stories use it, and pages (``pages.admin``): each admin names its model's
revision helpers and says what restoring brings back.
"""

from types import ModuleType

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


class VersionHistoryMixin:
    """Keeps a version at every save and gives the "History" button its pages."""

    # The model's revision helpers: ``versions_of(obj)``, ``snapshot(version)``
    # and ``compare(older, newer)`` (``articles.revisions``, ``pages.revisions``).
    revisions: ModuleType
    # What restoring brings back and what it leaves alone, for the history page.
    restore_note: str

    def restore_version(self, request, obj, version) -> list[str]:
        """Make ``version`` the object's current one, as a new version; return
        notes on what could not come back."""
        raise NotImplementedError

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method != "POST":
            return super().changeform_view(request, object_id, form_url, extra_context)
        with reversion.create_revision():
            reversion.set_user(request.user)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Again now that the related rows (a story's tags and picks) are saved:
        # the version holds them.
        reversion.add_to_revision(form.instance)

    def history_urls(self):
        view = self.admin_site.admin_view
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "<path:object_id>/history/compare/",
                view(self.compare_view),
                name=f"{prefix}_compare",
            ),
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                view(require_POST(self.restore_view)),
                name=f"{prefix}_restore",
            ),
        ]

    def _admin_url(self, name, obj) -> str:
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_{name}", args=[obj.pk])

    def _object_or_404(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_permission(request, obj):
            raise Http404(f"No such {self.opts.verbose_name}.")
        return obj

    def _context(self, request, obj, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "title": title,
            "subtitle": None,
            "opts": self.opts,
            "original": obj,
            "can_restore": self.has_change_permission(request, obj),
            **extra,
        }

    def history_view(self, request, object_id, extra_context=None):
        """Every version, newest first, to compare or restore."""
        obj = self._object_or_404(request, object_id)
        context = self._context(
            request,
            obj,
            f"History of “{obj.title}”",
            versions=list(self.revisions.versions_of(obj)),
            restore_note=self.restore_note,
        )
        return TemplateResponse(request, "admin/versions/history.html", context)

    def compare_view(self, request, object_id):
        """What changed between two versions, field by field, word by word."""
        obj = self._object_or_404(request, object_id)
        chosen = [request.GET.get("older"), request.GET.get("newer")]
        if not all(v and v.isdigit() for v in chosen):
            messages.error(request, "Choose two versions to compare.")
            return HttpResponseRedirect(self._admin_url("history", obj))
        versions = self.revisions.versions_of(obj).filter(pk__in=[int(v) for v in chosen])
        found = {v.pk: v for v in versions}
        if len(found) != len(set(chosen)):
            raise Http404(f"No such version of this {self.opts.verbose_name}.")
        older, newer = sorted(
            (found[int(v)] for v in chosen), key=lambda v: (v.revision.date_created, v.pk)
        )
        snapshot = self.revisions.snapshot
        changes, same = self.revisions.compare(snapshot(older), snapshot(newer))
        context = self._context(
            request,
            obj,
            f"Compare versions of “{obj.title}”",
            older=older,
            newer=newer,
            changes=changes,
            same=same,
        )
        return TemplateResponse(request, "admin/versions/compare.html", context)

    def restore_view(self, request, object_id, version_id):
        """Make the chosen version the current one, as a new version."""
        obj = self._object_or_404(request, object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        version = get_object_or_404(self.revisions.versions_of(obj), pk=version_id)
        notes = self.restore_version(request, obj, version)
        when = uk_time(version.revision.date_created, year=True)
        messages.success(
            request,
            f"Restored the version of {when}: it is now the current version, and the one it "
            "replaced is kept in the history.",
        )
        for note in notes:
            messages.warning(request, note)
        return HttpResponseRedirect(self._admin_url("change", obj))
