"""Starting content of the training site, written in our own words from shared/domain.md.

A body is a list of small tuples that `seed_training` turns into StreamField blocks:
("h2", text) ("p", text) ("tip" | "note" | "warning", text) ("list", title, [points]) ("item", code)
("link", page key).
"""

from content.seed.glossary import GLOSSARY
from content.seed.pages_basics import BASICS
from content.seed.pages_practice import PRACTICE

SECTIONS = [
    {
        "key": "basics",
        "fi": {
            "title": "IPS-työhönvalmennuksen perusteet",
            "slug": "perusteet",
            "intro": "Mistä IPS-työhönvalmennus koostuu ja miten asiakkaan polku etenee.",
        },
        "sv": {
            "title": "Grunderna i IPS-arbetscoachning",
            "slug": "grunder",
            "intro": "Vad IPS-arbetscoachning består av och hur klientens väg framskrider.",
        },
        "pages": BASICS,
    },
    {
        "key": "practice",
        "fi": {
            "title": "Työ käytännössä",
            "slug": "kaytannossa",
            "intro": "Työnantajat, tuki työssä, laatuarviointi ja Polku arjen työvälineenä.",
        },
        "sv": {
            "title": "Arbetet i praktiken",
            "slug": "i-praktiken",
            "intro": "Arbetsgivare, stöd i arbetet, kvalitetsbedömning och Polku som verktyg i vardagen.",
        },
        "pages": PRACTICE,
    },
]

HOME = {
    "fi": {
        "title": "Koulutusmateriaali",
        "slug": "koulutus",
        "intro": (
            "Lyhyitä oppaita IPS-työhönvalmennuksesta työkyvyn tuen ammattilaisille: työhönvalmentajille, "
            "sairaanhoitajille, sosiaalityöntekijöille, fysioterapeuteille sekä Kelan ja työllisyyspalvelujen "
            "asiantuntijoille."
        ),
    },
    "sv": {
        "title": "Utbildningsmaterial",
        "slug": "utbildning",
        "intro": (
            "Korta guider om IPS-arbetscoachning för yrkesfolk inom stöd för arbetsförmåga: arbetscoacher, "
            "sjukskötare, socialarbetare, fysioterapeuter samt experter vid FPA och sysselsättningstjänsterna."
        ),
    },
}

__all__ = ["GLOSSARY", "HOME", "SECTIONS"]
