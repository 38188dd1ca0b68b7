"""The French and Arabic texts follow the glossary and the rules a reviser checks first.

`locale/GLOSSARY.md` holds one form per term and per language, and the forms to avoid; the
catalogues and the reference data (`seed/reference_data`) must follow it alike. French
typography (a narrow no-break space before « : ; ! ? » and inside « ») and the Arabic defects the
translation review found more than once (a clitic glued to a placeholder, Latin punctuation, the
date's comma) are checked over every message and every reference text; the pages at the end show
them as a reader sees them.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.formats import date_format

from conferences.models import Recommendation
from oic_mediation.security import lockout_response
from seed.reference_data import conferences, network, resolutions, trainings
from seed.reference_data.loader import is_translation
from tests.dashboard.test_pages import text_of, url
from tests.factories import RecommendationFollowUpFactory
from tests.translations.test_catalogues import LOCALE, catalogue

NNBSP, NBSP = "\u202f", "\u00a0"
GLOSSARY = LOCALE / "GLOSSARY.md"
DATA_MODULES = (network, resolutions, trainings, conferences)
# Rows of these tables of network.py hold (…, English, French, Arabic, …) at these positions.
NAME_TABLES = {
    "MEMBER_STATES": (3, 4, 5),
    "OBSERVER_STATES": (3, 4, 5),
    "EXPERTISE_AREAS": (1, 2, 3),
    "LANGUAGES": (1, 2, 3),
    "REGIONS": (1, 2, 3),
}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")
# Tokens whose colon or question mark is not punctuation.
CODE = re.compile(r"Authorization: Token|https?://\S+|\?\w+=\S*|%\(\w+\)[sd]")


# -- what is checked ----------------------------------------------------------------------------


def message_texts(language: str) -> Iterator[tuple[str, str]]:
    """(label, text) for every translation of the catalogue, every plural form included."""
    _, messages = catalogue(language)
    for entry in messages:
        texts = [entry.msgstr] if entry.msgid_plural is None else entry.msgstr_plural.values()
        for text in texts:
            yield entry.label, text


def reference_translations() -> Iterator[tuple[str, dict[str, str]]]:
    """(where, {"en", "fr", "ar"}) for every translated text of the reference data."""

    def walk(where: str, value) -> Iterator[tuple[str, dict[str, str]]]:
        if isinstance(value, dict):
            if is_translation(value):
                yield where, value
            else:
                for key, item in value.items():
                    yield from walk(f"{where}.{key}", item)
        elif isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                yield from walk(f"{where}[{index}]", item)

    for module in DATA_MODULES:
        for name, value in vars(module).items():
            if not name.isupper():
                continue
            where = f"{module.__name__.rsplit('.', 1)[1]}.{name}"
            if module is network and name in NAME_TABLES:
                english, french, arabic = NAME_TABLES[name]
                for row in value:
                    yield (
                        f"{where}[{row[0]}]",
                        {"en": row[english], "fr": row[french], "ar": row[arabic]},
                    )
            else:
                yield from walk(where, value)


def reference_texts(language: str) -> Iterator[tuple[str, str]]:
    for where, texts in reference_translations():
        if texts.get(language):
            yield where, texts[language]


def all_texts(language: str) -> list[tuple[str, str]]:
    return [*message_texts(language), *reference_texts(language)]


def glossary_table(heading: str) -> list[list[str]]:
    """The rows of the Markdown table under ``## heading``, header and rule left out."""
    section = GLOSSARY.read_text(encoding="utf-8").split(f"\n## {heading}\n", 1)[1]
    section = section.split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[2:]]


def french_typography_errors(text: str) -> list[str]:
    text = CODE.sub("x", text)
    errors = []
    for index, character in enumerate(text):
        before = text[index - 1] if index else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        if character in ":;!?":
            inside_a_token = after and not after.isspace() and after not in "»)"
            if before not in (NNBSP, NBSP) and not inside_a_token:
                errors.append(f"…{text[max(0, index - 12) : index + 1]!r}")
        elif character == "«" and after not in (NNBSP, NBSP):
            errors.append(f"{text[index : index + 12]!r}…")
        elif character == "»" and before not in (NNBSP, NBSP):
            errors.append(f"…{text[max(0, index - 12) : index + 1]!r}")
    return errors


def avoided(form: str, language: str) -> re.Pattern[str]:
    pattern = re.escape(form)
    if re.match(r"\w", form):
        pattern = r"(?<!\w)" + pattern
    if re.search(r"\w$", form):
        pattern += r"(?!\w)"
    return re.compile(pattern, re.IGNORECASE if language == "fr" else 0)


