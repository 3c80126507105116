"""`/healthz` for load balancers: answers 200 only when the database and the cache respond."""

from __future__ import annotations

import logging

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Django's Redis cache raises redis-py's errors; the local-memory cache never fails.
CACHE_ERRORS = (RedisError, OSError)


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.exception("Health check: the database did not answer")
        return False


def _cache_ok() -> bool:
    key = "healthz:probe"
    try:
        cache.set(key, "ok", timeout=10)
        return cache.get(key) == "ok"
    except CACHE_ERRORS:
        logger.exception("Health check: the cache did not answer")
        return False


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    checks = {"database": _database_ok(), "cache": _cache_ok()}
    healthy = all(checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )
