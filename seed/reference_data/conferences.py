"""The four Conferences of OIC Member States on Mediation; for the 2nd (29 November 2018), its
sessions and speakers, recommendations, documents and the figures cited."""

import datetime
from decimal import Decimal

CONFERENCES = [
    {
        "ordinal": 1,
        "starts_on": datetime.date(2017, 11, 21),
        "ends_on": None,
        "host_state": "TR",
        "partner_organisations": [],
        "reported_participants": 100,
        "participants_is_minimum": False,
        "reported_states": None,
        "title": {
            "en": "1st Conference of OIC Member States on Mediation",
            "fr": "Première Conférence des États membres de l'OCI sur la médiation",
            "ar": "المؤتمر الأول للدول الأعضاء في منظمة التعاون الإسلامي حول الوساطة",
        },
        "theme": {
            "en": "Surge in Mediation: the Role of the OIC",
            "fr": "L'essor de la médiation\u202f: le rôle de l'OCI",
            "ar": "تنامي الوساطة: دور منظمة التعاون الإسلامي",
        },
        "city": {"en": "Istanbul", "fr": "Istanbul", "ar": "إسطنبول"},
        "summary": {
            "en": "About 100 participants. Its concrete recommendations included a contact group of the Friends of Mediation, a network of OIC mediators, special envoys and experts, and annual conferences, measures later stipulated by Resolution 53/45-POL.",
            "fr": "Une centaine de participants. Ses recommandations concrètes comprenaient un groupe de contact des amis de la médiation, un réseau de médiateurs, d'envoyés spéciaux et d'experts de l'OCI et des conférences annuelles, mesures ensuite stipulées par la résolution 53/45-POL.",
            "ar": "حضره نحو 100 مشارك. وشملت توصياته الملموسة إنشاء مجموعة اتصال لأصدقاء الوساطة، وشبكة للوسطاء والمبعوثين الخاصين والخبراء في منظمة التعاون الإسلامي، وعقد مؤتمرات سنوية، وهي تدابير نصّ عليها لاحقاً القرار 53/45-POL.",
        },
    },
    {
        "ordinal": 2,
        "starts_on": datetime.date(2018, 11, 29),
        "ends_on": None,
        "host_state": "TR",
        "partner_organisations": ["turkiye-ministry-of-foreign-affairs", "oic-general-secretariat"],
        "reported_participants": 150,
        "participants_is_minimum": True,
        "reported_states": 41,
        "title": {
            "en": "2nd Conference of OIC Member States on Mediation",
            "fr": "Deuxième Conférence des États membres de l'OCI sur la médiation",
            "ar": "المؤتمر الثاني للدول الأعضاء في منظمة التعاون الإسلامي حول الوساطة",
        },
        "theme": {
            "en": "Implementation of Resolution No. 53/45-POL: Challenges and Opportunities",
            "fr": "Mise en œuvre de la résolution n° 53/45-POL\u202f: défis et opportunités",
            "ar": "تنفيذ القرار رقم 53/45-POL: التحديات والفرص",
        },
        "city": {"en": "Istanbul", "fr": "Istanbul", "ar": "إسطنبول"},
        "convened_by": {
            "en": "the Ministry of Foreign Affairs of Türkiye with the OIC General Secretariat",
            "fr": "le ministère des Affaires étrangères de la Türkiye avec le Secrétariat général de l'OCI",
            "ar": "وزارة الخارجية التركية بالتعاون مع الأمانة العامة لمنظمة التعاون الإسلامي",
        },
        "summary": {
            "en": "More than 150 participants, including representatives of 41 member states, the OIC General Secretariat, experts and academics, reviewed the implementation of Resolution 53/45-POL. Conflicts worldwide rose from 2010, mainly because of conflicts in the OIC geography, and from 2015 the gap between OIC and non-OIC countries widened considerably. Participants noted the gap between pledges of contributions and their actual implementation. A 3-hour mediation simulation for young diplomats from 17 member states and Turkish students followed the Conference.",
            "fr": "Plus de 150 participants, dont des représentants de 41 États membres, du Secrétariat général de l'OCI, des experts et des universitaires, ont examiné la mise en œuvre de la résolution 53/45-POL. Les conflits dans le monde sont repartis à la hausse à partir de 2010, principalement du fait des conflits dans la géographie de l'OCI, et à partir de 2015 l'écart entre pays de l'OCI et pays non membres s'est considérablement creusé. Les participants ont relevé l'écart entre les engagements de contributions et leur mise en œuvre effective. Une simulation de médiation de 3 heures pour de jeunes diplomates de 17 États membres et des étudiants turcs a suivi la Conférence.",
            "ar": "استعرض أكثر من 150 مشاركاً، من بينهم ممثلو 41 دولة عضواً والأمانة العامة لمنظمة التعاون الإسلامي وخبراء وأكاديميون، تنفيذَ القرار 53/45-POL. وقد ازدادت النزاعات في العالم منذ عام 2010، ويعود ذلك أساساً إلى النزاعات الدائرة في نطاق منظمة التعاون الإسلامي، واتسعت الفجوة بين الدول الأعضاء في المنظمة والدول غير الأعضاء فيها اتساعاً كبيراً منذ عام 2015. ولاحظ المشاركون الفجوة القائمة بين التعهدات بالمساهمات وتنفيذها الفعلي. وأعقبت المؤتمرَ محاكاةٌ للوساطة مدتها 3 ساعات لدبلوماسيين شباب من 17 دولة عضواً ولطلاب أتراك.",
        },
    },
    {
        "ordinal": 3,
        "starts_on": datetime.date(2019, 11, 1),
        "ends_on": None,
        "host_state": "TR",
        "partner_organisations": ["sesric"],
        "reported_participants": 250,
        "participants_is_minimum": True,
        "reported_states": None,
        "title": {
            "en": "3rd Conference of OIC Member States on Mediation",
            "fr": "Troisième Conférence des États membres de l'OCI sur la médiation",
            "ar": "المؤتمر الثالث للدول الأعضاء في منظمة التعاون الإسلامي حول الوساطة",
        },
        "theme": {
            "en": "Culturally sensitive mediation",
            "fr": "La médiation culturellement adaptée",
            "ar": "الوساطة المراعية للخصوصيات الثقافية",
        },
        "city": {"en": "Istanbul", "fr": "Istanbul", "ar": "إسطنبول"},
        "summary": {
            "en": "Held with SESRIC; more than 250 participants.",
            "fr": "Organisée avec le SESRIC\u202f; plus de 250 participants.",
            "ar": "عُقد بالتعاون مع مركز سيسرك؛ وحضره أكثر من 250 مشاركاً.",
        },
    },
    {
        "ordinal": 4,
        "starts_on": datetime.date(2022, 6, 5),
        "ends_on": datetime.date(2022, 6, 6),
        "host_state": "SA",
        "partner_organisations": ["oic-general-secretariat"],
        "reported_participants": None,
        "participants_is_minimum": False,
        "reported_states": None,
        "title": {
            "en": "4th Conference of OIC Member States on Mediation",
            "fr": "Quatrième Conférence des États membres de l'OCI sur la médiation",
            "ar": "المؤتمر الرابع للدول الأعضاء في منظمة التعاون الإسلامي حول الوساطة",
        },
        "theme": {
            "en": "Experiences and Prospects",
            "fr": "Expériences et perspectives",
            "ar": "التجارب والآفاق",
        },
        "city": {"en": "Jeddah", "fr": "Djeddah", "ar": "جدة"},
        "convened_by": {
            "en": "the Ministry of Foreign Affairs of Saudi Arabia with the OIC General Secretariat",
            "fr": "le ministère des Affaires étrangères de l'Arabie saoudite avec le Secrétariat général de l'OCI",
            "ar": "وزارة الخارجية في المملكة العربية السعودية بالتعاون مع الأمانة العامة لمنظمة التعاون الإسلامي",
        },
    },
]

