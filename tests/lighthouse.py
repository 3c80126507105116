"""Lighthouse's accessibility, best-practices and SEO scores for the home page and a programme
page in both languages, on the demo site as `make run` serves it (with its media: production
leaves those to the web server in front), audited by Lighthouse (npm, `package.json`) in
Debian's Chromium.

    make lighthouse        # or: python -m tests.lighthouse [--json-dir DIR]

Prints one row per page with the three scores and the audits that cost points; exits 1 when a
score is under the target (98). Not a test: Lighthouse takes ~15 s a page.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.processes import ROOT, demo_site

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ("accessibility", "best-practices", "seo")
TARGET = 98
PAGES = (
    "/en/",
    "/zh-hans/",
    "/en/programs/east-west-alliance-annual-meeting/",
    "/zh-hans/programs/east-west-alliance-annual-meeting/",
)


def audit(url: str, report: Path) -> dict:
    """Lighthouse's JSON report for `url` (desktop form factor off: a phone, as most readers)."""
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={report}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=True,
        timeout=300,
    )
    return json.loads(report.read_text())


def losses(result: dict, category: str) -> list[str]:
    """The audits of `category` that cost points, by id."""
    refs = result["categories"][category]["auditRefs"]
    return [
        ref["id"]
        for ref in refs
        if ref["weight"] and (result["audits"][ref["id"]].get("score") or 0) < 1
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json-dir", type=Path, help="keep Lighthouse's JSON reports here")
    options = parser.parse_args()
    assert LIGHTHOUSE.exists(), "Lighthouse is missing: `make browser` installs it"
    below = False
    with tempfile.TemporaryDirectory() as folder, demo_site(Path(folder)) as (base_url, _env):
        reports = options.json_dir or Path(folder)
        reports.mkdir(parents=True, exist_ok=True)
        print(f"{'page':<56} " + " ".join(f"{c:>14}" for c in CATEGORIES))
        for path in PAGES:
            name = path.strip("/").replace("/", "_") + ".json"
            result = audit(base_url + path, reports / name)
            scores = {c: round(result["categories"][c]["score"] * 100) for c in CATEGORIES}
            below |= any(score < TARGET for score in scores.values())
            print(f"{path:<56} " + " ".join(f"{scores[c]:>14}" for c in CATEGORIES))
            for category in CATEGORIES:
                if lost := losses(result, category):
                    print(f"    {category}: {', '.join(lost)}")
    print(f"target: every score >= {TARGET}: {'not met' if below else 'met'}")
    sys.exit(1 if below else 0)


if __name__ == "__main__":
    main()
