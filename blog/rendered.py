"""HTML rendered once per process and reused for as long as what it shows is unchanged.

Each piece is kept under a content key: a digest of every value the HTML shows (a post's
version and update time, its blog's and authors' names, ...), so a change to any of them
makes a new key and the old HTML is simply never asked for again. Nothing needs telling when
something changes, and nothing is shared between processes. Post cards (blog/cards.py) and
parts of the post page ({% keep %} in blog_tags) are kept this way.
"""

import hashlib

from django.dispatch import receiver
from django.utils.autoreload import file_changed

from .near_cache import near_cache

# Content key -> HTML. A plain dict: a list page reads 20 cards, which a cache backend
# (pickling each) made cost half a millisecond.
KEPT = {}
# When full, the store starts again; pieces still shown are rendered once more.
KEPT_LIMIT = 5000


def content_key(*shown):
    """A key for HTML that shows exactly these values (anything with a stable str())."""
    return hashlib.sha256(repr(shown).encode()).hexdigest()


def get(key):
    return KEPT.get(key)


def keep(key, html):
    if len(KEPT) >= KEPT_LIMIT:
        KEPT.clear()
    KEPT[key] = html
    return html


@receiver(file_changed, dispatch_uid="blog.rendered.forget_on_template_change")
def forget_on_template_change(sender, file_path, **kwargs):
    """Under runserver, a template edited while the site runs changes what kept HTML would
    show; start again (the process keeps running: Django only resets its template loaders)."""
    if file_path.suffix in {".html", ".txt", ".xml"}:
        KEPT.clear()
        near_cache.memos.clear()
