"""django-tasks-db's `db_worker`, working by default on the site's background backend
(`BACKGROUND_TASK_BACKEND`: webhook deliveries, CDN purges, image renditions): Wagtail's own
tasks run at once on the "default" backend, so plain `python manage.py db_worker` is the worker
this site needs."""

from django.conf import settings
from django_tasks_db.management.commands import db_worker


class Command(db_worker.Command):
    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.set_defaults(backend_name=settings.BACKGROUND_TASK_BACKEND)
