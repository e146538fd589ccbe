from django.contrib.auth import views as auth_views

from members.forms import LoginForm


class LoginView(auth_views.LoginView):
    """Email and password; returns to the page that asked for a log-in."""

    form_class = LoginForm
    template_name = "members/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    """Log-out answers POST only (Django's LogoutView refuses GET)."""
