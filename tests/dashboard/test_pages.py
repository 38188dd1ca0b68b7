"""What a visitor reads on the public dashboard, in each language, and what it never shows."""

import datetime
import html as html_entities
import re

import pytest
from django.urls import reverse
from django.utils import translation

from network.models import RosterMember
from resolutions import services
from resolutions.models import Commitment, Paragraph
from tests.dashboard import dataset
from tests.factories import CommitmentFactory, MemberStateFactory

pytestmark = pytest.mark.django_db

PAGES = [
    ("dashboard:home", {}),
    ("dashboard:states", {}),
    ("dashboard:state", {"slug": "turkiye"}),
    ("dashboard:state_commitments", {"slug": "turkiye"}),
    ("dashboard:contact_group", {}),
    ("dashboard:contact_group_meetings", {"slug": "friends-of-mediation"}),
    ("dashboard:network", {}),
    ("dashboard:trainings", {}),
    ("dashboard:conferences", {}),
    ("dashboard:figures", {}),
    ("dashboard:reporting", {}),
    ("dashboard:programme", {"slug": "programme-0"}),
    ("dashboard:conference", {"ordinal": 1}),
]


def url(name, kwargs=None, language="en"):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or {})


def text_of(response) -> str:
    """The page's visible text, tags stripped and white space collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style|title)\b.*?</\1>", " ", html, flags=re.S)
    text = html_entities.unescape(re.sub(r"<[^>]+>", " ", html))
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
@pytest.mark.parametrize(("name", "kwargs"), PAGES)
def test_every_page_renders_in_every_language(client, name, kwargs, language):
    dataset.build(3)

    response = client.get(url(name, kwargs, language))

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in html
    assert 'style="' not in html
    # No script runs: the only <script> elements are schema.org data blocks (JSON-LD).
    assert re.findall(r'<script(?! type="application/ld\+json">)', html) == []


def test_home_shows_headline_figures_of_validated_data(client):
    dataset.build(3)

    response = client.get(url("dashboard:home"))

    assert response.context["status_counts"] == {
        "implemented": 1,
        "in_progress": 1,
        "not_started": 1,
    }
    assert response.context["totals"]["commitments_count"] == 12
    assert response.context["totals"]["delivered_count"] == 3
    assert response.context["headline"] == {
        "roster_size": 3,
        "diplomats_trained": 3 * 3 * 3 + 3 * 40,
        # The head counts of editions that name nobody.
        "diplomats_declared": 3 * 40,
        "states_engaged": 3,
    }
    text = text_of(response)
    assert "3 / 12 commitments delivered of those pledged" in text
    assert "147 diplomats trained" in text


def test_home_lists_each_paragraph_with_its_commitments_and_gap(client):
    dataset.build(3)

    response = client.get(url("dashboard:home"))

    paragraphs = {p.number: p for p in response.context["resolutions"][0].paragraph_list}
    training = paragraphs[8]
    assert training.status == "implemented"
    assert [(u.unit, u.pledged, u.delivered, u.gap) for u in training.units] == [
        ("actions", 3 * 30 + 1, 30 + 12, 91 - 42)
    ]
    # Delivered first, then in progress, then pledged.
    assert [c.participant.name for c in training.commitment_list] == [
        "Türkiye",
        "Senegal",
        "Saudi Arabia",
        "OIC General Secretariat",
    ]
    text = text_of(response)
    assert "Paragraph 8" in text
    assert "49 actions" in text


def test_home_gives_the_hijri_date_beside_the_gregorian_one(client):
    dataset.build(1)

    english = text_of(client.get(url("dashboard:home", language="en")))
    arabic = text_of(client.get(url("dashboard:home", language="ar")))

    assert "5–6 May 2018 (19–20 Sha'ban 1439" in english
    assert "19–20 شعبان 1439" in arabic


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "1,500,000 US dollars"), ("fr", "1\xa0500\xa0000"), ("ar", "1,500,000")],
)
def test_numbers_are_grouped_the_way_each_language_writes_them(client, language, expected):
    data = dataset.build(1)
    CommitmentFactory(
        state=data["states"][0],
        paragraph=Paragraph.objects.get(number=4),
        title="Fund the PSCU",
        target_quantity=1_500_000,
        unit="usd",
        pledged_on=datetime.date(2019, 1, 1),
    )

    response = client.get(url("dashboard:home", language=language))

    assert expected in text_of(response)


def test_figures_change_only_once_the_secretariat_validates_a_report(
    client, senegal_focal_point, secretariat
):
    dataset.build(3)
    commitment = Commitment.objects.get(state__iso_code="SN", paragraph__number=4)
    # Another cookie bypasses the response cache: each page is rendered, its context inspected
    # (its figures still come from the figures cache, kept while their tables are unchanged).
    client.cookies["probe"] = "1"
    assert client.get(url("dashboard:home")).context["totals"]["delivered_count"] == 3

    report = services.progress_report_submit(
        user=senegal_focal_point,
        commitment=commitment,
        status="delivered",
        quantity_delivered=10,
        narrative="The ten diplomats completed the course.",
        evidence_url="https://mfa.example.org/report",
    )
    after_submission = client.get(url("dashboard:home")).context["totals"]["delivered_count"]
    services.progress_report_validate(user=secretariat, report=report)
    after_validation = client.get(url("dashboard:home")).context["totals"]["delivered_count"]

    assert after_submission == 3
    assert after_validation == 4


def test_map_colours_each_state_by_its_engagement(client):
    dataset.build(3)

    html = client.get(url("dashboard:states")).content.decode()

    assert re.search(r'class="map-state map-implemented"><title>Türkiye</title>', html)
    assert re.search(r'class="map-state map-in_progress"><title>Senegal</title>', html)
    assert re.search(r'class="map-state map-not_started"><title>Saudi Arabia</title>', html)
    assert re.search(r'class="map-state map-none"><title>The Gambia</title>', html)
    assert html.count('class="map-country"') > 100


def test_state_page_splits_delivered_and_pending_commitments_and_counts_nominees(client):
    dataset.build(3)

    response = client.get(url("dashboard:state", {"slug": "senegal"}))

    profile = response.context["profile"]
    assert profile.delivered == []
    assert len(profile.pending) == 3
    assert profile.nominees == {"total": 1, "vetted": 1, "pending": 0}
    assert profile.trainee_total == 9
    assert [m.group.slug for m in profile.memberships] == ["friends-of-mediation"]
    assert "Kemal Aydın" not in text_of(response)


def test_unknown_state_is_a_404(client):
    dataset.build(1)

    response = client.get(url("dashboard:state", {"slug": "atlantis"}))

    assert response.status_code == 404


def test_network_names_only_public_profiles_with_current_consent_and_no_contact_data(client):
    dataset.build(3)
    RosterMember.objects.filter(full_name="Layla Haddad").update(
        consent_withdrawn_on=datetime.date(2024, 1, 1)
    )

    response = client.get(url("dashboard:network"))

    text = text_of(response)
    assert "Amina Diallo" in text
    assert "Kemal Aydın" not in text  # private profile
    assert "Layla Haddad" not in text  # consent withdrawn
    assert "@example.org" not in response.content.decode()
    assert "+90 555" not in response.content.decode()
    assert response.context["total"] == 2
    assert response.context["by_gender"] == [("Female", 1), ("Male", 1)]


def test_conference_shows_each_recommendation_with_its_latest_follow_up(client):
    dataset.build(1)

    response = client.get(url("dashboard:conference", {"ordinal": 1}))

    recommendation = response.context["page_obj"].object_list[0]
    assert recommendation.follow_up_status == "in_progress"
    assert recommendation.follow_up_as_of == datetime.date(2020, 1, 1)
    assert "In progress as of 1 January 2020" in text_of(response)


def test_figures_page_gives_every_figure_with_its_source(client):
    dataset.build(3)

    text = text_of(client.get(url("dashboard:figures")))

    assert "60 % of the world's conflicts take place in the OIC geography" in text
    assert "Source: SESRIC, Achieving Peace and Security in a Turbulent World (2018) ·" in text


def test_charts_carry_a_text_alternative_and_their_data_as_a_table(client):
    dataset.build(3)

    html = client.get(url("dashboard:home")).content.decode()

    assert '<desc id="chart-paragraph-status-desc">' in html
    assert (
        "Paragraphs and measures by implementation status. "
        "Not started: 1; In progress: 1; Implemented: 1." in html
    )
    assert "<summary>Show the data as a table</summary>" in html


def test_language_switcher_links_to_the_current_page_in_each_language_without_a_token(client):
    dataset.build(1)

    response = client.get(url("dashboard:network", language="fr"))
    html = response.content.decode()
    links = dict(re.findall(r'<a href="([^"]+)" hreflang="(ar|en)"[^>]*language-switcher', html))
    arabic = client.get("/ar/network/")

    assert links == {"/ar/network/": "ar", "/en/network/": "en"}
    # A public page holds no CSRF token and sets no cookie: it may be cached and compressed.
    assert "csrfmiddlewaretoken" not in html
    assert not response.cookies
    assert arabic.status_code == 200
    assert 'lang="ar"' in arabic.content.decode()


def test_trainings_count_participants_by_state_under_the_states_name_in_the_language(client):
    dataset.build(3)

    response = client.get(url("dashboard:trainings", language="ar"))

    # Equal counts are ordered by the name in Arabic.
    assert [(row["state"].iso_code, row["total"]) for row in response.context["by_state"]] == [
        ("SN", 9),
        ("SA", 9),
        ("TR", 9),
    ]
    assert [bar.label for bar in response.context["state_chart"].bars] == [
        "السنغال",
        "المملكة العربية السعودية",
        "تركيا",
    ]


def test_states_too_small_for_the_map_shapes_are_drawn_as_dots(client):
    dataset.build(1)
    MemberStateFactory(
        iso_code="BH", iso3_code="BHR", name="Bahrain", name_ar="البحرين", slug="bahrain"
    )

    html = client.get(url("dashboard:states", language="ar")).content.decode()

    assert re.search(
        r'<circle cx="623.2" cy="202.5" r="4.5" class="map-state map-none map-marker">'
        r"<title>البحرين</title></circle>",
        html,
    )


def test_a_programme_page_seen_first_leaves_the_trainings_page_its_figures(client):
    # Both pages are in the "trainings" section; the figures one computes and caches must never
    # stand in for the other's.
    dataset.build(3)

    client.get(url("dashboard:programme", {"slug": "programme-0"}))
    trainings = client.get(url("dashboard:trainings"))

    assert trainings.status_code == 200
    assert "state_chart" in trainings.context
    assert "Member states with the most participants" in text_of(trainings)


def test_resolution_symbols_read_left_to_right_inside_arabic_text(client):
    dataset.build(1)
    isolated = "\u206653/45-POL\u2069"

    arabic = client.get(url("dashboard:home", language="ar")).content.decode()
    english = client.get(url("dashboard:home", language="en")).content.decode()

    # The tagline (a translation) and the resolution's heading (a symbol from the database).
    assert arabic.count(isolated) >= 2
    assert "53/45-POL" in english
    assert "\u2066" not in english
