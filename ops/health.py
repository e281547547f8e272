"""Load balancer probes: /healthz (the process answers) and /readyz (database and cache)."""

import logging
import secrets

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse

from pagecache.generation import replay_lost_bumps

logger = logging.getLogger(__name__)


def readiness():
    """{"database": bool, "cache": bool}: whether each answers a trivial request right now."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = True
    except DatabaseError:
        logger.warning("readiness: database unavailable", exc_info=True)
        checks["database"] = False
    # The cache swallows its own errors (IGNORE_EXCEPTIONS), so check by a round trip.
    token = secrets.token_hex(8)
    cache.set("readyz", token, 10)
    checks["cache"] = cache.get("readyz") == token
    if not checks["cache"]:
        logger.warning("readiness: cache unavailable")
    elif checks["database"]:
        # Probes come every few seconds: a page-cache bump lost in an outage is made here
        # even if the process that lost it has stopped.
        replay_lost_bumps()
    return checks


class HealthCheckMiddleware:
    """Answers the probes first, so they need no allowed host, session or URL routing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz":
            return JsonResponse({"status": "ok"}, headers={"Cache-Control": "no-store"})
        if request.path == "/readyz":
            checks = readiness()
            ready = all(checks.values())
            body = {name: "ok" if ok else "unavailable" for name, ok in checks.items()}
            return JsonResponse(
                {"status": "ok" if ready else "unavailable", **body},
                status=200 if ready else 503,
                headers={"Cache-Control": "no-store"},
            )
        return self.get_response(request)
