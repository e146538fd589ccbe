from django.urls import path

from library import views

app_name = "library"

urlpatterns = [
    path("files/<path:name>", views.protected_file, name="file"),
]
