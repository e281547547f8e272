import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

django_application = get_wsgi_application()

# Cached pages are answered in front of Django (pagecache.pages).
from pagecache.pages import CachedPagesFirst  # noqa: E402  (needs the settings loaded)

application = CachedPagesFirst(django_application)
