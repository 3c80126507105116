"""Cache keys that can be purged per path.

Every stored answer's key carries two tokens: one for its path and one for the whole site.
Purging a path deletes its token, so every answer stored under it (each query string, each
host, each language) becomes unreachable at once, in every process sharing the cache; purging
everything deletes the site token. A token is made before the answer is rendered, so an answer
rendered from old data while a purge happens is stored under the token the purge deleted.
Tokens are random, not counters: a token the cache evicted can never come back.
"""

from __future__ import annotations

import uuid
from hashlib import md5

from django.core.cache import BaseCache, caches

SITE_TOKEN = "page-cache:site"


def page_cache() -> BaseCache:
    return caches["default"]


def path_token_key(path: str) -> str:
    return f"page-cache:path:{md5(path.encode(), usedforsecurity=False).hexdigest()}"


def key_prefix(path: str) -> str:
    """The key prefix for answers at `path` (made now if the path has no token yet)."""
    cache = page_cache()
    keys = [SITE_TOKEN, path_token_key(path)]
    tokens = cache.get_many(keys)
    for key in keys:
        if key not in tokens:
            cache.add(key, uuid.uuid4().hex, timeout=None)
            tokens[key] = cache.get(key)
    return f"page-cache.{tokens[SITE_TOKEN]}.{tokens[keys[1]]}"


def forget_paths(paths: set[str]) -> None:
    page_cache().delete_many([path_token_key(path) for path in paths])


def forget_everything() -> None:
    page_cache().delete(SITE_TOKEN)
