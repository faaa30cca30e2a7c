"""The generator: organisations, people, clients with their paths and jobs, daily logs, employer contacts, reviews.

Everything comes from one seeded random.Random and dates relative to `today`, so two runs on the same day write the
same rows with the same ids. Rows go in with bulk inserts (bench.national.writer), not through model saves:
no signals, no audit rows, no per-row queries. Reference rows (activity kinds, referral sources, target groups,
the IPS-25 scale) are the ones the data migrations ship.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from itertools import accumulate

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction

from bench.national import paths
from bench.national.vocabulary import (
    CLIENT_COLUMNS,
    CONSENT_SCOPE,
    CONTACT_PURPOSES,
    CONTRACTS,
    EDUCATION,
    EMPLOYER_STEMS,
    END_REASONS,
    FIRST_NAMES,
    GENDERS,
    GOALS,
    INDUSTRIES,
    JOB_COLUMNS,
    JOBS,
    LABOUR_MARKET,
    LAST_NAMES,
    NEXT_STEPS,
    ORGANISATIONS,
    OUTCOMES,
    PASSWORD,
    SCALES,
    SERVICES,
    Scale,
)
from bench.national.writer import Writer, at
from employers.models import ContactPerson, Employer, EmployerContact, FollowUp, Job
from employers.services import follow_up_plan
from employers.validators import business_id_from
from fidelity.models import ActionPlanItem, FidelityScale, ItemRating, Review
from ips.demo import KIND_WEIGHTS, SETTINGS, WITHOUT_CLIENT
from ips.models import (
    ActivityKind,
    Client,
    ClientAssignment,
    Consent,
    Goal,
    KykyviisariScore,
    Membership,
    Organisation,
    Referral,
    ReferralSource,
    ServicePeriod,
    StageChange,
    TargetGroup,
    Team,
    TimeEntry,
    TreatmentTeam,
    User,
    VocationalProfile,
    rebuild_daily_minutes,
)
from ips.models.clients import CODE_ALPHABET


class GeneratorError(Exception):
    pass


@dataclass
class Caseload:
    """A stretch of time in which a coach had a client: the daily log draws its clients from these."""

    client_id: int
    start: date
    end: date
    consent: bool
    quiet_from: date | None


def generate(scale_name: str, *, today: date, seed: int = 2026) -> dict[str, int]:
    """Write the scale's data into an empty database; returns the row counts by model label."""
    if Organisation.objects.exists():
        raise GeneratorError("The database already has organisations: generate into an empty, migrated database.")
    scale = SCALES[scale_name]
    writer = Writer(seed=seed, now=at(today, 4))
    with _fast_sqlite(), transaction.atomic():
        _Generator(scale, writer, random.Random(seed), today).run()
        writer.finish()
        # The log went in as plain INSERTs (or COPY), past TimeEntry's own writes: its summary is built once here.
        writer.counts["ips.DailyMinutes"] = rebuild_daily_minutes()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return writer.counts


class _fast_sqlite:
    """No journal and no syncs for the generator's own connection: a crash means generating again anyway."""

    def __enter__(self):
        self.active = connection.vendor == "sqlite" and not connection.in_atomic_block
        if self.active:
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA journal_mode=OFF")
                cursor.execute("PRAGMA synchronous=OFF")
                cursor.execute("PRAGMA cache_size=-1000000")
        return self

    def __exit__(self, *exc):
        if self.active:
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA synchronous=NORMAL")


