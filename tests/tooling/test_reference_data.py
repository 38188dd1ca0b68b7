"""The reference data command loads the facts of DOMAIN.md exactly, and a second run changes
nothing."""

from __future__ import annotations

import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import translation

from conferences.models import (
    CitedFigure,
    Conference,
    Document,
    Recommendation,
    RecommendationFollowUp,
    SessionSpeaker,
)
from network.models import (
    CoChairPeriod,
    ContactGroup,
    ContactGroupMeeting,
    ContactGroupMembership,
    FieldContext,
    Language,
    MemberState,
    Organisation,
)
from resolutions.models import Paragraph, ParagraphStatusUpdate, Resolution
from trainings.models import Edition, Programme

pytestmark = pytest.mark.django_db


def load() -> str:
    out = StringIO()
    call_command("load_reference_data", stdout=out)
    return out.getvalue()


def row_counts() -> dict[str, int]:
    """Rows in every table, history and many-to-many tables included."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
    }


@pytest.fixture
def loaded(db) -> str:
    return load()


def test_loads_57_member_states_and_4_observers(loaded):
    assert MemberState.objects.exclude(status="observer").count() == 57
    assert MemberState.objects.filter(status="member").count() == 56
    assert set(
        MemberState.objects.filter(status="observer").values_list("iso_code", flat=True)
    ) == {
        "BA",
        "CF",
        "RU",
        "TH",
    }


def test_syria_is_suspended_since_16_august_2012(loaded):
    syria = MemberState.objects.get(iso_code="SY")
    assert (syria.status, syria.status_since) == ("suspended", datetime.date(2012, 8, 16))
    assert syria.iso3_code == "SYR"


def test_turkiye_has_its_codes_and_names_in_three_languages(loaded):
    turkiye = MemberState.objects.get(iso_code="TR")
    assert (turkiye.iso3_code, turkiye.slug) == ("TUR", "turkiye")
    assert (turkiye.name_en, turkiye.name_fr, turkiye.name_ar) == ("Türkiye", "Türkiye", "تركيا")
    assert turkiye.geographic_group == "asian"


def test_regional_memberships_are_flagged(loaded):
    assert MemberState.objects.filter(arab_league_member=True).count() == 22
    egypt = MemberState.objects.get(iso_code="EG")
    assert (egypt.african_union_member, egypt.arab_league_member) == (True, True)
    senegal = MemberState.objects.get(iso_code="SN")
    assert (senegal.african_union_member, senegal.arab_league_member) == (True, False)
    assert MemberState.objects.get(iso_code="MA").african_union_member is True


def test_pscu_is_a_unit_of_the_general_secretariat_and_msu_part_of_the_un(loaded):
    pscu = Organisation.objects.get(slug="pscu")
    assert pscu.parent.slug == "oic-general-secretariat"
    assert pscu.acronym == "PSCU"
    assert Organisation.objects.get(slug="un-mediation-support-unit").parent.slug == (
        "united-nations"
    )
    assert Organisation.objects.get(slug="ibn-haldun-university").kind == "academic"


def test_resolution_53_45_pol_was_adopted_in_dhaka_on_5_and_6_may_2018(loaded):
    resolution = Resolution.objects.get(symbol="53/45-POL")
    assert (resolution.cfm_session, resolution.place_en) == (45, "Dhaka")
    assert (resolution.adopted_from, resolution.adopted_until) == (
        datetime.date(2018, 5, 5),
        datetime.date(2018, 5, 6),
    )
    assert resolution.proposed_by.iso_code == "TR"
    assert resolution.hijri_dates == "19–20 Sha'ban 1439"
    assert "65/283, 66/291, 68/303 and 70/304" in resolution.preamble_references
    assert resolution.title_fr == "Renforcement de la capacité de médiation de l'OCI"


def test_resolution_56_46_pol_follows_up_53_45_pol(loaded):
    follow_up = Resolution.objects.get(symbol="56/46-POL")
    assert (follow_up.cfm_session, follow_up.place_en) == (46, "Abu Dhabi")
    assert follow_up.follows_up.symbol == "53/45-POL"


def test_paragraphs_4_5_7_8_and_three_measures_without_a_number(loaded):
    paragraphs = Paragraph.objects.filter(resolution__symbol="53/45-POL")
    assert list(paragraphs.values_list("number", "theme")) == [
        (4, "institutions"),
        (5, "partnerships"),
        (7, "network"),
        (8, "training"),
        (None, "contact_group"),
        (None, "conference"),
        (None, "standards"),
    ]
    assert paragraphs.get(number=7).addressee == "secretary_general"


def test_status_as_of_the_2nd_conference(loaded):
    statuses = {
        (update.paragraph.number, update.paragraph.theme): update.status
        for update in ParagraphStatusUpdate.objects.filter(as_of=datetime.date(2018, 11, 29))
    }
    assert statuses == {
        (4, "institutions"): "in_progress",
        (5, "partnerships"): "in_progress",
        (7, "network"): "not_started",
        (8, "training"): "in_progress",
        (None, "contact_group"): "implemented",
        (None, "conference"): "implemented",
        (None, "standards"): "not_started",
    }
    paragraph_4 = ParagraphStatusUpdate.objects.get(paragraph__number=4)
    assert paragraph_4.source.startswith("Portal assessment")


def test_the_contact_group_has_four_co_chairs_and_three_meetings(loaded):
    group = ContactGroup.objects.get(slug="friends-of-mediation")
    co_chairs = {str(period.participant) for period in CoChairPeriod.objects.filter(group=group)}
    assert co_chairs == {
        "Türkiye",
        "Saudi Arabia",
        "The Gambia",
        "OIC General Secretariat (OIC GS)",
    }
    assert ContactGroupMembership.objects.filter(group=group).count() == 4
    meetings = ContactGroupMeeting.objects.filter(group=group).order_by("held_on")
    assert list(meetings.values_list("number", "held_on", "level")) == [
        (1, datetime.date(2018, 9, 24), "ministerial"),
        (2, datetime.date(2018, 11, 1), "ambassador"),
        (None, datetime.date(2019, 6, 27), "ambassador"),
    ]
    assert meetings[1].date_precision == "month"
    with translation.override("en"):
        assert meetings[1].date_label == "November 2018"
    with translation.override("fr"):
        assert meetings[1].date_label == "novembre 2018"
    assert (group.reported_member_count, group.reported_members_as_of) == (
        24,
        datetime.date(2018, 11, 29),
    )


def test_eight_field_missions(loaded):
    missions = FieldContext.objects.filter(has_field_mission=True)
    assert missions.count() == 8
    philippines = missions.get(slug="southern-philippines")
    assert (philippines.state, philippines.country_code) == (None, "PH")
    thailand = missions.get(slug="southern-thailand")
    assert (thailand.state.iso_code, thailand.state.status) == ("TH", "observer")


def test_the_2nd_conference(loaded):
    conference = Conference.objects.get(ordinal=2)
    assert (conference.starts_on, conference.city_en) == (datetime.date(2018, 11, 29), "Istanbul")
    assert (conference.participants_display, conference.reported_states) == ("150+", 41)
    assert conference.theme_en == (
        "Implementation of Resolution No. 53/45-POL: Challenges and Opportunities"
    )
    assert list(Conference.objects.values_list("ordinal", "starts_on", "city_en")) == [
        (1, datetime.date(2017, 11, 21), "Istanbul"),
        (2, datetime.date(2018, 11, 29), "Istanbul"),
        (3, datetime.date(2019, 11, 1), "Istanbul"),
        (4, datetime.date(2022, 6, 5), "Jeddah"),
    ]
    assert Conference.objects.get(ordinal=4).host_state.iso_code == "SA"


def test_session_2_moderator_and_panellists(loaded):
    appearances = SessionSpeaker.objects.filter(
        session__conference__ordinal=2, session__title_en__startswith="Session 2"
    ).order_by("order")
    assert [(a.speaker.full_name, a.role) for a in appearances] == [
        ("Talha Köse", "moderator"),
        ("Syed Hassan Raza", "panellist"),
        ("Majed Alqatarneh", "panellist"),
        ("Askar Mussinov", "panellist"),
    ]
    assert appearances[0].speaker.organisation.slug == "ibn-haldun-university"


def test_aldobeay_read_the_secretary_generals_speech(loaded):
    appearance = SessionSpeaker.objects.get(speaker__full_name="Youssef Aldobeay")
    assert (appearance.session.kind, appearance.note) == (
        "opening",
        "read the Secretary General's speech",
    )
    presenter = SessionSpeaker.objects.get(role="presenter")
    assert presenter.speaker.full_name == "Musa Kulaklıkaya"


def test_twelve_recommendations_two_priorities_all_pending(loaded):
    recommendations = Recommendation.objects.filter(conference__ordinal=2)
    assert list(recommendations.values_list("number", flat=True)) == list(range(1, 13))
    assert list(recommendations.filter(is_priority=True).values_list("number", flat=True)) == [
        11,
        12,
    ]
    assert set(recommendations.get(number=9).paragraphs.values_list("number", flat=True)) == {8}
    assert set(RecommendationFollowUp.objects.values_list("status", "as_of")) == {
        ("pending", datetime.date(2018, 11, 29))
    }
    assert RecommendationFollowUp.objects.count() == 12


def test_summary_report_in_french_and_english_with_its_un_symbol(loaded):
    reports = Document.objects.filter(kind="summary_report", un_symbol="A/73/725")
    assert set(reports.values_list("language", flat=True)) == {"fr", "en"}
    sesric = Document.objects.get(kind="research_report")
    assert sesric.author.slug == "sesric"


def test_figures_are_cited_with_their_source(loaded):
    figures = CitedFigure.objects.order_by("position")
    assert [(f.value, f.unit_en) for f in figures] == [
        (Decimal("60.00"), "%"),
        (Decimal("39.00"), "%"),
        (Decimal("14.30"), "USD trillion"),
    ]
    assert {f.source_year for f in figures} == {2018}
    assert all(f.source_en.startswith("SESRIC") for f in figures)
    assert {f.source_document.kind for f in figures} == {"research_report"}


def test_mediation_for_peace_and_the_2018_simulation(loaded):
    programme = Programme.objects.get(slug="mediation-for-peace")
    assert programme.awards_certificate is True
    assert set(programme.partners.values_list("slug", flat=True)) == {
        "oic-general-secretariat",
        "united-nations",
        "osce",
    }
    assert list(programme.paragraphs.values_list("number", flat=True)) == [8]
    assert list(
        programme.editions.order_by("number").values_list("number", "starts_on", "ends_on")
    ) == [
        (2, datetime.date(2019, 9, 9), datetime.date(2019, 9, 13)),
        (3, datetime.date(2022, 9, 26), None),
    ]
    simulation = Edition.objects.get(format="simulation")
    assert (simulation.starts_on, simulation.duration_hours, simulation.reported_states) == (
        datetime.date(2018, 11, 29),
        3,
        17,
    )


def test_languages_have_names_in_the_three_official_languages(loaded):
    turkish = Language.objects.get(code="tr")
    assert (turkish.name_en, turkish.name_fr, turkish.name_ar) == ("Turkish", "Turc", "التركية")


def test_a_second_run_changes_nothing(loaded):
    before = row_counts()
    versions = dict(MemberState.objects.values_list("iso_code", "version"))

    output = load()

    assert row_counts() == before
    assert dict(MemberState.objects.values_list("iso_code", "version")) == versions
    assert "Reference data loaded: 0 created, 0 updated," in output


def test_a_second_run_restores_a_changed_reference_value(loaded):
    MemberState.objects.filter(iso_code="TR").update(name_fr="Turquie")

    output = load()

    assert MemberState.objects.get(iso_code="TR").name_fr == "Türkiye"
    assert "0 created, 1 updated," in output
