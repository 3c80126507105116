from django.apps import AppConfig


class OrganizationsConfig(AppConfig):
    """Organisations (federations, member organisations, schools, alliances), their
    committees and their history timelines."""

    name = "organizations"
    verbose_name = "Organisations"
