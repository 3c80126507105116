"""Queue every image's renditions (home/images.py) for the worker: once after deploying this
feature or changing a set, for the images saved and pages published before."""

from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

from home.images import enqueue_renditions

# Images per task: a worker's task stays short enough to retry or stop.
BATCH_SIZE = 20


class Command(BaseCommand):
    help = "Queue the renditions of every image for the background worker."

    def handle(self, *args, **options) -> None:
        ids = list(get_image_model().objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH_SIZE):
            enqueue_renditions(ids[start : start + BATCH_SIZE])
        self.stdout.write(f"Images queued: {len(ids)}")
