"""The IPS-25 fidelity scale (2008 revision) as data, in Finnish, Swedish and English.

THL's official Finnish and Swedish wording is not available to us: the texts are our own, faithful to the
numeric anchors of the scale. A later or adapted scale is added the same way, as another (code, version).
"""

from django.db import migrations

# IPS-25 in our own words (fi, sv, en), faithful to the numeric anchors of the 2008 scale revision.
SCALE = {
    "code": "IPS-25",
    "version": "2008",
    "name": (
        "IPS-menetelmäuskollisuusmittari (25 osiota)",
        "IPS-metodtrohetsskala (25 punkter)",
        "IPS fidelity scale (25 items)",
    ),
}
BANDS = [
    ("exemplary", 115, ("Erinomainen menetelmäuskollisuus", "Utmärkt metodtrohet", "Exemplary fidelity")),
    ("good", 100, ("Hyvä menetelmäuskollisuus", "God metodtrohet", "Good fidelity")),
    ("fair", 74, ("Kohtalainen menetelmäuskollisuus", "Måttlig metodtrohet", "Fair fidelity")),
    ("not_ips", 0, ("Ei IPS-mallin mukainen", "Inte enligt IPS-modellen", "Not IPS")),
]
SECTIONS = [
    ("S", ("Henkilöstö", "Personal", "Staffing")),
    ("O", ("Organisaatio", "Organisation", "Organisation")),
    ("V", ("Palvelut", "Tjänster", "Services")),
]


def _pct(lo, hi=None):
    if hi is None:
        return (f"{lo} % tai enemmän", f"{lo} % eller mer", f"{lo}% or more")
    return (f"{lo}–{hi} %", f"{lo}–{hi} %", f"{lo}–{hi}%")


def _under_pct(value):
    return (f"alle {value} %", f"under {value} %", f"under {value}%")


def _count_of(total, n, *, at_most=False):
    """Anchor text for "n of total components present"."""
    if at_most:
        return (
            f"Osatekijöistä toteutuu enintään {n}/{total}.",
            f"Högst {n} av {total} delar uppfylls.",
            f"{n} or fewer of the {total} components present.",
        )
    if n == total:
        return (
            f"Kaikki {total} osatekijää toteutuvat.",
            f"Alla {total} delar uppfylls.",
            f"All {total} components present.",
        )
    return (
        f"Osatekijöistä toteutuu {n}/{total}.",
        f"{n} av {total} delar uppfylls.",
        f"{n} of the {total} components present.",
    )


