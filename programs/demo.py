"""Demo content of the programmes app: partner institutions (snippets) and ten programmes
under one index page, hosted by the organisations the organisations app built.

Facts come from the seed pages in the design notes (001–004); the sentences are our own.
"""

import datetime

from home.dates import DatePrecision
from home.demo_tools import DemoBuild, ListItems, T, rich
from organizations.demo import (
    CAROL_DAVILA,
    FRENCH_PARTNERS,
    HKU,
    IMPACT_THEME,
    SUMC_NAME,
    find_committee,
    find_organization,
)

from .models import (
    PartnerInstitution,
    PartnerProgramPage,
    ProgramIndexPage,
    ProgramKind,
    ProgramPartner,
)

INDEX_SLUG = "programs"

HONG_KONG = T("Hong Kong", "香港")
PARIS = T("Paris", "巴黎")
STRASBOURG = T("Strasbourg", "斯特拉斯堡")
TORONTO = T("Toronto", "多伦多")
GRONINGEN = T("Groningen", "格罗宁根")

# key: (name, short name, country, city, website, logo initials or "")
# Names match the organisations app's texts (the glossary would reject two translations).
PARTNERS: dict[str, tuple] = {
    "stanford": (
        T("Stanford University", "斯坦福大学"),
        "",
        "US",
        T("Stanford", "斯坦福"),
        "https://www.stanford.edu",
        "",
    ),
    "ucsf": (
        T("University of California, San Francisco", "加州大学旧金山分校"),
        "UCSF",
        "US",
        T("San Francisco", "旧金山"),
        "https://www.ucsf.edu",
        "",
    ),
    "alberta": (
        T("University of Alberta", "阿尔伯塔大学"),
        "",
        "CA",
        T("Edmonton", "埃德蒙顿"),
        "https://www.ualberta.ca",
        "",
    ),
    "manitoba": (
        T("University of Manitoba", "曼尼托巴大学"),
        "",
        "CA",
        T("Winnipeg", "温尼伯"),
        "https://umanitoba.ca",
        "",
    ),
    "toronto": (
        T("University of Toronto", "多伦多大学"),
        "",
        "CA",
        TORONTO,
        "https://www.utoronto.ca",
        "",
    ),
    "oxford": (
        T("University of Oxford", "牛津大学"),
        "",
        "GB",
        T("Oxford", "牛津"),
        "https://www.ox.ac.uk",
        "",
    ),
    "groningen": (
        T("University of Groningen", "格罗宁根大学"),
        "",
        "NL",
        GRONINGEN,
        "https://www.rug.nl",
        "",
    ),
    "hyogo": (
        T("Hyogo College of Medicine", "兵库医科大学"),
        "",
        "JP",
        T("Nishinomiya", "西宫"),
        "",
        "",
    ),
    "uwa": (
        T("University of Western Australia", "西澳大学"),
        "UWA",
        "AU",
        T("Perth", "珀斯"),
        "https://www.uwa.edu.au",
        "",
    ),
    "cuhk": (
        T("The Chinese University of Hong Kong", "香港中文大学"),
        "CUHK",
        "HK",
        HONG_KONG,
        "https://www.cuhk.edu.hk",
        "CUHK",
    ),
    "polyu": (
        T("The Hong Kong Polytechnic University", "香港理工大学"),
        "PolyU",
        "HK",
        HONG_KONG,
        "https://www.polyu.edu.hk",
        "",
    ),
    "hku": (HKU, "HKU", "HK", HONG_KONG, "https://www.hku.hk", "HKU"),
    "st-michaels": (
        T("St. Michael’s Hospital", "圣迈克尔医院"),
        "",
        "CA",
        TORONTO,
        "",
        "",
    ),
    "berkeley": (
        T("University of California, Berkeley", "加州大学伯克利分校"),
        "UC Berkeley",
        "US",
        T("Berkeley", "伯克利"),
        "https://www.berkeley.edu",
        "",
    ),
    "cambridge": (
        T("University of Cambridge", "剑桥大学"),
        "",
        "GB",
        T("Cambridge", "剑桥"),
        "https://www.cam.ac.uk",
        "",
    ),
    "umcg": (
        T("University Medical Center Groningen", "格罗宁根大学医学中心"),
        "UMCG",
        "NL",
        GRONINGEN,
        "https://www.umcg.nl",
        "UMCG",
    ),
    "technion": (
        T("Technion – Israel Institute of Technology", "以色列理工学院"),
        "Technion",
        "IL",
        T("Haifa", "海法"),
        "https://www.technion.ac.il",
        "",
    ),
    "melbourne": (
        T("University of Melbourne", "墨尔本大学"),
        "",
        "AU",
        T("Melbourne", "墨尔本"),
        "https://www.unimelb.edu.au",
        "",
    ),
    "michigan": (
        T("University of Michigan", "密歇根大学"),
        "",
        "US",
        T("Ann Arbor", "安娜堡"),
        "https://umich.edu",
        "",
    ),
    "sumc": (SUMC_NAME, "SUMC", "CN", T("Shantou", "汕头"), "", ""),
    "yale": (
        T("Yale University", "耶鲁大学"),
        "",
        "US",
        T("New Haven", "纽黑文"),
        "https://www.yale.edu",
        "",
    ),
    # The seed spells it "John Hopkins".
    "jhu": (
        T("Johns Hopkins University", "约翰斯·霍普金斯大学"),
        "JHU",
        "US",
        T("Baltimore", "巴尔的摩"),
        "https://www.jhu.edu",
        "",
    ),
    "nih": (
        T("National Institutes of Health", "美国国立卫生研究院"),
        "NIH",
        "US",
        T("Bethesda", "贝塞斯达"),
        "https://www.nih.gov",
        "",
    ),
    "who": (
        T("World Health Organization", "世界卫生组织"),
        "WHO",
        "CH",
        T("Geneva", "日内瓦"),
        "https://www.who.int",
        "",
    ),
    "wma": (
        T("World Medical Association", "世界医学会"),
        "WMA",
        "FR",
        T("Ferney-Voltaire", "费尔奈-伏尔泰"),
        "https://www.wma.net",
        "",
    ),
    "cetv": (
        T("China Education Television", "中国教育电视台"),
        "CETV",
        "CN",
        T("Beijing", "北京"),
        "",
        "CETV",
    ),
    "paris-descartes": (FRENCH_PARTNERS[0], "", "FR", PARIS, "", ""),
    "aix-marseille": (
        FRENCH_PARTNERS[1],
        "",
        "FR",
        T("Marseille", "马赛"),
        "https://www.univ-amu.fr",
        "",
    ),
    "lyon": (FRENCH_PARTNERS[2], "", "FR", T("Lyon", "里昂"), "", ""),
    "strasbourg": (FRENCH_PARTNERS[3], "", "FR", STRASBOURG, "https://www.unistra.fr", ""),
    "grenoble": (
        FRENCH_PARTNERS[4],
        "",
        "FR",
        T("Grenoble", "格勒诺布尔"),
        "https://www.univ-grenoble-alpes.fr",
        "",
    ),
    "paris-diderot": (FRENCH_PARTNERS[5], "", "FR", PARIS, "", ""),
    "montpellier": (
        FRENCH_PARTNERS[6],
        "",
        "FR",
        T("Montpellier", "蒙彼利埃"),
        "https://www.umontpellier.fr",
        "",
    ),
    # The seed spells it "Rueon".
    "rouen": (
        FRENCH_PARTNERS[7],
        "",
        "FR",
        T("Rouen", "鲁昂"),
        "https://www.univ-rouen.fr",
        "",
    ),
    "paris-vi": (FRENCH_PARTNERS[8], "", "FR", PARIS, "", ""),
    "lille": (FRENCH_PARTNERS[9], "", "FR", T("Lille", "里尔"), "https://www.univ-lille.fr", ""),
    "strasbourg-health": (
        T("Health Bureau of Strasbourg", "斯特拉斯堡卫生局"),
        "",
        "FR",
        STRASBOURG,
        "",
        "",
    ),
    "uottawa-medicine": (
        T("Faculty of Medicine, University of Ottawa", "渥太华大学医学院"),
        "",
        "CA",
        T("Ottawa", "渥太华"),
        "https://med.uottawa.ca",
        "uO",
    ),
    "carol-davila": (
        CAROL_DAVILA,
        "",
        "RO",
        T("Bucharest", "布加勒斯特"),
        "https://umfcd.ro",
        "UMFCD",
    ),
    "soochow": (
        T("Soochow University Medical College", "苏州大学医学部"),
        "",
        "CN",
        T("Suzhou", "苏州"),
        "",
        "",
    ),
}

