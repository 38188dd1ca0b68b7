"""Resolutions 53/45-POL and 56/46-POL, their paragraphs and other measures, and the status of each
as of the 2nd Conference (29 November 2018)."""

import datetime

RESOLUTIONS = [
    {
        "symbol": "53/45-POL",
        "cfm_session": 45,
        "adopted_from": datetime.date(2018, 5, 5),
        "adopted_until": datetime.date(2018, 5, 6),
        "proposed_by": "TR",
        "follows_up": None,
        "preamble_references": "UN General Assembly resolutions 65/283, 66/291, 68/303 and 70/304 on mediation.",
        "title": {
            "en": "Strengthening the OIC mediation capacity",
            "fr": "Renforcement de la capacité de médiation de l'OCI",
            "ar": "تعزيز قدرات منظمة التعاون الإسلامي في مجال الوساطة",
        },
        "place": {"en": "Dhaka", "fr": "Dhaka", "ar": "دكا"},
        "summary": {
            "en": "The OIC's first resolution on mediation, proposed by Türkiye and adopted at the 45th session of the Council of Foreign Ministers. It gave a strong political mandate for a more structured and effective OIC approach to mediation. The paragraph texts recorded here paraphrase the summary report of the 2nd Conference of OIC Member States on Mediation (A/73/725); the authentic text is the resolution itself.",
            "fr": "Première résolution de l'OCI sur la médiation, proposée par la Türkiye et adoptée à la 45e session du Conseil des ministres des Affaires étrangères. Elle a fourni un mandat politique fort pour une approche plus structurée et efficace de l'OCI envers la médiation. Les textes des paragraphes enregistrés ici paraphrasent le rapport sommaire de la deuxième Conférence des États membres de l'OCI sur la médiation (A/73/725)\u202f; le texte faisant foi est celui de la résolution.",
            "ar": "أول قرار لمنظمة التعاون الإسلامي بشأن الوساطة، اقترحته تركيا واعتُمد في الدورة الخامسة والأربعين لمجلس وزراء الخارجية. وقد منح ولاية سياسية قوية لاتباع نهج أكثر تنظيماً وفعالية في عمل المنظمة في مجال الوساطة. ونصوص الفقرات المسجَّلة هنا إعادة صياغة لما ورد في التقرير الموجز للمؤتمر الثاني للدول الأعضاء في منظمة التعاون الإسلامي حول الوساطة (A/73/725)؛ أما النص الذي يُعتدّ به فهو نص القرار نفسه.",
        },
    },
    {
        "symbol": "56/46-POL",
        "cfm_session": 46,
        "adopted_from": datetime.date(2019, 3, 1),
        "adopted_until": datetime.date(2019, 3, 2),
        "proposed_by": None,
        "follows_up": "53/45-POL",
        "preamble_references": "",
        "title": {
            "en": "Strengthening the OIC mediation capacity",
            "fr": "Renforcement de la capacité de médiation de l'OCI",
            "ar": "تعزيز قدرات منظمة التعاون الإسلامي في مجال الوساطة",
        },
        "place": {"en": "Abu Dhabi", "fr": "Abou Dhabi", "ar": "أبوظبي"},
        "summary": {
            "en": "Follow-up to Resolution 53/45-POL, adopted at the 46th session of the Council of Foreign Ministers. It requested the General Secretariat to prepare a code of conduct for mediators and to evolve an OIC network of mediators, special envoys and experts nominated by member states.",
            "fr": "Suite donnée à la résolution 53/45-POL, adoptée à la 46e session du Conseil des ministres des Affaires étrangères. Elle a demandé au Secrétariat général d'élaborer un code de conduite pour les médiateurs et de développer un réseau de médiateurs, d'envoyés spéciaux et d'experts de l'OCI désignés par les États membres.",
            "ar": "قرار متابعة للقرار 53/45-POL، اعتُمد في الدورة السادسة والأربعين لمجلس وزراء الخارجية. وقد طلب إلى الأمانة العامة إعداد مدونة قواعد سلوك للوسطاء، وتطوير شبكة للوسطاء والمبعوثين الخاصين والخبراء في منظمة التعاون الإسلامي ممن ترشّحهم الدول الأعضاء.",
        },
    },
]

