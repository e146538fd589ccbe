import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from articles.cachekeys import story_key
from httpcache import pages
from newsletter import subscriptions
from newsletter.editions import email_from_token, stories_for
from newsletter.models import Issue


class SubscribeForm(forms.Form):
    email = forms.EmailField(label="Your email address", max_length=254)


def index(request):
    """The Weekly Update: what it is, the sign-up form, and the issues sent so far."""
    issues = Issue.objects.filter(status=Issue.Status.SENT)[:26]
    return render(request, "newsletter/index.html", {"issues": issues, "form": SubscribeForm()})


def issue(request, week_of):
    """A sent issue on the web: member-only stories for members, no trace of them otherwise."""
    try:
        day = datetime.date.fromisoformat(week_of)
    except ValueError as error:
        raise Http404("No such issue.") from error
    sent = get_object_or_404(Issue, week_of=day, status=Issue.Status.SENT)
    stories = stories_for(sent, request.user)
    pages.tag(request, *(story_key(story.pk) for story in stories))
    return render(request, "newsletter/issue.html", {"issue": sent, "stories": stories})


@never_cache
def subscribe(request):
    form = SubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        subscriptions.subscribe(email=form.cleaned_data["email"])
        return redirect("newsletter:subscribe-sent")
    return render(request, "newsletter/subscribe.html", {"form": form})


def subscribe_sent(request):
    return render(request, "newsletter/subscribe_sent.html")


@never_cache
def confirm(request, token):
    """A button to press, not a link that acts: mail scanners follow links."""
    email = subscriptions.email_to_confirm(token)
    if email is None:
        return render(request, "newsletter/link_ended.html", status=410)
    if request.method == "POST":
        subscriptions.confirm(email=email)
        return render(request, "newsletter/confirmed.html", {"email": email})
    return render(request, "newsletter/confirm.html", {"email": email})


@csrf_exempt  # RFC 8058 one-click: the mail client POSTs with no form; the signed token authorises
def unsubscribe(request, token):
    email = email_from_token(token)
    if email is None:
        response = render(request, "newsletter/link_ended.html", status=410)
    elif request.method == "POST":
        subscriptions.unsubscribe(email=email)
        response = render(request, "newsletter/unsubscribed.html", {"email": email})
    else:
        response = render(request, "newsletter/unsubscribe.html", {"email": email})
    add_never_cache_headers(response)
    return response


@never_cache
@login_required
@require_POST
def member_preference(request):
    """A signed-in person turns the Weekly Update off or on for themselves."""
    if request.POST.get("receive") == "no":
        subscriptions.unsubscribe(email=request.user.email)
        messages.success(request, "You will not receive the Weekly Update.")
    else:
        subscriptions.resubscribe(email=request.user.email)
        messages.success(request, "You will receive the Weekly Update each week.")
    return redirect("members:home")
