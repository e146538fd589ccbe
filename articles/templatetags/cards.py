"""``{{ story.section|swatch }}``: the colour a section's cards wear when a story has
no picture (``card__placeholder--swatch-N`` in ``static/css/site.css``).

Derived from the section's id rather than stored: editors have nothing to pick, a
renamed section keeps its colour, and neighbouring sections (consecutive ids) differ.
"""

from django import template

register = template.Library()

SWATCHES = 6  # as many as the stylesheet defines


@register.filter
def swatch(section) -> int:
    """1 to ``SWATCHES``, fixed by the section's id."""
    return section.pk % SWATCHES + 1
