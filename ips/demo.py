"""The demo caseload of Vaasan työkykytiimi: clients in every stage, their records and weeks of daily logs.

Everything is derived from a fixed seed and dates relative to today, so every run gives the same picture.
"""

import random
from datetime import date, timedelta
from decimal import Decimal
from importlib import import_module
from uuid import NAMESPACE_URL, uuid5

from django.apps import apps as django_apps

from ips.demo_team import kykyviisari_areas
from ips.models import (
    ActivityKind,
    Client,
    ClientAssignment,
    ClientTreatmentTeam,
    Consent,
    Coordinator,
    Goal,
    KykyviisariScore,
    Outcome,
    Party,
    Referral,
    ReferralSource,
    ServicePeriod,
    Stage,
    StageChange,
    TargetGroup,
    TimeEntry,
    TreatmentTeam,
    TreatmentTeamMembership,
    VocationalProfile,
)
from ips.models.esf import ESF_CHARACTERISTICS, ESF_EXIT_RESULTS, EsfAnswer, FollowUpResult

VAASA = "Vaasan työkykytiimi"
# Professions, parties and the team's activity kinds (issue 15): renumbered with the migration.
TEAM_LISTS_MIGRATION = "ips.migrations.0018_team_data"
# The parties the demo clients' consents name: their network, and employers for the IPS coach's job finding.
DEMO_CONSENT_PARTIES = ["kela", "employment_services", "health_care", "employers"]
TREATMENT_TEAMS = [
    ("Vaasan psykiatrian poliklinikka", ["coach", "coach2"]),
    ("Vaasan mielenterveys- ja päihdepalvelut", ["coach2"]),
    ("Pietarsaaren mielenterveystiimi", ["coach.other"]),
]
# One client a line: code | first | last | team (V = Vaasa, P = Pietarsaari) | coach | stage | days since entry |
# gender | birth year | language | labour-market status | education | referral source | target groups (comma) |
# treatment team (index, - for none) | quiet (no contact for 14+ days) | outcome
CLIENT_ROWS = """
POH-D0001|Ville|Esimerkki|V|coach|job_finding|70|male|1988|fi|long_term_unemployed|isced_3_4|mental_health_services|mental_health|0||
POH-D0002|Kaisa|Kokeilu|V|coach|profile|30|female|1999|fi|unemployed|isced_0_2|employment_services|young_people|0||
POH-D0003|Anders|Testberg|V|coach2|profile|40|male|1979|sv|inactive|isced_3_4|health_centre|mental_health|1||
POH-D0004|Marja|Malli|P|coach.other|engagement|20|female|1985|fi|unemployed|isced_5_8|kela||2||
POH-D0005|Jari|Jokinen|V|coach|engagement|10|male|1996|fi|unemployed|isced_0_2|self_referral|young_people|-||
POH-D0006|Sanna|Saarinen|V|coach|employer_engagement|120|female|1983|fi|long_term_unemployed|isced_5_8|specialised_care|mental_health|0||
POH-D0007|Petri|Paananen|V|coach|support|200|male|1975|fi|inactive|isced_3_4|mental_health_services|substance_use|0||
POH-D0008|Leena|Lehto|V|coach|job_finding|90|female|1991|fi|unemployed|isced_3_4|social_services|partial_work_ability|0|quiet|
POH-D0009|Tiina|Tuominen|V|coach|closed|300|female|1990|fi|unemployed|isced_3_4|employment_services|mental_health|0||open_market_job
POH-D0010|Olli|Ojala|V|coach|engagement|25|male|1969|fi|long_term_unemployed|isced_0_2|kela|long_term_unemployed|-|quiet|
POH-D0011|Sofia|Lindqvist|V|coach2|job_finding|60|female|2001|sv|student|isced_3_4|student_health|young_people|1||
POH-D0012|Emil|Holm|V|coach2|support|240|male|1987|sv|unemployed|isced_3_4|mental_health_services|mental_health|1||
POH-D0013|Johanna|Wikström|V|coach2|employer_engagement|100|female|1980|sv|inactive|isced_5_8|occupational_health|partial_work_ability|0||
POH-D0014|Kalle|Mäkinen|V|coach2|engagement|7|male|1994|fi|unemployed|isced_0_2|third_sector|substance_use|-||
POH-D0015|Ida|Storm|V|coach2|closed|280|female|1998|sv|unemployed|isced_3_4|youth_services|young_people|1||education
POH-D0016|Heikki|Rantala|V|coach2|profile|50|male|1972|fi|long_term_unemployed|isced_0_2|immigrant_services|immigrants|0||
"""
# Earlier clients, so that last year's figures are filled: the columns above, then days since closure.
# Their jobs come from seed_employers_demo (HISTORY_JOBS); a light monthly log covers their time in the programme.
HISTORY_ROWS = """
POH-H0001|Mikko|Virtanen|V|coach|closed|760|male|1984|fi|long_term_unemployed|isced_3_4|mental_health_services|mental_health|0||open_market_job|480
POH-H0002|Hanna|Nieminen|V|coach|closed|700|female|1992|fi|unemployed|isced_5_8|employment_services|mental_health|0||open_market_job|420
POH-H0003|Aleksi|Koskinen|V|coach2|closed|640|male|1997|fi|student|isced_3_4|student_health|young_people|1||education|390
POH-H0004|Elina|Heikkinen|V|coach2|closed|560|female|1986|fi|inactive|isced_3_4|health_centre|partial_work_ability|1||open_market_job|200
POH-H0005|Tuomas|Laaksonen|V|coach|closed|620|male|1978|fi|long_term_unemployed|isced_0_2|kela|long_term_unemployed|0||open_market_job|340
POH-H0006|Maria|Forsman|V|coach2|closed|590|female|1995|sv|unemployed|isced_3_4|mental_health_services|mental_health|1||open_market_job|360
POH-H0007|Antti|Salonen|V|coach|closed|540|male|1990|fi|unemployed|isced_3_4|social_services|substance_use|0||declined_or_stopped|400
POH-H0008|Noora|Karjalainen|V|coach|closed|500|female|2000|fi|unemployed|isced_0_2|youth_services|young_people|-||rehabilitation|370
POH-H0009|Jukka|Lahtinen|P|coach.other|closed|680|male|1968|fi|long_term_unemployed|isced_0_2|employment_services|long_term_unemployed|2||open_market_job|410
POH-H0010|Laura|Hämäläinen|P|coach.other|closed|520|female|1989|fi|unemployed|isced_5_8|mental_health_services|mental_health|2||open_market_job|150
"""
PATH = ["engagement", "profile", "job_finding", "employer_engagement", "support"]
# Referrals still open, and declined ones (kept without a name for the zero-exclusion item).
PENDING = [("Outi", "Ohjattava", 1993, "Vaasa", "health_centre", 2), ("Rasmus", "Berg", 1989, "Mustasaari", "kela", 5)]
DECLINED = [(1970, "Vaasa", "self_referral", 40, "client_declined"), (1985, "Seinäjoki", "kela", 65, "outside_area")]
GOALS = ["Löytää osa-aikatyö omalta alalta", "Säännöllinen päivärytmi", "Ajokortin hankkiminen"]
# fmt: off
KIND_WEIGHTS = [
    ("client_meeting", 6), ("vocational_profiling", 2), ("job_search", 4), ("employer_contact", 4),
    ("on_the_job_support", 2), ("off_the_job_support", 2), ("benefits_counselling", 1),
    ("disclosure_discussion", 1), ("outreach_attempt", 1), ("treatment_team_meeting", 1), ("network_meeting", 1),
    ("documentation", 3), ("travel", 2), ("supervision", 1),
]
# fmt: on
# fmt: off
SETTINGS = {
    "client_meeting": ["community", "client_home", "office"],
    "vocational_profiling": ["community", "office"],
    "job_search": ["community"],
    "employer_contact": ["workplace"],
    "on_the_job_support": ["workplace"],
    "off_the_job_support": ["community", "client_home"],
    "benefits_counselling": ["office", "remote"],
    "disclosure_discussion": ["community", "office"],
    "outreach_attempt": ["remote"],
    "treatment_team_meeting": ["office"],
    "network_meeting": ["office", "remote"],
    "documentation": ["office"],
    "travel": ["community"],
    "supervision": ["office"],
}
# fmt: on
WITHOUT_CLIENT = {"employer_contact", "documentation", "travel", "supervision"}
LOG_DAYS = 42


