"""Two sessions edit the same row: the second save is refused, nothing is overwritten, and both values are shown.

For every edit form of an existing row (tests/trust/cases.py EDITS): the first session saves, the second sends its
own different values based on what it loaded. It gets its form back with its typing kept, the other person's
value beside each field they differ in, and a fresh fingerprint: sending that again replaces the first save.
"""

import pytest
from bs4 import BeautifulSoup
from django.forms.models import model_to_dict

from ips.forms.trust import FINGERPRINT_FIELD, NO_ROW
from tests.trust.cases import EDITS, merged, send

pytestmark = pytest.mark.django_db


def _saved(row):
    return model_to_dict(type(row)._base_manager.get(pk=row.pk))


@pytest.mark.parametrize("walk", EDITS, ids=lambda walk: walk.id)
def test_a_stale_save_is_refused_and_shows_both_values(walk, world, browser_for):
    row = walk.row(world)
    first, second = browser_for(walk.user), browser_for(walk.user)
    loaded = [walk.form_data(world, b.get(walk.page_url(world)).content, FINGERPRINT_FIELD) for b in (first, second)]
    fingerprint = loaded[1][walk.name(FINGERPRINT_FIELD)][0]
    assert fingerprint not in ("", NO_ROW), "the edit form carries no fingerprint of the row"

    saved = send(first, walk, world, merged(loaded[0], walk, walk.valid(world)))
    assert saved.status_code == 302, saved.context and saved.context["form"].errors
    theirs = _saved(row)
    mine = {**walk.valid(world), **walk.change}
    refused = send(second, walk, world, merged(loaded[1], walk, mine))

    assert refused.status_code == 200, "the stale save was not refused"
    assert _saved(row) == theirs, "the stale save overwrote the first one"
    form = refused.context["form"]
    assert set(form.saved_meanwhile) >= set(walk.change)
    soup = BeautifulSoup(refused.content.decode(), "html.parser")
    assert soup.select(".form-errors"), "the refusal is not in the form's error box"
    again = walk.form_data(world, refused.content, FINGERPRINT_FIELD)
    for name, value in walk.change.items():
        field = form[name]
        note = soup.find(id=f"{field.auto_id}_meanwhile")
        assert note is not None and form.saved_meanwhile[name] in note.get_text(), f"{name}: their value not shown"
        assert again[walk.name(name)] == [value], f"{name}: the user's own input was not kept"
    assert again[walk.name(FINGERPRINT_FIELD)] != [fingerprint], "the form was not re-issued on the new row"

    assert send(second, walk, world, again).status_code == 302, "saving again did not replace their values"
    now = _saved(row)
    for name, value in walk.change.items():
        assert str(now[name]) == value
