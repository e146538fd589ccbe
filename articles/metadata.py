"""What search engines and social sites read: JSON-LD NewsArticle data for a story.

A member-only story's teaser says ``isAccessibleForFree: false`` and carries
nothing beyond its title and standfirst; the body never goes into metadata.
"""

import json

from django.conf import settings
from django.templatetags.static import static
from django.utils.safestring import SafeString, mark_safe

# As django.utils.html.json_script does: nothing in the data can close the tag.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data: dict) -> SafeString:
    """A <script type="application/ld+json"> element that no data can break out of."""
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308


def story_json_ld(story, request, *, teaser: bool = False) -> SafeString:
    """NewsArticle data for a live story; for a teaser, only what the teaser shows."""
    url = request.build_absolute_uri(story.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": url,
        "url": url,
        "headline": story.title[:110],
        "description": story.standfirst,
        "datePublished": story.published_at.isoformat(),
        "dateModified": story.modified_at.isoformat(),
        "articleSection": story.section.name,
        "publisher": {
            "@type": "Organization",
            "name": settings.SITE_NAME,
            "logo": {
                "@type": "ImageObject",
                "url": request.build_absolute_uri(static("img/logo-512.png")),
                "width": 512,
                "height": 512,
            },
        },
        "isAccessibleForFree": not (teaser or story.is_members_only),
    }
    if teaser:
        return json_ld(data)  # the teaser's own text, nothing more
    data["keywords"] = sorted(tag.name for tag in story.tags.all())
    data["author"] = (
        {"@type": "Person", "name": story.byline}
        if story.byline
        else {"@type": "Organization", "name": settings.SITE_NAME}
    )
    if social := story.social_image:
        data["image"] = [request.build_absolute_uri(social["url"])]
    return json_ld(data)
