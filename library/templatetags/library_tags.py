"""``{{ body|library_figures }}``: library images in a sanitised body as responsive
``<picture>`` elements (see ``library.body.render``); ``{% image_caption image %}``:
an image's caption and credit, marked up as body figures have them."""

from django import template

from library import body

register = template.Library()


@register.filter(is_safe=True)
def library_figures(html):
    return body.render(html or "")


@register.simple_tag
def image_caption(image):
    """The inside of ``image``'s ``<figcaption>`` (empty when it has no caption or credit)."""
    return body.caption(image.caption, image.credit)
