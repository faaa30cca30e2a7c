"""Training pages of the section "In practice": employers, follow-along, fidelity reviews, Polku."""

EMPLOYERS = {
    "key": "employer-relationships",
    "principles": ["job-development", "client-preferences"],
    "stages": ["stage-3", "stage-4"],
    "items": ["V5", "V6", "V7", "V8", "V9"],
    "fi": {
        "title": "Työnantajasuhteiden rakentaminen",
        "slug": "tyonantajasuhteet",
        "intro": "Työpaikat löytyvät useimmiten tapaamalla työnantajia kasvokkain, ei ilmoituksia selaamalla.",
        "body": [
            (
                "p",
                "Hyvä työhönvalmentaja tapaa työnantajia joka viikko, vähintään kuusi kertaa viikossa "
                "laatuarvioinnin huipputasolla. Tapaamiset valitaan asiakkaiden toiveiden mukaan.",
            ),
            ("h2", "Ensimmäinen käynti"),
            (
                "p",
                "Ensimmäisellä käynnillä kannattaa kuunnella: mitä yritys tekee, milloin heillä on kiirettä ja "
                "millainen on hyvä työntekijä heidän mielestään. Työpaikkaa ei tarvitse pyytää heti.",
            ),
            (
                "list",
                "Muista:",
                [
                    "Sovi seuraava yhteydenotto ennen kuin lähdet",
                    "Käy saman työnantajan luona useita kertoja suunnitelmallisesti",
                    "Kerro, mitä tukea tarjoat myös työnantajalle",
                    "Kirjaa käynti Polkuun ja merkitse, vastasiko se asiakkaan toiveita",
                ],
            ),
            (
                "tip",
                "Monenlaiset työt ja monet eri työnantajat ovat merkki siitä, että työnhaku seuraa asiakkaiden "
                "omia toiveita.",
            ),
            ("item", "V6"),
            ("item", "V7"),
            ("link", "disclosure"),
        ],
    },
    "sv": {
        "title": "Att bygga relationer med arbetsgivare",
        "slug": "arbetsgivarrelationer",
        "intro": "Arbetsplatser hittas oftast genom att träffa arbetsgivare ansikte mot ansikte, inte genom att "
        "bläddra bland annonser.",
        "body": [
            (
                "p",
                "En bra arbetscoach träffar arbetsgivare varje vecka, minst sex gånger i veckan på "
                "kvalitetsbedömningens högsta nivå. Träffarna väljs enligt klienternas önskemål.",
            ),
            ("h2", "Det första besöket"),
            (
                "p",
                "Vid det första besöket lönar det sig att lyssna: vad företaget gör, när de har bråttom och vad en "
                "bra arbetstagare är enligt dem. Du behöver inte be om en arbetsplats genast.",
            ),
            (
                "list",
                "Kom ihåg:",
                [
                    "Kom överens om nästa kontakt innan du går",
                    "Besök samma arbetsgivare flera gånger enligt en plan",
                    "Berätta vilket stöd du erbjuder också arbetsgivaren",
                    "Registrera besöket i Polku och markera om det motsvarade klientens önskemål",
                ],
            ),
            (
                "tip",
                "Många slags arbeten och många olika arbetsgivare visar att arbetssökandet följer klienternas "
                "egna önskemål.",
            ),
            ("item", "V6"),
            ("item", "V7"),
            ("link", "disclosure"),
        ],
    },
}

