"""English and Chinese side by side: which language a visitor gets, how they switch, how pages
point at their translations, and where each page's translation stands.

- `middleware`: the language of unprefixed URLs (cookie, then Accept-Language).
- `views`: the language switch (`/language/<code>/?next=…`).
- `alternates`: hreflang alternates, for page heads and the sitemap.
- `links`: references to pages and snippets, shown in the reader's language.
- `translation_status`: each page's state per language; `translation_report` is its admin report,
  `sync` its "Sync and translate" action.
- `synchronised`: what is copied from the English page instead of translated (slugs, numbers).
- `new_pages`: new pages start in English.
"""
