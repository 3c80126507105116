from tests.organizations.news_factories import (  # noqa: F401 (fixtures of the query budgets)
    image,
    news_index,
)
