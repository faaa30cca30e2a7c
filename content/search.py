"""Training search that understands Finnish and Swedish word forms.

Wagtail's database backend indexes every page with one PostgreSQL text search configuration for the whole site,
so a Finnish compound ("työnantajasuhteiden") and a Swedish plural ("förmåner") would be stemmed by the wrong
rules. Its index rows also keep each page's title and body as plain text, and that is what this module searches:
on PostgreSQL with the configuration of the page's own language (finnish, swedish) and every word of the query a
prefix, so "työnantaja" finds "Työnantajasuhteiden rakentaminen"; on SQLite (development and the normal test run)
with a regular expression that matches the beginnings of words. Either way one query per language tree.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When

# PostgreSQL's text search configurations by the page's language; others get no stemming at all.
CONFIGS = {"fi": "finnish", "sv": "swedish", "en": "english"}
MAX_WORDS = 8
# Letters and digits only: nothing of the query reaches tsquery syntax or a regular expression unescaped.
WORD = re.compile(r"[^\W_]+")


def query_words(text: str) -> list[str]:
    return WORD.findall(text.lower())[:MAX_WORDS]


def search_pages(pages, text: str, language_code: str):
    """The pages (a Page queryset in one language) matching every word of the query, best first."""
    words = query_words(text)
    if not words:
        return pages.none()
    if connection.vendor == "postgresql":
        return _full_text(pages, words, CONFIGS.get(language_code, "simple"))
    return _word_beginnings(pages, words)


def _full_text(pages, words, config):
    query = SearchQuery(" & ".join(f"'{word}':*" for word in words), search_type="raw", config=config)
    vector = SearchVector("index_entries__title_text", weight="A", config=config) + SearchVector(
        "index_entries__body_text", weight="B", config=config
    )
    return (
        pages.annotate(document=vector)
        .filter(document=query)
        .annotate(rank=SearchRank(F("document"), query))
        .order_by("-rank", "path")
    )


def _word_beginnings(pages, words):
    in_title, found = Q(), Q()
    for word in words:
        starts_a_word = rf"\b{re.escape(word)}"
        title = Q(index_entries__title__iregex=starts_a_word)
        in_title &= title
        found &= title | Q(index_entries__body__iregex=starts_a_word)
    title_first = Case(When(in_title, then=Value(0)), default=Value(1), output_field=IntegerField())
    return pages.filter(found).annotate(rank=title_first).order_by("rank", "path")
