"""Spreadsheet import and export in the admin: a bad file stores nothing and says which rows are
wrong and why; a good file goes in through dry run then confirm; exports are real spreadsheets."""

from __future__ import annotations

import datetime
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from network.models import RosterMember
from resolutions.models import Commitment, Paragraph
from tests.admin import test_pages as admin_tests
from tests.admin.test_pages import admin_url, form_fields
from tests.factories import (
    CommitmentFactory,
    ExpertiseAreaFactory,
    LanguageFactory,
    ParagraphFactory,
)
from trainings.models import Participant

# Fixtures shared with the admin page tests.
sesric = admin_tests.sesric
programme = admin_tests.programme
edition = admin_tests.edition

CSV_FORMAT = "0"
XLSX_FORMAT = "1"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

COMMITMENT_HEADER = "resolution,paragraph,state,organisation,title_en,title_fr,target_quantity,unit,pledged_on,due_on"


def upload(client, model, name: str, content: bytes, file_format: str = CSV_FORMAT):
    """The first step of an import: the dry run."""
    return client.post(
        admin_url(model, "import"),
        {"format": file_format, "import_file": SimpleUploadedFile(name, content)},
    )


def confirm(client, model, dry_run_response):
    confirm_form = dry_run_response.context["confirm_form"]
    return client.post(admin_url(model, "process_import"), confirm_form.initial)


def row_errors(response) -> dict[int, list[str]]:
    """Row number → the reasons given, as the dry-run page lists them."""
    result = response.context["result"]
    errors: dict[int, list[str]] = {}
    for row in result.invalid_rows:
        errors[row.number] = sorted(
            message for messages in row.error_dict.values() for message in messages
        )
    for number, row_error_list in result.row_errors():
        errors.setdefault(number, []).extend(str(error.error) for error in row_error_list)
    return errors


@pytest.fixture
def measure_without_number(resolution) -> Paragraph:
    return ParagraphFactory(
        resolution=resolution, number=None, title="Code of conduct for mediators", position=1
    )


def test_malformed_commitments_file_reports_each_bad_row_and_stores_nothing(
    secretariat_client, paragraph_training, turkiye, senegal
):
    CommitmentFactory(
        paragraph=paragraph_training,
        state=turkiye,
        title="Already stored",
        target_quantity=40,
        pledged_on=datetime.date(2018, 11, 29),
    )
    csv = "\n".join(
        [
            COMMITMENT_HEADER,
            "53/45-POL,8,TR,,A good row,,10,diplomats_trained,2018-11-29,2019-12-31",
            "53/45-POL,8,XX,,Unknown state,,1,events,2018-11-29,",
            "53/45-POL,99,SN,,Missing paragraph,,1,events,2018-11-29,",
            "53/45-POL,8,SN,,Bad date,,1,events,2018-13-45,",
            "53/45-POL,8,,,Nobody pledged,,1,events,2018-11-29,",
            "53/45-POL,8,SN,,Due before pledged,,1,events,2018-11-29,2017-01-01",
            "53/45-POL,8,sn,,Lower-case code is fine,,1,events,2018-11-29,",
        ]
    ).encode()

    response = upload(secretariat_client, Commitment, "commitments.csv", csv)

    assert response.status_code == 200
    assert "confirm_form" not in response.context
    errors = row_errors(response)
    assert sorted(errors) == [2, 3, 4, 5, 6]
    assert errors[2] == ["No member state with the key “XX”."]
    assert errors[3] == ["Resolution 53/45-POL has no paragraph “99”."]
    assert errors[4] == ["Value could not be parsed using defined formats."]
    assert errors[5] == ["A commitment is pledged by either a member state or an organisation."]
    assert errors[6] == ["The due date cannot come before the pledge."]
    content = response.content.decode()
    assert "No member state with the key “XX”." in content
    assert "Resolution 53/45-POL has no paragraph “99”." in content
    assert list(Commitment.objects.values_list("title", flat=True)) == ["Already stored"]


