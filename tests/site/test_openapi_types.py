"""examples/openapi_types.sh: a TypeScript team's types, generated from the OpenAPI document
by openapi-typescript (through npx). Skipped, saying why, without npx or the npm registry."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

SCRIPT = Path(__file__).resolve().parents[2] / "examples" / "openapi_types.sh"


def npm_registry_reachable() -> bool:
    try:
        result = subprocess.run(
            ["npm", "view", "openapi-typescript@7", "version"],
            capture_output=True,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0


def test_typescript_types_from_the_document(tmp_path):
    if shutil.which("npx") is None or shutil.which("npm") is None:
        pytest.skip("npx/npm not installed: examples/openapi_types.sh needs Node.js 18+")
    if not npm_registry_reachable():
        pytest.skip("the npm registry is unreachable: cannot fetch openapi-typescript")
    from home.api.openapi.views import openapi_document

    schema = tmp_path / "openapi.json"
    schema.write_text(json.dumps(openapi_document()), encoding="utf-8")
    output = tmp_path / "api-types.ts"
    result = subprocess.run(
        ["sh", str(SCRIPT), str(schema), str(output)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    types = output.read_text(encoding="utf-8")
    assert '"programs.PartnerProgramPage": {' in types
    assert 'type: "timeline_excerpt";' in types  # a block: its `type` tells its `value` apart
    assert not (tmp_path / "node_modules").exists()
