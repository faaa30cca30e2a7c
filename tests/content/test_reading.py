"""Reading the training site: who may read, which language version, search and tag filters."""

import pytest
from django.urls import reverse

from content.models import TrainingPage


def test_a_signed_out_visitor_is_sent_to_log_in(client, training):
    response = client.get("/training/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_training_is_readable_without_login_when_the_setting_makes_it_public(client, training, settings):
    settings.TRAINING_PUBLIC = True
    response = client.get(training("disclosure").url)
    assert response.status_code == 200
    assert "Mark as read" not in response.text and "Merkitse luetuksi" not in response.text


def test_the_menu_entry_leads_every_signed_in_user_to_the_training_home(as_user, coach_a, training):
    browser = as_user(coach_a)
    response = browser.get(reverse("ips:home"), follow=True)
    assert reverse("content:home") in response.text
    response = browser.get(reverse("content:home"))
    assert response.status_code == 302 and response["Location"] == "/training/"


def test_the_finnish_reader_gets_the_finnish_home_with_polkus_layout(as_user, coach_a, training):
    response = as_user(coach_a).get("/training/")
    assert response.status_code == 200
    assert '<html lang="fi">' in response.text
    assert "Koulutusmateriaali" in response.text
    assert training("ips-principles").title in response.text
    assert 'class="language-switcher"' in response.text


def test_the_swedish_reader_gets_the_swedish_page(as_user, coach_a, training):
    coach_a.language = "sv"
    coach_a.save()
    browser = as_user(coach_a)
    assert "Utbildningsmaterial" in browser.get("/training/").text
    finnish, swedish = training("disclosure"), training("disclosure", "sv")
    response = browser.get(finnish.url)
    assert response.status_code == 302 and response["Location"] == swedish.url
    response = browser.get(swedish.url)
    assert response.status_code == 200
    assert '<html lang="sv">' in response.text
    assert swedish.title in response.text


def test_a_finnish_reader_following_a_swedish_link_gets_the_finnish_page(as_user, coach_a, training):
    response = as_user(coach_a).get(training("disclosure", "sv").url)
    assert response.status_code == 302 and response["Location"] == training("disclosure").url


def test_a_page_not_yet_in_swedish_is_shown_in_finnish(as_user, coach_a, training):
    section = training("basics")
    page = section.add_child(instance=TrainingPage(title="Vain suomeksi", slug="vain-suomeksi", intro="Luonnos."))
    coach_a.language = "sv"
    coach_a.save()
    response = as_user(coach_a).get(page.url)
    assert response.status_code == 200
    assert "Vain suomeksi" in response.text


def test_search_finds_a_page_by_a_word_in_its_body(as_user, coach_a, training):
    response = as_user(coach_a).get("/training/", {"q": "lepäämään"})
    assert response.status_code == 200
    results = response.context["results"]
    assert [page.title for page in results] == [training("benefits-counselling").title]


def test_search_in_swedish_finds_the_swedish_page(as_user, coach_a, training):
    coach_a.language = "sv"
    coach_a.save()
    response = as_user(coach_a).get("/training/", {"q": "lönesubvention"})
    titles = {page.title for page in response.context["results"]}
    assert training("euse-stages", "sv").title in titles
    assert all(page.locale.language_code == "sv" for page in response.context["results"])


def test_the_glossary_is_searchable_too(as_user, coach_a, training):
    response = as_user(coach_a).get("/training/", {"q": "Kykyviisari"})
    assert training("glossary").title in {page.title for page in response.context["results"]}


@pytest.mark.parametrize(
    ("param", "code", "expected", "not_expected"),
    [
        ("item", "V2", "disclosure", "fidelity-review"),
        ("principle", "benefits-counselling", "benefits-counselling", "follow-along"),
        ("stage", "stage-5", "follow-along", "disclosure"),
    ],
)
def test_the_training_filters_by_each_tag_group(as_user, coach_a, training, param, code, expected, not_expected):
    response = as_user(coach_a).get("/training/", {param: code})
    titles = {page.title for page in response.context["results"]}
    assert training(expected).title in titles
    assert training(not_expected).title not in titles


def test_a_section_filters_its_own_pages_by_tag_and_search(as_user, coach_a, training):
    section = training("practice")
    response = as_user(coach_a).get(section.url, {"item": "V6", "q": "työnantajia"})
    results = response.context["results"]
    # On PostgreSQL the Finnish stem also finds "Työnantajakontaktit" in another V6 page of the section.
    assert results[0].title == training("employer-relationships").title
    assert all(
        page.path.startswith(section.path) and "V6" in page.fidelity_items.values_list("code", flat=True)
        for page in results
    )


def test_an_unknown_tag_is_an_error_next_to_the_field_not_a_crash(as_user, coach_a, training):
    response = as_user(coach_a).get("/training/", {"item": "X99"})
    assert response.status_code == 200
    assert response.context["filter_form"].errors["item"]


def test_tags_on_a_page_link_to_the_filtered_listing(as_user, coach_a, training):
    browser = as_user(coach_a)
    response = browser.get(training("disclosure").url)
    link = reverse("content:home") + "?item=V2"
    assert link in response.text
    assert browser.get(link)["Location"] == "/training/?item=V2"


def test_the_fidelity_fragment_lists_pages_tagged_with_the_item_in_the_readers_language(as_user, coach_a, training):
    browser = as_user(coach_a)
    url = reverse("content:pages_for_item", args=["V2"])
    response = browser.get(url)
    assert response.status_code == 200
    assert "<html" not in response.text
    assert training("disclosure").title in response.text
    assert training("follow-along").title not in response.text
    coach_a.language = "sv"
    coach_a.save()
    assert training("disclosure", "sv").title in browser.get(url).text


def test_the_fidelity_fragment_says_when_no_page_is_tagged_and_404s_on_unknown_codes(as_user, coach_a, training):
    browser = as_user(coach_a)
    fragment = browser.get(reverse("content:pages_for_item", args=["S1"])).text
    assert "Tähän kohtaan ei ole vielä koulutussivuja." in fragment
    assert browser.get(reverse("content:pages_for_item", args=["Z9"])).status_code == 404


def test_the_fidelity_fragment_needs_a_signed_in_reader(client, training):
    assert client.get(reverse("content:pages_for_item", args=["V2"])).status_code == 302


def test_the_page_link_fragment_gives_the_readers_language_version_of_whichever_version_it_is_asked_for(
    as_user, coach_a, training
):
    finnish, swedish = training("disclosure"), training("disclosure", "sv")
    browser = as_user(coach_a)
    for asked in (finnish, swedish):
        fragment = browser.get(reverse("content:page_link", args=[asked.pk])).text
        assert "<html" not in fragment
        assert f'<a href="{finnish.url}">{finnish.title}</a>' in fragment
    coach_a.language = "sv"
    coach_a.save()
    for asked in (finnish, swedish):
        fragment = browser.get(reverse("content:page_link", args=[asked.pk])).text
        assert f'<a href="{swedish.url}">{swedish.title}</a>' in fragment


def test_the_page_link_fragment_falls_back_to_the_finnish_page_marked_as_finnish(as_user, coach_a, training):
    page = training("basics").add_child(instance=TrainingPage(title="Vain suomeksi", slug="vain-suomeksi", intro="."))
    coach_a.language = "sv"
    coach_a.save()
    fragment = as_user(coach_a).get(reverse("content:page_link", args=[page.pk])).text
    assert f'<a href="{page.url}" lang="fi">Vain suomeksi</a>' in fragment


def test_the_page_link_fragment_needs_a_signed_in_reader_and_a_published_page(client, as_user, coach_a, training):
    page = training("disclosure")
    assert client.get(reverse("content:page_link", args=[page.pk])).status_code == 302
    page.unpublish()
    assert as_user(coach_a).get(reverse("content:page_link", args=[page.pk])).status_code == 404