SUMC_EXCHANGE = [
    "stanford",
    "ucsf",
    "alberta",
    "manitoba",
    "toronto",
    "oxford",
    "groningen",
    "hyogo",
    "uwa",
    "cuhk",
    "polyu",
]
# One institution per member, in the order of the alliance's own list (organizations.demo).
EWA_MEMBER_KEYS = [
    "sumc",
    "stanford",
    "st-michaels",
    "alberta",
    "berkeley",
    "ucsf",
    "cambridge",
    "hku",
    "manitoba",
    "oxford",
    "umcg",
    "technion",
    "cuhk",
    "melbourne",
    "michigan",
]
TELEMEDICINE = ["stanford", "yale", "jhu", "cambridge", "cuhk", "hku", "toronto", "nih", "oxford"]
FRENCH = [
    "paris-descartes",
    "aix-marseille",
    "lyon",
    "strasbourg",
    "grenoble",
    "paris-diderot",
    "montpellier",
    "rouen",
    "paris-vi",
    "lille",
    "strasbourg-health",
]

AT_A_GLANCE = T("At a glance", "概览")
STUDY_TOURS = T("regular short-term study tours", "个常规短期研修项目")
IFMSA_ELIGIBILITY = rich(
    T(
        "Medical students represented by an IFMSA national member organisation. Exchanges "
        "take place in countries where a member organisation is active.",
        "由国际医学生联合会国家成员组织所代表的医学生均可申请，交流在有成员组织开展活动的"
        "国家进行。",
    )
)


