"""Story cards, rendered once per generation and reused by every list that shows them.

A card shows only the story (never the reader), so its HTML is kept under
the page cache's generation, like the story page's fragments: an edit,
publish or retag moves the generation on and every card is rendered afresh.
A list's cards come back in one round trip.
"""

from django import template
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from articles import pagecache

register = template.Library()


@register.simple_tag
def story_cards(stories, heading_level=2, is_lead=False) -> SafeString:
    """The cards of ``stories``, in order, with titles at ``heading_level``."""
    stories = list(stories)
    current = pagecache.generation()
    keys = [f"pages:card:{current}:{story.pk}:{heading_level}:{int(is_lead)}" for story in stories]
    found = cache.get_many(keys)
    cards, fresh = [], {}
    for key, story in zip(keys, stories, strict=True):
        card = found.get(key)
        if card is None:
            card = fresh[key] = render_to_string(
                "articles/_card.html",
                {"story": story, "heading_level": heading_level, "is_lead": is_lead},
            )
        cards.append(card)
    if fresh and (timeout := pagecache.fragment_seconds()) > 0:
        cache.set_many(fresh, timeout)
    return mark_safe("".join(cards))  # each card is a rendered, escaped template


@register.simple_tag
def story_card(story, heading_level=2, is_lead=False) -> SafeString:
    """One story's card (see ``story_cards``)."""
    return story_cards([story], heading_level=heading_level, is_lead=is_lead)
