from django.apps import AppConfig


class PagesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pages"
    verbose_name = "Pages"

    def ready(self):
        from library import access
        from pages import revisions, signals  # noqa: F401  (connects the receivers)
        from pages.library_uses import page_uses

        revisions.register()
        access.register(page_uses)