# Speakers are public figures in their public role; keyed by full name.
SPEAKERS = [
    {
        "full_name": "Yavuz Selim Kıran",
        "honorific": "H.E.",
        "state": "TR",
        "organisation": "turkiye-ministry-of-foreign-affairs",
        "position": {
            "en": "Deputy Minister of Foreign Affairs of Türkiye",
            "fr": "Vice-ministre des Affaires étrangères de la Türkiye",
            "ar": "نائب وزير الخارجية التركي",
        },
    },
    {
        "full_name": "Youssef Aldobeay",
        "honorific": "H.E. Amb.",
        "state": None,
        "organisation": "oic-general-secretariat",
        "position": {
            "en": "OIC Assistant Secretary General for Political Affairs (designate)",
            "fr": "Secrétaire général adjoint (désigné) aux affaires politiques de l'OCI",
            "ar": "الأمين العام المساعد للشؤون السياسية في منظمة التعاون الإسلامي (المعيَّن)",
        },
    },
    {
        "full_name": "Musa Kulaklıkaya",
        "honorific": "H.E. Amb.",
        "state": None,
        "organisation": "sesric",
        "position": {
            "en": "Director General, SESRIC",
            "fr": "Directeur général du SESRIC",
            "ar": "المدير العام لمركز سيسرك",
        },
    },
    {
        "full_name": "Talha Köse",
        "honorific": "Assoc. Prof.",
        "state": None,
        "organisation": "ibn-haldun-university",
        "position": {
            "en": "Associate Professor of Political Science and Vice-Dean of the School of Humanities",
            "fr": "Professeur agrégé de sciences politiques et vice-doyen de l'École des sciences humaines",
            "ar": "أستاذ مشارك في العلوم السياسية ووكيل كلية العلوم الإنسانية",
        },
    },
    {
        "full_name": "Syed Hassan Raza",
        "honorific": "Amb.",
        "state": "PK",
        "organisation": None,
        "position": {
            "en": "Special Secretary for the Middle East, OIC and Legal Affairs, Ministry of Foreign Affairs of Pakistan",
            "fr": "Secrétaire spécial pour le Moyen-Orient, l'OCI et les affaires juridiques, ministère des Affaires étrangères du Pakistan",
            "ar": "وكيل خاص لشؤون الشرق الأوسط ومنظمة التعاون الإسلامي والشؤون القانونية في وزارة الخارجية الباكستانية",
        },
    },
    {
        "full_name": "Majed Alqatarneh",
        "honorific": "Amb.",
        "state": "JO",
        "organisation": None,
        "position": {
            "en": "Director of the Department of Arab and Middle East Affairs and Spokesperson, Ministry of Foreign Affairs and Expatriates of Jordan",
            "fr": "Directeur du département des affaires arabes et du Moyen-Orient et porte-parole du ministère des Affaires étrangères et des Expatriés de Jordanie",
            "ar": "مدير إدارة الشؤون العربية والشرق الأوسط والناطق الرسمي باسم وزارة الخارجية وشؤون المغتربين الأردنية",
        },
    },
    {
        "full_name": "Askar Mussinov",
        "honorific": "Amb.",
        "state": None,
        "organisation": "pscu",
        "position": {
            "en": "Head of the Peace, Security and Conflict Resolution Unit, OIC General Secretariat",
            "fr": "Chef de l'Unité de paix, de sécurité et de résolution des conflits, Secrétariat général de l'OCI",
            "ar": "رئيس وحدة السلم والأمن وحل النزاعات في الأمانة العامة لمنظمة التعاون الإسلامي",
        },
    },
    {
        "full_name": "Burak Akçapar",
        "honorific": "H.E. Amb.",
        "state": "TR",
        "organisation": "turkiye-ministry-of-foreign-affairs",
        "position": {
            "en": "Director General for Conflict Prevention and Crisis Management, Ministry of Foreign Affairs of Türkiye",
            "fr": "Directeur général pour la prévention des conflits et la gestion des crises, ministère des Affaires étrangères de la Türkiye",
            "ar": "المدير العام لمنع النزاعات وإدارة الأزمات في وزارة الخارجية التركية",
        },
    },
]

