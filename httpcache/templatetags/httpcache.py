from django import template

from httpcache import purges

register = template.Library()


@register.inclusion_tag("admin/_purge_notice.html")
def purge_notice():
    """Tell staff when readers may still see an earlier version of a page."""
    return {"pending": purges.pending_summary()}
