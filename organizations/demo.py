"""Demo content of the organisations app: eight organisations under one index page, the
standing committees and teams of SMSA, and a history timeline per organisation.

Facts come from the seed pages in the design notes (000–004); the sentences are our own.
Other apps find these pages with `find_organization()` / `find_committee()`.
"""

import datetime

from django.utils.text import slugify
from wagtail.models import Locale

from home.dates import DatePrecision
from home.demo_tools import DemoBuild, ListItems, T, banner_picture, rich

from .models import (
    CommitteeKind,
    CommitteePage,
    HistoryPage,
    OrganizationIndexPage,
    OrganizationKind,
    OrganizationPage,
    Region,
)

INDEX_SLUG = "organizations"
YEAR, MONTH, DAY, DECADE = (
    DatePrecision.YEAR,
    DatePrecision.MONTH,
    DatePrecision.DAY,
    DatePrecision.DECADE,
)

# Texts used in several places (the glossary holds each English text once).
FOUNDED = T("founded", "成立年份")
MEDICAL_STUDENTS = T("medical students", "名医学生")
HISTORY_INTRO = rich(T("The main dates, oldest first.", "按时间先后排列的重要事件。"))
SMSA_TITLE = T("Soochow University Medical Students’ Association", "苏州大学医学生协会")
SMSA_ADDRESS = T(
    "Soochow University Medical College\nNO.199 Ren-ai Road, SIP\nSuzhou, China 215123",
    "中国苏州工业园区仁爱路199号\n苏州大学医学部\n邮政编码：215123",
)
SMSA_PHONE = "(86)512-65884028"
SUMC_NAME = T("Shantou University Medical College", "汕头大学医学院")
HKU = T("The University of Hong Kong", "香港大学")
IMPACT_THEME = T("What makes an impactful institution?", "是什么造就了有影响力的机构？")

IFMSA_REGIONS = ["Africa", "Americas", "Asia-\nPacific", "Eastern\nMediterranean", "Europe"]


def figure(value: str, label: str) -> tuple[str, dict]:
    return ("figure", {"value": value, "label": label})


def heading(text: str, level: str = "h2") -> tuple[str, dict]:
    return ("heading", {"text": text, "level": level})


def paragraph(*parts: T | ListItems) -> tuple[str, str]:
    return ("paragraph", rich(*parts))


def event(
    date: datetime.date, precision: str, title: str, text: str = "", link=None
) -> tuple[str, dict]:
    return (
        "event",
        {"date": date, "precision": precision, "title": title, "text": text, "link": link},
    )


def year(value: int) -> datetime.date:
    return datetime.date(value, 1, 1)


# --------------------------------------------------------------------------------------------
# Lookups for other apps


def find_organization(slug: str) -> OrganizationPage | None:
    """The English organisation page with `slug` (demo slugs are unique)."""
    return OrganizationPage.objects.filter(locale=Locale.get_default(), slug=slug).first()


def find_committee(organization_slug: str, slug: str) -> CommitteePage | None:
    organization = find_organization(organization_slug)
    if organization is None:
        return None
    return CommitteePage.objects.child_of(organization).filter(slug=slug).first()


# --------------------------------------------------------------------------------------------
# The organisations


