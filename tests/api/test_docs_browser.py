"""/api/docs/ in a real browser (Debian's Chromium through Playwright): Swagger UI renders the
operations from the project's own static files, with no CSP violation and no outside request.

Skipped without /usr/bin/chromium, unless OIC_REQUIRE_BROWSER=1 (CI), which makes it fail.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_swagger_ui_renders_every_operation_offline_under_the_csp(
    browser, live_server, transactional_db
):
    base = live_server.url.replace("//localhost:", "//127.0.0.1:")
    page = browser.new_page()
    problems: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))

    def only_this_server(route):
        if urlsplit(route.request.url).netloc == urlsplit(base).netloc:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_this_server)

    page.goto(f"{base}/api/docs/")
    page.wait_for_selector(".opblock", timeout=20_000)

    schema = page.request.get(f"{base}/api/schema/?format=json").json()
    operations = sum(len(methods) for methods in schema["paths"].values())
    assert operations > 40
    assert page.locator(".opblock").count() == operations
    assert "OIC Mediation Capacity Portal API" in page.inner_text(".info .title")
    assert problems == []
    assert outside == []
    page.close()