def ensure_lists() -> None:
    """Reload the shipped lists (activity kinds, referral sources, target groups) if a flush removed them.

    They come from a data migration; transactional tests (the browser tests) flush every table between tests.
    """
    if not ActivityKind.objects.exists():
        import_module("ips.migrations.0002_caseload_and_daily_log").load_lists(django_apps, None)
    if not Party.objects.exists():
        team_lists = import_module(TEAM_LISTS_MIGRATION)
        team_lists.load(django_apps, None)
        team_lists.load_parties(django_apps, None)


def load(*, teams, users, today: date | None = None) -> None:
    today = today or date.today()
    ensure_lists()
    rng = random.Random(2026)
    organisation = teams[VAASA].organisation
    treatment_teams = []
    for name, members in TREATMENT_TEAMS:
        team, _ = TreatmentTeam.objects.get_or_create(organisation=organisation, name=name)
        team.coaches.set([users[m] for m in members])
        for member in members:  # the dated history behind `coaches` (ips.staff keeps the two in step)
            TreatmentTeamMembership.objects.get_or_create(
                treatment_team=team, user=users[member], defaults={"started": today - timedelta(days=365)}
            )
        treatment_teams.append(team)
    sources = {s.code: s for s in ReferralSource.objects.all()}
    groups = {g.code: g for g in TargetGroup.objects.all()}
    clients = []
    lookups = {"teams": teams, "users": users, "sources": sources, "groups": groups, "treatment_teams": treatment_teams}
    for line in CLIENT_ROWS.strip().splitlines():
        columns = line.split("|")
        client = _client_from_row(columns, lookups, rng=rng, today=today)
        client.quiet = columns[15] == "quiet"
        clients.append(client)
    _referrals(teams[VAASA], sources, today)
    kinds = {k.code: k for k in ActivityKind.objects.all()}
    for username in ("coach", "coach2"):
        mine = [c for c in clients if c.coach_id == users[username].pk]
        _log(users[username], teams[VAASA], mine, kinds, rng, today)
    _esf([*clients, *_history(lookups, kinds=kinds, today=today)], today)


