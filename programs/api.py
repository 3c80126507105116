"""`/api/v2/partners/`: partner institutions, filterable by country and locale, searchable."""

from rest_framework.filters import BaseFilterBackend
from wagtail.api import APIField
from wagtail.api.v2.filters import OrderingFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Locale

from home.api.fields import ImageAPIField, LocaleCodeField, StringField, translated_field
from home.api.filters import FieldsFilter, SearchFilter
from home.api.views import StrictAPIMixin

from .models import PartnerInstitution


class PartnerFilter(BaseFilterBackend):
    """`?locale=zh-hans` (default: every locale) and `?country=FR` (ISO 3166 code)."""

    def filter_queryset(self, request, queryset, view):
        if "locale" in request.GET:
            locale = Locale.objects.filter(language_code=request.GET["locale"]).first()
            if locale is None:
                codes = ", ".join(Locale.objects.values_list("language_code", flat=True))
                raise BadRequestError(f"locale must be one of: {codes}")
            queryset = queryset.filter(locale=locale)
        if "country" in request.GET:
            country = request.GET["country"].upper()
            if len(country) != 2 or not country.isalpha():
                raise BadRequestError("country must be a two-letter ISO 3166 code, e.g. FR")
            queryset = queryset.filter(country=country)
        return queryset


class PartnerInstitutionAPIViewSet(StrictAPIMixin, BaseAPIViewSet):
    model = PartnerInstitution
    name = "partners"
    # `locale` and `country` mean what PartnerFilter says; other fields filter as on pages.
    filter_backends = [FieldsFilter, PartnerFilter, OrderingFilter, SearchFilter]
    own_filters = ("locale", "country")
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["locale", "country"])
    body_fields = BaseAPIViewSet.body_fields + [
        "name",
        "short_name",
        APIField("country", serializer=StringField()),
        APIField("country_name", serializer=translated_field(lambda p: p.country.name)),
        "city",
        "website",
        APIField("logo", serializer=ImageAPIField()),
        APIField("locale", serializer=LocaleCodeField()),
    ]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        "name",
        "short_name",
        "country",
        "country_name",
        "city",
        "website",
        "logo",
        "locale",
    ]

    def get_queryset(self):
        return PartnerInstitution.objects.select_related("locale", "logo").order_by("name", "pk")
