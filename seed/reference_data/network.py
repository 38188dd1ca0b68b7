"""Member and observer states, organisations, the Contact Group of the Friends of Mediation, field
contexts, and the vocabularies of the roster (areas of expertise, languages, regions)."""

import datetime

AFRICAN, ARAB, ASIAN = "african", "arab", "asian"

# ISO alpha-2, alpha-3, slug, English, French, Arabic, OIC geographic group, African Union member,
# League of Arab States member. The group is left empty where the OIC's allocation is not certain
# (Albania, Guyana, Suriname).
MEMBER_STATES = [
    ("AF", "AFG", "afghanistan", "Afghanistan", "Afghanistan", "أفغانستان", ASIAN, False, False),
    ("AL", "ALB", "albania", "Albania", "Albanie", "ألبانيا", "", False, False),
    ("DZ", "DZA", "algeria", "Algeria", "Algérie", "الجزائر", ARAB, True, True),
    ("AZ", "AZE", "azerbaijan", "Azerbaijan", "Azerbaïdjan", "أذربيجان", ASIAN, False, False),
    ("BH", "BHR", "bahrain", "Bahrain", "Bahreïn", "البحرين", ARAB, False, True),
    ("BD", "BGD", "bangladesh", "Bangladesh", "Bangladesh", "بنغلاديش", ASIAN, False, False),
    ("BJ", "BEN", "benin", "Benin", "Bénin", "بنين", AFRICAN, True, False),
    (
        "BN",
        "BRN",
        "brunei",
        "Brunei Darussalam",
        "Brunéi Darussalam",
        "بروناي دار السلام",
        ASIAN,
        False,
        False,
    ),
    (
        "BF",
        "BFA",
        "burkina-faso",
        "Burkina Faso",
        "Burkina Faso",
        "بوركينا فاسو",
        AFRICAN,
        True,
        False,
    ),
    ("CM", "CMR", "cameroon", "Cameroon", "Cameroun", "الكاميرون", AFRICAN, True, False),
    ("TD", "TCD", "chad", "Chad", "Tchad", "تشاد", AFRICAN, True, False),
    ("KM", "COM", "comoros", "Comoros", "Comores", "جزر القمر", ARAB, True, True),
    (
        "CI",
        "CIV",
        "cote-divoire",
        "Côte d'Ivoire",
        "Côte d'Ivoire",
        "كوت ديفوار",
        AFRICAN,
        True,
        False,
    ),
    ("DJ", "DJI", "djibouti", "Djibouti", "Djibouti", "جيبوتي", ARAB, True, True),
    ("EG", "EGY", "egypt", "Egypt", "Égypte", "مصر", ARAB, True, True),
    ("GA", "GAB", "gabon", "Gabon", "Gabon", "الغابون", AFRICAN, True, False),
    ("GM", "GMB", "gambia", "The Gambia", "Gambie", "غامبيا", AFRICAN, True, False),
    ("GN", "GIN", "guinea", "Guinea", "Guinée", "غينيا", AFRICAN, True, False),
    (
        "GW",
        "GNB",
        "guinea-bissau",
        "Guinea-Bissau",
        "Guinée-Bissau",
        "غينيا بيساو",
        AFRICAN,
        True,
        False,
    ),
    ("GY", "GUY", "guyana", "Guyana", "Guyana", "غيانا", "", False, False),
    ("ID", "IDN", "indonesia", "Indonesia", "Indonésie", "إندونيسيا", ASIAN, False, False),
    ("IR", "IRN", "iran", "Iran", "Iran", "إيران", ASIAN, False, False),
    ("IQ", "IRQ", "iraq", "Iraq", "Iraq", "العراق", ARAB, False, True),
    ("JO", "JOR", "jordan", "Jordan", "Jordanie", "الأردن", ARAB, False, True),
    ("KZ", "KAZ", "kazakhstan", "Kazakhstan", "Kazakhstan", "كازاخستان", ASIAN, False, False),
    ("KW", "KWT", "kuwait", "Kuwait", "Koweït", "الكويت", ARAB, False, True),
    ("KG", "KGZ", "kyrgyzstan", "Kyrgyzstan", "Kirghizistan", "قيرغيزستان", ASIAN, False, False),
    ("LB", "LBN", "lebanon", "Lebanon", "Liban", "لبنان", ARAB, False, True),
    ("LY", "LBY", "libya", "Libya", "Libye", "ليبيا", ARAB, True, True),
    ("MY", "MYS", "malaysia", "Malaysia", "Malaisie", "ماليزيا", ASIAN, False, False),
    ("MV", "MDV", "maldives", "Maldives", "Maldives", "جزر المالديف", ASIAN, False, False),
    ("ML", "MLI", "mali", "Mali", "Mali", "مالي", AFRICAN, True, False),
    ("MR", "MRT", "mauritania", "Mauritania", "Mauritanie", "موريتانيا", ARAB, True, True),
    ("MA", "MAR", "morocco", "Morocco", "Maroc", "المغرب", ARAB, True, True),
    ("MZ", "MOZ", "mozambique", "Mozambique", "Mozambique", "موزمبيق", AFRICAN, True, False),
    ("NE", "NER", "niger", "Niger", "Niger", "النيجر", AFRICAN, True, False),
    ("NG", "NGA", "nigeria", "Nigeria", "Nigéria", "نيجيريا", AFRICAN, True, False),
    ("OM", "OMN", "oman", "Oman", "Oman", "عُمان", ARAB, False, True),
    ("PK", "PAK", "pakistan", "Pakistan", "Pakistan", "باكستان", ASIAN, False, False),
    ("PS", "PSE", "palestine", "Palestine", "Palestine", "فلسطين", ARAB, False, True),
    ("QA", "QAT", "qatar", "Qatar", "Qatar", "قطر", ARAB, False, True),
    (
        "SA",
        "SAU",
        "saudi-arabia",
        "Saudi Arabia",
        "Arabie saoudite",
        "المملكة العربية السعودية",
        ARAB,
        False,
        True,
    ),
    ("SN", "SEN", "senegal", "Senegal", "Sénégal", "السنغال", AFRICAN, True, False),
    ("SL", "SLE", "sierra-leone", "Sierra Leone", "Sierra Leone", "سيراليون", AFRICAN, True, False),
    ("SO", "SOM", "somalia", "Somalia", "Somalie", "الصومال", ARAB, True, True),
    ("SD", "SDN", "sudan", "Sudan", "Soudan", "السودان", ARAB, True, True),
    ("SR", "SUR", "suriname", "Suriname", "Suriname", "سورينام", "", False, False),
    ("SY", "SYR", "syria", "Syria", "Syrie", "سوريا", ARAB, False, True),
    ("TJ", "TJK", "tajikistan", "Tajikistan", "Tadjikistan", "طاجيكستان", ASIAN, False, False),
    ("TG", "TGO", "togo", "Togo", "Togo", "توغو", AFRICAN, True, False),
    ("TN", "TUN", "tunisia", "Tunisia", "Tunisie", "تونس", ARAB, True, True),
    ("TR", "TUR", "turkiye", "Türkiye", "Türkiye", "تركيا", ASIAN, False, False),
    (
        "TM",
        "TKM",
        "turkmenistan",
        "Turkmenistan",
        "Turkménistan",
        "تركمانستان",
        ASIAN,
        False,
        False,
    ),
    ("UG", "UGA", "uganda", "Uganda", "Ouganda", "أوغندا", AFRICAN, True, False),
    (
        "AE",
        "ARE",
        "united-arab-emirates",
        "United Arab Emirates",
        "Émirats arabes unis",
        "الإمارات العربية المتحدة",
        ARAB,
        False,
        True,
    ),
    ("UZ", "UZB", "uzbekistan", "Uzbekistan", "Ouzbékistan", "أوزبكستان", ASIAN, False, False),
    ("YE", "YEM", "yemen", "Yemen", "Yémen", "اليمن", ARAB, False, True),
]

