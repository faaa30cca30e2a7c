"""Training pages of the section "Basics": principles, stages, benefits counselling, disclosure."""

IPS_PRINCIPLES = {
    "key": "ips-principles",
    "principles": [
        "competitive-work",
        "zero-exclusion",
        "integrated-services",
        "client-preferences",
        "benefits-counselling",
        "rapid-job-search",
        "job-development",
        "time-unlimited-support",
    ],
    "stages": [],
    "items": ["O6", "V4", "V10"],
    "fi": {
        "title": "IPS-mallin kahdeksan periaatetta",
        "slug": "ips-periaatteet",
        "intro": "IPS (Individual Placement and Support) on tutkittu tapa tukea työhön ihmisiä, joiden työkyky on "
        "heikentynyt. Malli nojaa kahdeksaan periaatteeseen.",
        "body": [
            ("h2", "Periaatteet lyhyesti"),
            (
                "p",
                "<b>1. Tavoitteena työ avoimilla työmarkkinoilla.</b> Haetaan tavallista palkkatyötä, jota kuka "
                "tahansa voisi hakea, työehtosopimuksen mukaisella palkalla.",
            ),
            (
                "p",
                "<b>2. Kaikki halukkaat mukaan.</b> Ketään ei karsita sillä perusteella, että hän ei olisi "
                '"valmis". Halu tehdä työtä riittää.',
            ),
            (
                "p",
                "<b>3. Työhönvalmennus osana hoitoa ja kuntoutusta.</b> Työhönvalmentaja kuuluu asiakkaan "
                "hoitotiimiin ja työstä puhutaan tiimissä joka viikko.",
            ),
            (
                "p",
                "<b>4. Asiakkaan toiveet ohjaavat.</b> Työnhaku rakentuu sen varaan, mitä asiakas itse haluaa "
                "tehdä, ja hänen vahvuuksiensa varaan.",
            ),
            (
                "p",
                "<b>5. Henkilökohtainen etuusneuvonta.</b> Asiakas tietää ennen työn alkua, miten palkka vaikuttaa "
                "hänen etuuksiinsa.",
            ),
            (
                "p",
                "<b>6. Nopea työnhaku.</b> Työnantajia tavataan jo ensimmäisen kuukauden aikana, ilman pitkiä "
                "valmentavia jaksoja.",
            ),
            (
                "p",
                "<b>7. Järjestelmällinen työnantajayhteistyö.</b> Valmentaja tapaa työnantajia säännöllisesti ja "
                "oppii tuntemaan heidän tarpeensa.",
            ),
            (
                "p",
                "<b>8. Yksilöllinen ja aikarajaton tuki.</b> Tuki jatkuu työn alettua niin kauan kuin asiakas sitä "
                "tarvitsee.",
            ),
            (
                "tip",
                "Kun et ole varma, mitä tehdä, kysy: mitä asiakas itse toivoo, ja miten pääsemme tapaamaan "
                "työnantajaa mahdollisimman pian?",
            ),
            ("item", "O6"),
            ("link", "euse-stages"),
        ],
    },
    "sv": {
        "title": "IPS-modellens åtta principer",
        "slug": "ips-principer",
        "intro": "IPS (Individual Placement and Support) är ett beprövat sätt att stödja personer med nedsatt "
        "arbetsförmåga till arbete. Modellen vilar på åtta principer.",
        "body": [
            ("h2", "Principerna i korthet"),
            (
                "p",
                "<b>1. Målet är arbete på den öppna arbetsmarknaden.</b> Vi söker vanliga avlönade jobb som vem "
                "som helst kunde söka, med lön enligt kollektivavtal.",
            ),
            (
                "p",
                '<b>2. Alla som vill får delta.</b> Ingen sållas bort för att hen inte skulle vara "redo". '
                "Viljan att arbeta räcker.",
            ),
            (
                "p",
                "<b>3. Arbetsinriktat stöd som en del av vård och rehabilitering.</b> Arbetscoachen hör till "
                "klientens vårdteam och arbete diskuteras i teamet varje vecka.",
            ),
            (
                "p",
                "<b>4. Personens önskemål styr.</b> Arbetssökandet bygger på vad klienten själv vill göra och på "
                "hens styrkor.",
            ),
            (
                "p",
                "<b>5. Personlig förmånsrådgivning.</b> Klienten vet innan arbetet börjar hur lönen påverkar "
                "hens förmåner.",
            ),
            (
                "p",
                "<b>6. Snabb arbetssökning.</b> Arbetsgivare träffas redan under den första månaden, utan långa "
                "förberedande perioder.",
            ),
            (
                "p",
                "<b>7. Systematiska arbetsgivarkontakter.</b> Coachen träffar arbetsgivare regelbundet och lär "
                "känna deras behov.",
            ),
            (
                "p",
                "<b>8. Individuellt och tidsobegränsat stöd.</b> Stödet fortsätter efter att arbetet har börjat "
                "så länge klienten behöver det.",
            ),
            (
                "tip",
                "När du är osäker, fråga: vad önskar klienten själv, och hur kan vi träffa en arbetsgivare så "
                "snart som möjligt?",
            ),
            ("item", "O6"),
            ("link", "euse-stages"),
        ],
    },
}

