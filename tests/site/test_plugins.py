"""Each app is a plugin: taking `programs` out of INSTALLED_APPS leaves a working site."""

import json
import os

from tests.processes import run


def test_site_works_without_the_programs_app(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings_without_programs",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'without-programs.sqlite3'}",
    }
    result = run("-m", "tests.plugin_isolation_check", env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["loaded_modules"] == [], "something imported the programs app"
    assert "OrganizationPage" in report["page_types"]
    assert "PartnerProgramPage" not in report["page_types"]
    assert any(url.startswith("/zh-hans/") for url in report["statuses"])
    broken = {url: status for url, status in report["statuses"].items() if status != 200}
    assert broken == {}
    assert len(report["statuses"]) > 20