# Observer states that are UN member states (the "Turkish Cypriot State" observer is left out).
# Same columns; observers belong to no OIC geographic group.
OBSERVER_STATES = [
    (
        "BA",
        "BIH",
        "bosnia-and-herzegovina",
        "Bosnia and Herzegovina",
        "Bosnie-Herzégovine",
        "البوسنة والهرسك",
        "",
        False,
        False,
    ),
    (
        "CF",
        "CAF",
        "central-african-republic",
        "Central African Republic",
        "République centrafricaine",
        "جمهورية أفريقيا الوسطى",
        "",
        True,
        False,
    ),
    (
        "RU",
        "RUS",
        "russian-federation",
        "Russian Federation",
        "Fédération de Russie",
        "الاتحاد الروسي",
        "",
        False,
        False,
    ),
    ("TH", "THA", "thailand", "Thailand", "Thaïlande", "تايلاند", "", False, False),
]

# Departures from plain membership, by ISO alpha-2 code.
STATUS_CHANGES = {
    "SY": {
        "status": "suspended",
        "status_since": datetime.date(2012, 8, 16),
        "status_note": {
            "en": "Membership suspended in August 2012 by the Extraordinary Islamic Summit in Makkah.",
            "fr": "Adhésion suspendue en août 2012 par le Sommet islamique extraordinaire de La Mecque.",
            "ar": "عُلِّقت عضويتها في أغسطس 2012 بقرار من القمة الإسلامية الاستثنائية في مكة المكرمة.",
        },
    },
}