# -- the glossary -------------------------------------------------------------------------------


def test_the_glossary_has_its_two_tables():
    terms = glossary_table("Terms")
    avoid = glossary_table("Forms to avoid")

    assert len(terms) > 40 and all(len(row) == 4 and all(row[:3]) for row in terms)
    assert len(avoid) > 20 and all(row[0] in ("fr", "ar") and row[1] for row in avoid)


def test_catalogue_entries_of_glossary_terms_use_the_glossary_forms():
    _, french = catalogue("fr")
    _, arabic = catalogue("ar")
    arabic_by_key = {entry.key: entry for entry in arabic}
    checked, wrong = 0, []
    for english, french_form, arabic_form, _notes in glossary_table("Terms"):
        match = re.fullmatch(r"(.+?) \[(.+)\]", english)
        msgid, context = match.groups() if match else (english, None)
        for entry in french:
            if entry.msgctxt != context or entry.msgid_plural is not None:
                continue
            if entry.msgid != msgid:
                continue
            checked += 1
            if entry.msgstr != french_form:
                wrong.append((english, "fr", entry.msgstr, french_form))
            if arabic_by_key[entry.key].msgstr != arabic_form:
                wrong.append((english, "ar", arabic_by_key[entry.key].msgstr, arabic_form))

    assert wrong == []
    assert checked >= 30


def test_reference_data_names_of_glossary_terms_use_the_glossary_forms():
    terms = {row[0]: row for row in glossary_table("Terms")}
    checked, wrong = 0, []
    for where, texts in reference_translations():
        # Names and titles; a phrase such as an addressee (« les États membres ») has its article.
        table = where.split("[")[0]
        in_a_name_table = table.startswith("network.") and table.split(".")[1] in NAME_TABLES
        is_a_name = in_a_name_table or where.endswith((".name", ".title"))
        row = terms.get(texts["en"])
        if row is None or not is_a_name:
            continue
        checked += 1
        for language, form in (("fr", row[1]), ("ar", row[2])):
            if texts.get(language) != form:
                wrong.append((where, language, texts.get(language), form))

    assert wrong == []
    assert checked >= 10


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_no_text_uses_a_form_the_glossary_rejects(language):
    rules = [
        (row[1], avoided(row[1], language))
        for row in glossary_table("Forms to avoid")
        if row[0] == language
    ]
    found = [
        (where, form, text)
        for where, text in all_texts(language)
        for form, pattern in rules
        if pattern.search(text)
    ]

    assert found == []


# -- French -------------------------------------------------------------------------------------


def test_french_typography_rule_recognises_the_faults_and_the_tokens():
    assert french_typography_errors("Période couverte: 2018") != []
    assert french_typography_errors("Période couverte : 2018") != []
    assert french_typography_errors("« Médiation pour la paix »") != []
    assert french_typography_errors("Mot de passe oublié ?") != []
    assert french_typography_errors("Période couverte\u202f: 2018") == []
    assert french_typography_errors("«\u202fMédiation pour la paix\u202f»") == []
    assert french_typography_errors("échelle 1:110 millions, https://undocs.org/fr/A/73/725") == []
    assert french_typography_errors("votre jeton (Authorization: Token …)") == []


def test_every_french_message_has_a_narrow_no_break_space_before_high_punctuation():
    errors = [
        (label, error)
        for label, text in message_texts("fr")
        for error in french_typography_errors(text)
    ]

    assert errors == []


def test_every_french_reference_text_has_a_narrow_no_break_space_before_high_punctuation():
    errors = [
        (where, error)
        for where, text in reference_texts("fr")
        for error in french_typography_errors(text)
    ]

    assert errors == []


def test_french_messages_put_no_preposition_before_a_country_name():
    # « de %(state)s » reads « de Afghanistan », « par %(state)s » « par Türkiye ».
    before_a_state = re.compile(
        r"(?<!\w)(de|du|des|d'|par|pour|à|au|aux|en|le|la|l')\s*%\(state\)s", re.I
    )

    assert [
        (label, text) for label, text in message_texts("fr") if before_a_state.search(text)
    ] == []


# -- Arabic -------------------------------------------------------------------------------------


def test_arabic_glues_no_clitic_to_a_placeholder_or_the_end_of_a_label():
    # « لـ %(state)s » reads « لـ السنغال »; a label ending in « لـ » points at nothing.
    clitic = re.compile(r"(?<!\w)(?:لـ|بـ|كـ|الـ)\s*(?:%\(|\{|«\s*%\(|$)")

    assert [(label, text) for label, text in message_texts("ar") if clitic.search(text)] == []


