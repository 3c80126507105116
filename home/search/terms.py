"""Search that finds Chinese words as well as English ones, on SQLite and PostgreSQL alike.

Wagtail's database backends split text on spaces and punctuation, so a run of Chinese
characters such as 国际医学生联合会中国分会 is a single token and 医学生 finds nothing. Next to
the text itself we index every pair of adjacent Han characters (bigrams) and the Snowball stem
of every English word; queries are turned into the same terms by the search backend
(`home.search.backend`). Any two or more consecutive characters of a Chinese word then find it,
and `committees` finds "committee", whatever the database.
"""

import re
from collections.abc import Iterable
from functools import lru_cache

from django.utils.encoding import force_str
from snowballstemmer import stemmer
from wagtail import blocks
from wagtail.search import index
from wagtail.search.query import And, Not, Or, Phrase, PlainText, SearchQuery

# Han characters (CJK unified ideographs, extension A and compatibility ideographs).
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Letters and digits other than Han: English words, acronyms, years.
WORD = re.compile(r"[^\W_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
TOKEN = re.compile(f"{HAN_RUN.pattern}|{WORD.pattern}")

# Bounds on what one query may cost: more terms than this are ignored.
MAX_QUERY_TERMS = 32
MAX_QUERY_LENGTH = 500


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    return _english_stemmer().stemWord(word.lower())


@lru_cache(maxsize=1)
def _english_stemmer():
    return stemmer("english")


def bigrams(run: str) -> list[str]:
    """Adjacent pairs of a run of Han characters; a single character stands for itself."""
    if len(run) < 2:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def token_terms(token: str) -> list[str]:
    """The index terms one token stands for: its bigrams, or its lower-cased English stem."""
    if HAN_RUN.fullmatch(token):
        return bigrams(token)
    return [stem(token)]


def stored_block_text(block: blocks.Block, raw: object) -> list[str]:
    """The text an editor wrote in a block, from its stored (JSON) value: what
    `block.get_searchable_content` gives, without loading what choosers point at (no image or
    page titles) and without the labels of choices (e.g. a heading's level)."""
    if raw is None or isinstance(block, blocks.ChooserBlock | blocks.ChoiceBlock):
        return []
    if isinstance(block, blocks.StreamBlock):
        return [
            text
            for item in raw
            if item.get("type") in block.child_blocks
            for text in stored_block_text(block.child_blocks[item["type"]], item.get("value"))
        ]
    if isinstance(block, blocks.ListBlock):
        # Items are stored as {"type": "item", "value": …, "id": …}, or bare in old data.
        items = [item["value"] if isinstance(item, dict) and "id" in item else item for item in raw]
        return [text for item in items for text in stored_block_text(block.child_block, item)]
    if isinstance(block, blocks.StructBlock):
        return [
            text
            for name, child in block.child_blocks.items()
            for text in stored_block_text(child, raw.get(name))
        ]
    return block.get_searchable_content(block.to_python(raw))


def flatten_text(value: object) -> str:
    """A field value (text, rich text, StreamField content, lists) as one string."""
    if value is None:
        return ""
    if isinstance(value, blocks.StreamValue):
        return " ".join(stored_block_text(value.stream_block, value.raw_data))
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return " ".join(flatten_text(item) for item in value.values())
    if isinstance(value, Iterable):
        return " ".join(flatten_text(item) for item in value)
    return force_str(value)


def extra_terms(value: object) -> str:
    """The terms that let Chinese substrings and English word forms match `value`'s text:
    bigrams of its Han runs and stems of its words, where they differ from the words."""
    terms = []
    for token in TOKEN.findall(flatten_text(value)):
        expanded = token_terms(token)
        if expanded != [token]:
            terms.extend(expanded)
    return " ".join(terms)


def query_groups(query_string: str) -> list[list[str]]:
    """The query's words, each as the list of index terms that must all match for it; at most
    MAX_QUERY_TERMS terms in all, so that no query is too costly to run."""
    groups, budget = [], MAX_QUERY_TERMS
    for token in TOKEN.findall(query_string[:MAX_QUERY_LENGTH]):
        terms = token_terms(token)[:budget]
        if not terms:
            break
        groups.append(terms)
        budget -= len(terms)
    return groups


def build_query(query_string: str, operator: str = "or") -> SearchQuery | str:
    """A search query object for the backend, or "" when nothing searchable is left (quotes,
    brackets, operators, NUL bytes and other punctuation are not search terms)."""
    if operator not in ("and", "or"):
        raise ValueError(f"Unknown search operator {operator!r}: use 'and' or 'or'.")
    # A word's terms (e.g. the bigrams of one Chinese word) must all match.
    parts = [PlainText(" ".join(group), operator="and") for group in query_groups(query_string)]
    return combine(parts, operator)


def combine(parts: list, operator: str) -> SearchQuery | str:
    parts = [part for part in parts if part != ""]
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    return And(parts) if operator == "and" else Or(parts)


def bilingual_query(query: SearchQuery | str, operator: str = "or") -> SearchQuery | str:
    """`query` (a string, or a query object such as the admin's parsed search) in the terms
    that `extra_terms` indexes."""
    if isinstance(query, str):
        return build_query(query, operator)
    if isinstance(query, PlainText):
        return build_query(query.query_string, query.operator)
    if isinstance(query, Phrase):
        return build_query(query.query_string, "and")
    if isinstance(query, And | Or):
        parts = [bilingual_query(subquery) for subquery in query.subqueries]
        return combine(parts, "and" if isinstance(query, And) else "or")
    if isinstance(query, Not):
        subquery = bilingual_query(query.subquery)
        return Not(subquery) if subquery != "" else ""
    return query  # MATCH_ALL and the like


class SearchTermsField(index.SearchField):
    """Companion of a search field: indexes only the extra terms of its text, under the same
    name and boost, so the text itself is indexed once by the original field."""

    def get_value(self, obj):
        return extra_terms(super().get_value(obj))


class AutocompleteTermsField(index.AutocompleteField):
    def get_value(self, obj):
        return extra_terms(super().get_value(obj))


def bilingual_search_fields(fields: list) -> list:
    """`fields` plus a terms companion for each search and autocomplete field (also inside
    related fields). Use it on every model's `search_fields`."""
    converted, companions = [], []
    for field in fields:
        if isinstance(field, index.RelatedFields):
            field = index.RelatedFields(field.field_name, bilingual_search_fields(field.fields))
        elif isinstance(field, index.SearchField) and not isinstance(field, SearchTermsField):
            companions.append(SearchTermsField(field.field_name, boost=field.boost, **field.kwargs))
        elif isinstance(field, index.AutocompleteField) and not isinstance(
            field, AutocompleteTermsField
        ):
            companions.append(AutocompleteTermsField(field.field_name, **field.kwargs))
        converted.append(field)
    return converted + companions