# Sessions of the 2nd Conference, by order; speakers as (full name, role, note).
SESSIONS = [
    {
        "conference": 2,
        "order": 1,
        "kind": "opening",
        "title": {"en": "Opening", "fr": "Ouverture", "ar": "الجلسة الافتتاحية"},
        "summary": {
            "en": "Opening speeches by the Deputy Foreign Minister of Türkiye and by the OIC Assistant Secretary General for Political Affairs (designate), who read the speech of the Secretary General, H.E. Dr. Yousef Ahmed Al-Othaimeen.",
            "fr": "Discours d'ouverture du vice-ministre des Affaires étrangères de la Türkiye et du Secrétaire général adjoint (désigné) aux affaires politiques de l'OCI, qui a lu le discours du Secrétaire général, S. E. le Dr Yousef Ahmed Al-Othaimeen.",
            "ar": "كلمتان افتتاحيتان لنائب وزير الخارجية التركي وللأمين العام المساعد للشؤون السياسية في منظمة التعاون الإسلامي (المعيَّن)، الذي تلا كلمة الأمين العام، معالي الدكتور يوسف بن أحمد العثيمين.",
        },
        "speakers": [
            ("Yavuz Selim Kıran", "speaker", ""),
            ("Youssef Aldobeay", "speaker", "read the Secretary General's speech"),
        ],
    },
    {
        "conference": 2,
        "order": 2,
        "kind": "presentation",
        "title": {
            "en": "Session 1: The state of conflict in the OIC geography",
            "fr": "Première session\u202f: «\u202fL'état de conflit dans la géographie de l'OCI\u202f»",
            "ar": "الجلسة الأولى: «حالة النزاعات في نطاق منظمة التعاون الإسلامي»",
        },
        "summary": {
            "en": "Presentation of the SESRIC report \u201cAchieving Peace and Security in a Turbulent World: An Arduous Challenge for the OIC\u201d, prepared with the PSCU, followed by questions and round-table discussion.",
            "fr": "Présentation du rapport du SESRIC «\u202fRéaliser la paix et la sécurité dans un monde bouleversé\u202f: un défi ardu pour l'OCI\u202f», préparé avec la PSCU, suivie de questions-réponses et de tables rondes.",
            "ar": "عرض تقرير مركز سيسرك «تحقيق السلام والأمن في عالم مضطرب: تحدٍّ شاق أمام منظمة التعاون الإسلامي»، الذي أُعدّ بالتعاون مع وحدة السلم والأمن وحل النزاعات، أعقبته أسئلة ونقاش في إطار مائدة مستديرة.",
        },
        "speakers": [("Musa Kulaklıkaya", "presenter", "")],
    },
    {
        "conference": 2,
        "order": 3,
        "kind": "panel",
        "title": {
            "en": "Session 2: Implementation of Resolution No. 53/45-POL — ways forward",
            "fr": "Deuxième session\u202f: «\u202fMise en œuvre de la résolution n° 53/45-POL — voies à suivre\u202f»",
            "ar": "الجلسة الثانية: «تنفيذ القرار رقم 53/45-POL — سبل المضي قدماً»",
        },
        "summary": {
            "en": "Took stock of what had been achieved since the adoption of the resolution and focused on concrete next steps.",
            "fr": "La session a fait le point sur ce qui avait été accompli depuis l'adoption de la résolution et s'est concentrée sur les mesures concrètes à prendre.",
            "ar": "استعرضت الجلسة ما تحقق منذ اعتماد القرار، وركّزت على الخطوات الملموسة التالية.",
        },
        "speakers": [
            ("Talha Köse", "moderator", ""),
            ("Syed Hassan Raza", "panellist", ""),
            ("Majed Alqatarneh", "panellist", ""),
            ("Askar Mussinov", "panellist", ""),
        ],
    },
    {
        "conference": 2,
        "order": 4,
        "kind": "closing",
        "title": {"en": "Closing remarks", "fr": "Observations finales", "ar": "الكلمة الختامية"},
        "summary": {
            "en": "Much of the resolution was implemented before its first anniversary; the network of mediators, special envoys and experts and the code of conduct for mediators remain to be implemented. Priorities: more interaction and capacity building.",
            "fr": "Une grande partie de la résolution a été mise en œuvre avant son premier anniversaire\u202f; le réseau de médiateurs, d'envoyés spéciaux et d'experts et le code de conduite pour les médiateurs restent à mettre en œuvre. Priorités\u202f: l'accroissement de l'interaction et le renforcement des capacités.",
            "ar": "نُفِّذ جزء كبير من القرار قبل حلول الذكرى السنوية الأولى لاعتماده؛ ولا تزال شبكة الوسطاء والمبعوثين الخاصين والخبراء ومدونة قواعد السلوك للوسطاء بانتظار التنفيذ. الأولويات: زيادة التفاعل وبناء القدرات.",
        },
        "speakers": [("Burak Akçapar", "speaker", "")],
    },
    {
        "conference": 2,
        "order": 5,
        "kind": "side_event",
        "title": {
            "en": "Mediation simulation for young diplomats",
            "fr": "Simulation de médiation pour jeunes diplomates",
            "ar": "محاكاة الوساطة للدبلوماسيين الشباب",
        },
        "summary": {
            "en": "A 3-hour simulation after the Conference for young diplomats from 17 member states and Turkish students.",
            "fr": "Une simulation de 3 heures après la Conférence pour de jeunes diplomates de 17 États membres et des étudiants turcs.",
            "ar": "محاكاة مدتها 3 ساعات عُقدت عقب المؤتمر لدبلوماسيين شباب من 17 دولة عضواً ولطلاب أتراك.",
        },
        "speakers": [],
    },
]

