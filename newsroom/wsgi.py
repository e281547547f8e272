import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

django_application = get_wsgi_application()

from blog.front import CachedPagesFirst  # noqa: E402 (needs the settings loaded above)

# Page-cache hits held in this worker's memory are answered before Django builds a request.
application = CachedPagesFirst(django_application)
