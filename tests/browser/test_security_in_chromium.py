"""Chromium enforces the Content-Security-Policy on every page type and nothing the portal needs is refused."""

import pytest

from tests.browser.test_portal_in_chromium import PAGE_TYPES

# Reported by the browser itself, before any page script runs (init scripts are not subject to the CSP).
LISTEN_FOR_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI} (${where})`);
});
"""

PAGES = {**PAGE_TYPES, "API overview": "/api/", "admin sign-in": "/admin/login/"}


@pytest.fixture
def watched_page(page):
    page.add_init_script(LISTEN_FOR_VIOLATIONS)
    return page


def violations(page) -> list[str]:
    page.wait_for_load_state("networkidle")
    return page.evaluate("window.__cspViolations")


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_content_security_policy_violation(watched_page, path):
    response = watched_page.goto(path)
    if response.ok:  # django-csp leaves Django's debug 404 page (the browser server runs with DEBUG) alone
        assert "script-src 'self'" in response.headers["content-security-policy"]
    assert violations(watched_page) == []


def test_copy_citation_button_works_under_the_policy(watched_page):
    watched_page.goto("/instruments/nelson-mandela-rules/58/")
    watched_page.locator("[data-copy-target]").first.click()
    assert violations(watched_page) == []


def test_swagger_ui_runs_under_the_policy(watched_page):
    watched_page.goto("/api/docs/")
    watched_page.wait_for_selector(".opblock", timeout=20_000)
    assert watched_page.locator(".opblock").count() > 10  # the schema loaded and rendered
    watched_page.locator(".opblock-summary").first.click()
    watched_page.get_by_role("button", name="Try it out").first.click()
    watched_page.get_by_role("button", name="Execute").first.click()
    watched_page.wait_for_selector(".live-responses-table .response .response-col_status", timeout=10_000)
    assert watched_page.locator(".live-responses-table .response .response-col_status").first.inner_text() == "200"
    assert violations(watched_page) == []


def test_a_policy_violation_would_be_seen(watched_page):
    """The check above can fail: an inline script is refused and reported."""
    watched_page.goto("/")
    watched_page.evaluate("document.body.append(Object.assign(document.createElement('script'), {text: '1'}))")
    assert any(v.startswith("script-src") for v in violations(watched_page))
