"""Uploads happen only in the CMS (content editors' documents and images): limited in size and in type."""

import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils.html import escape
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, GroupCollectionPermission

from content.management.commands.seed_training import COLLECTION_PERMISSIONS

pytestmark = pytest.mark.django_db

SCRIPT_SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
SCRIPT_HTML = b"<html><body><script>fetch('/clients/').then(r => r.text())</script></body></html>"
WINDOWS_PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


@pytest.fixture
def editor(content_editor, settings, tmp_path):
    """A content editor with the upload rights seed_training grants; files go to a throwaway MEDIA_ROOT."""
    settings.MEDIA_ROOT = tmp_path
    collection = Collection.get_first_root_node()
    group = content_editor.groups.get()
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for app_label, codenames in COLLECTION_PERMISSIONS.items():
        for permission in Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames):
            GroupCollectionPermission.objects.create(group=group, collection=collection, permission=permission)
    return content_editor


def _upload(client, url_name, name, content):
    file = io.BytesIO(content)
    file.name = name
    collection = Collection.get_first_root_node()
    return client.post(reverse(url_name), {"title": name, "file": file, "collection": collection.pk})


def _assert_refused_with_a_message_at_the_file(response):
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert errors and all(escape(error) in response.content.decode() for error in errors)
    return " ".join(errors)


def _stored_files(root):
    return [path for path in root.rglob("*") if path.is_file()]


def _png(size=(4, 4)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "white").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("ohje.exe", WINDOWS_PROGRAM, '"exe" ei ole sallittu'),
        ("ohje.html", SCRIPT_HTML, '"html" ei ole sallittu'),
        ("ohje.svg", SCRIPT_SVG, '"svg" ei ole sallittu'),
        ("ohje.pdf", WINDOWS_PROGRAM, "ei ole .pdf-asiakirja"),
        ("ohje.docx", SCRIPT_HTML, "ei ole .docx-asiakirja"),
        ("ohje.txt", WINDOWS_PROGRAM, "ei ole .txt-asiakirja"),
    ],
    ids=["exe", "html", "svg", "program-as-pdf", "html-as-docx", "program-as-txt"],
)
def test_a_document_of_the_wrong_type_is_refused_with_a_message(as_user, editor, settings, name, content, message):
    response = _upload(as_user(editor), "wagtaildocs:add", name, content)
    assert message in _assert_refused_with_a_message_at_the_file(response)
    assert Document.objects.count() == 0
    assert _stored_files(settings.MEDIA_ROOT) == []


def test_an_oversized_document_is_refused_with_a_message(as_user, editor, settings):
    content = b"%PDF-1.7\n" + b"0" * settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    response = _upload(as_user(editor), "wagtaildocs:add", "iso.pdf", content)
    assert "liian suuri" in _assert_refused_with_a_message_at_the_file(response)
    assert Document.objects.count() == 0
    assert _stored_files(settings.MEDIA_ROOT) == []


def test_the_multiple_upload_refuses_a_renamed_program_too(as_user, editor, settings):
    file = io.BytesIO(WINDOWS_PROGRAM)
    file.name = "ohje.pdf"
    response = as_user(editor).post(reverse("wagtaildocs:add_multiple"), {"files[]": file})
    assert response.json()["success"] is False
    assert Document.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content"), [("ohje.pdf", b"%PDF-1.7\n%%EOF\n"), ("ohje.txt", "Hyvä ohje".encode())], ids=["pdf", "txt"]
)
def test_a_real_document_is_accepted(as_user, editor, settings, name, content):
    response = _upload(as_user(editor), "wagtaildocs:add", name, content)
    assert response.status_code == 302
    assert Document.objects.count() == 1
    assert len(_stored_files(settings.MEDIA_ROOT)) == 1


@pytest.mark.parametrize(
    ("name", "content"),
    [("kuva.svg", SCRIPT_SVG), ("kuva.png", SCRIPT_HTML), ("kuva.exe", WINDOWS_PROGRAM), ("kuva.html", SCRIPT_HTML)],
    ids=["svg-with-script", "html-as-png", "exe", "html"],
)
def test_an_image_of_the_wrong_type_is_refused_with_a_message(as_user, editor, settings, name, content):
    response = _upload(as_user(editor), "wagtailimages:add", name, content)
    _assert_refused_with_a_message_at_the_file(response)
    assert Image.objects.count() == 0
    assert _stored_files(settings.MEDIA_ROOT) == []


def test_an_oversized_image_is_refused_with_a_message(as_user, editor, settings):
    content = _png() + b"\x00" * settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    response = _upload(as_user(editor), "wagtailimages:add", "kuva.png", content)
    assert "liian suuri" in _assert_refused_with_a_message_at_the_file(response)
    assert Image.objects.count() == 0


def test_a_real_image_is_accepted(as_user, editor, settings):
    response = _upload(as_user(editor), "wagtailimages:add", "kuva.png", _png())
    assert response.status_code == 302
    assert Image.objects.count() == 1
