from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, ListView

from httpcache import pages
from members import throttling
from members.forms import AccountForm, LoginForm, PasswordResetForm, RequestAccessForm
from members.membership import is_member
from members.models import School
from members.services import AccessRequestError, access_request_confirm, access_request_submit
from members.signals import SCHOOLS
from members.text import clean_text

SCHOOLS_PER_PAGE = 30
MAX_FILTER_LENGTH = 100
SET_PASSWORD_BACKEND = "django.contrib.auth.backends.ModelBackend"


class LoginView(auth_views.LoginView):
    """Email and password; returns to the page that asked for a log-in."""

    form_class = LoginForm
    template_name = "members/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    """Log-out answers POST only (Django's LogoutView refuses GET)."""


@never_cache
def logged_out(request):
    """Where log-out lands: it says the person is logged out, on no shared page."""
    return render(request, "members/logged_out.html")


@never_cache
@login_required
def home(request):
    """The member area: member-only updates (``{% member_updates %}``), the member's
    school, their account."""
    if not is_member(request.user):
        return render(request, "members/not_member.html", status=403)
    return render(request, "members/home.html", {"school": request.user.school})


@never_cache
@login_required
def account(request):
    """A person's own name and job title; the password has its own page."""
    form = AccountForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your details are saved.")
        return redirect("members:account")
    return render(request, "members/account.html", {"form": form})


@method_decorator(never_cache, name="dispatch")
class RequestAccessView(FormView):
    """The public form where staff of a member school ask to read member updates."""

    form_class = RequestAccessForm
    template_name = "members/request_access.html"
    success_url = reverse_lazy("members:request-access-sent")

    def form_valid(self, form):
        if throttling.client_over_limit(self.request, "request-access"):
            return too_many(self.request, form, self.template_name)
        access_request_submit(**form.cleaned_data)
        return super().form_valid(form)


def too_many(request, form, template_name):
    """The form again, with a clear message, answering 429."""
    form.add_error(
        None,
        "There have been too many requests from your network in the last hour. Please "
        "try again later.",
    )
    return render(request, template_name, {"form": form}, status=429)


class PasswordResetView(auth_views.PasswordResetView):
    """Django's, with a limit per client address (the form limits emails per address)."""

    form_class = PasswordResetForm
    template_name = "members/password_reset.html"
    email_template_name = "members/email/password_reset.txt"
    subject_template_name = "members/email/password_reset_subject.txt"
    success_url = reverse_lazy("members:password-reset-done")
    # The network's name, not the host name Django uses without the sites framework.
    extra_email_context = {"site_name": settings.SITE_NAME}

    def form_valid(self, form):
        if throttling.client_over_limit(self.request, "password-reset"):
            return too_many(self.request, form, self.template_name)
        return super().form_valid(form)


def request_access_sent(request):
    return render(request, "members/request_access_sent.html")


@never_cache
def confirm_email(request, token):
    """The link in the email shows a button; pressing it confirms.

    Mail scanners open links but do not press buttons, so only the person can
    confirm their address.
    """
    if request.method != "POST":
        return render(request, "members/confirm_email.html", {"token": token})
    try:
        access_request = access_request_confirm(token=token)
    except AccessRequestError as error:
        return render(request, "members/confirm_email.html", {"error": str(error)}, status=400)
    return render(request, "members/confirm_email.html", {"access_request": access_request})


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Choosing a new password also lifts a log-in lock-out on the account."""

    template_name = "members/set_password.html"
    success_url = reverse_lazy("members:password-reset-complete")

    def form_valid(self, form):
        axes_reset(username=form.user.email)
        return super().form_valid(form)


class SetPasswordView(PasswordResetConfirmView):
    """Where an invited or approved person chooses a password, then lands logged in."""

    post_reset_login = True
    post_reset_login_backend = SET_PASSWORD_BACKEND
    success_url = reverse_lazy("members:home")


class SchoolDirectoryView(ListView):
    """`/schools/`: current member schools, filtered by local authority and phase."""

    template_name = "members/school_list.html"
    context_object_name = "schools"
    paginate_by = SCHOOLS_PER_PAGE

    def param(self, name: str) -> str:
        return clean_text(self.request.GET.get(name, ""))[:MAX_FILTER_LENGTH]

    def get_queryset(self):
        pages.tag(self.request, SCHOOLS)
        pages.changes_at(self.request, School.objects.next_membership_change())
        schools = School.objects.current_members()
        if query := self.param("q"):
            schools = schools.filter(Q(name__icontains=query) | Q(postcode__istartswith=query))
        for field in ("local_authority", "phase"):
            if value := self.param(field):
                schools = schools.filter(**{field: value})
        return schools

    def get_context_data(self, **kwargs):
        members = School.objects.current_members()
        filters = self.request.GET.copy()
        filters.pop("page", None)
        return super().get_context_data(
            local_authorities=members.exclude(local_authority="")
            .order_by("local_authority")
            .values_list("local_authority", flat=True)
            .distinct(),
            phases=members.exclude(phase="")
            .order_by("phase")
            .values_list("phase", flat=True)
            .distinct(),
            query=self.param("q"),
            chosen_local_authority=self.param("local_authority"),
            chosen_phase=self.param("phase"),
            filter_query=filters.urlencode(),
            **kwargs,
        )