EUSE_STAGES = {
    "key": "euse-stages",
    "principles": ["rapid-job-search", "time-unlimited-support"],
    "stages": ["stage-1", "stage-2", "stage-3", "stage-4", "stage-5"],
    "items": ["V3", "V4"],
    "fi": {
        "title": "Tuetun työllistymisen viisi vaihetta",
        "slug": "viisi-vaihetta",
        "intro": "Eurooppalainen tuetun työllistymisen malli (EUSE) jakaa asiakkaan polun viiteen vaiheeseen. "
        "Polussa asiakkaan vaihe näkyy hänen sivullaan.",
        "body": [
            ("h2", "1. Palveluun hakeutuminen ja sopiminen asiakkaan kanssa"),
            (
                "p",
                "Lähete otetaan vastaan, asiakas kertoo tavoitteistaan ja sovitaan yhteistyöstä. Kirjallinen "
                "suostumus tietojen vaihtoon kirjataan ennen verkostotyötä.",
            ),
            ("h2", "2. Osaamisen kartoittaminen ja ammatillinen profilointi"),
            (
                "p",
                "Työhistoria, koulutus, kiinnostukset ja vahvuudet kootaan kahden tai kolmen tapaamisen aikana. "
                "Profiilia päivitetään jokaisen työkokemuksen jälkeen.",
            ),
            ("h2", "3. Nopea työn etsintä avoimilta työmarkkinoilta"),
            ("p", "Ensimmäinen työnantajatapaaminen asiakkaan puolesta kannattaa järjestää kuukauden sisällä."),
            ("h2", "4. Työskentely ja tuesta sopiminen työnantajan kanssa"),
            (
                "p",
                "Sovitaan työtehtävistä, perehdytyksestä ja siitä, millaista tukea työnantaja ja työntekijä "
                "tarvitsevat. Tarvittaessa selvitetään palkkatuki.",
            ),
            ("h2", "5. Työsuhteen tukeminen ja tuki työn ulkopuolella"),
            ("p", "Tuki jatkuu työpaikalla ja sen ulkopuolella niin kauan kuin sitä tarvitaan."),
            (
                "note",
                "Kaikki hyvät lopputulokset eivät ole työpaikkoja: myös opiskelu, kuntoutus tai sopivampi "
                "palvelu voi olla askel polulla hyvään elämään.",
            ),
            ("link", "follow-along"),
        ],
    },
    "sv": {
        "title": "De fem stegen i arbetsinriktat stöd",
        "slug": "fem-steg",
        "intro": "Den europeiska modellen för Supported Employment (EUSE) delar in klientens väg i fem steg. "
        "I Polku syns klientens steg på hens sida.",
        "body": [
            ("h2", "1. Kontakt och överenskommelse med klienten"),
            (
                "p",
                "Remissen tas emot, klienten berättar om sina mål och vi kommer överens om samarbetet. Skriftligt "
                "samtycke till informationsutbyte registreras innan nätverksarbetet börjar.",
            ),
            ("h2", "2. Kartläggning av kompetens och yrkesprofil"),
            (
                "p",
                "Arbetshistoria, utbildning, intressen och styrkor samlas under två eller tre träffar. Profilen "
                "uppdateras efter varje arbetserfarenhet.",
            ),
            ("h2", "3. Snabb arbetssökning på den öppna arbetsmarknaden"),
            ("p", "Den första arbetsgivarträffen för klientens räkning ordnas helst inom en månad."),
            ("h2", "4. Samarbete och överenskommelse om stöd med arbetsgivaren"),
            (
                "p",
                "Vi kommer överens om arbetsuppgifter, introduktion och vilket stöd arbetsgivaren och arbetstagaren "
                "behöver. Vid behov utreds lönesubvention.",
            ),
            ("h2", "5. Stöd i anställningen och utanför arbetet"),
            ("p", "Stödet fortsätter på arbetsplatsen och utanför den så länge det behövs."),
            (
                "note",
                "Alla goda resultat är inte arbetsplatser: också studier, rehabilitering eller en bättre "
                "passande tjänst kan vara ett steg på vägen mot ett gott liv.",
            ),
            ("link", "follow-along"),
        ],
    },
}

