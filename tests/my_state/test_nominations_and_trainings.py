"""Nominating to the roster (with consent) and reporting a training the state offered."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from network.models import RosterMember
from tests.factories import ProgrammeFactory
from trainings.models import Edition, Participant

pytestmark = pytest.mark.django_db


def nomination(**extra) -> dict:
    return {
        "honorific": "Amb.",
        "full_name": "Ayşe Yılmaz",
        "gender": "female",
        "roles": ["mediator", "expert"],
        "email": "ayse@example.org",
        "consent_given_on": "2024-03-01",
        "consent_confirmed": "on",
        **extra,
    }


def test_focal_point_nominates_a_person_with_recorded_consent(client, turkiye_focal_point, turkiye):
    client.force_login(turkiye_focal_point)
    url = reverse("my_state:nominate", kwargs={"state": "turkiye"})
    response = client.post(url, nomination())
    assert response.status_code == 302
    person = RosterMember.objects.get()
    assert (
        person.full_name,
        person.nominating_state,
        person.consent_given_on,
        person.visibility,
        person.vetting_status,
        sorted(person.roles.values_list("role", flat=True)),
    ) == (
        "Ayşe Yılmaz",
        turkiye,
        datetime.date(2024, 3, 1),
        "private",
        "pending",
        ["expert", "mediator"],
    )
    listed = client.get(url)
    assert [p.full_name for p in listed.context["nominees"]] == ["Ayşe Yılmaz"]


def test_a_nomination_without_consent_is_refused(client, turkiye_focal_point):
    client.force_login(turkiye_focal_point)
    response = client.post(
        reverse("my_state:nominate", kwargs={"state": "turkiye"}),
        nomination(consent_confirmed=""),
    )
    assert response.context["form"].errors["consent_confirmed"] == [
        "The nomination needs the person's consent."
    ]
    assert RosterMember.objects.count() == 0


def test_a_consent_date_in_the_future_is_refused(client, turkiye_focal_point):
    client.force_login(turkiye_focal_point)
    response = client.post(
        reverse("my_state:nominate", kwargs={"state": "turkiye"}),
        nomination(consent_given_on="2999-01-01"),
    )
    assert response.context["form"].errors["consent_given_on"] == [
        "The date of consent cannot be in the future."
    ]
    assert RosterMember.objects.count() == 0


def training(programme, **extra) -> dict:
    return {
        "programme": programme.pk,
        "title": "Mediation for Peace — Dakar",
        "starts_on": "2024-09-09",
        "ends_on": "2024-09-13",
        "place": "Dakar",
        "format": "in_person",
        "level_targeted": "junior",
        "reported_states": "5",
        "participants-TOTAL_FORMS": "3",
        "participants-INITIAL_FORMS": "0",
        "participants-MIN_NUM_FORMS": "0",
        "participants-MAX_NUM_FORMS": "200",
        **extra,
    }


def blank_row(index) -> dict:
    return {
        f"participants-{index}-gender": "",
        f"participants-{index}-level": "junior",
        f"participants-{index}-completion": "completed",
    }


def test_focal_point_reports_a_training_and_the_diplomats_trained(
    client, senegal_focal_point, senegal, turkiye
):
    programme = ProgrammeFactory(name="Mediation for Peace", slug="mediation-for-peace")
    client.force_login(senegal_focal_point)
    data = training(
        programme,
        **{
            "participants-0-full_name": "Fatou Diop",
            "participants-0-gender": "female",
            "participants-0-state": str(senegal.pk),
            "participants-0-level": "junior",
            "participants-0-completion": "completed",
            "participants-1-full_name": "Emre Kaya",
            "participants-1-gender": "male",
            "participants-1-state": str(turkiye.pk),
            "participants-1-level": "mid",
            "participants-1-completion": "completed",
        },
        **blank_row(2),
    )
    response = client.post(reverse("my_state:training_report", kwargs={"state": "senegal"}), data)
    assert response.status_code == 302, (
        response.context["form"].errors,
        response.context["formset"].errors,
    )
    edition = Edition.objects.get()
    assert (
        edition.host_state,
        edition.reported_by_state,
        edition.reported_by_user,
        edition.place,
    ) == (
        senegal,
        senegal,
        senegal_focal_point,
        "Dakar",
    )
    assert sorted(Participant.objects.values_list("full_name", "state__slug", "level")) == [
        ("Emre Kaya", "turkiye", "mid"),
        ("Fatou Diop", "senegal", "junior"),
    ]


def test_a_training_ending_before_it_starts_is_refused_and_nothing_is_stored(
    client, senegal_focal_point
):
    programme = ProgrammeFactory(name="Mediation for Peace", slug="mediation-for-peace")
    client.force_login(senegal_focal_point)
    response = client.post(
        reverse("my_state:training_report", kwargs={"state": "senegal"}),
        training(programme, ends_on="2024-09-01", **blank_row(0), **blank_row(1), **blank_row(2)),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["ends_on"] == ["An edition cannot end before it starts."]
    assert Edition.objects.count() == 0