def ifmsa(build: DemoBuild) -> dict:
    regions = build.ensure_image(
        "IFMSA's five regions", lambda: banner_picture(IFMSA_REGIONS, width=1500)
    )
    return {
        "title": T(
            "International Federation of Medical Students’ Associations", "国际医学生联合会"
        ),
        "acronym": "IFMSA",
        "kind": OrganizationKind.FEDERATION,
        "founded": year(1951),
        "founded_precision": YEAR,
        "website": "https://ifmsa.org",
        "logo": build.logo("IFMSA", "IFMSA"),
        "summary": T(
            "The worldwide federation of medical students’ associations, founded in 1951 and "
            "one of the oldest and largest organisations run by students.",
            "全球医学生协会的联合组织，成立于1951年，是历史最悠久、规模最大的学生自主运营"
            "组织之一。",
        ),
        "key_figures": [
            figure(T("1.3 million", "130万"), MEDICAL_STUDENTS),
            figure(T.same("130"), T("national member organisations", "个国家成员组织")),
            figure(T.same("122"), T("countries", "个国家")),
        ],
        "body": [
            paragraph(
                T(
                    "IFMSA brings medical students together to exchange ideas, debate and "
                    "launch projects for a healthier world. It represents, connects and works "
                    "every day with a network of 1.3 million medical students from 130 national "
                    "member organisations in 122 countries.",
                    "国际医学生联合会把医学生聚集在一起，交流想法、展开讨论，并发起致力于建设"
                    "更健康世界的项目。它代表、联络并每天与来自122个国家、130个国家成员组织的"
                    "130万名医学生携手合作。",
                ),
                T(
                    "These figures come from one of IFMSA’s own descriptions. Another of its "
                    "pages counts 127 National Member Organisations (NMOs) from 119 countries "
                    "and speaks of over one million medical students: membership changes as "
                    "organisations join or leave the federation.",
                    "以上数字取自国际医学生联合会的一份介绍。它的另一份介绍则列出来自119个国家"
                    "的127个国家成员组织（NMO），并称其代表逾百万名医学生：随着成员组织的加入"
                    "或退出，成员数量会有所变化。",
                ),
            ),
            heading(
                T("A federation of national member organisations", "由国家成员组织组成的联合会")
            ),
            paragraph(
                T(
                    "IFMSA’s members are national medical students’ organisations, called "
                    "National Member Organisations. Each is independent but follows the "
                    "federation’s rules, the most important being that membership is open to "
                    "every medical student in its country.",
                    "国际医学生联合会的成员是各国的医学生组织，称为“国家成员组织”。它们各自"
                    "独立，但须遵守联合会的章程，其中最重要的一条是：本国所有医学生均可自由加入。",
                ),
                T(
                    "Through their members, the national organisations carry IFMSA’s "
                    "international strategy into local activities, projects and campaigns. The "
                    "work is organised in fields called standing committees, and the federation "
                    "supplies tools and experience for activities on many global health topics.",
                    "各国家成员组织通过其会员，把联合会的国际战略落实为本地的活动、项目和倡导"
                    "宣传。这些工作按“常设委员会”划分领域开展，联合会则为围绕各类全球健康议题"
                    "组织活动提供工具和经验。",
                ),
            ),
            heading(T("Five regions", "五大区域")),
            paragraph(
                T(
                    "Like many international organisations, IFMSA works in regions: Africa, the "
                    "Americas, Asia-Pacific, the Eastern Mediterranean and Europe. The division "
                    "helps the federation reach further, brings the member organisations of a "
                    "region closer together and gives IFMSA a voice in regional bodies.",
                    "与许多国际组织一样，国际医学生联合会按区域开展工作，分为非洲、美洲、亚太、"
                    "东地中海和欧洲五个区域。这种划分扩大了联合会的覆盖面，加强了同一区域内各"
                    "成员组织之间的协作，也让联合会能够在各区域性机构中发声。",
                )
            ),
            (
                "image",
                {
                    "image": regions,
                    "alt_text": T(
                        "Five coloured bands naming IFMSA’s regions: Africa, Americas, "
                        "Asia-Pacific, Eastern Mediterranean and Europe.",
                        "五条彩色色带，分别标出国际医学生联合会的五个区域：非洲、美洲、亚太、"
                        "东地中海和欧洲。",
                    ),
                    "decorative": False,
                    "caption": T("IFMSA’s five regions.", "国际医学生联合会的五大区域。"),
                },
            ),
            heading(T("Exchanges and meetings", "交流与会议")),
            paragraph(
                T(
                    "IFMSA’s exchange programme lets a medical student spend time in another "
                    "country where a member organisation is active, on either a professional "
                    "(clinical) or a research exchange.",
                    "通过联合会的交流项目，医学生可以前往另一个有成员组织开展活动的国家交流，"
                    "形式分为专业（临床）交流和科研交流两种。",
                ),
                T(
                    "Member organisations also meet: internal meetings are full of workshops "
                    "that build the participants’ skills, and at external meetings they speak "
                    "for their students to global stakeholders through IFMSA and bring the "
                    "benefits home. Above all, IFMSA is a place for member organisations to "
                    "share experiences and ideas.",
                    "各成员组织还会定期相聚：内部会议安排了大量工作坊，帮助与会者提升能力；在"
                    "外部会议上，它们借助联合会向全球利益相关方表达所代表学生的声音，并把收获"
                    "带回本国。更重要的是，联合会为各成员组织提供了分享经验、交流想法的平台。",
                ),
            ),
            heading(T("Recognition", "国际认可")),
            paragraph(
                T(
                    "IFMSA is recognised as a non-governmental organisation within the United "
                    "Nations system and by the World Health Organization, and it works with the "
                    "World Medical Association. As the largest international organisation of "
                    "medical students, it is seen as their voice by many international "
                    "organisations, the WHO among them.",
                    "国际医学生联合会是联合国系统和世界卫生组织认可的非政府组织，并与世界医学会"
                    "开展合作。作为全球最大的国际医学生组织，它被包括世界卫生组织在内的众多国际"
                    "组织视为医学生的代言人。",
                )
            ),
            (
                "call_to_action",
                {
                    "text": T("Visit IFMSA’s website", "访问国际医学生联合会网站"),
                    "page": None,
                    "url": "https://ifmsa.org",
                },
            ),
        ],
    }


def ifmsa_china(build: DemoBuild, parent: OrganizationPage) -> dict:
    return {
        "title": T("IFMSA-China", "国际医学生联合会中国分会"),
        "acronym": "IFMSA-China",
        "kind": OrganizationKind.NATIONAL_MEMBER,
        "founded": year(2009),
        "founded_precision": YEAR,
        "parent_organization": parent,
        "country": "CN",
        "region": Region.ASIA_PACIFIC,
        "logo": build.logo("IFMSA-China", "IC"),
        "summary": T(
            "IFMSA’s national member organisation in China, founded in 2009 to connect Chinese "
            "medical students with each other and with the world.",
            "国际医学生联合会在中国的国家成员组织，成立于2009年，致力于加强中国医学生之间"
            "以及与世界各地医学生的联系。",
        ),
        "key_figures": [
            figure(T.same("2009"), FOUNDED),
            figure(T.same("15"), T("local committees", "个地方委员会")),
        ],
        "body": [
            paragraph(
                T(
                    "IFMSA-China was founded in 2009 to foster communication among medical "
                    "students in China, and between them and their peers abroad. It gives "
                    "students a platform where they can develop themselves, raise awareness of "
                    "social issues and make a difference.",
                    "国际医学生联合会中国分会成立于2009年，旨在促进中国医学生之间以及他们与国外"
                    "同行之间的交流，为学生提供一个提升自我、唤起社会关注、带来改变的平台。",
                )
            ),
            heading(T("On the world stage", "走向世界舞台")),
            paragraph(
                T(
                    "Since 2009 the organisation has been active internationally. Hundreds of "
                    "Chinese medical students have gone abroad to deepen their professional or "
                    "research knowledge, while students from other countries have come to China "
                    "to learn and share.",
                    "自2009年以来，中国分会积极参与国际活动。数百名中国医学生赴海外深化专业或"
                    "科研知识，同时也有外国医学生来到中国学习和交流。",
                ),
                T(
                    "Its representatives have presented the organisation’s work at IFMSA’s "
                    "General Assembly, where it was warmly received by medical students from "
                    "around the world.",
                    "中国分会的代表曾在国际医学生联合会全体大会上展示分会的工作成果，受到世界"
                    "各地医学生的赞赏。",
                ),
                T(
                    "IFMSA-China has 15 local committees, among them the Soochow University "
                    "Medical Students’ Association.",
                    "中国分会共有15个地方委员会，苏州大学医学生协会即是其中之一。",
                ),
            ),
        ],
    }


