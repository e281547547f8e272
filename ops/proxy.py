from django.conf import settings


def client_ip(request):
    """The reader's address: behind our proxy, the last X-Forwarded-For entry, which the proxy
    appends itself (earlier entries come from the client and may be forged)."""
    if settings.NEWSROOM_BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").rsplit(",", 1)[-1].strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR")
