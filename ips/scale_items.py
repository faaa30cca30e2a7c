"""The 25 items of the IPS fidelity scale (2008 revision): codes, sections and short names in fi, sv and en.

The one list of the item names. Fidelity's scale rows (fidelity.ScaleItem, loaded by its data migration) must agree
with it, content's topic vocabulary and its "fidelity item" block read it, and reports and Excel files print the
scale rows, never a list of their own: tests/fidelity/test_item_names.py fails on a second copy. It lives in ips
because both fidelity and content (which may import ips only) read it. Names are our own words (THL's Finnish and
Swedish wording is not available to us).
"""

from typing import NamedTuple


class ScaleItemName(NamedTuple):
    code: str
    section: str
    fi: str
    sv: str
    en: str


IPS25_ITEMS: tuple[ScaleItemName, ...] = (
    ScaleItemName(
        "S1", "S", "Asiakasmäärä työhönvalmentajaa kohden", "Antal klienter per arbetscoach", "Caseload size"
    ),
    ScaleItemName(
        "S2",
        "S",
        "Työaika työllistymistä tukevaan työhön",
        "Arbetstid för sysselsättningsstöd",
        "Time spent on employment services",
    ),
    ScaleItemName(
        "S3", "S", "Työhönvalmentaja hoitaa kaikki vaiheet", "Arbetscoachen sköter alla faser", "Vocational generalists"
    ),
    ScaleItemName(
        "O1", "O", "Kiinnittyminen hoitotiimeihin", "Tillhörighet till vårdteam", "Integration through team assignment"
    ),
    ScaleItemName(
        "O2",
        "O",
        "Tiivis yhteistyö hoitotiimin kanssa",
        "Täta kontakter med vårdteamet",
        "Integration through frequent team contact",
    ),
    ScaleItemName(
        "O3",
        "O",
        "Yhteistyö työllisyyspalvelujen ja Kelan kanssa",
        "Samarbete med sysselsättningstjänsterna och FPA",
        "Collaboration with employment services and Kela",
    ),
    ScaleItemName("O4", "O", "Työhönvalmennusyksikkö", "Arbetscoachningsenhet", "Vocational unit"),
    ScaleItemName("O5", "O", "Esihenkilön rooli", "Chefens roll", "Role of the employment supervisor"),
    ScaleItemName("O6", "O", "Ei poissulkukriteerejä", "Inga uteslutningskriterier", "Zero exclusion criteria"),
    ScaleItemName(
        "O7",
        "O",
        "Organisaation suuntautuminen avoimille työmarkkinoille",
        "Organisationens inriktning på den öppna arbetsmarknaden",
        "Agency focus on competitive employment",
    ),
    ScaleItemName("O8", "O", "Johdon tuki", "Ledningens stöd", "Executive team support"),
    ScaleItemName("V1", "V", "Etuusneuvonta", "Förmånsrådgivning", "Work incentives planning (benefits counselling)"),
    ScaleItemName("V2", "V", "Työnantajalle kertominen", "Att berätta för arbetsgivaren", "Disclosure"),
    ScaleItemName(
        "V3",
        "V",
        "Jatkuva, työhön perustuva arviointi",
        "Fortlöpande, arbetsbaserad bedömning",
        "Ongoing, work-based vocational assessment",
    ),
    ScaleItemName("V4", "V", "Nopea työnhaku", "Snabbt arbetssökande", "Rapid job search"),
    ScaleItemName("V5", "V", "Yksilöllinen työnhaku", "Individuellt arbetssökande", "Individualised job search"),
    ScaleItemName(
        "V6",
        "V",
        "Työnantajakontaktit: määrä",
        "Arbetsgivarkontakter: antal",
        "Job development: frequent employer contact",
    ),
    ScaleItemName(
        "V7",
        "V",
        "Työnantajakontaktit: laatu",
        "Arbetsgivarkontakter: kvalitet",
        "Job development: quality of employer contact",
    ),
    ScaleItemName("V8", "V", "Erilaiset työtehtävät", "Variation i arbetsuppgifter", "Diversity of job types"),
    ScaleItemName("V9", "V", "Erilaiset työnantajat", "Variation bland arbetsgivare", "Diversity of employers"),
    ScaleItemName(
        "V10", "V", "Työ avoimilla työmarkkinoilla", "Arbete på den öppna arbetsmarknaden", "Competitive jobs"
    ),
    ScaleItemName(
        "V11", "V", "Yksilöllinen tuki työssä", "Individuellt stöd i arbetet", "Individualised follow-along supports"
    ),
    ScaleItemName(
        "V12", "V", "Ajallisesti rajaamaton tuki", "Tidsobegränsat stöd", "Time-unlimited follow-along supports"
    ),
    ScaleItemName("V13", "V", "Palvelut arjen ympäristöissä", "Tjänster ute i samhället", "Community-based services"),
    ScaleItemName(
        "V14",
        "V",
        "Aktiivinen yhteydenpito ja tavoittaminen",
        "Aktivt uppsökande och kontakt",
        "Assertive engagement and outreach",
    ),
)

IPS25_CODES: tuple[str, ...] = tuple(item.code for item in IPS25_ITEMS)
