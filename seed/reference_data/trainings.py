"""Training under paragraph 8: the "Mediation for Peace" certificate programme and the mediation
simulation held after the 2nd Conference."""

import datetime

PROGRAMMES = [
    {
        "slug": "mediation-for-peace",
        "organiser_state": "TR",
        "partners": ["oic-general-secretariat", "united-nations", "osce"],
        "paragraphs": [("53/45-POL", 8)],
        "awards_certificate": True,
        "name": {
            "en": "Mediation for Peace",
            "fr": "Médiation pour la paix",
            "ar": "الوساطة من أجل السلام",
        },
        "description": {
            "en": "Certificate programme for young OIC diplomats, launched by Türkiye in cooperation with the OIC General Secretariat, the United Nations and the OSCE.",
            "fr": "Programme de certification pour jeunes diplomates de l'OCI, lancé par la Türkiye en coopération avec le Secrétariat général de l'OCI, l'ONU et l'OSCE.",
            "ar": "برنامج شهادة للدبلوماسيين الشباب من الدول الأعضاء في منظمة التعاون الإسلامي، أطلقته تركيا بالتعاون مع الأمانة العامة لمنظمة التعاون الإسلامي والأمم المتحدة ومنظمة الأمن والتعاون في أوروبا.",
        },
        "organiser_detail": {
            "en": "Diplomacy Academy of the Ministry of Foreign Affairs of Türkiye",
            "fr": "Académie diplomatique du ministère des Affaires étrangères de la Türkiye",
            "ar": "الأكاديمية الدبلوماسية التابعة لوزارة الخارجية التركية",
        },
    },
    {
        "slug": "conference-mediation-simulation",
        "organiser_state": "TR",
        "partners": ["oic-general-secretariat"],
        "paragraphs": [("53/45-POL", 8)],
        "awards_certificate": False,
        "name": {
            "en": "Mediation simulation at the Conference of OIC Member States on Mediation",
            "fr": "Simulation de médiation lors de la Conférence des États membres de l'OCI sur la médiation",
            "ar": "محاكاة الوساطة في مؤتمر الدول الأعضاء في منظمة التعاون الإسلامي حول الوساطة",
        },
        "description": {
            "en": "A simulation exercise held after the Conference to develop the mediation skills of young diplomats, in line with the resolution's mandate to provide training opportunities.",
            "fr": "Un exercice de simulation organisé après la Conférence pour développer les compétences en médiation de jeunes diplomates, conformément au mandat de la résolution de fournir des possibilités de formation.",
            "ar": "تمرين محاكاة يُنظَّم عقب المؤتمر لتنمية مهارات الوساطة لدى الدبلوماسيين الشباب، وفقاً لما كلّف به القرار من إتاحة فرص التدريب.",
        },
        "organiser_detail": {
            "en": "Ministry of Foreign Affairs of Türkiye with the OIC General Secretariat, conveners of the 2nd Conference",
            "fr": "Ministère des Affaires étrangères de la Türkiye avec le Secrétariat général de l'OCI, organisateurs de la deuxième Conférence",
            "ar": "وزارة الخارجية التركية بالتعاون مع الأمانة العامة لمنظمة التعاون الإسلامي، الجهتان المنظِّمتان للمؤتمر الثاني",
        },
    },
]

# Keyed by (programme, number), or (programme, start date) for an unnumbered edition.
EDITIONS = [
    {
        "programme": "mediation-for-peace",
        "number": 2,
        "starts_on": datetime.date(2019, 9, 9),
        "ends_on": datetime.date(2019, 9, 13),
        "host_state": "TR",
        "format": "in_person",
        "level_targeted": "junior",
        "place": {"en": "Ankara", "fr": "Ankara", "ar": "أنقرة"},
    },
    {
        "programme": "mediation-for-peace",
        "number": 3,
        "starts_on": datetime.date(2022, 9, 26),
        "ends_on": None,
        "host_state": None,
        "format": "in_person",
        "level_targeted": "junior",
        "description": {
            "en": "Started on 26 September 2022; end date and place to be confirmed.",
            "fr": "Commencée le 26 septembre 2022\u202f; date de fin et lieu à confirmer.",
            "ar": "بدأت في 26 سبتمبر 2022؛ ويُحدَّد تاريخ انتهائها ومكان انعقادها لاحقاً.",
        },
    },
    {
        "programme": "conference-mediation-simulation",
        "number": None,
        "starts_on": datetime.date(2018, 11, 29),
        "ends_on": datetime.date(2018, 11, 29),
        "host_state": "TR",
        "format": "simulation",
        "level_targeted": "junior",
        "duration_hours": 3,
        "reported_states": 17,
        "title": {
            "en": "Mediation simulation after the 2nd Conference",
            "fr": "Simulation de médiation après la deuxième Conférence",
            "ar": "محاكاة الوساطة عقب المؤتمر الثاني",
        },
        "place": {"en": "Istanbul", "fr": "Istanbul", "ar": "إسطنبول"},
        "description": {
            "en": "A 3-hour simulation session for young diplomats from 17 OIC member states and Turkish students, to develop their mediation skills.",
            "fr": "Une session de simulation de 3 heures pour de jeunes diplomates de 17 États membres de l'OCI et des étudiants turcs, afin de développer leurs compétences en médiation.",
            "ar": "جلسة محاكاة مدتها 3 ساعات لدبلوماسيين شباب من 17 دولة عضواً في منظمة التعاون الإسلامي ولطلاب أتراك، لتنمية مهاراتهم في الوساطة.",
        },
    },
]
