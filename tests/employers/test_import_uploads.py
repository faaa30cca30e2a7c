"""The import's upload form with hostile files: a message next to the file field, never a server error, no run."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from employers.models import ImportRun
from tests.hostile import assert_errors_next_to_fields

pytestmark = pytest.mark.django_db

HOSTILE_FILES = [
    ("rikki.xlsx", b"PK\x03\x04 not really a zip"),
    ("kuva.xlsx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200),
    ("tyhja.csv", b""),
    ("binaari.csv", bytes(range(256)) * 4),
    ("vain-otsikot.csv", b"Nimi;Y-tunnus\r\n"),
    ("vanha.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100),
    ("skripti.html", b"<script>alert(1)</script>"),
    ("=cmd.csv", b"=cmd|' /C calc'!A0;x\r\n"),
]


@pytest.mark.parametrize(("name", "content"), HOSTILE_FILES, ids=[name for name, _content in HOSTILE_FILES])
def test_a_hostile_file_gets_a_message_and_makes_no_run(as_user, supervisor_a, team_a, name, content):
    response = as_user(supervisor_a).post(
        reverse("employers:import_list"),
        {"kind": "employers", "team": team_a.pk, "file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors.get("file"), form.errors
    assert_errors_next_to_fields(response.content, form)
    assert ImportRun.objects.count() == 0


def test_a_file_over_the_size_limit_is_refused(as_user, supervisor_a, team_a, settings):
    settings.IMPORT_MAX_BYTES = 100
    response = as_user(supervisor_a).post(
        reverse("employers:import_list"),
        {"kind": "employers", "team": team_a.pk, "file": SimpleUploadedFile("iso.csv", b"Nimi\r\n" + b"x\r\n" * 100)},
    )
    assert response.context["form"].errors["file"]
    assert ImportRun.objects.count() == 0


def test_another_organisations_team_is_not_a_choice(as_user, supervisor_a, org_admin_b, team_a):
    response = as_user(org_admin_b).post(
        reverse("employers:import_list"),
        {"kind": "employers", "team": team_a.pk, "file": SimpleUploadedFile("e.csv", b"Nimi\r\nOy\r\n")},
    )
    assert response.context["form"].errors.get("team")
    assert ImportRun.objects.count() == 0


def test_the_import_page_lists_templates_and_recent_imports_in_scrollable_regions(as_user, supervisor_a):
    page = as_user(supervisor_a).get(reverse("employers:import_list")).content.decode()
    # The sections name their headings, and the templates table scrolls in a region the heading names.
    assert '<section aria-labelledby="templates-heading">\n  <h2 id="templates-heading">' in page
    assert '<div class="table-wrap" tabindex="0" role="region" aria-labelledby="templates-heading"><table>' in page
    assert '<p class="muted">Ei vielä tuonteja.</p>' in page  # no imports yet: a sentence, not an empty table
