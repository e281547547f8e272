"""The release: a digest of the code, templates, static files and installed packages.

Part of every page key, so a deploy never serves pages rendered by the release before it
(with addresses of static files it no longer has), and app servers of two releases, side by
side during a rolling deploy, never read each other's pages. NEWSROOM_RELEASE, when set (e.g.
to a git commit), is used as it is.
"""

import hashlib
from importlib import metadata
from pathlib import Path

from django.conf import settings
from django.dispatch import receiver
from django.utils.autoreload import file_changed

SKIPPED_DIRS = {"__pycache__", "node_modules", ".git"}


def compute():
    if settings.NEWSROOM_RELEASE:
        return settings.NEWSROOM_RELEASE
    digest = hashlib.sha256()
    for folder in settings.PAGE_CACHE_RELEASE_DIRS:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file() and SKIPPED_DIRS.isdisjoint(path.parts):
                digest.update(str(path.relative_to(folder)).encode())
                digest.update(path.read_bytes())
    for distribution in sorted(
        f"{dist.metadata['Name']}=={dist.version}" for dist in metadata.distributions()
    ):
        digest.update(distribution.encode())
    return digest.hexdigest()[:16]


current = compute()


@receiver(file_changed, dispatch_uid="pagecache.release.on_file_changed")
def on_file_changed(sender, file_path, **kwargs):
    """Under runserver a template or static file edited while the site runs makes a new
    release (Python changes restart the process anyway)."""
    global current
    current = compute()
