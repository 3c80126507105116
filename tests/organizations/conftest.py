from tests.organizations.news_factories import (  # noqa: F401 (fixtures of the news tests)
    image,
    news_index,
    published_article,
)
