"""Cleaning what readers type into query parameters (search, directory filters).

Here, in the app every other one may import, so that each uses the same rule.
"""

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def clean_text(raw: str) -> str:
    """Drop control characters (PostgreSQL refuses NUL) and surplus space."""
    return " ".join(_CONTROL.sub(" ", raw).split())


def normalise_email(value: str | None) -> str:
    """How an address is stored, compared and throttled: trimmed, in lower case."""
    return (value or "").strip().lower()
