"""Wagtail's database search backend, for the database in use, with bilingual queries.

Configured as ``WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "home.search.backend"``. Every
search (the public search page, the admin, the API) passes through `_search`, where the query
becomes the same Chinese bigrams and English stems that `home.search.terms` indexes.
"""

from functools import cache

from modelsearch.backends import database

from .terms import bilingual_query


class BilingualQueryMixin:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        query = bilingual_query(query, (kwargs.get("operator") or "or").lower())
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


@cache
def bilingual_backend_class(base: type) -> type:
    # Built from the class the database backend picks (SQLite FTS, PostgreSQL, MySQL or the
    # substring fallback): each module can only be imported on its own database.
    return type(f"Bilingual{base.__name__}", (BilingualQueryMixin, base), {})


def SearchBackend(params: dict):  # the name Wagtail looks for in a backend module
    # PostgreSQL's "simple" configuration: lower-cased words, no stemming of its own, so every
    # database matches exactly the terms `home.search.terms` puts in the index.
    params = {"SEARCH_CONFIG": "simple", **params}
    return bilingual_backend_class(type(database.SearchBackend(params)))(params)
