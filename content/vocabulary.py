"""The fixed tag vocabulary of training pages: IPS principles, EUSE stages and fidelity item codes.

Plain data, so that the data migration and `seed_training` load the same rows. Names are written in our own words
(THL's Finnish and Swedish wording of the fidelity scale is not available to us). The fidelity item codes and names
are ips.scale_items' (the one list that fidelity's scale rows agree with).
"""

from ips.scale_items import IPS25_ITEMS

PRINCIPLE = "principle"
STAGE = "stage"
FIDELITY_ITEM = "fidelity_item"

# (code, Finnish, Swedish, English)
PRINCIPLES = [
    (
        "competitive-work",
        "Tavoitteena työ avoimilla työmarkkinoilla",
        "Målet är arbete på den öppna arbetsmarknaden",
        "Competitive employment is the goal",
    ),
    ("zero-exclusion", "Kaikki halukkaat mukaan", "Alla som vill får delta", "Zero exclusion"),
    (
        "integrated-services",
        "Työhönvalmennus osana hoitoa ja kuntoutusta",
        "Arbetsinriktat stöd som en del av vård och rehabilitering",
        "Integration with treatment teams",
    ),
    ("client-preferences", "Asiakkaan toiveet ohjaavat", "Personens önskemål styr", "Attention to client preferences"),
    (
        "benefits-counselling",
        "Henkilökohtainen etuusneuvonta",
        "Personlig förmånsrådgivning",
        "Personalised benefits counselling",
    ),
    ("rapid-job-search", "Nopea työnhaku", "Snabb arbetssökning", "Rapid job search"),
    (
        "job-development",
        "Järjestelmällinen työnantajayhteistyö",
        "Systematiska arbetsgivarkontakter",
        "Systematic job development",
    ),
    (
        "time-unlimited-support",
        "Yksilöllinen ja aikarajaton tuki",
        "Individuellt och tidsobegränsat stöd",
        "Time-unlimited, individualised support",
    ),
]

STAGES = [
    (
        "stage-1",
        "1. Palveluun hakeutuminen ja sopiminen asiakkaan kanssa",
        "1. Kontakt och överenskommelse med klienten",
        "1. Engagement",
    ),
    (
        "stage-2",
        "2. Osaamisen kartoittaminen ja ammatillinen profilointi",
        "2. Kartläggning av kompetens och yrkesprofil",
        "2. Vocational profile",
    ),
    (
        "stage-3",
        "3. Nopea työn etsintä avoimilta työmarkkinoilta",
        "3. Snabb arbetssökning på den öppna arbetsmarknaden",
        "3. Job finding",
    ),
    (
        "stage-4",
        "4. Työskentely ja tuesta sopiminen työnantajan kanssa",
        "4. Samarbete och överenskommelse om stöd med arbetsgivaren",
        "4. Employer engagement",
    ),
    (
        "stage-5",
        "5. Työsuhteen tukeminen ja tuki työn ulkopuolella",
        "5. Stöd i anställningen och utanför arbetet",
        "5. On- and off-the-job support",
    ),
]

# The scale's item names come from their one list in ips (content may import ips, never fidelity).
FIDELITY_ITEMS = [(item.code, item.fi, item.sv, item.en) for item in IPS25_ITEMS]

FIDELITY_CODES = [code for code, *_ in FIDELITY_ITEMS]


def topic_rows():
    """Every topic as (kind, code, name_fi, name_sv, name_en, order)."""
    for kind, rows in ((PRINCIPLE, PRINCIPLES), (STAGE, STAGES), (FIDELITY_ITEM, FIDELITY_ITEMS)):
        for order, (code, fi, sv, en) in enumerate(rows, start=1):
            yield kind, code, fi, sv, en, order


def ensure_topics(topic_model):
    """Create or refresh the vocabulary; takes the model so a migration can pass its historical one."""
    for kind, code, fi, sv, en, order in topic_rows():
        topic_model.objects.update_or_create(
            code=code, defaults={"kind": kind, "name_fi": fi, "name_sv": sv, "name_en": en, "order": order}
        )
