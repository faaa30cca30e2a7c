"""Retention: clients closed long ago lose everything identifying, and past funder workbooks keep their numbers."""

import json
from datetime import date, timedelta
from decimal import Decimal
from io import BytesIO, StringIO

import pytest
from auditlog.models import LogEntry
from django.core.management import CommandError, call_command
from django.db.models import CharField, TextField
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from employers.models import EmployerContact
from ips import privacy
from ips.management.commands.anonymise_closed import years_before
from ips.models import Client, KykyviisariScore, TimeEntry
from reports import workbook
from reports.metrics import Period, Scope
from tests.employers.factories import EmployerContactFactory
from tests.factories import ClientFactory, TimeEntryFactory, entrant
from tests.ips.privacy_seed import seed_every_record

pytestmark = pytest.mark.django_db

PERIOD = Period(date(2019, 1, 1), date(2019, 12, 31))
COMPARED_SHEETS = ["Summary", "Quarters", "ESF+ participants"]
# (first name, last name, programme entry, birth year, closed on, outcome): ages at entry 24, 29, 55, 54 and unknown.
PAST_CLIENTS = [
    ("Zelda", "Ylivainio", date(2019, 1, 10), 1995, date(2019, 12, 15), "open_market_job"),
    ("Quentin", "Vuorensola", date(2018, 6, 1), 1989, date(2020, 2, 1), "education"),
    ("Xenia", "Wickström", date(2019, 4, 1), 1964, date(2019, 10, 1), "rehabilitation"),
    ("Yrjänä", "Zetterberg", date(2019, 2, 1), 1965, date(2020, 6, 30), "open_market_job"),
    ("Åke", "Qvarnström", date(2019, 5, 1), None, date(2021, 1, 1), "declined_or_stopped"),
]


@pytest.fixture
def past(team_a, coach_a):
    """Five clients of 2019, closed five years or more ago, with every kind of record and a changed history."""
    clients, texts = [], []
    for index, (first, last, entry, born, closed, outcome) in enumerate(PAST_CLIENTS):
        client = entrant(
            team_a,
            coach_a,
            entry,
            f"{first} {last}",
            birth_year=born,
            gender="female" if index % 2 else "male",
            labour_market_status="long_term_unemployed",
            municipality="Kuortane",
            next_step=f"Soita {first}lle",
            satisfaction=7 + index % 3,
        )
        texts.append(seed_every_record(client, coach_a, day=entry + timedelta(days=20), name=first))
        texts[-1].update(_corrected_contacts(client, coach_a, day=entry + timedelta(days=30), first=first, last=last))
        KykyviisariScore.objects.create(client=client, measured_on=entry + timedelta(days=200), score=Decimal("8"))
        # History that auditlog keeps: a renamed client, an edited note, a deleted note.
        client.last_name = f"{last}-Entinen"
        client.municipality = "Lapua"
        client.save()
        entry_row = TimeEntry.objects.filter(client=client).first()
        entry_row.note = f"{first} {last}: uusi puhelin 044 987 6543"
        entry_row.save()
        TimeEntryFactory(coach=coach_a, team=team_a, client=client, date=entry, note=f"Poistettu: {last}").delete()
        Client.objects.filter(pk=client.pk).update(stage="closed", closed_on=closed, outcome=outcome)
        clients.append(client)
    return clients, texts


def _corrected_contacts(client, coach, *, day, first, last) -> dict:
    """Employer contacts about the client that were corrected and deleted (as the employer page lets a coach do),
    so the audit log holds their notes as old and new values and as a deleted row."""
    texts = {
        "contact before": f"{first} aloittaa maanantaina",
        "contact after": f"{first} {last} aloittaa tiistaina",
        "contact next step": f"Soita {first}n esihenkilölle",
        "deleted contact": f"Väärä kirjaus: {last}, 045 111 2222",
    }
    edited = EmployerContactFactory(
        coach=coach, client=client, date=day, outcome=texts["contact before"], next_step=texts["contact next step"]
    )
    edited.outcome = texts["contact after"]
    edited.save()
    EmployerContactFactory(coach=coach, client=client, date=day, outcome=texts["deleted contact"]).delete()
    return texts


def contact_figures(clients) -> list:
    """What aggregate figures count of the clients' employer contacts: every row, its date, kind and length."""
    return list(
        EmployerContact.objects.filter(client__in=clients)
        .order_by("pk")
        .values_list("pk", "client", "coach", "team", "employer", "date", "purpose", "face_to_face", "minutes")
    )


@pytest.fixture
def open_client(team_a, coach_a):
    """Active in 2019 and still open: kept as it is."""
    client = ClientFactory(
        team=team_a, coach=coach_a, first_name="Onni", last_name="Avoin", programme_entry=date(2019, 3, 1)
    )
    client.birth_year = 1980
    client.save()
    return client


def funder_figures(team) -> dict:
    scope = Scope(team_ids=frozenset({team.pk}), label=team.name, kind="team")
    with translation.override("en"):
        book = workbook.build(scope, PERIOD, suppressed=False).workbook
    buffer = BytesIO()
    book.save(buffer)
    saved = load_workbook(BytesIO(buffer.getvalue()))
    return {name: list(saved[name].iter_rows(values_only=True)) for name in COMPARED_SHEETS}


def database_text() -> str:
    out = StringIO()
    call_command("dumpdata", stdout=out)
    return json.dumps(json.loads(out.getvalue()), ensure_ascii=False)


