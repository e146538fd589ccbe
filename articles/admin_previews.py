"""The story admin's shareable previews: make a link, see the live ones, revoke one."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from articles import previews


class StoryPreviewLinksMixin:
    def preview_link_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/preview-links/",
                view(require_POST(self.make_preview_link_view)),
                name="articles_story_make_preview_link",
            ),
            path(
                "<path:object_id>/preview-links/<int:link_id>/revoke/",
                view(require_POST(self.revoke_preview_link_view)),
                name="articles_story_revoke_preview_link",
            ),
        ]

    def preview_links_context(self, request, story) -> dict:
        """What the change form's "Share a preview" panel shows, if anything."""
        if story is None or story.is_live or not self.has_change_permission(request, story):
            return {}
        links = [
            (link, request.build_absolute_uri(previews.path(link)))
            for link in previews.active_for(story).select_related("created_by")
        ]
        return {
            "preview_links": links,
            "preview_links_shown": True,
            "preview_default_days": previews.DEFAULT_DAYS,
            "preview_max_days": previews.MAX_DAYS,
        }

    def _story_for_preview_links(self, request, object_id):
        story = self.get_object(request, unquote(object_id))
        if story is None:
            raise Http404("No such story.")
        if not self.has_change_permission(request, story):
            raise PermissionDenied
        return story

    def make_preview_link_view(self, request, object_id):
        story = self._story_for_preview_links(request, object_id)
        change_url = reverse("admin:articles_story_change", args=[story.pk])
        if story.is_live:
            messages.error(request, "The story is live: share its address instead.")
            return HttpResponseRedirect(change_url)
        try:
            days = int(request.POST.get("days") or previews.DEFAULT_DAYS)
            link = previews.make(story=story, created_by=request.user, days=days)
        except ValueError:
            messages.error(
                request, f"A preview link lasts from 1 to {previews.MAX_DAYS} days: none was made."
            )
            return HttpResponseRedirect(change_url)
        messages.success(
            request,
            f"Preview link made, valid for {days} day{'s' if days != 1 else ''}: "
            f"{request.build_absolute_uri(previews.path(link))}",
        )
        return HttpResponseRedirect(change_url + "#preview-links")

    def revoke_preview_link_view(self, request, object_id, link_id):
        story = self._story_for_preview_links(request, object_id)
        link = get_object_or_404(story.preview_links, pk=link_id)
        previews.revoke(link)
        messages.success(request, "Preview link revoked: it no longer opens the story.")
        return HttpResponseRedirect(
            reverse("admin:articles_story_change", args=[story.pk]) + "#preview-links"
        )
