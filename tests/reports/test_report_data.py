"""The report's numbers are the gap selectors' numbers, looked back to the end of the period."""

from __future__ import annotations

import datetime

import pytest
from django.utils import translation

from oic_mediation.reports.data import implementation_report
from resolutions import selectors
from tests.reports.conftest import SINCE, UNTIL


def report(language="en"):
    return implementation_report(since=SINCE, until=UNTIL, language=language)


def test_paragraph_statuses_are_the_selectors_as_of_the_end_of_the_period(year_2018):
    result = report()

    assert result.status_counts == selectors.paragraph_status_counts(as_of=UNTIL)
    assert result.status_counts == {"not_started": 2, "in_progress": 1, "implemented": 0}
    statuses = {p.title: p.status for r in result.resolutions for p in r.paragraph_list}
    # Paragraph 8 was assessed "implemented" only in 2019.
    assert statuses == {
        "Network of mediators": "not_started",
        "Training in mediation": "in_progress",
        "Code of conduct for mediators": "not_started",
    }


def test_commitment_totals_and_gap_count_only_what_was_pledged_by_the_end_of_the_period(
    year_2018,
):
    result = report()

    assert result.totals == selectors.commitment_totals(as_of=UNTIL)
    assert result.totals["commitments_count"] == 2
    assert result.totals["delivered_count"] == 1
    assert result.totals["in_progress_count"] == 1
    assert result.units == selectors.gap_by_unit(as_of=UNTIL)
    assert [(u.unit, u.pledged, u.delivered, u.gap) for u in result.units] == [
        ("diplomats_trained", 25, 17, 8)
    ]


def test_states_figures_are_the_selectors(year_2018):
    result = report()
    expected = {
        state.name: (state.commitments_count, state.delivered_count, state.gap_total)
        for state in selectors.states_with_figures(as_of=UNTIL)
        if state.commitments_count
    }

    assert {
        s.name: (s.commitments_count, s.delivered_count, s.gap_total) for s in result.states
    } == (expected)
    assert expected == {"Senegal": (1, 1, 0), "Türkiye": (1, 0, 8)}


def test_contact_group_activity_counts_the_meetings_and_members_of_the_period(year_2018):
    result = report()

    assert [(m.number, m.held_on) for m in result.meetings] == [(1, datetime.date(2018, 9, 24))]
    group = result.contact_groups[0]
    assert (group.members_recorded, group.members_joined, group.meetings_in_period) == (1, 1, 1)
    assert group.reported_count_applies is True


def test_roster_appears_as_counts_of_growth_and_balance_only(year_2018):
    result = report()

    assert result.roster["before"] == 1
    assert result.roster["total"] == 2
    assert result.roster["growth"] == 1
    assert result.roster["nominated_in_period"] == 1
    assert result.roster["vetted"] == 1
    assert result.roster["by_gender"] == [("Female", 1), ("Male", 1)]


def test_trainings_count_recorded_participants_or_else_reported_head_counts(year_2018):
    result = report()

    assert [edition.number for edition in result.trainings["editions"]] == [2, 1]
    assert [edition.trained_count for edition in result.trainings["editions"]] == [1, 30]
    assert result.trainings["trained"] == 31
    assert result.trainings["cumulative"] == 31
    assert result.trainings["by_level"] == [("Junior", 1), ("Declared without names", 30)]


def test_every_recommendation_of_the_previous_conference_has_its_follow_up_as_of_the_period(
    year_2018,
):
    result = report()

    assert result.conference == year_2018.conference
    assert [(r.number, r.follow_up_status) for r in result.recommendations] == [
        (1, "in_progress"),
        (2, "pending"),
    ]


def test_cited_figures_come_with_their_sources(year_2018):
    result = report()

    assert [(str(f.value), f.source) for f in result.figures] == [
        ("60.00", "SESRIC, Achieving Peace and Security in a Turbulent World")
    ]
    cited = [source.text for source in result.sources]
    assert "SESRIC, Achieving Peace and Security in a Turbulent World (2018)" in cited
    assert "Summary report of the 2nd Conference" in cited


def test_the_report_is_written_in_the_language_asked_for(year_2018):
    result = report("ar")

    # Translated fields read in the active language, as the renderer reads them.
    with translation.override("ar"):
        titles = [p.title for r in result.resolutions for p in r.paragraph_list]
        states = [s.name for s in result.states]
    assert titles[:2] == ["شبكة الوسطاء", "التدريب على الوساطة"]
    assert states == ["السنغال", "تركيا"]
    assert result.is_rtl is True


def test_a_period_that_ends_before_it_starts_is_refused(year_2018):
    with pytest.raises(ValueError):
        implementation_report(since=UNTIL, until=SINCE, language="en")
