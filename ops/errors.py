import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.csrf import requires_csrf_token

RETRY_AFTER_SECONDS = 30


@requires_csrf_token
def server_error(request):
    """handler500: a plain page that runs no queries; 503 with Retry-After when the database
    is unreachable. Connections are health-checked (CONN_HEALTH_CHECKS), so once the database
    is back the next request reconnects by itself."""
    context = {"site_name": settings.NEWSROOM_SITE_NAME}
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        response = HttpResponse(render_to_string("503.html", context), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    else:
        response = HttpResponse(render_to_string("500.html", context), status=500)
    response["Cache-Control"] = "no-store"
    return response
