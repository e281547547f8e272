from django.conf import settings


class PermissionsPolicyMiddleware:
    """Sends Permissions-Policy (settings.PERMISSIONS_POLICY): no camera, location and the like."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class HeadResponseMiddleware:
    """Answers HEAD with the headers GET would get, Content-Length included, and no body.
    Django leaves the body for the server to drop, and gunicorn logs a warning each time."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "HEAD":
            if response.streaming:
                response.streaming_content = []
            else:
                response.setdefault("Content-Length", len(response.content))
                response.content = b""
        return response
