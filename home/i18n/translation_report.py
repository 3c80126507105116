"""The admin's "Translation status" report (Reports menu): a page list over
`translation_statuses`, filtered by state and language. Registered in `home/wagtail_hooks.py`."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils.functional import cached_property
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .translation_status import PageTranslationStatus, TranslationState, translation_statuses

# Anyone who can work on pages may see where their translations stand.
REPORT_PERMISSIONS = ["add", "change", "publish"]


# Interface strings carry the context "translation status", so these short words do not
# override Wagtail's own catalogue.
class TranslationStatusFilterSet(WagtailFilterSet):
    """Filters by state and by locale. The report applies them itself (states are computed in
    Python, not queried), so the filters' own `method`s are never called."""

    state = django_filters.ChoiceFilter(
        label=pgettext_lazy("translation status", "State"),
        choices=TranslationState.choices,
        empty_label=pgettext_lazy("translation status", "Any state"),
        method="filter_nothing",
    )
    locale = django_filters.ChoiceFilter(
        label=pgettext_lazy("translation status", "Language"),
        choices=[],
        empty_label=pgettext_lazy("translation status", "All languages"),
        method="filter_nothing",
    )

    def __init__(self, *args: Any, locales: list[Locale] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The other locales, already fetched by the view: no extra query to list them.
        self.filters["locale"].extra["choices"] = [
            (locale.language_code, locale.get_display_name()) for locale in locales
        ]

    def filter_nothing(self, queryset: QuerySet, name: str, value: Any) -> QuerySet:
        return queryset


class TranslationStatusReportView(ReportView):
    page_title = pgettext_lazy("translation status", "Translation status")
    header_icon = "site"
    results_template_name = "home/reports/translation_status_results.html"
    index_url_name = "home_translation_status"
    index_results_url_name = "home_translation_status_results"
    filterset_class = TranslationStatusFilterSet
    model = Page  # for the page permission policy
    any_permission_required = REPORT_PERMISSIONS
    verbose_name = pgettext_lazy("translation status", "page")
    verbose_name_plural = pgettext_lazy("translation status", "pages")
    paginate_by = 50

    @cached_property
    def source_locale(self) -> Locale:
        return Locale.get_default()

    @cached_property
    def other_locales(self) -> list[Locale]:
        return list(Locale.objects.exclude(pk=self.source_locale.pk).order_by("language_code"))

    def get_filterset_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_filterset_kwargs(),
            "queryset": Page.objects.none(),
            "locales": self.other_locales,
        }

    @cached_property
    def filter_values(self) -> dict[str, str]:
        """The valid filters; an invalid one is ignored (the form shows its error)."""
        if not self.filters or not self.filters.is_valid():
            return {}
        return {k: v for k, v in self.filters.form.cleaned_data.items() if v}

    @cached_property
    def shown_locales(self) -> list[Locale]:
        code = self.filter_values.get("locale")
        return [loc for loc in self.other_locales if not code or loc.language_code == code]

    def get_queryset(self) -> list[PageTranslationStatus]:
        pages = PagePermissionPolicy().instances_user_has_any_permission_for(
            self.request.user, REPORT_PERMISSIONS
        )
        return translation_statuses(
            pages, source_locale=self.source_locale, target_locales=self.shown_locales
        )

    def filter_queryset(self, rows: list[PageTranslationStatus]) -> list[PageTranslationStatus]:
        state = self.filter_values.get("state")
        if not state:
            return rows
        return [row for row in rows if any(s.state == state for s in row.statuses)]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["source_locale"] = self.source_locale
        context["shown_locales"] = self.shown_locales
        # Bad values are ignored (the list stays unfiltered); say so above the list.
        context["filter_errors"] = bool(self.filters) and not self.filters.is_valid()
        return context


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request: Any) -> bool:
        return PagePermissionPolicy().user_has_any_permission(request.user, REPORT_PERMISSIONS)
