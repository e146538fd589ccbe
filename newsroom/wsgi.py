import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

from articles.pagecache import PageCacheApplication  # noqa: E402  (needs the settings)

# Cached anonymous pages are answered in front of Django (see articles.pagecache).
application = PageCacheApplication(get_wsgi_application())
