"""What follows a change to a page, from one place (``pages.signals`` calls it).

In the change's transaction, the responses that show the page are recorded
for purging from the HTTP cache (the ``httpcache`` outbox, delivered after
commit); once it commits, the links to pages kept in Django's cache are
forgotten.
"""

from django.db import transaction

from httpcache.pages import EVERYTHING
from httpcache.purges import purge_on_commit
from pages import navigation
from pages.cachekeys import page_key
from pages.models import Page


def page_changed(page: Page, *, shown_elsewhere: bool) -> None:
    """Note a change to ``page``: drop the responses that show it.

    ``shown_elsewhere``: what other pages show of it changed (its link's
    title, address or order, whether the header, footer or sitemap list it,
    for whom). Every page's header and footer link to pages, so then every
    page goes, as with a section's name (``articles.changes.everything_changed``).
    """
    if shown_elsewhere:
        purge_on_commit(EVERYTHING)
        transaction.on_commit(navigation.forget, robust=True)
    else:
        purge_on_commit(page_key(page.pk))
