from django.contrib import admin

from wordpress.models import ImportedItem


@admin.register(ImportedItem)
class ImportedItemAdmin(admin.ModelAdmin):
    """What import_wordpress brought in, to look up by WordPress id or old address."""

    list_display = ["wordpress_id", "kind", "target", "link", "imported_at"]
    list_filter = ["kind"]
    search_fields = ["=wordpress_id", "link", "story__title", "page__title", "image__title"]
    list_select_related = ["story", "page", "image"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
