"""A policymaker's journeys through the portal in real Chromium, and accessibility checked by axe-core."""

import pytest

from tests.browser.conftest import ARTIFACTS, axe_violations

PAGE_TYPES = {
    "home": "/",
    "goal list": "/sdg/",
    "goal": "/sdg/16/",
    "target": "/sdg/16.3/",
    "theme list": "/themes/",
    "theme": "/themes/prison-and-penal-reform/",
    "instrument list": "/instruments/",
    "instrument list filtered": "/instruments/?kind=rules&ordering=-year",
    "instrument": "/instruments/nelson-mandela-rules/",
    "instrument without text": "/instruments/bangkok-rules/",
    "provision": "/instruments/nelson-mandela-rules/58/",
    "preliminary observation": "/instruments/nelson-mandela-rules/po-1/",
    "programme list": "/programmes/",
    "programme": "/programmes/global-programme-people-centred-justice/",
    "resource list": "/resources/",
    "resource": "/resources/nelson-mandela-rules-elearning-course/",
    "activity list": "/activities/",
    "country list": "/countries/",
    "recommendation list": "/recommendations/",
    "recommendation": "/recommendations/a-conf-234-5-para-44-b/",
    "meeting list": "/meetings/",
    "meeting": "/meetings/fourteenth-congress/",
    "document list": "/documents/",
    "document": "/documents/A/CONF.234/5/",
    "document without symbol": "/documents/GP-BROCHURE/",
    "search": "/search/?q=prison",
    "country": "/countries/kenya/",
    "api guide": "/api/",
    "about": "/about/",
    "methodology": "/methodology/",
    "sitemap page": "/sitemap/",
    "not found": "/sdg/99.9/",
}


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_every_page_type_has_no_axe_violations(page, axe_source, path):
    page.goto(path)
    assert page.locator("h1").count() == 1
    assert axe_violations(page, axe_source) == []


@pytest.mark.parametrize("path", ["/", "/sdg/16.3/", "/instruments/nelson-mandela-rules/58/"])
def test_no_axe_violations_or_horizontal_scroll_at_320px(browser, portal_url, axe_source, path):
    context = browser.new_context(base_url=portal_url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(path)
    assert axe_violations(page, axe_source) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


def test_policymaker_journey_from_home_to_a_rule_and_back_to_the_target(page):
    page.goto("/")
    page.get_by_role("link", name="Goal 16: Peace, justice and strong institutions").click()
    assert page.locator("h1").inner_text() == "Goal 16: Peace, justice and strong institutions"

    page.get_by_role("link", name="Target 16.3", exact=True).click()
    assert page.locator("h1").inner_text() == "Target 16.3"
    assert "http://metadata.un.org/sdg/16.3" in page.content()
    instruments = page.locator("#standards-and-norms + ul > li")
    assert instruments.count() >= 3
    assert "Source:" in instruments.first.locator(".evidence").text_content()  # each link shows why it exists

    page.locator("#standards-and-norms + ul").get_by_role("link", name="Nelson Mandela Rules", exact=True).click()
    assert "Nelson Mandela Rules" in page.locator("h1").inner_text()

    page.get_by_role("link", name="Rule 58", exact=True).click()
    assert page.locator("h1").inner_text() == "Nelson Mandela Rules: rule 58"
    assert "Prisoners shall be allowed, under necessary supervision" in page.locator(".official-text").inner_text()

    # Back to the target: through the instrument's list of the targets it serves.
    page.locator(".breadcrumbs").get_by_role("link", name="Nelson Mandela Rules").click()
    page.locator("#targets + ul").get_by_role("link", name="Target 16.3", exact=True).click()
    assert page.locator("h1").inner_text() == "Target 16.3"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "target-16.3.png"), full_page=True)
    assert (ARTIFACTS / "target-16.3.png").stat().st_size > 10_000


def test_filtering_the_instrument_list(page):
    page.goto("/instruments/")
    total = int(page.locator("#results-heading").inner_text().split()[0])
    page.get_by_label("Kind").select_option("rules")
    page.get_by_role("button", name="Apply").click()
    assert "kind=rules" in page.url
    filtered = int(page.locator("#results-heading").inner_text().split()[0])
    assert 0 < filtered < total
    titles = page.locator(".entry-list > li > a").all_inner_texts()
    assert any("Bangkok Rules" in title or "Women Prisoners" in title for title in titles)
    assert not any("Declaration" in title for title in titles)


def test_copying_a_citation(page):
    page.goto("/instruments/nelson-mandela-rules/58/")
    page.get_by_role("button", name="Copy citation").click()
    page.get_by_text("Citation copied to the clipboard.").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == (
        "United Nations Standard Minimum Rules for the Treatment of Prisoners (the Nelson Mandela Rules), "
        "General Assembly resolution 70/175, annex, rule 58"
    )


def test_pages_work_without_javascript(browser, portal_url):
    context = browser.new_context(base_url=portal_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/instruments/?kind=rules")
    assert int(page.locator("#results-heading").inner_text().split()[0]) > 0
    page.goto("/instruments/nelson-mandela-rules/58/")
    assert "General Assembly resolution 70/175, annex, rule 58" in page.locator("#citation-text").inner_text()
    assert page.get_by_role("button", name="Copy citation").count() == 0  # hidden until JavaScript adds it
    context.close()
