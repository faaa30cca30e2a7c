"""Importing a team's own tracker: messy files read, every bad row listed, all or nothing, re-import, undo."""

import io
from datetime import date, timedelta
from decimal import Decimal
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from employers.imports import committing, schema
from employers.models import Employer, ImportedRow, ImportRun
from ips.models import Client, Membership, TimeEntry
from tests.employers.factories import EmployerContactFactory, EmployerFactory
from tests.employers.import_files import csv_bytes, employer_rows, time_entry_rows, workbook
from tests.factories import ConsentFactory, TimeEntryFactory

pytestmark = pytest.mark.django_db


def _upload(browser, team, kind, name, content):
    response = browser.post(
        reverse("employers:import_list"),
        {"kind": kind, "team": team.pk, "file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 302, response.context["form"].errors
    return ImportRun.objects.get(uuid=response.url.rstrip("/").split("/")[-1])


def _check(browser, run, **changes):
    page = browser.get(reverse("employers:import_detail", args=[run.uuid]))
    form = page.context["form"]
    data = {
        name: field.initial or "" for name, field in form.fields.items() if name.startswith(("col_", "key", "val_"))
    }
    data.update(changes)
    response = browser.post(reverse("employers:import_map", args=[run.uuid]), data)
    assert response.status_code == 302, response.context["form"].errors
    run.refresh_from_db()
    return run


def _commit(browser, run, **extra):
    response = browser.post(reverse("employers:import_commit", args=[run.uuid]), extra)
    assert response.status_code == 302
    run.refresh_from_db()
    return run


@pytest.fixture
def entries_file(coach_a, client_a):
    return workbook(time_entry_rows(coach_a.username, client_a.code, timezone.localdate()))


def test_the_preview_lists_exactly_the_bad_rows_of_a_messy_workbook(as_user, supervisor_a, team_a, entries_file):
    browser = as_user(supervisor_a)
    run = _upload(browser, team_a, "time_entries", "tunnit.xlsx", entries_file)
    assert run.header_row == 3  # under the merged title and the merged group row
    assert run.rows_total == 6  # the empty row is dropped
    assert run.mapping["columns"]["minutes"] == "Minuutit"
    run = _check(browser, run)
    assert run.status == ImportRun.Status.CHECKED
    assert sorted({problem["row"] for problem in run.problems}) == [9, 10], run.problems
    assert TimeEntry.objects.count() == 0  # a preview writes nothing
    messages = {problem["row"]: problem["message"] for problem in run.problems}
    assert "8" in messages[9]  # the same as row 8
    assert "EI-OLE-1" in messages[10]


def test_errors_come_in_the_users_language(as_user, supervisor_a, team_a, entries_file):
    browser = as_user(supervisor_a)
    browser.post(reverse("ips:language_set"), {"language": "sv"})
    run = _check(browser, _upload(browser, team_a, "time_entries", "tunnit.xlsx", entries_file))
    assert run.language == "sv"
    message = next(p["message"] for p in run.problems if p["row"] == 10)
    assert "EI-OLE-1" in message and "Team has no client" not in message


def test_a_clean_file_commits_every_row_and_links_it(as_user, supervisor_a, team_a, coach_a, client_a, entries_file):
    browser = as_user(supervisor_a)
    run = _check(browser, _upload(browser, team_a, "time_entries", "tunnit.xlsx", entries_file))
    run = _commit(browser, run, skip_errors="1")
    assert run.status == ImportRun.Status.DONE, run.message
    entries = TimeEntry.objects.filter(coach=coach_a)
    assert entries.count() == 4
    assert sorted(entries.values_list("minutes", flat=True)) == [30, 45, 60, 90]
    assert set(entries.values_list("setting", flat=True)) == {"community", "workplace", "office", "remote"}
    assert run.rows.count() == 4 and run.rows_created == 4 and run.rows_error == 2
    assert run.content is None  # the file is not kept after the commit


def test_errors_block_the_commit_unless_skipped(as_user, supervisor_a, team_a, entries_file):
    browser = as_user(supervisor_a)
    run = _commit(browser, _check(browser, _upload(browser, team_a, "time_entries", "t.xlsx", entries_file)))
    assert run.status == ImportRun.Status.CHECKED and run.message
    assert TimeEntry.objects.count() == 0


def test_cancel_writes_nothing(as_user, supervisor_a, team_a, entries_file):
    browser = as_user(supervisor_a)
    run = _check(browser, _upload(browser, team_a, "time_entries", "t.xlsx", entries_file))
    response = browser.post(reverse("employers:import_cancel", args=[run.uuid]))
    assert response.status_code == 302
    run.refresh_from_db()
    assert run.status == ImportRun.Status.CANCELLED and run.content is None
    assert TimeEntry.objects.count() == 0 and ImportedRow.objects.count() == 0


def test_a_failure_mid_commit_writes_nothing(as_user, supervisor_a, team_a, entries_file):
    browser = as_user(supervisor_a)
    run = _check(browser, _upload(browser, team_a, "time_entries", "t.xlsx", entries_file))
    with mock.patch.object(committing._Links, "save", side_effect=RuntimeError("disk full")):
        run = _commit(browser, run, skip_errors="1")
    assert run.status == ImportRun.Status.FAILED
    assert TimeEntry.objects.count() == 0 and ImportedRow.objects.count() == 0


def test_importing_the_same_file_again_adds_nothing(as_user, supervisor_a, team_a, entries_file):
    browser = as_user(supervisor_a)
    first = _commit(
        browser, _check(browser, _upload(browser, team_a, "time_entries", "t.xlsx", entries_file)), skip_errors="1"
    )
    again = _check(browser, _upload(browser, team_a, "time_entries", "t.xlsx", entries_file))
    assert again.rows_skipped == 4 and again.rows_created == 0
    page = browser.get(reverse("employers:import_detail", args=[again.uuid]))
    assert page.context["earlier"] == first
    _commit(browser, again, skip_errors="1")
    assert TimeEntry.objects.count() == 4


def test_undo_removes_exactly_the_imports_rows(as_user, supervisor_a, team_a, coach_a, client_a, entries_file):
    own = TimeEntryFactory(coach=coach_a, team=team_a, minutes=15)
    browser = as_user(supervisor_a)
    run = _commit(
        browser, _check(browser, _upload(browser, team_a, "time_entries", "t.xlsx", entries_file)), skip_errors="1"
    )
    assert TimeEntry.objects.count() == 5
    response = browser.post(reverse("employers:import_undo", args=[run.uuid]))
    assert response.status_code == 302
    run.refresh_from_db()
    assert run.status == ImportRun.Status.UNDONE
    assert list(TimeEntry.objects.all()) == [own]


def test_undo_is_refused_when_something_was_built_on_the_rows(as_user, supervisor_a, team_a, coach_a):
    browser = as_user(supervisor_a)
    content = csv_bytes(employer_rows()[:2])
    run = _check(browser, _upload(browser, team_a, "employers", "tyonantajat.csv", content))
    run = _commit(browser, _check(browser, run, val_status_0="in_contact"))
    employer = Employer.objects.get(business_id="0112038-9")
    EmployerContactFactory(coach=coach_a, team=team_a, employer=employer)
    browser.post(reverse("employers:import_undo", args=[run.uuid]))
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE
    assert Employer.objects.filter(pk=employer.pk).exists()


def test_undo_is_refused_after_seven_days(as_user, supervisor_a, team_a, entries_file):
    browser = as_user(supervisor_a)
    run = _commit(
        browser, _check(browser, _upload(browser, team_a, "time_entries", "t.xlsx", entries_file)), skip_errors="1"
    )
    ImportRun.objects.filter(pk=run.pk).update(committed=timezone.now() - timedelta(days=8))
    browser.post(reverse("employers:import_undo", args=[run.uuid]))
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE and TimeEntry.objects.count() == 4


def test_a_windows_1252_csv_with_semicolons_lists_the_wrong_business_id(as_user, supervisor_a, team_a):
    browser = as_user(supervisor_a)
    run = _upload(browser, team_a, "employers", "työnantajat.csv", csv_bytes(employer_rows()))
    assert run.headers[0] == "Nimi" and run.mapping["columns"]["business_id"] == "Y-tunnus"
    run = _check(browser, run)
    assert sorted(run.unmatched["status"]) == ["Kontakti", "Yhteistyökumppani"]
    assert {p["row"] for p in run.problems} == {2, 3}  # the two unmatched relationships, and the business ID on 3
    index = run.unmatched["status"].index("Kontakti")
    run = _check(browser, run, **{f"val_status_{index}": "in_contact", f"val_status_{1 - index}": "hiring_partner"})
    assert [p["row"] for p in run.problems] == [3]
    assert "check digit" in run.problems[0]["message"] or "tarkist" in run.problems[0]["message"]
    _commit(browser, run, skip_errors="1")
    assert sorted(Employer.objects.values_list("name", "status")) == [
        ("Kahvila Äijälä Oy", "in_contact"),
        ("Rautakauppa Öhman", "lead"),
    ]


def test_a_corrected_employer_file_updates_instead_of_duplicating(as_user, supervisor_a, team_a):
    browser = as_user(supervisor_a)
    rows = employer_rows()
    rows[1][4] = rows[2][4] = ""
    _commit(browser, _check(browser, _upload(browser, team_a, "employers", "e.csv", csv_bytes(rows))), skip_errors="1")
    rows[2][1] = "1234567-1"  # corrected
    rows[3][3] = "Vörå"
    run = _commit(browser, _check(browser, _upload(browser, team_a, "employers", "e2.csv", csv_bytes(rows))))
    assert run.status == ImportRun.Status.DONE, run.message
    assert (run.rows_created, run.rows_updated, run.rows_skipped) == (1, 1, 1)
    assert Employer.objects.count() == 3
    assert Employer.objects.get(business_id="2617416-4").municipality == "Vörå"


def test_clients_import_with_their_path_and_match_again_by_code(as_user, supervisor_a, team_a, coach_a):
    browser = as_user(supervisor_a)
    rows = [
        ["Asiakaskoodi", "Etunimi", "Sukunimi", "Työhönvalmentaja", "Vaihe", "Aloituspäivä", "Lähettäjä", "Suostumus"],
        ["A-1", "Aino", "Asiakas", coach_a.username, "työn etsintä", "3.2.2025", "Kela", "2025-02-03"],
        ["A-2", "Bertta", "Bee ", coach_a.username, "closed", 45700, "TE-toimisto", None],
    ]
    run = _check(browser, _upload(browser, team_a, "clients", "asiakkaat.xlsx", workbook(rows, group=False)))
    assert run.unmatched == {"source": ["TE-toimisto"]}
    problems = {(p["row"], p["column"]) for p in run.problems}
    assert (4, "Lähettäjä") in problems
    run = _check(browser, run, val_source_0="employment_services")
    # The closed client still lacks a closure date and an outcome.
    assert {p["row"] for p in run.problems} == {4}
    rows[2][4] = "Vaihe 1"
    # The corrected file keeps the mapping made for the first one; its new value is mapped like the others.
    run = _check(browser, _upload(browser, team_a, "clients", "asiakkaat2.xlsx", workbook(rows, group=False)))
    assert run.mapping["values"]["source"] == {"te-toimisto": "employment_services"}
    assert run.unmatched == {"stage": ["Vaihe 1"]}
    run = _check(browser, run, val_source_0="employment_services", val_stage_0="engagement")
    assert run.problems == [], run.problems
    run = _commit(browser, run)
    aino = Client.objects.get(first_name="Aino")
    assert aino.stage == "job_finding" and aino.code.startswith("POH-") and aino.consents.count() == 1
    assert aino.referral.source.code == "kela" and aino.assignments.get().team == team_a
    again = _check(browser, _upload(browser, team_a, "clients", "asiakkaat.xlsx", workbook(rows, group=False)))
    assert again.rows_skipped == 2 and again.rows_created == 0


def test_old_excel_files_are_refused_with_a_message(as_user, supervisor_a, team_a):
    response = as_user(supervisor_a).post(
        reverse("employers:import_list"),
        {"kind": "employers", "team": team_a.pk, "file": SimpleUploadedFile("vanha.xls", b"\xd0\xcf\x11\xe0")},
    )
    assert response.status_code == 200
    assert ".xlsx" in str(response.context["form"].errors["file"])
    assert ImportRun.objects.count() == 0


def test_too_many_rows_are_refused_with_a_message(as_user, supervisor_a, team_a, settings):
    settings.IMPORT_MAX_ROWS = 2
    response = as_user(supervisor_a).post(
        reverse("employers:import_list"),
        {"kind": "employers", "team": team_a.pk, "file": SimpleUploadedFile("e.csv", csv_bytes(employer_rows()))},
    )
    assert response.status_code == 200 and "3" in str(response.context["form"].errors["file"])


def test_a_coach_and_another_organisation_cannot_import(
    as_user, coach_a, org_admin_b, supervisor_a, team_a, entries_file
):
    run = _upload(as_user(supervisor_a), team_a, "time_entries", "t.xlsx", entries_file)
    assert as_user(coach_a).get(reverse("employers:import_list")).status_code == 403
    assert as_user(org_admin_b).get(reverse("employers:import_detail", args=[run.uuid])).status_code == 404


def test_the_organisation_admin_imports_for_a_team_of_the_organisation(as_user, org_admin, team_a, coach_a):
    browser = as_user(org_admin)
    run = _check(
        browser, _upload(browser, team_a, "employers", "e.csv", csv_bytes(employer_rows()[:1] + employer_rows()[3:]))
    )
    assert _commit(browser, run).status == ImportRun.Status.DONE
    assert Employer.objects.get().organisation == team_a.organisation


def test_employer_contacts_import_with_their_employer_and_client(as_user, supervisor_a, team_a, coach_a, client_a):
    employer = EmployerFactory(organisation=team_a.organisation, name="Kauppa Oy", business_id="0112038-9")
    day = timezone.localdate() - timedelta(days=400)  # history older than the form's wrong-year check
    # The client agreed then that the coach may talk to employers about them (a contact naming a client needs it).
    ConsentFactory(client=client_a, given_on=day - timedelta(days=30))
    rows = [
        ["Pvm", "Työhönvalmentaja", "Työnantaja", "Minuutit", "Tarkoitus", "Kasvokkain", "Asiakaskoodi"],
        [day.strftime("%d.%m.%Y"), coach_a.username, "0112038-9", 45, "Ensitapaaminen", "kyllä", None],
        [day.isoformat(), coach_a.username, "kauppa oy ", "30", "first_meeting", "ei", client_a.code],
        [day.isoformat(), coach_a.username, "Tuntematon Oy", 30, "first_meeting", "x", None],
        [day.isoformat(), coach_a.username, "Kauppa Oy", 900, "first_meeting", "x", None],
    ]
    browser = as_user(supervisor_a)
    run = _check(
        browser, _upload(browser, team_a, "contacts", "kaynnit.csv", csv_bytes(rows, separator=",", encoding="utf-8"))
    )
    assert {p["row"] for p in run.problems} >= {4, 5}, run.problems
    assert 3 not in {p["row"] for p in run.problems}, run.problems
    _commit(browser, run, skip_errors="1")
    contacts = employer.contacts.order_by("minutes")
    assert [(c.minutes, c.face_to_face, c.client_id, c.team_id) for c in contacts][-1] == (45, True, None, team_a.pk)
    assert contacts.filter(client=client_a, face_to_face=False).count() == 1


def test_jobs_import_checked_like_a_job_start(as_user, supervisor_a, team_a, client_a):
    ConsentFactory(client=client_a)  # a job naming the client needs consent covering employers when recorded
    EmployerFactory(organisation=team_a.organisation, name="Kauppa Oy", business_id="0112038-9")
    rows = [
        [
            "Asiakaskoodi",
            "Työnantaja",
            "Tehtävä",
            "Ammattikoodi",
            "Alkoi",
            "Päättyi",
            "Tuntia viikossa",
            "Työsuhde",
            "Päättymisen syy",
        ],
        [client_a.code, "0112038-9", "Myyjä", "5223", "1.3.2025", None, "20,5", "Määräaikainen", None],
        [client_a.code, "0112038-9", "Varastotyö", "9", "1.3.2025", None, "20", "fixed_term", None],
        [client_a.code, "0112038-9", "Kokki", "5120", "1.3.2025", "1.2.2025", "20", "fixed_term", "resigned"],
    ]
    browser = as_user(supervisor_a)
    run = _check(browser, _upload(browser, team_a, "jobs", "tyot.xlsx", workbook(rows, group=False)))
    assert run.unmatched.get("contract_type") in (None, ["Määräaikainen"])
    if run.unmatched.get("contract_type"):
        run = _check(browser, run, val_contract_type_0="fixed_term")
    assert {p["row"] for p in run.problems} == {4, 5}, run.problems  # a one-digit occupation code, an end before start
    _commit(browser, run, skip_errors="1")
    job = client_a.jobs.get()
    assert (job.title, job.hours_per_week, job.contract_type) == ("Myyjä", Decimal("20.5"), "fixed_term")


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_templates_have_headers_an_example_lists_and_notes(as_user, supervisor_a, language):
    response = as_user(supervisor_a).get(
        reverse("employers:import_template", args=["time_entries"]), {"language": language}
    )
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    data, lists, notes = book.worksheets
    headers = [cell.value for cell in data[1]]
    assert headers[0] == schema.TIME_ENTRIES.field("date").header(language)
    assert data.cell(row=2, column=1).value is not None  # the example row
    assert lists.sheet_state == "hidden" and data.data_validations.dataValidation
    assert notes.max_row >= len(headers) + 1
    # Each column's note starts with whether it is required, in the template's language.
    required = {
        "fi": ("Pakollinen.", "Vapaaehtoinen."),
        "sv": ("Obligatorisk.", "Frivillig."),
        "en": ("Required.", "Optional."),
    }
    notes_text = [notes.cell(row=n, column=2).value for n in range(2, len(headers) + 2)]
    assert all(text.startswith(required[language]) for text in notes_text), notes_text
    # Polku reads its own template back: every header is recognised.
    assert set(schema.guess_columns(schema.TIME_ENTRIES, headers)) == {spec.name for spec in schema.TIME_ENTRIES.fields}


def test_the_error_file_of_a_csv_is_the_users_csv_with_an_error_column(as_user, supervisor_a, team_a):
    browser = as_user(supervisor_a)
    rows = employer_rows()
    rows[1][4] = rows[2][4] = ""
    run = _check(browser, _upload(browser, team_a, "employers", "työnantajat.csv", csv_bytes(rows)))
    response = browser.get(reverse("employers:import_errors", args=[run.uuid]))
    assert response["Content-Type"] == "text/csv; charset=cp1252"
    lines = response.content.decode("cp1252").splitlines()
    assert lines[0].startswith("Nimi;Y-tunnus") and lines[0].endswith(";Virheet")
    assert response["Content-Disposition"].endswith("-virheet.csv")  # the file's name in the user's language
    assert lines[1].endswith(";") and "Y-tunnus:" in lines[2] and lines[3].endswith(";")
    assert "Pörssi Kauppa Ab" in lines[2]


def test_a_sheet_past_the_row_cap_is_refused_before_it_is_read_whole(as_user, supervisor_a, team_a, settings):
    settings.IMPORT_MAX_ROWS = 5
    rows = [["Nimi"]] + [[f"Oy {n}"] if n % 2 else [None] for n in range(40)]
    response = as_user(supervisor_a).post(
        reverse("employers:import_list"),
        {"kind": "employers", "team": team_a.pk, "file": SimpleUploadedFile("e.xlsx", workbook(rows, group=False))},
    )
    assert "5" in str(response.context["form"].errors["file"])
    assert ImportRun.objects.count() == 0


def test_the_menu_offers_the_import_to_supervisors_and_organisation_admins(as_user, coach_a, supervisor_a, org_admin):
    url = reverse("employers:import_list")
    for user, shown in ((coach_a, False), (supervisor_a, True), (org_admin, True)):
        menu = [item["url"] for item in as_user(user).get(reverse("ips:home"), follow=True).context["menu"]]
        assert (url in menu) is shown, user


def test_network_work_needs_consent_and_the_coach_a_role_on_the_day(as_user, supervisor_a, team_a, coach_a, client_a):
    today = timezone.localdate()
    Membership.objects.filter(user=coach_a).update(started=today - timedelta(days=20))
    ConsentFactory(client=client_a, given_on=today - timedelta(days=15), scope="Kela")
    rows = [
        ["Päivämäärä", "Työhönvalmentaja", "Minuutit", "Toiminto", "Asiakaskoodi"],
        [(today - timedelta(days=10)).isoformat(), coach_a.username, 60, "Verkostopalaveri", client_a.code],  # 3
        [(today - timedelta(days=17)).isoformat(), coach_a.username, 60, "Verkostopalaveri", client_a.code],  # 4
        [(today - timedelta(days=30)).isoformat(), coach_a.username, 60, "Kirjaaminen", None],  # 5
        [(today - timedelta(days=9)).isoformat(), coach_a.username, 600, "Kirjaaminen", None],  # 6
        [(today - timedelta(days=9)).isoformat(), coach_a.username, 400, "Matka", None],  # 7: 16 h 40 min
    ]
    browser = as_user(supervisor_a)
    run = _check(browser, _upload(browser, team_a, "time_entries", "t.xlsx", workbook(rows, group=False)))
    problems = {p["row"]: p for p in run.problems}
    assert set(problems) == {4, 5, 7}, run.problems
    assert problems[4]["column"] == "Asiakaskoodi"  # no valid consent yet on that day
    assert problems[5]["column"] == "Työhönvalmentaja"  # the coach's role began later
    assert problems[7]["column"] == "Minuutit"  # with row 6 the day passes 16 hours


def test_a_new_clients_service_and_its_dates_are_imported_and_checked(as_user, supervisor_a, team_a, coach_a):
    browser = as_user(supervisor_a)
    header = ["Etunimi", "Sukunimi", "Työhönvalmentaja", "Vaihe", "Aloituspäivä", "Palvelu", "Palvelu alkoi"]
    header += ["Palvelu päättyi", "Päättymispäivä", "Tulos"]
    rows = [
        header,
        ["Aino", "Arvio", coach_a.username, "työn etsintä", "3.2.2025", "Vain työkyvyn arviointi", "10.2.2025"],
        ["Bertta", "Loppu", coach_a.username, "Päättynyt", "3.2.2025", "IPS", "3.2.2025", "1.6.2025", "2.6.2025"],
        ["Cecilia", "Kesken", coach_a.username, "työn etsintä", "3.2.2025", None, None, None, "1.6.2025"],
        ["Daniel", "Väärin", coach_a.username, "työn etsintä", "3.2.2025", "IPS", "1.1.2025"],
        ["Eero", "Takaperin", coach_a.username, "Päättynyt", "3.2.2025", "IPS", "3.2.2025", "1.3.2025", "1.3.2025"],
    ]
    rows[2].append("Työ avoimilla työmarkkinoilla")
    rows[5][7:] = ["1.2.2025", "1.3.2025", "Työ avoimilla työmarkkinoilla"]
    run = _check(browser, _upload(browser, team_a, "clients", "palvelut.xlsx", workbook(rows, group=False)))
    problems = {(p["row"], p["column"]) for p in run.problems}
    # A closure date on a client who is not closed would be lost; a service before the entry or ending before it
    # starts cannot be.
    assert problems == {(5, "Päättymispäivä"), (6, "Palvelu alkoi"), (7, "Palvelu päättyi")}, run.problems
    _commit(browser, run, skip_errors="1")
    aino = Client.objects.get(first_name="Aino")
    assert (aino.service_type, aino.service_started, aino.service_ended) == ("assessment", date(2025, 2, 10), None)
    assert list(aino.service_periods.values_list("service", "started", "ended")) == [
        ("assessment", date(2025, 2, 10), None)
    ]
    bertta = Client.objects.get(first_name="Bertta")
    assert (bertta.service_ended, bertta.closed_on) == (date(2025, 6, 1), date(2025, 6, 2))
    assert list(bertta.service_periods.values_list("service", "started", "ended")) == [
        ("ips", date(2025, 2, 3), date(2025, 6, 2))
    ]
