"""Layout defects a reader sees, measured in Debian's Chromium: text that overflows its card, and
member states too small to see on the map."""

from __future__ import annotations

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LANGUAGES = ["ar", "en", "fr"]
WIDTHS = [1280, 412]

# Every text of every card (figures, the contact group's "established" date, meetings) that
# reaches outside its card's box, as "card class > text".
OVERFLOWING_TEXT = """() => {
    const found = [];
    for (const box of document.querySelectorAll('.stat, .card, .timeline__item')) {
        const outer = box.getBoundingClientRect();
        const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!node.textContent.trim()) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            for (const rect of range.getClientRects()) {
                if (rect.left < outer.left - 0.5 || rect.right > outer.right + 0.5) {
                    found.push(`${box.className} > ${node.textContent.trim()}`);
                    break;
                }
            }
        }
    }
    return found;
}"""


@pytest.fixture
def site(live_server, transactional_db):
    call_command("load_reference_data", verbosity=0)
    return live_server.url.replace("//localhost:", "//127.0.0.1:")


@pytest.mark.parametrize("width", WIDTHS)
def test_no_text_overflows_its_card_on_the_contact_group_pages(site, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    overflowing = {}
    for language in LANGUAGES:
        for path in ("contact-group/", "contact-group/friends-of-mediation/meetings/"):
            response = page.goto(f"{site}/{language}/{path}")
            assert response.status == 200
            page.evaluate("document.fonts.ready")
            overflowing[f"{language}/{path}"] = page.evaluate(OVERFLOWING_TEXT)
    context.close()

    assert overflowing == {key: [] for key in overflowing}
