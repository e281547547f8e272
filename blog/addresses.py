"""Addresses remembered: reverse() costs a tenth of a post card, and list pages, feeds and
live pages ask for the same few thousand addresses over and over."""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse


def cached_reverse(viewname, *args):
    """reverse(viewname, args=args), remembered for the URLconf and script prefix in use: the
    address depends on nothing else."""
    return _reverse(get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), viewname, args)


@functools.lru_cache(maxsize=4096)
def _reverse(urlconf, script_prefix, viewname, args):
    return reverse(viewname, urlconf=urlconf, args=args)
