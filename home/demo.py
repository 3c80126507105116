"""Demo content of the home app: the English home page (title, welcome, key figures, footer).

Runs first. Other apps hang their index pages under `build.home` and offer featured pages
through `build.feature()`; `finish()` puts those on the home page once everything is built.
"""

from wagtail.models import Locale, Site

from .demo_tools import DemoBuild, DemoError, T, banner_picture, rich
from .models import HomePage

TITLE = T("MedStudents Network", "医学生网络")

INTRO = rich(
    T(
        "A bilingual meeting point for medical students’ associations and medical schools: "
        "who they are, how they fit together, and the exchanges, courses and conferences "
        "they run with partners around the world.",
        "这是一个面向医学生协会和医学院校的双语平台：介绍它们是谁、彼此之间如何联系，"
        "以及它们与世界各地合作伙伴共同开展的交流项目、课程和学术会议。",
    )
)

KEY_FIGURES = [
    ("figure", {"value": T("1.3 million", "130万"), "label": T("medical students", "名医学生")}),
    (
        "figure",
        {"value": T.same("130"), "label": T("national member organisations", "个国家成员组织")},
    ),
    ("figure", {"value": T.same("122"), "label": T("countries", "个国家")}),
]

# Footer contact details, as given by the Soochow University Medical Students' Association.
CONTACT_NAME = T("Soochow University Medical College", "苏州大学医学部")
ADDRESS = T(
    "NO.199 Ren-ai Road, SIP\nSuzhou, China 215123",
    "中国苏州工业园区仁爱路199号\n邮政编码：215123",
)
PHONE = T.same("(86)512-65884028")

BANNER_LABELS = ["Students", "Associations", "Schools", "Partners"]


def body(build: DemoBuild) -> list:
    banner = build.ensure_image(
        "Banner: the MedStudents Network", lambda: banner_picture(BANNER_LABELS)
    )
    return [
        ("heading", {"text": T("What you will find here", "本站内容"), "level": "h2"}),
        (
            "paragraph",
            rich(
                T(
                    "<b>Organisations</b> range from an international federation founded in "
                    "1951 down to a single university’s students’ association, with the "
                    "medical schools and alliances they work with. Each has its own history "
                    "timeline.",
                    "<b>组织</b>：从1951年成立的国际联合会，到一所大学的医学生协会，"
                    "以及与它们合作的医学院校和联盟。每个组织都有自己的历史时间线。",
                ),
                T(
                    "<b>Programmes</b> are what students can take part in: clinical and "
                    "research exchanges, study tours, joint degrees, symposiums and "
                    "conferences, each with its host and partner institutions.",
                    "<b>项目</b>：学生可以参与的各类活动，包括临床交流、科研交流、海外研修、"
                    "联合学位、专题研讨会和学术会议，并注明主办方和合作院校。",
                ),
            ),
        ),
        (
            "image",
            {
                "image": banner,
                "alt_text": T(
                    "Four coloured bands labelled students, associations, schools and partners.",
                    "四条彩色色带，分别标注学生、协会、院校和合作伙伴。",
                ),
                "decorative": False,
                "caption": T(
                    "Students, associations, schools and partners: the four parts of the network.",
                    "学生、协会、院校与合作伙伴：构成这个网络的四个部分。",
                ),
            },
        ),
        ("heading", {"text": T("Read it in your language", "用您的语言阅读"), "level": "h2"}),
        (
            "paragraph",
            rich(
                T(
                    "Every page is published in English and in Simplified Chinese. The "
                    "language switch keeps you on the same page.",
                    "所有页面均以英文和简体中文发布，切换语言时仍停留在同一页面。",
                )
            ),
        ),
    ]


def find_home(build: DemoBuild) -> HomePage:
    """The English home page: the default site's root, as created by home's migration."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    root = site.root_page.specific if site else None
    if isinstance(root, HomePage) and root.locale_id == Locale.get_default().pk:
        return root
    home = HomePage.objects.filter(locale=Locale.get_default(), depth=2).first()
    if home is None:
        raise DemoError("No English HomePage: run `manage.py migrate` first.")
    return home


def is_placeholder(home: HomePage) -> bool:
    """Still the blank page the migration made (nobody has written anything on it)."""
    return (
        not home.intro.strip()
        and not home.body
        and not home.key_figures
        and home.revisions.count() <= 1
    )


def load(build: DemoBuild) -> None:
    home = find_home(build)
    build.home = home
    build.pages.append(home)
    # Built even when unused, so the glossary knows these texts if the page is retranslated.
    content = body(build)
    if not is_placeholder(home):
        build.log("Home page has content already: left as it is.")
        return
    home.title = home.draft_title = TITLE
    home.intro = INTRO
    home.key_figures = KEY_FIGURES
    home.body = content
    home.contact_name = CONTACT_NAME
    home.address = ADDRESS
    home.phone = PHONE
    home.save()
    # Published in finish(), once the other apps have offered their featured pages.
    build.home_is_new = True
    build.new_keys.add(home.translation_key)


def finish(build: DemoBuild) -> None:
    home = build.home
    if not build.home_is_new:
        return
    home.featured_pages = [("page", page) for page in build.featured]
    build.publish(home)
    build.created["home page filled in"] += 1