def _client_from_row(columns, lookups, *, rng, today, end=None):
    """One line of CLIENT_ROWS (or HISTORY_ROWS without its last column) as a client with their records."""
    code, first, last, team, coach, stage, days, gender, born, lang, status, edu, source, target, tt, _, outcome = (
        columns
    )
    team_names = {"V": VAASA, "P": "Pietarsaaren työkykytiimi"}
    return _client(
        code=code,
        first=first,
        last=last,
        team=lookups["teams"][team_names[team]],
        coach=lookups["users"][coach],
        stage=stage,
        entry=today - timedelta(days=int(days)),
        demographics={"gender": gender, "birth_year": int(born), "language": lang},
        status=status,
        edu=edu,
        source=lookups["sources"][source],
        target=[lookups["groups"][g] for g in target.split(",") if g],
        treatment_team=None if tt == "-" else lookups["treatment_teams"][int(tt)],
        outcome=outcome,
        rng=rng,
        today=today,
        end=end,
    )


def _history(lookups, *, kinds, today):
    """Earlier clients with their own random sequence, so the recent demo weeks stay as they are."""
    rng = random.Random(2025)
    earlier = []
    for line in HISTORY_ROWS.strip().splitlines():
        *columns, closed_days = line.split("|")
        end = today - timedelta(days=int(closed_days))
        earlier.append(_client_from_row(columns, lookups, rng=rng, today=today, end=end))
    # Two or three entries a month while in the programme, ending before the recent weeks _log() covers.
    TimeEntry.objects.filter(client__in=earlier).delete()
    last_day = today - timedelta(days=LOG_DAYS + 1)
    entries = []
    for client in earlier:
        day = client.programme_entry
        while day <= min(client.closed_on or last_day, last_day):
            for n, code in enumerate(rng.sample(["client_meeting", "job_search", "on_the_job_support"], k=2)):
                entries.append(
                    TimeEntry(
                        date=day + timedelta(days=n),
                        coach=client.coach,
                        team=client.team,
                        minutes=rng.choice([45, 60, 90]),
                        kind=kinds[code],
                        setting=SETTINGS[code][0],
                        client=client,
                        submission_id=uuid5(NAMESPACE_URL, f"polku-demo/{client.code}/{day}/{n}"),
                    )
                )
            day += timedelta(days=rng.choice([12, 15, 18]))
    TimeEntry.objects.bulk_create(entries)
    return earlier


