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


def test_every_arabic_page_shows_each_symbol_left_to_right_and_whole(site, context):
    visit = Visit(context)
    problems, seen = [], set()

    for name, path in ARABIC_PAGES:
        visit.open(f"{site}/ar/{path}")
        for symbol in visit.page.evaluate(READ_SYMBOLS, SYMBOLS):
            seen.add(symbol["symbol"])
            if not symbol["sameLine"]:
                problems.append(f"{name}: {symbol['symbol']} broken across lines in «{symbol['context']}»")
            elif not symbol["leftToRight"]:
                problems.append(f"{name}: {symbol['symbol']} reads backwards in «{symbol['context']}»")

    # The reference data names both resolutions and the conference's UN document.
    assert {"53/45-POL", "56/46-POL", "A/73/725"} <= seen, seen
    assert problems == []
