"""The state's commitments: the grouped list, pledging, and editing without losing anyone's work."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from resolutions.models import Commitment
from tests.factories import CommitmentFactory, ProgressReportFactory

pytestmark = pytest.mark.django_db


def commitments_url(state) -> str:
    return reverse("my_state:commitments", kwargs={"state": state.slug})


def test_commitments_are_grouped_by_paragraph_with_status_due_date_and_figures(
    client, turkiye_focal_point, turkiye, senegal, paragraph_training, paragraph_network
):
    today = timezone.localdate()
    CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_network,
        title="Nominate 3 experts",
        target_quantity=3,
        delivered_quantity=1,
        status="in_progress",
        due_on=today - datetime.timedelta(days=1),
    )
    CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        title="Train 40",
        target_quantity=40,
        delivered_quantity=40,
        status="delivered",
    )
    CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        title="Train 20",
        target_quantity=20,
        due_on=today + datetime.timedelta(days=10),
    )
    CommitmentFactory(
        state=senegal, paragraph=paragraph_training, title="Senegal's pledge", target_quantity=5
    )
    client.force_login(turkiye_focal_point)

    response = client.get(commitments_url(turkiye))

    rows = [
        (
            c.paragraph.number,
            c.title,
            c.status,
            c.delivered_quantity,
            c.target_quantity,
            c.gap_quantity,
            c.is_overdue,
        )
        for c in response.context["commitments"]
    ]
    assert rows == [
        (7, "Nominate 3 experts", "in_progress", 1, 3, 2, True),
        (8, "Train 20", "pledged", 0, 20, 20, False),
        (8, "Train 40", "delivered", 40, 40, 0, False),
    ]
    html = response.text
    assert html.index("Paragraph 7") < html.index("Paragraph 8")
    assert "Senegal&#x27;s pledge" not in html and "Senegal's pledge" not in html
    assert html.count('class="flag flag-overdue"') == 1
    assert html.count('class="flag flag-soon"') == 1
    assert "1 / 3 diplomats trained" in html
    assert response.context["totals"]["overdue_count"] == 1


def test_commitments_page_is_translated(client, turkiye_focal_point, turkiye, turkiye_commitment):
    client.force_login(turkiye_focal_point)
    response = client.get("/fr/my-state/turkiye/")
    assert response.status_code == 200
    assert '<html lang="fr" dir="ltr">' in response.text
    response = client.get("/ar/my-state/turkiye/")
    assert '<html lang="ar" dir="rtl">' in response.text
    assert "تركيا" in response.text


def test_commitments_page_runs_the_same_number_of_queries_for_1_and_3_commitments(
    client, turkiye_focal_point, turkiye, paragraph_training, paragraph_network
):
    def add_commitment(position):
        paragraph = paragraph_training if position % 2 else paragraph_network
        commitment = CommitmentFactory(
            state=turkiye, paragraph=paragraph, title=f"Pledge {position}"
        )
        ProgressReportFactory(
            commitment=commitment, status="in_progress", narrative="x", quantity_delivered=0
        )

    def count_queries(expected_rows):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(commitments_url(turkiye))
        assert len(response.context["commitments"]) == expected_rows
        return len(queries)

    client.force_login(turkiye_focal_point)
    add_commitment(0)
    client.get(commitments_url(turkiye))  # the first request of a session costs more
    with_one = count_queries(1)
    add_commitment(1)
    add_commitment(2)
    with_three = count_queries(3)
    assert with_one == with_three


def test_focal_point_records_a_commitment_against_a_paragraph(
    client, turkiye_focal_point, turkiye, paragraph_training
):
    client.force_login(turkiye_focal_point)
    response = client.post(
        reverse("my_state:commitment_create", kwargs={"state": "turkiye"}),
        {
            "paragraph": paragraph_training.pk,
            "title": "Host the 4th edition",
            "target_quantity": "25",
            "unit": "diplomats_trained",
            "due_on": "2030-06-30",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == commitments_url(turkiye)
    commitment = Commitment.objects.get()
    assert (
        commitment.state,
        commitment.paragraph,
        commitment.title,
        commitment.target_quantity,
        commitment.due_on,
        commitment.status,
        commitment.created_by,
    ) == (
        turkiye,
        paragraph_training,
        "Host the 4th edition",
        25,
        datetime.date(2030, 6, 30),
        "pledged",
        turkiye_focal_point,
    )


def test_a_due_date_before_the_pledge_is_refused_with_a_message(
    client, turkiye_focal_point, paragraph_training
):
    client.force_login(turkiye_focal_point)
    response = client.post(
        reverse("my_state:commitment_create", kwargs={"state": "turkiye"}),
        {
            "paragraph": paragraph_training.pk,
            "title": "Too late",
            "unit": "actions",
            "due_on": "2000-01-01",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["__all__"] == [
        "The due date cannot come before the pledge."
    ]
    assert Commitment.objects.count() == 0


def test_focal_point_edits_their_commitment(
    client, turkiye_focal_point, turkiye, turkiye_commitment
):
    client.force_login(turkiye_focal_point)
    url = reverse("my_state:commitment_edit", kwargs={"pk": turkiye_commitment.pk})
    assert client.get(url).context["form"].initial["version"] == 1
    response = client.post(
        url,
        {
            "title": "Train 12 diplomats",
            "target_quantity": "12",
            "unit": "diplomats_trained",
            "version": "1",
        },
    )
    assert response.status_code == 302
    turkiye_commitment.refresh_from_db()
    assert (
        turkiye_commitment.title,
        turkiye_commitment.target_quantity,
        turkiye_commitment.due_on,
        turkiye_commitment.version,
    ) == (
        "Train 12 diplomats",
        12,
        None,
        2,
    )
    assert turkiye_commitment.history.count() == 2


def test_a_stale_edit_is_refused_and_says_what_changed_then_a_deliberate_save_succeeds(
    client, turkiye_focal_point, secretariat, turkiye_commitment
):
    url = reverse("my_state:commitment_edit", kwargs={"pk": turkiye_commitment.pk})
    client.force_login(turkiye_focal_point)
    opened = client.get(url).context["form"].initial["version"]
    # Meanwhile, the Secretariat raises the target from the same version.
    client.force_login(secretariat)
    client.post(
        url,
        {
            "title": "Train 10 diplomats",
            "target_quantity": "12",
            "unit": "diplomats_trained",
            "version": opened,
        },
    )
    client.force_login(turkiye_focal_point)

    response = client.post(
        url,
        {
            "title": "Train ten diplomats",
            "target_quantity": "10",
            "unit": "diplomats_trained",
            "version": opened,
        },
    )

    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert errors[0] == (
        "Someone else saved this commitment while you were editing it (your copy was version 1; "
        "it is now version 2). Reload the page to see their changes, then apply yours again."
    )
    assert "target quantity: 10 → 12" in errors[1]
    assert [(str(c["field"]), c["before"], c["after"]) for c in response.context["changes"]] == [
        ("target quantity", "10", "12"),
        ("due on", turkiye_commitment.due_on.isoformat(), "—"),
    ]
    turkiye_commitment.refresh_from_db()
    assert (
        turkiye_commitment.title,
        turkiye_commitment.target_quantity,
        turkiye_commitment.version,
    ) == (
        "Train 10 diplomats",
        12,
        2,
    )
    # The user's typing is kept, and saving again after seeing the changes is a deliberate choice.
    form = response.context["form"]
    assert (form.data["title"], form.data["version"]) == ("Train ten diplomats", 2)
    client.post(url, form.data)
    turkiye_commitment.refresh_from_db()
    assert (
        turkiye_commitment.title,
        turkiye_commitment.target_quantity,
        turkiye_commitment.version,
    ) == (
        "Train ten diplomats",
        10,
        3,
    )
