"""Running the project in another process, as a deployment would: `manage.py` commands and
Python snippets with their own environment (settings module, database, media)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, env: dict[str, str], timeout: int = 600) -> subprocess.CompletedProcess:
    """`python <args>` in the project root; output captured, exit status left to the caller."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def manage(*args: str, env: dict[str, str], timeout: int = 600) -> subprocess.CompletedProcess:
    return run("manage.py", *args, env=env, timeout=timeout)


def manage_ok(*args: str, env: dict[str, str], timeout: int = 600) -> subprocess.CompletedProcess:
    """`manage.py <args>`, failing the test with the command's output if it fails."""
    result = manage(*args, env=env, timeout=timeout)
    assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stdout}{result.stderr}"
    return result
