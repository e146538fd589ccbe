"""Story cards: a story without a picture shows its section's colour and the
network's mark in the picture's place."""

import re

import pytest
from django.urls import reverse

from articles.templatetags.cards import SWATCHES, swatch

pytestmark = pytest.mark.django_db


def cards(html: str) -> dict[str, str]:
    """Each card's HTML by the title it links to."""
    found = re.findall(r'<article class="card[^"]*">.*?</article>', html, re.S)
    return {re.search(r'class="card__title"><a [^>]*>([^<]+)</a>', c).group(1): c for c in found}


def placeholder_class(card: str) -> str | None:
    found = re.search(r'<div class="card__placeholder (card__placeholder--swatch-\d+)"', card)
    return found.group(1) if found else None


def test_a_story_without_a_picture_gets_its_section_s_placeholder(
    client, story_factory, image_factory, section
):
    story_factory(title="No picture NOPIC-4c1e")
    story_factory(title="With a picture PIC-9d3a", hero=image_factory())

    shown = cards(client.get(reverse("articles:story-list")).content.decode())

    plain, pictured = shown["No picture NOPIC-4c1e"], shown["With a picture PIC-9d3a"]
    assert placeholder_class(plain) == f"card__placeholder--swatch-{swatch(section)}"
    assert 'aria-hidden="true"><img src="/static/img/logo' in plain
    assert 'alt="" width="64" height="64">' in plain
    assert 'class="card__image"' not in plain
    assert placeholder_class(pictured) is None
    assert 'class="card__image"' in pictured


def test_each_section_keeps_one_colour_and_neighbours_differ(
    client, story_factory, section, other_section
):
    story_factory(title="First network story", section=section)
    story_factory(title="Second network story", section=section)
    story_factory(title="A policy story", section=other_section)

    shown = cards(client.get(reverse("articles:home")).content.decode())
    listed = cards(client.get(reverse("articles:story-list")).content.decode())

    network = placeholder_class(shown["First network story"])
    assert placeholder_class(shown["Second network story"]) == network
    assert placeholder_class(listed["First network story"]) == network
    assert placeholder_class(shown["A policy story"]) != network


def test_the_lead_card_without_a_picture_gets_a_placeholder_too(client, story_factory, section):
    story_factory(title="The featured lead LEAD-2b7c", featured=True)

    shown = cards(client.get(reverse("articles:home")).content.decode())

    lead = shown["The featured lead LEAD-2b7c"]
    assert lead.startswith('<article class="card card--lead">')
    assert placeholder_class(lead) == f"card__placeholder--swatch-{swatch(section)}"


def test_swatches_run_through_the_stylesheet_s_colours(section):
    assert {swatch(type(section)(pk=pk)) for pk in range(1, 2 * SWATCHES)} == set(
        range(1, SWATCHES + 1)
    )