FOLLOW_ALONG = {
    "key": "follow-along",
    "principles": ["time-unlimited-support"],
    "stages": ["stage-5"],
    "items": ["V11", "V12"],
    "fi": {
        "title": "Tuki työn alettua",
        "slug": "tuki-tyossa",
        "intro": "Työn alku on monelle raskas vaihe. Tiivis ja yksilöllinen tuki auttaa pysymään työssä.",
        "body": [
            (
                "list",
                "Hyvän käytännön aikataulu:",
                [
                    "Tapaa asiakas viikon sisällä ennen työn alkua",
                    "Tapaa asiakas kolmen päivän sisällä työn alkamisesta",
                    "Ensimmäisen kuukauden ajan tapaa viikoittain",
                    "Sen jälkeen vähintään kerran kuukaudessa noin vuoden ajan",
                    "Jos työ päättyy, ota yhteyttä kolmen päivän sisällä",
                ],
            ),
            (
                "p",
                "Tuki voi tulla monelta: valmentajalta, hoitotiimiltä, läheisiltä, työkavereilta tai "
                "työnantajalta. Tukea voi olla myös työn ulkopuolella, esimerkiksi arjen rytmissä tai matkoissa.",
            ),
            (
                "note",
                "Työn päättyminen ei ole epäonnistuminen. Siitä opitaan, mikä sopii, ja seuraava työ "
                "etsitään sen pohjalta.",
            ),
            ("p", "Kun työ sujuu, puhukaa myös urasta: lisää tunteja, uusia tehtäviä tai koulutusta."),
            ("item", "V12"),
            ("link", "euse-stages"),
        ],
    },
    "sv": {
        "title": "Stöd efter att arbetet har börjat",
        "slug": "stod-i-arbetet",
        "intro": "Början på ett nytt arbete är tung för många. Tätt och individuellt stöd hjälper att stanna kvar "
        "i arbetet.",
        "body": [
            (
                "list",
                "Tidtabell enligt god praxis:",
                [
                    "Träffa klienten inom en vecka innan arbetet börjar",
                    "Träffa klienten inom tre dagar efter att arbetet har börjat",
                    "Träffas varje vecka under den första månaden",
                    "Därefter minst en gång i månaden i ungefär ett år",
                    "Om arbetet tar slut, ta kontakt inom tre dagar",
                ],
            ),
            (
                "p",
                "Stödet kan komma från många håll: coachen, vårdteamet, närstående, arbetskamrater eller "
                "arbetsgivaren. Stöd kan också behövas utanför arbetet, till exempel för dygnsrytmen eller resorna.",
            ),
            (
                "note",
                "Att ett arbete tar slut är inget misslyckande. Man lär sig vad som passar, och nästa arbete "
                "söks utifrån det.",
            ),
            ("p", "När arbetet löper, tala också om karriären: fler timmar, nya uppgifter eller utbildning."),
            ("item", "V12"),
            ("link", "euse-stages"),
        ],
    },
}

FIDELITY_REVIEW = {
    "key": "fidelity-review",
    "principles": [],
    "stages": [],
    "items": ["O4", "O5", "O8"],
    "fi": {
        "title": "Miten laatuarviointi etenee",
        "slug": "laatuarviointi",
        "intro": "IPS-menetelmäuskollisuuden arviointi kertoo, kuinka hyvin tiimin työ vastaa mallia. Se on "
        "kehittämisen työväline, ei tarkastus.",
        "body": [
            (
                "p",
                "Arviointiasteikossa on 25 kohtaa, ja jokainen pisteytetään yhdestä viiteen. Yhteispisteet ovat "
                "25–125: 115 tai enemmän on erinomainen, 100–114 hyvä, 74–99 kohtalainen ja 73 tai alle ei vielä "
                "IPS:ää. Suomessa 100 pistettä katsotaan hyväksi menetelmäuskollisuudeksi.",
            ),
            ("h2", "Arvioinnin kulku"),
            (
                "list",
                "",
                [
                    "Yleensä kaksi arvioijaa käyttää tiimiin yhden tai kaksi päivää",
                    "He haastattelevat valmentajia, tiimin vetäjää, asiakkaita ja yhteistyökumppaneita",
                    "He lukevat kirjauksia ja suunnitelmia ja seuraavat työtä",
                    "Raportti alkaa vahvuuksista, sitten jokainen kohta perusteluineen ja suosituksineen",
                    "Lopuksi sovitaan kehittämissuunnitelma",
                ],
            ),
            ("p", "Arviointi toistetaan puolen vuoden välein, kunnes taso on hyvä, ja sen jälkeen kerran vuodessa."),
            (
                "tip",
                "Polku laskee osan kohdista valmiiksi tiimin kirjauksista. Arvioija tarkistaa luvut ja voi "
                "muuttaa ehdotusta perustellen.",
            ),
            ("item", "O5"),
            ("link", "polku-daily"),
        ],
    },
    "sv": {
        "title": "Så går en kvalitetsbedömning till",
        "slug": "kvalitetsbedomning",
        "intro": "Bedömningen av IPS-metodtrohet visar hur väl teamets arbete motsvarar modellen. Den är ett "
        "verktyg för utveckling, inte en inspektion.",
        "body": [
            (
                "p",
                "Bedömningsskalan har 25 punkter och varje punkt får ett till fem poäng. Totalpoängen är 25–125: "
                "115 eller mer är utmärkt, 100–114 bra, 74–99 godtagbart och 73 eller mindre ännu inte IPS. I Finland "
                "räknas 100 poäng som god metodtrohet.",
            ),
            ("h2", "Hur bedömningen går till"),
            (
                "list",
                "",
                [
                    "Oftast använder två bedömare en eller två dagar hos teamet",
                    "De intervjuar coacher, teamledaren, klienter och samarbetspartner",
                    "De läser anteckningar och planer och följer arbetet",
                    "Rapporten börjar med styrkorna, sedan varje punkt med motivering och rekommendation",
                    "Till sist kommer man överens om en utvecklingsplan",
                ],
            ),
            ("p", "Bedömningen upprepas med ett halvt års mellanrum tills nivån är bra, sedan en gång om året."),
            (
                "tip",
                "Polku räknar ut en del av punkterna på förhand utifrån teamets anteckningar. Bedömaren "
                "kontrollerar siffrorna och kan ändra förslaget med en motivering.",
            ),
            ("item", "O5"),
            ("link", "polku-daily"),
        ],
    },
}