OIC = {"en": "the OIC", "fr": "l'OCI", "ar": "منظمة التعاون الإسلامي"}
MEMBER_STATES = {"en": "member states", "fr": "les États membres", "ar": "الدول الأعضاء"}
OIC_AND_STATES = {
    "en": "the OIC and its member states",
    "fr": "l'OCI et ses États membres",
    "ar": "منظمة التعاون الإسلامي ودولها الأعضاء",
}

# Recommendations of the 2nd Conference. Sessions by order (2 = session 1, 3 = session 2,
# 4 = closing); paragraphs as in resolutions.PARAGRAPHS.
RECOMMENDATIONS = [
    {
        "number": 1,
        "session": 2,
        "addressee": OIC,
        "paragraphs": [],
        "text": {
            "en": "Set up an academic working group to map conflicts across the OIC geography and find what they have in common.",
            "fr": "Constituer un groupe de travail académique pour cartographier les conflits à travers la géographie de l'OCI et trouver leurs points communs.",
            "ar": "تشكيل فريق عمل أكاديمي لرسم خريطة النزاعات في نطاق منظمة التعاون الإسلامي وتحديد القواسم المشتركة بينها.",
        },
    },
    {
        "number": 2,
        "session": 2,
        "addressee": OIC,
        "paragraphs": [("53/45-POL", 4)],
        "text": {
            "en": "Develop early-warning mechanisms and support the OIC field units, which have important early-warning functions.",
            "fr": "Développer des mécanismes d'alerte rapide et soutenir les unités de terrain de l'OCI, qui ont des fonctions importantes d'alerte rapide.",
            "ar": "تطوير آليات للإنذار المبكر ودعم الوحدات الميدانية لمنظمة التعاون الإسلامي التي تضطلع بمهام مهمة في مجال الإنذار المبكر.",
        },
    },
    {
        "number": 3,
        "session": 2,
        "addressee": OIC,
        "paragraphs": [("53/45-POL", 5)],
        "text": {
            "en": "Build partnerships with regional organisations that have relevant experience, such as the OSCE.",
            "fr": "Nouer des partenariats avec des organisations régionales possédant l'expérience pertinente, comme l'OSCE.",
            "ar": "إقامة شراكات مع المنظمات الإقليمية ذات الخبرة ذات الصلة، مثل منظمة الأمن والتعاون في أوروبا.",
        },
    },
    {
        "number": 4,
        "session": 2,
        "addressee": OIC,
        "paragraphs": [],
        "text": {
            "en": "Widen the OIC's mediation portfolio to include innovative methods that address the root causes of terrorism.",
            "fr": "Élargir le portefeuille de médiation de l'OCI à des méthodes novatrices pour s'occuper des causes profondes du terrorisme.",
            "ar": "توسيع نطاق أعمال الوساطة في منظمة التعاون الإسلامي ليشمل أساليب مبتكرة لمعالجة الأسباب الجذرية للإرهاب.",
        },
    },
    {
        "number": 5,
        "session": 3,
        "addressee": OIC,
        "paragraphs": [("53/45-POL", 5)],
        "text": {
            "en": "Develop a formula to associate fully with the UN Mediation Support Unit (MSU) and the Standby Team of Mediation Experts.",
            "fr": "Élaborer une formule pour s'associer pleinement au Groupe de l'appui à la médiation (MSU) de l'ONU et à l'Équipe de réserve d'experts de la médiation.",
            "ar": "وضع صيغة للارتباط الكامل بوحدة دعم الوساطة التابعة للأمم المتحدة وبالفريق الاحتياطي لخبراء الوساطة.",
        },
    },
    {
        "number": 6,
        "session": 3,
        "addressee": MEMBER_STATES,
        "paragraphs": [("53/45-POL", 5), ("53/45-POL", 8)],
        "text": {
            "en": "Member states to take a greater part in UNITAR's Peacemaking and Conflict Prevention Programme (PMCP), to build networks for inter-organisational synergy in mediation.",
            "fr": "Une plus grande participation des États membres au programme de paix et prévention des conflits (PMCP) de l'UNITAR, pour créer des réseaux favorisant la synergie inter-organisationnelle en matière de médiation.",
            "ar": "زيادة مشاركة الدول الأعضاء في برنامج صنع السلام ومنع النزاعات التابع لمعهد الأمم المتحدة للتدريب والبحث (يونيتار)، لبناء شبكات تيسّر التآزر بين المنظمات في مجال الوساطة.",
        },
    },
    {
        "number": 7,
        "session": 3,
        "addressee": {
            "en": "member states that also belong to the African Union or the League of Arab States",
            "fr": "les États membres qui appartiennent aussi à l'Union africaine ou à la Ligue des États arabes",
            "ar": "الدول الأعضاء المنتمية أيضاً إلى الاتحاد الأفريقي أو جامعة الدول العربية",
        },
        "paragraphs": [("53/45-POL", 5)],
        "text": {
            "en": "Use the overlap of membership with the African Union and the League of Arab States to carry the vision of the resolution to other regional organisations and work for synergy.",
            "fr": "Tirer parti du chevauchement des adhésions avec l'Union africaine et la Ligue des États arabes pour transmettre la vision de la résolution à d'autres organisations régionales et œuvrer en faveur d'une synergie.",
            "ar": "الاستفادة من تداخل العضوية مع الاتحاد الأفريقي وجامعة الدول العربية لنقل رؤية القرار إلى المنظمات الإقليمية الأخرى والعمل على تحقيق التآزر.",
        },
    },
    {
        "number": 8,
        "session": 3,
        "addressee": MEMBER_STATES,
        "paragraphs": [("53/45-POL", 8)],
        "text": {
            "en": "Member states to offer training opportunities similar to the \u201cMediation for Peace\u201d certificate programme, to multiply current efforts.",
            "fr": "Les États membres sont invités à offrir des possibilités de formation similaires au programme de certification «\u202fMédiation pour la paix\u202f», afin de multiplier les efforts actuels.",
            "ar": "دعوة الدول الأعضاء إلى توفير فرص تدريبية مماثلة لبرنامج شهادة «الوساطة من أجل السلام» لمضاعفة الجهود الحالية.",
        },
    },
    {
        "number": 9,
        "session": 3,
        "addressee": OIC_AND_STATES,
        "paragraphs": [("53/45-POL", 8)],
        "text": {
            "en": "Create or widen targeted training opportunities for mid-to-senior level diplomats.",
            "fr": "Créer ou élargir des possibilités de formation ciblée pour les diplomates de niveau intermédiaire à supérieur.",
            "ar": "إنشاء فرص تدريبية موجّهة للدبلوماسيين من المستويين المتوسط والرفيع أو توسيعها.",
        },
    },
    {
        "number": 10,
        "session": 3,
        "addressee": OIC_AND_STATES,
        "paragraphs": [("53/45-POL", "Annual Conference of OIC Member States on Mediation")],
        "text": {
            "en": "Continue the Conference of OIC Member States on Mediation on an annual basis.",
            "fr": "Poursuivre la Conférence des États membres de l'OCI sur la médiation sur une base annuelle.",
            "ar": "مواصلة عقد مؤتمر الدول الأعضاء في منظمة التعاون الإسلامي حول الوساطة سنوياً.",
        },
    },
    {
        "number": 11,
        "session": 4,
        "is_priority": True,
        "addressee": OIC_AND_STATES,
        "paragraphs": [
            ("53/45-POL", "Contact Group of the Friends of Mediation"),
            ("53/45-POL", 5),
        ],
        "text": {
            "en": "Priority 1 — more interaction: use the Contact Group of the Friends of Mediation, and connect better with the work of the UN, the OSCE and other regional organisations such as the African Union.",
            "fr": "Priorité 1 — accroître l'interaction\u202f: utiliser le Groupe de contact des amis de la médiation et mieux se connecter au travail de l'ONU, de l'OSCE et d'autres organisations régionales, telles que l'Union africaine.",
            "ar": "الأولوية الأولى — زيادة التفاعل: الاستفادة من مجموعة الاتصال لأصدقاء الوساطة، وتعزيز الارتباط بعمل الأمم المتحدة ومنظمة الأمن والتعاون في أوروبا وغيرهما من المنظمات الإقليمية مثل الاتحاد الأفريقي.",
        },
    },
    {
        "number": 12,
        "session": 4,
        "is_priority": True,
        "addressee": OIC_AND_STATES,
        "paragraphs": [("53/45-POL", 4), ("53/45-POL", 7), ("53/45-POL", 8)],
        "text": {
            "en": "Priority 2 — capacity building, both nationally and in the OIC General Secretariat, for conflict prevention and resolution, including through mediation.",
            "fr": "Priorité 2 — renforcer les capacités, tant au niveau national qu'au Secrétariat général de l'OCI, en matière de prévention et de résolution des conflits, notamment par la médiation.",
            "ar": "الأولوية الثانية — بناء القدرات على المستوى الوطني وفي الأمانة العامة لمنظمة التعاون الإسلامي في مجال منع النزاعات وحلها، بما في ذلك عن طريق الوساطة.",
        },
    },
]

