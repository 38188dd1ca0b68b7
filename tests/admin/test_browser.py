"""The Secretariat's admin in a real browser (Debian's Chromium through Playwright)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from tests.factories import ParticipantFactory
from trainings.models import Edition, Participant

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def site(live_server, transactional_db):
    call_command("load_reference_data", verbosity=0)
    return live_server.url.replace("//localhost:", "//127.0.0.1:")


def signed_in_context(browser, site, user, *, language="en", width=1280):
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": width, "height": 900}, locale=language)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": site,
            }
        ]
    )
    return context


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_an_editions_page_with_participants_fits_a_1280_pixel_screen(
    site, browser, secretariat, language
):
    """With its ten columns, the participants table made the page 2,709 px wide at 1280 px; the
    table must now fit its box without scrolling, in each language of the admin."""
    edition = Edition.objects.order_by("starts_on").first()
    for number in range(3):
        ParticipantFactory(
            edition=edition,
            full_name=f"Participant with a rather long full name {number}",
            gender="female",
            position="Second Secretary, Department of Multilateral Political Affairs",
            email=f"participant.with.a.long.address.{number}@mfa.example.org",
            completion=Participant.Completion.COMPLETED,
            certificate_number=f"MFP-2019-{number:04d}",
        )
    context = signed_in_context(browser, site, secretariat, language=language)
    page = context.new_page()

    response = page.goto(f"{site}/admin/trainings/edition/{edition.pk}/change/")

    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    page_width = page.evaluate("document.documentElement.scrollWidth")
    table = page.evaluate(
        """() => {
            const box = document.querySelector('#participants-group fieldset.module');
            return {scroll: box.scrollWidth, client: box.clientWidth};
        }"""
    )
    context.close()
    assert page_width <= 1280
    assert table["scroll"] <= table["client"]
