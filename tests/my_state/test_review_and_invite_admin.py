"""The Secretariat's side, in the admin: the review queue, validating and returning reports, and
inviting focal points. Transitions go through resolutions.services; invalid ones are refused."""

from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from network.models import FocalPoint
from resolutions import services
from resolutions.models import ProgressReport

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:resolutions_progressreport_changelist")
INVITE = "/admin/network/focalpoint/invite/"


@pytest.fixture
def submitted(turkiye_focal_point, turkiye_commitment) -> ProgressReport:
    return services.progress_report_submit(
        user=turkiye_focal_point,
        commitment=turkiye_commitment,
        status="in_progress",
        quantity_delivered=4,
        narrative="Four diplomats trained in Ankara.",
    )


def act(client, action: str, *reports, **extra):
    data = {"action": action, ACTION_CHECKBOX_NAME: [report.pk for report in reports], **extra}
    return client.post(QUEUE, data)


def test_review_queue_lists_submitted_reports_only(
    client, secretariat, submitted, turkiye_commitment
):
    returned = services.progress_report_submit(
        user=secretariat,
        commitment=turkiye_commitment,
        status="in_progress",
        quantity_delivered=1,
        narrative="x",
    )
    services.progress_report_return(user=secretariat, report=returned, comment="Say more.")
    client.force_login(secretariat)
    response = client.get(f"{QUEUE}?review_status__exact=submitted")
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [submitted]


def test_secretariat_validates_a_report_and_it_counts_and_the_focal_point_is_told(
    client,
    secretariat,
    submitted,
    turkiye_commitment,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        response = act(client, "validate_reports", submitted)
    assert response.status_code == 302
    submitted.refresh_from_db()
    turkiye_commitment.refresh_from_db()
    assert (submitted.review_status, submitted.reviewed_by) == ("validated", secretariat)
    assert (turkiye_commitment.status, turkiye_commitment.delivered_quantity) == ("in_progress", 4)
    assert [(mail.to, mail.subject) for mail in mailoutbox] == [
        (["ayse.turkiye@example.org"], "Your progress report was validated")
    ]


def test_returning_asks_for_a_comment_first_and_refuses_an_empty_one(
    client, secretariat, submitted
):
    client.force_login(secretariat)
    page = act(client, "return_reports", submitted)
    assert page.status_code == 200
    assert page.context["form"].errors == {}
    empty = act(client, "return_reports", submitted, apply="1", review_comment="  ")
    assert empty.status_code == 200
    assert empty.context["form"].errors == {"review_comment": ["This field is required."]}
    submitted.refresh_from_db()
    assert submitted.review_status == "submitted"


def test_secretariat_returns_a_report_with_a_comment_and_the_focal_point_sees_it(
    client,
    secretariat,
    turkiye_focal_point,
    submitted,
    turkiye_commitment,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        response = act(
            client, "return_reports", submitted, apply="1", review_comment="Attach the list."
        )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert (submitted.review_status, submitted.review_comment) == ("returned", "Attach the list.")
    turkiye_commitment.refresh_from_db()
    assert (turkiye_commitment.status, turkiye_commitment.delivered_quantity) == ("pledged", 0)
    assert mailoutbox[0].subject == "Your progress report was returned for changes"
    assert "Attach the list." in mailoutbox[0].body
    client.force_login(turkiye_focal_point)
    assert "Attach the list." in client.get("/en/my-state/turkiye/reports/").text


def test_an_already_reviewed_report_cannot_be_reviewed_again(
    client, secretariat, submitted, turkiye_commitment
):
    services.progress_report_return(user=secretariat, report=submitted, comment="Attach the list.")
    client.force_login(secretariat)
    response = client.post(
        QUEUE, {"action": "validate_reports", ACTION_CHECKBOX_NAME: [submitted.pk]}, follow=True
    )
    assert [str(message) for message in response.context["messages"]] == [
        f"“{submitted}” was not changed: This report was already returned for changes; "
        "only a submitted report can be reviewed."
    ]
    submitted.refresh_from_db()
    turkiye_commitment.refresh_from_db()
    assert submitted.review_status == "returned"
    assert turkiye_commitment.delivered_quantity == 0


def test_focal_points_and_staff_outside_the_secretariat_cannot_review(
    client, turkiye_focal_point, staff_outside_secretariat, submitted
):
    client.force_login(turkiye_focal_point)
    assert act(client, "validate_reports", submitted)["Location"].startswith("/admin/login/")
    client.force_login(staff_outside_secretariat)
    act(client, "validate_reports", submitted)
    act(client, "return_reports", submitted, apply="1", review_comment="No.")
    submitted.refresh_from_db()
    assert submitted.review_status == "submitted"


def test_secretariat_invites_a_focal_point_from_the_admin(
    client, secretariat, senegal, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(secretariat)
    assert client.get(INVITE).status_code == 200
    assert INVITE in client.get(reverse("admin:network_focalpoint_changelist")).text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            INVITE,
            {
                "email": "awa@example.org",
                "first_name": "Awa",
                "last_name": "Ndiaye",
                "state": senegal.pk,
                "title": "Director",
                "preferred_language": "fr",
            },
        )
    assert response["Location"] == reverse("admin:network_focalpoint_changelist")
    focal_point = FocalPoint.objects.get(user__email="awa@example.org")
    assert (focal_point.state, focal_point.invited_by, focal_point.preferred_language) == (
        senegal,
        secretariat,
        "fr",
    )
    assert [mail.to for mail in mailoutbox] == [["awa@example.org"]]
    assert "/fr/accounts/invitation/" in mailoutbox[0].body


def test_inviting_an_existing_address_is_refused_with_a_message(
    client, secretariat, senegal, turkiye_focal_point
):
    client.force_login(secretariat)
    response = client.post(
        INVITE,
        {"email": "AYSE.turkiye@example.org", "state": senegal.pk, "preferred_language": "en"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "email": ["A user with this e-mail address already exists."]
    }
    assert FocalPoint.objects.filter(state=senegal).count() == 0


def test_only_the_secretariat_opens_the_invitation_page(
    client, turkiye_focal_point, staff_outside_secretariat
):
    assert client.get(INVITE)["Location"].startswith("/admin/login/")
    client.force_login(turkiye_focal_point)
    assert client.get(INVITE)["Location"].startswith("/admin/login/")
    client.force_login(staff_outside_secretariat)
    assert client.get(INVITE).status_code == 403


def test_resending_an_invitation_mails_a_new_link_until_a_password_is_set(
    client,
    secretariat,
    turkiye_focal_point,
    senegal,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    from network.services import focal_point_invite

    with django_capture_on_commit_callbacks(execute=True):
        pending = focal_point_invite(invited_by=secretariat, email="awa@example.org", state=senegal)
    client.force_login(secretariat)
    changelist = reverse("admin:network_focalpoint_changelist")
    active = FocalPoint.objects.get(user=turkiye_focal_point)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            changelist,
            {"action": "resend_invitation", ACTION_CHECKBOX_NAME: [pending.pk, active.pk]},
            follow=True,
        )
    assert [mail.to for mail in mailoutbox] == [["awa@example.org"], ["awa@example.org"]]
    assert [str(message) for message in response.context["messages"]] == [
        f"{active} has already set a password; they can reset it themselves if needed.",
        "Sent 1 invitation.",
    ]
