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
    assert pages >= 9  # a cover, the contents, then each of the nine sections on its own page
    assert f"1 / {pages}" in text and f"{pages} / {pages}" in text
    # The contents list each section with the page it starts on (summary on page 3).
    assert re.search(r"Summary \.+ ?3\b", text), text[:1500]


def _pdfinfo(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "info.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True).stdout.decode()
