"""The portal's design in real Chromium: every page type at a desktop and a phone width (no sideways
scroll, screenshots kept in test-artifacts/screenshots/), the goal colours, the search layout, tables
that reflow instead of breaking words, keyboard focus, print and right-to-left mirroring."""

import pytest

from tests.browser.conftest import ARTIFACTS, axe_violations
from tests.browser.test_portal_in_chromium import PAGE_TYPES

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
SCREENSHOTS = ARTIFACTS / "screenshots"

# The official SDG colours (UN communications guidelines), as the browser reports them.
GOAL_COLOURS = {
    "1": "rgb(229, 36, 59)",
    "2": "rgb(221, 166, 58)",
    "3": "rgb(76, 159, 56)",
    "4": "rgb(197, 25, 45)",
    "5": "rgb(255, 58, 33)",
    "6": "rgb(38, 189, 226)",
    "7": "rgb(252, 195, 11)",
    "8": "rgb(162, 25, 66)",
    "9": "rgb(253, 105, 37)",
    "10": "rgb(221, 19, 103)",
    "11": "rgb(253, 157, 36)",
    "12": "rgb(191, 139, 46)",
    "13": "rgb(63, 126, 68)",
    "14": "rgb(10, 151, 217)",
    "15": "rgb(86, 192, 43)",
    "16": "rgb(0, 104, 157)",
    "17": "rgb(25, 72, 106)",
}

