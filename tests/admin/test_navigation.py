"""Roster matching is in the admin's navigation: the index, the network section and the sidebar
of every admin page, for the Secretariat only."""

from __future__ import annotations

import re

import pytest

from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
LINK = re.compile(r'<a href="/admin/roster-matching/"[^>]*>([^<]+)</a>')


def network_section(html: str) -> list[str]:
    """The entries of the network app's section, in order."""
    section = re.search(r'<caption>\s*<a href="/admin/network/".*?</table>', html, re.S).group(0)
    return [
        re.sub(r"<[^>]+>", "", name).strip()
        for name in re.findall(r'<th scope="row" id="network-[^"]+">(.*?)</th>', section, re.S)
    ]


def test_the_secretariat_finds_roster_matching_on_the_admin_index_after_the_roster(
    client, secretariat
):
    client.force_login(secretariat, backend=MODEL_BACKEND)

    index = client.get("/admin/").text

    assert LINK.findall(index) == ["Roster matching", "View"]
    entries = network_section(index)
    assert entries[entries.index("Roster members") + 1] == "Roster matching"


def test_roster_matching_is_in_the_network_section_and_the_sidebar_of_other_pages(
    client, secretariat
):
    client.force_login(secretariat, backend=MODEL_BACKEND)

    app_page = client.get("/admin/network/").text
    a_change_list = client.get("/admin/network/rostermember/").text
    the_page_itself = client.get("/admin/roster-matching/").text

    assert LINK.findall(app_page) == ["Roster matching", "View"]
    assert LINK.findall(a_change_list) == ["Roster matching"]  # the navigation sidebar
    assert re.search(r'<tr class="model-rostermatching current-model">', the_page_itself)


def test_staff_outside_the_secretariat_are_not_offered_roster_matching(client):
    clerk = StaffFactory(username="clerk", is_superuser=False)
    client.force_login(clerk, backend=MODEL_BACKEND)

    assert LINK.findall(client.get("/admin/").text) == []
    assert client.get("/admin/roster-matching/").status_code == 403
