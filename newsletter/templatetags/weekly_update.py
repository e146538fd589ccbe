from django import template

from newsletter.subscriptions import is_receiving

register = template.Library()


@register.inclusion_tag("newsletter/_member_preference.html", takes_context=True)
def weekly_update_preference(context):
    """A member's switch for the Weekly Update, on their member page."""
    user = context["request"].user
    return {"receiving": is_receiving(user.email), "csrf_token": context.get("csrf_token")}
