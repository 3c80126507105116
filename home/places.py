"""Places (a venue, a city, a country) written as readers of the page's language write them."""

from django.utils.translation import get_language
from django_countries.fields import Country


def place_name(city: str = "", country: Country | None = None, venue: str = "") -> str:
    """ "Venue, Shantou, China" in English. In Chinese the largest comes first, with no
    separator between country and city, and the venue after a full-width comma: "中国汕头，
    汕头大学医学院". A city named like its country (Hong Kong) is named once."""
    country_name = str(country.name) if country else ""
    city = (city or "").strip()
    if city == country_name:
        city = ""
    if (get_language() or "").startswith("zh"):
        return "，".join(part for part in (f"{country_name}{city}", venue) if part)
    return ", ".join(part for part in (venue, city, country_name) if part)