FOLLOW_UP_AS_OF = datetime.date(2018, 11, 29)
FOLLOW_UP_NOTE = {
    "en": "Recommended at the 2nd Conference; no follow-up recorded yet.",
    "fr": "Recommandation de la deuxième Conférence\u202f; aucun suivi enregistré à ce jour.",
    "ar": "أوصى بها المؤتمر الثاني؛ ولم تُسجَّل أي متابعة حتى الآن.",
}

SESRIC_REPORT_TITLE = {
    "en": "Achieving Peace and Security in a Turbulent World: An Arduous Challenge for the OIC",
    "fr": "Réaliser la paix et la sécurité dans un monde bouleversé\u202f: un défi ardu pour l'OCI",
    "ar": "تحقيق السلام والأمن في عالم مضطرب: تحدٍّ شاق أمام منظمة التعاون الإسلامي",
}
SUMMARY_REPORT_TITLE = {
    "en": "Summary report of the 2nd Conference of OIC Member States on Mediation",
    "fr": "Rapport sommaire de la deuxième Conférence des États membres de l'OCI sur la médiation",
    "ar": "التقرير الموجز للمؤتمر الثاني للدول الأعضاء في منظمة التعاون الإسلامي حول الوساطة",
}

# Keyed by (kind, language, English title).
DOCUMENTS = [
    {
        "kind": "summary_report",
        "language": "fr",
        "conference": 2,
        "title": SUMMARY_REPORT_TITLE,
        "un_symbol": "A/73/725",
        "author": None,
        "url": "https://undocs.org/fr/A/73/725",
    },
    {
        "kind": "summary_report",
        "language": "en",
        "conference": 2,
        "title": SUMMARY_REPORT_TITLE,
        "un_symbol": "A/73/725",
        "author": None,
        "url": "https://undocs.org/A/73/725",
    },
    {
        "kind": "research_report",
        "language": "en",
        "conference": 2,
        "title": SESRIC_REPORT_TITLE,
        "un_symbol": "",
        "author": "sesric",
        "url": "",
    },
]

