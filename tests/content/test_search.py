"""Training search: Finnish and Swedish word forms, word beginnings, the empty result, pages in another language."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.models import TrainingPage
from content.search import query_words

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's finnish and swedish rules")


def _titles(response):
    return [page.title for page in response.context["results"]]


def _speaking(user, language):
    user.language = language
    user.save()
    return user


def test_a_finnish_word_finds_the_compound_it_begins(as_user, coach_a, training):
    response = as_user(coach_a).get("/training/", {"q": "työnantaja"})
    assert response.status_code == 200
    assert training("employer-relationships").title in _titles(response)
    assert "Työnantajasuhteiden rakentaminen" in response.text


def test_a_swedish_word_finds_its_plural(as_user, coach_a, training):
    response = as_user(_speaking(coach_a, "sv")).get("/training/", {"q": "förmån"})
    assert training("benefits-counselling", "sv").title in _titles(response)
    assert all(page.locale.language_code == "sv" for page in response.context["results"])


def test_a_word_is_matched_from_its_beginning_not_from_its_middle(as_user, coach_a, training):
    section = training("basics")
    section.add_child(instance=TrainingPage(title="Sijoittajat", slug="sijoittajat", intro="Rahoitus."))
    browser = as_user(coach_a)
    assert "Sijoittajat" in _titles(browser.get("/training/", {"q": "sijoitta"}))
    assert "Sijoittajat" not in _titles(browser.get("/training/", {"q": "ittajat"}))


def test_every_word_of_the_query_must_match(as_user, coach_a, training):
    browser = as_user(coach_a)
    titles = _titles(browser.get("/training/", {"q": "työnantaja rakentaminen"}))
    assert titles[0] == training("employer-relationships").title
    assert _titles(browser.get("/training/", {"q": "työnantaja xyzzyqq"})) == []


def test_an_empty_result_says_no_pages_match_and_offers_the_topics(as_user, coach_a, training):
    response = as_user(coach_a).get("/training/", {"q": "xyzzyqq"})
    assert response.status_code == 200
    assert response.context["results"] == []
    text = response.text
    assert "Yksikään sivu ei vastaa hakua" in text
    assert "Täällä ei ole vielä koulutussivuja." not in text
    principle = response.context["browse_topics"][0]
    assert f'?principle={principle.code}"' in text and principle.name in text


def test_the_topic_offered_after_an_empty_search_lists_its_pages(as_user, coach_a, training):
    browser = as_user(coach_a)
    topics = browser.get("/training/", {"q": "xyzzyqq"}).context["browse_topics"]
    stage = next(topic for topic in topics if topic.kind == "stage" and topic.code == "stage-5")
    assert training("follow-along").title in _titles(browser.get("/training/", {stage.filter_param: stage.code}))


def test_the_english_reader_finds_finnish_and_swedish_pages_with_a_note(as_user, coach_a, training):
    browser = as_user(_speaking(coach_a, "en"))
    response = browser.get("/training/", {"q": "työnantaja"})
    found = {page.title: page for page in response.context["results"]}
    assert found[training("employer-relationships").title].language_code == "fi"
    assert "Language: Finnish, not translated yet" in response.text
    assert 'lang="fi"' in response.text
    response = browser.get("/training/", {"q": "förmån"})
    assert training("benefits-counselling", "sv").title in _titles(response)
    assert "Language: Swedish, not translated yet" in response.text


def test_a_page_found_in_two_languages_is_listed_once_for_the_english_reader(as_user, coach_a, training):
    response = as_user(_speaking(coach_a, "en")).get("/training/", {"q": "ips"})
    keys = [page.translation_key for page in response.context["results"]]
    assert keys and len(keys) == len(set(keys))


def test_the_english_reader_sees_a_note_on_untranslated_pages(as_user, coach_a, training):
    browser = as_user(_speaking(coach_a, "en"))
    assert "has not been translated into your language yet. Language: Finnish." in browser.get("/training/").text
    assert "Language: Finnish." in browser.get(training("disclosure").url).text
    coach_a.language = "fi"
    coach_a.save()
    assert "translated" not in browser.get(training("disclosure").url).text


@pytest.mark.parametrize("query", ["työ & !antaja", "'):*|", "a_b", "%_\\", "(((", "x" * 100])
def test_query_syntax_in_the_search_box_is_only_text(as_user, coach_a, training, query):
    response = as_user(coach_a).get("/training/", {"q": query})
    assert response.status_code == 200
    assert isinstance(response.context["results"], list)


def test_query_words_are_letters_and_digits_only():
    assert query_words("Työ & !antaja 'x':* a_b V13") == ["työ", "antaja", "x", "a", "b", "v13"]


def test_the_search_costs_the_same_queries_however_many_pages_match(as_user, coach_a, training):
    browser = as_user(coach_a)
    section = training("practice")

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = browser.get("/training/", {"q": "työnantajasuhteiden"})
        assert response.status_code == 200
        return len(queries), len(response.context["results"])

    count()  # the first request of a session fills Wagtail's caches (site root paths, locales)
    queries, found = count()
    for n in range(5):
        section.add_child(instance=TrainingPage(title=f"Työnantajasuhteiden osa {n}", slug=f"osa-{n}", intro="Osa."))
    assert count() == (queries, found + 5)


@on_postgresql
def test_on_postgresql_finnish_inflection_is_understood(as_user, coach_a, training):
    # "työnantajan" (genitive) and "työnantajia" (partitive plural) stem to the same word as the title's compound.
    browser = as_user(coach_a)
    assert training("employer-relationships").title in _titles(browser.get("/training/", {"q": "työnantajan"}))


@on_postgresql
def test_on_postgresql_swedish_inflection_is_understood(as_user, coach_a, training):
    browser = as_user(_speaking(coach_a, "sv"))
    assert training("benefits-counselling", "sv").title in _titles(browser.get("/training/", {"q": "förmånerna"}))
