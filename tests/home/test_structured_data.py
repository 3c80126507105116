"""Schema.org JSON-LD in every page's <head>: what the page is, in its language, with its own
absolute URLs, and where it sits (BreadcrumbList); parsed here as a search engine would."""

from __future__ import annotations

import datetime

import pytest

from organizations.models import OrganizationKind
from tests.factories import (
    CommitteePageFactory,
    OrganizationPageFactory,
    PartnerProgramPageFactory,
    translate,
)
from tests.html import json_ld

pytestmark = pytest.mark.django_db


@pytest.fixture
def federation_tree(organization_index, chinese):
    """A federation with one member, the member translated, and a committee of the member."""
    federation = OrganizationPageFactory(
        parent=organization_index, title="Federation", kind=OrganizationKind.FEDERATION
    )
    member = OrganizationPageFactory(
        parent=organization_index,
        title="Member",
        acronym="MSA",
        summary="Students of one school.",
        kind=OrganizationKind.LOCAL_COMMITTEE,
        parent_organization=federation,
        founded=datetime.date(1987, 1, 1),
        founded_precision="year",
        address="1 Example Road",
        city="Suzhou",
        country="CN",
        phone="+86 512 0000 0000",
        website="https://example.org/",
    )
    member.save_revision().publish()
    translate(federation, chinese, {"Federation": "联合会"})
    translate(member, chinese, {"Member": "成员", "Students of one school.": "一所学校的学生。"})
    committee = CommitteePageFactory(parent=member, title="Exchange", full_name="Exchange team")
    return federation, member, committee


def test_organisation(client, federation_tree):
    federation, member, _ = federation_tree
    nodes = json_ld(client, member)
    organization = nodes["Organization"]
    assert organization["name"] == "Member"
    assert organization["alternateName"] == "MSA"
    assert organization["url"] == member.get_full_url()
    assert organization["url"].startswith("http") and "/en/" in organization["url"]
    assert organization["foundingDate"] == "1987"
    assert organization["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "1 Example Road",
        "addressLocality": "Suzhou",
        "addressCountry": "CN",
    }
    assert organization["telephone"] == "+86 512 0000 0000"
    assert organization["sameAs"] == ["https://example.org/"]
    assert organization["parentOrganization"] == {
        "@type": "Organization",
        "name": "Federation",
        "url": federation.get_full_url(),
    }
    webpage = nodes["WebPage"]
    assert webpage["inLanguage"] == "en"
    assert webpage["mainEntity"] == {"@id": organization["@id"]}
    crumbs = webpage["breadcrumb"]["itemListElement"]
    assert [crumb["position"] for crumb in crumbs] == list(range(1, len(crumbs) + 1))
    assert crumbs[-1] == {
        "@type": "ListItem",
        "position": len(crumbs),
        "name": "Member",
        "item": member.get_full_url(),
    }
    members = json_ld(client, federation)["Organization"]["member"]
    assert members == [{"@type": "Organization", "name": "Member", "url": member.get_full_url()}]


def test_organisation_in_chinese(client, federation_tree, chinese):
    federation, member, _ = federation_tree
    member_zh = member.get_translation(chinese)
    nodes = json_ld(client, member_zh)
    organization = nodes["Organization"]
    assert organization["name"] == "成员"
    assert organization["description"] == "一所学校的学生。"
    assert "/zh-hans/" in organization["url"]
    assert organization["parentOrganization"]["name"] == "联合会"
    assert "/zh-hans/" in organization["parentOrganization"]["url"]
    assert nodes["WebPage"]["inLanguage"] == "zh-hans"
    assert all(
        "/zh-hans/" in crumb["item"] for crumb in nodes["WebPage"]["breadcrumb"]["itemListElement"]
    )


def test_medical_school_is_a_college_or_university(client, organization_index):
    school = OrganizationPageFactory(
        parent=organization_index, title="Medical College", kind=OrganizationKind.MEDICAL_SCHOOL
    )
    assert json_ld(client, school)["CollegeOrUniversity"]["name"] == "Medical College"


def test_committee(client, federation_tree):
    _, member, committee = federation_tree
    organization = json_ld(client, committee)["Organization"]
    assert organization["name"] == "Exchange team"
    assert organization["parentOrganization"]["url"] == member.get_full_url()


def test_programme(client, program_index, organisation):
    programme = PartnerProgramPageFactory(
        parent=program_index,
        title="Clinical exchange",
        summary="Four weeks in a partner hospital.",
        host_organization=organisation,
        application_opens=datetime.date(2026, 9, 1),
        application_deadline=datetime.date(2026, 11, 30),
        start_date=datetime.date(2027, 3, 1),
    )
    node = json_ld(client, programme)["EducationalOccupationalProgram"]
    assert node["name"] == "Clinical exchange"
    assert node["provider"]["name"] == "Association"
    assert node["applicationStartDate"] == "2026-09-01"
    assert node["applicationDeadline"] == "2026-11-30"
    assert node["startDate"] == "2027-03-01"
    assert "endDate" not in node  # left blank: absent, not empty


def test_home_page_is_a_web_page_without_breadcrumbs(client, home_en, home_zh):
    nodes = json_ld(client, home_en)
    assert set(nodes) == {"WebPage"}
    assert "breadcrumb" not in nodes["WebPage"]
    assert json_ld(client, home_zh)["WebPage"]["inLanguage"] == "zh-hans"


def test_markup_in_a_title_cannot_leave_the_script(client, organization_index):
    title = "</script><script>alert(1)</script> & <!--"
    page = OrganizationPageFactory(parent=organization_index, title=title)
    html = client.get(page.url).content.decode()
    assert "</script><script>alert(1)" not in html
    assert json_ld(client, page)["Organization"]["name"] == title
