"""The Arabic and Chinese pages in real Chromium, served with the six languages public: right to left
mirrored, no sideways scroll on a phone, axe clean; screenshots kept in test-artifacts/screenshots/."""

import pytest

from tests.browser.conftest import ARTIFACTS, axe_violations
from tests.browser.test_design_in_chromium import DESKTOP, PHONE, scroll_width

SCREENSHOTS = ARTIFACTS / "screenshots"


@pytest.fixture
def arabic_phone(browser, multilingual_url):
    context = browser.new_context(base_url=multilingual_url, viewport=PHONE, locale="ar")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", ["/ar/", "/ar/sdg/16.3/"])
def test_arabic_pages_fit_a_phone_right_to_left_and_are_axe_clean(arabic_phone, axe_source, path):
    response = arabic_phone.goto(path)
    assert response.status == 200
    assert arabic_phone.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["ar", "rtl"]
    assert scroll_width(arabic_phone) <= PHONE["width"], f"{path} scrolls sideways at {PHONE['width']} px"
    assert axe_violations(arabic_phone, axe_source) == []


def test_the_arabic_target_page_is_mirrored(arabic_phone):
    arabic_phone.goto("/ar/sdg/16.3/")
    crumbs = arabic_phone.locator(".breadcrumbs li")
    first, second = crumbs.nth(0).bounding_box(), crumbs.nth(1).bounding_box()
    assert first["x"] > second["x"]  # the trail starts on the right
    assert first["x"] + first["width"] > PHONE["width"] / 2
    heading = arabic_phone.locator("h1").bounding_box()
    assert heading["x"] + heading["width"] > PHONE["width"] - 40  # the heading starts at the right-hand margin
    direction = arabic_phone.evaluate(
        "getComputedStyle(document.querySelector('.briefing-indicators strong')).direction"
    )
    assert direction == "ltr"  # indicator codes read left to right


def test_a_letter_code_keeps_its_order_in_arabic(arabic_phone):
    """Without isolation "16.a" would show as "a.16" inside Arabic text."""
    arabic_phone.goto("/ar/sdg/16.a/")
    code = arabic_phone.locator("h1 bdi")
    assert code.inner_text() == "16.a"
    assert code.get_attribute("dir") == "ltr"


@pytest.mark.parametrize("path", ["/ar/", "/ar/sdg/16.3/", "/zh-hans/sdg/16.3/", "/ar/instruments/bangkok-rules/"])
def test_arabic_and_chinese_pages_fit_both_widths_with_screenshots(browser, multilingual_url, path):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = "lang" + path.strip("/").replace("/", "-")
    for viewport in (DESKTOP, PHONE):
        context = browser.new_context(base_url=multilingual_url, viewport=viewport)
        page = context.new_page()
        page.goto(path)
        assert scroll_width(page) <= viewport["width"], f"{path} scrolls sideways at {viewport['width']} px"
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{viewport['width']}.png"), full_page=True)
        context.close()