# Parents come before their units.
ORGANISATIONS = [
    {
        "slug": "oic-general-secretariat",
        "kind": "oic_body",
        "name": {
            "en": "OIC General Secretariat",
            "fr": "Secrétariat général de l'OCI",
            "ar": "الأمانة العامة لمنظمة التعاون الإسلامي",
        },
        "acronym": {"en": "OIC GS", "fr": "SG de l'OCI", "ar": "الأمانة العامة"},
        "description": {
            "en": "The executive organ of the Organisation of Islamic Cooperation, in Jeddah, headed by the Secretary General.",
            "fr": "L'organe exécutif de l'Organisation de la coopération islamique, à Djeddah, dirigé par le Secrétaire général.",
            "ar": "الجهاز التنفيذي لمنظمة التعاون الإسلامي، ومقرّه جدة، ويرأسه الأمين العام.",
        },
        "website": "https://www.oic-oci.org/",
    },
    {
        "slug": "pscu",
        "kind": "oic_body",
        "parent": "oic-general-secretariat",
        "name": {
            "en": "Peace, Security and Conflict Resolution Unit",
            "fr": "Unité de paix, de sécurité et de résolution des conflits",
            "ar": "وحدة السلم والأمن وحل النزاعات",
        },
        "acronym": {"en": "PSCU", "fr": "PSCU", "ar": "PSCU"},
        "description": {
            "en": "Unit of the OIC General Secretariat; grew out of the Peace, Security and Mediation Unit set up in March 2013. Paragraph 4 of Resolution 53/45-POL calls for it to be strengthened.",
            "fr": "Unité du Secrétariat général de l'OCI, issue de l'Unité de paix, de sécurité et de médiation créée en mars 2013. Le paragraphe 4 de la résolution 53/45-POL demande son renforcement.",
            "ar": "وحدة تابعة للأمانة العامة لمنظمة التعاون الإسلامي، نشأت عن وحدة السلم والأمن والوساطة التي أُنشئت في مارس 2013. وتدعو الفقرة 4 من القرار 53/45-POL إلى تعزيزها.",
        },
    },
    {
        "slug": "committee-of-wise-persons",
        "kind": "oic_body",
        "name": {"en": "Committee of Wise Persons", "fr": "Comité des Sages", "ar": "لجنة الحكماء"},
        "description": {
            "en": "Part of the OIC peace and security architecture, with special initiatives, the PSCU and the Special Envoys of the Secretary General.",
            "fr": "Élément de l'architecture de paix et de sécurité de l'OCI, avec les initiatives spéciales, la PSCU et les envoyés spéciaux du Secrétaire général.",
            "ar": "جزء من هيكل السلم والأمن في منظمة التعاون الإسلامي، إلى جانب المبادرات الخاصة ووحدة السلم والأمن وحل النزاعات والمبعوثين الخاصين للأمين العام.",
        },
    },
    {
        "slug": "sesric",
        "kind": "oic_body",
        "name": {
            "en": "Statistical, Economic and Social Research and Training Centre for Islamic Countries",
            "fr": "Centre de recherches statistiques, économiques et sociales et de formation pour les pays islamiques",
            "ar": "مركز الأبحاث الإحصائية والاقتصادية والاجتماعية والتدريب للدول الإسلامية",
        },
        "acronym": {"en": "SESRIC", "fr": "SESRIC", "ar": "سيسرك"},
        "description": {
            "en": "The OIC's statistical and research centre, in Ankara.",
            "fr": "Le centre de statistiques et de recherche de l'OCI, à Ankara.",
            "ar": "مركز الإحصاء والبحوث التابع لمنظمة التعاون الإسلامي، ومقرّه أنقرة.",
        },
        "website": "https://www.sesric.org/",
    },
    {
        "slug": "united-nations",
        "kind": "partner",
        "name": {
            "en": "United Nations",
            "fr": "Organisation des Nations Unies",
            "ar": "الأمم المتحدة",
        },
        "acronym": {"en": "UN", "fr": "ONU", "ar": "الأمم المتحدة"},
        "website": "https://www.un.org/",
    },
    {
        "slug": "un-mediation-support-unit",
        "kind": "partner",
        "parent": "united-nations",
        "name": {
            "en": "UN Mediation Support Unit",
            "fr": "Groupe de l'appui à la médiation des Nations Unies",
            "ar": "وحدة دعم الوساطة التابعة للأمم المتحدة",
        },
        "acronym": {"en": "MSU", "fr": "MSU", "ar": "وحدة دعم الوساطة"},
        "website": "https://peacemaker.un.org/",
    },
    {
        "slug": "un-standby-team-of-mediation-experts",
        "kind": "partner",
        "parent": "un-mediation-support-unit",
        "name": {
            "en": "UN Standby Team of Mediation Experts",
            "fr": "Équipe de réserve d'experts de la médiation des Nations Unies",
            "ar": "الفريق الاحتياطي لخبراء الوساطة التابع للأمم المتحدة",
        },
    },
    {
        "slug": "unitar",
        "kind": "partner",
        "parent": "united-nations",
        "name": {
            "en": "United Nations Institute for Training and Research",
            "fr": "Institut des Nations Unies pour la formation et la recherche",
            "ar": "معهد الأمم المتحدة للتدريب والبحث",
        },
        "acronym": {"en": "UNITAR", "fr": "UNITAR", "ar": "يونيتار"},
        "website": "https://unitar.org/",
    },
    {
        "slug": "unitar-pmcp",
        "kind": "partner",
        "parent": "unitar",
        "name": {
            "en": "UNITAR Peacemaking and Conflict Prevention Programme",
            "fr": "Programme de paix et prévention des conflits de l'UNITAR",
            "ar": "برنامج صنع السلام ومنع النزاعات التابع لمعهد الأمم المتحدة للتدريب والبحث",
        },
        "acronym": {"en": "PMCP", "fr": "PMCP", "ar": "PMCP"},
    },
    {
        "slug": "osce",
        "kind": "partner",
        "name": {
            "en": "Organization for Security and Co-operation in Europe",
            "fr": "Organisation pour la sécurité et la coopération en Europe",
            "ar": "منظمة الأمن والتعاون في أوروبا",
        },
        "acronym": {"en": "OSCE", "fr": "OSCE", "ar": "منظمة الأمن والتعاون في أوروبا"},
        "website": "https://www.osce.org/",
    },
    {
        "slug": "african-union",
        "kind": "partner",
        "name": {"en": "African Union", "fr": "Union africaine", "ar": "الاتحاد الأفريقي"},
        "acronym": {"en": "AU", "fr": "UA", "ar": "الاتحاد الأفريقي"},
        "website": "https://au.int/",
    },
    {
        "slug": "league-of-arab-states",
        "kind": "partner",
        "name": {
            "en": "League of Arab States",
            "fr": "Ligue des États arabes",
            "ar": "جامعة الدول العربية",
        },
        "acronym": {"en": "LAS", "fr": "LEA", "ar": "الجامعة العربية"},
        "website": "http://www.leagueofarabstates.net/",
    },
    {
        "slug": "turkiye-ministry-of-foreign-affairs",
        "kind": "government",
        "name": {
            "en": "Ministry of Foreign Affairs of Türkiye",
            "fr": "Ministère des Affaires étrangères de la Türkiye",
            "ar": "وزارة الخارجية التركية",
        },
        "acronym": {"en": "MFA", "fr": "MAE", "ar": "وزارة الخارجية"},
        "website": "https://www.mfa.gov.tr/",
    },
    {
        "slug": "turkiye-diplomacy-academy",
        "kind": "government",
        "parent": "turkiye-ministry-of-foreign-affairs",
        "name": {
            "en": "Diplomacy Academy of the Ministry of Foreign Affairs of Türkiye",
            "fr": "Académie diplomatique du ministère des Affaires étrangères de la Türkiye",
            "ar": "الأكاديمية الدبلوماسية التابعة لوزارة الخارجية التركية",
        },
        "description": {
            "en": "Runs the \u201cMediation for Peace\u201d certificate programme for young OIC diplomats.",
            "fr": "Organise le programme de certification «\u202fMédiation pour la paix\u202f» destiné aux jeunes diplomates de l'OCI.",
            "ar": "تتولى تنظيم برنامج شهادة «الوساطة من أجل السلام» للدبلوماسيين الشباب من الدول الأعضاء في منظمة التعاون الإسلامي.",
        },
    },
    {
        "slug": "ibn-haldun-university",
        "kind": "academic",
        "name": {
            "en": "Ibn Haldun University",
            "fr": "Université Ibn Haldun",
            "ar": "جامعة ابن خلدون",
        },
        "website": "https://www.ihu.edu.tr/",
    },
]

