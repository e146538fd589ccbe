"""Writes that span several steps: inviting people, deciding access requests,
importing schools from the admin."""

import secrets

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.core.files.storage import storages
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from jobs.mail import send_later
from members import throttling
from members.importers import InvalidFile, decode_lines, import_schools
from members.models import AccessRequest, School, SchoolImport, User

CONFIRMATION_SALT = "members.access-request.confirm"
CONFIRMATION_MAX_AGE = 3 * 24 * 3600


class AccessRequestError(Exception):
    """A request cannot take this step; the message says why."""


def email_domain_matches(email: str, school: School) -> bool:
    """Return whether ``email`` is at the school's domain (or a subdomain of it)."""
    domain = school.email_domain.strip().lower().lstrip("@")
    if not domain:
        return False
    host = email.rsplit("@", 1)[-1].lower()
    return host == domain or host.endswith("." + domain)


def set_password_url(user: User) -> str:
    """An absolute, single-use link where ``user`` chooses a password."""
    path = reverse(
        "members:set-password",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return settings.SITE_URL + path


def _send(template: str, to: str, context: dict) -> None:
    context = {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL} | context
    subject = render_to_string(f"members/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"members/email/{template}.txt", context)
    send_later(subject=subject, body=body, to=[to])


@transaction.atomic
def member_invite(
    *,
    email: str,
    first_name: str,
    last_name: str,
    school: School | None,
    job_title: str = "",
    invited_by: User,
) -> User:
    """Create an account for a person and email them a link to choose a password."""
    user = User(
        email=email.strip().lower(),
        first_name=first_name,
        last_name=last_name,
        school=school,
        job_title=job_title,
    )
    user.set_unusable_password()
    user.full_clean()
    user.save()
    _send(
        "invitation",
        user.email,
        {"user": user, "invited_by": invited_by, "link": set_password_url(user)},
    )
    return user


@transaction.atomic
def access_request_submit(
    *, first_name: str, last_name: str, email: str, school: School, job_title: str
) -> AccessRequest | None:
    """Record a request and email a confirmation link; a repeat resends the link.

    The answer is the same whether or not the address already has an account
    or a pending request, so the form tells no one who is registered.
    """
    email = email.strip().lower()
    # At most one email an hour to an address, whatever is posted: the form
    # cannot be used to flood someone's inbox. The page says the same either way.
    may_email = throttling.first_email_this_hour("request-access", email)
    if User.objects.filter(email__iexact=email).exists():
        if not may_email:
            return None
        _send(
            "already_registered", email, {"login_url": settings.SITE_URL + reverse("members:login")}
        )
        return None
    pending = AccessRequest.objects.filter(email=email, status=AccessRequest.Status.PENDING).first()
    if pending is None:
        pending = AccessRequest(
            first_name=first_name,
            last_name=last_name,
            email=email,
            school=school,
            job_title=job_title,
            domain_matches=email_domain_matches(email, school),
        )
        pending.full_clean(validate_constraints=False)
        try:
            with transaction.atomic():
                pending.save()
        except IntegrityError:
            # The same address, asked for at the same moment: one request stands.
            pending = AccessRequest.objects.get(email=email, status=AccessRequest.Status.PENDING)
    if may_email:
        token = signing.dumps(pending.pk, salt=CONFIRMATION_SALT)
        link = settings.SITE_URL + reverse("members:confirm-email", kwargs={"token": token})
        _send("confirm_email", email, {"access_request": pending, "link": link})
    return pending


def access_request_confirm(*, token: str) -> AccessRequest:
    """Mark the request's email as confirmed from the link we sent."""
    try:
        pk = signing.loads(token, salt=CONFIRMATION_SALT, max_age=CONFIRMATION_MAX_AGE)
    except signing.SignatureExpired as error:
        raise AccessRequestError("This confirmation link has expired. Please ask again.") from error
    except signing.BadSignature as error:
        raise AccessRequestError("This confirmation link is not valid.") from error
    access_request = AccessRequest.objects.filter(pk=pk).first()
    if access_request is None:
        raise AccessRequestError("This confirmation link is not valid.")
    if access_request.email_confirmed_at is None:
        access_request.email_confirmed_at = timezone.now()
        access_request.save(update_fields=["email_confirmed_at"])
    return access_request


@transaction.atomic
def access_request_approve(*, access_request: AccessRequest, decided_by: User) -> User:
    """Give the person member access at their school and email them how to log in.

    An address that already has an account (invited since, say) is linked to the
    school rather than given a second one. One request, one transaction, one email.
    """
    access_request = AccessRequest.objects.select_for_update().get(pk=access_request.pk)
    _check_decidable(access_request)
    user = User.objects.filter(email__iexact=access_request.email).first()
    if user is None:
        user = User(
            email=access_request.email,
            first_name=access_request.first_name,
            last_name=access_request.last_name,
            job_title=access_request.job_title,
        )
        user.set_unusable_password()
    user.school = access_request.school
    user.full_clean()
    user.save()
    _decide(access_request, AccessRequest.Status.APPROVED, decided_by, user=user)
    link = (
        settings.SITE_URL + reverse("members:login")
        if user.has_usable_password()
        else set_password_url(user)
    )
    _send("approved", user.email, {"user": user, "link": link})
    return user


@transaction.atomic
def access_request_reject(*, access_request: AccessRequest, decided_by: User) -> None:
    """Turn the request down and tell the person."""
    _check_decidable(access_request)
    _decide(access_request, AccessRequest.Status.REJECTED, decided_by)
    _send("rejected", access_request.email, {"access_request": access_request})


def _check_decidable(access_request: AccessRequest) -> None:
    if access_request.status != AccessRequest.Status.PENDING:
        raise AccessRequestError(f"{access_request} has already been decided.")
    if not access_request.email_confirmed:
        raise AccessRequestError(f"{access_request.email} has not confirmed their email yet.")


def _decide(access_request, status, decided_by, user=None) -> None:
    access_request.status = status
    access_request.decided_by = decided_by
    access_request.decided_at = timezone.now()
    access_request.user = user
    access_request.save()


def school_import_check(*, upload, region: str, encoding: str, uploaded_by: User) -> SchoolImport:
    """Keep an uploaded GIAS file and check it (a dry run): what importing would do.

    Raises ``InvalidFile`` (nothing kept) when the file can't be imported at all.
    """
    storage = storages["protected"]
    name = storage.save(f"school-imports/{secrets.token_urlsafe(16)}.csv", upload)
    try:
        with storage.open(name, "rb") as stream:
            report = import_schools(
                lines=decode_lines(stream, encoding=encoding), region=region or None, dry_run=True
            )
    except InvalidFile:
        storage.delete(name)
        raise
    return SchoolImport.objects.create(
        file=name,
        original_name=upload.name[:255],
        region=region,
        encoding=encoding,
        uploaded_by=uploaded_by,
        dry_run=report.as_dict(),
    )


def school_import_apply(*, school_import: SchoolImport) -> None:
    """Queue the import of a checked file (``members.tasks.apply_school_import``)."""
    from members.tasks import apply_school_import

    with transaction.atomic():
        updated = SchoolImport.objects.filter(
            pk=school_import.pk, status=SchoolImport.Status.CHECKED
        ).update(status=SchoolImport.Status.QUEUED)
        if updated:  # not already queued by a second press of the button
            transaction.on_commit(lambda: apply_school_import.enqueue(school_import.pk))