def smsa(build: DemoBuild, parent: OrganizationPage) -> dict:
    return {
        "title": SMSA_TITLE,
        "acronym": "SMSA",
        "kind": OrganizationKind.LOCAL_COMMITTEE,
        "founded": datetime.date(2014, 12, 29),
        "founded_precision": DAY,
        "parent_organization": parent,
        "country": "CN",
        "region": Region.ASIA_PACIFIC,
        "city": T("Suzhou", "苏州"),
        "address": SMSA_ADDRESS,
        "phone": SMSA_PHONE,
        "logo": build.logo("SMSA", "SMSA"),
        "summary": T(
            "The medical students’ association of Soochow University, founded on 29 December "
            "2014 as one of IFMSA-China’s 15 local committees.",
            "苏州大学的医学生协会，成立于2014年12月29日，是国际医学生联合会中国分会的15个"
            "地方委员会之一。",
        ),
        "key_figures": [
            figure(T.same("5"), T("standing committees", "个常设委员会")),
            figure(
                T.same("2"), T("teams: publicity and secretariat", "个工作团队：宣传部和秘书处")
            ),
        ],
        "body": [
            paragraph(
                T(
                    "SMSA wants Soochow University’s medical students to engage with "
                    "humanitarian and global health issues, to take part in clinical and "
                    "research exchanges around the world, and to belong to a network that links "
                    "active medical students across the globe.",
                    "苏州大学医学生协会希望帮助苏州大学的医学生关注人道主义和全球健康议题，参与"
                    "世界各地的临床与科研交流，并融入一个连接全球活跃医学生的网络。",
                )
            ),
            heading(T("How SMSA is organised", "协会架构")),
            paragraph(
                T(
                    "The association has five standing committees (SCOME, SCOPE, SCORE, SCOPH "
                    "and SCORA), supported by a publicity team and a secretariat.",
                    "协会下设五个常设委员会（SCOME、SCOPE、SCORE、SCOPH和SCORA），并由宣传部"
                    "和秘书处提供支持。",
                )
            ),
            heading(T("Contact", "联系方式")),
            (
                "contact_card",
                {
                    "name": SMSA_TITLE,
                    "role": T("Post, telephone and fax", "通信地址、电话及传真"),
                    "address": SMSA_ADDRESS,
                    "phone": T.same(SMSA_PHONE),
                    "email": "",
                    "website": "",
                },
            ),
        ],
    }


# acronym, full name, kind, focus
SMSA_COMMITTEES = [
    (
        "SCOME",
        T("Standing Committee on Medical Education", "医学教育常设委员会"),
        CommitteeKind.STANDING,
        T(
            "How medicine is taught and learnt: SCOME gives students a say in their own "
            "education and works to improve it.",
            "关注医学的教与学：让学生参与讨论自身所受的教育，并推动医学教育不断改进。",
        ),
    ),
    (
        "SCOPE",
        T("Standing Committee on Professional Exchange", "专业交流常设委员会"),
        CommitteeKind.STANDING,
        T(
            "Clinical exchanges: SCOPE sends members on placements in hospitals abroad and "
            "welcomes visiting medical students to Suzhou.",
            "负责临床交流：选派会员赴海外医院见习，并接待来苏州交流的外国医学生。",
        ),
    ),
    (
        "SCORE",
        T("Standing Committee on Research Exchange", "科研交流常设委员会"),
        CommitteeKind.STANDING,
        T(
            "Research exchanges: SCORE helps members spend time in laboratories and research "
            "groups abroad, and hosts incoming research students.",
            "负责科研交流：帮助会员前往海外实验室和研究团队学习，并接待来访的科研交流学生。",
        ),
    ),
    (
        "SCOPH",
        T("Standing Committee on Public Health", "公共卫生常设委员会"),
        CommitteeKind.STANDING,
        T(
            "Public and global health: SCOPH runs campaigns and projects that bring health "
            "issues to students and the public.",
            "关注公共卫生与全球健康：通过宣传活动和项目，让学生和公众了解各类健康议题。",
        ),
    ),
    (
        "SCORA",
        T(
            "Standing Committee on Sexual and Reproductive Health and Rights including HIV/AIDS",
            "性与生殖健康和权利（含艾滋病）常设委员会",
        ),
        CommitteeKind.STANDING,
        T(
            "Sexual and reproductive health and rights, including HIV/AIDS: SCORA raises "
            "awareness and fights stigma through education.",
            "关注性与生殖健康和权利（包括艾滋病防治）：通过教育提高认识、消除歧视。",
        ),
    ),
    (
        "",
        T("Publicity Team", "宣传部"),
        CommitteeKind.TEAM,
        T(
            "Tells students and the public what SMSA and its committees are doing.",
            "向学生和公众介绍协会及各委员会正在开展的工作。",
        ),
    ),
    (
        "",
        T("Secretariat", "秘书处"),
        CommitteeKind.TEAM,
        T(
            "Keeps the association running: records, coordination between the committees and "
            "enquiries from outside.",
            "保障协会日常运转：负责记录存档、协调各委员会工作以及处理外部咨询。",
        ),
    ),
]


