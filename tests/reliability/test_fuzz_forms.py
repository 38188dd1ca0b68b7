"""Every form of the focal points' area, posted with arbitrary values, answers with the form and
its errors (200) or a redirect after a valid write (302): never a 500, never a partial write."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st

from tests.factories import CommitmentFactory, ProgrammeFactory
from tests.reliability.conftest import MODEL_BACKEND
from tests.reliability.fuzzing import FUZZ, form_value, row_counts

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def form(*names: str, required: tuple[str, ...] = ()) -> st.SearchStrategy:
    return st.fixed_dictionaries(
        dict.fromkeys(required, form_value),
        optional={name: form_value for name in names if name not in required},
    )


@pytest.fixture
def signed_in(client, turkiye_focal_point, turkiye, paragraph_training):
    client.force_login(turkiye_focal_point, backend=MODEL_BACKEND)
    return {
        "client": client,
        "commitment": CommitmentFactory(state=turkiye, paragraph=paragraph_training),
        "paragraph": paragraph_training,
        "programme": ProgrammeFactory(name="Mediation for Peace", slug="m4p"),
    }


def post(client, url: str, data: dict):
    before = row_counts()
    response = client.post(url, data)
    assert response.status_code in (200, 302), response.status_code
    if response.status_code == 200:
        assert row_counts() == before, "a refused form changed the database"
    return response


@FUZZ
@given(
    data=form("paragraph", "title", "description", "target_quantity", "unit", "due_on"),
    valid_paragraph=st.booleans(),
)
def test_the_new_commitment_form_never_fails(signed_in, data, valid_paragraph):
    if valid_paragraph:
        data["paragraph"] = str(signed_in["paragraph"].pk)
    post(signed_in["client"], "/en/my-state/turkiye/commitments/new/", data)


@FUZZ
@given(
    data=form("title", "description", "target_quantity", "unit", "due_on", "version"),
    current_version=st.booleans(),
)
def test_the_commitment_edit_form_never_fails(signed_in, data, current_version):
    commitment = signed_in["commitment"]
    if current_version:
        commitment.refresh_from_db()
        data["version"] = str(commitment.version)
    post(signed_in["client"], f"/en/my-state/commitments/{commitment.pk}/edit/", data)


@FUZZ
@given(
    data=form("status", "quantity_delivered", "narrative", "language", "evidence_url"),
    upload=st.one_of(
        st.none(),
        st.tuples(
            st.sampled_from(["evidence.pdf", "x.exe", "photo.jpg", "a b.docx"]),
            st.one_of(st.binary(max_size=500), st.just(PDF)),
        ),
    ),
)
def test_the_progress_report_form_never_fails(signed_in, data, upload):
    if upload is not None:
        data["evidence_file"] = SimpleUploadedFile(*upload)
    post(
        signed_in["client"], f"/en/my-state/commitments/{signed_in['commitment'].pk}/report/", data
    )


@FUZZ
@given(
    data=form(
        "honorific",
        "full_name",
        "gender",
        "roles",
        "current_position",
        "biography",
        "email",
        "phone",
        "consent_given_on",
        "consent_confirmed",
    )
)
def test_the_nomination_form_never_fails(signed_in, data):
    post(signed_in["client"], "/en/my-state/turkiye/roster/nominate/", data)


participant_row = st.fixed_dictionaries(
    {},
    optional=dict.fromkeys(
        ("full_name", "gender", "state", "position", "level", "completion"), form_value
    ),
)


@FUZZ
@given(
    data=form(
        "programme",
        "title",
        "starts_on",
        "ends_on",
        "place",
        "format",
        "level_targeted",
        "reported_participants",
        "reported_states",
        "description",
    ),
    rows=st.lists(participant_row, max_size=3),
    total_forms=st.one_of(st.none(), form_value),
    valid_programme=st.booleans(),
)
def test_the_training_report_form_and_its_participant_rows_never_fail(
    signed_in, data, rows, total_forms, valid_programme
):
    if valid_programme:
        data["programme"] = str(signed_in["programme"].pk)
    data["participants-TOTAL_FORMS"] = str(len(rows)) if total_forms is None else total_forms
    data["participants-INITIAL_FORMS"] = "0"
    for index, row in enumerate(rows):
        for name, value in row.items():
            data[f"participants-{index}-{name}"] = value
    post(signed_in["client"], "/en/my-state/turkiye/trainings/report/", data)