def heading(text: str, level: str = "h2") -> tuple[str, dict]:
    return ("heading", {"text": text, "level": level})


def paragraph(*parts: T | ListItems) -> tuple[str, str]:
    return ("paragraph", rich(*parts))


def partner_grid(title: str, institutions: list) -> tuple[str, dict]:
    return ("partner_grid", {"heading": title, "partners": institutions})


def link_to(text: str, page) -> tuple[str, dict]:
    return ("call_to_action", {"text": text, "page": page, "url": ""})


def ensure_partners(build: DemoBuild) -> dict[str, PartnerInstitution]:
    institutions = {}
    for key, (name, short_name, country, city, website, initials) in PARTNERS.items():
        institutions[key] = build.ensure_snippet(
            PartnerInstitution,
            {"name": name},
            short_name=short_name,
            country=country,
            city=city,
            website=website,
            logo=build.logo(name, initials) if initials else None,
        )
    return institutions


def programmes(build: DemoBuild, partners: dict[str, PartnerInstitution]) -> list[tuple]:
    """(slug, fields, partner keys) for each programme, in the order they are listed."""
    org = find_organization

    def pick(keys: list[str]) -> list[PartnerInstitution]:
        return [partners[key] for key in keys]

    return [
        (
            "ifmsa-professional-exchange",
            {
                "title": T("IFMSA Professional Exchange", "国际医学生联合会专业交流项目"),
                "kind": ProgramKind.CLINICAL,
                "host_organization": org("ifmsa"),
                "summary": T(
                    "Clinical placements abroad for medical students, in countries where an "
                    "IFMSA member organisation is active.",
                    "为医学生提供赴海外临床见习的机会，交流地点为设有国际医学生联合会成员组织的"
                    "国家。",
                ),
                "eligibility": IFMSA_ELIGIBILITY,
                "body": [
                    paragraph(
                        T(
                            "A professional exchange places a medical student in a hospital in "
                            "another country where an IFMSA member organisation is active, to "
                            "learn clinical medicine there.",
                            "专业交流安排医学生前往另一个有国际医学生联合会成员组织的国家，在当地"
                            "医院学习临床医学。",
                        )
                    ),
                    link_to(
                        T(
                            "Soochow University students: contact SMSA’s SCOPE",
                            "苏州大学学生请联系苏州大学医学生协会专业交流常设委员会",
                        ),
                        find_committee("smsa", "scope"),
                    ),
                ],
            },
            [],
        ),
        (
            "ifmsa-research-exchange",
            {
                "title": T("IFMSA Research Exchange", "国际医学生联合会科研交流项目"),
                "kind": ProgramKind.RESEARCH,
                "host_organization": org("ifmsa"),
                "summary": T(
                    "Research placements abroad for medical students, in countries where an "
                    "IFMSA member organisation is active.",
                    "为医学生提供赴海外参与科研的机会，交流地点为设有国际医学生联合会成员组织的"
                    "国家。",
                ),
                "eligibility": IFMSA_ELIGIBILITY,
                "body": [
                    paragraph(
                        T(
                            "A research exchange lets a medical student join a research project "
                            "in another country where an IFMSA member organisation is active.",
                            "科研交流让医学生前往另一个有国际医学生联合会成员组织的国家，加入当地的"
                            "科研项目。",
                        )
                    ),
                    link_to(
                        T(
                            "Soochow University students: contact SMSA’s SCORE",
                            "苏州大学学生请联系苏州大学医学生协会科研交流常设委员会",
                        ),
                        find_committee("smsa", "score"),
                    ),
                ],
            },
            [],
        ),
        (
            "sumc-student-exchange",
            {
                "title": T("SUMC student exchange programmes", "汕头大学医学院学生交流项目"),
                "kind": ProgramKind.CLINICAL,
                "host_organization": org("sumc"),
                "summary": T(
                    "Study abroad at eleven partner universities for SUMC’s best students, and "
                    "short-term programmes in Shantou for international students.",
                    "汕头大学医学院选拔优秀学生赴11所合作院校学习，并为国际学生在汕头开设短期"
                    "项目。",
                ),
                "eligibility": rich(
                    T(
                        "Outgoing: top SUMC medical students, selected every year.",
                        "外派：汕头大学医学院每年选拔的优秀医学生。",
                    ),
                    T(
                        "Incoming: international students, at any time of the year.",
                        "来访：国际学生，全年均可参加。",
                    ),
                ),
                "body": [
                    (
                        "key_figures",
                        {
                            "heading": AT_A_GLANCE,
                            "figures": [
                                {
                                    "value": T.same("11"),
                                    "label": T("partner universities", "所合作院校"),
                                },
                                {
                                    "value": T.same("8"),
                                    "label": T("countries and regions", "个国家和地区"),
                                },
                            ],
                        },
                    ),
                    paragraph(
                        T(
                            "Every year SUMC selects its top medical students for study-abroad "
                            "programmes of medical education and research training at its "
                            "partner universities.",
                            "汕头大学医学院每年选拔优秀医学生，赴合作院校参加医学教育和科研训练"
                            "项目。",
                        ),
                        T(
                            "International students come to SUMC throughout the year for "
                            "flexible short-term programmes.",
                            "国际学生可全年来到汕头大学医学院，参加灵活的短期项目。",
                        ),
                    ),
                    partner_grid(T("Exchange partners", "交流合作院校"), pick(SUMC_EXCHANGE)),
                ],
            },
            SUMC_EXCHANGE,
        ),
        (
            "east-west-alliance-annual-meeting",
            {
                "title": T("East-West Alliance annual meeting", "东西方联盟年会"),
                "kind": ProgramKind.CONFERENCE,
                "host_organization": org("east-west-alliance"),
                "since": datetime.date(2007, 1, 1),
                "since_precision": DatePrecision.YEAR,
                "summary": T(
                    "A yearly scientific meeting of the alliance’s members, hosted by a "
                    "different member each time since 2007.",
                    "联盟成员每年举行的科学会议，自2007年起由各成员轮流主办。",
                ),
                "body": [
                    paragraph(
                        T(
                            "The meeting brings the members together every year to address "
                            "significant scientific questions. Between 2007 and 2018 its hosts "
                            "included The University of Hong Kong, the University of Cambridge, "
                            "Stanford University, the University of Manitoba, University "
                            "Medical Center Groningen and Shantou University Medical College.",
                            "年会每年把各成员聚集在一起，共同探讨重大科学问题。2007年至2018年间，"
                            "主办方包括香港大学、剑桥大学、斯坦福大学、曼尼托巴大学、格罗宁根大学"
                            "医学中心和汕头大学医学院。",
                        )
                    ),
                    (
                        "quote",
                        {
                            "quote": IMPACT_THEME,
                            "attribution": T(
                                "Theme of the 12th meeting, Shantou, 2018",
                                "第十二届年会主题（2018年，汕头）",
                            ),
                        },
                    ),
                    partner_grid(T("Member institutions", "成员机构"), pick(EWA_MEMBER_KEYS)),
                    link_to(
                        T("The alliance and its members", "了解联盟及其成员"),
                        org("east-west-alliance"),
                    ),
                ],
            },
            EWA_MEMBER_KEYS,
        ),
        (
            "national-telemedicine-symposiums",
            {
                "title": T("National Telemedicine Symposiums", "全国远程医学研讨会"),
                "kind": ProgramKind.SYMPOSIUM,
                "host_organization": org("sumc"),
                "since": datetime.date(1999, 1, 1),
                "since_precision": DatePrecision.YEAR,
                "summary": T(
                    "Held every year since 1999 by SUMC with overseas universities and "
                    "institutes, and broadcast live by China Education TV.",
                    "汕头大学医学院自1999年起每年与海外大学和研究机构联合举办，并由中国教育电视台"
                    "现场直播。",
                ),
                "body": [
                    paragraph(
                        T(
                            "SUMC has organised these national symposiums with overseas "
                            "partners every year since 1999. The partners have included "
                            "Stanford, Yale and Johns Hopkins Universities, the Universities of "
                            "Cambridge, Oxford and Toronto, the Chinese University of Hong Kong, "
                            "the University of Hong Kong and the National Institutes of Health "
                            "(USA).",
                            "自1999年起，汕头大学医学院每年与海外合作伙伴共同举办全国远程医学"
                            "研讨会。合作方包括斯坦福大学、耶鲁大学、约翰斯·霍普金斯大学、剑桥大学、"
                            "牛津大学、多伦多大学、香港中文大学、香港大学以及美国国立卫生研究院。",
                        ),
                        T(
                            "China Education TV broadcast the symposiums live, and they could "
                            "also be followed on the internet.",
                            "研讨会由中国教育电视台现场直播，观众也可通过互联网收看。",
                        ),
                    ),
                    partner_grid(
                        T("Partner universities and institutes", "合作大学与研究机构"),
                        pick(TELEMEDICINE),
                    ),
                    partner_grid(T("Broadcast by", "直播媒体"), pick(["cetv"])),
                ],
            },
            TELEMEDICINE,
        ),
        (
            "sino-french-medical-education",
            {
                "title": T("Sino-French medical education", "中法合作医学教育"),
                "kind": ProgramKind.JOINT_SCHOOL,
                "host_organization": org("sjtusm"),
                "since": datetime.date(1980, 1, 1),
                "since_precision": DatePrecision.DECADE,
                "summary": T(
                    "SJTUSM’s partnerships with French universities since the 1980s: an "
                    "eight-year clinical medicine programme in French, a nurse exchange and a "
                    "master’s degree in life sciences.",
                    "上海交通大学医学院自20世纪80年代起与法国大学开展的合作，包括八年制临床医学"
                    "法语项目、护士交流项目和生命科学硕士学位项目。",
                ),
                "body": [
                    heading(T("Main projects", "主要项目")),
                    paragraph(
                        ListItems(
                            [
                                T(
                                    "an eight-year Clinical Medicine programme in French, with "
                                    "the University of Strasbourg",
                                    "与斯特拉斯堡大学合作的八年制临床医学法语项目",
                                ),
                                T(
                                    "a nurse exchange with the Health Bureau of Strasbourg",
                                    "与斯特拉斯堡卫生局合作的护士交流项目",
                                ),
                                T(
                                    "a Master’s degree programme in Life Sciences, with the "
                                    "University of Lyon and the University of Lille",
                                    "与里昂大学和里尔大学合作的生命科学硕士学位项目",
                                ),
                            ]
                        ),
                        T(
                            "The cooperation spans clinical medicine, nursing and pharmacy and "
                            "trains students from undergraduate to postdoctoral level. In "
                            "recent years SJTUSM has also worked more closely with well-known "
                            "French-speaking medical schools in China and abroad, and explored "
                            "advanced models of medical training to strengthen its "
                            "international education.",
                            "合作涵盖临床医学、护理学和药学，培养对象从本科生直至博士后。近年来，"
                            "上海交通大学医学院还不断加强与国内外知名法语医学院校的合作与交流，并"
                            "探索先进的医学人才培养模式，以提升国际化教育的综合实力和竞争力。",
                        ),
                    ),
                    partner_grid(T("French partners", "法国合作伙伴"), pick(FRENCH)),
                ],
            },
            FRENCH,
        ),
        (
            "sjtusm-overseas-study-tours",
            {
                "title": T("SJTUSM overseas study tours", "上海交通大学医学院海外研修项目"),
                "kind": ProgramKind.STUDY_TOUR,
                "host_organization": org("sjtusm"),
                "participants_per_year": 350,
                "summary": T(
                    "More than 50 regular short-term study tours take about 350 SJTUSM "
                    "students a year overseas, to Hong Kong or to Taiwan.",
                    "50余个常规短期研修项目，每年选派约350名上海交通大学医学院学生赴海外及港台"
                    "地区学习。",
                ),
                "eligibility": rich(
                    T("Students of SJTUSM.", "上海交通大学医学院在读学生。"),
                ),
                "body": [
                    (
                        "key_figures",
                        {
                            "heading": AT_A_GLANCE,
                            "figures": [
                                {"value": T("50+", "50余"), "label": STUDY_TOURS},
                                {
                                    "value": T("About 350", "约350"),
                                    "label": T("students a year", "名学生/年"),
                                },
                            ],
                        },
                    ),
                    heading(T("Kinds of study tour", "研修类型")),
                    (
                        "table",
                        {
                            "data": [
                                [T("Kind", "类型"), T("What students do", "学习内容")],
                                [
                                    T("Clinical probation", "临床见习"),
                                    T(
                                        "Clinical placements in hospitals",
                                        "在医院进行临床见习",
                                    ),
                                ],
                                [
                                    T("Laboratory training", "实验室研修"),
                                    T(
                                        "Research training, rotating between laboratories",
                                        "在多个实验室轮转，接受科研训练",
                                    ),
                                ],
                                [
                                    T("Course learning", "课程学习"),
                                    T("Courses at a partner school", "在合作院校修读课程"),
                                ],
                                [
                                    T("Visits", "参观访问"),
                                    T("Visiting programmes", "参观访问项目"),
                                ],
                            ],
                            "first_row_is_table_header": True,
                            "first_col_is_header": True,
                        },
                    ),
                    paragraph(
                        T(
                            "The number of students taking part rises year by year, and "
                            "students say they have gained a great deal from the tours.",
                            "参加研修的学生人数逐年增加，学生们普遍反映收获很大。",
                        )
                    ),
                ],
            },
            [],
        ),
        (
            "ottawa-shanghai-joint-programme",
            {
                "title": T(
                    "Ottawa–Shanghai joint medical programme", "渥太华-上海联合医学教育项目"
                ),
                "kind": ProgramKind.JOINT_SCHOOL,
                "host_organization": org("ottawa-shanghai-joint-school"),
                "since": datetime.date(2014, 10, 1),
                "since_precision": DatePrecision.MONTH,
                "summary": T(
                    "Medical education at the Ottawa–Shanghai Joint School of Medicine, run "
                    "since October 2014 with the University of Ottawa’s Faculty of Medicine.",
                    "渥太华-上海联合医学院自2014年10月起与渥太华大学医学院合作开展的医学教育项目。",
                ),
                "body": [
                    paragraph(
                        T(
                            "The programme brings North American ideas on international "
                            "medical education, curriculum models and online teaching platforms "
                            "to China. It is the only Sino-foreign joint programme in medical "
                            "education approved by China’s Ministry of Education.",
                            "项目把北美国际化医学教育的理念、课程模式和在线教学平台引入中国，是"
                            "中国教育部批准的唯一一个中外合作医学教育项目。",
                        )
                    ),
                    partner_grid(T("Partner", "合作院校"), pick(["uottawa-medicine"])),
                    link_to(
                        T("About the joint school", "了解联合医学院"),
                        org("ottawa-shanghai-joint-school"),
                    ),
                ],
            },
            ["uottawa-medicine"],
        ),
        (
            "medics",
            {
                "title": T(
                    "Medical International Conference for Students (MEDICS)",
                    "国际医学生大会（MEDICS）",
                ),
                "kind": ProgramKind.CONFERENCE,
                "host_organization": org("soms"),
                "since": datetime.date(2016, 1, 1),
                "since_precision": DatePrecision.YEAR,
                "summary": T(
                    "SOMS’s main event since 2016, and the first international congress for "
                    "medical students in Bucharest.",
                    "医学生科学组织自2016年起举办的最重要活动，也是布加勒斯特首个面向医学生的国际"
                    "大会。",
                ),
                "body": [
                    paragraph(
                        T(
                            "SOMS designed MEDICS to put people who are passionate about "
                            "science in touch with research and with one another, and to let "
                            "science reach as many students as possible. Each edition aims to "
                            "be the most anticipated scientific event of the year.",
                            "医学生科学组织创办MEDICS，是为了让热爱科学的人接触科研、彼此结识，让"
                            "科学惠及尽可能多的学生。大会希望每一届都成为年度最令人期待的科学盛会。",
                        )
                    ),
                    link_to(T("About SOMS", "了解医学生科学组织"), org("soms")),
                ],
            },
            ["carol-davila"],
        ),
        (
            "basic-research-skills",
            {
                "title": T("Basic Research Skills workshop", "“基础科研技能”工作坊"),
                "kind": ProgramKind.COURSE,
                "host_organization": org("soms"),
                "summary": T(
                    "One of SOMS’s regular workshops, helping medical students build the "
                    "skills they need for research.",
                    "医学生科学组织定期举办的工作坊之一，帮助医学生掌握开展科研所需的技能。",
                ),
                "body": [
                    paragraph(
                        T(
                            "Alongside its monthly Scientific Communication Sessions and its "
                            "lectures, SOMS runs workshops that strengthen students’ scientific "
                            "abilities. Basic Research Skills is one of the regular ones.",
                            "除每月的科学交流会和各类讲座外，医学生科学组织还举办提升学生科研能力的"
                            "工作坊，“基础科研技能”便是其中定期举办的一项。",
                        )
                    ),
                ],
            },
            [],
        ),
    ]


def load(build: DemoBuild) -> None:
    partners = ensure_partners(build)
    index, _ = build.ensure_page(
        build.home,
        ProgramIndexPage,
        INDEX_SLUG,
        show_in_menus=True,
        title=T("Programmes", "项目"),
        intro=rich(
            T(
                "Exchanges, courses, study tours, joint schools, symposiums and conferences, "
                "with their hosts and partner institutions.",
                "交流项目、课程、海外研修、联合办学、专题研讨会和学术会议，以及它们的主办方和"
                "合作院校。",
            )
        ),
    )
    pages = {}
    for slug, fields, partner_keys in programmes(build, partners):
        rows = [
            ProgramPartner(institution=partners[key], sort_order=position)
            for position, key in enumerate(partner_keys)
        ]
        pages[slug], _ = build.ensure_page(index, PartnerProgramPage, slug, partners=rows, **fields)
    build.feature(
        pages["national-telemedicine-symposiums"],
        pages["sino-french-medical-education"],
        pages["medics"],
    )
