"""The report page of the admin (preview, PDF, publish), the public list, and the command."""

from __future__ import annotations

import datetime
import io
import zipfile

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from oic_mediation.background.models import ReportRendering
from resolutions.models import PublishedReport
from tests.reports.conftest import MODEL_BACKEND

REPORT_PAGE = "/admin/resolutions/publishedreport/add/"
PERIOD = {"since": "2018-01-01", "until": "2018-12-31"}


def test_secretariat_previews_the_report_in_each_language_chosen(secretariat_client, year_2018):
    response = secretariat_client.post(
        REPORT_PAGE, {**PERIOD, "languages": ["en", "ar"], "_preview": "1"}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="en" dir="ltr"' in html and 'lang="ar" dir="rtl"' in html
    assert "Training in mediation" in html and "التدريب على الوساطة" in html
    assert 'id="ar-summary"' in html and 'href="#en-summary"' in html
    assert PublishedReport.objects.count() == 0


def rendered_file(secretariat_client, captured_callbacks, data: dict):
    """Ask for a download, let the task run (the suite runs tasks at the commit), and follow
    the link that the report page then shows."""
    with captured_callbacks(execute=True):
        response = secretariat_client.post(REPORT_PAGE, data)
    assert response.status_code == 302
    assert response["Location"] == REPORT_PAGE
    page = secretariat_client.get(REPORT_PAGE).content.decode()
    rendering = ReportRendering.objects.get()
    assert rendering.status == ReportRendering.Status.READY
    link = reverse("files:rendering", kwargs={"pk": rendering.pk})
    assert f'<a href="{link}">Download</a>' in page
    return secretariat_client.get(link)


def test_secretariat_downloads_the_pdf_of_one_language(
    secretariat_client, year_2018, django_capture_on_commit_callbacks
):
    response = rendered_file(
        secretariat_client,
        django_capture_on_commit_callbacks,
        {**PERIOD, "languages": ["fr"], "_pdf": "1"},
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="oic-mediation-implementation-report-20180101-20181231-fr.pdf"'
    )
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_download_being_drawn_shows_its_status_and_the_page_reloads_itself(
    secretariat_client, year_2018
):
    # Without running the commit's callbacks, the task waits in the queue.
    secretariat_client.post(REPORT_PAGE, {**PERIOD, "languages": ["fr"], "_pdf": "1"})

    page = secretariat_client.get(REPORT_PAGE).content.decode()
    assert "Waiting for a worker" in page
    assert '<meta http-equiv="refresh" content="5">' in page
    rendering = ReportRendering.objects.get()
    assert (
        secretariat_client.get(reverse("files:rendering", kwargs={"pk": rendering.pk})).status_code
        == 404
    )


@pytest.mark.slow
def test_secretariat_publishes_the_report_in_three_languages_in_one_action(
    secretariat_client, secretariat, client, year_2018, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(
            REPORT_PAGE, {**PERIOD, "languages": ["ar", "en", "fr"], "_publish": "1"}
        )

    assert response.status_code == 302
    assert ReportRendering.objects.get().status == ReportRendering.Status.READY
    reports = list(PublishedReport.objects.order_by("language"))
    assert [r.language for r in reports] == ["ar", "en", "fr"]
    assert {r.published_by for r in reports} == {secretariat}
    assert {(r.period_start, r.period_end) for r in reports} == {
        (datetime.date(2018, 1, 1), datetime.date(2018, 12, 31))
    }
    # Direction marks only where they are needed: around the symbol in the Arabic title.
    assert reports[1].title == (
        "Implementation of Resolution 53/45-POL: report of the General Secretariat"
    )
    assert reports[0].title == "تنفيذ القرار \u206653/45-POL\u2069: تقرير الأمانة العامة"

    client.logout()
    listing = client.get("/fr/reports/").content.decode()
    for report in reports:
        assert reverse("dashboard:report_pdf", kwargs={"pk": report.pk}) in listing
    pdf = client.get(reverse("dashboard:report_pdf", kwargs={"pk": reports[0].pk}))
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-")
    page = client.get(reverse("dashboard:report_html", kwargs={"pk": reports[0].pk}))
    assert '<html lang="ar" dir="rtl">' in page.content.decode()


def test_several_languages_download_as_one_zip_of_pdfs(
    secretariat_client, year_2018, django_capture_on_commit_callbacks
):
    response = rendered_file(
        secretariat_client,
        django_capture_on_commit_callbacks,
        {**PERIOD, "languages": ["en", "ar"], "_pdf": "1"},
    )

    assert response["Content-Type"] == "application/zip"
    content = b"".join(response.streaming_content)
    names = zipfile.ZipFile(io.BytesIO(content)).namelist()
    assert names == [
        "oic-mediation-implementation-report-20180101-20181231-en.pdf",
        "oic-mediation-implementation-report-20180101-20181231-ar.pdf",
    ]


def test_a_period_ending_before_it_starts_is_refused_with_a_message(secretariat_client):
    response = secretariat_client.post(
        REPORT_PAGE,
        {"since": "2018-12-31", "until": "2018-01-01", "languages": ["en"], "_publish": "1"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {"until": ["The period cannot end before it starts."]}
    assert PublishedReport.objects.count() == 0


def test_only_the_secretariat_reaches_the_report_page(
    client, turkiye_focal_point, staff_outside_secretariat
):
    assert client.get(REPORT_PAGE).status_code == 302
    client.force_login(turkiye_focal_point, backend=MODEL_BACKEND)
    assert client.get(REPORT_PAGE).status_code == 302
    client.force_login(staff_outside_secretariat, backend=MODEL_BACKEND)
    assert client.post(
        REPORT_PAGE, {**PERIOD, "languages": ["en"], "_publish": "1"}
    ).status_code in (
        302,
        403,
    )
    assert PublishedReport.objects.count() == 0


def test_publishing_is_refused_to_anyone_but_the_secretariat(turkiye_focal_point):
    from django.core.exceptions import PermissionDenied

    from oic_mediation.reports.drawing import draw_report
    from resolutions.services import published_report_publish

    with pytest.raises(PermissionDenied):
        published_report_publish(
            user=turkiye_focal_point,
            since=datetime.date(2018, 1, 1),
            until=datetime.date(2018, 12, 31),
            language="en",
            draw=draw_report,
        )


def make_published(count: int, start: int = 0) -> None:
    for index in range(start, start + count):
        PublishedReport.objects.create(
            language=["ar", "en", "fr"][index % 3],
            period_start=datetime.date(2018 + index, 1, 1),
            period_end=datetime.date(2018 + index, 12, 31),
            title=f"Report {index}",
            pdf_file=f"reports/{index}.pdf",
            html="<p>Report</p>",
        )


def cold_queries(client, path: str) -> tuple[int, str]:
    """Queries of one request with an empty cache (anonymous pages are cached whole)."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_public_list_of_reports_takes_the_same_queries_for_1_or_3(client, turkiye):
    make_published(1)
    one, first = cold_queries(client, "/en/reports/")
    make_published(2, start=1)
    three, listing = cold_queries(client, "/en/reports/")

    assert one == three
    assert "Report 0" in first
    assert [listing.index(f"Report {i}") for i in (2, 1, 0)] == sorted(
        listing.index(f"Report {i}") for i in (2, 1, 0)
    )


def test_a_published_report_whose_pdf_is_missing_is_a_404_not_a_500(client):
    make_published(1)
    report = PublishedReport.objects.get()

    assert client.get(reverse("dashboard:report_pdf", kwargs={"pk": report.pk})).status_code == 404


def test_command_writes_the_html_report(year_2018, tmp_path):
    output = tmp_path / "report-{lang}.html"

    call_command(
        "implementation_report",
        "--lang",
        "fr",
        "en",
        "--format",
        "html",
        "--since",
        "2018-01-01",
        "--until",
        "2018-12-31",
        "--output",
        str(output),
        stdout=io.StringIO(),
    )

    french = (tmp_path / "report-fr.html").read_text()
    assert '<html lang="fr" dir="ltr">' in french
    assert "Formation à la médiation" in french
    assert "Training in mediation" in (tmp_path / "report-en.html").read_text()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--since", "2018-12-31", "--until", "2018-01-01"], "cannot end before it starts"),
        (["--since", "31/12/2018"], "Not a date in the form YYYY-MM-DD"),
        (["--lang", "en", "fr"], "Several languages need {lang}"),
    ],
)
def test_command_explains_bad_arguments(db, tmp_path, arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("implementation_report", *arguments, "--output", str(tmp_path / "r.pdf"))


def test_a_newly_published_report_appears_at_once_on_the_cached_public_list(client, turkiye):
    make_published(1)
    assert "Report 0" in client.get("/en/reports/").content.decode()

    make_published(1, start=1)

    assert "Report 1" in client.get("/en/reports/").content.decode()
