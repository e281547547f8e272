import logging
import sys

from axes.helpers import get_cool_off
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 30


@requires_csrf_token
def server_error(request):
    """handler500: a plain page that runs no queries; 503 with Retry-After when the database
    is unreachable. Connections are health-checked (CONN_HEALTH_CHECKS), so once the database
    is back the next request reconnects by itself."""
    database_down = isinstance(sys.exc_info()[1], OperationalError | InterfaceError)
    status, template = (503, "503.html") if database_down else (500, "500.html")
    try:
        content = render_to_string(template, {"site_name": settings.NEWSROOM_SITE_NAME})
    except Exception:  # the error page must not fail too (say, a missing static manifest)
        logger.exception("error page %s failed to render", template)
        content = f"<!DOCTYPE html><title>Error {status}</title><h1>Error {status}</h1>"
    response = HttpResponse(content, status=status)
    if database_down:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def login_locked_out(request, original_response, credentials):
    """django-axes' answer to a login while locked out (AXES_LOCKOUT_CALLABLE): 429 with
    Retry-After, the cool-off in seconds, which each attempt meanwhile starts again."""
    cool_off = get_cool_off(request)
    minutes = round(cool_off.total_seconds() / 60) if cool_off else None
    response = render(request, "429.html", {"minutes": minutes}, status=429)
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    response["Cache-Control"] = "no-store"
    return response
