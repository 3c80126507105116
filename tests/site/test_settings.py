"""Production settings come from the environment and pass Django's deployment checks."""

import os
import secrets
import subprocess

from tests import processes


def manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    clean_env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    clean_env |= {"DJANGO_SETTINGS_MODULE": "site_config.settings.production", **env}
    return processes.manage(*args, env=clean_env, timeout=120)


def test_production_refuses_to_start_without_secret_key():
    result = manage("check", env={"ALLOWED_HOSTS": "example.org"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def deployment_env() -> dict[str, str]:
    return {
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "students.example.org",
        "CSRF_TRUSTED_ORIGINS": "https://students.example.org",
        "EMAIL_HOST": "smtp.example.org",
    }


def test_production_passes_check_deploy_without_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=deployment_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_makes_renditions_in_the_worker_not_in_the_request():
    """The rendition task is stored for `db_worker` (the tests run it at once instead)."""
    snippet = (
        "from home.images import make_renditions; "
        "backend = make_renditions.get_backend(); "
        "print(type(backend).__name__, backend.alias)"
    )
    result = manage("shell", "--no-imports", "-c", snippet, env=deployment_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.split() == ["DatabaseBackend", "background"]
