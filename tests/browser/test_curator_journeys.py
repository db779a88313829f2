"""A curator's journeys through the admin in real Chromium, each form seen at 1,366 px.

An Editor adds an instrument (with its adopting document, added in a popup without leaving the
form) and a link to target 16.3 with its evidence, imports the official text from a PDF and
submits everything for review; a Reviewer publishes it from the review queue; the public pages
then show it. The instrument is test data: its title and document symbol are made up.
"""

from http import HTTPStatus

import pytest

from tests.browser.conftest import ARTIFACTS, manage
from tests.standards import documents

PASSWORD = "browser-journey-only-password"  # noqa: S105 (a throwaway account on a throwaway database)
WIDTH = 1366
SYMBOL = "TEST/RES/17/1"  # made up: no UN document has this symbol
TITLE = "Browser-test rules on juvenile justice (test data, not a UN instrument)"
SHORT_TITLE = "Browser-test Rules"
SLUG = "browser-test-rules"
OFFICIAL_TEXT = [
    [
        ("title", "Annex"),
        ("heading", "General principles"),
        ("provision", "Rule 1"),
        ("indent", "Juveniles shall be treated fairly and with respect for their dignity."),
        ("provision", "Rule 2"),
        ("indent", "Detention shall be a measure of last resort and for the shortest time."),
        ("provision", "Rule 3"),
        ("indent", "Proceedings shall be conducive to the best interests of the juvenile."),
    ]
]
CREATE_CURATORS = f"""
from django.contrib.auth.models import Group, User
for role in ("Editor", "Reviewer", "Viewer"):
    user = User.objects.create_user(role.lower(), password={PASSWORD!r}, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
"""


@pytest.fixture(scope="module")
def curators(portal_env):
    """An Editor, a Reviewer and a Viewer (usernames: the role in lower case) in the browser server's database."""
    manage(portal_env, "shell", "-v0", "-c", CREATE_CURATORS)


