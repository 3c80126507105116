"""`manage.py backup [archive]`: the database and media in one portable archive."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from home.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Write the database (portable JSON) and the media files to one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "archive",
            nargs="?",
            help="where to write it (default: backup-<date>-<time>.tar.gz here)",
        )

    def handle(self, *args, archive: str | None = None, **options) -> None:
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        target = Path(archive or f"backup-{stamp}.tar.gz")
        if target.exists():
            raise CommandError(f"{target} exists already; choose another name.")
        try:
            manifest = create_backup(target, self.stdout.write)
        except BackupError as error:
            target.unlink(missing_ok=True)
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {manifest['pages']} pages, {manifest['rows']} rows and "
                f"{manifest['media_files']} media files to {target}"
            )
        )