# Words split across two lines inside `selector`: each word's text range must sit on one line.
BROKEN_WORDS_JS = """(selector) => {
  const broken = [];
  for (const cell of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""


@pytest.fixture
def phone(browser, portal_url):
    context = browser.new_context(base_url=portal_url, viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop(browser, portal_url):
    context = browser.new_context(base_url=portal_url, viewport=DESKTOP)
    yield context.new_page()
    context.close()


def scroll_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


# The browser server runs in debug mode, where a 404 is Django's technical page, not the portal's.
SHOWN_PAGE_TYPES = {name: path for name, path in PAGE_TYPES.items() if name != "not found"}


@pytest.mark.parametrize("path", SHOWN_PAGE_TYPES.values(), ids=SHOWN_PAGE_TYPES.keys())
def test_every_page_type_fits_a_phone_and_a_desktop_with_screenshots(desktop, phone, path):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = next(name for name, page_path in SHOWN_PAGE_TYPES.items() if page_path == path).replace(" ", "-")
    for page, width in ((desktop, DESKTOP["width"]), (phone, PHONE["width"])):
        page.goto(path)
        assert scroll_width(page) <= width, f"{path} scrolls sideways at {width} px"
        shot = SCREENSHOTS / f"{name}-{width}.png"
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 5_000


@pytest.mark.parametrize(
    "path", ["/sdg/", "/activities/", "/search/?q=prison", "/recommendations/?kind=recommendation"]
)
def test_phone_layouts_have_no_axe_violations(phone, axe_source, path):
    """The phone-only layouts: reflowed tables, folded facets and filters."""
    phone.goto(path)
    assert axe_violations(phone, axe_source) == []


def test_find_the_bangkok_rules_from_the_home_page_in_two_clicks(phone):
    phone.goto("/")
    key_instruments = phone.get_by_role("list", name="Key UN standards and norms")
    card = key_instruments.get_by_role("link", name="Bangkok Rules", exact=True)
    assert card.is_visible()
    card.click()
    assert phone.url.endswith("/instruments/bangkok-rules/")
    heading = phone.locator("h1").inner_text()
    assert "Bangkok Rules" in heading or "Women Prisoners" in heading


def test_goal_cards_carry_the_official_colours_and_empty_goals_are_quieter(desktop):
    desktop.goto("/")
    cards = desktop.locator(".goal-card")
    assert cards.count() == 17
    styles = cards.evaluate_all(
        """(cards) => cards.map((card) => {
          const style = getComputedStyle(card);
          return {code: card.className.match(/goal-(\\d+)/)[1], empty: card.classList.contains('goal-empty'),
                  colour: style.borderTopColor, width: parseFloat(style.borderTopWidth),
                  background: style.backgroundColor};
        })"""
    )
    assert {style["code"]: style["colour"] for style in styles} == GOAL_COLOURS
    full = [style for style in styles if not style["empty"]]
    quiet = [style for style in styles if style["empty"]]
    assert full and quiet
    assert all(style["background"] == "rgb(255, 255, 255)" for style in full)
    assert all(style["background"] != "rgb(255, 255, 255)" for style in quiet)
    assert max(style["width"] for style in quiet) < min(style["width"] for style in full)
    assert desktop.get_by_role("link", name="Goal 16: Peace, justice and strong institutions").is_visible()


def test_search_facets_sit_beside_the_results_on_a_desktop_and_fold_away_on_a_phone(desktop, phone):
    desktop.goto("/search/?q=prison")
    facets = desktop.locator(".search-facets").bounding_box()
    first = desktop.locator(".search-result").first.bounding_box()
    assert desktop.get_by_role("link", name="Instruments (", exact=False).first.is_visible()
    assert facets["x"] + facets["width"] <= first["x"]  # beside, not above
    assert first["y"] < 700

    phone.goto("/search/?q=prison")
    assert not phone.locator(".search-facets h3").first.is_visible()  # folded into a closed <details>
    first = phone.locator(".search-result").first.bounding_box()
    assert first["y"] < PHONE["height"]  # the first result is on the first screen
    phone.get_by_text("Narrow the results").first.click()
    assert phone.locator(".search-facets h3").first.is_visible()


def test_list_filters_stand_beside_the_results_on_a_desktop_and_fold_away_on_a_phone(desktop, phone):
    desktop.goto("/recommendations/")
    form = desktop.locator("form.filters").bounding_box()
    results = desktop.locator("#results-heading").bounding_box()
    assert desktop.get_by_label("Kind").is_visible()
    assert form["x"] + form["width"] <= results["x"] and results["y"] < 400

    phone.goto("/recommendations/")
    assert not phone.get_by_label("Kind").is_visible()
    assert phone.locator(".entry-list > li").first.bounding_box()["y"] < PHONE["height"]
    phone.get_by_text("Filter and sort").click()
    phone.get_by_label("Kind").select_option("recommendation")
    phone.get_by_role("button", name="Apply").click()
    assert "kind=recommendation" in phone.url


def test_tables_reflow_without_breaking_words(desktop, phone):
    phone.goto("/sdg/")
    assert phone.evaluate(BROKEN_WORDS_JS, ".goal-table tbody th, .goal-table tbody td") == []
    assert scroll_width(phone) <= PHONE["width"]
    labels = (
        phone.locator(".goal-table tbody tr", has_text="Goal 16:")
        .locator("td")
        .evaluate_all("(cells) => cells.map((cell) => getComputedStyle(cell, '::before').content)")
    )
    assert labels[:2] == ['"Targets: "', '"Instruments: "']  # each number keeps its column's name

    desktop.goto("/activities/")
    years = desktop.locator(".activity-table tbody td.nowrap")
    assert years.count() > 10
    widths = years.evaluate_all("(cells) => cells.map((cell) => cell.getBoundingClientRect().width)")
    font_size = desktop.evaluate("getComputedStyle(document.body).fontSize")
    assert min(widths) > 2.5 * float(font_size.removesuffix("px"))  # four digits side by side, not one a line
    assert desktop.evaluate(BROKEN_WORDS_JS, ".activity-table thead th, .activity-table td.nowrap") == []


def test_keyboard_focus_is_visible_and_api_examples_can_be_scrolled_by_keyboard(desktop):
    desktop.goto("/api/")
    blocks = desktop.locator("pre")
    assert blocks.count() >= 5
    assert blocks.evaluate_all("(blocks) => blocks.every((pre) => pre.tabIndex === 0)")
    blocks.first.focus()
    assert desktop.evaluate("document.activeElement.tagName") == "PRE"

    desktop.goto("/instruments/")
    for selector in ("#site-search-q", ".filters select", ".filters button"):
        desktop.locator(selector).first.focus()
        desktop.keyboard.press("Shift+Tab")
        desktop.keyboard.press("Tab")  # focus by keyboard, so :focus-visible applies
        outline = desktop.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline == "solid", selector


def test_print_leaves_out_navigation_and_forms(desktop):
    desktop.goto("/instruments/?kind=rules")
    desktop.emulate_media(media="print")
    for selector in (".site-header", ".site-footer", ".filters", ".breadcrumbs"):
        assert not desktop.locator(selector).is_visible(), selector
    assert desktop.locator("h1").is_visible()


@pytest.mark.parametrize("path", ["/", "/sdg/16.3/", "/search/?q=prison"])
def test_the_layout_mirrors_right_to_left(browser, portal_url, path):
    """Issue 16 adds Arabic: with dir="rtl" the layout must mirror and still fit a phone."""
    for viewport in (DESKTOP, PHONE):
        context = browser.new_context(base_url=portal_url, viewport=viewport)
        page = context.new_page()
        page.goto(path)
        ltr = page.locator(".site-name").bounding_box()
        page.evaluate("document.documentElement.dir = 'rtl'")
        rtl = page.locator(".site-name").bounding_box()
        assert rtl["x"] > ltr["x"]  # the portal's name moves to the right-hand side
        assert scroll_width(page) <= viewport["width"]
        context.close()


def test_from_the_target_page_jump_to_programmes_and_read_a_links_evidence(desktop):
    desktop.goto("/sdg/16.3/")
    summary = desktop.locator(".briefing-summary")
    jump_menu = desktop.get_by_role("navigation", name="On this page")
    # the summary and the jump menu fit the first screen at 1366 px
    assert summary.bounding_box()["y"] + summary.bounding_box()["height"] <= DESKTOP["height"]
    assert jump_menu.bounding_box()["y"] + jump_menu.bounding_box()["height"] <= DESKTOP["height"]
    jump_menu.get_by_role("link", name="Programmes").click()
    assert desktop.url.endswith("#programmes")
    section = desktop.locator("section.briefing-section", has=desktop.locator("#programmes"))
    first = section.locator(".entry-list > li").first
    evidence = first.locator(".evidence")
    assert not evidence.is_visible()  # folded until asked for
    first.locator("summary").click()
    assert evidence.is_visible()
    assert "Source:" in evidence.inner_text() and len(evidence.inner_text()) > 40


def test_the_target_page_prints_its_evidence_open_and_no_jump_menu(desktop):
    desktop.goto("/sdg/16.3/")
    desktop.emulate_media(media="print")
    assert not desktop.get_by_role("navigation", name="On this page").is_visible()
    assert desktop.locator(".evidence-details .evidence").first.is_visible()
    desktop.emulate_media(media="screen")
