import re

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import AdminUserCreationForm, AuthenticationForm
from django.template.loader import render_to_string

from jobs.mail import send_later
from members import throttling
from members.models import School, User


class SlowedDownLogIn:
    """Waits before checking the password when this address has failed for many
    accounts (members.throttling); the right password still gets in."""

    def clean(self):
        throttling.slow_down(self.request)
        return super().clean()


class LoginForm(SlowedDownLogIn, AuthenticationForm):
    username = forms.EmailField(
        label="Email address",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )


class StaffLoginForm(SlowedDownLogIn, AdminAuthenticationForm):
    """The admin's log-in, slowed down the same way."""


# Anything in a name that a mail client would turn into a link, or markup.
NOT_A_NAME = re.compile(r"://|www\.|@|[<>]|\.[a-z]{2,}(/|$)", re.IGNORECASE)


def name_only(value: str) -> str:
    """A person's name goes into the email we send them: refuse links and markup."""
    if NOT_A_NAME.search(value):
        raise forms.ValidationError("Write just your name here, with no web or email address.")
    return value


class RequestAccessForm(forms.Form):
    first_name = forms.CharField(
        max_length=60,
        validators=[name_only],
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        max_length=60,
        validators=[name_only],
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    email = forms.EmailField(
        label="Work email address",
        help_text="Use your school address if you have one: requests from it are approved sooner.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    school = forms.ModelChoiceField(
        queryset=School.objects.current_members(),
        empty_label="Choose your school",
        help_text="Only member schools are listed.",
    )
    job_title = forms.CharField(
        max_length=150, widget=forms.TextInput(attrs={"autocomplete": "organization-title"})
    )


class AccountForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "job_title"]


class InviteForm(forms.Form):
    email = forms.EmailField()
    first_name = forms.CharField(max_length=150)
    last_name = forms.CharField(max_length=150)
    school = forms.ModelChoiceField(
        queryset=School.objects.all(),
        required=False,
        help_text="Leave empty for network staff (give them staff status afterwards).",
    )
    job_title = forms.CharField(max_length=150, required=False)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("Someone already has an account with this email address.")
        return email


class UserCreationForm(AdminUserCreationForm):
    class Meta(AdminUserCreationForm.Meta):
        model = User
        fields = ["email"]


class UserChangeForm(auth_forms.UserChangeForm):
    class Meta(auth_forms.UserChangeForm.Meta):
        model = User
        fields = "__all__"


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's form, with its email sent by the worker rather than in the request."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        if not throttling.first_email_this_hour("password-reset", to_email):
            return  # one a hour at most, however often the form is posted
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        send_later(
            subject=subject, body=render_to_string(email_template_name, context), to=[to_email]
        )


class SchoolImportForm(forms.Form):
    """A GIAS establishment file to check, then import (``members.admin``)."""

    file = forms.FileField(
        label="GIAS file",
        help_text="The establishment CSV (edubasealldata…csv) downloaded from Get "
        "Information about Schools: get-information-schools.service.gov.uk/Downloads, "
        "“Establishment fields”.",
    )
    region = forms.CharField(
        required=False,
        max_length=100,
        help_text="Import only this region, as in the file's “GOR (name)” column, e.g. "
        "“North East”. Leave empty for every row.",
    )
    encoding = forms.ChoiceField(
        choices=[
            ("cp1252", "Windows-1252 (as GIAS publishes it)"),
            ("utf-8-sig", "UTF-8 (saved again from Excel as “CSV UTF-8”)"),
        ]
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > SCHOOL_FILE_MAX_BYTES:
            raise forms.ValidationError(
                f"This file is {upload.size / 1_000_000:.0f} MB; the GIAS file is about 60 MB, "
                f"and at most {SCHOOL_FILE_MAX_BYTES // 1_000_000} MB is accepted."
            )
        return upload


SCHOOL_FILE_MAX_BYTES = 200_000_000
