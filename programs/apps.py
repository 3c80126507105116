from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    """Partner programmes (exchanges, joint schools, symposiums) and partner institutions.
    Builds on `organizations`; nothing there depends on this app."""

    name = "programs"
    verbose_name = "Programmes"
