"""The story admin's history: every version, a comparison of any two, and restore."""

import reversion
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from articles import revisions
from articles.models import Story


class StoryHistoryMixin:
    """Keeps a version at every save and gives the "History" button its pages."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method != "POST":
            return super().changeform_view(request, object_id, form_url, extra_context)
        with reversion.create_revision():
            reversion.set_user(request.user)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Again now that the tags and picks are saved: the version holds them.
        reversion.add_to_revision(form.instance)

    def history_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/history/compare/",
                view(self.compare_view),
                name="articles_story_compare",
            ),
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                view(require_POST(self.restore_view)),
                name="articles_story_restore",
            ),
        ]

    def _story_or_404(self, request, object_id) -> Story:
        story = self.get_object(request, unquote(object_id))
        if story is None or not self.has_view_permission(request, story):
            raise Http404("No such story.")
        return story

    def history_view(self, request, object_id, extra_context=None):
        """Every version of the story, newest first, to compare or restore."""
        story = self._story_or_404(request, object_id)
        versions = list(revisions.versions_of(story))
        context = {
            **self.admin_site.each_context(request),
            "title": f"History of “{story.title}”",
            "subtitle": None,
            "opts": self.opts,
            "original": story,
            "versions": versions,
            "can_restore": self.has_change_permission(request, story),
        }
        return TemplateResponse(request, "admin/articles/story/history.html", context)

    def compare_view(self, request, object_id):
        """What changed between two versions, field by field, word by word."""
        story = self._story_or_404(request, object_id)
        versions = revisions.versions_of(story)
        chosen = [request.GET.get("older"), request.GET.get("newer")]
        if not all(v and v.isdigit() for v in chosen):
            messages.error(request, "Choose two versions to compare.")
            return HttpResponseRedirect(reverse("admin:articles_story_history", args=[story.pk]))
        found = {v.pk: v for v in versions.filter(pk__in=[int(v) for v in chosen])}
        if len(found) != len(set(chosen)):
            raise Http404("No such version of this story.")
        older, newer = sorted(
            (found[int(v)] for v in chosen), key=lambda v: (v.revision.date_created, v.pk)
        )
        changes, same = revisions.compare(revisions.snapshot(older), revisions.snapshot(newer))
        context = {
            **self.admin_site.each_context(request),
            "title": f"Compare versions of “{story.title}”",
            "subtitle": None,
            "opts": self.opts,
            "original": story,
            "older": older,
            "newer": newer,
            "changes": changes,
            "same": same,
            "can_restore": self.has_change_permission(request, story),
        }
        return TemplateResponse(request, "admin/articles/story/compare.html", context)

    def restore_view(self, request, object_id, version_id):
        """Make the chosen version the story's current one, as a new version."""
        story = self._story_or_404(request, object_id)
        if not self.has_change_permission(request, story):
            raise PermissionDenied
        version = get_object_or_404(revisions.versions_of(story), pk=version_id)
        notes = revisions.restore(story=story, version=version, user=request.user)
        when = revisions.uk_time(version.revision.date_created, year=True)
        messages.success(
            request,
            f"Restored the version of {when}: it is now the current version, and the one it "
            "replaced is kept in the history.",
        )
        for note in notes:
            messages.warning(request, note)
        return HttpResponseRedirect(reverse("admin:articles_story_change", args=[story.pk]))