ITEMS = [
    {
        "code": "S1",
        "section": "S",
        "data": "full",
        "sources": ["MIS", "DOC", "INT"],
        "name": ("Asiakasmäärä työhönvalmentajaa kohden", "Antal klienter per arbetscoach", "Caseload size"),
        "measures": (
            "Aktiivisten asiakkaiden määrä kokoaikaista työhönvalmentajaa kohden. Osa-aikaiset työhönvalmentajat "
            "muunnetaan kokoaikaisiksi henkilötyövuosiksi.",
            "Antal aktiva klienter per heltidsanställd arbetscoach. Arbetscoacher på deltid räknas om till "
            "heltidsekvivalenter.",
            "Active clients per full-time employment specialist. Part-time specialists are converted to full-time "
            "equivalents.",
        ),
        "anchors": [
            ("41 asiakasta tai enemmän", "41 klienter eller fler", "41 or more clients"),
            ("31–40 asiakasta", "31–40 klienter", "31–40 clients"),
            ("26–30 asiakasta", "26–30 klienter", "26–30 clients"),
            ("21–25 asiakasta", "21–25 klienter", "21–25 clients"),
            ("20 asiakasta tai vähemmän", "20 klienter eller färre", "20 or fewer clients"),
        ],
    },
    {
        "code": "S2",
        "section": "S",
        "data": "full",
        "sources": ["MIS", "DOC", "INT"],
        "name": (
            "Työaika työllistymistä tukevaan työhön",
            "Arbetstid för sysselsättningsstöd",
            "Time spent on employment services",
        ),
        "measures": (
            "Kuinka suuren osan työajastaan työhönvalmentajat käyttävät työllistymistä tukevaan työhön eivätkä "
            "esimerkiksi muuhun asiakastyöhön, päivystykseen tai hallintoon.",
            "Hur stor del av arbetstiden arbetscoacherna använder till sysselsättningsstöd och inte till exempel "
            "till annat klientarbete, jour eller administration.",
            "Share of the specialists' working time spent on employment services rather than other duties such as "
            "case management, on-call work or administration.",
        ),
        "anchors": [_under_pct(60), _pct(60, 74), _pct(75, 89), _pct(90, 95), _pct(96)],
    },
    {
        "code": "S3",
        "section": "S",
        "data": "",
        "sources": ["DOC", "INT", "OBS"],
        "name": (
            "Työhönvalmentaja hoitaa kaikki vaiheet",
            "Arbetscoachen sköter alla faser",
            "Vocational generalists",
        ),
        "measures": (
            "Hoitaako sama työhönvalmentaja itse kaikki kuusi vaihetta: asiakkaaksi ottaminen, sitouttaminen, "
            "osaamisen kartoitus, työpaikan hankinta, valmennus työssä ja jatkuva tuki työssä.",
            "Sköter samma arbetscoach själv alla sex faser: intag, engagemang, kartläggning av kompetens, "
            "jobbmatchning, coachning i arbetet och fortlöpande stöd i arbetet.",
            "Whether each specialist carries out all six phases: intake, engagement, assessment, job placement, job "
            "coaching and follow-along support.",
        ),
        "anchors": [
            (
                "Työhönvalmentaja vain ohjaa asiakkaita muille palveluntuottajille.",
                "Arbetscoachen hänvisar bara klienter till andra tjänsteproducenter.",
                "The specialist only refers clients to other providers.",
            ),
            (
                "Työhönvalmentajalla on oma asiakasjoukko, mutta työllistymispalvelut ostetaan tai ohjataan muualle.",
                "Arbetscoachen har egna klienter men sysselsättningstjänsterna köps in eller hänvisas vidare.",
                "The specialist keeps a caseload but refers clients elsewhere for employment services.",
            ),
            (
                "Työhönvalmentaja hoitaa itse 1–4 vaihetta.",
                "Arbetscoachen sköter själv 1–4 faser.",
                "The specialist carries out 1–4 phases.",
            ),
            (
                "Työhönvalmentaja hoitaa itse viisi vaihetta.",
                "Arbetscoachen sköter själv fem faser.",
                "The specialist carries out five phases.",
            ),
            (
                "Työhönvalmentaja hoitaa itse kaikki kuusi vaihetta.",
                "Arbetscoachen sköter själv alla sex faser.",
                "The specialist carries out all six phases.",
            ),
        ],
    },
    {
        "code": "O1",
        "section": "O",
        "data": "full",
        "sources": ["MIS", "DOC", "INT", "OBS"],
        "name": (
            "Kiinnittyminen hoitotiimeihin",
            "Tillhörighet till vårdteam",
            "Integration through team assignment",
        ),
        "measures": (
            "Kuinka suuri osa työhönvalmentajan asiakkaista tulee enintään kahdesta hoito- tai palvelutiimistä, "
            "joiden jäsen työhönvalmentaja on.",
            "Hur stor del av arbetscoachens klienter som kommer från högst två vård- eller serviceteam som "
            "arbetscoachen hör till.",
            "Share of the specialist's caseload that comes from the one or two treatment teams the specialist "
            "belongs to.",
        ),
        "anchors": [
            (
                "Työhönvalmennus on erillinen ohjelma; työhönvalmentaja ei kuulu hoitotiimiin.",
                "Arbetscoachningen är ett separat program; arbetscoachen hör inte till något vårdteam.",
                "Employment services are a separate programme; the specialist is not on a treatment team.",
            ),
            (
                "Työhönvalmentaja kuuluu kolmeen tai useampaan tiimiin tai ei yhteenkään.",
                "Arbetscoachen hör till tre eller fler team, eller inget.",
                "The specialist is assigned to three or more teams, or to none.",
            ),
            _under_pct(50),
            _pct(50, 89),
            _pct(90, 100),
        ],
    },
    {
        "code": "O2",
        "section": "O",
        "data": "",
        "sources": ["DOC", "INT", "OBS"],
        "name": (
            "Tiivis yhteistyö hoitotiimin kanssa",
            "Täta kontakter med vårdteamet",
            "Integration through frequent team contact",
        ),
        "measures": (
            "Montako viidestä toteutuu: 1) osallistuu hoitotiimin palavereihin viikoittain, 2) keskustelee tiimissä "
            "aktiivisesti asiakkaiden työtavoitteista, 3) kirjaa yhteiseen asiakastietojärjestelmään, 4) työtila on "
            "lähellä tiimiä, 5) auttaa tiimiä pitämään työn esillä asiakkaiden tavoitteena.",
            "Hur många av fem uppfylls: 1) deltar i vårdteamets möten varje vecka, 2) diskuterar aktivt klienternas "
            "arbetsmål i teamet, 3) dokumenterar i det gemensamma klientdatasystemet, 4) arbetsplatsen ligger nära "
            "teamet, 5) hjälper teamet att hålla arbete framme som mål för klienterna.",
            "How many of five are present: 1) attends treatment team meetings weekly, 2) takes an active part in "
            "discussing clients' work goals, 3) records in the shared client record, 4) office close to the team, "
            "5) helps the team keep work in view as a goal for clients.",
        ),
        "anchors": [_count_of(5, 1, at_most=True), _count_of(5, 2), _count_of(5, 3), _count_of(5, 4), _count_of(5, 5)],
    },
    {
        "code": "O3",
        "section": "O",
        "data": "partial",
        "sources": ["MIS", "DOC", "INT"],
        "name": (
            "Yhteistyö työllisyyspalvelujen ja Kelan kanssa",
            "Samarbete med sysselsättningstjänsterna och FPA",
            "Collaboration with employment services and Kela",
        ),
        "measures": (
            "Kuinka usein työhönvalmentajat ja esihenkilö tapaavat työllisyysalueen ja Kelan yhteyshenkilöitä ja "
            "ovat heihin yhteydessä yhteisten asiakkaiden asioissa.",
            "Hur ofta arbetscoacherna och chefen träffar kontaktpersoner vid sysselsättningsområdet och FPA och har "
            "kontakt med dem om gemensamma klienter.",
            "How often specialists and the supervisor meet counsellors of the municipal employment services and Kela, "
            "and how often they are in touch about shared clients.",
        ),
        "anchors": [
            (
                "Tapaamisia tai yhteydenpitoa harvemmin kuin neljännesvuosittain.",
                "Möten eller kontakter mer sällan än en gång per kvartal.",
                "Meetings or contacts less often than quarterly.",
            ),
            (
                "Tapaamisia tai yhteydenpitoa noin neljännesvuosittain.",
                "Möten eller kontakter ungefär en gång per kvartal.",
                "Meetings or contacts about quarterly.",
            ),
            (
                "Tapaamisia tai yhteydenpitoa kuukausittain.",
                "Möten eller kontakter varje månad.",
                "Meetings or contacts monthly.",
            ),
            (
                "Kasvokkaisia tapaamisia neljännesvuosittain tai asiakasyhteyksiä viikoittain.",
                "Möten ansikte mot ansikte varje kvartal eller klientkontakter varje vecka.",
                "Face-to-face meetings quarterly, or client-related contacts weekly.",
            ),
            (
                "Kasvokkaisia tapaamisia kuukausittain ja asiakasyhteyksiä viikoittain.",
                "Möten ansikte mot ansikte varje månad och klientkontakter varje vecka.",
                "Face-to-face meetings monthly and client-related contacts weekly.",
            ),
        ],
    },
    {
        "code": "O4",
        "section": "O",
        "data": "",
        "sources": ["DOC", "INT", "OBS"],
        "name": ("Työhönvalmennusyksikkö", "Arbetscoachningsenhet", "Vocational unit"),
        "measures": (
            "Toimivatko työhönvalmentajat yksikkönä: vähintään kaksi kokoaikaista työhönvalmentajaa ja esihenkilö, "
            "viikoittainen asiakaslähtöinen ryhmätyönohjaus ja toistensa asiakkaiden tukeminen tarvittaessa.",
            "Arbetar arbetscoacherna som en enhet: minst två heltidsanställda arbetscoacher och en chef, "
            "klientbaserad grupphandledning varje vecka och stöd åt varandras klienter vid behov.",
            "Whether specialists work as a unit: at least two full-time specialists and a leader, weekly client-based "
            "group supervision, and covering each other's clients when needed.",
        ),
        "anchors": [
            (
                "Työhönvalmentajat työskentelevät yksin; yksikköä ei ole.",
                "Arbetscoacherna arbetar ensamma; det finns ingen enhet.",
                "Specialists work alone; there is no unit.",
            ),
            (
                "Työhönvalmentajilla on yhteinen esihenkilö, mutta yhteistä asiakastyön käsittelyä ei ole.",
                "Arbetscoacherna har samma chef men inget gemensamt klientarbete.",
                "Specialists share a supervisor but do not discuss clients together.",
            ),
            (
                "Asiakastyötä käsitellään yhdessä, mutta harvemmin kuin viikoittain, eikä toisten asiakkaita tueta.",
                "Klientarbetet diskuteras gemensamt men mer sällan än varje vecka, och man stöder inte varandras "
                "klienter.",
                "Client work is discussed together, but less than weekly, and specialists do not cover for each other.",
            ),
            (
                "Vähintään kaksi työhönvalmentajaa ja esihenkilö, viikoittainen ryhmätyönohjaus; toisten asiakkaita "
                "tuetaan vain satunnaisesti.",
                "Minst två arbetscoacher och en chef, grupphandledning varje vecka; man stöder varandras klienter bara "
                "ibland.",
                "At least two specialists and a leader with weekly group supervision; covering for each other is "
                "occasional.",
            ),
            (
                "Kaikki toteutuu: vähintään kaksi kokoaikaista työhönvalmentajaa ja esihenkilö, viikoittainen "
                "asiakaslähtöinen ryhmätyönohjaus ja toistensa asiakkaiden tukeminen.",
                "Allt uppfylls: minst två heltidsanställda arbetscoacher och en chef, klientbaserad grupphandledning "
                "varje vecka och stöd åt varandras klienter.",
                "All present: at least two full-time specialists and a leader, weekly client-based group supervision, "
                "and covering each other's clients.",
            ),
        ],
    },
    {
        "code": "O5",
        "section": "O",
        "data": "",
        "sources": ["DOC", "INT", "OBS"],
        "name": ("Esihenkilön rooli", "Chefens roll", "Role of the employment supervisor"),
        "measures": (
            "Montako viidestä toteutuu: 1) esihenkilöllä on enintään kymmenen työhönvalmentajaa, 2) hän vetää "
            "viikoittaisen asiakaslähtöisen ryhmätyönohjauksen, 3) hän keskustelee hoitotiimien esihenkilöiden "
            "kanssa yhteistyöstä, 4) hän ohjaa työhönvalmentajia kentällä vähintään kuukausittain, 5) hän käy "
            "tulokset läpi tiimin kanssa neljännesvuosittain ja asettaa tavoitteet.",
            "Hur många av fem uppfylls: 1) chefen har högst tio arbetscoacher, 2) leder klientbaserad "
            "grupphandledning varje vecka, 3) diskuterar samarbetet med vårdteamens chefer, 4) handleder "
            "arbetscoacherna ute i fältet minst en gång i månaden, 5) går igenom resultaten med teamet varje kvartal "
            "och sätter mål.",
            "How many of five are present: 1) no more than ten specialists per supervisor, 2) weekly client-based "
            "group supervision, 3) talks with treatment team leaders about collaboration, 4) mentors specialists in "
            "the field at least monthly, 5) reviews outcomes with the team quarterly and sets goals.",
        ),
        "anchors": [_count_of(5, 1, at_most=True), _count_of(5, 2), _count_of(5, 3), _count_of(5, 4), _count_of(5, 5)],
    },
    {
        "code": "O6",
        "section": "O",
        "data": "partial",
        "sources": ["MIS", "DOC", "INT", "OBS"],
        "name": ("Ei poissulkukriteerejä", "Inga uteslutningskriterier", "Zero exclusion criteria"),
        "measures": (
            "Pääseekö jokainen työtä haluava palveluun ilman arviota valmiudesta (esimerkiksi päihteiden käytön, "
            "oireiden tai rikostaustan perusteella), ja tuleeko asiakkaita monista lähteistä, myös omasta "
            "yhteydenotosta.",
            "Får alla som vill arbeta tillgång till tjänsten utan bedömning av beredskap (till exempel på grund av "
            "missbruk, symtom eller brottsbakgrund), och kommer klienterna från många håll, också på eget initiativ.",
            "Whether everyone who wants to work gets the service without being judged on readiness (such as "
            "substance use, symptoms or a criminal record), and whether referrals come from many sources, including "
            "self-referral.",
        ),
        "anchors": [
            (
                "Asiakkaita karsitaan muodollisin kriteerein, esimerkiksi työvalmiuden tai päihteettömyyden perusteella.",
                "Klienter sållas bort med formella kriterier, till exempel arbetsberedskap eller drogfrihet.",
                "Clients are screened out by formal criteria such as job readiness or sobriety.",
            ),
            (
                "Karsintaa tapahtuu epävirallisesti: moni ohjataan muualle tai jätetään odottamaan valmiutta.",
                "Sållning sker informellt: många hänvisas vidare eller får vänta på att bli redo.",
                "Informal screening: many are referred elsewhere or told to wait until they are ready.",
            ),
            (
                "Karsintaa on vähän, mutta asiakkaat tulevat pääosin yhdestä lähteestä.",
                "Lite sållning, men klienterna kommer främst från en enda källa.",
                "Little screening, but referrals come mostly from one source.",
            ),
            (
                "Ketään ei karsita ja asiakkaita tulee useista lähteistä, mutta omaa yhteydenottoa ei tunneta tai "
                "tueta.",
                "Ingen sållas bort och klienter kommer från flera håll, men att söka sig till tjänsten själv är "
                "okänt eller stöds inte.",
                "No screening and referrals from several sources, but self-referral is unknown or not supported.",
            ),
            (
                "Avoin pääsy: ketään ei karsita valmiuden perusteella, asiakkaita tulee monista lähteistä ja "
                "palveluun voi hakeutua itse.",
                "Öppen tillgång: ingen sållas bort på grund av beredskap, klienter kommer från många håll och man kan "
                "söka sig till tjänsten själv.",
                "Open access: no one is screened out for readiness, referrals come from many sources and self-referral "
                "is welcome.",
            ),
        ],
    },
    {
        "code": "O7",
        "section": "O",
        "data": "",
        "sources": ["DOC", "INT", "OBS", "ISP"],
        "name": (
            "Organisaation suuntautuminen avoimille työmarkkinoille",
            "Organisationens inriktning på den öppna arbetsmarknaden",
            "Agency focus on competitive employment",
        ),
        "measures": (
            "Montako viidestä toteutuu: 1) asiakkaaksi tullessa kysytään kiinnostuksesta työhön, 2) tiloissa on esillä "
            "työhön kannustavaa materiaalia, 3) työ on kirjattu asiakkaiden palvelusuunnitelmiin, 4) onnistumisia "
            "jaetaan organisaatiossa, 5) työllistymisastetta seurataan vähintään neljännesvuosittain ja tulokset "
            "jaetaan.",
            "Hur många av fem uppfylls: 1) vid intaget frågar man om intresse för arbete, 2) material som uppmuntrar "
            "till arbete finns framme i lokalerna, 3) arbete finns med i klienternas serviceplaner, 4) framgångar "
            "delas i organisationen, 5) sysselsättningsgraden följs upp minst varje kvartal och resultaten delas.",
            "How many of five are present: 1) intake asks about interest in work, 2) materials promoting work are on "
            "display, 3) work is included in clients' service plans, 4) success stories are shared, 5) the employment "
            "rate is measured at least quarterly and shared.",
        ),
        "anchors": [_count_of(5, 1, at_most=True), _count_of(5, 2), _count_of(5, 3), _count_of(5, 4), _count_of(5, 5)],
    },
    {
        "code": "O8",
        "section": "O",
        "data": "",
        "sources": ["DOC", "INT"],
        "name": ("Johdon tuki", "Ledningens stöd", "Executive team support"),
        "measures": (
            "Montako viidestä toteutuu: 1) johto tuntee IPS-mallin periaatteet, 2) laadunvarmistukseen kuuluu "
            "menetelmäuskollisuuden arviointi vähintään kahdesti vuodessa, 3) johdon edustaja on ohjausryhmässä, "
            "4) ylin johto ilmaisee työllistymisen tavoitteet, 5) esihenkilö raportoi esteistä johdolle vähintään "
            "kahdesti vuodessa.",
            "Hur många av fem uppfylls: 1) ledningen känner till IPS-modellens principer, 2) kvalitetssäkringen "
            "omfattar bedömning av metodtrohet minst två gånger per år, 3) en representant för ledningen sitter i "
            "styrgruppen, 4) högsta ledningen uttalar målen för sysselsättning, 5) chefen rapporterar hinder till "
            "ledningen minst två gånger per år.",
            "How many of five are present: 1) leaders know the principles of IPS, 2) quality assurance includes a "
            "fidelity review at least twice a year, 3) a leader sits on the steering group, 4) top leadership states "
            "employment goals, 5) the supervisor reports barriers to leadership at least twice a year.",
        ),
        "anchors": [_count_of(5, 1, at_most=True), _count_of(5, 2), _count_of(5, 3), _count_of(5, 4), _count_of(5, 5)],
    },
    {
        "code": "V1",
        "section": "V",
        "data": "partial",
        "sources": ["MIS", "DOC", "INT", "ISP"],
        "name": ("Etuusneuvonta", "Förmånsrådgivning", "Work incentives planning (benefits counselling)"),
        "measures": (
            "Saavatko asiakkaat henkilökohtaista etuusneuvontaa ennen työn alkamista ja aina, kun työtunnit tai "
            "palkka muuttuvat (esimerkiksi Kelan etuudet, työkyvyttömyyseläke, asumistuki, toimeentulotuki).",
            "Får klienterna personlig förmånsrådgivning innan arbetet börjar och alltid när arbetstimmarna eller "
            "lönen ändras (till exempel FPA:s förmåner, sjukpension, bostadsbidrag, utkomststöd).",
            "Whether clients get personal benefits counselling before starting a job and whenever their hours or pay "
            "change (e.g. Kela benefits, disability pension, housing allowance, social assistance).",
        ),
        "anchors": [
            ("Etuusneuvontaa ei tarjota.", "Förmånsrådgivning erbjuds inte.", "No benefits counselling is offered."),
            (
                "Neuvontaa annetaan vain pyynnöstä tai yleisellä tasolla.",
                "Rådgivning ges bara på begäran eller på ett allmänt plan.",
                "Counselling only on request or in general terms.",
            ),
            (
                "Osa asiakkaista saa henkilökohtaista neuvontaa ennen työn alkamista.",
                "En del av klienterna får personlig rådgivning innan arbetet börjar.",
                "Some clients get personal counselling before starting a job.",
            ),
            (
                "Useimmat asiakkaat saavat henkilökohtaista neuvontaa ennen työn alkamista.",
                "De flesta klienter får personlig rådgivning innan arbetet börjar.",
                "Most clients get personal counselling before starting a job.",
            ),
            (
                "Kaikki asiakkaat saavat henkilökohtaista neuvontaa ennen työn alkamista ja aina, kun tunnit tai "
                "palkka muuttuvat.",
                "Alla klienter får personlig rådgivning innan arbetet börjar och när timmarna eller lönen ändras.",
                "All clients get personal counselling before starting a job and whenever hours or pay change.",
            ),
        ],
    },
    {
        "code": "V2",
        "section": "V",
        "data": "partial",
        "sources": ["DOC", "INT", "OBS"],
        "name": ("Työnantajalle kertominen", "Att berätta för arbetsgivaren", "Disclosure"),
        "measures": (
            "Montako neljästä toteutuu: 1) asiakkaan ei tarvitse kertoa terveydentilastaan saadakseen palvelua, "
            "2) kertomisen hyödyt ja haitat käydään läpi, 3) mahdolliset sanamuodot mietitään yhdessä, 4) asiaan "
            "palataan useammin kuin kerran.",
            "Hur många av fyra uppfylls: 1) klienten behöver inte berätta om sin hälsa för att få tjänsten, "
            "2) för- och nackdelar med att berätta gås igenom, 3) möjliga formuleringar funderas ut tillsammans, "
            "4) man återkommer till frågan mer än en gång.",
            "How many of four are present: 1) disclosure is not required to get the service, 2) pros and cons of "
            "disclosure are discussed, 3) possible wording is worked out together, 4) the topic is revisited more "
            "than once.",
        ),
        "anchors": [
            ("Yksikään neljästä ei toteudu.", "Ingen av de fyra uppfylls.", "None of the four present."),
            _count_of(4, 1),
            _count_of(4, 2),
            _count_of(4, 3),
            _count_of(4, 4),
        ],
    },
    {
        "code": "V3",
        "section": "V",
        "data": "partial",
        "sources": ["MIS", "DOC", "INT", "ISP"],
        "name": (
            "Jatkuva, työhön perustuva arviointi",
            "Fortlöpande, arbetsbaserad bedömning",
            "Ongoing, work-based vocational assessment",
        ),
        "measures": (
            "Kootaanko ammatillinen profiili kahdella tai kolmella tapaamisella ja päivitetäänkö sitä jokaisen "
            "työkokemuksen jälkeen ilman erillisiä testejä tai työkokeiluja suojatussa ympäristössä.",
            "Sammanställs den yrkesmässiga profilen på två eller tre träffar och uppdateras den efter varje "
            "arbetserfarenhet, utan separata tester eller arbetsprövning i skyddad miljö.",
            "Whether the vocational profile is built over two or three sessions and updated after each job, without "
            "separate testing or sheltered work trials.",
        ),
        "anchors": [
            (
                "Arviointi perustuu testeihin tai työkokeiluun suojatussa ympäristössä ennen työnhakua.",
                "Bedömningen bygger på tester eller arbetsprövning i skyddad miljö före arbetssökandet.",
                "Assessment relies on testing or sheltered work trials before job search.",
            ),
            (
                "Arviointi tehdään pääosin ennen työnhakua, ja siinä käytetään testejä tai tehtäviä.",
                "Bedömningen görs mest före arbetssökandet och använder tester eller uppgifter.",
                "Assessment is done mostly before job search and uses tests or tasks.",
            ),
            (
                "Arviointi perustuu haastatteluihin, mutta se venyy pitkäksi tai profiilia ei päivitetä.",
                "Bedömningen bygger på samtal men drar ut på tiden eller profilen uppdateras inte.",
                "Assessment is interview-based but drawn out, or the profile is not updated.",
            ),
            (
                "Profiili kootaan muutamalla tapaamisella, mutta sitä päivitetään työkokemusten jälkeen vain joskus.",
                "Profilen sammanställs på några träffar men uppdateras bara ibland efter arbetserfarenheter.",
                "The profile is built over a few sessions but only sometimes updated after jobs.",
            ),
            (
                "Arviointi on jatkuvaa ja työhön perustuvaa: profiili kootaan 2–3 tapaamisella ja päivitetään "
                "jokaisen työn jälkeen.",
                "Bedömningen är fortlöpande och arbetsbaserad: profilen sammanställs på 2–3 träffar och uppdateras "
                "efter varje arbete.",
                "Assessment is ongoing and work-based: the profile is built over 2–3 sessions and updated after each job.",
            ),
        ],
    },
    {
        "code": "V4",
        "section": "V",
        "data": "full",
        "sources": ["MIS", "DOC", "INT", "ISP"],
        "name": ("Nopea työnhaku", "Snabbt arbetssökande", "Rapid job search"),
        "measures": (
            "Keskimääräinen aika päivinä palveluun tulosta ensimmäiseen kasvokkaiseen yhteydenottoon työnantajaan "
            "avoimen työn takia.",
            "Genomsnittlig tid i dagar från att klienten kommer in i tjänsten till den första kontakten ansikte mot "
            "ansikte med en arbetsgivare om ett arbete på den öppna arbetsmarknaden.",
            "Average number of days from programme entry to the first face-to-face contact with an employer about a "
            "competitive job.",
        ),
        "anchors": [
            ("271 päivää tai enemmän", "271 dagar eller mer", "271 days or more"),
            ("151–270 päivää", "151–270 dagar", "151–270 days"),
            ("61–150 päivää", "61–150 dagar", "61–150 days"),
            ("31–60 päivää", "31–60 dagar", "31–60 days"),
            ("30 päivää tai vähemmän", "30 dagar eller mindre", "30 days or fewer"),
        ],
    },
    {
        "code": "V5",
        "section": "V",
        "data": "full",
        "sources": ["MIS", "DOC", "INT", "ISP"],
        "name": ("Yksilöllinen työnhaku", "Individuellt arbetssökande", "Individualised job search"),
        "measures": (
            "Kuinka suuri osa työnantajakontakteista valitaan asiakkaan toiveiden, vahvuuksien ja tavoitteiden "
            "perusteella eikä sen mukaan, mitä sattuu olemaan tarjolla.",
            "Hur stor del av arbetsgivarkontakterna som väljs utifrån klientens önskemål, styrkor och mål och inte "
            "utifrån vad som råkar finnas.",
            "Share of employer contacts chosen for the client's preferences, strengths and goals rather than for "
            "what happens to be available.",
        ),
        "anchors": [_under_pct(25), _pct(25, 49), _pct(50, 74), _pct(75, 89), _pct(90, 100)],
    },
    {
        "code": "V6",
        "section": "V",
        "data": "full",
        "sources": ["MIS", "DOC", "INT"],
        "name": (
            "Työnantajakontaktit: määrä",
            "Arbetsgivarkontakter: antal",
            "Job development: frequent employer contact",
        ),
        "measures": (
            "Kasvokkaisten työnantajakontaktien määrä työhönvalmentajaa kohden viikossa, joko tietyn asiakkaan "
            "puolesta tai työmahdollisuuksien kartoittamiseksi.",
            "Antal arbetsgivarkontakter ansikte mot ansikte per arbetscoach och vecka, antingen för en viss klient "
            "eller för att kartlägga arbetsmöjligheter.",
            "Face-to-face employer contacts per specialist per week, either for a particular client or to learn about "
            "job opportunities.",
        ),
        "anchors": [
            ("alle 2 kontaktia viikossa", "under 2 kontakter per vecka", "fewer than 2 contacts a week"),
            ("2–3 kontaktia viikossa", "2–3 kontakter per vecka", "2–3 contacts a week"),
            ("4 kontaktia viikossa", "4 kontakter per vecka", "4 contacts a week"),
            ("5 kontaktia viikossa", "5 kontakter per vecka", "5 contacts a week"),
            ("6 kontaktia viikossa tai enemmän", "6 kontakter per vecka eller fler", "6 or more contacts a week"),
        ],
    },
    {
        "code": "V7",
        "section": "V",
        "data": "partial",
        "sources": ["MIS", "DOC", "INT", "OBS"],
        "name": (
            "Työnantajakontaktit: laatu",
            "Arbetsgivarkontakter: kvalitet",
            "Job development: quality of employer contact",
        ),
        "measures": (
            "Rakentaako työhönvalmentaja suhdetta työnantajaan useilla suunnitelluilla käynneillä, selvittää "
            "työnantajan tarpeet ja esittelee asiakkaita niiden pohjalta.",
            "Bygger arbetscoachen relationer med arbetsgivare genom flera planerade besök, tar reda på "
            "arbetsgivarens behov och presenterar klienter utifrån dem.",
            "Whether specialists build relationships with employers over several planned visits, learn the "
            "employer's needs and introduce clients who fit them.",
        ),
        "anchors": [
            (
                "Työnantajiin ollaan tuskin yhteydessä, tai yhteydenpito on ansioluetteloiden lähettämistä.",
                "Kontakter med arbetsgivare förekommer knappt, eller består av att skicka cv:n.",
                "Hardly any employer contact, or contact is limited to sending CVs.",
            ),
            (
                "Yhteydenotot ovat pääosin ilmoituksiin vastaamista tai yksittäisiä käyntejä.",
                "Kontakterna består mest av att svara på annonser eller av enstaka besök.",
                "Contacts are mostly replies to advertisements or single visits.",
            ),
            (
                "Käyntejä tehdään, mutta samaan työnantajaan palataan harvoin.",
                "Besök görs, men man återvänder sällan till samma arbetsgivare.",
                "Visits are made, but rarely repeated with the same employer.",
            ),
            (
                "Suhteita rakennetaan useilla käynneillä, mutta ei järjestelmällisesti.",
                "Relationer byggs genom flera besök, men inte systematiskt.",
                "Relationships are built over several visits, but not systematically.",
            ),
            (
                "Suhteet rakennetaan useilla suunnitelluilla käynneillä: työnantajan tarpeet selvitetään ja asiakkaita "
                "esitellään niiden pohjalta.",
                "Relationer byggs genom flera planerade besök: arbetsgivarens behov kartläggs och klienter presenteras "
                "utifrån dem.",
                "Relationships are built over several planned visits: the employer's needs are learned and clients "
                "introduced to match.",
            ),
        ],
    },
    {
        "code": "V8",
        "section": "V",
        "data": "full",
        "sources": ["MIS", "DOC", "INT"],
        "name": ("Erilaiset työtehtävät", "Variation i arbetsuppgifter", "Diversity of job types"),
        "measures": (
            "Kuinka suuri osa asiakkaiden töistä on keskenään eri ammattialoilta (ammattiluokituksen mukaan).",
            "Hur stor del av klienternas arbeten som hör till olika yrken (enligt yrkesklassificeringen).",
            "Share of clients' jobs that are of different types (by occupation code).",
        ),
        "anchors": [_under_pct(50), _pct(50, 59), _pct(60, 69), _pct(70, 84), _pct(85, 100)],
    },
    {
        "code": "V9",
        "section": "V",
        "data": "full",
        "sources": ["MIS", "DOC", "INT"],
        "name": ("Erilaiset työnantajat", "Variation bland arbetsgivare", "Diversity of employers"),
        "measures": (
            "Kuinka suuri osa asiakkaiden töistä on eri työnantajilla.",
            "Hur stor del av klienternas arbeten som finns hos olika arbetsgivare.",
            "Share of clients' jobs that are with different employers.",
        ),
        "anchors": [_under_pct(50), _pct(50, 59), _pct(60, 69), _pct(70, 84), _pct(85, 100)],
    },
    {
        "code": "V10",
        "section": "V",
        "data": "full",
        "sources": ["MIS", "DOC", "INT"],
        "name": ("Työ avoimilla työmarkkinoilla", "Arbete på den öppna arbetsmarknaden", "Competitive jobs"),
        "measures": (
            "Kuinka suuri osa asiakkaiden töistä on avoimilla työmarkkinoilla: palkka vähintään työehtosopimuksen "
            "mukainen eikä työpaikkaa ole varattu vammaisille tai osatyökykyisille. Jos nykyisiä työsuhteita on alle "
            "kymmenen, pisteet ovat 1.",
            "Hur stor del av klienternas arbeten som finns på den öppna arbetsmarknaden: minst lön enligt "
            "kollektivavtal och arbetsplatsen är inte reserverad för personer med funktionsnedsättning eller "
            "partiell arbetsförmåga. Med färre än tio nuvarande anställningar blir poängen 1.",
            "Share of clients' jobs that are competitive: on the open market, paid at least the collective-agreement "
            "wage and not set aside for disabled people. Fewer than ten current jobs scores 1.",
        ),
        "anchors": [
            (
                "64 % tai vähemmän (tai alle 10 nykyistä työsuhdetta)",
                "64 % eller mindre (eller färre än 10 nuvarande anställningar)",
                "64% or less (or fewer than 10 current jobs)",
            ),
            _pct(65, 74),
            _pct(75, 84),
            _pct(85, 94),
            _pct(95),
        ],
    },
    {
        "code": "V11",
        "section": "V",
        "data": "partial",
        "sources": ["MIS", "DOC", "INT", "ISP"],
        "name": (
            "Yksilöllinen tuki työssä",
            "Individuellt stöd i arbetet",
            "Individualised follow-along supports",
        ),
        "measures": (
            "Saavatko työssä olevat asiakkaat monipuolista, yksilöllistä tukea useilta ihmisiltä (työhönvalmentaja, "
            "hoitotiimi, läheiset), ja tuetaanko myös työnantajaa ja asiakkaan uralla etenemistä.",
            "Får klienter i arbete mångsidigt, individuellt stöd från flera personer (arbetscoach, vårdteam, "
            "närstående), och stöds också arbetsgivaren och klientens karriärutveckling.",
            "Whether working clients get varied, individual support from several people (specialist, treatment team, "
            "family), including support to the employer and for career development.",
        ),
        "anchors": [
            (
                "Tukea työssä ei juuri ole, tai se on kaikille samanlaista.",
                "Stöd i arbetet finns knappt, eller är likadant för alla.",
                "Hardly any follow-along support, or the same for everyone.",
            ),
            (
                "Tukea antaa vain työhönvalmentaja, ja se on suppeaa.",
                "Stödet ges bara av arbetscoachen och är begränsat.",
                "Support comes only from the specialist and is narrow.",
            ),
            (
                "Tukea on, mutta se on vähän yksilöllistä eikä työnantajaa tueta.",
                "Stöd finns, men det är föga individuellt och arbetsgivaren får inget stöd.",
                "Support exists but is little individualised, and employers are not supported.",
            ),
            (
                "Tuki on yksilöllistä ja monipuolista, mutta työnantajan tuki tai uran kehittäminen jää osalta "
                "puuttumaan.",
                "Stödet är individuellt och mångsidigt, men stöd till arbetsgivaren eller karriärutveckling saknas "
                "för en del.",
                "Support is individual and varied, but employer support or career development is missing for some.",
            ),
            (
                "Useimmat saavat yksilöllistä tukea usealta taholta, työnantajaa tuetaan ja uralla etenemistä "
                "edistetään.",
                "De flesta får individuellt stöd från flera håll, arbetsgivaren stöds och karriärutvecklingen främjas.",
                "Most clients get individual support from several people, employers are supported and careers are "
                "developed.",
            ),
        ],
    },
    {
        "code": "V12",
        "section": "V",
        "data": "full",
        "sources": ["MIS", "DOC", "INT", "ISP"],
        "name": ("Ajallisesti rajaamaton tuki", "Tidsobegränsat stöd", "Time-unlimited follow-along supports"),
        "measures": (
            "Tapaako työhönvalmentaja asiakkaan kasvokkain viikon sisällä ennen työn alkua, kolmen päivän sisällä "
            "aloituksesta, viikoittain ensimmäisen kuukauden ajan ja sen jälkeen kuukausittain noin vuoden ajan, sekä "
            "kolmen päivän sisällä työn päättymisestä.",
            "Träffar arbetscoachen klienten ansikte mot ansikte inom en vecka före arbetsstarten, inom tre dagar "
            "efter starten, varje vecka under den första månaden och därefter varje månad i ungefär ett år, samt "
            "inom tre dagar efter att ett arbete upphört.",
            "Whether the specialist meets the client face to face within a week before the job starts, within three "
            "days after, weekly in the first month and monthly for about a year, and within three days after a job "
            "ends.",
        ),
        "anchors": [
            (
                "Tukea ei anneta työn alettua, tai se päättyy heti.",
                "Stöd ges inte efter arbetsstarten, eller upphör genast.",
                "No support after the job starts, or it ends at once.",
            ),
            (
                "Tuki on satunnaista ja päättyy muutamassa kuukaudessa.",
                "Stödet är sporadiskt och upphör inom några månader.",
                "Support is occasional and ends within a few months.",
            ),
            (
                "Aikarajat toteutuvat noin puolella asiakkaista.",
                "Tidsgränserna uppfylls för ungefär hälften av klienterna.",
                "The time limits are met for about half of the clients.",
            ),
            (
                "Aikarajat toteutuvat useimmilla asiakkailla.",
                "Tidsgränserna uppfylls för de flesta klienter.",
                "The time limits are met for most clients.",
            ),
            (
                "Kaikki aikarajat toteutuvat lähes kaikilla asiakkailla, ja tuki jatkuu tarpeen mukaan.",
                "Alla tidsgränser uppfylls för nästan alla klienter, och stödet fortsätter efter behov.",
                "All time limits are met for nearly all clients, and support continues as long as needed.",
            ),
        ],
    },
    {
        "code": "V13",
        "section": "V",
        "data": "full",
        "sources": ["MIS", "DOC", "INT", "OBS"],
        "name": ("Palvelut arjen ympäristöissä", "Tjänster ute i samhället", "Community-based services"),
        "measures": (
            "Kuinka suuri osa työhönvalmentajien sovitusta työajasta kuluu toimiston ulkopuolella: työpaikoilla, "
            "asiakkaan kotona ja muissa arjen ympäristöissä.",
            "Hur stor del av arbetscoachernas planerade arbetstid som används utanför kontoret: på arbetsplatser, "
            "hemma hos klienten och på andra platser i vardagen.",
            "Share of the specialists' scheduled hours spent outside the office: at workplaces, in clients' homes and "
            "elsewhere in the community.",
        ),
        "anchors": [_under_pct(30), _pct(30, 39), _pct(40, 49), _pct(50, 64), _pct(65)],
    },
    {
        "code": "V14",
        "section": "V",
        "data": "partial",
        "sources": ["MIS", "DOC", "INT"],
        "name": (
            "Aktiivinen yhteydenpito ja tavoittaminen",
            "Aktivt uppsökande och kontakt",
            "Assertive engagement and outreach",
        ),
        "measures": (
            "Montako kuudesta toteutuu: 1) asiakkuutta ei päätetä poisjääntien vuoksi, 2) tavoittamisyritykset "
            "kirjataan, 3) hoitotiimi osallistuu tavoittamiseen, 4) asiakkaita tavataan kotona tai muualla arjessa, "
            "5) tehdään yhteiskäyntejä hoitotiimin kanssa, 6) läheisiin ollaan yhteydessä asiakkaan luvalla.",
            "Hur många av sex uppfylls: 1) klientskapet avslutas inte på grund av uteblivna besök, 2) försök att nå "
            "klienten dokumenteras, 3) vårdteamet deltar i att nå klienten, 4) klienter träffas hemma eller på andra "
            "platser i vardagen, 5) gemensamma besök görs med vårdteamet, 6) man har kontakt med närstående med "
            "klientens samtycke.",
            "How many of six are present: 1) no closure for missed appointments, 2) outreach attempts are recorded, "
            "3) the treatment team takes part in outreach, 4) clients are met at home or in the community, 5) joint "
            "visits with the treatment team, 6) contact with family with the client's consent.",
        ),
        "anchors": [_count_of(6, 2, at_most=True), _count_of(6, 3), _count_of(6, 4), _count_of(6, 5), _count_of(6, 6)],
    },
]