def personal_strings(clients, texts) -> list[str]:
    strings = ["Kuortane", "Lapua", "040 123 4567", "044 987 6543", "050 765 4321"]
    strings += ["045 111 2222"]
    for client in clients:
        strings += [client.first_name, client.last_name, client.last_name.removesuffix("-Entinen")]
        # auditlog masks the first half of a name and keeps the rest: look for that half too (when it is long
        # enough not to occur in ordinary words of the shipped training data).
        half = client.last_name[len(client.last_name) // 2 :]
        strings += [half] if len(half) >= 5 else []
    strings += [text for record in texts for text in record.values()]
    return strings


def run(*args) -> str:
    out = StringIO()
    call_command("anonymise_closed", *args, stdout=out)
    return out.getvalue()


def test_it_keeps_the_funder_workbook_and_leaves_nothing_identifying(past, open_client, team_a, monkeypatch):
    monkeypatch.setattr(privacy, "BATCH_SIZE", 2)  # three rounds for five clients
    clients, texts = past
    clients = [Client.objects.get(pk=c.pk) for c in clients]
    before = funder_figures(team_a)
    contacts_before = contact_figures(clients)
    text = database_text()
    strings = personal_strings(clients, texts)
    assert all(string in text for string in strings)  # the test can fail

    output = run("--older-than", "5", "--apply")

    assert "ips.Client: 5" in output
    assert funder_figures(team_a) == before
    # The employer contacts stay, with their dates, kinds and minutes; only their notes are gone.
    assert contact_figures(clients) == contacts_before
    assert len(contacts_before) == 10
    notes = EmployerContact.objects.filter(client__in=clients).values_list("outcome", "next_step")
    assert set(notes) == {("", "")}
    text = database_text()
    assert [string for string in strings if string in text] == []
    assert "Avoin" in text  # the open client is untouched


def test_the_age_band_survives_but_the_birth_year_does_not(past):
    clients, _texts = past
    run("--older-than", "5", "--apply")
    years = dict(Client.objects.filter(pk__in=[c.pk for c in clients]).values_list("programme_entry", "birth_year"))
    assert years == {
        date(2019, 1, 10): 1994,  # 24 at entry → under 30: 25
        date(2018, 6, 1): 1993,  # 29 → 25
        date(2019, 4, 1): 1959,  # 55 → 55 or over: 60
        date(2019, 2, 1): 1977,  # 54 → 30–54: 42
        date(2019, 5, 1): None,
    }


def test_a_dry_run_changes_nothing_and_says_what_would_change(past):
    clients, _texts = past
    output = run("--older-than", "5")
    assert "Dry run" in output
    assert "ips.Client: 5" in output
    assert "ips.TimeEntry: 5" in output  # one daily-log row about each client
    assert not Client.objects.filter(anonymised_on__isnull=False).exists()
    assert Client.objects.filter(first_name="Zelda").exists()


def test_only_clients_closed_before_the_retention_period_are_anonymised(past):
    clients, _texts = past
    years = date.today().year - 2020  # the cutoff falls in 2020: the client closed on 1 January 2021 stays
    cutoff = years_before(date.today(), years)
    due = {c.pk for c in Client.objects.filter(pk__in=[c.pk for c in clients]) if c.closed_on < cutoff}
    assert Client.objects.get(first_name="Åke").pk not in due
    assert Client.objects.get(first_name="Zelda").pk in due
    run("--older-than", str(years), "--apply")
    assert set(Client.objects.filter(anonymised_on__isnull=False).values_list("pk", flat=True)) == due


def test_a_client_is_anonymised_once_and_the_run_is_logged(past):
    clients, _texts = past
    run("--older-than", "5", "--apply")
    assert "ips.Client: 0" in run("--older-than", "5", "--apply")
    rows = LogEntry.objects.filter(additional_data__anonymised=True)
    assert sorted(rows.values_list("object_pk", flat=True)) == sorted(str(c.pk) for c in clients)


def test_the_client_page_says_anonymised_client(past, supervisor_a, as_user):
    clients, _texts = past
    run("--older-than", "5", "--apply")
    supervisor_a.language = "en"
    supervisor_a.save()
    page = as_user(supervisor_a).get(reverse("ips:client_detail", args=[clients[0].uuid])).content.decode()
    assert "Anonymised client" in page
    assert "Zelda" not in page


def test_an_anonymised_client_cannot_be_edited(past, coach_a, as_user):
    clients, _texts = past
    run("--older-than", "5", "--apply")
    url = reverse("ips:client_edit", args=[clients[0].uuid])
    response = as_user(coach_a).post(url, {"first_name": "Zelda", "last_name": "Ylivainio"})
    assert response.status_code == 403
    assert not Client.objects.filter(first_name="Zelda").exists()


def test_only_the_reviewed_text_fields_survive_anonymisation():
    """A text field is cleared unless its model names it in anonymise_keep: adding one is a decision."""
    kept = set()
    for model in [Client, *(relation.related_model for relation in privacy.client_relations())]:
        text = {f.name for f in model._meta.concrete_fields if isinstance(f, CharField | TextField) and not f.choices}
        kept |= {f"{model._meta.label}.{name}" for name in text - set(privacy.anonymised_text_fields(model))}
    assert kept == {"ips.Client.code", "employers.Job.occupation_code"}


def test_the_retention_period_must_be_a_whole_year_or_more(db):
    with pytest.raises(CommandError):
        run("--older-than", "0")
    with pytest.raises(CommandError):
        run("--older-than", "two")
