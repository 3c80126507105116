#!/usr/bin/env python3
"""A plain-text directory of every programme and its partner institutions, in English or
Chinese, built from the public API alone (docs/api.md). Standard library only.

    python examples/programme_directory.py --base-url http://127.0.0.1:8000 --locale zh-hans
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.parse
import urllib.request

FIELDS = "title,kind_display,summary,host_organization,partners,since_display"
HEADINGS = {"en": "Programmes and their partners", "zh-hans": "项目及其合作院校"}
HOSTED_BY = {"en": "Host", "zh-hans": "主办方"}
PARTNERS = {"en": "Partners", "zh-hans": "合作院校"}
NONE = {"en": "none listed", "zh-hans": "暂无"}


def get_json(base_url: str, path: str, params: dict) -> dict:
    url = f"{base_url.rstrip('/')}{path}?{urllib.parse.urlencode(params)}"
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def programmes(base_url: str, locale: str) -> list[dict]:
    """Every published programme in `locale`, page by page (at most 50 per request)."""
    items: list[dict] = []
    while True:
        page = get_json(
            base_url,
            "/api/v2/pages/",
            {
                "type": "programs.PartnerProgramPage",
                "locale": locale,
                "fields": FIELDS,
                "order": "title",
                "limit": 50,
                "offset": len(items),
            },
        )
        items += page["items"]
        if not page["items"] or len(items) >= page["meta"]["total_count"]:
            return items


def build_directory(base_url: str, locale: str = "en") -> str:
    lines = [HEADINGS.get(locale, HEADINGS["en"]), ""]
    for programme in programmes(base_url, locale):
        lines.append(f"{programme['title']} ({programme['kind_display']})")
        host = programme["host_organization"]
        if host:
            lines.append(f"  {HOSTED_BY.get(locale, 'Host')}: {host['title']}")
        partners = []
        for partner in programme["partners"]:
            where = ", ".join(filter(None, [partner["city"], partner["country_name"]]))
            partners.append(f"{partner['name']} — {where}")
        label = PARTNERS.get(locale, "Partners")
        if partners:
            lines.append(f"  {label}:")
            lines += [f"    - {line}" for line in partners]
        else:
            lines.append(f"  {label}: {NONE.get(locale, 'none listed')}")
        lines.append(f"  {programme['meta']['html_url']}")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--locale", default="en", choices=["en", "zh-hans"])
    args = parser.parse_args(argv)
    sys.stdout.write(build_directory(args.base_url, args.locale))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
