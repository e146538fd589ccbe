import pytest


@pytest.fixture(autouse=True)
def send_mail_at_once(monkeypatch):
    """Services send mail when their transaction commits; a test's never does, so send at once."""
    monkeypatch.setattr("members.services.transaction.on_commit", lambda func, **kwargs: func())
