"""Who may fetch a library file, decided by where it is used.

The apps that use library files (stories, pages) register a *provider*: given
a library model and ids, it says where each item is used, for whom and from
when (``Use``). From those uses:

* a reader may fetch a file when one of its uses is visible to them: a live
  public use for anyone (unless the file is marked members-only), a live use
  of any kind for members; staff may fetch every file. ``refresh`` keeps the
  earliest such times on the item (``public_from``, ``members_from``), and
  ``may_fetch`` compares them with now;
* a file is kept in the public storage (a fast static file) only while a live
  public use exists and it is not marked members-only; otherwise it is in
  the protected storage, reached through ``library.views.protected_file``,
  which asks ``may_fetch`` on every request.

``refresh`` moves files where they belong. It runs twice for every change
that may affect a file: inside the change's transaction, where it only ever
*protects* files (so nothing becomes private after its page has gone
private), and after commit, where it may also make files public. A use that
opens later (a scheduled story) queues a refresh for that time; until it
runs, the view serves the file to whoever may now see it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.apps import apps
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from httpcache.purges import purge_on_commit
from members.membership import is_member, is_staff

PUBLIC = "public"
MEMBERS = "members"


@dataclass(frozen=True)
class Use:
    """One place a library item is used."""

    label: str  # "Story: Sports day at Calder Vale"
    admin_url: str
    # Who may see the place: PUBLIC, MEMBERS, or None (staff only: a draft).
    audience: str | None
    # When that starts (a scheduled story's time); None with audience None.
    opens_at: datetime.datetime | None = None
    # Cached pages showing it, purged when the file's address changes.
    cache_key: str = ""


Provider = Callable[[type, list[int]], Iterable[tuple[int, Use]]]
_providers: list[Provider] = []


def register(provider: Provider) -> None:
    """Add a source of uses (called from an app's ``ready()``)."""
    if provider not in _providers:
        _providers.append(provider)


def uses(model: type, ids: Iterable[int]) -> dict[int, list[Use]]:
    """Where each of ``ids`` is used, by every registered provider."""
    ids = list(ids)
    found: dict[int, list[Use]] = {pk: [] for pk in ids}
    for provider in _providers:
        for pk, use in provider(model, ids):
            found.setdefault(pk, []).append(use)
    return found


def uses_of(item) -> list[Use]:
    return uses(type(item), [item.pk])[item.pk]


def opening_times(item, item_uses: list[Use]) -> tuple[datetime.datetime | None, ...]:
    """(public_from, members_from): since when anyone, and members, may fetch it."""
    public = [u.opens_at for u in item_uses if u.audience == PUBLIC and u.opens_at]
    live = [u.opens_at for u in item_uses if u.audience in (PUBLIC, MEMBERS) and u.opens_at]
    public_from = None if item.members_only or not public else min(public)
    return public_from, min(live) if live else None


def may_fetch(item, user, *, now: datetime.datetime | None = None) -> bool:
    """Whether ``user`` may fetch ``item``'s files now.

    Reads the opening times ``refresh`` keeps on the item from its uses (written
    in the very transaction that changes a use), so answering costs no query
    beyond the viewer's membership.
    """
    if is_staff(user):
        return True
    now = now or timezone.now()
    if item.public_from is not None and item.public_from <= now and not item.members_only:
        return True
    return item.members_from is not None and item.members_from <= now and is_member(user)


def refresh(model: type, ids: Iterable[int], *, protect_only: bool = False) -> None:
    """Record who may fetch each item and move its files where they belong.

    With ``protect_only`` (inside a change's transaction) files only ever move
    into the protected storage.
    """
    now = timezone.now()
    ids = sorted(set(ids))
    found = uses(model, ids)
    later = []
    with transaction.atomic():
        for item in model.objects.select_for_update().filter(pk__in=ids).order_by("pk"):
            public_from, members_from = opening_times(item, found.get(item.pk, []))
            public = public_from is not None and public_from <= now
            if public != item.stored_publicly and not (public and protect_only):
                _move(item, to_public=public)
            item.public_from, item.members_from = public_from, members_from
            model.objects.filter(pk=item.pk).update(
                public_from=public_from,
                members_from=members_from,
                stored_publicly=item.stored_publicly,
            )
            later += [t for t in (public_from, members_from) if t and t > now]
    if later and not protect_only and refresh_access.get_backend().supports_defer:
        transaction.on_commit(
            lambda: refresh_access.using(run_after=min(later)).enqueue(model._meta.label, ids)
        )


def _move(item, *, to_public: bool) -> None:
    from library.storage import move

    move(item.file_names(), to_public=to_public)
    item.stored_publicly = to_public
    # Its pages show its old address; a cached copy of a public file must go.
    keys = {f"file-{item.token}"} | {u.cache_key for u in uses_of(item) if u.cache_key}
    purge_on_commit(*sorted(keys))


def changed(model: type, ids: Iterable[int]) -> None:
    """Items' uses may have changed in this transaction: protect now, publish after commit."""
    ids = sorted({pk for pk in ids if pk})
    if not ids:
        return
    refresh(model, ids, protect_only=True)
    transaction.on_commit(lambda: refresh(model, ids), robust=True)


@task
def refresh_access(model_label: str, ids: list[int]) -> None:
    """Move files where they belong now (queued for a scheduled story's time)."""
    refresh(apps.get_model(model_label), ids)
