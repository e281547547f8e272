"""The release: a digest of the code, templates, static files, installed packages and settings.

Part of every page key, so a deploy never serves pages rendered by the release before it
(with addresses of static files it no longer has), and app servers of two releases, side by
side during a rolling deploy, never read each other's pages. NEWSROOM_RELEASE, when set (e.g.
to a git commit), stands for the code and packages. The settings always count, every one of
them: a deploy that changes only the configuration (an HTTPS redirect, the allowed hosts, the
site's name, the media address) never serves pages made under the one before.
"""

import hashlib
import json
import re
from importlib import metadata
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import connections
from django.dispatch import receiver
from django.utils.autoreload import file_changed

SKIPPED_DIRS = {"__pycache__", "node_modules", ".git"}
MEMORY_ADDRESS = re.compile(r" at 0x[0-9a-f]+")


def compute():
    code = settings.NEWSROOM_RELEASE or code_digest()
    return hashlib.sha256(f"{code}:{settings_digest()}".encode()).hexdigest()[:16]


def settings_digest():
    """A digest of every setting, the same in every process that has the same configuration:
    Django fills in the defaults of DATABASES and CACHES first, and addresses of objects in
    memory are left out."""
    connections.settings, caches.settings  # noqa: B018 (Django completes them in place)
    names = sorted(name for name in dir(settings) if name.isupper())
    values = json.dumps({name: getattr(settings, name) for name in names}, default=plain)
    return hashlib.sha256(MEMORY_ADDRESS.sub("", values).encode()).hexdigest()


def plain(value):
    """What JSON cannot say, said the same way in every process: sets in order, and a lazy
    object as its value (an unevaluated one's repr differs from an evaluated one's)."""
    if isinstance(value, set | frozenset):
        return sorted(map(str, value))
    return str(value)


def code_digest():
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