def _esf(clients, today):
    """The ESF+ fields (issue 18) with their own random sequence: characteristics at entry, results and follow-ups.

    Some answers are "does not want to say" and some left unrecorded, as in a real caseload.
    """
    rng = random.Random(1057)
    answers = [EsfAnswer.YES, EsfAnswer.NO, EsfAnswer.NO, EsfAnswer.NO, EsfAnswer.DECLINED, ""]
    for client in clients:
        client.disability = rng.choice([EsfAnswer.YES, EsfAnswer.YES, EsfAnswer.NO, EsfAnswer.DECLINED])
        for name, _label in ESF_CHARACTERISTICS[1:]:
            setattr(client, name, rng.choice(answers))
        client.third_country_national = EsfAnswer.NO if client.language == "sv" else client.third_country_national
        if client.closed_on:
            employed = client.outcome == Outcome.OPEN_MARKET_JOB
            client.exit_employed = employed
            client.exit_job_searching = not employed and rng.random() < 0.6
            client.exit_in_education = client.outcome == Outcome.EDUCATION
            client.exit_qualification = client.exit_in_education and rng.random() < 0.5
            if client.followup_due_on <= today:
                client.followup_on = client.followup_due_on + timedelta(days=rng.randint(0, 20))
                client.followup_result = rng.choice(
                    [FollowUpResult.EMPLOYED] * (3 if employed else 1)
                    + [FollowUpResult.NOT_EMPLOYED, FollowUpResult.NOT_REACHED]
                )
    Client.objects.bulk_update(
        clients,
        [name for name, _label in (*ESF_CHARACTERISTICS, *ESF_EXIT_RESULTS)] + ["followup_on", "followup_result"],
    )


