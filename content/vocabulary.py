"""The fixed tag vocabulary of training pages: IPS principles, EUSE stages and fidelity item codes.

Plain data, so that the data migration and `seed_training` load the same rows. Names are written in our own words
(THL's Finnish and Swedish wording of the fidelity scale is not available to us). Content may not import fidelity,
so the fidelity item codes and short names live here as well.
"""

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

FIDELITY_ITEMS = [
    ("S1", "Asiakasmäärä valmentajaa kohden", "Antal klienter per arbetskonsulent", "Caseload size"),
    ("S2", "Työaika työhönvalmennukseen", "Arbetstid för arbetsinriktat stöd", "Employment services staff"),
    ("S3", "Valmentaja tekee kaikki vaiheet", "Konsulenten sköter alla faser", "Vocational generalists"),
    ("O1", "Kuuluminen hoitotiimiin", "Tillhörighet till behandlingsteam", "Integration via team assignment"),
    (
        "O2",
        "Tiivis yhteistyö hoitotiimin kanssa",
        "Täta kontakter med behandlingsteamet",
        "Integration via frequent team contact",
    ),
    (
        "O3",
        "Yhteistyö työllisyyspalvelujen ja Kelan kanssa",
        "Samarbete med sysselsättningstjänster och FPA",
        "Collaboration with employment and rehabilitation agencies",
    ),
    ("O4", "Työhönvalmennusyksikkö", "Enhet för arbetsinriktat stöd", "Vocational unit"),
    ("O5", "Tiimin vetäjän rooli", "Teamledarens roll", "Employment supervisor role"),
    ("O6", "Ei poissulkemista", "Ingen utestängning", "Zero exclusion"),
    ("O7", "Organisaation työhön suuntaava ote", "Organisationens fokus på arbete", "Agency focus on competitive work"),
    ("O8", "Johdon tuki", "Ledningens stöd", "Executive team support"),
    ("V1", "Etuusneuvonta", "Förmånsrådgivning", "Work incentives planning"),
    ("V2", "Terveystiedon kertominen työnantajalle", "Att berätta om hälsan för arbetsgivaren", "Disclosure"),
    ("V3", "Jatkuva työssä tapahtuva arviointi", "Fortlöpande bedömning i arbetet", "Ongoing work-based assessment"),
    ("V4", "Nopea työnhaku", "Snabb arbetssökning", "Rapid job search"),
    ("V5", "Yksilöllinen työnhaku", "Individuell arbetssökning", "Individualised job search"),
    ("V6", "Tiheät työnantajakontaktit", "Täta arbetsgivarkontakter", "Job development: frequent employer contact"),
    ("V7", "Työnantajakontaktien laatu", "Kvaliteten på arbetsgivarkontakterna", "Job development: quality"),
    ("V8", "Monenlaiset työtehtävät", "Olika slags arbetsuppgifter", "Diversity of job types"),
    ("V9", "Monet eri työnantajat", "Många olika arbetsgivare", "Diversity of employers"),
    ("V10", "Työ avoimilla työmarkkinoilla", "Arbete på den öppna arbetsmarknaden", "Competitive jobs"),
    ("V11", "Yksilöllinen tuki työssä", "Individuellt stöd i arbetet", "Individualised follow-along supports"),
    ("V12", "Aikarajaton tuki työssä", "Tidsobegränsat stöd i arbetet", "Time-unlimited follow-along supports"),
    ("V13", "Työ tehdään lähiympäristössä", "Arbetet görs ute i samhället", "Community-based services"),
    (
        "V14",
        "Aktiivinen yhteydenpito ja jalkautuminen",
        "Aktiv kontakt och uppsökande arbete",
        "Assertive engagement and outreach",
    ),
]

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
