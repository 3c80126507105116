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


def test_production_passes_check_deploy_without_warnings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "SECRET_KEY": secrets.token_urlsafe(60),
            "ALLOWED_HOSTS": "students.example.org",
            "CSRF_TRUSTED_ORIGINS": "https://students.example.org",
            "EMAIL_HOST": "smtp.example.org",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