class _Generator:
    def __init__(self, scale: Scale, writer: Writer, rng: random.Random, today: date):
        self.scale, self.w, self.rng, self.today = scale, writer, rng, today
        self.start = today - timedelta(days=scale.days)
        self.password = make_password(PASSWORD, salt="polkunational")
        self.kinds = {k.code: k for k in ActivityKind.objects.all()}
        self.sources = list(ReferralSource.objects.values_list("pk", flat=True))
        self.groups = list(TargetGroup.objects.values_list("pk", flat=True))
        self.scale_row = FidelityScale.objects.active().get(code="IPS-25")
        self.items = list(self.scale_row.items.order_by("order").values_list("pk", flat=True))
        self.users: list[tuple] = []
        self.memberships: list[tuple] = []
        self.coaches: list[dict] = []  # id, team, org, towns
        self.teams: list[dict] = []
        self.stamps: dict[date, object] = {}

    def stamp(self, day: date):
        if day not in self.stamps:
            self.stamps[day] = at(day)
        return self.stamps[day]

    def run(self) -> None:
        self.people()
        self.treatment_teams()
        self.employers()
        self.clients()
        self.work()
        self.reviews()

    # --- organisations, teams, people ------------------------------------------------------------------------

    def user(self, username: str, first: str, last: str) -> int:
        (pk,) = self.w.ids(User, 1)
        joined = self.stamp(self.start - timedelta(days=200))
        self.users.append((pk, username, first, last, f"{username}@polku.example", self.password, joined, True))
        return pk

    def member(self, user_id, organisation_id, team_id, role, fte=None) -> None:
        started = self.start - timedelta(days=200)
        self.memberships.append((user_id, organisation_id, team_id, role, fte, started))

    def name(self) -> tuple[str, str]:
        return self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)

    def people(self) -> None:
        rng, scale = self.rng, self.scale
        organisations = ORGANISATIONS[: scale.organisations]
        org_ids = self.w.ids(Organisation, len(organisations))
        self.w.insert(
            Organisation,
            ["id", "name", "code"],
            ((pk, name, code) for pk, (code, name, _r, _t) in zip(org_ids, organisations, strict=True)),
        )
        team_rows = []
        for org_id, (code, _name, residents, towns) in zip(org_ids, organisations, strict=True):
            for role, suffix in (("reviewer", "rev1"), ("reviewer", "rev2"), ("reporter", "rep"), ("org_admin", "adm")):
                self.member(self.user(f"{code}-{suffix}", *self.name()), org_id, None, role)
            for number in range(1, max(scale.min_teams, round(residents / scale.residents_per_team)) + 1):
                (team_id,) = self.w.ids(Team, 1)
                town = towns[number % 2]
                team_rows.append((team_id, org_id, f"{town} {number}: työkykytiimi"))
                team = {"id": team_id, "org": org_id, "code": code, "towns": towns, "coaches": []}
                self.teams.append(team)
                supervisor = self.user(f"{code}-t{number:02d}-sup", *self.name())
                self.member(supervisor, org_id, team_id, "supervisor")
                team["supervisor"] = supervisor
                for n in range(1, scale.coaches_per_team[len(self.teams) % len(scale.coaches_per_team)] + 1):
                    coach = self.user(f"{code}-t{number:02d}-c{n}", *self.name())
                    fte = rng.choice([Decimal("1.00")] * 4 + [Decimal("0.80"), Decimal("0.60")])
                    self.member(coach, org_id, team_id, "coach", fte)
                    self.coaches.append({"id": coach, "team": team_id, "org": org_id, "towns": towns})
                    team["coaches"].append(coach)
        self.w.insert(Team, ["id", "organisation_id", "name"], team_rows)
        self.w.insert(
            User,
            ["id", "username", "first_name", "last_name", "email", "password", "date_joined", "is_active"],
            self.users,
        )
        self.w.insert(Membership, ["user_id", "organisation_id", "team_id", "role", "fte", "started"], self.memberships)
        self.org_ids = list(org_ids)

    def treatment_teams(self) -> None:
        rows, coaches = [], []
        for team in self.teams:
            ids = self.w.ids(TreatmentTeam, 2)
            team["treatment_teams"] = list(ids)
            for pk, kind in zip(ids, ("psykiatrian poliklinikka", "mielenterveys- ja päihdepalvelut"), strict=True):
                rows.append((pk, team["org"], f"{team['towns'][pk % 2]} {pk}: {kind}"))
                coaches += [(pk, coach) for coach in team["coaches"]]
        self.w.insert(TreatmentTeam, ["id", "organisation_id", "name"], rows)
        self.w.insert(TreatmentTeam.coaches.through, ["treatmentteam_id", "user_id"], coaches)

    def employers(self) -> None:
        rng = self.rng
        rows, persons = [], []
        self.employers_of_org: dict[int, list[int]] = {}
        self.employers_of_coach: dict[int, list[int]] = {}
        self.person_of: dict[int, int] = {}
        body = 2_000_000
        for coach in self.coaches:
            ids = self.w.ids(Employer, self.scale.employers_per_coach)
            self.employers_of_coach[coach["id"]] = list(ids)
            self.employers_of_org.setdefault(coach["org"], []).extend(ids)
            for pk in ids:
                business_id = ""
                if rng.random() < 0.7:
                    body += rng.randint(1, 40)
                    business_id = business_id_from(body)
                    body = int(business_id[:7])
                town = rng.choice(coach["towns"])
                status = rng.choices(["lead", "in_contact", "hiring_partner"], [3, 5, 2])[0]
                name = f"{town}n {rng.choice(EMPLOYER_STEMS)} {pk} Oy"
                rows.append((pk, coach["org"], name, business_id, rng.choice(INDUSTRIES), town, status, coach["id"]))
                (person,) = self.w.ids(ContactPerson, 1)
                self.person_of[pk] = person
                persons.append((person, pk, " ".join(self.name()), "Esihenkilö"))
        columns = ["id", "organisation_id", "name", "business_id", "industry", "municipality", "status"]
        self.w.insert(Employer, [*columns, "responsible_coach_id"], rows)
        self.w.insert(ContactPerson, ["id", "employer_id", "name", "role"], persons)

    # --- clients and their records ---------------------------------------------------------------------------

    def code(self, prefix: str, taken: set) -> str:
        while True:
            code = f"{prefix}-" + "".join(self.rng.choice(CODE_ALPHABET) for _ in range(5))
            if code not in taken:
                taken.add(code)
                return code

    def clients(self) -> None:
        rng, today = self.rng, self.today
        rows, changes, assignments, consents, goals, profiles, scores = [], [], [], [], [], [], []
        periods = []
        referrals, groups, jobs, follow_ups = [], [], [], []
        self.caseloads: dict[int, list[Caseload]] = {coach["id"]: [] for coach in self.coaches}
        self.job_clients: dict[int, list[int]] = {}
        codes: dict[int, set] = {}
        team_by_id = {team["id"]: team for team in self.teams}
        for coach in self.coaches:
            team = team_by_id[coach["team"]]
            taken = codes.setdefault(coach["org"], set())
            for pk in self.w.ids(Client, self.scale.clients_per_coach):
                entry = self.start - timedelta(days=120) + timedelta(days=rng.randint(0, self.scale.days + 118))
                path = paths.draw(rng, entry, today, OUTCOMES)
                closed = path.closed_on
                language = rng.choices(["fi", "sv", "other"], [88, 6, 6])[0]
                status = rng.choice(LABOUR_MARKET)
                code, name, service = (
                    self.code(team["code"].upper(), taken),
                    self.name(),
                    rng.choices(SERVICES, [9, 1])[0],
                )
                periods.append((pk, service, entry, closed + timedelta(days=1) if closed else None))
                rows.append(
                    (
                        pk, coach["org"], team["id"], coach["id"], code,
                        *name, path.stage, path.stage_since, entry, service,
                        entry, closed, today.year - rng.randint(18, 63), rng.choices(GENDERS, [48, 48, 2, 2])[0],
                        rng.choice(coach["towns"]), language, status, rng.choice(EDUCATION), status != "employed",
                        rng.choice(team["treatment_teams"]) if rng.random() < 0.7 else None,
                        "" if closed else NEXT_STEPS[path.stage],
                        closed, path.outcome, rng.randint(5, 10) if closed and rng.random() < 0.7 else None,
                        self.stamp(entry), self.stamp(path.stage_since),
                    )
                )  # fmt: skip
                changes += [(pk, stage, day, coach["id"], self.stamp(day)) for stage, day in path.changes]
                # One client in eight came from a colleague of the same team halfway through.
                colleagues = [c for c in team["coaches"] if c != coach["id"]]
                handover = entry + (min(closed or today, today) - entry) // 2
                consent = rng.random() < 0.93
                quiet = today - timedelta(days=rng.randint(15, 40)) if not closed and rng.random() < 0.1 else None
                # An assignment ends on the first day it no longer covers (ips/periods.py); the closing day is served.
                ended = closed + timedelta(days=1) if closed else None
                if colleagues and handover > entry and rng.random() < 0.125:
                    previous = rng.choice(colleagues)
                    assignments.append((pk, team["id"], previous, entry, handover + timedelta(days=1)))
                    assignments.append((pk, team["id"], coach["id"], handover + timedelta(days=1), ended))
                    self.caseloads[previous].append(Caseload(pk, entry, handover, consent, None))
                    self.caseloads[coach["id"]].append(
                        Caseload(pk, handover + timedelta(days=1), closed or today, consent, quiet)
                    )
                else:
                    assignments.append((pk, team["id"], coach["id"], entry, ended))
                    self.caseloads[coach["id"]].append(Caseload(pk, entry, closed or today, consent, quiet))
                if consent:
                    given = min(entry + timedelta(days=rng.randint(0, 10)), today)
                    withdrawn = given + timedelta(days=rng.randint(30, 300)) if rng.random() < 0.03 else None
                    consents.append((pk, given, CONSENT_SCOPE, withdrawn if withdrawn and withdrawn <= today else None))
                for n in range(rng.randint(1, 2)):
                    set_on = min(entry + timedelta(days=10 + 7 * n), today)
                    goals.append((pk, rng.choice(GOALS), "achieved" if closed else "open", set_on))
                if path.reached("profile"):
                    profiles.append((pk, "Ulkotyöt, logistiikka", "Täsmällinen", "Varastotyöntekijä 2012–2016"))
                entry_score = Decimal(rng.randint(20, 70)) / 10
                scores.append((pk, entry, entry_score, "entry", coach["id"]))
                if entry + timedelta(days=180) <= min(closed or today, today) and rng.random() < 0.6:
                    later = min(Decimal(10), entry_score + Decimal(rng.randint(-10, 30)) / 10)
                    scores.append((pk, entry + timedelta(days=180), later, "follow_up", coach["id"]))
                referred = entry - timedelta(days=rng.randint(3, 25))
                town = rng.choice(coach["towns"])
                referrals.append((team["id"], rng.choice(self.sources), referred, "accepted", entry, pk, town))
                groups += [(pk, group) for group in rng.sample(self.groups, rng.randint(1, 2))]
                for start, end in path.jobs:
                    jobs.append(self.job(pk, coach, start, end, follow_ups, closed))
                if rng.random() < 0.05:
                    reason = rng.choice(["client_declined", "not_reached", "outside_area", "other_service"])
                    decided = referred + timedelta(days=7)
                    referrals.append(
                        (team["id"], rng.choice(self.sources), referred, "declined", decided, None, town, reason)
                    )
        w = self.w
        w.insert(Client, CLIENT_COLUMNS, rows)
        w.insert(StageChange, ["client_id", "stage", "changed_on", "changed_by_id", "created"], changes)
        w.insert(ClientAssignment, ["client_id", "team_id", "coach_id", "started", "ended"], assignments)
        w.insert(ServicePeriod, ["client_id", "service", "started", "ended"], periods)
        w.insert(Consent, ["client_id", "given_on", "scope", "withdrawn_on"], consents)
        w.insert(Goal, ["client_id", "text", "status", "set_on"], goals)
        w.insert(VocationalProfile, ["client_id", "preferences", "strengths", "work_history"], profiles)
        w.insert(KykyviisariScore, ["client_id", "measured_on", "score", "kind", "recorded_by_id"], scores)
        referral_columns = ["team_id", "source_id", "referred_on", "decision", "decided_on", "client_id"]
        referral_columns.append("municipality")
        w.insert(Referral, referral_columns, (r for r in referrals if len(r) == 7))
        w.insert(Referral, [*referral_columns, "decline_reason"], (r for r in referrals if len(r) == 8))
        w.insert(Client.target_groups.through, ["client_id", "targetgroup_id"], groups)
        w.insert(Job, JOB_COLUMNS, jobs)
        columns = ["client_id", "job_id", "kind", "window_start", "due_on", "cancelled_on", "cancel_reason"]
        w.insert(FollowUp, columns, follow_ups)

    def job(
        self, client_id: int, coach: dict, start: date, end: date | None, follow_ups: list, closed: date | None
    ) -> tuple:
        rng = self.rng
        (pk,) = self.w.ids(Job, 1)
        own = self.employers_of_coach[coach["id"]]
        employer = rng.choice(own) if rng.random() < 0.6 else rng.choice(self.employers_of_org[coach["org"]])
        self.job_clients.setdefault(employer, []).append(client_id)
        title, occupation = rng.choice(JOBS)
        competitive = rng.random() < 0.85
        for planned in follow_up_plan(start):
            # As the app does: a job's end cancels what falls after it, the client's closure what is left.
            cancelled, reason = None, ""
            if end is not None and planned.due_on > end:
                cancelled, reason = end, FollowUp.CancelReason.JOB_ENDED.value
            elif closed is not None and planned.due_on > closed:
                cancelled, reason = closed, FollowUp.CancelReason.SERVICE_CLOSED.value
            follow_ups.append((client_id, pk, planned.kind, planned.window_start, planned.due_on, cancelled, reason))
        if end is not None:
            follow_ups.append((client_id, pk, "after_end", end, end + timedelta(days=3), None, ""))
        return (
            pk, client_id, employer, title, occupation, start, end, Decimal(rng.choice([10, 15, 20, 25, 30, 37.5])),
            Decimal(rng.randint(1150, 1650)) / 100, rng.choices(CONTRACTS, [3, 4, 1, 1, 0.3, 0.3])[0], competitive,
            not competitive and rng.random() < 0.6, rng.choice(END_REASONS) if end else "", coach["id"],
            self.stamp(start),
        )  # fmt: skip

    # --- the daily log and employer contacts -----------------------------------------------------------------

    def working_days(self) -> list[date]:
        """Weekdays of the history and today, less July (summer holidays) and Christmas week."""
        days, day = [], self.start
        while day <= self.today:
            holiday = day.month == 7 or (day.month == 12 and day.day >= 24) or (day.month == 1 and day.day == 1)
            if day.weekday() < 5 and not holiday:
                days.append(day)
            day += timedelta(days=1)
        return days

    def work(self) -> None:
        rng = self.rng
        kind_codes = [code for code, _w in KIND_WEIGHTS]
        # Cumulative weights once: random.choices would sum them on every call (same draws either way).
        kind_weights = list(accumulate(weight for _c, weight in KIND_WEIGHTS))
        purposes, purpose_weights = zip(*CONTACT_PURPOSES, strict=True)
        purpose_weights = list(accumulate(purpose_weights))
        days = self.working_days()
        entries, contacts = [], []
        for coach in self.coaches:
            caseload = sorted(self.caseloads[coach["id"]], key=lambda c: c.start)
            own, shared = self.employers_of_coach[coach["id"]], self.employers_of_org[coach["org"]]
            for day in days:
                if rng.random() < 0.04:  # sick or away
                    continue
                stamp = self.stamp(day)
                active = [c for c in caseload if c.start <= day <= c.end and not (c.quiet_from and day >= c.quiet_from)]
                left = rng.choice([420, 450, 459, 480])
                for _n in range(rng.randint(*self.scale.entries_per_day)):
                    code = rng.choices(kind_codes, cum_weights=kind_weights)[0]
                    kind = self.kinds[code]
                    client = None
                    if code not in WITHOUT_CLIENT and active:
                        candidates = [c for c in active if c.consent] if kind.needs_consent else active
                        client = rng.choice(candidates).client_id if candidates else None
                    minutes = min(rng.choice([15, 30, 45, 60, 60, 90]), left)
                    if minutes <= 0:
                        break
                    left -= minutes
                    setting = rng.choice(SETTINGS[code])
                    entries.append((day, coach["id"], coach["team"], minutes, kind.pk, setting, client, stamp, stamp))
                if rng.random() < self.scale.contact_chance:
                    employer = rng.choice(own) if rng.random() < 0.7 else rng.choice(shared)
                    purpose = rng.choices(purposes, cum_weights=purpose_weights)[0]
                    client = None
                    if purpose in ("on_behalf_of_client", "workplace_support") and active:
                        client = rng.choice(active).client_id
                    planned = day + timedelta(days=rng.randint(7, 21)) if rng.random() < 0.2 else None
                    contacts.append(
                        (
                            day, coach["id"], coach["team"], employer, self.person_of[employer],
                            rng.random() < 0.75, rng.choice([15, 20, 30, 45, 60]), purpose, client,
                            rng.random() < 0.7 if client else None,
                            client is not None and purpose in ("job_opening", "on_behalf_of_client"),
                            "Käynti sovitusti" if rng.random() < 0.3 else "",
                            "Uusi käynti" if planned else "", planned, stamp,
                        )
                    )  # fmt: skip
            if len(entries) > 200_000:
                self.flush_work(entries, contacts)
                entries, contacts = [], []
        self.flush_work(entries, contacts)

    def flush_work(self, entries: list, contacts: list) -> None:
        columns = ["date", "coach_id", "team_id", "minutes", "kind_id", "setting", "client_id", "created", "updated"]
        self.w.insert(TimeEntry, columns, entries)
        columns = [
            "date", "coach_id", "team_id", "employer_id", "contact_person_id", "face_to_face", "minutes", "purpose",
            "client_id", "matches_client_preferences", "about_competitive_job", "outcome", "next_step", "next_step_on",
            "created",
        ]  # fmt: skip
        self.w.insert(EmployerContact, columns, contacts)

    # --- fidelity reviews ------------------------------------------------------------------------------------

    def reviews(self) -> None:
        """Each team: finalised reviews a year apart back through the history, and a draft of the last half year."""
        rng, today = self.rng, self.today
        reviewers = {org: [] for org in self.org_ids}
        for user_id, org_id, _team, role, _fte, _started in self.memberships:
            if role == "reviewer":
                reviewers[org_id].append(user_id)
        reviews, ratings, assigned, plans = [], [], [], []
        last_end = today.replace(day=1) - timedelta(days=1)
        for team in self.teams:
            level = rng.choice([3, 3, 4, 4, 4, 5])
            back = 0
            while True:
                end = last_end - timedelta(days=365 * back)
                start = end - timedelta(days=182)
                if start < self.start and back:
                    break
                (pk,) = self.w.ids(Review, 1)
                draft = back == 0
                finalised = None if draft else at(end + timedelta(days=20))
                review_start = today if draft else end + timedelta(days=14)
                reviews.append(
                    (
                        pk, team["id"], self.scale_row.pk, start, end, review_start, review_start + timedelta(days=1),
                        "draft" if draft else "finalised", finalised, None if draft else reviewers[team["org"]][0],
                        "" if draft else "Tiimi on sitoutunut IPS-malliin.", "" if draft else "Kohtalainen.",
                        team["supervisor"], at(end),
                    )
                )  # fmt: skip
                assigned.append((pk, reviewers[team["org"]][back % 2]))
                for item in self.items:
                    score = None if draft else max(1, min(5, level + rng.choice([-1, 0, 0, 1])))
                    ratings.append((pk, item, score, "" if draft else "Haastattelut ja asiakirjat."))
                if not draft:
                    text = "Kuukausittaiset tapaamiset työllisyyspalvelujen kanssa."
                    plans.append((pk, text, team["supervisor"], end + timedelta(days=90), "done", at(end)))
                back += 1
        columns = [
            "id", "team_id", "scale_id", "period_start", "period_end", "review_start", "review_end", "status",
            "finalised_at", "finalised_by_id", "strengths", "summary", "created_by_id", "created",
        ]  # fmt: skip
        self.w.insert(Review, columns, reviews)
        self.w.insert(Review.reviewers.through, ["review_id", "user_id"], assigned)
        self.w.insert(ItemRating, ["review_id", "item_id", "score", "evidence"], ratings)
        columns = ["review_id", "text", "owner_user_id", "due_date", "status", "created"]
        self.w.insert(ActionPlanItem, columns, plans)
