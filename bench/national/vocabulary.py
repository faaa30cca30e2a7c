"""What the national data is made of: the counties, names, jobs and weights, and the scales to make it at."""

from dataclasses import dataclass

# Bump when the generated data changes: the benchmark's cached database is named after it.
VERSION = 1
PASSWORD = "polku-national-2026"

# The 21 wellbeing services counties: code, name, residents (thousands), two municipalities.
ORGANISATIONS = [
    ("itu", "Itä-Uudenmaan hyvinvointialue", 97, ("Porvoo", "Loviisa")),
    ("kuu", "Keski-Uudenmaan hyvinvointialue", 200, ("Hyvinkää", "Järvenpää")),
    ("luu", "Länsi-Uudenmaan hyvinvointialue", 480, ("Espoo", "Lohja")),
    ("vak", "Vantaan ja Keravan hyvinvointialue", 280, ("Vantaa", "Kerava")),
    ("vsh", "Varsinais-Suomen hyvinvointialue", 485, ("Turku", "Salo")),
    ("sat", "Satakunnan hyvinvointialue", 213, ("Pori", "Rauma")),
    ("kha", "Kanta-Hämeen hyvinvointialue", 170, ("Hämeenlinna", "Riihimäki")),
    ("pir", "Pirkanmaan hyvinvointialue", 530, ("Tampere", "Nokia")),
    ("pha", "Päijät-Hämeen hyvinvointialue", 205, ("Lahti", "Heinola")),
    ("kym", "Kymenlaakson hyvinvointialue", 162, ("Kotka", "Kouvola")),
    ("eka", "Etelä-Karjalan hyvinvointialue", 127, ("Lappeenranta", "Imatra")),
    ("esa", "Etelä-Savon hyvinvointialue", 131, ("Mikkeli", "Savonlinna")),
    ("psa", "Pohjois-Savon hyvinvointialue", 248, ("Kuopio", "Iisalmi")),
    ("pka", "Pohjois-Karjalan hyvinvointialue", 163, ("Joensuu", "Lieksa")),
    ("ksu", "Keski-Suomen hyvinvointialue", 275, ("Jyväskylä", "Äänekoski")),
    ("epo", "Etelä-Pohjanmaan hyvinvointialue", 191, ("Seinäjoki", "Lapua")),
    ("poh", "Pohjanmaan hyvinvointialue", 176, ("Vaasa", "Pietarsaari")),
    ("kpo", "Keski-Pohjanmaan hyvinvointialue", 68, ("Kokkola", "Kannus")),
    ("ppo", "Pohjois-Pohjanmaan hyvinvointialue", 415, ("Oulu", "Raahe")),
    ("kai", "Kainuun hyvinvointialue", 71, ("Kajaani", "Kuhmo")),
    ("lap", "Lapin hyvinvointialue", 176, ("Rovaniemi", "Kemi")),
]
FIRST_NAMES = [
    "Aino", "Eino", "Helmi", "Väinö", "Sofia", "Leo", "Ella", "Oliver", "Venla", "Elias", "Aada", "Onni", "Lilja",
    "Eetu", "Emma", "Juho", "Iida", "Ville", "Kaisa", "Jari", "Sanna", "Petri", "Leena", "Mikko", "Tiina", "Anders",
    "Johanna", "Emil", "Marja", "Heikki", "Noora", "Antti",
]  # fmt: skip
LAST_NAMES = [
    "Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen", "Koskinen",
    "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen", "Niemi", "Heikkilä", "Kinnunen",
    "Salonen", "Turunen", "Salo", "Laitinen", "Tuominen", "Rantanen", "Karjalainen", "Jokinen", "Mattila",
    "Holm", "Lindqvist", "Björk", "Savolainen", "Lahtinen",
]  # fmt: skip
JOBS = [
    ("Myyjä", "5223"), ("Varastotyöntekijä", "9333"), ("Keittiöapulainen", "9412"), ("Siivooja", "9112"),
    ("Kiinteistönhoitaja", "5153"), ("Lähihoitaja", "5322"), ("Asiakaspalvelija", "4222"), ("Kuljettaja", "8322"),
    ("Tuotantotyöntekijä", "9329"), ("Toimistotyöntekijä", "4110"), ("Ohjelmistotestaaja", "2519"),
    ("Leipomotyöntekijä", "7512"), ("Puutarhatyöntekijä", "6113"), ("Kokki", "5120"),
]  # fmt: skip
EMPLOYER_STEMS = [
    "Kauppahalli", "Logistiikka", "Metallityö", "Kiinteistöhuolto", "Ravintolat", "Puusepänliike", "Konepaja",
    "Siivouspalvelu", "Kasvihuone", "Satamapalvelu", "Rakennus", "Kirjapaino", "Hoivakoti", "IT-palvelut",
    "Leipomo", "Autokorjaamo", "Kukkakauppa", "Kuljetus",
]  # fmt: skip
INDUSTRIES = "CCGGGHHIINNQQFJA"
OUTCOMES = [("education", 3), ("rehabilitation", 2), ("other_services", 3), ("pension", 1), ("moved_away", 1)]
OUTCOMES += [("declined_or_stopped", 3)]
CONTACT_PURPOSES = [
    ("first_meeting", 2), ("relationship_visit", 4), ("job_opening", 3), ("on_behalf_of_client", 4),
    ("workplace_support", 2),
]  # fmt: skip
SERVICES = ["ips", "assessment"]
GENDERS = ["female", "male", "other", "unknown"]
LABOUR_MARKET = ["unemployed", "long_term_unemployed", "long_term_unemployed", "inactive", "student", "rehabilitation"]
EDUCATION = ["isced_0_2", "isced_3_4", "isced_3_4", "isced_5_8", ""]
CONTRACTS = ["permanent", "fixed_term", "on_call", "apprenticeship", "self_employed", "other"]
CONSENT_SCOPE = "Työllisyyspalvelut, Kela, hoitotaho"
GOALS = ["Löytää osa-aikatyö omalta alalta", "Säännöllinen päivärytmi", "Ajokortin hankkiminen"]
NEXT_STEPS = {
    "engagement": "Sopia tavoitteet ja suostumus",
    "profile": "Täydentää ammatillinen profiili",
    "job_finding": "Kaksi työnantajakäyntiä tällä viikolla",
    "employer_engagement": "Sopia työnkuvasta työnantajan kanssa",
    "support": "Seurantakäynti työpaikalla",
}
CLIENT_COLUMNS = [
    "id", "organisation_id", "team_id", "coach_id", "code", "first_name", "last_name", "stage", "stage_since",
    "programme_entry", "service_type", "service_started", "service_ended", "birth_year", "gender", "municipality",
    "language", "labour_market_status", "education_level", "out_of_work_at_referral", "treatment_team_id",
    "next_step", "closed_on", "outcome", "satisfaction", "created", "updated",
]  # fmt: skip
JOB_COLUMNS = [
    "id", "client_id", "employer_id", "title", "occupation_code", "start_date", "end_date", "hours_per_week",
    "hourly_wage", "contract_type", "competitive", "wage_subsidy", "end_reason", "created_by_id", "created",
]  # fmt: skip
END_REASONS = ["contract_ended", "better_job", "resigned", "dismissed", "laid_off", "health", "studies", "other"]


@dataclass(frozen=True)
class Scale:
    organisations: int
    residents_per_team: int  # thousands of residents per IPS team: fewer means more teams
    min_teams: int
    coaches_per_team: tuple[int, ...]  # cycled over the teams
    clients_per_coach: int
    days: int  # history
    entries_per_day: tuple[int, int]
    contact_chance: float  # of an employer contact on a working day
    employers_per_coach: int


SCALES = {
    "national": Scale(21, 38, 2, (4, 5, 6), 33, 3 * 365, (4, 6), 0.78, 18),
    "tiny": Scale(2, 100_000, 2, (2,), 5, 400, (2, 3), 0.5, 3),
}
# Minimums the issue sets for the national scale; the command checks them after a run.
NATIONAL_MINIMUMS = {
    "ips.Organisation": 21,
    "ips.Team": 120,
    "ips.Client": 20_000,
    "ips.TimeEntry": 2_000_000,
    "employers.EmployerContact": 300_000,
    "employers.Job": 25_000,
}
