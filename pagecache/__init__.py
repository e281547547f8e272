"""The page cache: whole pages for anonymous readers, never stale by construction.

Its public API is small:
- ``cache_page_for_readers`` (pagecache.pages): a view's pages may be cached.
- ``CachedPagesFirst`` (pagecache.pages): WSGI middleware that answers hits before Django.
- ``PageCacheMiddleware`` (pagecache.pages): stores the pages Django renders.
- ``bump()`` (pagecache.generation): every page is out of date. Nothing needs to call it:
  every committed write to a table that pages show calls it (pagecache.writes).
"""
