"""The glossary of Finnish terms from shared/domain.md: term, Swedish equivalent, explanations in fi and sv."""

GLOSSARY_PAGE = {
    "key": "glossary",
    "fi": {
        "title": "Sanasto",
        "slug": "sanasto",
        "intro": "Työkyvyn tuen ja IPS-työhönvalmennuksen keskeiset termit.",
    },
    "sv": {
        "title": "Ordlista",
        "slug": "ordlista",
        "intro": "Centrala finska termer inom stöd för arbetsförmåga och IPS-arbetscoachning, förklarade på svenska.",
    },
}

GLOSSARY = [
    (
        "ammattilainen",
        "yrkesperson",
        "Kuka tahansa asiakkaan kanssa työskentelevä: sairaanhoitaja, sosiaalityöntekijä, fysioterapeutti tai Kelan "
        "tai työllisyyspalvelujen asiantuntija.",
        "Vem som helst som arbetar med klienten: sjukskötare, socialarbetare, fysioterapeut eller expert vid FPA eller "
        "sysselsättningstjänsterna.",
    ),
    (
        "asiakasvastaava",
        "klientansvarig",
        "Ammattilainen, joka sovittaa yhteen asiakkaan palvelut ja etuudet. Voi olla joku muu kuin työhönvalmentaja.",
        "Den yrkesperson som samordnar klientens tjänster och förmåner. Kan vara någon annan än arbetscoachen.",
    ),
    (
        "avoimet työmarkkinat",
        "den öppna arbetsmarknaden",
        "Tavallinen palkkatyö, jota kuka tahansa voi hakea ja josta maksetaan vähintään työehtosopimuksen mukainen "
        "palkka.",
        "Vanligt avlönat arbete som vem som helst kan söka och där lönen är minst enligt kollektivavtalet.",
    ),
    (
        "etuusneuvonta",
        "förmånsrådgivning",
        "Henkilökohtainen neuvonta siitä, miten työ ja palkka vaikuttavat asiakkaan etuuksiin.",
        "Personlig rådgivning om hur arbete och lön påverkar klientens förmåner.",
    ),
    (
        "hyvinvointialue",
        "välfärdsområde",
        "Alue, joka järjestää sosiaali- ja terveyspalvelut, esimerkiksi Pohjanmaan hyvinvointialue.",
        "Område som ordnar social- och hälsovårdstjänsterna, till exempel Österbottens välfärdsområde.",
    ),
    (
        "kuntoutus",
        "rehabilitering",
        "Toimet, joilla tuetaan toimintakykyä ja työkykyä. Voi olla myös hyvä lopputulos ennen työtä.",
        "Åtgärder som stöder funktions- och arbetsförmågan. Kan också vara ett gott resultat före arbete.",
    ),
    (
        "Kykyviisari",
        "Kykyviisari",
        "Työ- ja toimintakyvyn itsearviointikysely, joka täytetään alussa ja myöhemmin muutoksen seuraamiseksi.",
        "En självskattningsenkät om arbets- och funktionsförmåga som fylls i i början och senare för att följa "
        "förändringen.",
    ),
    (
        "laatuarvioija",
        "kvalitetsbedömare",
        "Arvioija, joka pisteyttää tiimin työn IPS-menetelmäuskollisuuden asteikolla, usein tiimin ulkopuolelta.",
        "Bedömare som poängsätter teamets arbete enligt skalan för IPS-metodtrohet, ofta utanför teamet.",
    ),
    (
        "menetelmäuskollisuus",
        "metodtrohet",
        "Se, kuinka hyvin työ vastaa IPS-mallia. Mitataan 25 kohdan arviointiasteikolla.",
        "Hur väl arbetet motsvarar IPS-modellen. Mäts med en bedömningsskala med 25 punkter.",
    ),
    (
        "palkkatuki",
        "lönesubvention",
        "Työnantajalle maksettava tuki palkkakuluihin, kun työntekijän työllistymistä halutaan tukea.",
        "Stöd som betalas till arbetsgivaren för lönekostnader för att främja att en person får arbete.",
    ),
    (
        "saattaen vaihto",
        "ledsagad överföring",
        "Asiakas siirtyy seuraavaan palveluun niin, että ammattilainen on mukana siirrossa.",
        "Klienten övergår till nästa tjänst så att en yrkesperson följer med i övergången.",
    ),
    (
        "soviteltu työttömyysetuus",
        "jämkad arbetslöshetsförmån",
        "Osa-aikatyön tai lyhyen työn aikana maksettava työttömyysetuus, jota palkka pienentää.",
        "Arbetslöshetsförmån som betalas under deltidsarbete eller kort arbete och som minskas av lönen.",
    ),
    (
        "suostumus",
        "samtycke",
        "Asiakkaan kirjallinen lupa tietojen vaihtoon verkostossa. Kirjataan ennen verkostotyötä.",
        "Klientens skriftliga tillstånd till informationsutbyte inom nätverket. Registreras före nätverksarbetet.",
    ),
    (
        "tiimin vetäjä",
        "teamledare",
        "Esihenkilö, joka seuraa tiimin asiakasmääriä, työnantajakontakteja ja tuloksia ja ohjaa valmentajia.",
        "Chef som följer teamets klientantal, arbetsgivarkontakter och resultat och handleder coacherna.",
    ),
    (
        "työhönvalmentaja",
        "arbetscoach",
        "Ammattilainen, joka tukee asiakasta työnhaussa ja työssä. IPS-työhönvalmentaja tekee kaikki vaiheet "
        "alusta tukeen työssä.",
        "Yrkesperson som stöder klienten i arbetssökandet och i arbetet. En IPS-arbetscoach sköter alla faser från "
        "början till stödet i arbetet.",
    ),
    (
        "työkyvyn tuen suunnitelma",
        "plan för stöd för arbetsförmågan",
        "Asiakkaan kanssa yhdessä laadittu suunnitelma tavoitteista ja tuesta.",
        "En plan över mål och stöd som görs upp tillsammans med klienten.",
    ),
    (
        "työkyvyttömyyseläke",
        "sjukpension",
        "Eläke, kun sairaus heikentää työkykyä pitkäaikaisesti. Osatyökyvyttömyyseläkkeen rinnalla voi tehdä työtä.",
        "Pension när en sjukdom försämrar arbetsförmågan långvarigt. Vid sidan av partiell sjukpension kan man arbeta.",
    ),
    (
        "työllisyysalue",
        "sysselsättningsområde",
        "Kunta tai kuntien yhteistoiminta-alue, joka järjestää julkiset työllisyyspalvelut vuodesta 2025 alkaen.",
        "Kommun eller samarbetsområde för kommuner som ordnar de offentliga sysselsättningstjänsterna från och med "
        "2025.",
    ),
    (
        "työterveyshuolto",
        "företagshälsovård",
        "Työnantajan järjestämä terveyspalvelu työntekijöille. Voi olla lähettävä taho.",
        "Hälsovård som arbetsgivaren ordnar för sina anställda. Kan vara den som remitterar.",
    ),
    (
        "verkostopalaveri",
        "nätverksmöte",
        "Tapaaminen, jossa asiakas ja hänen kanssaan työskentelevät sopivat yhdessä seuraavista askelista.",
        "Möte där klienten och de som arbetar med hen tillsammans kommer överens om nästa steg.",
    ),
]
