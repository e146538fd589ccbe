import mimetypes
import re

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from library import access
from library.models import Document, Image
from library.storage import protected_storage, public_storage

# images/ab/<token>.jpg, images/ab/<token>-card-1a2b3c-400.webp, documents/ab/<token>.pdf
NAME = re.compile(r"^(images|documents)/[A-Za-z0-9_-]{2}/(?P<token>[A-Za-z0-9_-]{22})[-./]")


def _item_for(name: str):
    match = NAME.match(name)
    if not match:
        return None
    models = {"images": Image, "documents": Document}
    model = models.get(match.group(1))
    item = model and model.objects.filter(token=match.group("token")).first()
    if item is None or name not in item.file_names():
        return None
    return item


@require_safe
def protected_file(request, name):
    """A library file that is not public: served to whoever may see a page using it.

    Anyone else gets the same 404 as for a name that never existed. In
    production the web server or the storage sends the bytes
    (``PROTECTED_FILES``): this only says yes or no.
    """
    item = _item_for(name)
    if item is None or not access.may_fetch(item, request.user):
        raise Http404("No such file.")
    if isinstance(item, Document) and item.stored_publicly:
        # A document's address stays this one wherever it lives (body links
        # use it); a public one is a static file.
        return HttpResponseRedirect(public_storage().url(name))
    storage = protected_storage()
    if not storage.exists(name):  # moved to public since the page was made
        storage = public_storage()
        if not storage.exists(name):
            raise Http404("No such file.")
    response = _deliver(storage, name)
    if isinstance(item, Document):
        disposition = "inline" if item.kind == "pdf" else "attachment"
        response["Content-Disposition"] = content_disposition_header(
            disposition == "attachment", item.download_name
        )
    # Never stored by a shared cache: the next reader may not be allowed.
    patch_cache_control(response, private=True, max_age=300)
    patch_vary_headers(response, ["Cookie"])
    response["X-Robots-Tag"] = "noindex"
    return response


def _deliver(storage, name) -> HttpResponse:
    how = settings.PROTECTED_FILES
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if how == "nginx" and storage is protected_storage():
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = settings.PROTECTED_FILES_NGINX_PREFIX + name
        return response
    if how == "redirect":
        # A short-lived signed URL (django-storages' S3 with querystring_auth).
        return HttpResponseRedirect(storage.url(name))
    return FileResponse(storage.open(name, "rb"), content_type=content_type)
