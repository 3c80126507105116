"""Search that finds Chinese words from any part of a word and English words in any form.

- `terms`: the extra index terms (Chinese bigrams, English stems); `bilingual_search_fields`
  adds them to a model's `search_fields`.
- `backend`: Wagtail's database backend, turning every query into the same terms.
- `views`: the public search page.
"""
