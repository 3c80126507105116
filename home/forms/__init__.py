"""Form pages (Wagtail's form builder): contact and expression-of-interest forms, translated
like any page, protected against spam, answerable from the page and from the API."""
