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


# For each state on the map (its shape and its dot, named by their <title>): the side, in CSS
# pixels, of the largest square of the screen that shows only that state, sampled one pixel
# apart. A sliver such as The Gambia's shape is long but two or three pixels thick.
THICKEST_SQUARE = """() => {
    const byName = new Map();
    for (const element of document.querySelectorAll('.map__svg .map-state')) {
        const name = element.querySelector('title').textContent.trim();
        if (!byName.has(name)) byName.set(name, []);
        byName.get(name).push(element);
    }
    const sides = {};
    for (const [name, elements] of byName) {
        let best = 0;
        for (const element of elements) {
            const box = element.getBoundingClientRect();
            const left = Math.floor(box.left), top = Math.floor(box.top);
            const width = Math.ceil(box.right) - left + 1, height = Math.ceil(box.bottom) - top + 1;
            // side[y][x]: the largest all-state square whose bottom-right pixel is (x, y).
            let previous = new Array(width + 1).fill(0);
            for (let y = 0; y < height; y++) {
                const row = new Array(width + 1).fill(0);
                for (let x = 0; x < width; x++) {
                    const hit = document.elementFromPoint(left + x + 0.5, top + y + 0.5);
                    if (elements.includes(hit)) {
                        row[x + 1] = 1 + Math.min(row[x], previous[x], previous[x + 1]);
                        best = Math.max(best, row[x + 1]);
                    }
                }
                previous = row;
            }
        }
        sides[name] = best;
    }
    return sides;
}"""
SEEN = 5  # pixels: a 5 × 5 square of the state's colour


def test_every_member_state_can_be_seen_on_the_map(site, browser):
    """At 1280 px, every member state shows at least a 5 × 5 px patch. The Gambia, Lebanon and
    Palestine were slivers 3 px thick (Brunei 5): they get a dot (8 px), as Bahrain, Comoros and
    the Maldives, too small to draw, have. The smallest is now Qatar, 5 px, beside Bahrain's dot."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site}/en/states/")
    page.locator(".map__svg").scroll_into_view_if_needed()
    sides = page.evaluate(THICKEST_SQUARE)
    context.close()

    assert len(sides) >= 57
    assert {name: side for name, side in sides.items() if side < SEEN} == {}