def test_a_confirm_after_the_data_went_bad_stores_nothing(
    secretariat_client, paragraph_training, turkiye
):
    csv = "\n".join(
        [
            COMMITMENT_HEADER,
            "53/45-POL,8,TR,,First,,10,diplomats_trained,2018-11-29,",
            "53/45-POL,8,TR,,Second,,5,events,2018-11-29,",
        ]
    ).encode()
    dry_run = upload(secretariat_client, Commitment, "commitments.csv", csv)
    assert "confirm_form" in dry_run.context
    # Between the dry run and the confirm, the paragraph loses its number.
    paragraph_training.number = 9
    paragraph_training.save()

    response = confirm(secretariat_client, Commitment, dry_run)

    assert response.status_code == 302
    assert Commitment.objects.count() == 0
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["The import was refused and nothing was stored: some rows are invalid."]


def test_valid_commitments_file_is_imported_after_the_dry_run(
    secretariat_client, secretariat, paragraph_training, measure_without_number, turkiye, sesric
):
    csv = "\n".join(
        [
            COMMITMENT_HEADER,
            "53/45-POL,8,TR,,Mediation for Peace editions,Éditions Mediation for Peace,40,diplomats_trained,2018-11-29,2022-12-31",
            "53/45-POL,Code of conduct for mediators,,sesric,Draft a code of conduct,,1,actions,2019-03-01,",
        ]
    ).encode()

    dry_run = upload(secretariat_client, Commitment, "commitments.csv", csv)
    assert row_errors(dry_run) == {}
    assert Commitment.objects.count() == 0
    response = confirm(secretariat_client, Commitment, dry_run)

    assert response.status_code == 302
    rows = list(
        Commitment.objects.order_by("id").values_list(
            "paragraph__number",
            "state__iso_code",
            "organisation__slug",
            "title_en",
            "title_fr",
            "target_quantity",
            "unit",
            "pledged_on",
            "due_on",
            "status",
            "created_by",
        )
    )
    assert rows == [
        (
            8,
            "TR",
            None,
            "Mediation for Peace editions",
            "Éditions Mediation for Peace",
            40,
            "diplomats_trained",
            datetime.date(2018, 11, 29),
            datetime.date(2022, 12, 31),
            "pledged",
            secretariat.pk,
        ),
        (
            None,
            None,
            "sesric",
            "Draft a code of conduct",
            None,
            1,
            "actions",
            datetime.date(2019, 3, 1),
            None,
            "pledged",
            secretariat.pk,
        ),
    ]


def test_import_cannot_set_the_status_only_validated_reports_may(
    secretariat_client, paragraph_training, turkiye
):
    csv = (
        COMMITMENT_HEADER
        + ",status,delivered_quantity\n"
        + "53/45-POL,8,TR,,Claimed done,,10,events,2018-11-29,,delivered,10\n"
    ).encode()

    response = upload(secretariat_client, Commitment, "commitments.csv", csv)

    # Refused with the reason, rather than stored with the columns silently dropped.
    assert row_errors(response) == {
        1: [
            "The “delivered_quantity” column is not imported; it holds “0” for this record, "
            "not “10”. Leave the exported value or empty the cell.",
            "The “status” column is not imported; it holds “pledged” for this record, not "
            "“delivered”. Leave the exported value or empty the cell.",
        ]
    }
    assert Commitment.objects.count() == 0


def export_xlsx(client, model):
    data = form_fields(client.get(admin_url(model, "export")))
    data["format"] = XLSX_FORMAT
    response = client.post(admin_url(model, "export"), data)
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    workbook = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


def test_commitments_export_to_a_real_xlsx_workbook_with_typed_keys(
    secretariat_client, paragraph_training, turkiye
):
    CommitmentFactory(
        paragraph=paragraph_training,
        state=turkiye,
        title="Mediation for Peace editions",
        target_quantity=40,
        pledged_on=datetime.date(2018, 11, 29),
    )

    rows = export_xlsx(secretariat_client, Commitment)

    header, *data = rows
    record = dict(zip(header, data[0], strict=True))
    assert len(data) == 1
    assert record["resolution"] == "53/45-POL"
    assert record["paragraph"] == "8"
    assert record["state"] == "TR"
    assert record["title_en"] == "Mediation for Peace editions"
    assert record["status"] == "pledged"


