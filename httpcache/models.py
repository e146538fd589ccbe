from django.db import models


class Epoch(models.Model):
    """One row: a number every change to what pages show moves on, in its transaction.

    A render reads it before anything else and sends it with the page
    (``X-Epoch``); each purge carries the number of its change. Varnish stores
    no page rendered under an epoch older than the last purge it has heard of,
    so a render that began before a change cannot be cached after the change's
    purge. Writers serialise on this row from the update to their commit, so
    epochs become visible in the order they were taken.
    """

    value = models.BigIntegerField(default=0)

    def __str__(self):
        return str(self.value)


class Purge(models.Model):
    """Pages to drop from the HTTP cache: written in the transaction of the change
    (an outbox), delivered after commit, retried until every cache acknowledges."""

    keys = models.TextField(help_text="Surrogate keys (xkey), separated by spaces.")
    epoch = models.BigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(
                fields=["id"],
                condition=models.Q(delivered_at__isnull=True),
                name="purge_pending_idx",
            )
        ]

    def __str__(self):
        return f"purge {self.keys} (epoch {self.epoch})"

    @property
    def key_list(self) -> list[str]:
        return self.keys.split()
