"""The fixed cast against every page of the "My state" area, and the id-tampering cases."""

from __future__ import annotations

import pytest
from django.urls import reverse

from network.models import FocalPoint, RosterMember
from resolutions.models import Commitment, ProgressReport
from tests.factories import ProgrammeFactory, UserFactory
from trainings.models import Edition

pytestmark = pytest.mark.django_db

STATE_PAGES = ["commitments", "commitment_create", "reports", "nominate", "training_report"]
COMMITMENT_PAGES = ["commitment_edit", "progress_report"]


def turkiye_pages(turkiye, commitment):
    return [reverse(f"my_state:{name}", kwargs={"state": turkiye.slug}) for name in STATE_PAGES] + [
        reverse(f"my_state:{name}", kwargs={"pk": commitment.pk}) for name in COMMITMENT_PAGES
    ]


def test_anonymous_visitor_is_sent_to_sign_in_from_every_page(client, turkiye, turkiye_commitment):
    for url in [reverse("my_state:home"), *turkiye_pages(turkiye, turkiye_commitment)]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == f"{reverse('accounts:login')}?next={url}"


def test_focal_point_of_turkiye_opens_every_page_of_turkiye(
    client, turkiye_focal_point, turkiye, turkiye_commitment
):
    client.force_login(turkiye_focal_point)
    for url in turkiye_pages(turkiye, turkiye_commitment):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Türkiye" in response.text


def test_focal_point_of_senegal_is_refused_every_page_of_turkiye(
    client, senegal_focal_point, turkiye, turkiye_commitment
):
    client.force_login(senegal_focal_point)
    for url in turkiye_pages(turkiye, turkiye_commitment):
        response = client.get(url)
        # Another state's commitment answers as one that does not exist (issue 13, finding 14).
        expected = 404 if "/my-state/commitments/" in url else 403
        assert response.status_code == expected, url
        assert "Train 10 diplomats" not in response.text


def test_secretariat_opens_every_page_of_any_state(
    client, secretariat, turkiye, turkiye_commitment
):
    client.force_login(secretariat)
    for url in turkiye_pages(turkiye, turkiye_commitment):
        assert client.get(url).status_code == 200, url


def test_home_sends_each_focal_point_to_their_own_state(
    client, turkiye_focal_point, senegal_focal_point
):
    client.force_login(turkiye_focal_point)
    assert client.get(reverse("my_state:home"))["Location"] == "/en/my-state/turkiye/"
    client.force_login(senegal_focal_point)
    assert client.get(reverse("my_state:home"))["Location"] == "/en/my-state/senegal/"


def test_secretariat_chooses_among_all_states(client, secretariat, turkiye, senegal):
    client.force_login(secretariat)
    response = client.get(reverse("my_state:home"))
    assert response.status_code == 200
    assert [state.name for state in response.context["states"]] == ["Senegal", "Türkiye"]


def test_signed_in_user_who_is_no_focal_point_is_refused(client, db):
    user = UserFactory(username="visitor")
    client.force_login(user)
    assert client.get(reverse("my_state:home")).status_code == 403


def test_deactivated_focal_point_loses_access_to_their_state(
    client, turkiye_focal_point, turkiye, turkiye_commitment
):
    FocalPoint.objects.filter(user=turkiye_focal_point).update(is_active=False)
    client.force_login(turkiye_focal_point)
    assert (
        client.get(reverse("my_state:commitments", kwargs={"state": "turkiye"})).status_code == 403
    )
    assert client.get(reverse("my_state:home")).status_code == 403


def test_unknown_state_or_commitment_is_not_found(client, turkiye_focal_point):
    client.force_login(turkiye_focal_point)
    assert client.get("/en/my-state/atlantis/").status_code == 404
    assert client.get("/en/my-state/commitments/999999/edit/").status_code == 404


def test_focal_point_cannot_report_progress_on_another_states_commitment_by_id(
    client, senegal_focal_point, turkiye_commitment
):
    client.force_login(senegal_focal_point)
    response = client.post(
        reverse("my_state:progress_report", kwargs={"pk": turkiye_commitment.pk}),
        {
            "status": "delivered",
            "quantity_delivered": 10,
            "narrative": "Not ours.",
            "language": "en",
        },
    )
    assert response.status_code == 404
    assert ProgressReport.objects.count() == 0


def test_focal_point_cannot_edit_another_states_commitment_by_id(
    client, senegal_focal_point, turkiye_commitment
):
    client.force_login(senegal_focal_point)
    response = client.post(
        reverse("my_state:commitment_edit", kwargs={"pk": turkiye_commitment.pk}),
        {"title": "Hijacked", "target_quantity": 0, "unit": "actions", "version": 1},
    )
    assert response.status_code == 404
    turkiye_commitment.refresh_from_db()
    assert (turkiye_commitment.title, turkiye_commitment.version) == ("Train 10 diplomats", 1)


def test_focal_point_cannot_pledge_nominate_or_report_training_for_another_state(
    client, senegal_focal_point, turkiye, paragraph_training
):
    programme = ProgrammeFactory(name="Mediation for Peace", slug="mediation-for-peace")
    client.force_login(senegal_focal_point)
    posts = {
        "commitment_create": {
            "paragraph": paragraph_training.pk,
            "title": "Pledge for Türkiye",
            "unit": "actions",
        },
        "nominate": {
            "full_name": "A. Person",
            "gender": "female",
            "roles": ["mediator"],
            "consent_given_on": "2024-01-01",
            "consent_confirmed": "on",
        },
        "training_report": {
            "programme": programme.pk,
            "starts_on": "2024-01-01",
            "format": "in_person",
            "level_targeted": "junior",
            "participants-TOTAL_FORMS": "0",
            "participants-INITIAL_FORMS": "0",
        },
    }
    for name, data in posts.items():
        response = client.post(reverse(f"my_state:{name}", kwargs={"state": turkiye.slug}), data)
        assert response.status_code == 403, name
    assert (Commitment.objects.count(), RosterMember.objects.count(), Edition.objects.count()) == (
        0,
        0,
        0,
    )


def test_a_state_posted_in_the_form_is_ignored_the_url_state_is_used(
    client, senegal_focal_point, senegal, turkiye, paragraph_training
):
    client.force_login(senegal_focal_point)
    client.post(
        reverse("my_state:commitment_create", kwargs={"state": senegal.slug}),
        {
            "paragraph": paragraph_training.pk,
            "title": "Our pledge",
            "unit": "actions",
            "state": turkiye.pk,
        },
    )
    assert list(Commitment.objects.values_list("title", "state__slug")) == [
        ("Our pledge", "senegal")
    ]