def _client(*, code, first, last, team, coach, stage, entry, demographics, status, edu, source, target, **rest):
    treatment_team, outcome, rng, today = rest["treatment_team"], rest["outcome"], rest["rng"], rest["today"]
    closed = stage == Stage.CLOSED
    reached = len(PATH) if closed else PATH.index(stage) + 1
    # Stages are spread evenly from entry to today, or to the closure day when the row gives one.
    end = rest.get("end")
    step = max((end - entry).days // reached, 1) if end else max((today - entry).days // (reached + 1), 1)
    changes = [(PATH[n], entry + timedelta(days=n * step)) for n in range(reached)]
    closed_on = entry + timedelta(days=reached * step) if closed else None
    if closed:
        changes.append((Stage.CLOSED, closed_on))
    client, _ = Client.objects.update_or_create(
        organisation=team.organisation,
        code=code,
        defaults={
            "first_name": first,
            "last_name": last,
            "team": team,
            "coach": coach,
            "stage": stage,
            "stage_since": changes[-1][1],
            "programme_entry": entry,
            "service_type": "assessment" if code == "POH-D0010" else "ips",
            "service_started": entry,
            "service_ended": closed_on,
            "municipality": "Vaasa" if demographics["language"] == "fi" else "Mustasaari",
            **demographics,
            "labour_market_status": status,
            "education_level": edu,
            "out_of_work_at_referral": status != "employed",
            "treatment_team": treatment_team,
            "closed_on": closed_on,
            "outcome": outcome,
            "satisfaction": rng.choice([8, 9, 10]) if closed else None,
            "closure_reason": "",
            "next_step": "" if closed else _next_step(stage),
        },
    )
    client.target_groups.set(target)
    # The records are rebuilt on every run, so the demo is the same however often it is loaded.
    for model in (
        StageChange,
        ClientAssignment,
        ServicePeriod,
        ClientTreatmentTeam,
        Consent,
        Goal,
        KykyviisariScore,
        VocationalProfile,
        Coordinator,
    ):
        model.objects.filter(client=client).delete()
    Coordinator.objects.create(
        client=client,
        name="Sari Sosiaaliohjaaja",
        organisation_name="Vaasan aikuissosiaalityö",
        started=entry,
        ended=closed_on + timedelta(days=1) if closed_on else None,
    )
    StageChange.objects.bulk_create(
        StageChange(client=client, stage=s, changed_on=d, changed_by=coach) for s, d in changes
    )
    ClientAssignment.objects.create(
        client=client, team=team, coach=coach, started=entry, ended=closed_on + timedelta(days=1) if closed_on else None
    )
    # The service as accepting a referral writes it: the funder figures count IPS clients by it.
    ServicePeriod.objects.create(
        client=client,
        service=client.service_type,
        started=entry,
        ended=closed_on + timedelta(days=1) if closed_on else None,
    )
    if treatment_team is not None:  # the dated row fidelity item O1 reads, as the admin's pages write it
        ClientTreatmentTeam.objects.create(client=client, treatment_team=treatment_team, started=entry)
    if code != "POH-D0014":  # one new client still waits for consent: network work is blocked for them
        consent = Consent.objects.create(client=client, given_on=entry, scope="Työllisyyspalvelut, Kela, hoitotaho")
        consent.parties.set(Party.objects.filter(code__in=DEMO_CONSENT_PARTIES))
    for n, text in enumerate(GOALS[: 1 + reached % 3]):
        Goal.objects.create(
            client=client, text=text, set_on=entry + timedelta(days=n), status="achieved" if closed else "open"
        )
    if reached >= 2:
        VocationalProfile.objects.create(
            client=client,
            preferences="Ulkotyöt, logistiikka",
            strengths="Täsmällinen, hyvä asiakaspalvelija",
            work_history="Varastotyöntekijä 2012–2016; kaupan kassa",
        )
    seed = int(code[-2:]) if code[-2:].isdigit() else reached
    KykyviisariScore.objects.create(
        client=client,
        measured_on=entry,
        score=Decimal("4.5"),
        kind="entry",
        **kykyviisari_areas(seed, after=False),
    )
    if reached >= 4:
        KykyviisariScore.objects.create(
            client=client,
            measured_on=entry + timedelta(days=3 * step),
            score=Decimal("6.5"),
            kind="follow_up",
            **kykyviisari_areas(seed, after=True),
        )
    Referral.objects.update_or_create(
        client=client,
        defaults={
            "team": team,
            "source": source,
            "referred_on": entry - timedelta(days=7),
            "decision": "accepted",
            "decided_on": entry,
            "referrer_organisation": "Pohjanmaan hyvinvointialue",
        },
    )
    return client


def _next_step(stage):
    return {
        "engagement": "Sopia tavoitteet ja suostumus",
        "profile": "Täydentää ammatillinen profiili",
        "job_finding": "Kaksi työnantajakäyntiä tällä viikolla",
        "employer_engagement": "Sopia työnkuvasta työnantajan kanssa",
        "support": "Seurantakäynti työpaikalla",
    }[stage]


def _referrals(team, sources, today):
    def referral(decision, born, town, source, days, **details):
        Referral.objects.update_or_create(
            team=team,
            decision=decision,
            birth_year=born,
            municipality=town,
            defaults={"source": sources[source], "referred_on": today - timedelta(days=days), **details},
        )

    for first, last, born, town, source, days in PENDING:
        referral(
            "pending",
            born,
            town,
            source,
            days,
            first_name=first,
            last_name=last,
            referrer_organisation="Vaasan terveyskeskus",
        )
    for born, town, source, days, reason in DECLINED:
        referral(
            "declined", born, town, source, days, decided_on=today - timedelta(days=days - 5), decline_reason=reason
        )


def _log(coach, team, clients, kinds, rng, today):
    """Several weeks of working days (not today: the demo coach logs today live)."""
    TimeEntry.objects.filter(coach=coach, date__lt=today).delete()
    names = [code for code, _w in KIND_WEIGHTS]
    weights = [w for _c, w in KIND_WEIGHTS]
    entries = []
    for back in range(LOG_DAYS, 0, -1):
        day = today - timedelta(days=back)
        if day.weekday() >= 5:
            continue
        open_clients = [
            c
            for c in clients
            if c.programme_entry <= day
            and (c.closed_on is None or day <= c.closed_on)
            and not (c.quiet and (today - day).days < 20)
        ]
        left = rng.choice([420, 450, 459, 480])
        for n in range(rng.randint(5, 7)):
            code = rng.choices(names, weights)[0]
            client = None
            if code not in WITHOUT_CLIENT and open_clients:
                candidates = [c for c in open_clients if c.code != "POH-D0014" or not kinds[code].needs_consent]
                client = rng.choice(candidates) if candidates else None
            minutes = min(rng.choice([15, 30, 45, 60, 60, 90]), left)
            if minutes <= 0:
                break
            left -= minutes
            entries.append(
                TimeEntry(
                    date=day,
                    coach=coach,
                    team=team,
                    minutes=minutes,
                    kind=kinds[code],
                    setting=rng.choice(SETTINGS[code]),
                    client=client,
                    submission_id=uuid5(NAMESPACE_URL, f"polku-demo/{coach.username}/{day}/{n}"),
                )
            )
    TimeEntry.objects.bulk_create(entries)
