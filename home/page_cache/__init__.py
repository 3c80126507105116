"""The anonymous page cache: whole responses for visitors who are not logged in (pages, API
answers, sitemap, feeds), kept in Django's "default" cache (in-process memory, or Redis when
REDIS_URL is set) and purged per path the moment something they show changes.

- `middleware.py` serves and stores responses;
- `headers.py` says how long browsers and shared caches (a CDN) may keep them;
- `purge.py` works out which URLs a change touches and purges them here and in the CDN;
- `signals.py` calls it on every change (connected in `HomeConfig.ready`).
"""
