"""`manage.py restore <archive>`: load a `backup` archive into this site's database and media."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from home.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Load an archive made by `manage.py backup` (run `migrate` first). Refuses a database "
        "that has content unless --replace is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="empty a database that already has content before restoring",
        )

    def handle(self, *args, archive: str, replace: bool, **options) -> None:
        source = Path(archive)
        if not source.is_file():
            raise CommandError(f"No such file: {source}")
        try:
            manifest = restore_backup(source, self.stdout.write, replace=replace)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {manifest['pages']} pages and {manifest['media_files']} media files"
            )
        )