def test_an_exported_commitments_workbook_imports_back_unchanged(
    secretariat_client, paragraph_training, turkiye
):
    CommitmentFactory(
        paragraph=paragraph_training,
        state=turkiye,
        title="Mediation for Peace editions",
        target_quantity=40,
        pledged_on=datetime.date(2018, 11, 29),
    )
    rows = export_xlsx(secretariat_client, Commitment)
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)

    dry_run = upload(
        secretariat_client, Commitment, "commitments.xlsx", buffer.getvalue(), XLSX_FORMAT
    )

    result = dry_run.context["result"]
    assert row_errors(dry_run) == {}
    assert [row.import_type for row in result.rows] == ["skip"]


def test_roster_import_reports_unknown_languages_and_stores_nobody(secretariat_client, senegal):
    ExpertiseAreaFactory(name="Negotiation", slug="negotiation")
    LanguageFactory(code="fr", name="French")
    csv = "\n".join(
        [
            "full_name,gender,nationality,nominating_state,expertise,languages,visibility,consent_given_on",
            "Amina Diallo,female,SN,SN,negotiation,fr,private,",
            "Ousmane Ba,male,SN,SN,negotiation,fr;wo,private,",
            "Awa Ndiaye,female,SN,SN,,,public,",
        ]
    ).encode()

    response = upload(secretariat_client, RosterMember, "roster.csv", csv)

    errors = row_errors(response)
    assert errors == {
        2: ["No language with the key(s) “wo”."],
        3: ["A public profile needs the person's current consent."],
    }
    assert RosterMember.objects.count() == 0


def test_roster_import_and_export_round_trip(secretariat_client, senegal):
    ExpertiseAreaFactory(name="Negotiation", slug="negotiation")
    LanguageFactory(code="fr", name="French")
    LanguageFactory(code="ar", name="Arabic")
    csv = (
        b"full_name,gender,nationality,nominating_state,email,expertise,languages\n"
        b"Amina Diallo,female,SN,SN,amina@example.org,negotiation,fr;ar\n"
    )

    confirm(
        secretariat_client,
        RosterMember,
        upload(secretariat_client, RosterMember, "roster.csv", csv),
    )
    rows = export_xlsx(secretariat_client, RosterMember)

    person = RosterMember.objects.get()
    assert sorted(person.languages.values_list("code", flat=True)) == ["ar", "fr"]
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["full_name"] == "Amina Diallo"
    assert record["email"] == "amina@example.org"
    assert record["nationality"] == "SN"
    assert sorted(record["languages"].split(";")) == ["ar", "fr"]


def test_participants_import_by_programme_and_edition_number(secretariat_client, edition, senegal):
    csv = "\n".join(
        [
            "programme,edition,full_name,gender,state,level,completion,certificate_number",
            "mediation-for-peace,2,Fatou Ndiaye,female,SN,junior,completed,M4P-2019-001",
            "mediation-for-peace,2019-09-09,Moussa Fall,male,SN,junior,enrolled,",
        ]
    ).encode()

    response = confirm(
        secretariat_client,
        Participant,
        upload(secretariat_client, Participant, "participants.csv", csv),
    )

    assert response.status_code == 302
    assert list(
        Participant.objects.order_by("full_name").values_list(
            "edition", "full_name", "state__iso_code", "certificate_number"
        )
    ) == [
        (edition.pk, "Fatou Ndiaye", "SN", "M4P-2019-001"),
        (edition.pk, "Moussa Fall", "SN", None),
    ]


def test_participants_import_reports_an_unknown_edition(secretariat_client, edition, senegal):
    csv = "\n".join(
        [
            "programme,edition,full_name,gender,state",
            "mediation-for-peace,7,Fatou Ndiaye,female,SN",
            "unknown-programme,2,Moussa Fall,male,SN",
            "mediation-for-peace,2,Awa Sarr,female,SN",
        ]
    ).encode()

    response = upload(secretariat_client, Participant, "participants.csv", csv)

    assert row_errors(response) == {
        1: ["Programme “mediation-for-peace” has no edition “7”."],
        2: ["Programme “unknown-programme” has no edition “2”."],
    }
    assert Participant.objects.count() == 0


def test_a_focal_point_cannot_reach_the_import_or_export(client, turkiye_focal_point):
    client.force_login(turkiye_focal_point, backend="django.contrib.auth.backends.ModelBackend")

    for url in (
        admin_url(Commitment, "import"),
        admin_url(RosterMember, "export"),
        admin_url(Participant, "export"),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith("/admin/login/")
