"""Each block of a training page body renders for the reader; the video block only takes files we serve."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import NoReverseMatch, reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from content import blocks
from content.blocks import VideoBlock
from content.models import TrainingPage


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _document(title, name, content=b"data"):
    return Document.objects.create(title=title, file=ContentFile(content, name=name))


@pytest.fixture
def page_with_every_block(media, training):
    image = Image.objects.create(title="Kartta", file=get_test_image_file())
    handout = _document("Tukilomake", "tukilomake.pdf")
    video = _document("Esittelyvideo", "esittely.mp4")
    captions = _document("Tekstitys", "esittely.vtt", b"WEBVTT\n")
    target = training("follow-along")
    body = [
        {"type": "heading", "value": {"text": "Pääotsikko", "level": "h2"}},
        {"type": "heading", "value": {"text": "Alaotsikko", "level": "h3"}},
        {"type": "paragraph", "value": "<p>Tavallinen <b>kappale</b>.</p>"},
        {"type": "callout", "value": {"kind": "warning", "text": "<p>Tarkista säännöt.</p>"}},
        {"type": "checklist", "value": {"title": "Muista", "points": ["Ensimmäinen", "Toinen"]}},
        {"type": "image", "value": {"image": image.pk, "alt_text": "Kartta Vaasasta", "caption": "Toimialue"}},
        {"type": "document", "value": {"document": handout.pk, "title": ""}},
        {
            "type": "video",
            "value": {"title": "Näin aloitat", "video": video.pk, "captions": captions.pk, "transcript": "Hei."},
        },
        {"type": "fidelity_item", "value": {"code": "V4", "text": ""}},
        {"type": "page_link", "value": {"page": target.pk, "text": ""}},
    ]
    page = TrainingPage(title="Kaikki lohkot", slug="kaikki-lohkot", intro="Testi.", body=json.dumps(body))
    training("basics").add_child(instance=page)
    return page, {"image": image, "handout": handout, "video": video, "captions": captions, "target": target}


def test_every_block_renders_on_the_page(as_user, coach_a, page_with_every_block):
    page, objects = page_with_every_block
    html = as_user(coach_a).get(page.url).text
    assert "<h2>Pääotsikko</h2>" in html
    assert "<h3>Alaotsikko</h3>" in html
    assert "<b>kappale</b>" in html
    assert 'class="callout callout-warning"' in html and "Tarkista säännöt." in html
    assert "<li>Ensimmäinen</li>" in html and "Muista" in html
    assert 'alt="Kartta Vaasasta"' in html and "<figcaption>Toimialue</figcaption>" in html
    assert f'href="{objects["handout"].url}"' in html and "Tukilomake" in html and "PDF" in html
    assert f'src="{objects["video"].url}"' in html and f'src="{objects["captions"].url}"' in html
    assert 'kind="captions"' in html and "Näin aloitat" in html
    assert "V4 Nopea työnhaku" in html
    assert f'href="{objects["target"].url}"' in html


def test_the_image_is_served_by_polku_to_signed_in_readers_only(client, as_user, coach_a, page_with_every_block):
    page, _objects = page_with_every_block
    html = as_user(coach_a).get(page.url).text
    src = html.split('<img src="', 1)[1].split('"', 1)[0]
    assert src.startswith("/learning/images/")
    assert client.get(src).status_code == 200
    client.logout()
    assert client.get(src).status_code == 302


def test_documents_need_a_signed_in_reader(client, page_with_every_block):
    _page, objects = page_with_every_block
    assert client.get(objects["handout"].url).status_code == 302


def test_a_link_to_a_training_page_leads_the_swedish_reader_to_the_swedish_version(
    as_user, coach_a, training, page_with_every_block
):
    page, _objects = page_with_every_block
    coach_a.language = "sv"
    coach_a.save()
    html = as_user(coach_a).get(page.url).text  # no Swedish version: shown in Finnish
    assert f'href="{training("follow-along", "sv").url}"' in html
    assert "V4 Snabbt arbetssökande" in html


def test_the_fidelity_item_links_to_the_fidelity_apps_item_page(as_user, coach_a, training):
    html = as_user(coach_a).get(training("disclosure").url).text
    url = reverse("fidelity:item_detail", kwargs={"code": "V2"})
    assert f'<a href="{url}">V2 Työnantajalle kertominen</a>' in html


def test_the_fidelity_item_is_plain_text_where_the_fidelity_app_has_no_item_page(
    as_user, coach_a, training, monkeypatch
):
    def no_such_url(*args, **kwargs):
        raise NoReverseMatch

    monkeypatch.setattr(blocks, "reverse", no_such_url)
    html = as_user(coach_a).get(training("disclosure").url).text
    assert "<strong>V2 Työnantajalle kertominen</strong>" in html


def _video_value(video, captions=None, transcript=""):
    block = VideoBlock()
    return block, block.to_python({"title": "Video", "video": video.pk, "captions": captions, "transcript": transcript})


def test_the_video_block_refuses_files_a_browser_cannot_play(media, db):
    block, value = _video_value(_document("Esite", "esite.pdf"), transcript="Teksti")
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert "video" in error.value.block_errors


def test_the_video_block_needs_captions_or_a_transcript(media, db):
    video = _document("Video", "video.webm")
    block, value = _video_value(video)
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert "transcript" in error.value.block_errors
    block, value = _video_value(video, transcript="Mitä videolla sanotaan.")
    assert block.clean(value)["transcript"]
