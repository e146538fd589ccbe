from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from members import views

app_name = "members"

urlpatterns = [
    path("members/", views.home, name="home"),
    path("members/login/", views.LoginView.as_view(), name="login"),
    path("members/logout/", views.LogoutView.as_view(), name="logout"),
    path("members/logged-out/", views.logged_out, name="logged-out"),
    path("members/account/", views.account, name="account"),
    path(
        "members/account/password/",
        auth_views.PasswordChangeView.as_view(
            template_name="members/password_change.html",
            success_url=reverse_lazy("members:password-change-done"),
        ),
        name="password-change",
    ),
    path(
        "members/account/password/done/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="members/password_change_done.html"
        ),
        name="password-change-done",
    ),
    path(
        "members/password-reset/",
        views.PasswordResetView.as_view(),
        name="password-reset",
    ),
    path(
        "members/password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="members/password_reset_sent.html"),
        name="password-reset-done",
    ),
    path(
        "members/password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path(
        "members/password-reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="members/password_reset_complete.html"
        ),
        name="password-reset-complete",
    ),
    path("members/welcome/<uidb64>/<token>/", views.SetPasswordView.as_view(), name="set-password"),
    path("members/request-access/", views.RequestAccessView.as_view(), name="request-access"),
    path("members/request-access/sent/", views.request_access_sent, name="request-access-sent"),
    path("members/confirm/<str:token>/", views.confirm_email, name="confirm-email"),
    path("schools/", views.SchoolDirectoryView.as_view(), name="school-list"),
]
