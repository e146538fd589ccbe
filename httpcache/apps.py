from django.apps import AppConfig


class HttpCacheConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "httpcache"
    verbose_name = "HTTP cache"