# Keys: resolution symbol and paragraph number, or, for a measure whose number is not known, the
# resolution symbol and its English title.
PARAGRAPHS = [
    {
        "resolution": "53/45-POL",
        "number": 4,
        "theme": "institutions",
        "addressee": "general_secretariat",
        "title": {
            "en": "Strengthen the Peace, Security and Conflict Resolution Unit",
            "fr": "Renforcer l'Unité de paix, de sécurité et de résolution des conflits",
            "ar": "تعزيز وحدة السلم والأمن وحل النزاعات",
        },
        "text": {
            "en": "Strengthen the Peace, Security and Conflict Resolution Unit (PSCU) of the OIC General Secretariat.",
            "fr": "Renforcer l'Unité de paix, de sécurité et de résolution des conflits (PSCU) du Secrétariat général de l'OCI.",
            "ar": "تعزيز وحدة السلم والأمن وحل النزاعات (PSCU) التابعة للأمانة العامة لمنظمة التعاون الإسلامي.",
        },
        "expected_deliverables": {
            "en": "A PSCU with the staff and resources to support OIC mediation.",
            "fr": "Une PSCU dotée du personnel et des ressources nécessaires pour appuyer la médiation de l'OCI.",
            "ar": "وحدةٌ للسلم والأمن وحل النزاعات مزوَّدة بالموظفين والموارد اللازمة لدعم أعمال الوساطة في منظمة التعاون الإسلامي.",
        },
    },
    {
        "resolution": "53/45-POL",
        "number": 5,
        "theme": "partnerships",
        "addressee": "all",
        "title": {
            "en": "Strengthen partnerships with the UN and other organisations",
            "fr": "Renforcer les partenariats avec l'ONU et d'autres organisations",
            "ar": "تعزيز الشراكات مع الأمم المتحدة والمنظمات الأخرى",
        },
        "text": {
            "en": "Strengthen partnerships between the OIC, the United Nations and other international and regional organisations.",
            "fr": "Renforcer les partenariats entre l'OCI, l'ONU et d'autres organisations internationales et régionales.",
            "ar": "تعزيز الشراكات بين منظمة التعاون الإسلامي والأمم المتحدة وغيرها من المنظمات الدولية والإقليمية.",
        },
        "expected_deliverables": {
            "en": "Working partnerships and exchanges of experience with the UN (Mediation Support Unit, Standby Team, UNITAR), the OSCE, the African Union and the League of Arab States.",
            "fr": "Des partenariats effectifs et des échanges d'expérience avec l'ONU (Groupe de l'appui à la médiation, Équipe de réserve d'experts de la médiation, UNITAR), l'OSCE, l'Union africaine et la Ligue des États arabes.",
            "ar": "شراكات فاعلة وتبادل للخبرات مع الأمم المتحدة (وحدة دعم الوساطة، والفريق الاحتياطي لخبراء الوساطة، ومعهد الأمم المتحدة للتدريب والبحث «يونيتار»)، ومنظمة الأمن والتعاون في أوروبا، والاتحاد الأفريقي، وجامعة الدول العربية.",
        },
    },
    {
        "resolution": "53/45-POL",
        "number": 7,
        "theme": "network",
        "addressee": "secretary_general",
        "title": {
            "en": "Network of OIC mediators, special envoys and experts",
            "fr": "Réseau de médiateurs, d'envoyés spéciaux et d'experts de l'OCI",
            "ar": "شبكة الوسطاء والمبعوثين الخاصين والخبراء في منظمة التعاون الإسلامي",
        },
        "text": {
            "en": "Requests the Secretary General to constitute a network of OIC mediators, special envoys and experts.",
            "fr": "Demande au Secrétaire général de constituer un réseau de médiateurs, d'envoyés spéciaux et d'experts de l'OCI.",
            "ar": "يطلب إلى الأمين العام تشكيل شبكة للوسطاء والمبعوثين الخاصين والخبراء في منظمة التعاون الإسلامي.",
        },
        "expected_deliverables": {
            "en": "A roster of mediators, special envoys and experts nominated by member states and the General Secretariat.",
            "fr": "Un fichier de médiateurs, d'envoyés spéciaux et d'experts désignés par les États membres et le Secrétariat général.",
            "ar": "قائمة بالوسطاء والمبعوثين الخاصين والخبراء الذين ترشّحهم الدول الأعضاء والأمانة العامة.",
        },
    },
    {
        "resolution": "53/45-POL",
        "number": 8,
        "theme": "training",
        "addressee": "all",
        "title": {
            "en": "Training in conflict resolution and mediation",
            "fr": "Formation à la résolution des conflits et à la médiation",
            "ar": "التدريب على حل النزاعات والوساطة",
        },
        "text": {
            "en": "The OIC to offer training opportunities in conflict resolution and mediation.",
            "fr": "L'OCI doit offrir des possibilités de formation à la résolution des conflits et à la médiation.",
            "ar": "أن تتيح منظمة التعاون الإسلامي فرصاً للتدريب على حل النزاعات والوساطة.",
        },
        "expected_deliverables": {
            "en": "Training programmes and editions for diplomats of member states, and the number of diplomats trained.",
            "fr": "Des programmes de formation et leurs éditions pour les diplomates des États membres, et le nombre de diplomates formés.",
            "ar": "برامج تدريبية ودوراتها لفائدة دبلوماسيي الدول الأعضاء، وعدد الدبلوماسيين الذين تلقّوا التدريب.",
        },
    },
    {
        "resolution": "53/45-POL",
        "number": None,
        "position": 1,
        "theme": "contact_group",
        "addressee": "member_states",
        "title": {
            "en": "Contact Group of the Friends of Mediation",
            "fr": "Groupe de contact des amis de la médiation",
            "ar": "مجموعة الاتصال لأصدقاء الوساطة",
        },
        "text": {
            "en": "Create a contact group of the Friends of Mediation to increase interaction among member states and with the OIC.",
            "fr": "Créer un groupe de contact des amis de la médiation pour accroître l'interaction entre les États membres et avec l'OCI.",
            "ar": "إنشاء مجموعة اتصال لأصدقاء الوساطة لزيادة التفاعل بين الدول الأعضاء ومع منظمة التعاون الإسلامي.",
        },
        "expected_deliverables": {
            "en": "A contact group that meets regularly and guides the strengthening of the OIC's mediation capacity.",
            "fr": "Un groupe de contact qui se réunit régulièrement et oriente le renforcement de la capacité de médiation de l'OCI.",
            "ar": "مجموعة اتصال تجتمع بانتظام وتوجّه جهود تعزيز قدرات منظمة التعاون الإسلامي في مجال الوساطة.",
        },
    },
    {
        "resolution": "53/45-POL",
        "number": None,
        "position": 2,
        "theme": "conference",
        "addressee": "all",
        "title": {
            "en": "Annual Conference of OIC Member States on Mediation",
            "fr": "Conférence annuelle des États membres de l'OCI sur la médiation",
            "ar": "المؤتمر السنوي للدول الأعضاء في منظمة التعاون الإسلامي حول الوساطة",
        },
        "text": {
            "en": "Continue the Conference of OIC Member States on Mediation on an annual basis.",
            "fr": "Poursuivre la Conférence des États membres de l'OCI sur la médiation sur une base annuelle.",
            "ar": "مواصلة عقد مؤتمر الدول الأعضاء في منظمة التعاون الإسلامي حول الوساطة سنوياً.",
        },
        "expected_deliverables": {
            "en": "One conference a year, with recommendations that are followed up.",
            "fr": "Une conférence par an, dont les recommandations font l'objet d'un suivi.",
            "ar": "مؤتمر واحد في السنة، تخضع توصياته للمتابعة.",
        },
    },
    {
        "resolution": "53/45-POL",
        "number": None,
        "position": 3,
        "theme": "standards",
        "addressee": "general_secretariat",
        "title": {
            "en": "Code of conduct for mediators",
            "fr": "Code de conduite pour les médiateurs",
            "ar": "مدونة قواعد السلوك للوسطاء",
        },
        "text": {
            "en": "Develop a code of conduct for mediators, including culturally adapted mediation approaches.",
            "fr": "Élaborer un code de conduite pour les médiateurs, incluant des approches de médiation culturellement adaptées.",
            "ar": "وضع مدونة قواعد سلوك للوسطاء، تشمل نُهُج وساطة مراعية للخصوصيات الثقافية.",
        },
        "expected_deliverables": {
            "en": "A code of conduct for OIC mediators, adopted and published.",
            "fr": "Un code de conduite des médiateurs de l'OCI, adopté et publié.",
            "ar": "مدونة قواعد سلوك لوسطاء منظمة التعاون الإسلامي، معتمَدة ومنشورة.",
        },
    },
    {
        "resolution": "56/46-POL",
        "number": None,
        "position": 1,
        "theme": "standards",
        "addressee": "general_secretariat",
        "title": {
            "en": "Prepare a code of conduct for mediators",
            "fr": "Élaborer un code de conduite pour les médiateurs",
            "ar": "إعداد مدونة قواعد السلوك للوسطاء",
        },
        "text": {
            "en": "Requests the General Secretariat to prepare a code of conduct for mediators.",
            "fr": "Demande au Secrétariat général d'élaborer un code de conduite pour les médiateurs.",
            "ar": "يطلب إلى الأمانة العامة إعداد مدونة قواعد سلوك للوسطاء.",
        },
    },
    {
        "resolution": "56/46-POL",
        "number": None,
        "position": 2,
        "theme": "network",
        "addressee": "general_secretariat",
        "title": {
            "en": "Evolve the network of mediators, special envoys and experts",
            "fr": "Développer le réseau de médiateurs, d'envoyés spéciaux et d'experts",
            "ar": "تطوير شبكة الوسطاء والمبعوثين الخاصين والخبراء",
        },
        "text": {
            "en": "Requests the General Secretariat to evolve an OIC network of mediators, special envoys and experts nominated by member states.",
            "fr": "Demande au Secrétariat général de développer un réseau de médiateurs, d'envoyés spéciaux et d'experts de l'OCI désignés par les États membres.",
            "ar": "يطلب إلى الأمانة العامة تطوير شبكة للوسطاء والمبعوثين الخاصين والخبراء في منظمة التعاون الإسلامي ممن ترشّحهم الدول الأعضاء.",
        },
    },
]

