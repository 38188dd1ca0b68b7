"""The search, My state's search and the open-data page in a real browser (Debian's Chromium),
in Arabic, English and French: no console error, no request off the machine, and no serious or
critical accessibility violation (axe-core, WCAG 2.2 AA)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from network.models import MemberState
from resolutions.models import Paragraph
from tests.conftest import PASSWORD, make_focal_point
from tests.dashboard import test_browser
from tests.dashboard.test_browser import AXE, LANGUAGES, WCAG_22_AA, Visit
from tests.factories import CommitmentFactory

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# The live server with the reference data and demo activity, and a browser context (the same
# fixtures as the dashboard's browser tests).
site = test_browser.site
context = test_browser.context

# A word of the reference data in each language, and the form the search highlights.
WORDS = {"en": "mediation", "fr": "médiation", "ar": "الوساطة"}


def serious_violations(page, url: str) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA
    )
    return [
        f"{url}: {violation['id']} ({violation['impact']}) "
        f"{[node['target'] for node in violation['nodes'][:3]]}"
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


def test_the_header_search_box_finds_and_highlights_in_each_language(site, context):
    visit = Visit(context)

    for language in LANGUAGES:
        visit.open(f"{site}/{language}/states/")
        box = visit.page.locator("#site-search-q")
        box.fill(WORDS[language])
        box.press("Enter")
        visit.page.wait_for_load_state()

        address = urlsplit(visit.page.url)
        assert address.path == f"/{language}/search/"
        first = visit.page.locator(".search-result").first
        assert first.locator("mark").count() >= 1
        assert visit.page.locator("#id_q").input_value() == WORDS[language]
        visit.page.screenshot(path=f"test-artifacts/screenshots/{language}-search.png")

    assert visit.console_errors == []
    assert visit.outside_requests == []


def test_search_and_open_data_pages_have_no_serious_accessibility_violation(site, browser):
    # The portal's CSP refuses injected scripts: this context bypasses it to load axe-core.
    checked = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    visit = Visit(checked)
    problems = []

    for language in LANGUAGES:
        for path in (
            "search/",
            f"search/?q={WORDS[language]}",
            f"search/?q={WORDS[language]}&kind=commitment&page=2",
            "search/?q=" + "x" * 201,
            "open-data/",
        ):
            url = f"{site}/{language}/{path}"
            visit.open(url)
            assert visit.page.locator("h1").first.inner_text().strip()
            problems += serious_violations(visit.page, url)
    checked.close()

    assert problems == []
    assert visit.outside_requests == []


def test_my_states_search_in_each_language(site, browser, transactional_db):
    turkiye = MemberState.objects.get(iso_code="TR")
    make_focal_point("ayse.turkiye", turkiye)
    CommitmentFactory(
        state=turkiye,
        paragraph=Paragraph.objects.filter(number=8).first(),
        title_en="Offer a mediation course",
        title_fr="Offrir un cours de médiation",
        title_ar="تقديم دورة في الوساطة",
        target_quantity=None,
        unit="actions",
        pledged_on=timezone.localdate(),
    )
    # The portal's CSP refuses injected scripts: this context bypasses it to load axe-core.
    checked = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    visit = Visit(checked)
    visit.open(f"{site}/en/accounts/login/")
    visit.page.fill("#id_username", "ayse.turkiye")
    visit.page.fill("#id_password", PASSWORD)
    visit.page.locator("main form button[type=submit]").click()
    visit.page.wait_for_load_state()
    problems = []

    for language in LANGUAGES:
        url = f"{site}/{language}/my-state/turkiye/search/?q={WORDS[language]}"
        visit.open(url)
        assert visit.page.locator(".search-result").count() >= 1
        problems += serious_violations(visit.page, url)
    checked.close()

    assert problems == []
    assert visit.console_errors == []
