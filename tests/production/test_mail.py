"""E-mails in the reader's language, as text and HTML, with links from the configured base URL."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from core.mail import recipient_language
from network.models import FocalPoint
from network.services import focal_point_invite
from oic_mediation.mail.models import LanguagePreference
from resolutions.services import progress_report_submit
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def html_of(message) -> str:
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


def test_an_invitation_is_written_in_the_invitees_language_as_text_and_html(
    secretariat, senegal, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_BASE_URL = "https://mediation.oic-oci.example"
    with django_capture_on_commit_callbacks(execute=True):
        focal_point_invite(
            invited_by=secretariat, email="awa@example.sn", state=senegal, preferred_language="fr"
        )

    [message] = mailoutbox
    html = html_of(message)
    assert message.subject.startswith("Votre invitation au Portail")
    link = re.search(
        r"https://mediation\.oic-oci\.example/fr/accounts/invitation/\S+/", message.body
    )
    assert link is not None
    assert f'href="{link.group(0)}"' in html
    assert '<html lang="fr" dir="ltr">' in html


def test_secretariat_notices_go_to_each_recipient_in_their_own_language(
    secretariat,
    turkiye_focal_point,
    turkiye_commitment,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    arabic_reader = StaffFactory(username="amal", email="amal@oic.example")
    arabic_reader.groups.add(*secretariat.groups.all())
    LanguagePreference.objects.create(user=arabic_reader, language="ar")

    with django_capture_on_commit_callbacks(execute=True):
        progress_report_submit(
            user=turkiye_focal_point,
            commitment=turkiye_commitment,
            status="in_progress",
            quantity_delivered=2,
            narrative="Two trained.",
            language="en",
        )

    by_reader = {message.to[0]: message for message in mailoutbox}
    assert sorted(by_reader) == ["amal@oic.example", "sara@oic.example"]
    assert by_reader["sara@oic.example"].subject.startswith("Progress report to review")
    assert not by_reader["amal@oic.example"].subject.startswith("Progress report to review")
    assert '<html lang="ar" dir="rtl">' in html_of(by_reader["amal@oic.example"])
    assert '<html lang="en" dir="ltr">' in html_of(by_reader["sara@oic.example"])


def test_a_password_reset_asked_from_an_english_page_is_written_in_the_holders_language(
    client, turkiye_focal_point, mailoutbox, settings
):
    settings.PORTAL_BASE_URL = "http://127.0.0.1:8765"
    FocalPoint.objects.filter(user=turkiye_focal_point).update(preferred_language="ar")

    client.post(
        "/en/accounts/password/reset/", {"email": turkiye_focal_point.email}, HTTP_HOST="localhost"
    )

    [message] = mailoutbox
    assert "http://127.0.0.1:8765/ar/accounts/password/reset/" in message.body
    assert "localhost" not in message.body  # not the host the request came to
    assert '<html lang="ar" dir="rtl">' in html_of(message)


def test_a_focal_point_chooses_the_language_of_their_emails(client, turkiye_focal_point):
    client.force_login(turkiye_focal_point)

    page = client.get(reverse("accounts:email_language"))
    response = client.post(reverse("accounts:email_language"), {"language": "fr"})

    assert page.status_code == 200
    assert response.status_code == 302
    assert FocalPoint.objects.get(user=turkiye_focal_point).preferred_language == "fr"
    assert recipient_language(get_user_model().objects.get(pk=turkiye_focal_point.pk)) == "fr"


def test_a_staff_member_chooses_theirs_and_the_secretariat_sets_it_in_the_admin(
    client, secretariat
):
    client.force_login(secretariat)
    client.post(reverse("accounts:email_language"), {"language": "ar"})
    assert LanguagePreference.objects.get(user=secretariat).language == "ar"

    page = client.get(reverse("admin:auth_user_change", args=[secretariat.pk])).content.decode()
    assert 'name="language_preference-0-language"' in page


def test_an_unknown_language_is_refused_with_a_message(client, turkiye_focal_point):
    client.force_login(turkiye_focal_point)

    response = client.post(reverse("accounts:email_language"), {"language": "xx"})

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert FocalPoint.objects.get(user=turkiye_focal_point).preferred_language == "en"


def test_a_line_break_in_a_title_never_reaches_a_subject(
    secretariat,
    turkiye_focal_point,
    turkiye_commitment,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    type(turkiye_commitment).objects.filter(pk=turkiye_commitment.pk).update(
        title="Train\r\nBcc: everyone@example.org"
    )
    turkiye_commitment.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        progress_report_submit(
            user=turkiye_focal_point,
            commitment=turkiye_commitment,
            status="in_progress",
            quantity_delivered=1,
            narrative="One.",
            language="en",
        )

    [message] = mailoutbox
    assert "\n" not in message.subject and "\r" not in message.subject
    message.message()  # no BadHeaderError
