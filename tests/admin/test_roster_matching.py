"""The roster-matching page of the Secretariat's admin (``oic_mediation/roster_matching``): the
shortlist of ``network.matching`` on the page and as a spreadsheet, its form errors, and who may
open it. The roster is the hand-made one of ``tests/network/test_matching.py``."""

from __future__ import annotations

import io

import openpyxl

from tests.conftest import MODEL_BACKEND
from tests.network import test_matching
from tests.network.test_matching import PAGE, query

roster = test_matching.roster
vocabulary = test_matching.vocabulary


def test_secretariat_finds_the_shortlist_on_the_admin_page(client, secretariat, roster, vocabulary):
    client.force_login(secretariat, backend=MODEL_BACKEND)

    response = client.get(PAGE, query(vocabulary))

    assert response.status_code == 200
    html = response.content.decode()
    assert [html.index(name) for name in ("Ahmed", "Ibrahim", "Binta", "Chérif")] == sorted(
        html.index(name) for name in ("Ahmed", "Ibrahim", "Binta", "Chérif")
    )
    assert "Unavailable" not in html and "No Consent" not in html
    assert "Served in Chad before" in html


def test_shortlist_downloads_as_xlsx_in_rank_order(client, secretariat, roster, vocabulary):
    client.force_login(secretariat, backend=MODEL_BACKEND)

    response = client.get(PAGE, query(vocabulary, format="xlsx"))

    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    rows = list(workbook["Shortlist"].iter_rows(min_row=4, values_only=True))
    assert [(row[0], row[1], row[6]) for row in rows] == [
        (1, "Ahmed", 15),
        (2, "Ibrahim", 5),
        (3, "Binta", 4),
        (4, "Chérif", 1),
    ]
    balance = list(workbook["Balance"].iter_rows(values_only=True))
    assert ("Female", 1) in balance and ("Male", 3) in balance
    # No contact details leave the portal in the file.
    assert "@" not in str(rows)


def test_bad_dates_get_a_form_error_not_a_500(client, secretariat, vocabulary):
    client.force_login(secretariat, backend=MODEL_BACKEND)

    response = client.get(PAGE, query(vocabulary, ends_on="2026-03-01", format="xlsx"))

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "ends_on": ["The deployment cannot end before it starts."]
    }


def test_only_the_secretariat_may_match_the_roster(
    client, turkiye_focal_point, staff_outside_secretariat, roster, vocabulary
):
    assert client.get(PAGE, query(vocabulary)).status_code == 302
    client.force_login(turkiye_focal_point, backend=MODEL_BACKEND)
    assert client.get(PAGE, query(vocabulary)).status_code == 302
    client.force_login(staff_outside_secretariat, backend=MODEL_BACKEND)
    response = client.get(PAGE, query(vocabulary))
    assert response.status_code in (302, 403)
    assert b"Ahmed" not in response.content
