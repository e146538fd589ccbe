"""``{{ body|embed_videos }}``: video links in a sanitised body as click-to-play
placeholders (see articles.videos). For pages read in a browser only: an email
keeps the plain link.

Most templates want ``{% include "articles/_prose.html" with html=… %}``, which
also loads the script that makes the placeholders play in place.
"""

from django import template

from articles import videos

register = template.Library()


@register.filter(is_safe=True)
def embed_videos(html):
    """Sanitised body HTML, with paragraphs that are only a video link as placeholders."""
    return videos.embed_videos(html)