SESRIC_SOURCE = {
    "en": "SESRIC, Achieving Peace and Security in a Turbulent World: An Arduous Challenge for the OIC (2018)",
    "fr": "SESRIC, Réaliser la paix et la sécurité dans un monde bouleversé\u202f: un défi ardu pour l'OCI (2018)",
    "ar": "سيسرك، تحقيق السلام والأمن في عالم مضطرب: تحدٍّ شاق أمام منظمة التعاون الإسلامي (2018)",
}

# Figures quoted at the 2nd Conference from the SESRIC report; keyed by their English statement.
FIGURES = [
    {
        "position": 1,
        "value": Decimal("60"),
        "unit": {"en": "%", "fr": "%", "ar": "%"},
        "statement": {
            "en": "of the world's conflicts take place in the OIC geography",
            "fr": "des conflits dans le monde ont lieu dans la géographie de l'OCI",
            "ar": "من النزاعات في العالم تقع في نطاق منظمة التعاون الإسلامي",
        },
    },
    {
        "position": 2,
        "value": Decimal("39"),
        "unit": {"en": "%", "fr": "%", "ar": "%"},
        "statement": {
            "en": "of the world's refugees come from countries such as Syria, Somalia and Afghanistan",
            "fr": "des réfugiés dans le monde viennent de pays comme la Syrie, la Somalie et l'Afghanistan",
            "ar": "من اللاجئين في العالم يأتون من بلدان مثل سوريا والصومال وأفغانستان",
        },
    },
    {
        "position": 3,
        "value": Decimal("14.3"),
        "unit": {"en": "USD trillion", "fr": "billions de dollars", "ar": "تريليون دولار أمريكي"},
        "statement": {
            "en": "total cost of conflicts worldwide",
            "fr": "coût total des conflits dans le monde",
            "ar": "التكلفة الإجمالية للنزاعات في العالم",
        },
    },
]