BENEFITS = {
    "key": "benefits-counselling",
    "principles": ["benefits-counselling"],
    "stages": ["stage-1", "stage-4"],
    "items": ["V1", "O3"],
    "fi": {
        "title": "Etuusneuvonta työn alkaessa",
        "slug": "etuusneuvonta",
        "intro": "Pelko etuuksien menettämisestä on yleinen syy jättää työ hakematta. Henkilökohtainen "
        "etuusneuvonta ennen työn alkua ja työajan muuttuessa on IPS:n ydintä.",
        "body": [
            ("h2", "Perusasiat"),
            (
                "p",
                "Osa-aikatyö tai lyhyt työsuhde ei yleensä vie työttömyysetuutta kokonaan: etuus maksetaan "
                "soviteltuna, jolloin palkka pienentää etuutta mutta kokonaistulot yleensä kasvavat.",
            ),
            (
                "p",
                "Myös osatyökyvyttömyyseläkkeen tai työkyvyttömyyseläkkeen rinnalla voi yleensä ansaita tiettyyn "
                "rajaan asti, ja eläkkeen voi usein jättää lepäämään työn ajaksi. Rajat riippuvat eläkkeestä.",
            ),
            (
                "p",
                "Palkka voi vaikuttaa myös asumistukeen ja toimeentulotukeen. Muutokset tuloissa ilmoitetaan "
                "etuuden maksajalle.",
            ),
            (
                "warning",
                "Säännöt ja euromäärät muuttuvat. Tarkista ajantasaiset tiedot aina etuuden maksajalta "
                "äläkä lupaa asiakkaalle lopputulosta.",
            ),
            ("h2", "Mistä kysyä"),
            (
                "list",
                "Kysy näiltä:",
                [
                    "Kela: työttömyysetuudet, asumistuki, kansaneläkkeet ja Kelan työkykyneuvojat",
                    "Työllisyysalueen työllisyyspalvelut: työnhaun voimassaolo ja palkkatuki",
                    "Työttömyyskassa, jos asiakas on kassan jäsen",
                    "Työeläkelaitos: työeläkkeen ansiorajat",
                    "Asiakkaan oma etuusneuvoja, sosiaalityöntekijä tai asiakasvastaava",
                ],
            ),
            (
                "list",
                "Ennen työn alkua:",
                [
                    "Käy asiakkaan kanssa läpi nykyiset etuudet",
                    "Laske yhdessä karkea arvio tuloista ennen ja jälkeen työn alun",
                    "Sovi, kuka ilmoittaa työn alkamisesta ja tuloista kenellekin",
                    "Kirjaa etuusneuvonta Polkuun",
                ],
            ),
            ("item", "V1"),
        ],
    },
    "sv": {
        "title": "Förmånsrådgivning när arbetet börjar",
        "slug": "formansradgivning",
        "intro": "Rädslan att förlora förmåner är en vanlig orsak till att inte söka arbete. Personlig "
        "förmånsrådgivning innan arbetet börjar och när arbetstiden ändras är en kärna i IPS.",
        "body": [
            ("h2", "Grunderna"),
            (
                "p",
                "Deltidsarbete eller en kort anställning tar oftast inte bort arbetslöshetsförmånen helt: förmånen "
                "betalas jämkad, så att lönen minskar förmånen men de totala inkomsterna oftast ökar.",
            ),
            (
                "p",
                "Också vid sidan av partiell sjukpension eller sjukpension kan man oftast förtjäna upp till en viss "
                "gräns, och pensionen kan ofta vila medan man arbetar. Gränserna beror på pensionen.",
            ),
            (
                "p",
                "Lönen kan också påverka bostadsbidraget och utkomststödet. Ändringar i inkomsterna meddelas "
                "till den som betalar förmånen.",
            ),
            (
                "warning",
                "Reglerna och beloppen ändras. Kontrollera alltid aktuella uppgifter hos den som betalar "
                "förmånen och lova inte klienten ett visst resultat.",
            ),
            ("h2", "Var man kan fråga"),
            (
                "list",
                "Fråga här:",
                [
                    "FPA: arbetslöshetsförmåner, bostadsbidrag, folkpensioner och FPA:s arbetsförmågerådgivare",
                    "Sysselsättningsområdets sysselsättningstjänster: arbetssökningens giltighet och lönesubvention",
                    "Arbetslöshetskassan, om klienten är medlem",
                    "Arbetspensionsbolaget: inkomstgränser för arbetspension",
                    "Klientens egen förmånsrådgivare, socialarbetare eller klientansvarig",
                ],
            ),
            (
                "list",
                "Innan arbetet börjar:",
                [
                    "Gå igenom klientens nuvarande förmåner tillsammans",
                    "Gör en grov uppskattning av inkomsterna före och efter att arbetet börjar",
                    "Kom överens om vem som meddelar vem om det nya arbetet och inkomsterna",
                    "Registrera förmånsrådgivningen i Polku",
                ],
            ),
            ("item", "V1"),
        ],
    },
}