@pytest.fixture
def sign_in(browser, portal_url, curators):
    contexts = []

    def page_for(username: str):
        context = browser.new_context(base_url=portal_url, viewport={"width": WIDTH, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.goto("/admin/login/?next=/admin/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        click_and_wait(page, page.locator("#login-form [type=submit]"))
        assert page.url.endswith("/admin/"), f"{username} could not sign in"
        return page

    yield page_for
    for context in contexts:
        context.close()


def check_form_page(page, name: str) -> None:
    """Screenshot the page at 1,366 px into test-artifacts/ and check that nothing overflows sideways."""
    page.set_viewport_size({"width": WIDTH, "height": 900})
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"curator-{name}.png"), full_page=True)
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"{name}: the page is {widths[0]} px wide in a {widths[1]} px window"


def click_and_wait(page, target) -> None:
    """Click a link or a form's button, and wait for the page it leads to."""
    with page.expect_navigation():
        target.click()


def success_message(page) -> str:
    return page.locator(".messagelist .success").inner_text()


def add_instrument_with_document_and_link(page) -> None:
    page.goto("/admin/standards/instrument/add/")
    check_form_page(page, "instrument-add")
    page.fill("#id_title_en", TITLE)
    page.locator("#id_short_title_en").press_sequentially(SHORT_TITLE)
    assert page.input_value("#id_slug") == SLUG  # prepopulated from the short title
    page.select_option("#id_kind", "rules")
    page.select_option("#id_category", "standard_and_norm")
    page.fill("#id_year", "1985")
    page.fill("#id_aliases", "Browser-test juvenile rules\nTest rules 17")

    # The adopting document does not exist yet: add it in Django's popup, without leaving the form.
    with page.expect_popup() as popup_info:
        page.click("#add_id_resolution_symbol")
    popup = popup_info.value
    popup.wait_for_load_state()
    check_form_page(popup, "document-add-popup")
    popup.fill("#id_symbol", SYMBOL)
    popup.fill("#id_title_en", "Browser-test resolution adopting the test rules (test data)")
    popup.select_option("#id_kind", "resolution")
    with popup.expect_event("close"):
        popup.locator("[name=_save]").click()
    assert page.input_value("#id_resolution_symbol") == SYMBOL
    page.fill("#id_resolution_note", "annex")

    # A link to target 16.3 with its evidence; the basis is the curator's explicit choice.
    page.locator("#target_links-group .add-row a").click()
    row = page.locator("#target_links-0")
    row.locator(".select2-selection").click()
    page.locator(".select2-search__field").fill("16.3")
    page.locator(".select2-results__option", has_text="16.3 Promote the rule of law").click()
    assert row.locator("select[name=target_links-0-target] option:checked").inner_text().startswith("16.3 Promote")
    assert row.locator("select[name=target_links-0-basis]").input_value() == ""  # no default basis
    row.locator("[name=target_links-0-source_symbol]").fill(SYMBOL)
    row.locator("[name=target_links-0-source_locator]").fill("annex, rule 2")
    row.locator("[name=target_links-0-rationale]").fill("Detention as a last resort serves equal access to justice.")
    row.locator("select[name=target_links-0-basis]").select_option("judgement")
    check_form_page(page, "instrument-add-filled")
    click_and_wait(page, page.locator("[name=_continue]"))
    assert "was added successfully" in success_message(page)
    check_form_page(page, "instrument-change")


def import_official_text(page) -> None:
    click_and_wait(page, page.locator("#import-text-link"))
    assert page.locator("h1").inner_text() == f"Import the official text of {SHORT_TITLE}"
    check_form_page(page, "import-upload")
    page.set_input_files(
        "#id_document",
        {"name": "test-rules.pdf", "mimeType": "application/pdf", "buffer": documents.pdf(OFFICIAL_TEXT)},
    )
    click_and_wait(page, page.locator("#upload-form [type=submit]"))
    assert page.locator("#import-preview tbody tr").count() == 3
    assert page.locator("#import-warnings-none").count() == 1
    assert "3 new, 0 changed, 0 unchanged" in page.locator("#import-diff-summary").inner_text()
    check_form_page(page, "import-preview")
    click_and_wait(page, page.locator("#outline-form [name=import]"))
    assert "Imported as drafts: 3 new, 0 changed, 0 unchanged." in success_message(page)
    assert page.locator("#result_list tbody tr").count() == 3
    check_form_page(page, "provisions-imported")


def submit_for_review(page) -> None:
    # The provisions from their list (select all, the "Submit for review" action) ...
    page.check("#action-toggle")
    page.select_option("select[name=action]", "submit_for_review")
    click_and_wait(page, page.locator("[name=index]"))
    assert success_message(page) == "Submitted 3 for review."
    # ... the instrument and its link from the instrument's form.
    page.goto(f"/admin/standards/instrument/?q={SLUG}")
    click_and_wait(page, page.get_by_role("link", name=SHORT_TITLE, exact=True))
    page.select_option("#id_status", "in_review")
    page.select_option("select[name=target_links-0-status]", "in_review")
    click_and_wait(page, page.locator("[name=_save]"))
    assert "was changed successfully" in success_message(page)


def publish_from_the_queue(page) -> None:
    click_and_wait(page, page.locator("#review-queue-link"))
    check_form_page(page, "review-queue")
    ours = page.locator(".review-item", has_text=SHORT_TITLE)
    assert ours.count() == 5  # the instrument, its link and three provisions
    assert ours.locator("[name=publish]").count() == 5
    for _ in range(5):
        label = ours.first.locator(".review-entry").inner_text()
        click_and_wait(page, ours.first.locator("[name=publish]"))
        assert success_message(page) == f"Published “{label}”."
    assert ours.count() == 0


def test_an_editor_adds_an_instrument_imports_its_text_and_a_reviewer_publishes_it(sign_in, page):
    editor = sign_in("editor")
    add_instrument_with_document_and_link(editor)
    import_official_text(editor)
    submit_for_review(editor)

    reviewer = sign_in("reviewer")
    publish_from_the_queue(reviewer)

    page.goto(f"/instruments/{SLUG}/")  # the public, signed out
    assert page.locator("h1").inner_text().startswith(SHORT_TITLE) or TITLE in page.locator("h1").inner_text()
    assert "Rule 2" in page.content()
    page.goto("/sdg/16.3/")
    standards = page.locator('section[aria-labelledby="standards-and-norms"]')  # a UN standard and norm
    assert standards.get_by_role("link", name=SHORT_TITLE, exact=True).count() == 1  # by the name people use
    assert TITLE in standards.inner_text()  # the official title beneath


def test_a_viewer_cannot_open_the_import_page(sign_in):
    viewer = sign_in("viewer")
    viewer.goto("/admin/standards/instrument/?q=nelson-mandela-rules")
    click_and_wait(viewer, viewer.locator("#result_list tbody tr th a").first)
    assert viewer.locator("#import-text-link").count() == 0
    change_url = viewer.url.split("?")[0]
    assert change_url.endswith("/change/")
    response = viewer.goto(change_url.removesuffix("change/") + "import-text/")
    assert response.status == HTTPStatus.FORBIDDEN