def sumc(build: DemoBuild) -> dict:
    return {
        "title": SUMC_NAME,
        "acronym": "SUMC",
        "kind": OrganizationKind.MEDICAL_SCHOOL,
        "country": "CN",
        "city": T("Shantou", "汕头"),
        "logo": build.logo("SUMC", "SUMC"),
        "summary": T(
            "A medical school in Shantou, China, with partners in North America, Europe, Asia "
            "and Australia; a founding member of the East-West Alliance and host of national "
            "telemedicine symposiums since 1999.",
            "位于中国汕头的医学院，在北美、欧洲、亚洲和澳大利亚拥有合作伙伴；它是东西方联盟的"
            "创始成员之一，自1999年起举办全国远程医学研讨会。",
        ),
        "key_figures": [
            figure(T.same("11"), T("student exchange partners", "所学生交流合作院校")),
            figure(
                T.same("8"),
                T("countries and regions with partner institutions", "个拥有合作院校的国家和地区"),
            ),
            figure(
                T.same("1999"),
                T("telemedicine symposiums every year since", "年起每年举办远程医学研讨会"),
            ),
        ],
        "body": [
            heading(T("International collaboration", "国际合作")),
            paragraph(
                T(
                    "SUMC takes an active part in international academic exchange and research "
                    "collaboration. It has ties with renowned medical institutions in the United "
                    "States, Canada, the United Kingdom, France, the Netherlands, Australia, "
                    "Japan and Hong Kong, and long-standing cooperation with the World Health "
                    "Organization on infectious diseases.",
                    "汕头大学医学院积极参与国际学术交流与科研合作，与美国、加拿大、英国、法国、"
                    "荷兰、澳大利亚、日本及香港的知名医学机构建立了校际关系，并与世界卫生组织在"
                    "传染病领域保持长期合作。",
                )
            ),
            heading(T("Student exchanges", "学生交流")),
            paragraph(
                T(
                    "Exchange programmes run with eleven partners: Stanford University, the "
                    "University of California, San Francisco, the Universities of Alberta, "
                    "Manitoba, Toronto, Oxford and Groningen, Hyogo College of Medicine, the "
                    "University of Western Australia, the Chinese University of Hong Kong and "
                    "the Hong Kong Polytechnic University.",
                    "学院与11所院校开展学生交流项目：斯坦福大学、加州大学旧金山分校、阿尔伯塔"
                    "大学、曼尼托巴大学、多伦多大学、牛津大学、格罗宁根大学、兵库医科大学、西澳"
                    "大学、香港中文大学和香港理工大学。",
                ),
                T(
                    "Each year the college selects its best students for study abroad in "
                    "medical education and research training, and international students join "
                    "SUMC’s flexible short-term programmes all year round.",
                    "学院每年选拔优秀学生赴海外接受医学教育和科研训练，国际学生也可全年参加学院"
                    "灵活的短期项目。",
                ),
            ),
            heading(T("East-West Alliance", "东西方联盟")),
            paragraph(
                T(
                    "SUMC is a founding member of the East-West Alliance, created in 2006. It "
                    "hosted the alliance’s 5th, 6th and 7th annual meetings (2011–2013) and the "
                    "12th in 2018. With the other members it runs joint programmes in medical "
                    "education, student and faculty exchange, research and health care, to "
                    "raise the quality of its teaching, research and clinical services.",
                    "汕头大学医学院是2006年成立的东西方联盟的创始成员之一，曾主办联盟第五、六、"
                    "七届年会（2011—2013年）以及2018年的第十二届年会。学院与联盟其他成员在医学"
                    "教育、师生交流、科学研究和医疗服务等方面开展联合项目，以提升自身的教学、科研"
                    "和医疗服务质量。",
                )
            ),
            heading(T("National telemedicine symposiums", "全国远程医学研讨会")),
            paragraph(
                T(
                    "Since 1999 SUMC has organised a national telemedicine symposium every year "
                    "with overseas partners. The symposiums were broadcast live by China "
                    "Education TV and made available online.",
                    "自1999年起，汕头大学医学院每年与海外合作伙伴共同举办全国远程医学研讨会。"
                    "研讨会由中国教育电视台现场直播，并通过互联网向公众开放。",
                )
            ),
        ],
    }


EWA_MEMBERS = [
    T("Shantou University Medical College / Shantou University", "汕头大学医学院／汕头大学"),
    T("Stanford University", "斯坦福大学"),
    T("St. Michael’s Hospital / University of Toronto", "圣迈克尔医院／多伦多大学"),
    T("University of Alberta", "阿尔伯塔大学"),
    T("University of California, Berkeley", "加州大学伯克利分校"),
    T("University of California, San Francisco", "加州大学旧金山分校"),
    T("University of Cambridge", "剑桥大学"),
    HKU,
    T("University of Manitoba", "曼尼托巴大学"),
    T("University of Oxford", "牛津大学"),
    T(
        "University Medical Center Groningen / University of Groningen",
        "格罗宁根大学医学中心／格罗宁根大学",
    ),
    T("Technion – Israel Institute of Technology", "以色列理工学院"),
    T("The Chinese University of Hong Kong", "香港中文大学"),
    T("University of Melbourne", "墨尔本大学"),
    T("University of Michigan", "密歇根大学"),
]

ORDINALS = {
    1: T("1st", "第一届"),
    2: T("2nd", "第二届"),
    3: T("3rd", "第三届"),
    4: T("4th", "第四届"),
    5: T("5th", "第五届"),
    6: T("6th", "第六届"),
    7: T("7th", "第七届"),
    8: T("8th", "第八届"),
    9: T("9th", "第九届"),
    12: T("12th", "第十二届"),
}
MEETING_TITLES = {
    1: T("1st annual meeting", "第一届年会"),
    2: T("2nd annual meeting", "第二届年会"),
    3: T("3rd annual meeting", "第三届年会"),
    4: T("4th annual meeting", "第四届年会"),
    5: T("5th annual meeting", "第五届年会"),
    6: T("6th annual meeting", "第六届年会"),
    7: T("7th annual meeting", "第七届年会"),
    8: T("8th annual meeting", "第八届年会"),
    9: T("9th annual meeting", "第九届年会"),
    12: T("12th annual meeting", "第十二届年会"),
}
# (number, year, host, "hosted by" sentence); the seed names no hosts for the 10th and 11th.
EWA_MEETINGS = [
    (1, 2007, HKU, T("Hosted by The University of Hong Kong.", "由香港大学主办。")),
    (
        2,
        2008,
        T("University of Cambridge", "剑桥大学"),
        T("Hosted by the University of Cambridge.", "由剑桥大学主办。"),
    ),
    (
        3,
        2009,
        T("Stanford University", "斯坦福大学"),
        T("Hosted by Stanford University.", "由斯坦福大学主办。"),
    ),
    (
        4,
        2010,
        T("University of Manitoba", "曼尼托巴大学"),
        T("Hosted by the University of Manitoba.", "由曼尼托巴大学主办。"),
    ),
    *[
        (
            number,
            2006 + number,
            SUMC_NAME,
            T("Hosted by Shantou University Medical College.", "由汕头大学医学院主办。"),
        )
        for number in (5, 6, 7)
    ],
    (8, 2014, HKU, T("Hosted by The University of Hong Kong.", "由香港大学主办。")),
    (
        9,
        2015,
        T("University Medical Center Groningen", "格罗宁根大学医学中心"),
        T("Hosted by University Medical Center Groningen.", "由格罗宁根大学医学中心主办。"),
    ),
    (
        12,
        2018,
        SUMC_NAME,
        T(
            "Hosted by Shantou University Medical College, on the theme “What makes an "
            "impactful institution?”",
            "由汕头大学医学院主办，主题为“是什么造就了有影响力的机构？”",
        ),
    ),
]


