"""Wagtail's form field types that offer a list of choices."""

CHOICE_TYPES = frozenset({"checkboxes", "dropdown", "multiselect", "radio"})
