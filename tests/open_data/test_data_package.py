"""The Frictionless Data Package: made from the export definitions, checked by `frictionless
validate` over real HTTP against the files the portal serves."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from oic_mediation.api import datapackage, exports

FRICTIONLESS = Path(sys.executable).parent / "frictionless"


def test_the_package_describes_every_csv_export_column_by_column(client, db):
    response = client.get("/api/v1/export/datapackage.json")

    assert response.status_code == 200
    package = response.json()
    assert package["profile"] == "tabular-data-package"
    assert package["licenses"] == [
        {
            "name": "CC-BY-4.0",
            "title": "Creative Commons Attribution 4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
        }
    ]
    assert [resource["name"] for resource in package["resources"]] == list(exports.DATASETS)
    for resource in package["resources"]:
        dataset = exports.DATASETS[resource["name"]]
        assert resource["path"] == f"{resource['name']}.csv"
        assert [field["name"] for field in resource["schema"]["fields"]] == list(dataset.columns)
        assert resource["schema"]["primaryKey"] == ["id"]
    commitments = package["resources"][0]
    status = next(f for f in commitments["schema"]["fields"] if f["name"] == "status")
    assert status == {
        "name": "status",
        "type": "string",
        "description": "Status as last validated.",
        "constraints": {
            "required": True,
            "enum": ["pledged", "in_progress", "delivered", "withdrawn"],
        },
    }
    assert commitments["schema"]["foreignKeys"] == [
        {"fields": ["paragraph_id"], "reference": {"resource": "paragraphs", "fields": ["id"]}}
    ]


def test_the_package_is_in_english_whatever_the_readers_language(client, db):
    french = client.get("/api/v1/export/datapackage.json", HTTP_ACCEPT_LANGUAGE="fr").json()

    assert french["resources"][0]["title"] == "Commitments"


def test_an_export_column_without_its_description_stops_start_up():
    with pytest.raises(ImproperlyConfigured, match=r"without a description: \['colour'\]"):
        exports.Dataset(
            queryset=list,
            columns={"id": lambda row: row, "colour": lambda row: row},
            title="Test",
            fields={"id": exports.Field("integer", "The id.")},
        )


def test_the_licence_is_the_one_the_operator_chose(settings):
    settings.OPEN_DATA_LICENCE = "CC0-1.0"

    assert datapackage.licence() == {
        "name": "CC0-1.0",
        "title": "Creative Commons Zero 1.0",
        "path": "https://creativecommons.org/publicdomain/zero/1.0/",
    }


def validate(url: str) -> dict:
    result = subprocess.run(
        [str(FRICTIONLESS), "validate", "--json", url],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return json.loads(result.stdout)


@pytest.fixture
def served(live_server, transactional_db):
    call_command("load_reference_data", verbosity=0)
    call_command("generate_demo_data", "--scale", "0.02", "--force", verbosity=0)
    return live_server.url


@pytest.mark.slow
def test_frictionless_finds_the_package_and_every_file_valid(served):
    report = validate(f"{served}/api/v1/export/datapackage.json")

    assert report["valid"], json.dumps(report["tasks"], indent=1)[:3000]
    rows = {task["name"]: task["stats"]["rows"] for task in report["tasks"]}
    assert set(rows) == set(exports.DATASETS)
    assert all(count > 0 for count in rows.values()), rows


@pytest.mark.slow
def test_frictionless_reports_a_file_that_does_not_match_its_description(served, monkeypatch):
    commitments = exports.DATASETS["commitments"]
    wrong = {**commitments.fields, "title": exports.Field("integer", "Not really a number.")}
    monkeypatch.setitem(
        exports.DATASETS,
        "commitments",
        exports.Dataset(
            queryset=commitments.queryset,
            columns=commitments.columns,
            title=commitments.title,
            fields=wrong,
            foreign_keys=commitments.foreign_keys,
        ),
    )

    report = validate(f"{served}/api/v1/export/datapackage.json")

    assert not report["valid"]
    (failed,) = [task for task in report["tasks"] if not task["valid"]]
    assert failed["name"] == "commitments"
    assert {error["type"] for error in failed["errors"]} == {"type-error"}
    assert {error["fieldName"] for error in failed["errors"]} == {"title"}
