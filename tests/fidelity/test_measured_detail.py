"""The figures behind a suggestion are shown in the reader's language, labels with a percent sign included: the
indicators keep their labels as msgids (gettext_noop) and the page translates them as it shows them."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

DETAIL = {
    "figures": [["Employers met face to face", 9], ["Employers met face to face twice or more (%)", "60,0"]],
    "note": (
        "The data shows rungs 1 and 2; planned visits and clients introduced to match are for the reviewer to tick."
    ),
    "columns": ["Employer", "Share of the caseload (%)"],
    "rows": [["Kahvila Aalto", "Employers contacted"]],
    "row_count": 1,
    "translated": [1],
}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fi", ["Kasvokkain tavatut työnantajat", "Kasvokkain vähintään kahdesti tavatut työnantajat (%)",
                "Osuus asiakasmäärästä (%)", "Työnantajat, joihin oltiin yhteydessä", "Tiedot näyttävät portaat 1"]),
        ("sv", ["Arbetsgivare träffade ansikte mot ansikte minst två gånger (%)", "Andel av klientantalet (%)"]),
    ],
)  # fmt: skip
def test_every_label_column_note_and_translated_cell_is_in_the_readers_language(language, expected):
    with translation.override(language):
        html = render_to_string("fidelity/includes/measured_detail.html", {"detail": DETAIL})
    for text in expected:
        assert text in html
    assert "(%)" in html
    assert "twice or more" not in html and "Share of the caseload" not in html
    assert "Kahvila Aalto" in html  # a cell not marked translated is shown as it is


def test_a_label_is_escaped_and_an_empty_one_stays_empty():
    detail = {"figures": [["<b>Bold</b> (%)", 1], ["", 2]], "note": ""}
    html = render_to_string("fidelity/includes/measured_detail.html", {"detail": detail})
    assert "&lt;b&gt;Bold&lt;/b&gt; (%)" in html
    assert "<dt></dt><dd>2</dd>" in html


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_dates_kept_in_the_detail_read_as_local_dates(language):
    detail = {**DETAIL, "figures": [["First contact", "2026-11-25"]], "rows": [["2026-09-03", "9 days"]]}
    with translation.override(language):
        html = render_to_string("fidelity/includes/measured_detail.html", {"detail": detail})
    assert "25.11.2026" in html and "3.9.2026" in html
    assert "2026-11-25" not in html and "2026-09-03" not in html
    assert "9 days" in html  # other text is left as it is
