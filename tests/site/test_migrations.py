"""Every model change ships with its migration: a change without one fails the suite (and CI)."""

from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exit_:  # makemigrations --check exits 1 when a migration is missing
        pytest.fail(
            f"makemigrations --check reports missing migrations (exit {exit_.code}):\n"
            f"{out.getvalue()}"
        )