CONTACT_GROUP = {
    "slug": "friends-of-mediation",
    # The formal date of establishment is not known; the group's first meeting stands for it.
    "established_on": datetime.date(2018, 9, 24),
    "reported_member_count": 24,
    "reported_members_as_of": datetime.date(2018, 11, 29),
    "name": {
        "en": "Contact Group of the Friends of Mediation",
        "fr": "Groupe de contact des amis de la médiation",
        "ar": "مجموعة الاتصال لأصدقاء الوساطة",
    },
    "description": {
        "en": "Created under Resolution 53/45-POL to increase interaction on mediation among member states and with the General Secretariat. Co-chaired by Türkiye, Saudi Arabia, The Gambia and the OIC General Secretariat; 24 members in November 2018, the OIC's second-largest contact group. Its establishment is dated here by its first meeting (24 September 2018).",
        "fr": "Créé en application de la résolution 53/45-POL pour accroître l'interaction sur la médiation entre les États membres et avec le Secrétariat général. Coprésidé par la Türkiye, l'Arabie saoudite, la Gambie et le Secrétariat général de l'OCI\u202f; 24 membres en novembre 2018, le deuxième plus important groupe de contact de l'OCI. Sa création est datée ici de sa première réunion (24 septembre 2018).",
        "ar": "أُنشئت بموجب القرار 53/45-POL لزيادة التفاعل في مجال الوساطة بين الدول الأعضاء ومع الأمانة العامة. وتشترك في رئاستها تركيا والمملكة العربية السعودية وغامبيا والأمانة العامة لمنظمة التعاون الإسلامي؛ وكانت تضم 24 عضواً في نوفمبر 2018، وهي بذلك ثاني أكبر مجموعة اتصال في منظمة التعاون الإسلامي. ويُؤرَّخ إنشاؤها هنا بتاريخ اجتماعها الأول (24 سبتمبر 2018).",
    },
}

