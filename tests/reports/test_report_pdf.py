"""The PDF in each language, read back with pdftotext (Debian poppler-utils)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata

import pytest
from django.utils import translation

from oic_mediation.reports.data import implementation_report
from oic_mediation.reports.rendering import render_pdf
from tests.factories import CitedFigureFactory
from tests.reports.conftest import SINCE, UNTIL

# pdftotext wraps right-to-left runs in Unicode bidi marks and embeddings.
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e]")

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None and not os.environ.get("CI"),
    reason="pdftotext is not installed (apt-get install poppler-utils); CI installs it",
)


def pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return " ".join(BIDI_MARKS.sub("", result.stdout.decode()).split())


def squeezed(text: str) -> str:
    """Without spaces: pdftotext guesses word gaps from glyph positions, and in Arabic it
    sometimes splits a word (e.g. a bold heading) in two. Without Arabic short vowels and shadda:
    pdftotext drops these marks, drawn as glyphs of their own over the letter."""
    return re.sub(r"[\s\u064b-\u0652\u0670]+", "", unicodedata.normalize("NFKC", text))


def punctuation_spaced(text: str) -> str:
    """One space after a colon, comma or semicolon and none before: pdftotext's own bidi
    reconstruction moves the space around neutral punctuation in Arabic lines ("والفجوة ، حسب"),
    and French puts a narrow no-break space before the colon."""
    text = re.sub(r"[\s\u202f\u00a0]*([،؛:;,])[\s\u202f\u00a0]*", r"\1 ", text)
    # pdftotext drops Arabic short vowels and shadda, drawn as glyphs of their own.
    return " ".join(re.sub("[\u064b-\u0652\u0670]", "", text).split())


def headings(language: str) -> list[str]:
    with translation.override(language):
        return [
            translation.gettext("Contents"),
            translation.gettext("Status of each paragraph and other measure"),
            translation.gettext("Commitments, deliveries and the gap, by state"),
            translation.gettext("Contact group activity"),
            translation.gettext("Network of mediators: growth and balance"),
            translation.gettext("Trainings and diplomats trained"),
            translation.gettext("Follow-up of the recommendations of the previous conference"),
            translation.gettext("Figures cited, with their sources"),
        ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["Türkiye", "Training in mediation", "Network of mediators", "November 2018"]),
        ("fr", ["Sénégal", "Formation à la médiation", "Réseau de médiateurs", "novembre 2018"]),
        ("ar", ["تركيا", "السنغال", "التدريب على الوساطة", "شبكة الوسطاء", "نوفمبر"]),
    ],
)
def test_pdf_in_each_language_holds_its_headings_figures_and_translated_records(
    year_2018, tmp_path, language, expected
):
    pdf = render_pdf(implementation_report(since=SINCE, until=UNTIL, language=language))

    assert pdf.startswith(b"%PDF-")
    text = pdf_text(pdf, tmp_path)
    for heading in headings(language):
        if language == "ar":
            # A heading that wraps may come back with its lines swapped (pdftotext reads a line
            # with raised diacritics as the higher one): each word must be there.
            for word in heading.split():
                assert squeezed(word) in squeezed(text), (heading, word)
        else:
            assert squeezed(heading) in squeezed(text), heading
    for words in expected:
        assert squeezed(words) in squeezed(text), words
    # The gap by unit: 25 pledged, 17 delivered, 8 to deliver; 31 diplomats trained; 60% cited.
    assert re.search(r"25\s+17\s+8", text) or re.search(r"8\s+17\s+25", text), text[:2000]
    assert "31" in text
    assert "SESRIC, Achieving Peace and Security in a Turbulent World" in text


@pytest.mark.slow
def test_pdf_numbers_its_pages_and_its_table_of_contents_points_to_them(year_2018, tmp_path):
    pdf = render_pdf(implementation_report(since=SINCE, until=UNTIL, language="en"))

    text = pdf_text(pdf, tmp_path)
    pages = int(re.search(r"Pages:\s+(\d+)", _pdfinfo(pdf, tmp_path)).group(1))
    # A cover and the contents on pages of their own, then the sections flowing on.
    assert 4 <= pages <= 8
    assert re.search(rf"\b1 ?/ ?{pages}\b", text) and re.search(rf"\b{pages} ?/ ?{pages}\b", text)
    # The contents list each section with the page it starts on (summary on page 3).
    assert re.search(r"Summary \.+ ?3\b", text), text[:1500]


def _pdfinfo(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "info.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True).stdout.decode()


def _structure(pdf: bytes):
    """Every structure element of the tagged PDF as (type, element), depth first."""
    import io

    import pikepdf

    document = pikepdf.open(io.BytesIO(pdf))
    found = []

    def walk(node):
        if isinstance(node, pikepdf.Dictionary) and "/S" in node:
            found.append((str(node.S), node))
        kids = node.get("/K") if isinstance(node, pikepdf.Dictionary) else None
        if isinstance(kids, pikepdf.Array):
            for kid in kids:
                walk(kid)
        elif isinstance(kids, pikepdf.Dictionary):
            walk(kids)

    walk(document.Root.StructTreeRoot)
    return document, found


def _structure_text(pdf: bytes, tmp_path) -> str:
    """The text of each element of the structure tree (poppler's ``pdfinfo -struct-text``):
    left-to-right runs as they are stored, without pdftotext's bidi reconstruction."""
    path = tmp_path / "structure.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdfinfo", "-struct-text", str(path)], capture_output=True, check=True
    ).stdout.decode()


