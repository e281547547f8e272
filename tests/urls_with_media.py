"""The site's addresses and the uploads in MEDIA_ROOT, for browser tests that show photos."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from newsroom.urls import handler500, urlpatterns

urlpatterns = [
    *urlpatterns,
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
]
__all__ = ["handler500", "urlpatterns"]