# The four co-chairs, as (state ISO code or None, organisation slug or None). The 20 other members
# are not named in the sources.
CO_CHAIRS = [
    ("TR", None),
    ("SA", None),
    ("GM", None),
    (None, "oic-general-secretariat"),
]

CONTACT_GROUP_MEETINGS = [
    {
        "number": 1,
        "held_on": datetime.date(2018, 9, 24),
        "level": "ministerial",
        "place": {
            "en": "New York, alongside UNGA-73",
            "fr": "New York, en marge de la 73e session de l'Assemblée générale des Nations Unies",
            "ar": "نيويورك، على هامش الدورة الثالثة والسبعين للجمعية العامة للأمم المتحدة",
        },
        "outcome": {
            "en": "First meeting of the Contact Group.",
            "fr": "Première réunion du Groupe de contact.",
            "ar": "الاجتماع الأول لمجموعة الاتصال.",
        },
    },
    {
        "number": 2,
        # Only the month is documented (November 2018).
        "held_on": datetime.date(2018, 11, 1),
        "date_precision": "month",
        "level": "ambassador",
        "place": {
            "en": "OIC General Secretariat, Jeddah",
            "fr": "Secrétariat général de l'OCI, Djeddah",
            "ar": "الأمانة العامة لمنظمة التعاون الإسلامي، جدة",
        },
        "agenda": {
            "en": "Principles and objectives of the Contact Group. The sources give November 2018 without the day; the level of the meeting is assumed.",
            "fr": "Principes et objectifs du Groupe de contact. Les sources indiquent novembre 2018 sans le jour\u202f; le niveau de la réunion est supposé.",
            "ar": "مبادئ مجموعة الاتصال وأهدافها. تذكر المصادر شهر نوفمبر 2018 دون تحديد اليوم؛ أما مستوى الاجتماع فهو مُفترَض.",
        },
        "outcome": {
            "en": "The Group agreed on its principles and objectives.",
            "fr": "Le Groupe est convenu de ses principes et objectifs.",
            "ar": "اتفقت المجموعة على مبادئها وأهدافها.",
        },
    },
    {
        "number": None,
        "held_on": datetime.date(2019, 6, 27),
        "level": "ambassador",
        "place": {"en": "Jeddah", "fr": "Djeddah", "ar": "جدة"},
        "agenda": {
            "en": "Early implementation of the operative paragraphs of Resolution 56/46-POL: a code of conduct for mediators and the network of mediators, special envoys and experts.",
            "fr": "Mise en œuvre rapide des paragraphes du dispositif de la résolution 56/46-POL\u202f: un code de conduite pour les médiateurs et le réseau de médiateurs, d'envoyés spéciaux et d'experts.",
            "ar": "الإسراع في تنفيذ فقرات منطوق القرار 56/46-POL: مدونة قواعد سلوك للوسطاء، وشبكة الوسطاء والمبعوثين الخاصين والخبراء.",
        },
    },
]

