"""Reverting a record to an earlier version from its admin history restores every column of that
version, the Arabic, English and French columns of each translated field included (issue 13,
finding 13: the revert form showed them blank and the revert erased them).

One test per tracked model with translated fields: set every language column, change them all,
revert through the admin's own form as a browser would post it, and compare every column."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib import admin
from django.db import connection
from django.urls import reverse
from modeltranslation.translator import translator

from tests.admin import test_pages as admin_tests

one_of_each = admin_tests.one_of_each
sesric = admin_tests.sesric
programme = admin_tests.programme
edition = admin_tests.edition
conference = admin_tests.conference
contact_group = admin_tests.contact_group

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# Columns that a revert must not take from the old version: they record the revert itself.
NOT_RESTORED = {"version", "updated_at"}

TRACKED_TRANSLATED_MODELS = sorted(
    (
        model
        for model in translator.get_registered_models()
        if hasattr(model, "history") and model in admin.site._registry
    ),
    key=lambda model: model._meta.label,
)


def translated_columns(model) -> list[str]:
    fields = translator.get_options_for_model(model).fields
    return [f"{field}_{language}" for field in sorted(fields) for language in LANGUAGES]


def stored_columns(record) -> dict:
    """Every column of the stored row, read with SQL (modeltranslation rewrites ``values()``)."""
    table = connection.ops.quote_name(type(record)._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table} WHERE id = %s", [record.pk])
        names = [column.name for column in cursor.description]
        row = dict(zip(names, cursor.fetchone(), strict=True))
    return {name: value for name, value in row.items() if name not in NOT_RESTORED}


def test_every_tracked_model_with_translations_is_covered():
    labels = {model._meta.label for model in TRACKED_TRANSLATED_MODELS}

    assert {"resolutions.Commitment", "network.RosterMember", "conferences.Conference"} <= labels
    assert len(labels) >= 19


@pytest.mark.parametrize("model", TRACKED_TRANSLATED_MODELS, ids=lambda model: model._meta.label)
def test_reverting_from_history_restores_every_translated_column(
    secretariat_client, one_of_each, model
):
    record = one_of_each[model]
    columns = translated_columns(model)
    for index, column in enumerate(columns):
        setattr(record, column, f"v1 {index} {column[-2:]}")
    record.save()
    first_version = record.history.latest()
    wanted = stored_columns(record)
    for index, column in enumerate(columns):
        setattr(record, column, f"v2 {index}")
    record.save()
    meta = model._meta
    revert_url = reverse(
        f"admin:{meta.app_label}_{meta.model_name}_simple_history",
        args=[record.pk, first_version.history_id],
    )

    page = secretariat_client.get(revert_url)
    form = admin_tests.form_fields(page)
    response = secretariat_client.post(revert_url, form)

    assert page.status_code == 200
    assert {column: form.get(column) for column in columns} == {
        column: wanted[column] for column in columns
    }
    assert response.status_code == 302, admin_tests.post_errors(response)
    assert stored_columns(record) == wanted