def ewa(build: DemoBuild) -> dict:
    return {
        "title": T("East-West Alliance", "东西方联盟"),
        "acronym": "EWA",
        "kind": OrganizationKind.ALLIANCE,
        "founded": year(2006),
        "founded_precision": YEAR,
        "logo": build.logo("East-West Alliance", "EWA"),
        "summary": T(
            "An international network of Asian and Western medical schools and research "
            "institutions, created in 2006, that meets every year at one of its 15 members.",
            "由亚洲和西方医学院校及研究机构组成的国际网络，成立于2006年，每年在15个成员机构"
            "之一召开年会。",
        ),
        "key_figures": [
            figure(T.same("2006"), FOUNDED),
            figure(T.same("15"), T("member institutions", "个成员机构")),
            figure(T.same("12"), T("annual meetings held by 2018", "届年会（截至2018年）")),
        ],
    }


def ewa_body(history: HistoryPage) -> list:
    table = [[T("Year", "年份"), T("Meeting", "届次"), T("Host", "主办机构")]]
    table += [[T.same(str(when)), ORDINALS[number], host] for number, when, host, _ in EWA_MEETINGS]
    return [
        paragraph(
            T(
                "The East-West Alliance was created in 2006 to foster exchange and "
                "collaboration among medical institutions in Asia and the West, leading to "
                "medical education and research projects with a lasting impact.",
                "东西方联盟成立于2006年，旨在促进亚洲与西方医学机构之间的交流与合作，推动开展"
                "具有深远影响的医学教育和科研项目。",
            )
        ),
        heading(T("Members", "成员")),
        paragraph(
            T("The alliance has 15 members:", "联盟目前共有15个成员："),
            ListItems(EWA_MEMBERS, ordered=True),
        ),
        heading(T("Annual meetings", "年会")),
        paragraph(
            T(
                "Every year the alliance meets at one of its members to address significant "
                "scientific questions.",
                "联盟每年在一个成员机构召开年会，共同探讨重大科学问题。",
            )
        ),
        (
            "table",
            {
                "data": table,
                "first_row_is_table_header": True,
                "first_col_is_header": False,
            },
        ),
        paragraph(
            T(
                "The hosts of the 10th and 11th meetings (2016 and 2017) are not listed here.",
                "第十届和第十一届年会（2016年和2017年）的主办机构未在此列出。",
            )
        ),
        (
            "quote",
            {
                "quote": IMPACT_THEME,
                "attribution": T(
                    "Theme of the 12th annual meeting, hosted by SUMC in 2018",
                    "2018年第十二届年会主题，由汕头大学医学院主办",
                ),
            },
        ),
        (
            "timeline_excerpt",
            {
                "heading": T("The first years", "联盟的最初几年"),
                "history_page": history,
                "from_year": 2006,
                "to_year": 2010,
                "max_events": 5,
            },
        ),
    ]


FRENCH_PARTNERS = [
    T("Paris Descartes University", "巴黎笛卡尔大学"),
    T("Aix-Marseille University", "艾克斯-马赛大学"),
    T("University of Lyon", "里昂大学"),
    T("University of Strasbourg", "斯特拉斯堡大学"),
    T("Grenoble Alps University", "格勒诺布尔-阿尔卑斯大学"),
    T("Paris Diderot University", "巴黎狄德罗大学"),
    T("University of Montpellier", "蒙彼利埃大学"),
    T("University of Rouen", "鲁昂大学"),
    T("University of Paris VI", "巴黎第六大学"),
    T("University of Lille", "里尔大学"),
]


def sjtusm(build: DemoBuild) -> dict:
    return {
        "title": T("Shanghai Jiao Tong University School of Medicine", "上海交通大学医学院"),
        "acronym": "SJTUSM",
        "kind": OrganizationKind.MEDICAL_SCHOOL,
        "country": "CN",
        "city": T("Shanghai", "上海"),
        "website": "https://www.shsmu.edu.cn",
        "logo": build.logo("SJTUSM", "SJTU"),
        "summary": T(
            "A medical school in Shanghai with French university partners since the 1980s, a "
            "joint school with the University of Ottawa and more than 50 regular study tours "
            "abroad.",
            "位于上海的医学院，自20世纪80年代起与法国多所大学合作，与渥太华大学合办联合医学院，"
            "并开设50余个常规短期海外研修项目。",
        ),
        "key_figures": [
            figure(
                T("About 350", "约350"),
                T(
                    "students a year on study tours abroad, in Hong Kong or in Taiwan",
                    "名学生每年赴海外及港台地区研修",
                ),
            ),
            figure(T("50+", "50余"), T("regular short-term study tours", "个常规短期研修项目")),
            figure(T.same("10"), T("French partner universities", "所法国合作大学")),
        ],
        "body": [
            heading(T("Global vision", "全球视野")),
            paragraph(
                T(
                    "As it works towards becoming a world-class university with first-rate "
                    "disciplines, SJTUSM keeps widening its collaboration with leading medical "
                    "schools worldwide. With its partners it has tried new forms of exchange: "
                    "short-term student exchanges, joint training of graduate students, "
                    "collaborative research, bilateral academic seminars and teacher training.",
                    "在建设世界一流大学和一流学科的进程中，上海交通大学医学院不断拓展与世界知名"
                    "医学院校的合作，并与合作伙伴共同探索新的交流形式，包括学生短期交流、研究生"
                    "联合培养、合作研究、双边学术研讨以及师资培训。",
                ),
                T(
                    "Three programmes have become its hallmarks: Sino-French medical "
                    "education, the Ottawa–Shanghai Joint School of Medicine and overseas study "
                    "tours for students.",
                    "由此逐步形成了三大特色项目：中法合作医学教育、渥太华-上海联合医学院以及学生"
                    "海外研修。",
                ),
            ),
            heading(T("Partners in France", "法国合作伙伴")),
            paragraph(
                T(
                    "Since the 1980s SJTUSM has built partnerships with ten French universities:",
                    "自20世纪80年代起，上海交通大学医学院先后与以下十所法国大学建立合作关系：",
                ),
                ListItems(FRENCH_PARTNERS),
                T(
                    "The cooperation covers clinical medicine, nursing and pharmacy, and trains "
                    "students at every level, from undergraduates to postdoctoral researchers.",
                    "合作涵盖临床医学、护理学和药学，培养从本科生到博士后各个层次的人才。",
                ),
            ),
            (
                "call_to_action",
                {
                    "text": T("Visit SJTUSM’s website", "访问上海交通大学医学院网站"),
                    "page": None,
                    "url": "https://www.shsmu.edu.cn",
                },
            ),
        ],
    }


