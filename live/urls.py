from django.urls import path, register_converter

# Importing blog.urls registers the <feed_format:> converter (rss or atom) used below.
import blog.urls  # noqa: F401
from pagecache.pages import cache_page_for_readers as cached

from . import feeds, views


class IdConverter:
    """A row id written one way only (no leading zeros), so a page has one cached copy."""

    regex = "[1-9][0-9]{0,17}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


class CursorConverter(IdConverter):
    """An update id, or 0 before the first update."""

    regex = "0|[1-9][0-9]{0,17}"


register_converter(IdConverter, "id")
register_converter(CursorConverter, "cursor")

app_name = "live"

urlpatterns = [
    path(
        "live/<id:post_id>/updates/after/<cursor:after>/",
        cached(views.updates_since),
        name="updates_since",
    ),
    path("live/updates/<int:pk>/", views.update_permalink, name="update"),
    path(
        "live/<id:post_id>/feeds/<feed_format:feed_format>/",
        cached(feeds.UpdateFeed()),
        name="update_feed",
    ),
]
