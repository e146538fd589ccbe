"""Where library files live: public ones in the default (media) storage, served as
static files; all others in the "protected" storage, which has no public
address and is reached only through ``library.views.protected_file``.

A file moves between the two when who may see it changes
(``library.access``). Names are random and carry no slug, so an address
seen once tells nothing and leads nowhere once the file has moved.
"""

from __future__ import annotations

import secrets

from django.core.files.storage import storages


def public_storage():
    return storages["default"]


def protected_storage():
    return storages["protected"]


def storage_for(*, public: bool):
    return public_storage() if public else protected_storage()


def new_token() -> str:
    """A random, unguessable name for a file and everything made from it."""
    return secrets.token_urlsafe(16)


def move(names: list[str], *, to_public: bool) -> None:
    """Move ``names`` into the public or the protected storage, keeping their names.

    Each file is copied, then deleted from where it was; a file already where
    it belongs (an earlier move interrupted half-way) is left alone.
    """
    source, target = storage_for(public=not to_public), storage_for(public=to_public)
    for name in names:
        if not name:
            continue
        if not source.exists(name):
            continue
        if not target.exists(name):
            with source.open(name, "rb") as content:
                saved = target.save(name, content)
            if saved != name:  # a concurrent move got there first
                target.delete(saved)
        source.delete(name)