def ottawa_shanghai(build: DemoBuild, parent: OrganizationPage) -> dict:
    return {
        "title": T("Ottawa–Shanghai Joint School of Medicine", "渥太华-上海联合医学院"),
        "kind": OrganizationKind.MEDICAL_SCHOOL,
        "founded": datetime.date(2014, 10, 1),
        "founded_precision": MONTH,
        "parent_organization": parent,
        "country": "CN",
        "city": T("Shanghai", "上海"),
        "logo": build.logo("Ottawa–Shanghai Joint School of Medicine", "OS"),
        "summary": T(
            "Set up in October 2014 by SJTUSM and the University of Ottawa’s Faculty of "
            "Medicine: the only Sino-foreign joint programme in medical education approved by "
            "China’s Ministry of Education.",
            "由上海交通大学医学院与渥太华大学医学院于2014年10月合作创办，是中国教育部批准的"
            "唯一一个中外合作医学教育项目。",
        ),
        "key_figures": [
            figure(T("October 2014", "2014年10月"), T("established", "成立时间")),
        ],
        "body": [
            paragraph(
                T(
                    "SJTUSM and the Faculty of Medicine of the University of Ottawa set up the "
                    "joint school in October 2014. It is the only Sino-foreign joint programme "
                    "in medical education approved by China’s Ministry of Education, and it "
                    "brings North American thinking on international medical education to "
                    "China, with its curriculum models and online teaching platforms.",
                    "上海交通大学医学院与渥太华大学医学院于2014年10月共同创办联合医学院。这是"
                    "中国教育部批准的唯一一个中外合作医学教育项目，它把北美国际化医学教育的理念、"
                    "课程模式和在线教学平台引入中国。",
                )
            ),
            heading(T("What students develop", "培养目标")),
            paragraph(
                T(
                    "The school puts students’ core abilities and overall qualities first:",
                    "学院重视培养学生的核心能力和综合素质：",
                ),
                ListItems(
                    [
                        T(
                            "solid basic knowledge and skilful clinical practice",
                            "扎实的基础知识和熟练的临床技能",
                        ),
                        T(
                            "effective communication and a spirit of teamwork",
                            "有效的沟通能力和良好的团队合作精神",
                        ),
                        T(
                            "management skills and the ability to promote healthy lifestyles",
                            "管理能力以及倡导健康生活方式的能力",
                        ),
                        T(
                            "lifelong learning, a global outlook and research ability",
                            "终身学习能力、全球视野和科研能力",
                        ),
                    ]
                ),
                T(
                    "The school is also a platform for student exchange, international teacher "
                    "training, Sino-foreign research in clinical medicine and discussion of "
                    "health policy.",
                    "联合医学院同时也是开展学生交流、国际化师资培训、中外临床医学科研合作以及卫生"
                    "政策研讨的平台。",
                ),
            ),
        ],
    }


SOMS_HONORARY_MEMBERS = [
    T("Prof. Dr. Mihail Coculescu", "Mihail Coculescu 教授、博士"),
    T("Prof. Dr. Corin Badiu", "Corin Badiu 教授、博士"),
    T("Prof. Dr. Ileana Constantinescu", "Ileana Constantinescu 教授、博士"),
    T("Prof. Dr. Miron Bogdan", "Miron Bogdan 教授、博士"),
    T("Prof. Dr. Leon Zagrean", "Leon Zagrean 教授、博士"),
    T("Prof. Asoc. Dr. Mircea Ivan", "Mircea Ivan 副教授、博士"),
    T("Dr. Mihai Moldovan", "Mihai Moldovan 博士"),
    T("Acad. Laurentiu M. Popescu", "Laurentiu M. Popescu 院士"),
]
CAROL_DAVILA = T("Carol Davila University of Medicine and Pharmacy", "卡罗尔·达维拉医药大学")


def soms(build: DemoBuild) -> dict:
    return {
        "title": T("Scientific Organisation of Medical Students", "医学生科学组织"),
        "acronym": "SOMS",
        "kind": OrganizationKind.STUDENT_SOCIETY,
        "founded": year(1987),
        "founded_precision": YEAR,
        "country": "RO",
        "city": T("Bucharest", "布加勒斯特"),
        "logo": build.logo("SOMS", "SOMS"),
        "summary": T(
            "A non-profit society of medical students at Carol Davila University of Medicine "
            "and Pharmacy in Bucharest, devoted entirely to science since 1987.",
            "布加勒斯特卡罗尔·达维拉医药大学的非营利医学生团体，自1987年成立以来专注于科学活动。",
        ),
        "key_figures": [
            figure(T.same("1987"), FOUNDED),
            figure(T.same("30"), T("years celebrated in 2017", "周年（2017年庆祝）")),
            figure(T.same("2016"), T("first MEDICS conference", "年举办首届MEDICS大会")),
        ],
    }


