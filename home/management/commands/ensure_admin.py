"""Make sure an admin account exists and say how to log in with it.

The username comes from ADMIN_USERNAME (default "admin"). A new account gets ADMIN_PASSWORD,
or a random password; either is kept in BASE_DIR/.local/admin-password (readable by the owner
only, ignored by git) so later runs can show it again. An existing password is never reset.
"""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


def password_file() -> Path:
    return Path(settings.BASE_DIR) / ".local" / "admin-password"


def store_password(password: str) -> Path:
    path = password_file()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    # Create with owner-only permissions from the start, never world-readable for a moment.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(password + "\n")
    path.chmod(0o600)
    return path


class Command(BaseCommand):
    help = "Create a superuser if there is none with ADMIN_USERNAME, and print how to log in."

    def handle(self, *args, **options) -> None:
        user_model = get_user_model()
        username = os.environ.get("ADMIN_USERNAME", "admin")
        admin_url = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/admin/"
        user = user_model._default_manager.filter(**{user_model.USERNAME_FIELD: username}).first()

        if user is None:
            password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(16)
            user_model._default_manager.create_superuser(
                **{user_model.USERNAME_FIELD: username}, email="", password=password
            )
            path = store_password(password)
            self.stdout.write(self.style.SUCCESS(f"Created the superuser {username!r}."))
            self.stdout.write(f"  username: {username}\n  password: {password}")
            self.stdout.write(f"  (kept in {path})")
        else:
            self.stdout.write(
                f"The account {username!r} exists already; its password is unchanged."
            )
            if not user.is_superuser:
                self.stdout.write(
                    self.style.WARNING(
                        f"{username!r} is not a superuser; give it the rights in the admin or "
                        "with `manage.py shell`, or set ADMIN_USERNAME to another name."
                    )
                )
            stored = self._stored_password()
            if stored and user.check_password(stored):
                self.stdout.write(f"  username: {username}\n  password: {stored}")
            else:
                # No record, or the password was changed since: only the owner knows it now.
                self.stdout.write(
                    f"  username: {username}\n  password: not on record here. To set a new one: "
                    f"`python manage.py changepassword {username}`"
                )
        self.stdout.write(f"Log in at {admin_url}")

    @staticmethod
    def _stored_password() -> str | None:
        path = password_file()
        if not path.is_file():
            return None
        return path.read_text().strip() or None