TITLES = {
    "en": "Implementation of Resolution 53/45-POL: report of the General Secretariat",
    "fr": "Mise en œuvre de la résolution 53/45-POL\u202f: rapport du Secrétariat général",
    "ar": "تنفيذ القرار 53/45-POL: تقرير الأمانة العامة",
}


@pytest.mark.slow
@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_pdf_is_tagged_with_its_language_headings_tables_and_charts_with_alternative_text(
    year_2018, tmp_path, language
):
    pdf = render_pdf(implementation_report(since=SINCE, until=UNTIL, language=language))

    document, elements = _structure(pdf)
    kinds = [kind for kind, _element in elements]
    assert str(document.Root.Lang) == language
    assert bool(document.Root.MarkInfo.Marked) is True
    assert kinds.count("/H1") == 1
    assert kinds.count("/H2") == 10  # the contents and the nine sections
    for kind in ("/H3", "/Table", "/TH", "/TD", "/L", "/LI", "/Figure"):
        assert kind in kinds, kind
    # Every chart bar is a Figure that says what it shows.
    alternatives = [str(element.get("/Alt", "")) for kind, element in elements if kind == "/Figure"]
    assert alternatives and all(alternatives), alternatives
    # Header cells are linked to the data cells they head.
    assert any("/Headers" in element.get("/A", {}) for kind, element in elements if kind == "/TD")
    # Clean metadata: the title without invisible direction marks, a subject, the language.
    info = document.docinfo
    assert str(info["/Title"]) == (
        TITLES[language].replace("\u202f", "\u202f") if language == "fr" else TITLES[language]
    ) or str(info["/Title"]) == TITLES[language].replace("\u202f", " ")
    assert not BIDI_MARKS.search(str(info["/Title"])) and "\u2066" not in str(info["/Title"])
    assert "\u2069" not in str(info["/Title"])
    assert "2018" in str(info["/Subject"])
    assert b"pdfuaid" in bytes(document.Root.Metadata.read_bytes())


@pytest.mark.slow
def test_text_quoted_in_another_language_is_tagged_with_that_language(year_2018, tmp_path):
    """The code of conduct has no Arabic or French title: the reports show the English one,
    tagged as English; sources cited as written are English too."""
    for language in ("ar", "fr"):
        pdf = render_pdf(implementation_report(since=SINCE, until=UNTIL, language=language))
        _document, elements = _structure(pdf)
        languages = {str(element.Lang) for _kind, element in elements if "/Lang" in element}
        assert languages == {"en"}, (language, languages)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("language", "period"),
    [
        ("en", "Period covered: 1 January 2018 – 31 December 2018"),
        ("fr", "Période couverte : 1 janvier 2018 – 31 décembre 2018"),
        ("ar", "الفترة المشمولة: 1 يناير، 2018 – 31 ديسمبر، 2018"),
    ],
)
def test_pdf_gives_each_heading_whole_the_period_in_order_and_pages_as_n_of_total(
    year_2018, tmp_path, language, period
):
    pdf = render_pdf(implementation_report(since=SINCE, until=UNTIL, language=language))

    text = punctuation_spaced(pdf_text(pdf, tmp_path))
    words = set(text.replace(":", " ").replace("،", " ").split())
    for heading in headings(language):
        if language == "ar":
            # Each word whole ("المحتويات", never "المحتو يات"); a heading that wraps may come
            # back with its lines swapped (pdftotext's order of right-to-left lines).
            for word in punctuation_spaced(heading).replace(":", " ").replace("،", " ").split():
                assert word in words, (heading, word)
        else:
            assert punctuation_spaced(heading) in text, heading
    if language == "ar":
        # The words of the line in reading order; pdftotext moves the colon, the commas and the
        # numbers around the dash (its own bidi reconstruction), so those are not compared.
        pieces = ["الفترة المشمولة", "يناير", "ديسمبر", "2018"]
        assert re.search(".{0,12}?".join(re.escape(piece) for piece in pieces), text), text[:400]
    else:
        assert punctuation_spaced(period) in text
    pages = int(re.search(r"Pages:\s+(\d+)", _pdfinfo(pdf, tmp_path)).group(1))
    # "3 / 12", never "12 / 3", in every language (pdftotext reads a number pair as drawn).
    for page in range(1, pages + 1):
        assert re.search(rf"(?<!\d){page} ?/ ?{pages}(?!\d)", text), (page, pages)
    if pages > 1:
        assert not re.search(rf"(?<!\d){pages} ?/ ?1(?!\d)", text)
    if language == "ar":
        # pdftotext reorders Latin runs inside Arabic lines; the structure tree has them as drawn:
        # the symbol whole, left to right, in the title.
        assert '"53/45-POL"' in _structure_text(pdf, tmp_path)


@pytest.mark.slow
def test_pdf_prints_each_table_once_and_each_figure_and_source_as_the_dashboard(
    year_2018, tmp_path
):

    CitedFigureFactory(
        statement="total cost of conflicts worldwide",
        value="14.30",
        unit="USD trillion",
        source="SESRIC, Achieving Peace and Security in a Turbulent World (2018)",
        source_year=2018,
    )
    pdf = render_pdf(implementation_report(since=SINCE, until=UNTIL, language="en"))

    text = pdf_text(pdf, tmp_path)
    assert "14.3 USD trillion" in text and "14.30" not in text
    assert "(2018) (2018)" not in text
    # Pledged, delivered, gap by unit: once (the chart's table), not a second table above it.
    assert len(re.findall(r"25\s+17\s+8", text)) == 1, text