def soms_body(history: HistoryPage) -> list:
    return [
        paragraph(
            T(
                "SOMS was founded in 1987 at Carol Davila University of Medicine and Pharmacy "
                "in Bucharest, Romania, where it is still based. It is an autonomous, "
                "international, non-political and non-profit organisation, run by medical "
                "students for medical students, and it describes itself as the only student "
                "organisation devoted exclusively to science.",
                "医学生科学组织于1987年在罗马尼亚布加勒斯特的卡罗尔·达维拉医药大学成立，总部"
                "至今仍设在该校。它是一个自治、国际化、无政治立场的非营利组织，由医学生运营、"
                "为医学生服务，并自称是唯一一个专注于科学活动的学生组织。",
            )
        ),
        heading(T("Mission and values", "使命与价值观")),
        paragraph(
            T(
                "SOMS sets out to promote scientific enquiry and to build a research-minded "
                "community among future doctors, so that they can change the world they live "
                "and work in for the better.",
                "医学生科学组织致力于推动科学探索，在未来的医生中建立以科研为中心的群体，让他们"
                "能够改善自己生活和工作的环境，让世界变得更美好。",
            ),
            T(
                "Its values are those that help a society grow: <b>integrity</b>, "
                "<b>professionalism</b> and <b>constructive criticism</b>.",
                "它秉持推动社会进步的价值观：<b>诚信</b>、<b>专业</b>和<b>建设性批评</b>。",
            ),
            T(
                "By bringing cutting-edge research to medical students, SOMS gives them the "
                "means and the occasion to discuss science and medicine with one another, and "
                "encourages its members to take an active part in academic life.",
                "通过向医学生介绍前沿医学研究，医学生科学组织为他们提供相互探讨科学与医学的途径"
                "和机会，并鼓励会员积极参与学术生活。",
            ),
        ),
        heading(T("Selective membership", "择优吸纳会员")),
        paragraph(
            T(
                "SOMS has always chosen its members carefully. It accepts students whose "
                "steady scientific activity shows in science communication lectures and "
                "publications, and who work to high professional standards. Many former "
                "members are now part of academic and scientific communities in Romania and "
                "abroad.",
                "医学生科学组织一向严格挑选会员，只吸纳那些通过科学交流报告和论文发表证明自己"
                "持续从事科研活动、具备较高专业水准的学生。许多前会员如今活跃在罗马尼亚国内外的"
                "学术界和科学界。",
            )
        ),
        heading(T("Activities", "主要活动")),
        paragraph(
            T(
                "Since its founding SOMS has taken part in scientific life through:",
                "自成立以来，医学生科学组织通过以下活动积极参与科学界的工作：",
            ),
            ListItems(
                [
                    T("monthly Scientific Communication Sessions", "每月举办的科学交流会"),
                    T("national and international lectures", "国内和国际学术讲座"),
                    T(
                        "workshops that build research skills, such as the regular Basic "
                        "Research Skills workshop",
                        "提升科研能力的工作坊，例如定期举办的“基础科研技能”工作坊",
                    ),
                    T(
                        "its main event, the Medical International Conference for Students "
                        "(MEDICS)",
                        "其最重要的活动：国际医学生大会（MEDICS）",
                    ),
                ]
            ),
        ),
        heading(T("Founding and honorary members", "创始会员与荣誉会员")),
        paragraph(
            T(
                "Among the distinguished founding and honorary members of SOMS are:",
                "医学生科学组织的杰出创始会员和荣誉会员包括：",
            ),
            ListItems(SOMS_HONORARY_MEMBERS),
        ),
        (
            "timeline_excerpt",
            {
                "heading": T("The early congresses", "早期的学术大会"),
                "history_page": history,
                "from_year": 1987,
                "to_year": 2003,
                "max_events": 5,
            },
        ),
    ]


# --------------------------------------------------------------------------------------------
# History timelines


def history_events(slug: str, pages: dict) -> list:
    bucharest_congress = (
        T("Scientific Congress of Medical Students, Bucharest", "布加勒斯特医学生科学大会"),
        T(
            "SOMS helps organise the congress in Bucharest.",
            "医学生科学组织协助筹办在布加勒斯特举行的医学生科学大会。",
        ),
    )
    if slug == "ifmsa":
        return [
            event(
                year(1951),
                YEAR,
                T("IFMSA is founded", "国际医学生联合会成立"),
                T(
                    "The federation is set up; it grows into one of the oldest and largest "
                    "student-run organisations in the world.",
                    "联合会成立，此后发展成为世界上历史最悠久、规模最大的学生自主运营组织之一。",
                ),
            )
        ]
    if slug == "ifmsa-china":
        return [
            event(
                year(2009),
                YEAR,
                T("IFMSA-China is founded", "国际医学生联合会中国分会成立"),
                T(
                    "Chinese medical students gain a national member organisation in IFMSA.",
                    "中国医学生在国际医学生联合会中有了自己的国家成员组织。",
                ),
                pages["ifmsa"],
            )
        ]
    if slug == "smsa":
        return [
            event(
                datetime.date(2014, 12, 29),
                DAY,
                T("SMSA is founded", "苏州大学医学生协会成立"),
                T(
                    "The association starts as one of IFMSA-China’s local committees.",
                    "协会成立，成为国际医学生联合会中国分会的地方委员会之一。",
                ),
                pages["ifmsa-china"],
            )
        ]
    if slug == "sumc":
        return [
            event(
                year(1999),
                YEAR,
                T("Telemedicine symposiums begin", "全国远程医学研讨会开始举办"),
                T(
                    "SUMC and its overseas partners hold the first of their yearly national "
                    "telemedicine symposiums.",
                    "汕头大学医学院与海外合作伙伴举办首届全国远程医学研讨会，此后每年举办一次。",
                ),
            ),
            event(
                year(2006),
                YEAR,
                T("Founding member of the East-West Alliance", "成为东西方联盟创始成员"),
                T(
                    "SUMC helps create the alliance of Asian and Western medical institutions.",
                    "汕头大学医学院参与创建这一由亚洲和西方医学机构组成的联盟。",
                ),
                pages["east-west-alliance"],
            ),
            event(
                year(2011),
                YEAR,
                T("Host of the East-West Alliance meetings", "主办东西方联盟年会"),
                T(
                    "SUMC hosts the alliance’s 5th annual meeting, then the 6th and 7th in "
                    "2012 and 2013.",
                    "汕头大学医学院主办联盟第五届年会，并于2012年和2013年接连主办第六、七届年会。",
                ),
                pages["east-west-alliance"],
            ),
            event(
                year(2018),
                YEAR,
                T("Host of the 12th East-West Alliance meeting", "主办东西方联盟第十二届年会"),
                T(
                    "The meeting’s theme: “What makes an impactful institution?”",
                    "年会主题为“是什么造就了有影响力的机构？”",
                ),
                pages["east-west-alliance"],
            ),
        ]
    if slug == "east-west-alliance":
        founding = event(
            year(2006),
            YEAR,
            T("The alliance is created", "联盟成立"),
            T(
                "Asian and Western medical institutions, SUMC among them, found the "
                "East-West Alliance.",
                "包括汕头大学医学院在内的亚洲和西方医学机构共同创立东西方联盟。",
            ),
            pages["sumc"],
        )
        meetings = [
            event(
                year(when),
                YEAR,
                MEETING_TITLES[number],
                hosted_by,
                pages["sumc"] if host == SUMC_NAME else None,
            )
            for number, when, host, hosted_by in EWA_MEETINGS
        ]
        return [founding, *meetings]
    if slug == "sjtusm":
        return [
            event(
                year(1980),
                DECADE,
                T("Partnerships with French universities begin", "开始与法国大学合作"),
                T(
                    "SJTUSM starts working with French medical schools; the exchanges become a "
                    "central part of its international education.",
                    "上海交通大学医学院开始与法国医学院校合作，这些交流逐渐成为其国际化教育的"
                    "重要组成部分。",
                ),
            ),
            event(
                datetime.date(2014, 10, 1),
                MONTH,
                T(
                    "The Ottawa–Shanghai Joint School of Medicine is established",
                    "渥太华-上海联合医学院成立",
                ),
                T(
                    "SJTUSM and the Faculty of Medicine of the University of Ottawa set up the "
                    "joint school together.",
                    "上海交通大学医学院与渥太华大学医学院共同创办联合医学院。",
                ),
                pages["ottawa-shanghai-joint-school"],
            ),
        ]
    if slug == "soms":
        return [
            event(
                year(1987),
                YEAR,
                T("SOMS is founded", "医学生科学组织成立"),
                T(
                    "Medical students found SOMS at Carol Davila University of Medicine and "
                    "Pharmacy in Bucharest.",
                    "医学生们在布加勒斯特卡罗尔·达维拉医药大学创立了医学生科学组织。",
                ),
            ),
            event(
                year(1993),
                YEAR,
                T("Scientific Congress of Medical Students, Sinaia", "锡纳亚医学生科学大会"),
                T(
                    "SOMS helps organise the congress in Sinaia, its first contribution to a "
                    "scientific congress.",
                    "医学生科学组织协助筹办在锡纳亚举行的医学生科学大会，这是它首次参与组织科学"
                    "大会。",
                ),
            ),
            *[event(year(when), YEAR, *bucharest_congress) for when in (1994, 1998, 2003)],
            event(
                year(2016),
                YEAR,
                T("First MEDICS", "首届MEDICS大会"),
                T(
                    "SOMS launches the Medical International Conference for Students, the "
                    "first international congress for medical students in Bucharest.",
                    "医学生科学组织创办国际医学生大会（MEDICS），这是布加勒斯特首个面向医学生的"
                    "国际大会。",
                ),
            ),
            event(
                year(2017),
                YEAR,
                T("30th anniversary", "成立30周年"),
                T(
                    "Three decades of members doing biomedical research and presenting it to "
                    "their peers.",
                    "三十年来，一代代会员投身生物医学研究，并向同学们分享研究成果。",
                ),
            ),
        ]
    return []


