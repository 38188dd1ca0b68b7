"""The implementation report as HTML (``templates/reports/``) and as PDF, with WeasyPrint.

The PDF is drawn from the same HTML with the print stylesheet ``static/reports/report.css``:
A4 pages numbered with CSS page counters, a table of contents whose page numbers come from
``target-counter``, right-to-left for Arabic. Fonts are shipped with the portal and never fetched:
Noto Sans (the dashboard's) for Latin script, and Amiri for Arabic, whose glyphs map one to one to
letters, so the PDF's text can be searched and copied (Noto Naskh Arabic builds letters from shared
dot marks, which a PDF's text layer cannot map back).

The PDF is tagged (PDF/UA-1): a structure tree with headings, lists, tables with their header
cells, and every chart bar a Figure whose alternative text is its SVG ``<title>``; the document's
language comes from ``<html lang>``, its title and subject from ``<title>`` and
``<meta name="description">``. WeasyPrint gives no element of the tree a language of its own: the
hook below copies an element's ``lang`` attribute to its structure element (``/Lang``), so that a
source quoted in English inside the Arabic report is read out in English.
"""

from __future__ import annotations

import functools
import hashlib
import io
import logging
import mimetypes
import os
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.loader import render_to_string
from django.utils import translation

from oic_mediation.reports.data import ImplementationReport

# WeasyPrint logs each layout step, and fontTools each font it subsets, at INFO: the portal's log
# level, which they would flood.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
logging.getLogger("fontTools").setLevel(logging.WARNING)

TEMPLATE = "reports/implementation_report.html"
# The address WeasyPrint resolves the report's relative links against; never fetched from a network.
RENDER_BASE_URL = "http://report.invalid/"
# The report's fonts, decompressed from WOFF2 once (see decompressed_font).
FONT_CACHE_DIR = Path(settings.VAR_DIR) / "cache" / "report-fonts"


def render_html(report: ImplementationReport, *, for_print: bool = False) -> str:
    """The report as a standalone HTML document in its own language."""
    with translation.override(report.language):
        return render_to_string(TEMPLATE, {"report": report, "for_print": for_print})


def render_fragment(report: ImplementationReport, *, prefix: str = "") -> str:
    """The report's body alone, for a page that shows it (the admin preview); ``prefix`` keeps its
    anchors apart from another report's on the same page."""
    with translation.override(report.language):
        return render_to_string(
            "reports/_report_body.html", {"report": report, "prefix": prefix, "for_print": False}
        )


def render_pdf(report: ImplementationReport) -> bytes:
    # Imported here: WeasyPrint loads Pango at import, which only report pages need.
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    tag_element_languages()
    html = render_html(report, for_print=True)
    fonts = FontConfiguration()
    document = HTML(string=html, base_url=RENDER_BASE_URL, url_fetcher=static_fetcher())
    return document.write_pdf(font_config=fonts, pdf_variant="pdf/ua-1")


def tag_element_languages() -> None:
    """Give each structure element built from an HTML element with a ``lang`` attribute (other
    than the root's) that language as ``/Lang``. Installed once, around WeasyPrint's builder."""
    import pydyf
    from weasyprint.pdf import tags

    build = tags._build_box_tree
    if getattr(build, "adds_languages", False):
        return

    def build_with_languages(box, parent, *args, **kwargs):
        element = getattr(getattr(box, "_box", box), "element", None)
        language = None
        if element is not None and element.tag not in ("html", "body"):
            language = element.get("lang")
        for structure in build(box, parent, *args, **kwargs):
            if language and "Lang" not in structure:
                structure["Lang"] = pydyf.String(language)
            yield structure

    build_with_languages.adds_languages = True
    tags._build_box_tree = build_with_languages


def static_file(url: str) -> Path | None:
    """The file behind one of the portal's static URLs (as rendered by ``{% static %}``)."""
    prefix = RENDER_BASE_URL.rstrip("/") + settings.STATIC_URL
    if not url.startswith(prefix):
        return None
    name = url[len(prefix) :].split("?")[0].split("#")[0]
    if ".." in Path(name).parts:
        return None
    found = finders.find(name)
    if found:
        return Path(found)
    # Collected files, under their hashed names (production's manifest storage).
    try:
        path = Path(staticfiles_storage.path(name))
    except NotImplementedError:
        return None
    return path if path.is_file() else None


@functools.lru_cache(maxsize=32)
def _decompressed(woff2: bytes) -> bytes:
    from fontTools.ttLib import woff2 as woff2_format

    digest = hashlib.sha256(woff2).hexdigest()
    cached = FONT_CACHE_DIR / f"{digest}.ttf"
    try:
        return cached.read_bytes()
    except OSError:
        pass
    out = io.BytesIO()
    woff2_format.decompress(io.BytesIO(woff2), out)
    font = out.getvalue()
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(font)
        partial.replace(cached)
    except OSError:
        pass  # a read-only var directory: decompressed again by the next process
    return font


def decompressed_font(path: Path) -> bytes:
    """The TrueType font inside a WOFF2 file, which WeasyPrint would otherwise decompress itself
    on every report, in pure Python: 6 fonts, about half the time of a report. Kept in memory
    and in ``FONT_CACHE_DIR`` (by the WOFF2's digest, so a changed font is decompressed anew)."""
    return _decompressed(path.read_bytes())


def static_fetcher():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticFilesFetcher(URLFetcher):
        """Serves the portal's own static files and refuses everything else: a report never
        reaches the network. A missing stylesheet or font stops the rendering."""

        def fetch(self, url, headers=None):
            path = static_file(url)
            if path is None:
                raise ValueError(f"The report may only use the portal's static files: {url}")
            if path.suffix == ".woff2":
                return URLFetcherResponse(
                    url, decompressed_font(path), {"Content-Type": "font/ttf"}, status=200
                )
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                url, path.read_bytes(), {"Content-Type": content_type}, status=200
            )

    return StaticFilesFetcher(fail_on_errors=True)
