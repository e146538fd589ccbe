from django.apps import AppConfig


class WordPressConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "wordpress"
    verbose_name = "WordPress import"
