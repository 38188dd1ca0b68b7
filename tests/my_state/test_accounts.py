"""Invitations, sign-in, sign-out, password change and reset."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from network import services
from network.models import FocalPoint
from network.tokens import invitation_token_generator
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a long new password for Dakar 2024"


def link_in(mail) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", mail.body).group(1)


@pytest.fixture
def invited(secretariat, senegal, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        focal_point = services.focal_point_invite(
            invited_by=secretariat,
            email="Awa.Ndiaye@Example.org",
            state=senegal,
            first_name="Awa",
            last_name="Ndiaye",
            preferred_language="fr",
        )
    return focal_point


def test_invitation_creates_the_account_and_mails_a_link_in_the_invitees_language(
    invited, secretariat, senegal, mailoutbox
):
    user = invited.user
    assert (user.username, user.email, user.has_usable_password(), user.is_staff) == (
        "awa.ndiaye@example.org",
        "Awa.Ndiaye@example.org",
        False,
        False,
    )
    assert (invited.state, invited.invited_by, invited.preferred_language) == (
        senegal,
        secretariat,
        "fr",
    )
    assert invited.invited_at is not None
    [mail] = mailoutbox
    assert mail.to == ["Awa.Ndiaye@example.org"]
    assert link_in(mail).startswith("/fr/accounts/invitation/")


def test_invitation_link_works_once_and_signs_the_focal_point_in(client, invited, mailoutbox):
    link = link_in(mailoutbox[0])

    response = client.get(link)
    assert response.status_code == 302
    form_url = response["Location"]
    assert form_url.endswith("/set-password/")
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/fr/my-state/"
    assert client.get("/fr/my-state/")["Location"] == "/fr/my-state/senegal/"
    invited.user.refresh_from_db()
    assert invited.user.check_password(NEW_PASSWORD)

    client.logout()
    second = client.get(link)
    assert second.status_code == 400
    assert '<html lang="fr" dir="ltr">' in second.text
    assert 'href="/fr/accounts/login/"' in second.text
    invited.user.refresh_from_db()
    assert invited.user.check_password(NEW_PASSWORD)


def test_an_expired_invitation_link_is_refused(client, invited, settings):
    generator = invitation_token_generator
    issued = generator._num_seconds(generator._now()) - settings.PASSWORD_RESET_TIMEOUT - 1
    old_token = generator._make_token_with_timestamp(invited.user, issued, generator.secret)
    uid = re.search(
        r"/invitation/([^/]+)/", services.invitation_url(invited.user, language="en")
    ).group(1)

    response = client.get(f"/en/accounts/invitation/{uid}/{old_token}/")

    assert response.status_code == 400
    assert "This invitation link cannot be used" in response.text
    assert not get_user_model().objects.get(pk=invited.user.pk).has_usable_password()


def test_a_tampered_invitation_link_is_refused(client, invited, mailoutbox):
    link = link_in(mailoutbox[0])
    response = client.get(link[:-3] + "xyz/")
    assert response.status_code == 400


def test_a_password_reset_link_is_no_invitation(client, invited):
    from django.contrib.auth.tokens import default_token_generator

    token = default_token_generator.make_token(invited.user)
    uid = re.search(
        r"/invitation/([^/]+)/", services.invitation_url(invited.user, language="en")
    ).group(1)
    assert client.get(f"/en/accounts/invitation/{uid}/{token}/").status_code == 400


def test_only_the_secretariat_invites(turkiye_focal_point, senegal):
    with pytest.raises(PermissionDenied):
        services.focal_point_invite(
            invited_by=turkiye_focal_point, email="x@example.org", state=senegal
        )
    assert FocalPoint.objects.filter(user__email="x@example.org").count() == 0


def test_focal_point_signs_in_and_lands_on_their_state_then_signs_out(client, turkiye_focal_point):
    response = client.post(
        reverse("accounts:login"), {"username": "ayse.turkiye", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1] == ("/en/my-state/turkiye/", 302)
    response = client.post(reverse("accounts:logout"))
    assert response["Location"] == reverse("accounts:login")
    assert client.get("/en/my-state/turkiye/").status_code == 302


def test_a_wrong_password_is_refused_with_a_message(client, turkiye_focal_point):
    response = client.post(
        reverse("accounts:login"), {"username": "ayse.turkiye", "password": "wrong"}
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Please enter a correct username and password. Note that both fields may be case-sensitive."
    ]


def test_sign_in_page_is_served_in_the_three_languages(client, db):
    for language, direction in [("ar", "rtl"), ("en", "ltr"), ("fr", "ltr")]:
        response = client.get(f"/{language}/accounts/login/")
        assert f'<html lang="{language}" dir="{direction}">' in response.text
        assert f'href="/{language}/accounts/password/reset/"' in response.text


def test_focal_point_changes_their_password(client, turkiye_focal_point):
    client.force_login(turkiye_focal_point)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response["Location"] == reverse("accounts:password_change_done")
    turkiye_focal_point.refresh_from_db()
    assert turkiye_focal_point.check_password(NEW_PASSWORD)


def test_password_reset_mails_a_one_time_link(client, turkiye_focal_point, mailoutbox):
    response = client.post(
        reverse("accounts:password_reset"), {"email": "ayse.turkiye@example.org"}
    )
    assert response["Location"] == reverse("accounts:password_reset_done")
    [mail] = mailoutbox
    link = link_in(mail)
    assert link.startswith("/en/accounts/password/reset/")
    form_url = client.get(link)["Location"]
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    turkiye_focal_point.refresh_from_db()
    assert turkiye_focal_point.check_password(NEW_PASSWORD)
    assert client.get(link).status_code == 400
