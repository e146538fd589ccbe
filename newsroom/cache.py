"""A Redis cache that lets the site keep serving, uncached, when Redis is away."""

from __future__ import annotations

import logging
import os
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

# After a failure, leave Redis alone this long, so that a down Redis costs
# each request nothing rather than a refused connection per cache call.
RETRY_AFTER_SECONDS = 5.0


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's Redis client, keeping one ``redis.Redis`` per connection pool.

    Django builds a new ``redis.Redis`` for every cache call, and building one
    (its table of response callbacks) took about 170 µs here: more than the
    round trip to Redis. A ``redis.Redis`` is safe to share between threads.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    """Every read misses and every write is dropped while Redis cannot be reached."""

    _down_until = 0.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient

    def _guard(self, call, fallback, *args, **kwargs):
        if time.monotonic() < ResilientRedisCache._down_until:
            return fallback
        try:
            return call(*args, **kwargs)
        except (RedisError, OSError) as error:
            ResilientRedisCache._down_until = time.monotonic() + RETRY_AFTER_SECONDS
            log.warning(
                "Cache unavailable, serving without it for %ss: %s", RETRY_AFTER_SECONDS, error
            )
            return fallback

    def get(self, key, default=None, version=None):
        return self._guard(super().get, default, key, default, version)

    def get_many(self, keys, version=None):
        return self._guard(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._guard(super().has_key, False, key, version)

    def add(self, *args, **kwargs):
        return self._guard(super().add, False, *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._guard(super().set, None, *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._guard(super().set_many, [], *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._guard(super().touch, False, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._guard(super().delete, False, *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._guard(super().delete_many, None, *args, **kwargs)

    def incr(self, key, delta=1, version=None):
        # Redis away: say "missing", as Django does, so callers start afresh.
        result = self._guard(super().incr, None, key, delta, version)
        if result is None:
            raise ValueError(f"Key '{key}' not found.")
        return result

    def clear(self):
        return self._guard(super().clear, False)

    # Counters whose changes every process hears about (see ``CounterWatcher``).

    def channel(self, key) -> str:
        """The channel on which changes to counter ``key`` are announced."""
        client = self._cache.get_client(write=True)
        database = client.connection_pool.connection_kwargs.get("db", 0)
        return f"{database}:{self.make_and_validate_key(key)}"

    def advance_and_publish(self, key, restart_value: int) -> int | None:
        """The counter's new value, or None if Redis cannot be reached."""

        def advance():
            client = self._cache.get_client(write=True)
            full_key = self.make_and_validate_key(key)
            return int(
                client.eval(ADVANCE_AND_PUBLISH, 1, full_key, self.channel(key), restart_value)
            )

        return self._guard(advance, None)

    def watch(self, key) -> CounterWatcher:
        return CounterWatcher(self, key)


# Move a counter on (or start it at ARGV[2] if it was lost) and announce the
# new value on channel ARGV[1], atomically: no listener can miss a change.
ADVANCE_AND_PUBLISH = """
local value
if redis.call('EXISTS', KEYS[1]) == 1 then
  value = redis.call('INCR', KEYS[1])
else
  value = tonumber(ARGV[2])
  redis.call('SET', KEYS[1], value)
end
redis.call('PUBLISH', ARGV[1], value)
return value
"""


class CounterWatcher:
    """This process's copy of a counter in Redis, kept current by its announcements.

    A daemon thread subscribes to the counter's channel, then reads the
    counter, so no change is missed; every change published afterwards
    updates the copy within moments. The copy is None, "ask Redis", until the
    subscription is up and whenever it fails; as a guard against a silent
    connection it is also read again every ``RECHECK_SECONDS``. Counters only
    grow, so the copy only moves forward. A forked process starts its own.
    """

    RECHECK_SECONDS = 1.0

    def __init__(self, cache: ResilientRedisCache, key):
        self.cache, self.key = cache, key
        self._value = None
        self._pid = None
        self._lock = threading.Lock()

    @property
    def value(self) -> int | None:
        if self._pid != os.getpid():
            self._start()
        return self._value

    def saw(self, value: int | None) -> None:
        """A value this process has just written itself."""
        if value is not None and self._value is not None:
            self._value = max(self._value, value)

    def _start(self) -> None:
        with self._lock:
            if self._pid == os.getpid():
                return
            self._pid, self._value = os.getpid(), None
            threading.Thread(target=self._run, name=f"watch {self.key}", daemon=True).start()

    def _read(self) -> int | None:
        client = self.cache._cache.get_client()
        value = client.get(self.cache.make_and_validate_key(self.key))
        return int(value) if value is not None else None

    def _follow(self, value: int | None) -> None:
        if value is None:  # lost: let the next reader restart it, then hear it
            self._value = None
        else:
            self._value = max(self._value or 0, value)

    def _run(self) -> None:
        while True:
            try:
                pubsub = self.cache._cache.get_client().pubsub(ignore_subscribe_messages=True)
                try:
                    pubsub.subscribe(self.cache.channel(self.key))
                    self._follow(self._read())
                    checked = time.monotonic()
                    while True:
                        message = pubsub.get_message(timeout=self.RECHECK_SECONDS)
                        if message is not None and message["type"] == "message":
                            self._follow(int(message["data"]))
                        if time.monotonic() - checked >= self.RECHECK_SECONDS:
                            self._follow(self._read())
                            checked = time.monotonic()
                finally:
                    pubsub.close()
            except (RedisError, OSError, ValueError) as error:
                self._value = None
                log.warning("Not watching %s for now: %s", self.key, error)
                time.sleep(self.RECHECK_SECONDS)
