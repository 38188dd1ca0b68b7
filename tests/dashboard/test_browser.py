"""The dashboard in a real browser: Debian's Chromium driven by Playwright against a live server,
filled with the reference data and a little demo activity.

Without /usr/bin/chromium these tests are skipped, unless OIC_REQUIRE_BROWSER=1 (set by CI), in
which case they fail. Screenshots of every page go to test-artifacts/screenshots/.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPOSITORY = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPOSITORY / "test-artifacts" / "screenshots"
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
LANGUAGES = ["ar", "en", "fr"]
PAGES = [
    ("home", ""),
    ("states", "states/"),
    ("state", "states/turkiye/"),
    ("state-commitments", "states/turkiye/commitments/"),
    ("contact-group", "contact-group/"),
    ("contact-group-meetings", "contact-group/friends-of-mediation/meetings/"),
    ("network", "network/"),
    ("trainings", "trainings/"),
    ("conferences", "conferences/"),
    ("figures", "figures/"),
    ("reporting", "reporting/"),
    ("programme", "trainings/mediation-for-peace/"),
    ("conference", "conferences/2/"),
]
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def site(live_server, transactional_db):
    """The live server, holding the reference data and some demo activity."""
    call_command("load_reference_data", verbosity=0)
    call_command("generate_demo_data", "--scale", "0.02", "--force", verbosity=0)
    # pytest-django names the host "localhost"; the browser may only talk to 127.0.0.1.
    return live_server.url.replace("//localhost:", "//127.0.0.1:")


class Visit:
    """A browser page that records console errors and refuses any request off 127.0.0.1."""

    def __init__(self, context):
        self.page = context.new_page()
        self.console_errors: list[str] = []
        self.outside_requests: list[str] = []
        self.page.on(
            "console",
            lambda message: (
                self.console_errors.append(f"{self.page.url}: {message.text}")
                if message.type == "error"
                else None
            ),
        )
        self.page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        self.page.route("**/*", self._only_local)

    def _only_local(self, route):
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            self.outside_requests.append(route.request.url)
            route.abort()

    def open(self, url: str):
        response = self.page.goto(url)
        assert response is not None and response.status == 200, f"{url}: {response.status}"
        return response


@pytest.fixture
def context(browser):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, bypass_csp=False, locale="en-GB"
    )
    yield context
    context.close()


def test_every_page_renders_in_every_language_without_error_or_outside_request(site, context):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    visit = Visit(context)

    for language in LANGUAGES:
        for name, path in PAGES:
            visit.open(f"{site}/{language}/{path}")
            page = visit.page
            assert page.locator("html").get_attribute("lang") == language
            assert page.locator("h1").first.inner_text().strip()
            page.screenshot(path=SCREENSHOTS / f"{language}-{name}.png", full_page=True)

    assert visit.console_errors == []
    assert visit.outside_requests == []


def test_arabic_pages_are_right_to_left_and_mirrored(site, context):
    visit = Visit(context)
    positions = {}

    for language in ("en", "ar"):
        visit.open(f"{site}/{language}/")
        page = visit.page
        positions[language] = {
            "dir": page.locator("html").get_attribute("dir"),
            "brand": page.locator("#brand").bounding_box(),
            "first_nav_item": page.locator("#site-nav li").first.bounding_box(),
        }

    middle = 1280 / 2
    english, arabic = positions["en"], positions["ar"]
    assert (english["dir"], arabic["dir"]) == ("ltr", "rtl")
    assert english["brand"]["x"] + english["brand"]["width"] < middle
    assert arabic["brand"]["x"] > middle
    assert english["first_nav_item"]["x"] < middle < arabic["first_nav_item"]["x"]


@pytest.mark.parametrize(("name", "path"), [("network", "network/"), ("state", "states/turkiye/")])
def test_language_switcher_keeps_the_page(site, context, name, path):
    visit = Visit(context)
    visit.open(f"{site}/en/{path}")

    visit.page.get_by_role("link", name="العربيّة").click()
    visit.page.wait_for_load_state()
    after_arabic = urlsplit(visit.page.url).path
    visit.page.get_by_role("link", name="français").click()
    visit.page.wait_for_load_state()
    after_french = urlsplit(visit.page.url).path

    assert after_arabic == f"/ar/{path}"
    assert visit.page.locator("html").get_attribute("lang") == "fr"
    assert after_french == f"/fr/{path}"
    assert visit.console_errors == []


def test_no_serious_or_critical_accessibility_violation(site, browser):
    # The portal's CSP refuses injected scripts: the test context bypasses it to load axe-core.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    visit = Visit(context)
    problems = []

    for language in LANGUAGES:
        for _name, path in PAGES:
            url = f"{site}/{language}/{path}"
            visit.open(url)
            visit.page.add_script_tag(path=str(AXE))
            result = visit.page.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA
            )
            for violation in result["violations"]:
                if violation["impact"] in ("serious", "critical"):
                    targets = [node["target"] for node in violation["nodes"][:3]]
                    problems.append(f"{url}: {violation['id']} ({violation['impact']}) {targets}")
    context.close()

    assert problems == []
