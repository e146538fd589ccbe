"""The member area's list of member-only updates.

The member area (``members.views.home``) belongs to the members app, which
must not import the news; its template asks for this tag by name instead.
"""

from django import template
from django.core.paginator import InvalidPage
from django.http import Http404

from articles import counts
from articles.cachekeys import NEWS
from articles.models import Story, Visibility
from articles.pagination import ArchivePaginator

UPDATES_PER_PAGE = 12

register = template.Library()


@register.inclusion_tag("articles/_member_updates.html", takes_context=True)
def member_updates(context):
    """A page (``?page=``) of the live member-only stories the viewer may read."""
    request = context["request"]
    updates = ArchivePaginator(
        Story.objects.member_updates(request.user).cards(),
        UPDATES_PER_PAGE,
        count=lambda: counts.live_count(NEWS, [Visibility.MEMBERS]),
    )
    try:
        page = updates.page(request.GET.get("page") or 1)
    except InvalidPage as error:
        raise Http404("No such page.") from error
    return {
        "page_obj": page,
        "stories": page.object_list,
        "paginator": updates,
        "is_paginated": updates.num_pages > 1,
    }
