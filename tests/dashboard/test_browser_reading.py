"""What an Arabic reader sees: the rendered order of left-to-right symbols on every Arabic page.

The browser lays the text out; the test reads back where the first and the last character of each
resolution symbol (53/45-POL) and UN document symbol (A/73/725) landed. In order, the first is left
of the last on the same line; garbled by the bidirectional algorithm ("POL-53/45"), it is not.
"""

from __future__ import annotations

import pytest

from tests.dashboard.test_browser import PAGES, Visit, context, site  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARABIC_PAGES = [*PAGES, ("reports", "reports/"), ("sign-in", "accounts/login/")]
SYMBOLS = r"\d+/\d+-[A-Z]+|[A-Z]+(?:/\d+)+"

READ_SYMBOLS = """
(pattern) => {
  const symbols = new RegExp(pattern, "g");
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const box = (node, index) => {
    range.setStart(node, index);
    range.setEnd(node, index + 1);
    return range.getBoundingClientRect();
  };
  const found = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const element = node.parentElement;
    if (!element || element.closest("script, style, svg, .visually-hidden, [hidden]")) continue;
    if (!element.getClientRects().length) continue;
    for (const match of node.data.matchAll(symbols)) {
      const first = box(node, match.index);
      const last = box(node, match.index + match[0].length - 1);
      const context = node.data.slice(Math.max(0, match.index - 30), match.index + match[0].length + 30);
      found.push({
        symbol: match[0],
        context: context.replace(/[\\u2066-\\u2069]/g, ""),
        sameLine: Math.abs(first.top - last.top) < Math.max(first.height, 1) / 2,
        leftToRight: first.left < last.left,
      });
    }
  }
  return found;
}
"""


def test_every_arabic_page_shows_each_symbol_left_to_right_and_whole(site, context):  # noqa: F811
    visit = Visit(context)
    problems, seen = [], set()

    for name, path in ARABIC_PAGES:
        visit.open(f"{site}/ar/{path}")
        for symbol in visit.page.evaluate(READ_SYMBOLS, SYMBOLS):
            seen.add(symbol["symbol"])
            if not symbol["sameLine"]:
                problems.append(
                    f"{name}: {symbol['symbol']} broken across lines in «{symbol['context']}»"
                )
            elif not symbol["leftToRight"]:
                problems.append(
                    f"{name}: {symbol['symbol']} reads backwards in «{symbol['context']}»"
                )

    # The reference data names both resolutions and the conference's UN document.
    assert {"53/45-POL", "56/46-POL", "A/73/725"} <= seen, seen
    assert problems == []


# Cumulative layout shift as the Layout Instability API defines it: shifts not caused by input,
# grouped in session windows (at most 1 s between shifts, 5 s long), the largest window counts.
OBSERVE_LAYOUT_SHIFT = """
window.__layoutShift = {value: 0, window: 0, first: 0, last: 0, sources: []};
new PerformanceObserver((list) => {
  const state = window.__layoutShift;
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    if (state.window && entry.startTime - state.last < 1000 && entry.startTime - state.first < 5000) {
      state.window += entry.value;
    } else {
      state.window = entry.value;
      state.first = entry.startTime;
    }
    state.last = entry.startTime;
    state.value = Math.max(state.value, state.window);
    for (const source of entry.sources || []) {
      const node = source.node;
      state.sources.push(node && node.nodeType === 1 ? node.tagName + "." + node.className : String(node));
    }
  }
}).observe({type: "layout-shift", buffered: true});
"""
FONT_DELAY_SECONDS = 0.6


def test_no_public_page_shifts_its_layout_when_the_web_fonts_arrive_late(site, browser):  # noqa: F811
    """Every public page in the three languages, with the fonts served 0.6 s late (a slow
    network): the cumulative layout shift stays at or below 0.1, Lighthouse's "good"."""
    import time

    problems = []
    for width, height in [(1350, 940), (412, 823)]:
        browser_context = browser.new_context(viewport={"width": width, "height": height})
        browser_context.add_init_script(OBSERVE_LAYOUT_SHIFT)

        def slow_fonts(route):
            time.sleep(FONT_DELAY_SECONDS)
            route.continue_()

        browser_context.route("**/*.woff2", slow_fonts)
        visit = Visit(browser_context)
        for language in ("ar", "en", "fr"):
            for name, path in ARABIC_PAGES:
                visit.page.goto(f"{site}/{language}/{path}", wait_until="load")
                visit.page.wait_for_timeout(1200)
                shift = visit.page.evaluate("window.__layoutShift")
                if shift["value"] > 0.1:
                    problems.append(
                        f"{width}px {language} {name}: {shift['value']:.3f} {shift['sources'][:3]}"
                    )
        browser_context.close()

    assert problems == []
