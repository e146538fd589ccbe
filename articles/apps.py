from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = "News"

    def ready(self):
        from articles import revisions, signals  # noqa: F401  (connects the receivers)
        from articles.library_uses import story_uses
        from library import access

        revisions.register()
        access.register(story_uses)
