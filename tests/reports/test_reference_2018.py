"""The 2018 report drawn from the reference data (the facts of the 2nd Conference's summary)."""

from __future__ import annotations

import pytest

from oic_mediation.reports.data import implementation_report
from resolutions import selectors
from seed.reference_data.loader import load_reference_data
from tests.reports.conftest import SINCE, UNTIL


@pytest.fixture
def reference_data(db):
    load_reference_data()


@pytest.mark.slow
def test_the_2018_report_states_what_the_2nd_conference_found(reference_data):
    reports = {
        language: implementation_report(since=SINCE, until=UNTIL, language=language)
        for language in ("ar", "en", "fr")
    }

    for report in reports.values():
        assert [r.symbol for r in report.resolutions] == ["53/45-POL"]  # 56/46-POL came in 2019
        assert report.status_counts == selectors.paragraph_status_counts(
            reports["en"].resolutions[0], as_of=UNTIL
        )
        assert report.conference.ordinal == 2
        assert len(report.recommendations) == 12
        assert [figure.value for figure in report.figures] and all(
            figure.source for figure in report.figures
        )
    statuses = {p.title: p.status for p in reports["en"].resolutions[0].paragraph_list}
    # Closing remarks: contact group created, conference held, training started; the network and
    # the code of conduct still to be implemented.
    assert statuses == {
        "Strengthen the Peace, Security and Conflict Resolution Unit": "in_progress",
        "Strengthen partnerships with the UN and other organisations": "in_progress",
        "Network of OIC mediators, special envoys and experts": "not_started",
        "Training in conflict resolution and mediation": "in_progress",
        "Contact Group of the Friends of Mediation": "implemented",
        "Annual Conference of OIC Member States on Mediation": "implemented",
        "Code of conduct for mediators": "not_started",
    }
