"""``{{ story.published_at|html_datetime }}``: a time for a ``datetime`` attribute.

Django's ``date:"c"`` writes microseconds (``12:44:03.214141+00:00``) and HTML
allows at most three digits of a second's fraction, so the Nu Html Checker
rejects every such ``<time>``. A reader needs no more than the second.
"""

import datetime

from django import template

register = template.Library()


@register.filter(expects_localtime=True)
def html_datetime(value: datetime.datetime | datetime.date | None) -> str:
    """ISO 8601 to the whole second, in the current time zone; a date as a date."""
    if isinstance(value, datetime.datetime):
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""