def test_arabic_texts_use_arabic_punctuation():
    latin_punctuation = [
        (where, text)
        for where, text in all_texts("ar")
        if re.search(r"[,;?]", PLACEHOLDER.sub("", CODE.sub("", text)))
    ]

    assert latin_punctuation == []


def test_arabic_dates_have_no_comma_after_the_month():
    with translation.override("ar"):
        assert date_format(datetime.date(2018, 11, 29), "DATE_FORMAT") == "29 نوفمبر 2018"


def test_one_english_word_takes_the_gender_of_its_noun():
    with translation.override("fr"):
        assert translation.pgettext("paragraph status", "Implemented") == "Mis en œuvre"
        assert translation.pgettext("recommendation follow-up", "Implemented") == "Mise en œuvre"
    with translation.override("ar"):
        assert translation.pgettext("paragraph status", "Implemented") == "مُنفَّذ"
        assert translation.pgettext("recommendation follow-up", "Implemented") == "مُنفَّذة"


# -- as a reader sees it ------------------------------------------------------------------------


def load_reference_data() -> None:
    call_command("load_reference_data", stdout=StringIO())


@pytest.mark.django_db
def test_the_2nd_conference_reads_right_in_french_and_arabic(client):
    load_reference_data()
    recommendation = Recommendation.objects.get(conference__ordinal=2, number=1)
    RecommendationFollowUpFactory(
        recommendation=recommendation, status="implemented", as_of=datetime.date(2019, 6, 1)
    )

    french = client.get(url("dashboard:conference", {"ordinal": 2}, language="fr"))
    arabic = client.get(url("dashboard:conference", {"ordinal": 2}, language="ar"))
    french_text, arabic_text = text_of(french), text_of(arabic)

    assert french.status_code == arabic.status_code == 200
    # The theme in the catalogue's quotation marks, the session titles quoted, S. E. le Dr.
    assert (
        "«\u202fMise en œuvre de la résolution n° 53/45-POL\u202f: défis et opportunités\u202f»"
        in french_text
    )
    assert (
        "Première session\u202f: «\u202fL'état de conflit dans la géographie de l'OCI\u202f»"
        in french_text
    )
    assert "Sessions et intervenants" in french_text and "séance" not in french_text.lower()
    # The recommendation's follow-up agrees with « recommandation » / « توصية »; the paragraphs it
    # relates to keep their own status badge, which agrees with « paragraphe » / « تدبير ».
    follow_up = r'recommendation__status"><span class="badge badge--implemented">([^<]+)<'
    assert re.findall(follow_up, french.content.decode()) == ["Mise en œuvre"]
    assert re.findall(follow_up, arabic.content.decode()) == ["مُنفَّذة"]
    assert "«تنفيذ القرار رقم" in arabic_text
    # Arabic's comma between a speaker and the position, not a Latin one.
    assert "Yavuz Selim Kıran، نائب وزير الخارجية التركي" in arabic_text
    assert "29 نوفمبر 2018" in arabic_text and "نوفمبر، 2018" not in arabic_text


@pytest.mark.django_db
def test_an_implemented_measure_is_masculine_on_the_home_page(client):
    load_reference_data()

    french = client.get(url("dashboard:home", language="fr")).content.decode()
    arabic = client.get(url("dashboard:home", language="ar")).content.decode()

    assert set(re.findall(r'badge--implemented">([^<]+)<', french)) == {"Mis en œuvre"}
    assert set(re.findall(r'badge--implemented">([^<]+)<', arabic)) == {"مُنفَّذ"}


@pytest.mark.django_db
def test_a_state_is_named_in_a_label_form_in_french(client):
    load_reference_data()

    page = client.get(url("dashboard:state_commitments", {"slug": "turkiye"}, language="fr"))

    assert page.status_code == 200
    assert "Engagements — Türkiye" in text_of(page)
    assert "de Türkiye" not in text_of(page)


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "Trop de tentatives de connexion infructueuses\u202f; réessayez dans 1 minute."),
        ("ar", "محاولات تسجيل دخول فاشلة كثيرة جداً؛ حاول مرة أخرى بعد دقيقة واحدة."),
        ("en", "Too many failed sign-in attempts; try again in 1 minute."),
    ],
)
def test_a_lockout_of_one_minute_says_one_minute(rf, settings, language, message):
    settings.AXES_COOLOFF_TIME = 1 / 60  # hours

    with translation.override(language):
        locked = lockout_response(rf.post("/api/v1/commitments/"))

    assert locked.status_code == 429
    assert json.loads(locked.content)["detail"] == message