POLKU_DAILY = {
    "key": "polku-daily",
    "principles": [],
    "stages": [],
    "items": ["S2", "V6", "V13"],
    "fi": {
        "title": "Polku arjessa",
        "slug": "polku-arjessa",
        "intro": "Polku on tiimin päivittäinen työväline. Lyhyet kirjaukset päivän mittaan riittävät.",
        "body": [
            (
                "list",
                "Päivän kirjaukset:",
                [
                    "Työaika minuutteina: mitä teit ja missä (lähiympäristössä, työpaikalla, kotona, toimistolla, "
                    "puhelimessa tai videolla)",
                    "Työnantajakontaktit: tapasitko kasvokkain ja vastasiko kontakti asiakkaan toiveita",
                    "Asiakkaan vaihe, kun polku etenee",
                    "Työn alku ja päättyminen, etuusneuvonta ja keskustelut tiedon kertomisesta",
                ],
            ),
            (
                "warning",
                "Kirjaa suostumus tietojen vaihtoon ennen verkostotyötä. Älä kirjaa diagnooseja, ja pidä "
                "vapaat tekstit lyhyinä.",
            ),
            (
                "p",
                "Asiakkaan nimi näkyy vain hänen omalla sivullaan; muualla käytetään tunnuskoodia. Jokainen "
                "asiakastietojen katselu kirjautuu lokiin, kuten laki edellyttää.",
            ),
            ("tip", "Kielen voit vaihtaa sivun yläreunasta. Valinta tallentuu ja seuraa sinua muille laitteille."),
            (
                "p",
                "Koulutusmateriaalin sivut voi merkitä luetuiksi. Tiimin vetäjä näkee, mitkä sivut tiimissä on luettu.",
            ),
            ("link", "fidelity-review"),
        ],
    },
    "sv": {
        "title": "Polku i vardagen",
        "slug": "polku-i-vardagen",
        "intro": "Polku är teamets dagliga verktyg. Korta anteckningar under dagens lopp räcker.",
        "body": [
            (
                "list",
                "Dagens anteckningar:",
                [
                    "Arbetstid i minuter: vad du gjorde och var (ute i samhället, på en arbetsplats, hemma hos "
                    "klienten, på kontoret, per telefon eller video)",
                    "Arbetsgivarkontakter: träffades ni ansikte mot ansikte och motsvarade kontakten "
                    "klientens önskemål",
                    "Klientens steg, när vägen framskrider",
                    "Arbetets början och slut, förmånsrådgivning och samtal om att berätta om hälsan",
                ],
            ),
            (
                "warning",
                "Registrera samtycket till informationsutbyte innan nätverksarbetet börjar. Registrera "
                "inga diagnoser, och håll fritexterna korta.",
            ),
            (
                "p",
                "Klientens namn syns bara på hens egen sida; annars används en pseudonymkod. Varje gång någon "
                "tittar på klientuppgifter loggas det, så som lagen kräver.",
            ),
            ("tip", "Språket byter du högst upp på sidan. Valet sparas och följer dig till andra enheter."),
            (
                "p",
                "Sidorna i utbildningsmaterialet kan markeras som lästa. Teamledaren ser vilka sidor teamet har läst.",
            ),
            ("link", "fidelity-review"),
        ],
    },
}

PRACTICE = [EMPLOYERS, FOLLOW_ALONG, FIDELITY_REVIEW, POLKU_DAILY]
