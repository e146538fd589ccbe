"""Purges: what changed is recorded with the change, and sent to Varnish after commit.

``purge_on_commit(*keys)`` is called inside the transaction that changes
what pages show. It moves the epoch on and writes one ``Purge`` row per
transaction (later calls in the same transaction add their keys to it), so
the purge is as durable as the change: if the process dies after the commit,
the row is still there for ``manage.py deliver_purges``. Once the
transaction commits, delivery is tried at once, from the process that made
the change; whatever fails stays pending and the worker retries it every
second until every cache acknowledges. Nothing is purged before commit, and
nothing at all when no HTTP cache is configured (``HTTP_CACHE_URLS``).
"""

from __future__ import annotations

import datetime
import http.client
import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, Min
from django.utils import timezone

from httpcache.models import Epoch, Purge

log = logging.getLogger(__name__)

# Keys per PURGE request: keeps the header well under Varnish's 8 KB limit.
KEYS_PER_REQUEST = 200
# Delivered purges are kept this long for the admin's list, then deleted.
KEEP_DELIVERED = datetime.timedelta(days=7)


class PurgeRefused(Exception):
    pass


def enabled() -> bool:
    return bool(settings.HTTP_CACHE_URLS)


def current_epoch() -> int:
    """The epoch as committed now (read first thing by every cacheable render)."""
    return Epoch.objects.filter(pk=1).values_list("value", flat=True).first() or 0


def _next_epoch() -> int:
    if not Epoch.objects.filter(pk=1).update(value=F("value") + 1):
        Epoch.objects.get_or_create(pk=1, defaults={"value": 1})
    return Epoch.objects.values_list("value", flat=True).get(pk=1)


def queued_on_commit(kind: type):
    """The callable of type ``kind`` already queued for this transaction's commit, if any:
    work that many saves in one transaction add to, run once when it commits."""
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        for _savepoints, callback, _robust in connection.run_on_commit:
            if isinstance(callback, kind):
                return callback
    return None


class _Delivery:
    """This transaction's purge row, and its delivery once the transaction commits."""

    def __init__(self, purge: Purge):
        self.purge = purge

    def __call__(self):
        deliver_pending()


def purge_on_commit(*keys: str) -> None:
    """Record that pages carrying any of ``keys`` must leave the HTTP cache after commit."""
    if not enabled() or not keys:
        return
    if (delivery := queued_on_commit(_Delivery)) is not None:
        purge = delivery.purge
        merged = set(purge.key_list) | set(keys)
        if len(merged) > len(purge.key_list):
            purge.keys = " ".join(sorted(merged))
            purge.save(update_fields=["keys"])
        return
    purge = Purge.objects.create(keys=" ".join(sorted(set(keys))), epoch=_next_epoch())
    transaction.on_commit(_Delivery(purge), robust=True)


def _send(base_url: str, keys: list[str], epoch: int) -> int:
    address = urlsplit(base_url)
    connection = http.client.HTTPConnection(
        address.hostname, address.port or 80, timeout=settings.HTTP_CACHE_PURGE_TIMEOUT
    )
    try:
        connection.request(
            "PURGE", "/", headers={"xkey-purge": " ".join(keys), "X-Epoch": str(epoch)}
        )
        response = connection.getresponse()
        response.read()
    finally:
        connection.close()
    if response.status != 200:
        raise PurgeRefused(f"{base_url} answered {response.status} {response.reason}")
    return int(response.headers.get("X-Purged") or 0)


def deliver_pending(limit: int = 1000) -> int:
    """Send pending purges to every cache; mark them delivered once all acknowledge.

    Returns how many were delivered. Sending a purge twice does no harm, so
    the web process and the worker may both try the same rows.
    """
    if not enabled():
        return 0
    pending = list(Purge.objects.filter(delivered_at__isnull=True).order_by("id")[:limit])
    if not pending:
        return 0
    ids = [purge.pk for purge in pending]
    keys = sorted({key for purge in pending for key in purge.key_list})
    epoch = max(purge.epoch for purge in pending)
    errors = []
    # Every cache is tried, so one that is down keeps no other one stale.
    for base_url in settings.HTTP_CACHE_URLS:
        try:
            for start in range(0, len(keys), KEYS_PER_REQUEST):
                _send(base_url, keys[start : start + KEYS_PER_REQUEST], epoch)
        except (OSError, http.client.HTTPException, PurgeRefused) as error:
            errors.append(f"{base_url}: {error}")
    if errors:
        Purge.objects.filter(pk__in=ids).update(
            attempts=F("attempts") + 1, last_error="; ".join(errors)[:300]
        )
        log.warning("Purge of %d change(s) not delivered yet: %s", len(ids), "; ".join(errors))
        return 0
    Purge.objects.filter(pk__in=ids).update(
        delivered_at=timezone.now(), attempts=F("attempts") + 1, last_error=""
    )
    return len(ids)


def forget_delivered(older_than: datetime.timedelta = KEEP_DELIVERED) -> int:
    """Delete delivered purges older than ``older_than``: the outbox does not grow forever."""
    deleted, _ = Purge.objects.filter(delivered_at__lt=timezone.now() - older_than).delete()
    return deleted


def pending_summary() -> dict | None:
    """How many purges wait for delivery and since when, or None if none do."""
    if not enabled():
        return None
    summary = Purge.objects.filter(delivered_at__isnull=True).aggregate(
        count=Count("id"), since=Min("created_at")
    )
    return summary if summary["count"] else None
