"""The school directory leaves the HTTP cache when a school changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from httpcache.purges import purge_on_commit
from members.models import School

SCHOOLS = "schools"  # the surrogate key of /schools/ (members.views.SchoolDirectoryView)


@receiver(post_save, sender=School)
@receiver(post_delete, sender=School)
def school_changed(sender, **kwargs):
    purge_on_commit(SCHOOLS)