HISTORY_TITLES = {
    "ifmsa": T("History of IFMSA", "国际医学生联合会历史"),
    "ifmsa-china": T("History of IFMSA-China", "国际医学生联合会中国分会历史"),
    "smsa": T("History of SMSA", "苏州大学医学生协会历史"),
    "sumc": T("History of SUMC", "汕头大学医学院大事记"),
    "east-west-alliance": T("History of the East-West Alliance", "东西方联盟历史"),
    "sjtusm": T("History of SJTUSM", "上海交通大学医学院大事记"),
    "soms": T("History of SOMS", "医学生科学组织历史"),
}


# --------------------------------------------------------------------------------------------
# Loader


def load(build: DemoBuild) -> None:
    index, _ = build.ensure_page(
        build.home,
        OrganizationIndexPage,
        INDEX_SLUG,
        show_in_menus=True,
        title=T("Organisations", "组织"),
        intro=rich(
            T(
                "Federations, national and local associations, medical schools and alliances, "
                "and how they belong together.",
                "国际联合会、国家和地方协会、医学院校及联盟，以及它们之间的隶属与合作关系。",
            )
        ),
    )

    def organization(slug: str, fields: dict, publish: bool = True) -> OrganizationPage:
        page, created = build.ensure_page(index, OrganizationPage, slug, publish=publish, **fields)
        if created and not publish:
            drafts.add(slug)
        return page

    drafts: set[str] = set()
    pages: dict[str, OrganizationPage] = {}
    pages["ifmsa"] = organization("ifmsa", ifmsa(build))
    pages["ifmsa-china"] = organization("ifmsa-china", ifmsa_china(build, pages["ifmsa"]))
    pages["smsa"] = organization("smsa", smsa(build, pages["ifmsa-china"]))
    pages["sumc"] = organization("sumc", sumc(build))
    # Drafts until their history exists: their bodies show an excerpt of it.
    pages["east-west-alliance"] = organization("east-west-alliance", ewa(build), publish=False)
    pages["sjtusm"] = organization("sjtusm", sjtusm(build))
    pages["ottawa-shanghai-joint-school"] = organization(
        "ottawa-shanghai-joint-school", ottawa_shanghai(build, pages["sjtusm"])
    )
    pages["soms"] = organization("soms", soms(build), publish=False)

    for acronym, full_name, kind, focus in SMSA_COMMITTEES:
        build.ensure_page(
            pages["smsa"],
            CommitteePage,
            acronym.lower() or slugify(str(full_name)).removesuffix("-team"),
            title=full_name,
            acronym=acronym,
            full_name=full_name,
            committee_kind=kind,
            focus=focus,
        )

    histories = {}
    for slug, title in HISTORY_TITLES.items():
        histories[slug], _ = build.ensure_page(
            pages[slug],
            HistoryPage,
            "history",
            title=title,
            intro=HISTORY_INTRO,
            events=history_events(slug, pages),
        )

    # Built even for existing pages, so the glossary knows these texts if one is retranslated.
    bodies = {
        "east-west-alliance": ewa_body(histories["east-west-alliance"]),
        "soms": soms_body(histories["soms"]),
    }
    for slug in drafts:
        pages[slug].body = bodies[slug]
        build.publish(pages[slug])

    build.feature(pages["ifmsa"], pages["smsa"], pages["east-west-alliance"], pages["soms"])