DISCLOSURE = {
    "key": "disclosure",
    "principles": ["client-preferences"],
    "stages": ["stage-3", "stage-4"],
    "items": ["V2"],
    "fi": {
        "title": "Puhuminen terveydestä ja tuen tarpeesta työnantajalle",
        "slug": "tiedon-kertominen",
        "intro": "Asiakas päättää itse, mitä hänestä kerrotaan työnantajalle. Valmentajan tehtävä on auttaa häntä "
        "tekemään harkittu valinta.",
        "body": [
            (
                "p",
                "Diagnoosia ei tarvitse kertoa työnantajalle. Joskus on kuitenkin hyödyllistä kertoa, millaista "
                "tukea tai joustoa työssä tarvitaan, esimerkiksi lyhyemmät päivät alussa.",
            ),
            (
                "list",
                "Käy asiakkaan kanssa läpi:",
                [
                    "Mitä hyötyä ja haittaa kertomisesta voisi olla juuri tässä työpaikassa",
                    "Saako valmentaja olla yhteydessä työnantajaan ja mistä asioista",
                    "Millä sanoilla asia kerrotaan, jos se kerrotaan",
                    "Mitä ei kerrota missään tilanteessa",
                ],
            ),
            ("tip", "Palaa aiheeseen useammin kuin kerran. Valinta voi muuttua, kun asiakas tutustuu työnantajaan."),
            ("p", "Kirjaa Polkuun, että asiasta on keskusteltu. Itse keskustelun sisältöä ei tarvitse kirjata."),
            ("item", "V2"),
            ("link", "employer-relationships"),
        ],
    },
    "sv": {
        "title": "Att tala om hälsa och stödbehov med arbetsgivaren",
        "slug": "att-beratta",
        "intro": "Klienten bestämmer själv vad som berättas om hen för arbetsgivaren. Coachens uppgift är att "
        "hjälpa hen att göra ett genomtänkt val.",
        "body": [
            (
                "p",
                "Diagnosen behöver inte berättas för arbetsgivaren. Ibland är det ändå bra att berätta vilket stöd "
                "eller vilken flexibilitet som behövs i arbetet, till exempel kortare dagar i början.",
            ),
            (
                "list",
                "Gå igenom med klienten:",
                [
                    "Vilka för- och nackdelar det kunde ha att berätta just på den här arbetsplatsen",
                    "Om coachen får kontakta arbetsgivaren och i vilka frågor",
                    "Med vilka ord saken berättas, om den berättas",
                    "Vad som inte berättas i någon situation",
                ],
            ),
            ("tip", "Återkom till frågan mer än en gång. Valet kan ändras när klienten lär känna arbetsgivaren."),
            (
                "p",
                "Registrera i Polku att ni har diskuterat saken. Själva innehållet i samtalet behöver inte "
                "registreras.",
            ),
            ("item", "V2"),
            ("link", "employer-relationships"),
        ],
    },
}

BASICS = [IPS_PRINCIPLES, EUSE_STAGES, BENEFITS, DISCLOSURE]
