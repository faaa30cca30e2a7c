"""Keyboard-only helpers for the journeys: they fail when a control cannot be reached or used without a mouse."""

PHONE = {"width": 390, "height": 844}


def tab_to(page, selector, *, limit=80):
    """Press Tab until the element matching `selector` has focus.

    A control built from a div with a click handler never takes focus, so the journey fails here.
    """
    target = page.locator(selector)
    target.wait_for(state="visible")
    for _ in range(limit):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} was not reached with {limit} presses of Tab")


def type_over(page, text):
    """Replace the value of the focused text or number field."""
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def choose(page, label_start):
    """Pick the option of the focused select whose label starts with `label_start`, with Home and the down arrow.

    (Type-ahead would be shorter, but Playwright types letters such as ö as inserted text, which a select ignores.)
    """
    selected = "document.activeElement.selectedOptions[0]?.text.trim() ?? ''"
    options = page.evaluate("document.activeElement.options.length")
    page.keyboard.press("Home")
    for _ in range(options):
        if page.evaluate(selected).startswith(label_start):
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"no option starting with {label_start!r} in the focused select")


def fits_the_phone(page):
    # Nothing scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def pick_client(page, text):
    """In the focused client picker (a combobox), type `text` and take the first match with the arrow and Enter;
    with no text, clear the field (no client). The picker's own select, its form field, then holds the choice."""
    picker = page.locator("[data-client-picker]:has(:focus)")
    type_over(page, text) if text else page.keyboard.press("Control+A")
    if not text:
        page.keyboard.press("Backspace")
        assert picker.locator("select").input_value() == ""
        return
    option = picker.locator("[role=option]").first
    option.wait_for(state="visible")
    for _ in range(50):  # the matches of what was typed, not an earlier letter's
        if all(text.lower() in label.lower() for label in picker.locator("[role=option]").all_inner_texts()):
            break
        page.wait_for_timeout(100)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert picker.locator("select").input_value() != ""