# OIC field missions named in the report; a state of None is a context outside member and observer
# states.
FIELD_CONTEXTS = [
    {"slug": "chad", "state": "TD", "name": {"en": "Chad", "fr": "Tchad", "ar": "تشاد"}},
    {
        "slug": "afghanistan",
        "state": "AF",
        "name": {"en": "Afghanistan", "fr": "Afghanistan", "ar": "أفغانستان"},
    },
    {
        "slug": "southern-thailand",
        "state": "TH",
        "name": {"en": "Southern Thailand", "fr": "Sud de la Thaïlande", "ar": "جنوب تايلاند"},
    },
    {
        "slug": "southern-philippines",
        "state": None,
        "country_code": "PH",
        "name": {"en": "Southern Philippines", "fr": "Sud des Philippines", "ar": "جنوب الفلبين"},
    },
    {"slug": "somalia", "state": "SO", "name": {"en": "Somalia", "fr": "Somalie", "ar": "الصومال"}},
    {"slug": "sudan", "state": "SD", "name": {"en": "Sudan", "fr": "Soudan", "ar": "السودان"}},
    {"slug": "guinea", "state": "GN", "name": {"en": "Guinea", "fr": "Guinée", "ar": "غينيا"}},
    {
        "slug": "mauritania",
        "state": "MR",
        "name": {"en": "Mauritania", "fr": "Mauritanie", "ar": "موريتانيا"},
    },
]

# slug, English, French, Arabic
EXPERTISE_AREAS = [
    ("mediation", "Mediation", "Médiation", "الوساطة"),
    ("negotiation", "Negotiation", "Négociation", "التفاوض"),
    ("conflict-analysis", "Conflict analysis", "Analyse des conflits", "تحليل النزاعات"),
    ("conflict-prevention", "Conflict prevention", "Prévention des conflits", "منع النزاعات"),
    ("early-warning", "Early warning", "Alerte rapide", "الإنذار المبكر"),
    ("dialogue-facilitation", "Dialogue facilitation", "Facilitation du dialogue", "تيسير الحوار"),
    (
        "ceasefires-and-security-arrangements",
        "Ceasefires and security arrangements",
        "Cessez-le-feu et arrangements de sécurité",
        "وقف إطلاق النار والترتيبات الأمنية",
    ),
    ("power-sharing", "Power-sharing", "Partage du pouvoir", "تقاسم السلطة"),
    (
        "constitution-making",
        "Constitution-making",
        "Élaboration de constitutions",
        "صياغة الدساتير",
    ),
    (
        "transitional-justice",
        "Transitional justice",
        "Justice transitionnelle",
        "العدالة الانتقالية",
    ),
    (
        "preventing-violent-extremism",
        "Preventing violent extremism",
        "Prévention de l'extrémisme violent",
        "منع التطرف العنيف",
    ),
    (
        "insider-mediation",
        "Insider mediation",
        "Médiation par des acteurs internes",
        "الوساطة من الداخل",
    ),
    (
        "faith-based-mediation",
        "Faith-based mediation",
        "Médiation confessionnelle",
        "الوساطة الدينية",
    ),
    (
        "culturally-sensitive-mediation",
        "Culturally sensitive mediation",
        "Médiation culturellement adaptée",
        "الوساطة المراعية للخصوصيات الثقافية",
    ),
    (
        "women-peace-and-security",
        "Women, peace and security",
        "Femmes, paix et sécurité",
        "المرأة والسلام والأمن",
    ),
    (
        "humanitarian-negotiation",
        "Humanitarian negotiation",
        "Négociation humanitaire",
        "التفاوض الإنساني",
    ),
    (
        "natural-resources-and-land",
        "Natural resources and land disputes",
        "Ressources naturelles et litiges fonciers",
        "الموارد الطبيعية والنزاعات على الأراضي",
    ),
    ("international-law", "International law", "Droit international", "القانون الدولي"),
    (
        "post-conflict-reconstruction",
        "Post-conflict reconstruction",
        "Reconstruction post-conflit",
        "إعادة الإعمار بعد النزاعات",
    ),
]

