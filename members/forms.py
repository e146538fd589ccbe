from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import AdminUserCreationForm, AuthenticationForm
from django.template.loader import render_to_string

from jobs.mail import send_later
from members.models import School, User


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label="Email address",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )


class RequestAccessForm(forms.Form):
    first_name = forms.CharField(
        max_length=150, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        max_length=150, widget=forms.TextInput(attrs={"autocomplete": "family-name"})
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
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        send_later(
            subject=subject, body=render_to_string(email_template_name, context), to=[to_email]
        )
