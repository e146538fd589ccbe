"""``{{ body|library_figures }}``: library images in a sanitised body as responsive
``<picture>`` elements (see ``library.body.render``)."""

from django import template

from library import body

register = template.Library()


@register.filter(is_safe=True)
def library_figures(html):
    return body.render(html or "")