CLOSING_REMARKS = "Summary report of the 2nd Conference of OIC Member States on Mediation (A/73/725), closing remarks"
SESSION_TWO = "Portal assessment from the summary report of the 2nd Conference (A/73/725), session 2; not stated in the closing remarks"
CONFERENCE_DAY = datetime.date(2018, 11, 29)

# Paragraphs are named as in PARAGRAPHS: (symbol, number) or (symbol, English title).
STATUS_UPDATES = [
    {
        "paragraph": ("53/45-POL", "Contact Group of the Friends of Mediation"),
        "status": "implemented",
        "as_of": CONFERENCE_DAY,
        "source": CLOSING_REMARKS,
        "note": {
            "en": "The closing remarks name the creation of the Contact Group of the Friends of Mediation among the resolution's concrete results.",
            "fr": "Les observations finales citent la création du Groupe de contact des amis de la médiation parmi les résultats concrets de la résolution.",
            "ar": "تذكر الكلمة الختامية إنشاء مجموعة الاتصال لأصدقاء الوساطة ضمن النتائج الملموسة للقرار.",
        },
    },
    {
        "paragraph": ("53/45-POL", "Annual Conference of OIC Member States on Mediation"),
        "status": "implemented",
        "as_of": CONFERENCE_DAY,
        "source": CLOSING_REMARKS,
        "note": {
            "en": "The 2nd Conference was held on 29 November 2018; the closing remarks state that it will provide a platform every year.",
            "fr": "La deuxième Conférence s'est tenue le 29 novembre 2018\u202f; les observations finales indiquent qu'elle fournira chaque année une plateforme.",
            "ar": "عُقد المؤتمر الثاني في 29 نوفمبر 2018؛ وتفيد الكلمة الختامية بأنه سيوفّر منبراً كل عام.",
        },
    },
    {
        "paragraph": ("53/45-POL", 8),
        "status": "in_progress",
        "as_of": CONFERENCE_DAY,
        "source": CLOSING_REMARKS,
        "note": {
            "en": "A new means of training for OIC diplomats exists, and one training took place at the Conference itself; the \u201cMediation for Peace\u201d certificate programme was welcomed.",
            "fr": "Un nouveau moyen de formation pour les diplomates de l'OCI existe, et une formation a eu lieu lors de la Conférence même\u202f; le programme de certification «\u202fMédiation pour la paix\u202f» a été salué.",
            "ar": "تتوفر وسيلة جديدة لتدريب دبلوماسيي منظمة التعاون الإسلامي، وعُقد تدريب خلال المؤتمر نفسه؛ ولقي برنامج شهادة «الوساطة من أجل السلام» ترحيباً.",
        },
    },
    {
        "paragraph": ("53/45-POL", 7),
        "status": "not_started",
        "as_of": CONFERENCE_DAY,
        "source": CLOSING_REMARKS,
        "note": {
            "en": "The closing remarks list the network of mediators, special envoys and experts as still to be implemented (session 2 welcomed first steps towards it).",
            "fr": "Les observations finales indiquent que le réseau de médiateurs, d'envoyés spéciaux et d'experts doit encore être mis en œuvre (la deuxième session a salué les premières étapes).",
            "ar": "تُدرج الكلمة الختامية شبكة الوسطاء والمبعوثين الخاصين والخبراء ضمن ما لم يُنفَّذ بعد (ورحّبت الجلسة الثانية بالخطوات الأولى نحو إنشائها).",
        },
    },
    {
        "paragraph": ("53/45-POL", "Code of conduct for mediators"),
        "status": "not_started",
        "as_of": CONFERENCE_DAY,
        "source": CLOSING_REMARKS,
        "note": {
            "en": "The closing remarks list the code of conduct for mediators, including culturally adapted approaches, as still to be implemented.",
            "fr": "Les observations finales indiquent que le code de conduite pour les médiateurs, incluant des approches culturellement adaptées, doit encore être mis en œuvre.",
            "ar": "تُدرج الكلمة الختامية مدونة قواعد السلوك للوسطاء، بما فيها النُّهُج المراعية للخصوصيات الثقافية، ضمن ما لم يُنفَّذ بعد.",
        },
    },
    {
        "paragraph": ("53/45-POL", 4),
        "status": "in_progress",
        "as_of": CONFERENCE_DAY,
        "source": SESSION_TWO,
        "note": {
            "en": "The report gives no status for paragraph 4. Session 2 stressed that support for the PSCU is paramount; recorded as in progress by the portal, to be confirmed by the Secretariat.",
            "fr": "Le rapport ne donne aucun statut pour le paragraphe 4. La deuxième session a souligné que le soutien à la PSCU est primordial\u202f; enregistré comme en cours par le portail, à confirmer par le Secrétariat.",
            "ar": "لا يحدد التقرير حالة الفقرة 4. وقد شددت الجلسة الثانية على الأهمية القصوى لدعم وحدة السلم والأمن وحل النزاعات؛ وسجّلتها البوابة على أنها «قيد التنفيذ»، رهناً بتأكيد الأمانة العامة.",
        },
    },
    {
        "paragraph": ("53/45-POL", 5),
        "status": "in_progress",
        "as_of": CONFERENCE_DAY,
        "source": SESSION_TWO,
        "note": {
            "en": "The report gives no status for paragraph 5. Session 2 referred to it often and listed many achievable steps; recorded as in progress by the portal, to be confirmed by the Secretariat.",
            "fr": "Le rapport ne donne aucun statut pour le paragraphe 5. La deuxième session s'y est souvent référée et a relevé de nombreuses étapes réalisables\u202f; enregistré comme en cours par le portail, à confirmer par le Secrétariat.",
            "ar": "لا يحدد التقرير حالة الفقرة 5. وقد أشارت إليها الجلسة الثانية مراراً وعدّدت خطوات كثيرة قابلة للتحقيق؛ وسجّلتها البوابة على أنها «قيد التنفيذ»، رهناً بتأكيد الأمانة العامة.",
        },
    },
]