LANGS = ("fi", "sv", "en")


def _texts(prefix, values):
    return {f"{prefix}_{code}": value for code, value in zip(LANGS, values, strict=True)}


def load_scale(apps, schema_editor):
    FidelityScale = apps.get_model("fidelity", "FidelityScale")
    ScaleBand = apps.get_model("fidelity", "ScaleBand")
    ScaleSection = apps.get_model("fidelity", "ScaleSection")
    ScaleItem = apps.get_model("fidelity", "ScaleItem")
    scale = FidelityScale.objects.create(
        code=SCALE["code"], version=SCALE["version"], active=True, min_score=1, max_score=5, **_texts("name", SCALE["name"])
    )
    for code, min_total, names in BANDS:
        ScaleBand.objects.create(scale=scale, code=code, min_total=min_total, **_texts("name", names))
    sections = {}
    for order, (code, names) in enumerate(SECTIONS, start=1):
        sections[code] = ScaleSection.objects.create(scale=scale, code=code, order=order, **_texts("name", names))
    for order, item in enumerate(ITEMS, start=1):
        fields = {**_texts("name", item["name"]), **_texts("measures", item["measures"])}
        for score, anchor in enumerate(item["anchors"], start=1):
            fields.update(_texts(f"anchor_{score}", anchor))
        ScaleItem.objects.create(
            scale=scale,
            section=sections[item["section"]],
            code=item["code"],
            order=order,
            evidence_sources=item["sources"],
            data_support=item["data"],
            **fields,
        )


def unload_scale(apps, schema_editor):
    FidelityScale = apps.get_model("fidelity", "FidelityScale")
    FidelityScale.objects.filter(code=SCALE["code"], version=SCALE["version"]).delete()


class Migration(migrations.Migration):
    dependencies = [("fidelity", "0001_initial")]

    operations = [migrations.RunPython(load_scale, unload_scale)]