# ISO 639-1 code, English, French, Arabic
LANGUAGES = [
    ("ar", "Arabic", "Arabe", "العربية"),
    ("en", "English", "Anglais", "الإنجليزية"),
    ("fr", "French", "Français", "الفرنسية"),
    ("tr", "Turkish", "Turc", "التركية"),
    ("fa", "Persian", "Persan", "الفارسية"),
    ("ur", "Urdu", "Ourdou", "الأردية"),
    ("bn", "Bengali", "Bengali", "البنغالية"),
    ("ps", "Pashto", "Pachto", "البشتوية"),
    ("ms", "Malay", "Malais", "الملايوية"),
    ("id", "Indonesian", "Indonésien", "الإندونيسية"),
    ("ru", "Russian", "Russe", "الروسية"),
    ("az", "Azerbaijani", "Azerbaïdjanais", "الأذربيجانية"),
    ("kk", "Kazakh", "Kazakh", "الكازاخية"),
    ("uz", "Uzbek", "Ouzbek", "الأوزبكية"),
    ("tg", "Tajik", "Tadjik", "الطاجيكية"),
    ("ky", "Kyrgyz", "Kirghiz", "القيرغيزية"),
    ("tk", "Turkmen", "Turkmène", "التركمانية"),
    ("sq", "Albanian", "Albanais", "الألبانية"),
    ("so", "Somali", "Somali", "الصومالية"),
    ("ha", "Hausa", "Haoussa", "الهوسا"),
    ("sw", "Swahili", "Swahili", "السواحلية"),
    ("ff", "Fula", "Peul", "الفولانية"),
    ("wo", "Wolof", "Wolof", "الولوفية"),
    ("pt", "Portuguese", "Portugais", "البرتغالية"),
    ("es", "Spanish", "Espagnol", "الإسبانية"),
    ("ku", "Kurdish", "Kurde", "الكردية"),
    ("th", "Thai", "Thaï", "التايلاندية"),
]

# slug, English, French, Arabic
REGIONS = [
    ("north-africa", "North Africa", "Afrique du Nord", "شمال أفريقيا"),
    ("west-africa", "West Africa", "Afrique de l'Ouest", "غرب أفريقيا"),
    ("sahel", "Sahel", "Sahel", "منطقة الساحل"),
    ("central-africa", "Central Africa", "Afrique centrale", "وسط أفريقيا"),
    ("horn-of-africa", "Horn of Africa", "Corne de l'Afrique", "القرن الأفريقي"),
    ("east-africa", "East Africa", "Afrique de l'Est", "شرق أفريقيا"),
    ("middle-east", "Middle East", "Moyen-Orient", "الشرق الأوسط"),
    ("gulf", "Gulf region", "Région du Golfe", "منطقة الخليج"),
    ("south-caucasus", "South Caucasus", "Caucase du Sud", "جنوب القوقاز"),
    ("central-asia", "Central Asia", "Asie centrale", "آسيا الوسطى"),
    ("south-asia", "South Asia", "Asie du Sud", "جنوب آسيا"),
    ("south-east-asia", "South-East Asia", "Asie du Sud-Est", "جنوب شرق آسيا"),
    ("balkans", "Balkans", "Balkans", "البلقان"),
    (
        "latin-america-and-caribbean",
        "Latin America and the Caribbean",
        "Amérique latine et Caraïbes",
        "أمريكا اللاتينية والكاريبي",
    ),
]
